package org.powercx.spark;

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
 * bits of the keys that share the prefix found so far (65,536 counters per order statistic sought); the counts
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
        JavaRDD<Row> rows = data.javaRDD();
        long[] first = rows.getNumPartitions() == 0 ? new long[BUCKETS] : pass(rows, reader, 0, null);
        long n = 0;
        for (long c : first) {
            n += c;
        }
        if (n == 0) {
            throw new SparkException("no rows to take quantiles of: the Dataset is empty or every row was dropped");
        }
        // the order statistics the type-7 definition needs: floor(h) and the next one, h = (n - 1) p (never -0.0,
        // so Double.compare is the library's h == lo)
        List<Long> ranks = new ArrayList<>();
        for (double p : probabilities) {
            double h = (n - 1) * p;
            long lo = (long) Math.floor(h);
            addRank(ranks, lo);
            if (lo + 1 < n && Double.compare(h, lo) != 0) {
                addRank(ranks, lo + 1);
            }
        }
        int t = ranks.size();
        long[] prefix = new long[t];
        long[] residual = new long[t];
        for (int k = 0; k < t; k++) {
            residual[k] = ranks.get(k);
            prefix[k] = descend(first, 0, k, prefix, residual);
        }
        for (int pass = 1; pass < PASSES; pass++) {
            long[] counts = pass(rows, reader, pass, prefix.clone());
            for (int k = 0; k < t; k++) {
                prefix[k] = prefix[k] << DIGIT_BITS | descend(counts, k * BUCKETS, k, prefix, residual);
            }
        }
        double[] out = new double[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            double h = (n - 1) * probabilities[i];
            long lo = (long) Math.floor(h);
            double low = value(prefix[ranks.indexOf(lo)]);
            if (lo + 1 >= n || Double.compare(h, lo) == 0) {
                out[i] = low;
            } else {
                double high = value(prefix[ranks.indexOf(lo + 1)]);
                out[i] = low + (h - lo) * (high - low);
            }
        }
        return out;
    }

    private static void addRank(List<Long> ranks, long rank) {
        if (!ranks.contains(rank)) {
            ranks.add(rank);
        }
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

    private static long[] pass(JavaRDD<Row> rows, RowReader reader, int pass, long[] prefixes) {
        return rows.mapPartitions(new Digits(reader, pass, prefixes)).treeReduce((a, b) -> {
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
            return a;
        }, 2);
    }

    /** One pass over a partition: the counts of the pass's 16-bit digit of the keys under each target's prefix. */
    private static final class Digits implements FlatMapFunction<Iterator<Row>, long[]> {
        private static final long serialVersionUID = 1L;
        private final RowReader reader;
        private final int shift;
        private final long[] prefixes;

        Digits(RowReader reader, int pass, long[] prefixes) {
            this.reader = reader;
            this.shift = Long.SIZE - DIGIT_BITS * (pass + 1);
            this.prefixes = prefixes == null ? null : prefixes.clone();
        }

        @Override
        public Iterator<long[]> call(Iterator<Row> rows) {
            int targets = prefixes == null ? 1 : prefixes.length;
            long[] counts = new long[targets * BUCKETS];
            double[] v = new double[1];
            long position = 0;
            while (rows.hasNext()) {
                Row r = rows.next();
                if (reader.read(r, position++, v, null, 0)) {
                    long u = key(v[0]);
                    int digit = (int) (u >>> shift) & (BUCKETS - 1);
                    if (prefixes == null) {
                        counts[digit]++;
                    } else {
                        long high = u >>> (shift + DIGIT_BITS);
                        for (int t = 0; t < targets; t++) {
                            if (prefixes[t] == high) {
                                counts[t * BUCKETS + digit]++;
                            }
                        }
                    }
                }
            }
            return List.of(counts).iterator();
        }
    }
}
