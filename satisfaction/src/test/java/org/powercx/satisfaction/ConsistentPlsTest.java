package org.powercx.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;

/** Properties of PLSc and of the model fit measures that do not need a third party's numbers. */
class ConsistentPlsTest {
    private static final double[] PATHS = {0.4, 0.3, 0.5, 0.2};
    private static final IndicatorTable LARGE = SyntheticSurvey.generate(20_000, 4, PATHS, 7);
    private static final PathModel MODEL = SyntheticSurvey.model(4);

    @Test
    void plscRecoversThePopulationPathsThatPlsAttenuates() {
        PlscResult plsc = ConsistentPls.withDefaults().fit(MODEL, LARGE);
        PlsResult pls = plsc.pls();
        String[][] edges = {{"A", "C"}, {"B", "C"}, {"C", "D"}, {"A", "D"}};
        for (int e = 0; e < edges.length; e++) {
            // sampling standard error of a path at n = 20,000 is about 0.007; 0.03 is over four of them
            assertThat(plsc.pathCoefficient(edges[e][0], edges[e][1])).as("PLSc %s", String.join("->", edges[e]))
                .isCloseTo(PATHS[e], within(0.03));
        }
        // reliabilities of about 0.9 attenuate the C -> D path by PLS to about 0.9 x 0.5
        assertThat(Math.abs(pls.pathCoefficient("C", "D") - PATHS[2]))
            .isGreaterThan(2 * Math.abs(plsc.pathCoefficient("C", "D") - PATHS[2]));
        double[] rel = plsc.reliabilities();
        for (int j = 0; j < 4; j++) {
            assertThat(rel[j]).isBetween(0.7, 1.0);
            // rho_A = (w'lambda)^2 by construction
            double wl = 0;
            for (int k = 4 * j; k < 4 * j + 4; k++) {
                wl += pls.standardisedWeights()[k] * plsc.loadings()[k];
            }
            assertThat(rel[j]).isCloseTo(wl * wl, within(1e-12));
            assertThat(rel[j]).isCloseTo(pls.quality().rhoA()[j], within(1e-12));
        }
        assertThat(plsc.admissible()).isTrue();
        assertThat(plsc.toString()).contains("Consistent PLS", "C -> D", "rho_A");
    }

    @Test
    void theTrueModelFitsAndAModelMissingAPathDoesNot() {
        PlscResult plsc = ConsistentPls.withDefaults().fit(MODEL, LARGE);
        FitIndices factor = ModelFit.withDefaults().assess(plsc);
        FitIndices composite = ModelFit.withDefaults().assess(plsc.pls());
        assertThat(factor.srmr()).isLessThan(0.01);
        PathModel.Builder b = PathModel.builder();
        for (Construct c : MODEL.constructs()) {
            b.construct(c);
        }
        PathModel missing = b.path("A", "C").path("B", "C").path("C", "D").build();
        FitIndices wrong = ModelFit.withDefaults().assess(ConsistentPls.withDefaults().fit(missing, LARGE));
        // the omitted A -> D path of 0.2 leaves residuals of about 0.1 on the 16 A-D indicator pairs
        assertThat(wrong.srmr()).isGreaterThan(3 * factor.srmr());
        // the saturated model does not see the structural misspecification
        assertThat(wrong.value(FitMeasure.SATURATED_SRMR)).isCloseTo(factor.value(FitMeasure.SATURATED_SRMR),
            within(1e-3));
        assertThat(factor.consistent()).isTrue();
        assertThat(composite.consistent()).isFalse();
        // SRMR and d_ULS describe the same residuals
        int p = MODEL.indicatorNames().size();
        assertThat(factor.dUls()).isCloseTo(factor.srmr() * factor.srmr() * p * (p + 1) / 2.0, within(1e-12));
        assertThat(Double.isNaN(factor.hi95(FitMeasure.SRMR))).isTrue();
        assertThat(factor.resamples()).isZero();
    }

    @Test
    void aSaturatedStructuralModelHasEqualEstimatedAndSaturatedFit() {
        PathModel full = PathModel.builder().reflective("A", "a1", "a2", "a3").reflective("B", "b1", "b2", "b3")
            .reflective("C", "c1", "c2", "c3").path("A", "B").path("A", "C").path("B", "C").build();
        IndicatorTable data = SyntheticSurvey.generate(500, 3, PATHS, 11);
        FitIndices fit = ModelFit.withDefaults().assess(ConsistentPls.withDefaults().fit(full, data));
        assertThat(fit.srmr()).isCloseTo(fit.value(FitMeasure.SATURATED_SRMR), within(1e-12));
        assertThat(fit.dG()).isCloseTo(fit.value(FitMeasure.SATURATED_D_G), within(1e-10));
        double[][] a = fit.impliedCorrelations();
        double[][] b = fit.saturatedImpliedCorrelations();
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                assertThat(a[i][j]).isCloseTo(b[i][j], within(1e-12));
            }
        }
    }

    @Test
    void modeBAndSingleItemBlocksAreNotCorrected() {
        PathModel model = RefData.s6ModeB();
        IndicatorTable data = RefData.survey("satisfaction");
        PlsResult pls = PlsPm.withDefaults().fit(model, data);
        PlscResult plsc = ConsistentPls.withDefaults().correct(pls);
        assertThat(plsc.reliabilities()).containsOnly(1.0);
        assertThat(plsc.loadings()).containsExactly(pls.loadings());
        double[][] a = plsc.pathCoefficients();
        double[][] b = pls.pathCoefficients();
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                assertThat(a[i][j]).isCloseTo(b[i][j], within(1e-12));
            }
        }
        PathModel single = PathModel.builder().reflective("X", "imag1").reflective("Y", "sat1", "sat2", "sat3")
            .path("X", "Y").build();
        PlscResult s = ConsistentPls.withDefaults().fit(single, data);
        assertThat(s.reliabilities()[0]).isEqualTo(1.0);
        assertThat(s.loading("imag1")).isEqualTo(1.0);
    }

    @Test
    void bootstrapQuantilesAreIdenticalAtAnyThreadCount() {
        IndicatorTable data = SyntheticSurvey.generate(200, 3, PATHS, 5);
        PlscResult plsc = ConsistentPls.withDefaults().fit(SyntheticSurvey.model(3), data);
        FitIndices one = ModelFit.withDefaults().withResamples(60).test(plsc, 42);
        FitIndices four = ModelFit.withDefaults().withResamples(60).withThreads(4).test(plsc, 42);
        for (FitMeasure m : FitMeasure.values()) {
            assertThat(Double.doubleToLongBits(four.hi95(m))).isEqualTo(Double.doubleToLongBits(one.hi95(m)));
            assertThat(Double.doubleToLongBits(four.hi99(m))).isEqualTo(Double.doubleToLongBits(one.hi99(m)));
            assertThat(one.hi99(m)).isGreaterThanOrEqualTo(one.hi95(m));
            assertThat(m.saturated()).isEqualTo(m.name().startsWith("SATURATED"));
        }
        assertThat(one.resamples()).isEqualTo(60);
        assertThat(one.toString()).contains("SRMR", "60 Bollen-Stine resamples");
    }

    @Test
    void typeSevenQuantile() {
        double[] v = {1, 2, 3, 4, 5};
        assertThat(ModelFit.quantile(v, 5, 0.95)).isCloseTo(4.8, within(1e-15));
        assertThat(ModelFit.quantile(v, 5, 0.5)).isEqualTo(3.0);
        assertThat(ModelFit.quantile(v, 5, 1.0)).isEqualTo(5.0);
    }

    @Test
    void invalidInputsNameTheProblem() {
        assertThatThrownBy(() -> ConsistentPls.withDefaults().with(null)).isInstanceOf(SatisfactionException.class)
            .hasMessageContaining("estimator");
        assertThatThrownBy(() -> ConsistentPls.withDefaults().correct(null))
            .isInstanceOf(SatisfactionException.class).hasMessageContaining("PLS result");
        assertThatThrownBy(() -> ConsistentPls.withDefaults().fit(null, LARGE))
            .isInstanceOf(SatisfactionException.class);
        assertThatThrownBy(() -> ModelFit.withDefaults().assess((PlsResult) null))
            .isInstanceOf(SatisfactionException.class).hasMessageContaining("null");
        assertThatThrownBy(() -> ModelFit.withDefaults().test((PlscResult) null, 1))
            .isInstanceOf(SatisfactionException.class);
        assertThatThrownBy(() -> ModelFit.withDefaults().withResamples(1)).isInstanceOf(SatisfactionException.class)
            .hasMessageContaining("1");
        assertThatThrownBy(() -> ModelFit.withDefaults().withThreads(0)).isInstanceOf(SatisfactionException.class)
            .hasMessageContaining("threads");
        FitIndices fit = ModelFit.withDefaults().assess(ConsistentPls.withDefaults().fit(MODEL, LARGE));
        assertThatThrownBy(() -> fit.value(null)).isInstanceOf(SatisfactionException.class)
            .hasMessageContaining("measure");
        assertThat(ConsistentPls.withDefaults().estimator()).isEqualTo(PlsPm.withDefaults());
        assertThat(ModelFit.withDefaults().resamples()).isEqualTo(999);
        assertThat(ModelFit.withDefaults().threads()).isEqualTo(1);
        assertThat(ConsistentPls.withDefaults().toString()).contains("PlsPm");
        assertThat(ModelFit.withDefaults().toString()).contains("999");
    }
}
