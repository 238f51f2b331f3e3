package org.powercx.core;

/**
 * Small data helpers that the tests of several modules share (published in the core test jar).
 */
public final class TestData {
    private TestData() {
    }

    /**
     * Pearson's correlation of two equally long samples.
     *
     * @param x first sample
     * @param y second sample
     * @return the correlation (NaN if a sample is constant)
     */
    public static double correlation(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /**
     * The arithmetic mean.
     *
     * @param x a non-empty sample
     * @return its mean
     */
    public static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /**
     * The table with one column replaced by {@code a * x + b}.
     *
     * @param t the table; not modified
     * @param column the column index
     * @param a the scale
     * @param b the shift
     * @return a new table with the same customers and indicators
     */
    public static IndicatorTable rescale(IndicatorTable t, int column, double a, double b) {
        double[][] columns = new double[t.indicatorCount()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = t.column(j);
        }
        for (int i = 0; i < columns[column].length; i++) {
            columns[column][i] = a * columns[column][i] + b;
        }
        return t.withColumns(t.indicators(), columns);
    }

    /**
     * A uniformly random permutation of 0..n-1 (Fisher-Yates, seeded).
     *
     * @param n the length
     * @param seed the seed
     * @return the permutation
     */
    public static int[] permutation(int n, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    /**
     * The table with its rows reordered: row i of the result is row {@code perm[i]} of the table.
     *
     * @param t the table; not modified
     * @param perm a permutation of its row indices
     * @return a new table
     */
    public static IndicatorTable permuteRows(IndicatorTable t, int[] perm) {
        double[][] rows = new double[perm.length][];
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < perm.length; i++) {
            rows[i] = t.row(perm[i]);
            ids.add(t.id(perm[i]));
        }
        return IndicatorTable.ofRows(t.indicators(), ids, rows);
    }
}
