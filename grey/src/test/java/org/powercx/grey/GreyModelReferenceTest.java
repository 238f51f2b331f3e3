package org.powercx.grey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.powercx.core.TestJson;

/**
 * GM-01 and GM-04 (refdata/gm11_cases.json): expected values from R greyforecasting {@code gm()} run by the
 * data's authors and recomputed with numpy. Tolerances from the README: a, b 1e-10 absolute; fitted and
 * forecast values 1e-10 relative; published full-precision values 1e-9 relative.
 */
class GreyModelReferenceTest {
    private static final JsonNode DATA =
        TestJson.resource(GreyModelReferenceTest.class, "refdata/gm11_cases.json");

    private static JsonNode gmCase(int index) {
        return Objects.requireNonNull(TestJson.at(DATA, "cases").get(index), "no case " + index);
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
        JsonNode c = gmCase(index);
        JsonNode exp = TestJson.at(c, "expected");
        GreyModelFit fit = GreyModel.withDefaults().fit(TestJson.vector(c, "x0"));
        assertThat(fit.a()).isCloseTo(TestJson.number(exp, "a_development_coefficient"), within(1e-10));
        assertThat(fit.b())
            .isCloseTo(TestJson.number(exp, "b_grey_input"), within(1e-10 * Math.max(1, Math.abs(fit.b()))));
        assertRelative(fit.fitted(), TestJson.vector(exp, "fitted_x0hat"), 1e-10);
        int term = (int) TestJson.number(c, "term");
        assertRelative(fit.forecast(term), TestJson.vector(exp, "forecasts"), 1e-10);
        JsonNode pub = TestJson.at(c, "published");
        assertThat(fit.a()).isCloseTo(TestJson.number(pub, "a"), within(1e-9 * Math.abs(TestJson.number(pub, "a"))));
        assertThat(fit.b()).isCloseTo(TestJson.number(pub, "b"), within(1e-9 * Math.abs(TestJson.number(pub, "b"))));
        assertRelative(fit.fitted(), TestJson.vector(pub, "fitted"), 1e-9);
        assertRelative(fit.forecast(term), TestJson.vector(pub, "forecasts"), 1e-9);
        assertThat(fit.shift()).isZero();
    }

    @org.junit.jupiter.api.Test
    void discreteGreyModelMatchesGreyforecastingDgm() {
        JsonNode c = gmCase(0);
        JsonNode exp = TestJson.at(c, "expected_dgm11");
        DiscreteGreyModel dgm = DiscreteGreyModel.fit(TestJson.vector(c, "x0"));
        assertThat(dgm.beta1()).isCloseTo(TestJson.number(exp, "beta1"), within(1e-10));
        assertThat(dgm.beta2()).isCloseTo(TestJson.number(exp, "beta2"), within(1e-10));
        assertRelative(dgm.fitted(), TestJson.vector(exp, "fitted"), 1e-10);
        assertRelative(dgm.forecast(3), TestJson.vector(exp, "forecasts"), 1e-10);
        JsonNode pub = TestJson.at(c, "published", "dgm11_by_greyforecasting");
        assertThat(dgm.beta1()).isCloseTo(TestJson.number(pub, "beta1"), within(1e-9 * TestJson.number(pub, "beta1")));
        assertThat(dgm.beta2()).isCloseTo(TestJson.number(pub, "beta2"), within(1e-9 * TestJson.number(pub, "beta2")));
        assertRelative(dgm.fitted(), TestJson.vector(pub, "fitted"), 1e-9);
        assertRelative(dgm.forecast(3), TestJson.vector(pub, "forecasts"), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void levelRatioTest(int index) {
        JsonNode c = gmCase(index);
        JsonNode lr = TestJson.at(c, "expected", "level_ratio_test");
        GreyModelFit fit = GreyModel.withDefaults().fit(TestJson.vector(c, "x0"));
        assertAbsolute(fit.levelRatios(), TestJson.vector(lr, "sigma_k2_to_n"), 1e-12);
        assertAbsolute(fit.admissibleInterval(), TestJson.vector(lr, "admissible_interval"), 1e-12);
        assertThat(fit.isAdmissible()).isEqualTo(TestJson.bool(lr, "all_inside"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void residualChecksInBothRanges(int index) {
        JsonNode c = gmCase(index);
        JsonNode acc = TestJson.at(c, "expected", "accuracy");
        double[] x0 = TestJson.vector(c, "x0");
        double scale = x0[x0.length - 1];
        GreyModelFit all = GreyModel.withDefaults().fit(x0);
        GreyModelFit second = GreyModel.withDefaults().with(ResidualRange.FROM_SECOND).fit(x0);
        assertAbsolute(all.residuals(), TestJson.vector(acc, "residuals"), 1e-10 * scale);
        assertAbsolute(all.relativeErrors(), TestJson.vector(acc, "relative_errors"), 1e-10);
        assertThat(all.mape()).isCloseTo(TestJson.number(acc, "mape_all_k"), within(1e-10));
        assertThat(second.mape()).isCloseTo(TestJson.number(acc, "mape_k2_to_n"), within(1e-10));
        assertThat(all.posteriorVarianceRatio())
            .isCloseTo(TestJson.number(acc, "posterior_variance_ratio_C", "residuals_k1_to_n_pop_std"), within(1e-10));
        assertThat(second.posteriorVarianceRatio())
            .isCloseTo(TestJson.number(acc, "posterior_variance_ratio_C", "residuals_k2_to_n_pop_std"), within(1e-10));
        assertThat(all.smallErrorProbability())
            .isEqualTo(TestJson.number(acc, "small_error_probability_P", "residuals_k1_to_n"));
        assertThat(second.smallErrorProbability())
            .isEqualTo(TestJson.number(acc, "small_error_probability_P", "residuals_k2_to_n"));
        assertThat(all.accuracyGrade()).isEqualTo(AccuracyGrade.GOOD);
        assertThat(second.residualRange()).isEqualTo(ResidualRange.FROM_SECOND);
    }
}
