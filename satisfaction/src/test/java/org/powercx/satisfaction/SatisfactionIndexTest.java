package org.powercx.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;

/**
 * ACSI indices against ADANCO 2.2.1 "Unstandardized Construct Scores" (the rescaled-weight composite of the raw
 * answers, which agree with ADANCO to 5e-7 on the 0-10 scale given ADANCO's 2e-8 weight error and leaves blank for blocks with a negative weight).
 */
class SatisfactionIndexTest {
    private static final IndicatorTable DATA = RefData.survey("satisfaction");
    private static final PlsPm CENTROID = PlsPm.withDefaults().with(InnerScheme.CENTROID).withTolerance(1e-13);

    private static void compare(PathModel model, String file) {
        PlsResult r = CENTROID.fit(model, DATA);
        SatisfactionIndex idx = SatisfactionIndex.of(r, 0, 10);
        List<String[]> lines = RefData.lines("adanco/" + file);
        String[] head = lines.get(1);
        for (int c = 2; c < head.length; c++) {
            double[] resp = idx.respondentIndices(head[c]);
            double sum = 0;
            boolean blank = lines.get(2)[c].isEmpty();
            for (int i = 2; i < lines.size(); i++) {
                String cell = lines.get(i)[c];
                if (blank) {
                    assertThat(cell).isEmpty();
                    assertThat(resp[i - 2]).isNaN();
                } else {
                    assertThat(resp[i - 2] / 10).as("%s %d", head[c], i).isCloseTo(RefData.num(cell), within(5e-7));
                    sum += RefData.num(cell);
                }
            }
            if (blank) {
                assertThat(idx.index(head[c])).isNaN();
            } else {
                assertThat(idx.index(head[c]) / 10).isCloseTo(sum / 250, within(5e-7));
            }
        }
    }

    @Test
    void modeAMatchesAdancoUnstandardisedScores() {
        compare(PathModel.powerCsi(), "cf_modeA_plsc__Unstandardized_Construct_Scores.csv");
        SatisfactionIndex idx = SatisfactionIndex.of(CENTROID.fit(PathModel.powerCsi(), DATA), 0, 10);
        // column means of the ADANCO scores, as listed in the reference README
        assertThat(idx.index("IMAG")).isCloseTo(75.79329, within(1e-4));
        assertThat(idx.index("LOY")).isCloseTo(72.01087, within(1e-4));
        double[] w = idx.rescaledWeights();
        double s = 0;
        for (int k = 0; k < 5; k++) {
            s += w[k];
        }
        assertThat(s).isCloseTo(1, within(1e-14));
        assertThat(idx.indices()).hasSize(6);
        assertThat(idx.toString()).contains("SAT").contains("0-100");
    }

    @Test
    void modeBBlocksWithNegativeWeightsHaveNoIndex() {
        compare(RefData.s6ModeB(), "composite_modeB__Unstandardized_Construct_Scores.csv");
    }

    @Test
    void importancePerformanceMap() {
        PlsResult r = CENTROID.fit(PathModel.powerCsi(), DATA);
        SatisfactionIndex idx = SatisfactionIndex.of(r, 0, 10);
        ImportancePerformance map = idx.importancePerformance("LOY");
        assertThat(map.constructs()).containsExactly("IMAG", "EXPE", "QUAL", "VAL", "SAT");
        assertThat(map.importance()[4]).isEqualTo(r.pathCoefficient("SAT", "LOY"));
        assertThat(map.importance()[0]).isEqualTo(r.totalEffect("IMAG", "LOY"));
        assertThat(map.performance()[4]).isEqualTo(idx.index("SAT"));
        assertThat(map.target()).isEqualTo("LOY");
        assertThat(map.toString()).contains("importance").contains("EXPE");
        assertThatThrownBy(() -> idx.importancePerformance("IMAG")).hasMessageContaining("construct 'IMAG'");
        assertThatThrownBy(() -> new ImportancePerformance("X", List.of("a"), new double[2], new double[1]))
            .hasMessageContaining("'X'");
        assertThatThrownBy(() -> new ImportancePerformance(null, List.of(), new double[0], new double[0]))
            .hasMessageContaining("null");
    }

    @Test
    void validation() {
        PlsResult r = CENTROID.fit(PathModel.powerCsi(), DATA);
        assertThatThrownBy(() -> SatisfactionIndex.of(null, 0, 10)).hasMessageContaining("null");
        assertThatThrownBy(() -> SatisfactionIndex.of(r, 10, 0)).hasMessageContaining("[10.0, 0.0]");
        assertThatThrownBy(() -> SatisfactionIndex.of(r, 0, Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> SatisfactionIndex.of(r, 1, 10)).hasMessageContaining("outside the scale")
            .hasMessageContaining("indicator '");
        assertThatThrownBy(() -> SatisfactionIndex.of(r, 0, 10).index("X")).hasMessageContaining("'X'");
    }
}
