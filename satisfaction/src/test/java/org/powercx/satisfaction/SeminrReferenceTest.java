package org.powercx.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;

/**
 * R seminr 2.x regression fixtures ({@code tests/fixtures/V_3_6_0}) for the 4-construct mobi model, and seminr's
 * 5-construct model with a Mode B block (plspm-python fixtures). seminr stops at a summed absolute weight change
 * below 1e-7 and standardises with the n - 1 divisor.
 */
class SeminrReferenceTest {
    private static final IndicatorTable MOBI = RefData.survey("mobi");
    private static final double TOL = 1e-8;
    private static final PlsPm PLS = PlsPm.withDefaults().withTolerance(1e-13);

    private static void assertConstructMatrix(PlsResult r, String file, double[][] actual, boolean rowsAreTargets,
            double tol) {
        Map<String, double[]> ref = RefData.table("seminr/" + file, 1);
        String[] head = RefData.header("seminr/" + file);
        for (Map.Entry<String, double[]> e : ref.entrySet()) {
            for (int c = 0; c < e.getValue().length; c++) {
                double expected = e.getValue()[c];
                if (Double.isNaN(expected)) {
                    continue;
                }
                int i = r.model().indexOf(e.getKey());
                int j = r.model().indexOf(head[c + 1]);
                double got = rowsAreTargets ? actual[j][i] : actual[i][j];
                assertThat(got).as("%s %s %s", file, e.getKey(), head[c + 1]).isCloseTo(expected, within(tol));
            }
        }
    }

    private static void assertWeights(PlsResult r, String file) {
        Map<String, double[]> ref = RefData.table("seminr/" + file, 1);
        assertThat(ref).hasSize(13);
        for (Map.Entry<String, double[]> e : ref.entrySet()) {
            double expected = 0;
            for (double v : e.getValue()) {
                expected += v;
            }
            assertThat(r.weight(e.getKey())).as(e.getKey()).isCloseTo(expected, within(TOL));
        }
    }

    @Test
    void pathSchemeWeightsPathsAndScores() {
        PlsResult r = PLS.fit(RefData.m4(), MOBI);
        assertWeights(r, "inner_weights_weights.csv");
        assertConstructMatrix(r, "inner_weights_coefficients.csv", r.pathCoefficients(), false, TOL);
        Map<String, double[]> r2 = RefData.table("seminr/rsquared1.csv", 1);
        assertThat(r.rSquared("Satisfaction")).isCloseTo(r2.get("Rsq")[0], within(TOL));
        assertThat(r.adjustedRSquared("Satisfaction")).isCloseTo(r2.get("AdjRsq")[0], within(TOL));
        List<String[]> lines = RefData.lines("seminr/inner_weights_constructscores.csv");
        double[][] y = r.scores();
        double toSample = Math.sqrt(249.0 / 250.0);
        for (int i = 1; i < lines.size(); i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(y[i - 1][j] * toSample).isCloseTo(RefData.num(lines.get(i)[j + 1]), within(TOL));
            }
        }
    }

    @Test
    void factorialScheme() {
        PlsResult r = PLS.with(InnerScheme.FACTORIAL).fit(RefData.m4(), MOBI);
        assertWeights(r, "factorial_weights.csv");
        assertConstructMatrix(r, "factorial_coefficients.csv", r.pathCoefficients(), false, TOL);
    }

    @Test
    void reliabilityValidityAndCollinearity() {
        PlsResult r = PLS.fit(RefData.m4(), MOBI);
        PlsQuality q = r.quality();
        Map<String, double[]> rel = RefData.table("seminr/reliability.csv", 1);
        for (Map.Entry<String, double[]> e : rel.entrySet()) {
            int j = r.model().indexOf(e.getKey());
            assertThat(q.cronbachAlpha()[j]).as("alpha " + e.getKey()).isCloseTo(e.getValue()[0], within(TOL));
            assertThat(q.rhoC()[j]).as("rhoC " + e.getKey()).isCloseTo(e.getValue()[1], within(TOL));
            assertThat(q.ave()[j]).as("AVE " + e.getKey()).isCloseTo(e.getValue()[2], within(TOL));
            assertThat(q.rhoA()[j]).as("rhoA " + e.getKey()).isCloseTo(e.getValue()[3], within(TOL));
        }
        assertConstructMatrix(r, "htmt.csv", q.htmt(true), false, TOL);
        double[][] cross = r.crossLoadings();
        Map<String, double[]> cl = RefData.table("seminr/cross_loadings.csv", 1);
        for (Map.Entry<String, double[]> e : cl.entrySet()) {
            int k = r.model().indicatorNames().indexOf(e.getKey());
            for (int j = 0; j < 4; j++) {
                assertThat(cross[k][j]).as("cross %s %d", e.getKey(), j).isCloseTo(e.getValue()[j], within(TOL));
            }
        }
        List<String[]> fl = RefData.lines("seminr/fl_table.csv");
        double[][] flActual = q.fornellLarcker();
        for (int i = 1; i < fl.size(); i++) {
            for (int j = 0; j < i; j++) {
                assertThat(flActual[i - 1][j]).as("FL %d %d", i, j).isCloseTo(RefData.num(fl.get(i)[j]),
                    within(TOL));
            }
        }
        List<String[]> vif = RefData.lines("seminr/vifs/flat_item_vifs1.csv");
        double[] itemVif = q.indicatorVif();
        for (int c = 0; c < vif.get(0).length; c++) {
            String ind = vif.get(0)[c].split("\\*")[1];
            assertThat(itemVif[r.model().indicatorNames().indexOf(ind)]).as("VIF " + ind)
                .isCloseTo(RefData.num(vif.get(1)[c]), within(TOL));
        }
        List<String[]> inner = RefData.lines("seminr/vifs/flat_vif_antecedents1.csv");
        double[][] innerVif = q.innerVif();
        for (int c = 0; c < inner.get(0).length; c++) {
            String[] tp = inner.get(0)[c].split("\\*");
            assertThat(innerVif[r.model().indexOf(tp[1])][r.model().indexOf(tp[0])]).as("VIF " + tp[1])
                .isCloseTo(RefData.num(inner.get(1)[c]), within(TOL));
        }
    }

    @Test
    void formativeQualityModel() {
        PathModel model = PathModel.builder()
            .reflective("Image", "IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5")
            .reflective("Expectation", "CUEX1", "CUEX2", "CUEX3")
            .formative("Quality", "PERQ1", "PERQ2", "PERQ3", "PERQ4", "PERQ5", "PERQ6", "PERQ7")
            .reflective("Complaints", "CUSCO")
            .reflective("Loyalty", "CUSL1", "CUSL2", "CUSL3")
            .path("Image", "Expectation").path("Expectation", "Loyalty").path("Quality", "Loyalty")
            .path("Complaints", "Loyalty")
            .build();
        PlsResult r = PLS.fit(model, MOBI);
        Map<String, double[]> outer = RefData.table("plspm/seminr-mobi-basic-outer-model.csv", 1);
        assertThat(outer).hasSize(19);
        for (Map.Entry<String, double[]> e : outer.entrySet()) {
            assertThat(r.weight(e.getKey())).as(e.getKey()).isCloseTo(e.getValue()[0], within(1e-7));
            assertThat(r.loading(e.getKey())).as(e.getKey()).isCloseTo(e.getValue()[1], within(1e-7));
        }
        Map<String, double[]> paths = RefData.table("plspm/seminr-mobi-basic-paths.csv", 1);
        String[] head = RefData.header("plspm/seminr-mobi-basic-paths.csv");
        for (Map.Entry<String, double[]> e : paths.entrySet()) {
            for (int c = 0; c < e.getValue().length; c++) {
                assertThat(r.pathCoefficient(e.getKey(), head[c + 1])).isCloseTo(e.getValue()[c], within(1e-7));
            }
        }
    }
}
