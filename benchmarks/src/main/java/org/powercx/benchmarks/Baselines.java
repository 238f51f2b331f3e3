package org.powercx.benchmarks;

import java.util.Arrays;
import org.powercx.core.CsvBlockReader;
import org.powercx.core.IndicatorTable;

/**
 * The in-run baselines that the benchmarks over column-major primitive data share: one plain read of every value,
 * so that a benchmark's figure reads as a ratio to the cost of touching its data once.
 */
final class Baselines {
    private Baselines() {
    }

    /**
     * Sums every value with the columns split between the calling thread and one more (the first half of the
     * columns here, the rest there), adding the two halves' sums in that order: the two-thread read of the data.
     *
     * @param columns the data; not modified
     * @return the sum
     */
    static double sumTwoThreads(double[][] columns) {
        int half = columns.length / 2;
        double[] second = new double[1];
        Thread other = new Thread(() -> second[0] = sum(Arrays.copyOfRange(columns, half, columns.length)));
        other.start();
        double first = sum(Arrays.copyOfRange(columns, 0, half));
        try {
            other.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return first + second[0];
    }

    /**
     * Sums every value of every block, column by column: one pass through a block reader.
     *
     * @param opened the blocks, closed here
     * @return the sum
     */
    static double sum(CsvBlockReader opened) {
        double s = 0;
        try (CsvBlockReader blocks = opened) {
            while (blocks.hasNext()) {
                IndicatorTable block = blocks.next();
                for (int j = 0; j < block.indicatorCount(); j++) {
                    for (double v : block.column(j)) {
                        s += v;
                    }
                }
            }
        }
        return s;
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
