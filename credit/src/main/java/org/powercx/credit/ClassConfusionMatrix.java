package org.powercx.credit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TextTable;

/**
 * The K x K confusion matrix of a class prediction: {@code counts()[a][p]} customers of actual class a predicted
 * as class p, classes in ascending label order (scikit-learn's {@code confusion_matrix}: rows are the truth).
 * Accuracy is the diagonal share; class k's recall is \( C_{kk}/\sum_p C_{kp} \) and precision
 * \( C_{kk}/\sum_a C_{ak} \) (NaN with a zero denominator). Immutable.
 *
 * @since 0.2.0
 */
public final class ClassConfusionMatrix {
    private final int[] classes;
    private final long[][] counts;

    private ClassConfusionMatrix(int[] classes, long[][] counts) {
        this.classes = classes;
        this.counts = counts;
    }

    /**
     * Counts actual against predicted labels.
     *
     * @param actual the true label of each customer; not modified
     * @param predicted the predicted label of each customer; not modified
     * @param classes the class labels, at least two, distinct (sorted into ascending order); not modified
     * @return the matrix
     * @throws CreditException if an argument is null, the lengths differ, there are no customers, a class is
     *     listed twice, or a label is not among the classes
     */
    public static ClassConfusionMatrix of(int[] actual, int[] predicted, int[] classes) {
        if (actual == null || predicted == null || classes == null) {
            throw new CreditException("actual, predicted and classes must not be null");
        }
        if (actual.length != predicted.length) {
            throw new CreditException("%d actual labels but %d predicted", actual.length, predicted.length);
        }
        if (actual.length == 0) {
            throw new CreditException("no customers");
        }
        int[] sorted = classes.clone();
        Arrays.sort(sorted);
        if (sorted.length < 2) {
            throw new CreditException("a confusion matrix needs at least two classes, got %d", sorted.length);
        }
        for (int m = 1; m < sorted.length; m++) {
            if (sorted[m] == sorted[m - 1]) {
                throw new CreditException("class %d is listed twice", sorted[m]);
            }
        }
        long[][] c = new long[sorted.length][sorted.length];
        for (int i = 0; i < actual.length; i++) {
            int a = Arrays.binarySearch(sorted, actual[i]);
            int p = Arrays.binarySearch(sorted, predicted[i]);
            if (a < 0 || p < 0) {
                throw new CreditException("row %d has the label %d, not among the classes %s", i,
                    a < 0 ? actual[i] : predicted[i], Arrays.toString(sorted));
            }
            c[a][p]++;
        }
        return new ClassConfusionMatrix(sorted, c);
    }

    /**
     * The confusion matrix of a model's predictions on a table.
     *
     * @param model the model
     * @param table the customers
     * @param labels the true label of each row
     * @return the matrix, over the model's classes
     * @throws CreditException if an argument is null, the table lacks a model indicator, or as
     *     {@link #of(int[], int[], int[])}
     */
    public static ClassConfusionMatrix of(DiscriminantModel model, IndicatorTable table, int[] labels) {
        if (model == null) {
            throw new CreditException("model is null");
        }
        return of(labels, model.predict(table), model.classes());
    }

    /**
     * The class labels, ascending.
     *
     * @return a copy
     */
    public int[] classes() {
        return classes.clone();
    }

    /**
     * The counts {@code [actual][predicted]}.
     *
     * @return a copy
     */
    public long[][] counts() {
        long[][] c = new long[counts.length][];
        for (int a = 0; a < c.length; a++) {
            c[a] = counts[a].clone();
        }
        return c;
    }

    /**
     * The number of customers.
     *
     * @return n
     */
    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    /**
     * The share predicted correctly.
     *
     * @return the trace over the total
     */
    public double accuracy() {
        long d = 0;
        for (int m = 0; m < counts.length; m++) {
            d += counts[m][m];
        }
        return (double) d / total();
    }

    /**
     * Recall of each class, \( C_{kk}/\sum_p C_{kp} \).
     *
     * @return one per class, NaN for a class without customers
     */
    public double[] recalls() {
        double[] r = new double[counts.length];
        for (int m = 0; m < r.length; m++) {
            long row = 0;
            for (long v : counts[m]) {
                row += v;
            }
            r[m] = row == 0 ? Double.NaN : (double) counts[m][m] / row;
        }
        return r;
    }

    /**
     * Precision of each class, \( C_{kk}/\sum_a C_{ak} \).
     *
     * @return one per class, NaN for a class never predicted
     */
    public double[] precisions() {
        double[] r = new double[counts.length];
        for (int m = 0; m < r.length; m++) {
            long col = 0;
            for (long[] row : counts) {
                col += row[m];
            }
            r[m] = col == 0 ? Double.NaN : (double) counts[m][m] / col;
        }
        return r;
    }

    /**
     * The matrix as a table, actual classes down, predicted across.
     *
     * @return the text
     */
    @Override
    public String toString() {
        List<String> header = new ArrayList<>(List.of("actual / predicted"));
        for (int c : classes) {
            header.add(String.valueOf(c));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int a = 0; a < classes.length; a++) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(classes[a])));
            for (long v : counts[a]) {
                row.add(String.valueOf(v));
            }
            rows.add(row);
        }
        return "ClassConfusionMatrix, accuracy " + TextTable.number(accuracy()) + "\n"
            + TextTable.render(header, rows);
    }

    /**
     * Equal when the classes and counts are.
     *
     * @param o another object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ClassConfusionMatrix m && Arrays.equals(classes, m.classes)
            && Arrays.deepEquals(counts, m.counts);
    }

    /**
     * A hash code consistent with {@link #equals}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(classes) + Arrays.deepHashCode(counts);
    }
}
