package org.powercx.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;

/**
 * PLSc and model fit against ADANCO 2.2.1 on the satisfaction data (cSEM {@code tests/comparisons}; see the
 * resources README). ADANCO prints full doubles but stops its PLS iterations about 2e-8 from the fixed point
 * (its weights differ from ours, converged to 1e-13, by up to 2.1e-8); the PLSc correction and the structural
 * regressions on nearly collinear constructs (EXPE-QUAL correlate 0.98 after correction) amplify that, so the
 * tolerances are that weight error times the measured amplification of each quantity.
 */
class ConsistentPlsReferenceTest {
    private static final IndicatorTable DATA = RefData.survey("satisfaction");
    private static final PlsPm CENTROID = PlsPm.withDefaults().with(InnerScheme.CENTROID).withTolerance(1e-13);
    private static final PlscResult PLSC = ConsistentPls.withDefaults().with(CENTROID).fit(PathModel.powerCsi(),
        DATA);
    private static final double TOL = 5e-8;
    /** Implied indicator correlations: products of two loadings and a construct correlation (measured 4.4e-8). */
    private static final double IMPLIED = 1e-7;
    /**
     * Paths, total and indirect effects, R2: regressions on predecessors as collinear as EXPE and QUAL (corrected
     * correlation 0.98) amplify the weight difference about 17-fold (measured 3.5e-7).
     */
    private static final double PATHS = 1e-6;
    /** d_ULS sums 351 squared residuals, each off by up to the implied-correlation error (measured 8.7e-8). */
    private static final double D_ULS = 2e-7;


    private static int compareSheet(PathModel model, String file, int head, double[][] actual, boolean byIndicator,
            double tol) {
        List<String[]> lines = RefData.lines("adanco/" + file);
        String[] cols = lines.get(head);
        List<String> names = byIndicator ? model.indicatorNames() : model.constructNames();
        int checked = 0;
        for (String[] row : lines.subList(head + 1, lines.size())) {
            for (int c = 2; c < row.length; c++) {
                if (!row[c].isEmpty()) {
                    double got = actual[names.indexOf(row[1])][names.indexOf(cols[c])];
                    assertThat(got).as("%s %s, %s", file, row[1], cols[c]).isCloseTo(RefData.num(row[c]),
                        within(tol));
                    checked++;
                }
            }
        }
        return checked;
    }

    @Test
    void loadingsReliabilitiesAndValidity() {
        PathModel model = PLSC.model();
        Map<String, double[]> ref = RefData.adanco("adanco/cf_modeA_plsc__Loadings.csv", 2);
        assertThat(ref).hasSize(27);
        for (Map.Entry<String, double[]> e : ref.entrySet()) {
            double expected = Double.NaN;
            for (double v : e.getValue()) {
                expected = Double.isNaN(v) ? expected : v;
            }
            assertThat(PLSC.loading(e.getKey())).as("loading %s", e.getKey()).isCloseTo(expected, within(TOL));
        }
        Map<String, double[]> rel = RefData.adanco("adanco/cf_modeA_plsc__Construct_Reliability.csv", 2);
        Map<String, double[]> ave = RefData.adanco("adanco/cf_modeA_plsc__Convergent_Validity.csv", 2);
        assertThat(rel).hasSize(6);
        assertThat(ave).hasSize(6);
        for (String c : model.constructNames()) {
            int j = model.indexOf(c);
            assertThat(PLSC.reliabilities()[j]).as("rhoA %s", c).isCloseTo(rel.get(c)[0], within(TOL));
            assertThat(PLSC.rhoC()[j]).as("rhoC %s", c).isCloseTo(rel.get(c)[1], within(TOL));
            assertThat(PLSC.ave()[j]).as("AVE %s", c).isCloseTo(ave.get(c)[0], within(TOL));
        }
    }

    @Test
    void constructCorrelationsPathsEffectsAndRSquared() {
        PathModel model = PLSC.model();
        assertThat(compareSheet(model, "cf_modeA_plsc__Inter_Construct_Correlations.csv", 1,
            PLSC.constructCorrelations(), false, TOL)).isEqualTo(21);
        assertThat(compareSheet(model, "cf_modeA_plsc__Path_Coefficients.csv", 2, PLSC.pathCoefficients(), false,
            PATHS)).isEqualTo(10);
        Map<String, double[]> r2 = RefData.adanco("adanco/cf_modeA_plsc__R_Squared.csv", 2);
        assertThat(r2).hasSize(5);
        for (Map.Entry<String, double[]> e : r2.entrySet()) {
            assertThat(PLSC.rSquared(e.getKey())).as("R2 %s", e.getKey()).isCloseTo(e.getValue()[0], within(PATHS));
            assertThat(PLSC.adjustedRSquared(e.getKey())).isCloseTo(e.getValue()[1], within(PATHS));
        }
        Map<String, double[]> eff = RefData.adanco("adanco/cf_modeA_plsc__Effect_Overview.csv", 2);
        assertThat(eff).hasSize(15);
        for (Map.Entry<String, double[]> e : eff.entrySet()) {
            String[] ft = e.getKey().split(" -> ");
            double[] v = e.getValue();
            assertThat(PLSC.totalEffect(ft[0], ft[1])).as("total %s", e.getKey()).isCloseTo(v[2], within(PATHS));
            assertThat(PLSC.indirectEffect(ft[0], ft[1])).as("indirect %s", e.getKey())
                .isCloseTo(Double.isNaN(v[1]) ? 0 : v[1], within(PATHS));
        }
        assertThat(PLSC.admissible()).as(PLSC.inadmissibilities().toString()).isTrue();
    }

    @Test
    void fitOfTheCommonFactorModel() {
        FitIndices fit = ModelFit.withDefaults().assess(PLSC);
        PathModel model = PLSC.model();
        assertThat(compareSheet(model, "cf_modeA_plsc__Impl_Cor_Estimated_Model.csv", 1, fit.impliedCorrelations(),
            true, IMPLIED)).isEqualTo(27 * 27);
        assertThat(compareSheet(model, "cf_modeA_plsc__Impl_Cor_Saturated_Model.csv", 1,
            fit.saturatedImpliedCorrelations(), true, IMPLIED)).isEqualTo(27 * 27);
        assertFit(fit, "cf_modeA_plsc__Goodness_of_model_fit_");
    }

    @Test
    void fitOfTheCompositeModel() {
        PlsResult pls = CENTROID.fit(RefData.s6ModeB(), DATA);
        FitIndices fit = ModelFit.withDefaults().assess(pls);
        assertThat(compareSheet(pls.model(), "composite_modeB__Impl_Cor_Estimated_Model.csv", 1,
            fit.impliedCorrelations(), true, IMPLIED)).isEqualTo(27 * 27);
        assertThat(compareSheet(pls.model(), "composite_modeB__Impl_Cor_Saturated_Model.csv", 1,
            fit.saturatedImpliedCorrelations(), true, IMPLIED)).isEqualTo(27 * 27);
        assertFit(fit, "composite_modeB__Goodness_of_model_fit_");
    }

    /**
     * Bollen-Stine quantiles against ADANCO's HI95 and HI99, which are Monte Carlo values from an unstated number
     * of resamples and seed. Composite model: 2,000 resamples land within 2.2 % of them (5 % allowed). PLSc: on
     * these data 63 % of the resamples are inadmissible (EXPE and QUAL correlate 0.98 after correction) and are
     * dropped as cSEM does; ADANCO does not document its handling, and the quantiles lie within 8 % (HI95) and
     * 16 % (HI99) (10 % and 20 % allowed). Without the transformation the quantiles would sit near the observed
     * values, which the last assertion excludes.
     */
    @Test
    void bollenStineQuantiles() {
        for (boolean consistent : new boolean[] {true, false}) {
            String prefix = consistent ? "cf_modeA_plsc__" : "composite_modeB__";
            ModelFit mf = ModelFit.withDefaults().withResamples(2000).withThreads(2);
            FitIndices fit = consistent ? mf.test(PLSC, 20_260_101L) : mf.test(CENTROID.fit(RefData.s6ModeB(), DATA),
                20_260_101L);
            Map<String, double[]> est = RefData.adanco("adanco/" + prefix + "Goodness_of_model_fit_estimate.csv", 2);
            Map<String, double[]> sat = RefData.adanco("adanco/" + prefix + "Goodness_of_model_fit_saturate.csv", 2);
            String[] names = {"SRMR", "dULS", "dG"};
            FitMeasure[] all = FitMeasure.values();
            for (int c = 0; c < 6; c++) {
                double[] ref = (c < 3 ? est : sat).get(names[c % 3]);
                double rel95 = consistent ? 0.10 : 0.05;
                double rel99 = consistent ? 0.20 : 0.05;
                assertThat(fit.hi95(all[c])).as("%s %s HI95", prefix, all[c]).isCloseTo(ref[1],
                    within(rel95 * ref[1]));
                assertThat(fit.hi99(all[c])).as("%s %s HI99", prefix, all[c]).isCloseTo(ref[2],
                    within(rel99 * ref[2]));
                assertThat(fit.hi95(all[c])).isLessThan(fit.value(all[c]));
            }
        }
    }

    private static void assertFit(FitIndices fit, String prefix) {
        Map<String, double[]> est = RefData.adanco("adanco/" + prefix + "estimate.csv", 2);
        Map<String, double[]> sat = RefData.adanco("adanco/" + prefix + "saturate.csv", 2);
        assertThat(fit.value(FitMeasure.SRMR)).as("SRMR").isCloseTo(est.get("SRMR")[0], within(TOL));
        assertThat(fit.value(FitMeasure.D_ULS)).as("dULS").isCloseTo(est.get("dULS")[0], within(D_ULS));
        assertThat(fit.value(FitMeasure.D_G)).as("dG").isCloseTo(est.get("dG")[0], within(TOL));
        assertThat(fit.value(FitMeasure.SATURATED_SRMR)).as("sat SRMR").isCloseTo(sat.get("SRMR")[0], within(TOL));
        assertThat(fit.value(FitMeasure.SATURATED_D_ULS)).as("sat dULS").isCloseTo(sat.get("dULS")[0], within(D_ULS));
        assertThat(fit.value(FitMeasure.SATURATED_D_G)).as("sat dG").isCloseTo(sat.get("dG")[0], within(TOL));
    }
}
