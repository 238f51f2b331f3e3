package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.powercx.credit.GermanReferenceTest.assertRelative;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TestJson;

/** Fisher's iris, three classes, against scikit-learn 1.2.1 LinearDiscriminantAnalysis(solver='svd') = R MASS. */
class IrisReferenceTest {
    private static final double REL = 1e-8;
    private static final int[] LABELS = new int[150];
    private static IndicatorTable table;
    private static DiscriminantModel model;
    private static JsonNode ref;

    @BeforeAll
    static void fit() {
        table = Reference.iris(LABELS);
        model = LinearDiscriminant.withDefaults().fit(table, LABELS);
        ref = Reference.json("iris_lda_reference.json");
    }

    @Test
    void coefficientsInterceptsAndVarianceRatio() {
        double[][] expected = TestJson.matrix(ref, "svd", "coef_");
        double[][] coef = model.coefficients();
        assertThat(coef).hasDimensions(3, 4);
        for (int k = 0; k < 3; k++) {
            assertRelative(coef[k], expected[k], REL);
        }
        assertRelative(model.intercepts(), TestJson.vector(ref, "svd", "intercept_"), REL);
        assertRelative(model.explainedVarianceRatio(), TestJson.vector(ref, "svd", "explained_variance_ratio_"), REL);
        assertRelative(model.eigenvalues(), TestJson.vector(ref, "fisher_explicit", "eigenvalues_Sp_inv_Sb"), REL);
        assertThat(model.isBinary()).isFalse();
    }

    @Test
    void scalingsUpToSignAndTransform() {
        double[][] expected = TestJson.matrix(ref, "svd", "scalings_");
        double[][] w = model.scalings();
        assertThat(w).hasDimensions(4, 2);
        double[] sign = new double[2];
        for (int q = 0; q < 2; q++) {
            sign[q] = Math.signum(w[0][q] * expected[0][q]);
            double[] col = new double[4];
            double[] exp = new double[4];
            for (int j = 0; j < 4; j++) {
                col[j] = sign[q] * w[j][q];
                exp[j] = expected[j][q];
            }
            assertRelative(col, exp, REL);
        }
        double[][] t = TestJson.matrix(ref, "svd", "transform_rows_0_50_100");
        int[] rows = {0, 50, 100};
        for (int r = 0; r < 3; r++) {
            double[] x = model.transform(table.row(rows[r]));
            assertRelative(new double[] {sign[0] * x[0], sign[1] * x[1]}, t[r], REL);
        }
    }

    @Test
    void probabilitiesPredictionsAndWilks() {
        double[][] expected = TestJson.matrix(ref, "svd", "predict_proba_rows_0_50_100");
        int[] rows = {0, 50, 100};
        for (int r = 0; r < 3; r++) {
            assertRelative(model.probabilities(table.row(rows[r])), expected[r], REL);
        }
        int[] predicted = model.predict(table);
        int[][] confusion = new int[3][3];
        for (int i = 0; i < 150; i++) {
            confusion[LABELS[i]][predicted[i]]++;
        }
        double[][] expectedConfusion = TestJson.matrix(ref, "svd", "confusion");
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertThat(confusion[a][b]).isEqualTo((int) expectedConfusion[a][b]);
            }
        }
        assertThat(model.probabilities(table)[100]).hasSize(3);
        // R 4.2: summary(manova(cbind(...) ~ Species, iris), test = "Wilks") gives Wilks 0.023439
        WilksTest wilks = model.wilks();
        double[] eig = TestJson.vector(ref, "fisher_explicit", "eigenvalues_Sp_inv_Sb");
        double lambda = 1 / ((1 + eig[0] / 147) * (1 + eig[1] / 147));
        assertThat(wilks.lambda()).isCloseTo(lambda, within(1e-12)).isCloseTo(0.023439, within(5e-7));
        assertThat(wilks.degreesOfFreedom()).isEqualTo(8);
        assertThat(wilks.chiSquare()).isCloseTo(-(150 - 1 - 3.5) * Math.log(lambda), within(1e-9));
        assertThat(wilks.toString()).contains("Wilks", "8 df");
    }
}
