package org.powercx.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;

/**
 * R plspm 0.5 with {@code scaled = FALSE} on the satisfaction data (fixtures of GoogleCloudPlatform/plspm-python).
 * plspm stops at a squared weight change below 1e-6, so it sits about 1e-6 from the fixed point for Mode A.
 */
class PlspmReferenceTest {
    private static final IndicatorTable DATA = RefData.survey("satisfaction");
    private static final double TOL = 2e-6;

    private static PlsResult fit(InnerScheme scheme) {
        return PlsPm.withDefaults().with(scheme).with(Scaling.CENTRED).withTolerance(1e-13)
            .fit(PathModel.powerCsi(), DATA);
    }

    private static void outerModel(String file, InnerScheme scheme) {
        PlsResult r = fit(scheme);
        Map<String, double[]> ref = RefData.table("plspm/" + file, 2);
        assertThat(ref).hasSize(27);
        for (Map.Entry<String, double[]> e : ref.entrySet()) {
            String ind = e.getKey();
            assertThat(r.weight(ind)).as("weight " + ind).isCloseTo(e.getValue()[0], within(TOL));
            assertThat(r.loading(ind)).as("loading " + ind).isCloseTo(e.getValue()[1], within(TOL));
            assertThat(r.communality(ind)).as("communality " + ind).isCloseTo(e.getValue()[2], within(2 * TOL));
            assertThat(r.redundancy(ind)).as("redundancy " + ind).isCloseTo(e.getValue()[3], within(2 * TOL));
        }
    }

    @Test
    void centroidOuterModel() {
        outerModel("satisfaction.outer-model.csv", InnerScheme.CENTROID);
    }

    @Test
    void pathOuterModel() {
        outerModel("satisfaction.outer-model-path.csv", InnerScheme.PATH);
    }

    @Test
    void factorialOuterModel() {
        outerModel("satisfaction.outer-model-factorial.csv", InnerScheme.FACTORIAL);
    }

    @Test
    void innerSummaryAndEffects() {
        PlsResult r = fit(InnerScheme.CENTROID);
        Map<String, double[]> sum = RefData.table("plspm/satisfaction.inner-summary.csv", 2);
        for (Map.Entry<String, double[]> e : sum.entrySet()) {
            String c = e.getKey();
            assertThat(r.rSquared(c)).as("R2 " + c).isCloseTo(e.getValue()[0], within(TOL));
            assertThat(r.blockCommunality(c)).as("communality " + c).isCloseTo(e.getValue()[1], within(TOL));
            assertThat(r.meanRedundancy(c)).as("redundancy " + c).isCloseTo(e.getValue()[2], within(TOL));
            assertThat(r.quality().ave()[r.model().indexOf(c)]).as("AVE " + c).isCloseTo(e.getValue()[3],
                within(TOL));
        }
        Map<String, double[]> eff = RefData.table("plspm/satisfaction.effects.csv", 3);
        assertThat(eff).hasSize(15);
        for (Map.Entry<String, double[]> e : eff.entrySet()) {
            String[] ft = e.getKey().split(" -> ");
            assertThat(r.pathCoefficient(ft[0], ft[1])).as(e.getKey()).isCloseTo(e.getValue()[0], within(TOL));
            assertThat(r.indirectEffect(ft[0], ft[1])).as(e.getKey()).isCloseTo(e.getValue()[1], within(TOL));
            assertThat(r.totalEffect(ft[0], ft[1])).as(e.getKey()).isCloseTo(e.getValue()[2], within(TOL));
        }
        Map<String, double[]> sat = RefData.table("plspm/satisfaction.inner-model.csv", 1);
        for (Map.Entry<String, double[]> e : sat.entrySet()) {
            assertThat(r.pathCoefficient(e.getKey(), "SAT")).isCloseTo(e.getValue()[0], within(TOL));
        }
    }

    @Test
    void scoresAndCrossLoadings() {
        PlsResult r = fit(InnerScheme.CENTROID);
        List<String[]> lines = RefData.lines("plspm/satisfaction.scores.csv");
        double[][] y = r.scores();
        assertThat(lines).hasSize(251);
        for (int i = 1; i < lines.size(); i++) {
            for (int j = 0; j < 6; j++) {
                assertThat(y[i - 1][j]).as("score %d %d", i, j).isCloseTo(RefData.num(lines.get(i)[j]),
                    within(2e-5));
            }
        }
        double[][] cross = r.crossLoadings();
        List<String> names = r.model().indicatorNames();
        Map<String, double[]> ref = RefData.table("plspm/satisfaction.crossloadings.csv", 2);
        for (int k = 0; k < 27; k++) {
            double[] row = ref.get(names.get(k));
            for (int j = 0; j < 6; j++) {
                assertThat(cross[k][j]).as("cross-loading %s %d", names.get(k), j).isCloseTo(row[j], within(TOL));
            }
        }
    }

    @Test
    void cronbachAlphaIsStandardised() {
        PlsResult r = fit(InnerScheme.CENTROID);
        double[] alpha = r.quality().cronbachAlpha();
        Map<String, double[]> ref = RefData.table("plspm/satisfaction_unidim.csv", 3);
        for (Map.Entry<String, double[]> e : ref.entrySet()) {
            assertThat(alpha[r.model().indexOf(e.getKey())]).as(e.getKey()).isCloseTo(e.getValue()[0],
                within(1e-12));
        }
    }

    @Test
    void modeBInnerSummary() {
        PlsResult r = PlsPm.withDefaults().with(InnerScheme.CENTROID).with(Scaling.CENTRED).withTolerance(1e-13)
            .fit(RefData.s6ModeB(), DATA);
        Map<String, double[]> sum = RefData.table("plspm/satisfaction.modeb.inner-summary.csv", 2);
        for (Map.Entry<String, double[]> e : sum.entrySet()) {
            String c = e.getKey();
            assertThat(r.rSquared(c)).as("R2 " + c).isCloseTo(e.getValue()[0], within(1e-4));
            assertThat(r.blockCommunality(c)).as("communality " + c).isCloseTo(e.getValue()[1], within(1e-4));
            assertThat(r.meanRedundancy(c)).as("redundancy " + c).isCloseTo(e.getValue()[2], within(1e-4));
        }
    }
}
