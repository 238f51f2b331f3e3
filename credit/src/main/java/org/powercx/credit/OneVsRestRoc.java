package org.powercx.credit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TextTable;

/**
 * One-vs-rest ROC curves of a multi-class score: for each class \( k \) the {@link RocCurve} of the column
 * \( s_k \) (a posterior or decision value) against "the customer is in class k". The macro AUC is the plain
 * mean \( \frac1K \sum_k AUC_k \), the weighted AUC \( \sum_k \frac{n_k}{n} AUC_k \) with \( n_k \) the class's
 * customers: scikit-learn's {@code roc_auc_score(y, scores, multi_class='ovr', average='macro' | 'weighted')}
 * (Fawcett 2006, An introduction to ROC analysis, Pattern Recognit. Lett. 27, 861-874,
 * doi:10.1016/j.patrec.2005.10.010). Immutable.
 *
 * @since 0.2.0
 */
public final class OneVsRestRoc {
    private final int[] classes;
    private final long[] counts;
    private final List<RocCurve> curves;

    private OneVsRestRoc(int[] classes, long[] counts, List<RocCurve> curves) {
        this.classes = classes;
        this.counts = counts;
        this.curves = curves;
    }

    /**
     * The curves of a score matrix.
     *
     * @param scores {@code [row][class]}, one column per class in {@code classes} order; not modified
     * @param labels the class label of each row; not modified
     * @param classes the class labels, at least two, distinct; not modified
     * @return the curves
     * @throws CreditException if an argument is null, sizes differ, a score is not finite, a label is not among the
     *     classes, a class has no customer, or the labels are all one class
     */
    public static OneVsRestRoc of(double[][] scores, int[] labels, int[] classes) {
        if (scores == null || labels == null || classes == null) {
            throw new CreditException("scores, labels and classes must not be null");
        }
        int k = classes.length;
        if (k < 2) {
            throw new CreditException("one-vs-rest ROC needs at least two classes, got %d", k);
        }
        int[] sorted = classes.clone();
        Arrays.sort(sorted);
        for (int m = 1; m < k; m++) {
            if (sorted[m] == sorted[m - 1]) {
                throw new CreditException("class %d is listed twice", sorted[m]);
            }
        }
        if (scores.length != labels.length) {
            throw new CreditException("%d score rows but %d labels", scores.length, labels.length);
        }
        int n = labels.length;
        long[] counts = new long[k];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            int c = -1;
            for (int m = 0; m < k; m++) {
                if (classes[m] == labels[i]) {
                    c = m;
                }
            }
            if (c < 0) {
                throw new CreditException("label %d of row %d is not among the classes %s", labels[i], i,
                    Arrays.toString(classes));
            }
            if (scores[i] == null || scores[i].length != k) {
                throw new CreditException("score row %d must hold %d values, one per class", i, k);
            }
            index[i] = c;
            counts[c]++;
        }
        List<RocCurve> curves = new ArrayList<>();
        double[] column = new double[n];
        int[] outcome = new int[n];
        for (int m = 0; m < k; m++) {
            if (counts[m] == 0) {
                throw new CreditException("class %d has no customer: its one-vs-rest ROC is undefined", classes[m]);
            }
            for (int i = 0; i < n; i++) {
                column[i] = scores[i][m];
                outcome[i] = index[i] == m ? 1 : 0;
            }
            curves.add(RocCurve.of(column, outcome));
        }
        return new OneVsRestRoc(classes.clone(), counts, List.copyOf(curves));
    }

    /**
     * The curves of a model's posterior probabilities on a table, classes in the model's order.
     *
     * @param model the model
     * @param table the customers
     * @param labels the class label of each row
     * @return the curves
     * @throws CreditException if an argument is null, the table lacks a model indicator, or as
     *     {@link #of(double[][], int[], int[])}
     */
    public static OneVsRestRoc of(DiscriminantModel model, IndicatorTable table, int[] labels) {
        if (model == null) {
            throw new CreditException("model is null");
        }
        return of(model.probabilities(table), labels, model.classes());
    }

    /**
     * The class labels, in column order.
     *
     * @return a copy
     */
    public int[] classes() {
        return classes.clone();
    }

    /**
     * The customers of each class.
     *
     * @return a copy
     */
    public long[] classCounts() {
        return counts.clone();
    }

    /**
     * The one-vs-rest curve of class index m.
     *
     * @param m the class index, in [0, K)
     * @return the curve
     * @throws CreditException if m is out of range
     */
    public RocCurve curve(int m) {
        if (m < 0 || m >= classes.length) {
            throw new CreditException("class index %d outside [0, %d)", m, classes.length);
        }
        return curves.get(m);
    }

    /**
     * The one-vs-rest AUC of each class.
     *
     * @return one AUC per class
     */
    public double[] aucs() {
        double[] a = new double[classes.length];
        for (int m = 0; m < a.length; m++) {
            a[m] = curves.get(m).auc();
        }
        return a;
    }

    /**
     * The unweighted mean of the class AUCs ({@code average='macro'}).
     *
     * @return the macro AUC
     */
    public double macroAuc() {
        double s = 0;
        for (RocCurve c : curves) {
            s += c.auc();
        }
        return s / classes.length;
    }

    /**
     * The class AUCs weighted by the class shares ({@code average='weighted'}).
     *
     * @return the weighted AUC
     */
    public double weightedAuc() {
        double s = 0;
        long n = 0;
        for (int m = 0; m < classes.length; m++) {
            s += counts[m] * curves.get(m).auc();
            n += counts[m];
        }
        return s / n;
    }

    /**
     * A table of the class AUCs with the macro and weighted means.
     *
     * @return the text
     */
    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        for (int m = 0; m < classes.length; m++) {
            rows.add(List.of(String.valueOf(classes[m]), String.valueOf(counts[m]),
                TextTable.number(curves.get(m).auc())));
        }
        rows.add(List.of("macro", "", TextTable.number(macroAuc())));
        rows.add(List.of("weighted", "", TextTable.number(weightedAuc())));
        return "OneVsRestRoc\n" + TextTable.render(List.of("class", "customers", "AUC"), rows);
    }
}
