package org.powercx.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;
import org.powercx.core.CoreException;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorStatistics;
import org.powercx.core.IndicatorTable;
import org.powercx.credit.CreditException;
import org.powercx.credit.DiscriminantStatistics;

/**
 * What one task returns to {@link SparkFitter}: its partition's index, the rows it kept, and the partition's
 * statistics (null in the counting pass).
 */
record PartitionSummary(int partition, long rows, Serializable statistics) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Reads a partition in blocks and hands each full or last block to a sink. */
    abstract static class Blocks implements Function2<Integer, Iterator<Row>, Iterator<PartitionSummary>> {
        private static final long serialVersionUID = 1L;
        final List<Indicator> indicators;
        final RowReader reader;
        final int batchRows;

        Blocks(List<Indicator> indicators, RowReader reader, int batchRows) {
            this.indicators = List.copyOf(indicators);
            this.reader = reader;
            this.batchRows = batchRows;
        }

        @Override
        public Iterator<PartitionSummary> call(Integer partition, Iterator<Row> rows) {
            int p = indicators.size();
            double[][] cols = new double[p][batchRows];
            int[] labels = new int[batchRows * Math.max(1, reader.labelCount())];
            List<String> ids = new ArrayList<>(batchRows);
            double[] values = new double[p];
            long kept = 0;
            long position = 0;
            int n = 0;
            start(partition);
            while (rows.hasNext()) {
                Row r = rows.next();
                if (reader.read(r, position, values, labels, n)) {
                    for (int j = 0; j < p; j++) {
                        cols[j][n] = values[j];
                    }
                    ids.add(reader.id(r, position));
                    n++;
                    kept++;
                    if (n == batchRows) {
                        block(cols, ids, labels, n);
                        ids.clear();
                        n = 0;
                    }
                }
                position++;
            }
            if (n > 0) {
                block(cols, ids, labels, n);
            }
            return List.of(new PartitionSummary(partition, kept, result())).iterator();
        }

        IndicatorTable table(double[][] cols, List<String> ids, int n) {
            double[][] c = cols;
            if (n < batchRows) {
                c = new double[cols.length][];
                for (int j = 0; j < c.length; j++) {
                    c[j] = java.util.Arrays.copyOf(cols[j], n);
                }
            }
            try {
                return IndicatorTable.ofColumns(indicators, ids, c);
            } catch (CoreException e) {
                throw new SparkException("summarising a block of rows", e);
            }
        }

        abstract void start(int partition);

        abstract void block(double[][] cols, List<String> ids, int[] labels, int n);

        abstract Serializable result();
    }

    /** Counts the kept rows (the discriminant's chunks are counted from the data's first row). */
    static final class Count extends Blocks {
        private static final long serialVersionUID = 1L;

        Count(List<Indicator> indicators, RowReader reader) {
            super(indicators, reader, 1);
        }

        @Override
        IndicatorTable table(double[][] cols, List<String> ids, int n) {
            return null;
        }

        @Override
        void start(int partition) {
            // nothing to set up
        }

        @Override
        void block(double[][] cols, List<String> ids, int[] labels, int n) {
            // only the count is kept
        }

        @Override
        Serializable result() {
            return null;
        }
    }

    /** The partition's bounds statistics. */
    static final class Bounds extends Blocks {
        private static final long serialVersionUID = 1L;
        private transient IndicatorStatistics statistics;

        Bounds(List<Indicator> indicators, RowReader reader, int batchRows) {
            super(indicators, reader, batchRows);
        }

        @Override
        void start(int partition) {
            statistics = IndicatorStatistics.empty(indicators);
        }

        @Override
        void block(double[][] cols, List<String> ids, int[] labels, int n) {
            statistics = statistics.add(table(cols, ids, n));
        }

        @Override
        Serializable result() {
            return statistics;
        }
    }

    /** The partition's discriminant statistics, starting at its first row's index in the whole data. */
    static final class Discriminant extends Blocks {
        private static final long serialVersionUID = 1L;
        private final long[] offsets;
        private transient DiscriminantStatistics statistics;

        Discriminant(List<Indicator> indicators, RowReader reader, int batchRows, long[] offsets) {
            super(indicators, reader, batchRows);
            this.offsets = offsets.clone();
        }

        @Override
        void start(int partition) {
            statistics = DiscriminantStatistics.startingAt(indicators, offsets[partition]);
        }

        @Override
        void block(double[][] cols, List<String> ids, int[] labels, int n) {
            try {
                statistics = statistics.add(table(cols, ids, n), java.util.Arrays.copyOf(labels, n));
            } catch (CreditException e) {
                throw new SparkException("summarising a block of rows", e);
            }
        }

        @Override
        Serializable result() {
            return statistics;
        }
    }
}
