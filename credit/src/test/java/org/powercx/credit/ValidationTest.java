package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TestJson;

/** ROC, AUC, KS, Gini, confusion matrices and cross-validation on German credit, against scikit-learn 1.2.1. */
class ValidationTest {
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

    @Test
    void rocAucKsGini() {
        RocCurve roc = RocCurve.of(model.scores(table), LABELS);
        assertThat(roc.auc()).isCloseTo(TestJson.number(ref, "fisher_explicit", "auc"), within(1e-12));
        assertThat(roc.ks()).isCloseTo(TestJson.number(ref, "fisher_explicit", "ks"), within(1e-12));
        assertThat(roc.gini()).isCloseTo(TestJson.number(ref, "fisher_explicit", "gini"), within(1e-12));
        double[] fpr = roc.falsePositiveRates();
        double[] tpr = roc.truePositiveRates();
        double[] th = roc.thresholds();
        assertThat(th[0]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(fpr[0]).isZero();
        assertThat(fpr[fpr.length - 1]).isEqualTo(1.0);
        assertThat(tpr[tpr.length - 1]).isEqualTo(1.0);
        double trapezoid = 0;
        for (int i = 1; i < fpr.length; i++) {
            trapezoid += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        }
        assertThat(trapezoid).isCloseTo(roc.auc(), within(1e-12));
        ConfusionMatrix atKs = ConfusionMatrix.of(model.scores(table), LABELS, Math.nextDown(roc.ksCutoff()));
        assertThat(atKs.recall() - (double) atKs.falsePositives() / 700).isCloseTo(roc.ks(), within(1e-12));
        assertThat(roc.toString()).contains("AUC", "0.817133", "KS cut-off");
        assertThat(roc).isEqualTo(RocCurve.of(model.scores(table), LABELS));
        assertThat(roc.hashCode()).isEqualTo(RocCurve.of(model.scores(table), LABELS).hashCode());
    }

    @Test
    void aucCountsTiesAsOneHalf() {
        // Mann-Whitney by hand: pairs (pos, neg): (2 vs 1) win, (2 vs 2) half, (3 vs 1) win, (3 vs 2) win -> 3.5/4
        assertThat(RocCurve.auc(new double[] {1, 2, 2, 3}, new int[] {0, 0, 1, 1})).isEqualTo(0.875);
        assertThat(RocCurve.auc(new double[] {5, 5, 5, 5}, new int[] {0, 1, 0, 1})).isEqualTo(0.5);
        assertThat(RocCurve.auc(new double[] {1, 2}, new int[] {1, 0})).isZero();
    }

    @Test
    void confusionMatricesAtTheTwoCutoffs() {
        double[] z = model.scores(table);
        ConfusionMatrix bayes = ConfusionMatrix.of(z, LABELS, 0.0);
        assertThat(new long[] {bayes.trueNegatives(), bayes.falsePositives(), bayes.falseNegatives(),
            bayes.truePositives()}).containsExactly(620, 80, 143, 157);
        assertThat(bayes.accuracy()).isEqualTo(0.777);
        assertThat(bayes.precision()).isCloseTo(157.0 / 237, within(1e-15));
        assertThat(bayes.recall()).isCloseTo(157.0 / 300, within(1e-15));
        assertThat(bayes.f1()).isCloseTo(2 * 157.0 / (2 * 157 + 80 + 143), within(1e-15));
        Map<String, double[]> scores = GermanCredit.scores();
        ConfusionMatrix midpoint = ConfusionMatrix.of(scores.get("fisher_z"), LABELS,
            TestJson.number(ref, "fisher_explicit", "cutoff_midpoint"));
        assertThat(midpoint).isEqualTo(new ConfusionMatrix(514, 186, 76, 224));
        assertThat(midpoint.accuracy()).isEqualTo(0.738);
        assertThat(midpoint.toString()).contains("predicted default", "514", "accuracy 0.738");
        assertThat(ConfusionMatrix.of(new double[] {1}, new int[] {0}, 2).precision()).isNaN();
    }

    @Test
    void suppliedGermanFoldsReproduceSklearnFoldAucs() {
        double[] folds = GermanCredit.folds();
        int[] fold = new int[1000];
        for (int i = 0; i < 1000; i++) {
            fold[i] = (int) folds[i];
        }
        CrossValidationResult cv = CrossValidation.withFolds(fold).run(LinearDiscriminant.withDefaults(), table,
            LABELS);
        double[] expected = TestJson.vector(ref, "cv_10fold", "svd", "fold_auc");
        double[] auc = cv.foldAuc();
        for (int f = 0; f < 10; f++) {
            assertThat(auc[f]).as("fold %d", f).isCloseTo(expected[f], within(1e-12));
        }
        assertThat(cv.foldAccuracy()).containsExactly(TestJson.vector(ref, "cv_10fold", "svd", "fold_accuracy"));
        assertThat(cv.meanAuc()).isCloseTo(TestJson.number(ref, "cv_10fold", "svd", "mean_auc"), within(1e-12));
        assertThat(cv.sdAuc()).isCloseTo(TestJson.number(ref, "cv_10fold", "svd", "std_auc_ddof1"), within(1e-12));
        assertThat(cv.pooledAuc()).isCloseTo(TestJson.number(ref, "cv_10fold", "svd", "pooled_out_of_fold_auc"),
            within(1e-12));
        assertThat(cv.meanAccuracy()).isCloseTo(0.767, within(1e-12));
        assertThat(cv.folds()).containsExactly(fold);
        assertThat(cv.outOfFoldScores()).hasSize(1000);
        assertThat(cv.toString()).contains("pooled out-of-fold AUC 0.791476");
    }

    @Test
    void seededStratifiedFoldsAreReproducibleAndBalanced() {
        CrossValidation cv = CrossValidation.stratified(10, 20240611L);
        int[] a = cv.folds(LABELS);
        assertThat(CrossValidation.stratified(10, 20240611L).folds(LABELS)).containsExactly(a);
        assertThat(CrossValidation.stratified(10, 7L).folds(LABELS)).isNotEqualTo(a);
        int[][] counts = new int[10][2];
        for (int i = 0; i < 1000; i++) {
            counts[a[i]][LABELS[i]]++;
        }
        for (int[] c : counts) {
            assertThat(c).containsExactly(70, 30);
        }
        CrossValidationResult r = cv.run(LinearDiscriminant.withDefaults(), table, LABELS);
        assertThat(r.meanAuc()).isBetween(0.75, 0.83);
        assertThat(r.pooledAuc()).isBetween(0.75, 0.83);
        assertThat(r.foldAuc()).containsExactly(cv.run(LinearDiscriminant.withDefaults(), table, LABELS).foldAuc());
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> RocCurve.of(new double[] {1, 2}, new int[] {1})).isInstanceOf(CreditException.class)
            .hasMessageContaining("2 scores but 1 outcomes");
        assertThatThrownBy(() -> RocCurve.of(new double[] {1, 2}, new int[] {1, 1}))
            .hasMessageContaining("all 2 outcomes are 1");
        assertThatThrownBy(() -> RocCurve.of(new double[] {1, Double.NaN}, new int[] {0, 1}))
            .hasMessageContaining("score 1 is not finite");
        assertThatThrownBy(() -> RocCurve.of(new double[] {1, 2}, new int[] {0, 2}))
            .hasMessageContaining("outcome 1 is 2");
        assertThatThrownBy(() -> RocCurve.of(new double[0], new int[0])).hasMessageContaining("no scores");
        assertThatThrownBy(() -> RocCurve.of(null, new int[0])).hasMessageContaining("null");
        assertThatThrownBy(() -> ConfusionMatrix.of(new double[] {1}, new int[] {0}, Double.NaN))
            .hasMessageContaining("threshold is NaN");
        assertThatThrownBy(() -> new ConfusionMatrix(-1, 0, 0, 0)).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> CrossValidation.stratified(1, 1)).hasMessageContaining("at least 2 folds");
        assertThatThrownBy(() -> CrossValidation.withFolds(new int[] {0, 0})).hasMessageContaining("fold 0");
        assertThatThrownBy(() -> CrossValidation.withFolds(new int[] {0, -1})).hasMessageContaining("row 1");
        assertThatThrownBy(() -> CrossValidation.withFolds(null)).hasMessageContaining("no fold");
        assertThatThrownBy(() -> CrossValidation.withFolds(new int[] {0, 1}).folds(LABELS))
            .hasMessageContaining("2 fold indices for 1000 rows");
        assertThatThrownBy(() -> CrossValidation.stratified(400, 1).folds(LABELS))
            .hasMessageContaining("class 1 has 300 rows, fewer than the 400 folds");
        assertThatThrownBy(() -> CrossValidation.stratified(3, 1).run(LinearDiscriminant.withDefaults(), table,
            new int[3])).hasMessageContaining("3 outcomes for 1000 rows");
        int[] fold = new int[1000];
        for (int i = 0; i < 1000; i++) {
            fold[i] = LABELS[i];
        }
        assertThatThrownBy(() -> CrossValidation.withFolds(fold).run(LinearDiscriminant.withDefaults(), table, LABELS))
            .hasMessageContaining("fold 0: only one class");
        assertThatThrownBy(() -> CrossValidation.stratified(3, 1).run(null, table, LABELS))
            .hasMessageContaining("must not be null");
    }
}
