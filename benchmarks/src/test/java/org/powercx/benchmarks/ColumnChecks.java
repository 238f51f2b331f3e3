package org.powercx.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.powercx.core.IndicatorTable;

/**
 * The checks that the column-major benchmark tests share: a snapshot of the input before any benchmark method
 * runs, the expected results of the {@link Baselines}, and that neither the primitive columns nor the table
 * they came from changed.
 */
final class ColumnChecks {
    private final double[][] before;

    private ColumnChecks(double[][] before) {
        this.before = before;
    }

    /**
     * Takes a deep copy of the columns.
     *
     * @param columns the benchmark's columns
     * @return the snapshot
     */
    static ColumnChecks snapshot(double[][] columns) {
        double[][] copy = new double[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            copy[j] = columns[j].clone();
        }
        return new ColumnChecks(copy);
    }

    /**
     * Checks the plain-sum baseline against a sum of the snapshot in the same order.
     *
     * @param baselineSum what the benchmark's sum baseline returned
     */
    void assertSum(double baselineSum) {
        double plain = 0;
        for (double[] col : before) {
            for (double v : col) {
                plain += v;
            }
        }
        assertThat(baselineSum).isEqualTo(plain);
    }

    /**
     * Checks the row-sum baseline against the snapshot's row sums in the same order.
     *
     * @param baselineRowSums what the benchmark's row-sum baseline returned
     */
    void assertRowSums(double[] baselineRowSums) {
        double[] rowSums = new double[before[0].length];
        for (double[] col : before) {
            for (int i = 0; i < col.length; i++) {
                rowSums[i] += col[i];
            }
        }
        assertThat(baselineRowSums).containsExactly(rowSums);
    }

    /**
     * Checks that the columns and the table still hold the snapshot's values.
     *
     * @param columns the benchmark's columns
     * @param table the table they were taken from
     */
    void assertUntouched(double[][] columns, IndicatorTable table) {
        for (int j = 0; j < before.length; j++) {
            assertThat(columns[j]).containsExactly(before[j]);
            assertThat(table.column(j)).containsExactly(before[j]);
        }
    }
}
