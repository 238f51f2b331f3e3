package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TestJson;

/**
 * German credit (UCI Statlog, numeric) against scikit-learn 1.2.1
 * LinearDiscriminantAnalysis(solver='svd') and R MASS 7.3-58.2 lda(), relative tolerance 1e-8.
 */
class GermanReferenceTest {
    private static final double REL = 1e-8;
    private static final int[] LABELS = GermanCredit.labels();
    private static IndicatorTable table;
    private static DiscriminantModel model;
    private static JsonNode ref;

    @BeforeAll
    static void load() {
        table = GermanCredit.table();
        model = GermanCredit.model();
        ref = GermanCredit.reference();
    }

    static void assertRelative(double[] actual, double[] expected, double rel) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("entry %d", i)
                .isCloseTo(expected[i], within(rel * Math.max(Math.abs(expected[i]), 1e-300)));
        }
    }

    @Test
    void coefficientsAndInterceptMatchSklearnSvd() {
        assertThat(model.coefficients()).hasDimensions(1, 24);
        assertRelative(model.coefficients()[0], TestJson.vector(ref, "sklearn", "svd", "coef_"), REL);
        assertRelative(model.intercepts(), new double[] {TestJson.number(ref, "sklearn", "svd", "intercept_")}, REL);
        assertRelative(model.priors(), TestJson.vector(ref, "sklearn", "svd", "priors_"), 1e-15);
        assertRelative(model.classMeans()[1], TestJson.vector(ref, "fisher_explicit", "mean_bad"), 1e-13);
        assertRelative(model.classMeans()[0], TestJson.vector(ref, "fisher_explicit", "mean_good"), 1e-13);
        assertRelative(model.overallMean(), TestJson.vector(ref, "sklearn", "svd", "xbar_"), 1e-13);
        double[][] cov = model.pooledCovariance();
        double[] diag = new double[24];
        for (int j = 0; j < 24; j++) {
            diag[j] = cov[j][j];
        }
        assertRelative(diag, TestJson.vector(ref, "fisher_explicit", "pooled_within_cov_diag_n_minus_2"), 1e-12);
        assertThat(model.shrinkageIntensity()).isZero();
        assertThat(model.classes()).containsExactly(0, 1);
        assertThat(model.classCounts()).containsExactly(700, 300);
    }

    @Test
    void standardisedCoefficientsScalingsAndVarianceRatio() {
        assertRelative(model.standardisedCoefficients()[0],
            TestJson.vector(ref, "fisher_explicit", "standardized_coefficients_a_times_within_sd"), REL);
        double[] expected = TestJson.vector(ref, "sklearn", "svd", "scalings_first_column");
        double[][] w = model.scalings();
        assertThat(w).hasDimensions(24, 1);
        double sign = Math.signum(w[0][0] * expected[0]);
        double[] col = new double[24];
        for (int j = 0; j < 24; j++) {
            col[j] = sign * w[j][0];
        }
        assertRelative(col, expected, REL);
        assertRelative(model.explainedVarianceRatio(),
            TestJson.vector(ref, "sklearn", "svd", "explained_variance_ratio_"), 1e-12);
        double[] t = new double[5];
        for (int i = 0; i < 5; i++) {
            t[i] = sign * model.transform(table.row(i))[0];
        }
        assertRelative(t, TestJson.vector(ref, "sklearn", "svd", "transform_first5"), REL);
    }

    @Test
    void decisionValuesAndProbabilitiesForEveryRow() {
        Map<String, double[]> scores = GermanCredit.scores();
        double[] z = model.scores(table);
        assertRelative(z, scores.get("sklearn_svd_decision"), REL);
        assertRelative(model.defaultProbabilities(table), scores.get("sklearn_svd_proba_bad"), REL);
        double[] fisher = new double[1000];
        double b = model.intercepts()[0];
        for (int i = 0; i < 1000; i++) {
            fisher[i] = z[i] - b;
            assertThat(model.decisionValue(table.row(i))).isEqualTo(z[i], within(1e-12));
            assertThat(model.probabilities(table.row(i))[1]).isCloseTo(scores.get("sklearn_svd_proba_bad")[i],
                within(1e-8 * scores.get("sklearn_svd_proba_bad")[i]));
        }
        assertRelative(fisher, scores.get("fisher_z"), REL);
        double[][] proba = model.probabilities(table);
        assertThat(proba[0][0] + proba[0][1]).isCloseTo(1.0, within(1e-15));
        assertRelative(new double[] {proba[1][1]}, new double[] {scores.get("sklearn_svd_proba_bad")[1]}, REL);
    }

    @Test
    void mahalanobisWilksAndPredictions() {
        assertThat(model.mahalanobisSquared()).isCloseTo(TestJson.number(ref, "fisher_explicit", "mahalanobis_D2"),
            within(1e-9 * 1.62));
        int[] predicted = model.predict(table);
        int correct = 0;
        for (int i = 0; i < 1000; i++) {
            correct += predicted[i] == LABELS[i] ? 1 : 0;
            assertThat(model.predict(table.row(i))).isEqualTo(predicted[i]);
        }
        assertThat(correct / 1000.0)
            .isEqualTo(TestJson.number(ref, "sklearn", "svd", "train_accuracy_default_threshold"));
        // two classes: Wilks' lambda = 1 / (1 + D^2 n0 n1 / (n (n - 2))), an identity of the two-group case
        double d2 = TestJson.number(ref, "fisher_explicit", "mahalanobis_D2");
        double expected = 1 / (1 + d2 * 700 * 300 / (1000.0 * 998));
        WilksTest wilks = model.wilks();
        assertThat(wilks.lambda()).isCloseTo(expected, within(1e-10));
        assertThat(wilks.degreesOfFreedom()).isEqualTo(24);
        assertThat(wilks.chiSquare()).isCloseTo(-(1000 - 1 - 26 / 2.0) * Math.log(expected), within(1e-7));
        assertThat(wilks.pValue()).isLessThan(1e-40);
        assertThat(model.toString()).contains("a1", "-0.607682", "(intercept)", "Wilks");
    }
}
