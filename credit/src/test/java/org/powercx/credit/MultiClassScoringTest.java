package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TestJson;

/**
 * Batch scoring of a three-class model, one-vs-rest ROC and the K x K confusion matrix on iris, against scikit-learn
 * 1.2.1 {@code LinearDiscriminantAnalysis(solver='svd')}, {@code roc_auc_score(multi_class='ovr')} and
 * {@code confusion_matrix} ({@code sklearn_lda_extended.json}). Decision values within 1e-9 relative to the
 * largest (they reach 1.5e2; the fit matches scikit-learn to 1e-10 in IrisReferenceTest), probabilities within
 * 1e-9, transform within 1e-9 up to the sign of each axis, counts and AUCs (ratios of counts) exactly up to the
 * last bit of the mean.
 */
class MultiClassScoringTest {
    private static final JsonNode REF = TestJson.at(Reference.json("sklearn_lda_extended.json"), "iris_svd");

    @Test
    void batchScoresMatchScikitLearnAndTheRowByRowValues() {
        int[] labels = new int[150];
        IndicatorTable table = Reference.iris(labels);
        DiscriminantModel model = LinearDiscriminant.withDefaults().fit(table, labels);
        double[][] d = model.decisionValues(table);
        double[][] p = model.probabilities(table);
        double[][] t = model.transform(table);
        int[] predicted = model.predict(table);
        double[][] refD = TestJson.matrix(REF, "decision");
        double[][] refP = TestJson.matrix(REF, "proba");
        double[][] refT = TestJson.matrix(REF, "transform");
        double scale = 0;
        for (double[] row : refD) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double[] sign = new double[2];
        for (int q = 0; q < 2; q++) {
            sign[q] = Math.signum(t[0][q]) == Math.signum(refT[0][q]) ? 1 : -1;
        }
        for (int i = 0; i < 150; i++) {
            double[] x = table.row(i);
            assertThat(d[i]).containsExactly(model.decisionValues(x));
            assertThat(p[i]).containsExactly(model.probabilities(x));
            assertThat(t[i]).containsExactly(model.transform(x));
            assertThat(predicted[i]).isEqualTo(model.predict(x));
            for (int m = 0; m < 3; m++) {
                assertThat(d[i][m]).as("decision %d %d", i, m).isCloseTo(refD[i][m], within(1e-9 * scale));
                assertThat(p[i][m]).as("probability %d %d", i, m).isCloseTo(refP[i][m], within(1e-9));
            }
            for (int q = 0; q < 2; q++) {
                assertThat(sign[q] * t[i][q]).as("transform %d %d", i, q).isCloseTo(refT[i][q], within(1e-9));
            }
        }
        assertThat(predicted).containsExactly(toInts(TestJson.vector(REF, "predict")));
        ClassConfusionMatrix cm = ClassConfusionMatrix.of(model, table, labels);
        double[][] refCm = TestJson.matrix(REF, "confusion");
        for (int a = 0; a < 3; a++) {
            for (int q = 0; q < 3; q++) {
                assertThat((double) cm.counts()[a][q]).isEqualTo(refCm[a][q]);
            }
        }
        assertThat(cm.accuracy()).isEqualTo(0.98);
        assertThat(cm.recalls()).containsExactly(1.0, 0.96, 0.98);
        assertThat(cm.precisions()).containsExactly(1.0, 48.0 / 49, 49.0 / 51);
        assertThat(cm.toString()).contains("accuracy 0.98");
        OneVsRestRoc roc = OneVsRestRoc.of(model, table, labels);
        assertThat(roc.aucs()).usingComparatorWithPrecision(1e-15)
            .containsExactly(TestJson.vector(REF, "auc_per_class"));
        assertThat(roc.macroAuc()).isCloseTo(TestJson.number(REF, "auc_ovr_macro"), within(1e-15));
        assertThat(roc.weightedAuc()).isCloseTo(TestJson.number(REF, "auc_ovr_weighted"), within(1e-15));
        assertThat(roc.curve(2).auc()).isEqualTo(roc.aucs()[2]);
        assertThat(roc.toString()).contains("macro");
    }

    @Test
    void kernelsAgreeBitForBitWithTheRowMethodsOnRandomModels() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (int trial = 0; trial < 20; trial++) {
            DiscriminantStatisticsTest.Data data = DiscriminantStatisticsTest.data(rnd.nextLong(), 300);
            DiscriminantModel model = LinearDiscriminant.withDefaults().fit(data.table(), data.labels());
            double[][] p = model.probabilities(data.table());
            double[][] d = model.decisionValues(data.table());
            int[] y = model.predict(data.table());
            for (int i = 0; i < 300; i++) {
                double[] x = data.table().row(i);
                assertThat(p[i]).containsExactly(model.probabilities(x));
                assertThat(d[i]).containsExactly(model.decisionValues(x));
                assertThat(y[i]).isEqualTo(model.predict(x));
            }
            if (model.isBinary()) {
                assertThat(model.scores(data.table())).containsExactly(column(d));
            }
        }
    }

    @Test
    void badInputIsNamed() {
        int[] labels = new int[150];
        IndicatorTable table = Reference.iris(labels);
        DiscriminantModel model = LinearDiscriminant.withDefaults().fit(table, labels);
        assertThatThrownBy(() -> model.scores(table)).isInstanceOf(CreditException.class)
            .hasMessageContaining("use decisionValues(table)");
        double[][] cols = new double[4][2];
        cols[2][1] = Double.NaN;
        assertThatThrownBy(() -> model.probabilities(cols, new double[3][2]))
            .hasMessage("indicator 'petal_length' has the non-finite value NaN in row 1");
        assertThatThrownBy(() -> model.decisionValues(cols, new double[2][2])).hasMessageContaining("3 output");
        assertThatThrownBy(() -> model.transform(cols, new double[2][3])).hasMessageContaining("every column must have 3 values");
        assertThatThrownBy(() -> OneVsRestRoc.of(new double[][] {{1, 0}}, new int[] {5}, new int[] {0, 1}))
            .hasMessageContaining("label 5 of row 0");
        assertThatThrownBy(() -> OneVsRestRoc.of(new double[][] {{1, 0}, {0, 1}}, new int[] {0, 0}, new int[] {0, 1}))
            .isInstanceOf(CreditException.class);
        assertThatThrownBy(() -> ClassConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 2}, new int[] {0, 1}))
            .hasMessage("row 1 has the label 2, not among the classes [0, 1]");
        assertThatThrownBy(() -> ClassConfusionMatrix.of(new int[0], new int[0], new int[] {0, 1}))
            .hasMessage("no customers");
        assertThat(ClassConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 0}, new int[] {1, 0}))
            .isEqualTo(ClassConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 0}, new int[] {0, 1}));
    }

    static int[] toInts(double[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    static double[] column(double[][] d) {
        double[] out = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = d[i][0];
        }
        return out;
    }
}
