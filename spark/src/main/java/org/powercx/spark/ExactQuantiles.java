package org.powercx.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Exact order statistics of a column by radix selection over the bits of the values: every value is mapped to a
 * 64-bit key that sorts as the numbers do, and four passes over the data each count, per partition, the next 16
 * bits of the keys that share the prefix found so far (65,536 counters per order statistic sought, shared by
 * those under one prefix); the counts
 * are summed exactly (longs, in any order) and the driver walks them to the bucket holding the rank. After the
 * fourth pass the key, hence the value, is known exactly. Memory per task and per statistic is 512 KiB whatever
 * the number of rows; no shuffle.
 */
final class ExactQuantiles {
    private static final int DIGIT_BITS = 16;
    private static final int BUCKETS = 1 << DIGIT_BITS;
    private static final int PASSES = Long.SIZE / DIGIT_BITS;

    private ExactQuantiles() {
    }

    /** The key of a finite value: unsigned order of keys is numeric order; -0.0 is taken as +0.0. */
    static long key(double v) {
        long bits = Double.doubleToRawLongBits(v + 0.0);
        return (bits ^ ((bits >> 63) & Long.MAX_VALUE)) ^ Long.MIN_VALUE;
    }

    static double value(long key) {
        long sorted = key ^ Long.MIN_VALUE;
        return Double.longBitsToDouble(sorted ^ ((sorted >> 63) & Long.MAX_VALUE));
    }

    /**
     * Type-7 quantiles of the values the reader reads (its one input column) from the rows.
     *
     * @throws SparkException if no row is kept
     */
    static double[] of(Dataset<Row> data, RowReader reader, double[] probabilities) {
        return of(data.javaRDD(), new ReaderSource(reader), new double[][] {probabilities})[0];
    }

    /**
     * Type-7 quantiles of each column a source reads from the rows: {@code probabilities[c]} (possibly none) of
     * column {@code c}, in one set of passes for all columns.
     *
     * @throws SparkException if no row is kept
     */
    static <T> double[][] of(JavaRDD<T> rows, Source<T> source, double[][] probabilities) {
        int width = source.width();
        long[] first = rows.getNumPartitions() == 0 ? new long[width * BUCKETS] : pass(rows, source, 0, null, null);
        long n = 0;
        for (int b = 0; b < BUCKETS; b++) {
            n += first[b];
        }
        if (n == 0) {
            throw new SparkException("no rows to take quantiles of: the Dataset is empty or every row was dropped");
        }
        // the order statistics the type-7 definition needs: floor(h) and the next one, h = (n - 1) p (never -0.0,
        // so Double.compare is the library's h == lo)
        List<Long> ranks = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            for (double p : probabilities[c]) {
                double h = (n - 1) * p;
                long lo = (long) Math.floor(h);
                addRank(ranks, columns, c, lo);
                if (lo + 1 < n && Double.compare(h, lo) != 0) {
                    addRank(ranks, columns, c, lo + 1);
                }
            }
        }
        int t = ranks.size();
        long[] prefix = new long[t];
        long[] residual = new long[t];
        int[] column = new int[t];
        for (int k = 0; k < t; k++) {
            residual[k] = ranks.get(k);
            column[k] = columns.get(k);
            prefix[k] = descend(first, column[k] * BUCKETS, k, prefix, residual);
        }
        for (int pass = 1; pass < PASSES && t > 0; pass++) {
            // targets under the same prefix of the same column (lo and lo + 1, mostly) share their counts
            int[] group = new int[t];
            List<Long> groupPrefix = new ArrayList<>();
            List<Integer> groupColumn = new ArrayList<>();
            for (int k = 0; k < t; k++) {
                int g = 0;
                while (g < groupPrefix.size()
                    && !(groupPrefix.get(g) == prefix[k] && groupColumn.get(g) == column[k])) {
                    g++;
                }
                if (g == groupPrefix.size()) {
                    groupPrefix.add(prefix[k]);
                    groupColumn.add(column[k]);
                }
                group[k] = g;
            }
            long[] counts = pass(rows, source, pass, groupPrefix.stream().mapToLong(Long::longValue).toArray(),
                groupColumn.stream().mapToInt(Integer::intValue).toArray());
            for (int k = 0; k < t; k++) {
                prefix[k] = prefix[k] << DIGIT_BITS | descend(counts, group[k] * BUCKETS, k, prefix, residual);
            }
        }
        double[][] out = new double[width][];
        for (int c = 0; c < width; c++) {
            out[c] = new double[probabilities[c].length];
            for (int i = 0; i < out[c].length; i++) {
                double h = (n - 1) * probabilities[c][i];
                long lo = (long) Math.floor(h);
                double low = value(prefix[target(ranks, columns, c, lo)]);
                if (lo + 1 >= n || Double.compare(h, lo) == 0) {
                    out[c][i] = low;
                } else {
                    double high = value(prefix[target(ranks, columns, c, lo + 1)]);
                    out[c][i] = low + (h - lo) * (high - low);
                }
            }
        }
        return out;
    }

    private static int target(List<Long> ranks, List<Integer> columns, int column, long rank) {
        for (int k = 0; k < ranks.size(); k++) {
            if (columns.get(k) == column && ranks.get(k) == rank) {
                return k;
            }
        }
        throw new IllegalStateException("no target for rank " + rank);
    }

    private static void addRank(List<Long> ranks, List<Integer> columns, int column, long rank) {
        for (int k = 0; k < ranks.size(); k++) {
            if (columns.get(k) == column && ranks.get(k) == rank) {
                return;
            }
        }
        ranks.add(rank);
        columns.add(column);
    }

    /** The bucket of counts[from, from + BUCKETS) holding the residual rank of target k; the residual is updated. */
    private static long descend(long[] counts, int from, int k, long[] prefix, long[] residual) {
        long r = residual[k];
        for (int b = 0; b < BUCKETS; b++) {
            long c = counts[from + b];
            if (r < c) {
                residual[k] = r;
                return b;
            }
            r -= c;
        }
        throw new SparkException("the Dataset gave fewer rows in a later pass than in the first (at the prefix %s):"
            + " it must give the same rows each time it is read (cache it)", Long.toHexString(prefix[k]));
    }

    private static <T> long[] pass(JavaRDD<T> rows, Source<T> source, int pass, long[] prefixes, int[] columns) {
        return rows.mapPartitions(new Digits<>(source, pass, prefixes, columns)).treeReduce((a, b) -> {
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
            return a;
        }, 2);
    }

    /** Receives a block of values: one array per column, the first {@code n} entries of each. */
    interface BlockSink {
        void accept(double[][] values, int n);
    }

    /** The values of one or more columns of a partition's kept rows, handed on block by block. */
    interface Source<T> extends Serializable {
        int width();

        void read(Iterator<T> rows, BlockSink sink);
    }

    /** Blocks that already are the columns' values: one array per column, all of one length. */
    static final class ColumnBlocks implements Source<double[][]> {
        private static final long serialVersionUID = 1L;
        private final int width;

        ColumnBlocks(int width) {
            this.width = width;
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public void read(Iterator<double[][]> blocks, BlockSink sink) {
            while (blocks.hasNext()) {
                double[][] b = blocks.next();
                sink.accept(b, b[0].length);
            }
        }
    }

    /** The one input column of a reader. */
    private static final class ReaderSource implements Source<Row> {
        private static final long serialVersionUID = 1L;
        private static final int BLOCK = 4096;
        private final RowReader reader;

        ReaderSource(RowReader reader) {
            this.reader = reader;
        }

        @Override
        public int width() {
            return 1;
        }

        @Override
        public void read(Iterator<Row> rows, BlockSink sink) {
            double[][] block = new double[1][BLOCK];
            double[] v = new double[1];
            long position = 0;
            int n = 0;
            while (rows.hasNext()) {
                Row r = rows.next();
                if (reader.read(r, position++, v, null, 0)) {
                    block[0][n++] = v[0];
                    if (n == BLOCK) {
                        sink.accept(block, n);
                        n = 0;
                    }
                }
            }
            if (n > 0) {
                sink.accept(block, n);
            }
        }
    }

    /**
     * One pass over a partition: the counts of the pass's 16-bit digit of the keys of each column (first pass), or
     * of each target's column under the target's prefix.
     */
    private static final class Digits<T> implements FlatMapFunction<Iterator<T>, long[]> {
        private static final long serialVersionUID = 1L;
        private final Source<T> source;
        private final int shift;
        private final long[] prefixes;
        private final int[] columns;

        Digits(Source<T> source, int pass, long[] prefixes, int[] columns) {
            this.source = source;
            this.shift = Long.SIZE - DIGIT_BITS * (pass + 1);
            this.prefixes = prefixes == null ? null : prefixes.clone();
            this.columns = columns == null ? null : columns.clone();
        }

        @Override
        public Iterator<long[]> call(Iterator<T> rows) {
            int targets = prefixes == null ? source.width() : prefixes.length;
            long[] counts = new long[targets * BUCKETS];
            source.read(rows, (values, n) -> {
                if (prefixes == null) {
                    for (int c = 0; c < values.length; c++) {
                        double[] v = values[c];
                        int from = c * BUCKETS;
                        for (int i = 0; i < n; i++) {
                            counts[from + ((int) (key(v[i]) >>> shift) & (BUCKETS - 1))]++;
                        }
                    }
                    return;
                }
                for (int t = 0; t < targets; t++) {
                    double[] v = values[columns[t]];
                    long prefix = prefixes[t];
                    int from = t * BUCKETS;
                    for (int i = 0; i < n; i++) {
                        long u = key(v[i]);
                        if (u >>> (shift + DIGIT_BITS) == prefix) {
                            counts[from + ((int) (u >>> shift) & (BUCKETS - 1))]++;
                        }
                    }
                }
            });
            return List.of(counts).iterator();
        }
    }
}
