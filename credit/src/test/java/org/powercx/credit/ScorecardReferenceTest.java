package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;

/**
 * The scorecard and monitoring on the German credit data against german_scorecard_reference.json, written by
 * scorecard_reference.py (beside it in the test resources): the binning re-implemented in numpy 1.24.2 from the
 * algorithm in MonotoneBinning's javadoc, WoE and IV computed in numpy from those bins, and scikit-learn 1.2.1
 * LogisticRegression(solver='newton-cg', tol=1e-8) on that WoE design (within 4e-10 of an exact Newton
 * solution, hence the 1e-8 tolerance on coefficients).
 */
class ScorecardReferenceTest {
    private static final JsonNode REF = Reference.json("german_scorecard_reference.json");
    private static final IndicatorTable TABLE = GermanCredit.table();
    private static final int[] Y = GermanCredit.labels();

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    private static long[] longs(JsonNode a) {
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asLong();
        }
        return out;
    }

    @Test
    void binsWoeAndInformationValueMatchNumpy() {
        MonotoneBinning binning = MonotoneBinning.withDefaults();
        assertThat(binning.startBins()).isEqualTo(REF.get("initial_bins").asInt());
        assertThat(binning.minBinShare()).isEqualTo(REF.get("min_share").asDouble());
        for (int j = 0; j < TABLE.indicatorCount(); j++) {
            String name = TABLE.indicator(j).name();
            JsonNode r = REF.get("indicators").get(name);
            BinnedIndicator b = binning.fit(name, TABLE.column(j), Y);
            assertThat(b.upperBounds()).as(name).containsExactly(doubles(r.get("upper")));
            if (b.binCount() == 1) {
                assertThat(b.informationValue()).isZero();
                continue;
            }
            assertThat(b.goods()).as(name).containsExactly(longs(r.get("goods")));
            assertThat(b.defaults()).as(name).containsExactly(longs(r.get("bads")));
            assertThat(b.woe()).as(name).containsExactly(doubles(r.get("woe")), within(1e-12));
            assertThat(b.informationValue()).as(name).isCloseTo(r.get("iv").asDouble(), within(1e-12));
        }
    }

    @Test
    void logisticCoefficientsMatchScikitLearnUnpenalisedAndL2() {
        ScorecardModel card = Scorecard.withDefaults().fit(TABLE, Y);
        List<String> kept = new ArrayList<>();
        REF.get("kept").forEach(n -> kept.add(n.asText()));
        assertThat(card.indicatorNames()).containsExactlyElementsOf(kept);
        for (String lambda : List.of("0.0", "1.0", "10.0")) {
            ScorecardModel m = Scorecard.withDefaults()
                .withRegression(LogisticRegression.withDefaults().withPenalty(Double.parseDouble(lambda)))
                .fit(TABLE, Y);
            JsonNode r = REF.get("logistic").get(lambda);
            assertThat(m.regression().intercept()).as(lambda).isCloseTo(r.get("intercept").asDouble(), within(1e-8));
            assertThat(m.regression().coefficients()).as(lambda)
                .containsExactly(doubles(r.get("coef")), within(1e-8));
            assertThat(m.regression().iterations()).isBetween(3, 12);
        }
    }

    @Test
    void pointsAndScoresMatchTheReferenceCard() {
        ScorecardModel card = Scorecard.withDefaults().fit(TABLE, Y);
        for (String name : card.indicatorNames()) {
            assertThat(card.points(name)).as(name).containsExactly(doubles(REF.get("points").get(name)),
                within(1e-6));
        }
        double[] s = card.scores(TABLE);
        assertThat(java.util.Arrays.copyOf(s, 5)).containsExactly(doubles(REF.get("scores_first5")), within(1e-6));
        double sum = 0;
        for (double v : s) {
            sum += v;
        }
        assertThat(sum).isCloseTo(REF.get("score_sum").asDouble(), within(1e-4));
        // the score is offset - factor * eta, and the probabilities follow eta
        double[] eta = card.logits(TABLE);
        double[] p = card.defaultProbabilities(TABLE);
        for (int i = 0; i < s.length; i++) {
            assertThat(s[i]).isCloseTo(card.scaling().points(eta[i]), within(1e-9));
            assertThat(p[i]).isCloseTo(1 / (1 + Math.exp(-eta[i])), within(1e-15));
        }
    }

    @Test
    void stabilityOfScoresAndGradesMatchesNumpy() {
        ScorecardModel card = Scorecard.withDefaults().fit(TABLE, Y);
        double[] s = card.scores(TABLE);
        double[] base = java.util.Arrays.copyOfRange(s, 0, 600);
        double[] batch = java.util.Arrays.copyOfRange(s, 600, 1000);
        StabilityReport r = PopulationStability.withDefaults().evaluate(base, batch);
        JsonNode ref = REF.get("score_psi");
        assertThat(r.expectedCounts()).containsExactly(longs(ref.get("expected")));
        assertThat(r.actualCounts()).containsExactly(longs(ref.get("actual")));
        assertThat(r.index()).isCloseTo(ref.get("psi").asDouble(), within(1e-12));

        JsonNode g = REF.get("grade_psi");
        CreditGrades grades = CreditGrades.ofCutoffs(doubles(g.get("cutoffs")));
        int[] gb = grades.grades(negate(base));
        int[] ga = grades.grades(negate(batch));
        StabilityReport rg = PopulationStability.withDefaults().evaluateGrades(grades.names(), gb, ga);
        assertThat(rg.expectedCounts()).containsExactly(longs(g.get("expected")));
        assertThat(rg.actualCounts()).containsExactly(longs(g.get("actual")));
        assertThat(rg.index()).isCloseTo(g.get("psi").asDouble(), within(1e-12));
    }

    @Test
    void characteristicStabilityAndMigrationMatchNumpy() {
        ScorecardModel card = Scorecard.withDefaults().fit(TABLE, Y);
        double[][] cols = new double[TABLE.indicatorCount()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = TABLE.column(j);
        }
        for (int i = 0; i < cols[1].length; i++) {
            cols[1][i] += 12;
        }
        IndicatorTable later = IndicatorTable.ofColumns(TABLE.indicators(), TABLE.ids(), cols);
        List<CharacteristicStability> csi = card.characteristicStability(TABLE, later,
            PopulationStability.withDefaults());
        for (CharacteristicStability c : csi) {
            JsonNode r = REF.get("characteristic_stability").get(c.indicator());
            assertThat(c.bins().expectedCounts()).as(c.indicator()).containsExactly(longs(r.get("expected")));
            assertThat(c.bins().actualCounts()).as(c.indicator()).containsExactly(longs(r.get("actual")));
            assertThat(c.index()).as(c.indicator()).isCloseTo(r.get("psi").asDouble(), within(1e-12));
            assertThat(c.scoreShift()).as(c.indicator()).isCloseTo(r.get("shift").asDouble(), within(1e-6));
        }
        assertThat(csi.get(1).index()).isGreaterThan(0.25);
        CreditGrades grades = CreditGrades.ofCutoffs(doubles(REF.get("grade_psi").get("cutoffs")));
        GradeMigration m = GradeMigration.of(grades.names(), grades.grades(negate(card.scores(TABLE))),
            grades.grades(negate(card.scores(later))));
        long[][] counts = m.counts();
        for (int g = 0; g < counts.length; g++) {
            assertThat(counts[g]).containsExactly(longs(REF.get("migration").get(g)));
        }
        assertThat(m.improved()).isZero();
    }

    private static double[] negate(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = -a[i];
        }
        return out;
    }
}
