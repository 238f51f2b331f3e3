package org.powercx.benchmarks;

import java.util.Arrays;

/**
 * The in-run baselines that the benchmarks over column-major primitive data share: one plain read of every value,
 * so that a benchmark's figure reads as a ratio to the cost of touching its data once.
 */
final class Baselines {
    private Baselines() {
    }

    /**
     * Sums every value, column by column.
     *
     * @param columns the data; not modified
     * @return the sum
     */
    static double sum(double[][] columns) {
        double s = 0;
        for (double[] col : columns) {
            for (double v : col) {
                s += v;
            }
        }
        return s;
    }

    /**
     * Per-row sums over all columns, into a caller's buffer.
     *
     * @param columns the data, each column at least as long as {@code out}; not modified
     * @param out the row sums; modified
     * @return {@code out}
     */
    static double[] rowSums(double[][] columns, double[] out) {
        Arrays.fill(out, 0.0);
        for (double[] col : columns) {
            for (int i = 0; i < out.length; i++) {
                out[i] += col[i];
            }
        }
        return out;
    }
}
