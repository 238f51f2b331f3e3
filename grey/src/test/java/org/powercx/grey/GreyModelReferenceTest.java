package org.powercx.grey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GM-01 and GM-04 (refdata/gm11_cases.json): expected values from R greyforecasting {@code gm()} run by the
 * data's authors and recomputed with numpy. Tolerances from the README: a, b 1e-10 absolute; fitted and
 * forecast values 1e-10 relative; published full-precision values 1e-9 relative.
 */
class GreyModelReferenceTest {
    private static final Map<String, Object> DATA = Json.resource("gm11_cases.json");

    private static Object gmCase(int index) {
        return ((List<?>) Json.get(DATA, "cases")).get(index);
    }

    private static void assertRelative(double[] actual, double[] expected, double tol) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < expected.length; k++) {
            assertThat(actual[k]).as("[%d]", k).isCloseTo(expected[k], within(tol * Math.abs(expected[k])));
        }
    }

    private static void assertAbsolute(double[] actual, double[] expected, double tol) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < expected.length; k++) {
            assertThat(actual[k]).as("[%d]", k).isCloseTo(expected[k], within(tol));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void parametersFittedValuesAndForecasts(int index) {
        Object c = gmCase(index);
        Object exp = Json.get(c, "expected");
        GreyModelFit fit = GreyModel.withDefaults().fit(Json.vec(c, "x0"));
        assertThat(fit.a()).isCloseTo(Json.num(exp, "a_development_coefficient"), within(1e-10));
        assertThat(fit.b()).isCloseTo(Json.num(exp, "b_grey_input"), within(1e-10 * Math.max(1, Math.abs(fit.b()))));
        assertRelative(fit.fitted(), Json.vec(exp, "fitted_x0hat"), 1e-10);
        int term = (int) Json.num(c, "term");
        assertRelative(fit.forecast(term), Json.vec(exp, "forecasts"), 1e-10);
        Object pub = Json.get(c, "published");
        assertThat(fit.a()).isCloseTo(Json.num(pub, "a"), within(1e-9 * Math.abs(Json.num(pub, "a"))));
        assertThat(fit.b()).isCloseTo(Json.num(pub, "b"), within(1e-9 * Math.abs(Json.num(pub, "b"))));
        assertRelative(fit.fitted(), Json.vec(pub, "fitted"), 1e-9);
        assertRelative(fit.forecast(term), Json.vec(pub, "forecasts"), 1e-9);
        assertThat(fit.shift()).isZero();
    }

    @org.junit.jupiter.api.Test
    void discreteGreyModelMatchesGreyforecastingDgm() {
        Object c = gmCase(0);
        Object exp = Json.get(c, "expected_dgm11");
        DiscreteGreyModel dgm = DiscreteGreyModel.fit(Json.vec(c, "x0"));
        assertThat(dgm.beta1()).isCloseTo(Json.num(exp, "beta1"), within(1e-10));
        assertThat(dgm.beta2()).isCloseTo(Json.num(exp, "beta2"), within(1e-10));
        assertRelative(dgm.fitted(), Json.vec(exp, "fitted"), 1e-10);
        assertRelative(dgm.forecast(3), Json.vec(exp, "forecasts"), 1e-10);
        Object pub = Json.get(c, "published", "dgm11_by_greyforecasting");
        assertThat(dgm.beta1()).isCloseTo(Json.num(pub, "beta1"), within(1e-9 * Json.num(pub, "beta1")));
        assertThat(dgm.beta2()).isCloseTo(Json.num(pub, "beta2"), within(1e-9 * Json.num(pub, "beta2")));
        assertRelative(dgm.fitted(), Json.vec(pub, "fitted"), 1e-9);
        assertRelative(dgm.forecast(3), Json.vec(pub, "forecasts"), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void levelRatioTest(int index) {
        Object c = gmCase(index);
        Object lr = Json.get(c, "expected", "level_ratio_test");
        GreyModelFit fit = GreyModel.withDefaults().fit(Json.vec(c, "x0"));
        assertAbsolute(fit.levelRatios(), Json.vec(lr, "sigma_k2_to_n"), 1e-12);
        assertAbsolute(fit.admissibleInterval(), Json.vec(lr, "admissible_interval"), 1e-12);
        assertThat(fit.isAdmissible()).isEqualTo(Json.get(lr, "all_inside"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void residualChecksInBothRanges(int index) {
        Object c = gmCase(index);
        Object acc = Json.get(c, "expected", "accuracy");
        double[] x0 = Json.vec(c, "x0");
        double scale = x0[x0.length - 1];
        GreyModelFit all = GreyModel.withDefaults().fit(x0);
        GreyModelFit second = GreyModel.withDefaults().with(ResidualRange.FROM_SECOND).fit(x0);
        assertAbsolute(all.residuals(), Json.vec(acc, "residuals"), 1e-10 * scale);
        assertAbsolute(all.relativeErrors(), Json.vec(acc, "relative_errors"), 1e-10);
        assertThat(all.mape()).isCloseTo(Json.num(acc, "mape_all_k"), within(1e-10));
        assertThat(second.mape()).isCloseTo(Json.num(acc, "mape_k2_to_n"), within(1e-10));
        assertThat(all.posteriorVarianceRatio())
            .isCloseTo(Json.num(acc, "posterior_variance_ratio_C", "residuals_k1_to_n_pop_std"), within(1e-10));
        assertThat(second.posteriorVarianceRatio())
            .isCloseTo(Json.num(acc, "posterior_variance_ratio_C", "residuals_k2_to_n_pop_std"), within(1e-10));
        assertThat(all.smallErrorProbability())
            .isEqualTo(Json.num(acc, "small_error_probability_P", "residuals_k1_to_n"));
        assertThat(second.smallErrorProbability())
            .isEqualTo(Json.num(acc, "small_error_probability_P", "residuals_k2_to_n"));
        assertThat(all.accuracyGrade()).isEqualTo(AccuracyGrade.GOOD);
        assertThat(second.residualRange()).isEqualTo(ResidualRange.FROM_SECOND);
    }
}
