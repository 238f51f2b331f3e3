package org.powercx.core;

import java.util.Arrays;
import java.util.List;
import org.powercx.core.internal.ParallelRanges;

/**
 * Mergeable sufficient statistics of indicator columns for the normalisations that need only bounds: the
 * row count, each column's minimum and maximum, the smallest and largest distance \(|x - T|\) of a TARGET
 * indicator's values to its target, and the first row (for {@link Normalisation#INITIAL_VALUE}).
 *
 * <p>A file or stream too large for memory is summarised block by block with {@link #add(IndicatorTable)},
 * or in parts that are then combined with {@link #merge(IndicatorStatistics)} in row order;
 * {@link Normalisation#fit(IndicatorStatistics)} then fits a normaliser equal, bit for bit, to the one fitted
 * on the whole table. Minima and maxima do not depend on the order of the rows, so any split gives the same
 * statistics; only the first row depends on which part comes first.
 *
 * <p>Instances are immutable and thread-safe: {@code add} and {@code merge} return new instances. They are
 * {@link java.io.Serializable}, so that parts summarised on the machines of a cluster can be sent to one and merged
 * there.
 *
 * @serial exclude
 * @since 0.2.0
 */
public final class IndicatorStatistics implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final List<Indicator> indicators;
    private final long count;
    private final double[] min;
    private final double[] max;
    private final double[] minDistance;
    private final double[] maxDistance;
    private final double[] first;
    private final String firstId;

    private IndicatorStatistics(List<Indicator> indicators, long count, double[] min, double[] max,
            double[] minDistance, double[] maxDistance, double[] first, String firstId) {
        this.indicators = indicators;
        this.count = count;
        this.min = min;
        this.max = max;
        this.minDistance = minDistance;
        this.maxDistance = maxDistance;
        this.first = first;
        this.firstId = firstId;
    }

    /**
     * Statistics of no rows, to which blocks are added.
     *
     * @param indicators the columns every block must have, in this order; at least one, unique names
     * @return empty statistics
     * @throws CoreException if the list is null, empty, holds null or repeats a name
     */
    public static IndicatorStatistics empty(List<Indicator> indicators) {
        if (indicators == null || indicators.isEmpty()) {
            throw new CoreException("statistics need at least one indicator but got %s",
                indicators == null ? "null" : "none");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Indicator ind : indicators) {
            if (ind == null) {
                throw new CoreException("indicator list %s holds null", indicators);
            }
            if (!seen.add(ind.name())) {
                throw new CoreException("indicator '%s' is repeated", ind.name());
            }
        }
        int m = indicators.size();
        double[] lo = new double[m];
        double[] hi = new double[m];
        double[] dlo = new double[m];
        double[] dhi = new double[m];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        Arrays.fill(dlo, Double.POSITIVE_INFINITY);
        return new IndicatorStatistics(List.copyOf(indicators), 0, lo, hi, dlo, dhi, null, null);
    }

    /**
     * The statistics of a whole table.
     *
     * @param table the table
     * @return its statistics
     * @throws CoreException if the table is null
     */
    public static IndicatorStatistics of(IndicatorTable table) {
        if (table == null) {
            throw new CoreException("table must not be null");
        }
        return empty(table.indicators()).add(table);
    }

    /**
     * The statistics of a whole table, computed on up to {@code threads} threads: equal, bit for bit, to
     * {@link #of(IndicatorTable)} (each thread summarises a contiguous part of the rows and the parts are merged
     * in row order, which changes nothing because bounds do not depend on the order of the rows). Below
     * {@value #ROWS_PER_THREAD} rows per thread fewer threads are used.
     *
     * @param table the table
     * @param threads the largest number of threads, 1 to {@value ParallelRanges#MAX_THREADS}
     * @return its statistics
     * @throws CoreException if the table is null or the thread count out of range
     * @since 0.2.0
     */
    public static IndicatorStatistics of(IndicatorTable table, int threads) {
        if (!ParallelRanges.isValidThreadCount(threads)) {
            throw new CoreException("threads must be 1 to %d but was %d", ParallelRanges.MAX_THREADS, threads);
        }
        if (table == null) {
            throw new CoreException("table must not be null");
        }
        int n = table.rowCount();
        int parts = (int) Math.min(threads, Math.max(1, n / ROWS_PER_THREAD));
        IndicatorStatistics empty = empty(table.indicators());
        if (parts == 1) {
            return empty.add(table);
        }
        IndicatorStatistics[] summaries = new IndicatorStatistics[parts];
        ParallelRanges.run(parts, parts, (p0, p1) -> {
            for (int p = p0; p < p1; p++) {
                summaries[p] = empty.add(table, ParallelRanges.start(n, parts, p),
                    ParallelRanges.start(n, parts, p + 1));
            }
        });
        IndicatorStatistics all = summaries[0];
        for (int p = 1; p < parts; p++) {
            all = all.merge(summaries[p]);
        }
        return all;
    }

    /** The fewest rows worth a thread of their own. */
    private static final int ROWS_PER_THREAD = 65_536;

    /**
     * Adds the rows of a block that follows the rows summarised so far.
     *
     * @param block rows with the same indicators (names, directions, targets) in the same order; may be empty
     * @return new statistics covering both
     * @throws CoreException if the block is null or its indicators differ
     */
    public IndicatorStatistics add(IndicatorTable block) {
        if (block == null) {
            throw new CoreException("block must not be null");
        }
        if (!block.indicators().equals(indicators)) {
            throw new CoreException("block has indicators %s but the statistics have %s", block.indicators(),
                indicators);
        }
        return add(block, 0, block.rowCount());
    }

    /** Adds rows [from, to) of a block with these indicators. */
    private IndicatorStatistics add(IndicatorTable block, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return this;
        }
        int m = indicators.size();
        double[] lo = min.clone();
        double[] hi = max.clone();
        double[] dlo = minDistance.clone();
        double[] dhi = maxDistance.clone();
        for (int j = 0; j < m; j++) {
            double[] x = block.columnView(j);
            Indicator ind = indicators.get(j);
            double a = lo[j];
            double b = hi[j];
            // plain comparisons run about twice as fast as Math.min / Math.max; they differ only in which zero
            // they keep (the values are finite), so a zero bound is recomputed with Math's order, which puts -0.0 below 0.0
            if (ind.hasTarget()) {
                // one pass for the bounds and the nearest distance to the target (a distance is never -0.0)
                double t = ind.target();
                double c = dlo[j];
                for (int i = from; i < to; i++) {
                    double v = x[i];
                    a = v < a ? v : a;
                    b = v > b ? v : b;
                    double dist = Math.abs(v - t);
                    c = dist < c ? dist : c;
                }
                dlo[j] = c;
            } else {
                for (int i = from; i < to; i++) {
                    double v = x[i];
                    a = v < a ? v : a;
                    b = v > b ? v : b;
                }
            }
            if (a == 0 || b == 0) {
                a = lo[j];
                b = hi[j];
                for (int i = from; i < to; i++) {
                    a = Math.min(a, x[i]);
                    b = Math.max(b, x[i]);
                }
            }
            lo[j] = a;
            hi[j] = b;
            if (ind.hasTarget()) {
                // the rounded x - T is monotone in x, so |x - T| is largest at the smallest or the largest value
                double t = ind.target();
                dhi[j] = Math.max(dhi[j], Math.max(Math.abs(a - t), Math.abs(b - t)));
            }
        }
        double[] f = first;
        String fid = firstId;
        if (f == null) {
            f = block.row(from);
            fid = block.id(from);
        }
        return new IndicatorStatistics(indicators, count + n, lo, hi, dlo, dhi, f, fid);
    }

    /**
     * Combines these statistics with those of rows that follow them.
     *
     * @param later statistics of the following rows, with the same indicators
     * @return statistics of all the rows
     * @throws CoreException if the argument is null or its indicators differ
     */
    public IndicatorStatistics merge(IndicatorStatistics later) {
        if (later == null) {
            throw new CoreException("statistics to merge must not be null");
        }
        if (!later.indicators.equals(indicators)) {
            throw new CoreException("cannot merge statistics of indicators %s into statistics of %s",
                later.indicators, indicators);
        }
        if (later.count == 0) {
            return this;
        }
        if (count == 0) {
            return later;
        }
        int m = indicators.size();
        double[] lo = new double[m];
        double[] hi = new double[m];
        double[] dlo = new double[m];
        double[] dhi = new double[m];
        for (int j = 0; j < m; j++) {
            lo[j] = Math.min(min[j], later.min[j]);
            hi[j] = Math.max(max[j], later.max[j]);
            dlo[j] = Math.min(minDistance[j], later.minDistance[j]);
            dhi[j] = Math.max(maxDistance[j], later.maxDistance[j]);
        }
        return new IndicatorStatistics(indicators, count + later.count, lo, hi, dlo, dhi, first, firstId);
    }

    /**
     * The indicators, in column order.
     *
     * @return an unmodifiable list
     */
    public List<Indicator> indicators() {
        return indicators;
    }

    /**
     * The number of rows summarised.
     *
     * @return n
     */
    public long count() {
        return count;
    }

    /**
     * Each column's smallest value (positive infinity when empty).
     *
     * @return a new array, in column order
     */
    public double[] minima() {
        return min.clone();
    }

    /**
     * Each column's largest value (negative infinity when empty).
     *
     * @return a new array, in column order
     */
    public double[] maxima() {
        return max.clone();
    }

    /**
     * Each TARGET column's smallest distance \(\min_i |x_i - T|\) to its target (positive infinity for other
     * columns and when empty).
     *
     * @return a new array, in column order
     */
    public double[] targetDistanceMinima() {
        return minDistance.clone();
    }

    /**
     * Each TARGET column's largest distance \(\max_i |x_i - T|\) to its target (0 for other columns and when
     * empty).
     *
     * @return a new array, in column order
     */
    public double[] targetDistanceMaxima() {
        return maxDistance.clone();
    }

    /**
     * The first row's values.
     *
     * @return a new array, in column order
     * @throws CoreException if no row was added
     */
    public double[] firstRow() {
        checkNotEmpty();
        return first.clone();
    }

    /**
     * The first row's customer id.
     *
     * @return the id
     * @throws CoreException if no row was added
     */
    public String firstId() {
        checkNotEmpty();
        return firstId;
    }

    void checkNotEmpty() {
        if (count == 0) {
            throw new CoreException("statistics of indicators %s hold no rows", names());
        }
    }

    List<String> names() {
        return indicators.stream().map(Indicator::name).toList();
    }

    double min(int j) {
        return min[j];
    }

    double max(int j) {
        return max[j];
    }

    double maxDistance(int j) {
        return maxDistance[j];
    }

    double first(int j) {
        return first[j];
    }

    /**
     * A one-line summary.
     *
     * @return the count and indicator names
     */
    @Override
    public String toString() {
        return "IndicatorStatistics[" + count + " rows, indicators " + names() + "]";
    }
}
