package org.powercx.credit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

/**
 * Mergeable sufficient statistics of a linear discriminant fit: per class the count, the mean and the
 * within-class scatter matrix, accumulated exactly as {@link LinearDiscriminant#fit(IndicatorTable, int[])}
 * does: in chunks of {@value #CHUNK} rows counted from the first row, each chunk summed alone about its own
 * means, and the chunks merged in chunk order by the pairwise update of Chan, Golub and LeVeque (1979).
 * {@link LinearDiscriminant#fit(DiscriminantStatistics)} therefore equals the in-memory fit bit for bit, whatever
 * the split of the rows into blocks.
 *
 * <p>Rows of a chunk that is not yet complete are kept until it is (at most one chunk at each end of the
 * rows summarised: about {@code 2 * CHUNK * (p + 1) * 8} bytes), so that parts summarised separately can be
 * {@link #merge(DiscriminantStatistics) merged} in row order into the same sums. A part that does not start at
 * the first row is created with {@link #startingAt(List, long)}, giving its first row's index. Per class, the smallest and largest value of each indicator are kept as well,
 * so that an indicator constant within every class is named as in the in-memory fit.
 *
 * <p>Instances are immutable and thread-safe: {@code add} and {@code merge} return new instances. They are
 * {@link java.io.Serializable}, so that parts summarised on the machines of a cluster can be sent to one and merged
 * there in row order.
 *
 * @serial exclude
 * @since 0.2.0
 */
public final class DiscriminantStatistics implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Rows per independently summed chunk, as the in-memory fit. */
    public static final int CHUNK = Scatter.CHUNK;

    private final List<Indicator> indicators;
    private final long start;
    private final long count;
    /** Raw pieces and closed chunks in row order. */
    private final List<Object> items;
    /** Per class label: {min_0, max_0, min_1, ...}. */
    private final Map<Integer, double[]> ranges;

    /** Rows not yet summed: columns and labels of global rows [first, first + labels.length). */
    private record Piece(long first, double[][] cols, int[] labels) implements java.io.Serializable {
        int size() {
            return labels.length;
        }
    }

    /** The sums of one complete aligned chunk, with the label of each of its classes (ascending). */
    private record Chunk(Scatter.Part part, int[] labels) implements java.io.Serializable {
    }

    private DiscriminantStatistics(List<Indicator> indicators, long start, long count, List<Object> items,
            Map<Integer, double[]> ranges) {
        this.indicators = indicators;
        this.start = start;
        this.count = count;
        this.items = items;
        this.ranges = ranges;
    }

    /**
     * Statistics of no rows that start at the data's first row.
     *
     * @param indicators the columns every block must have, in this order; at least one
     * @return empty statistics
     * @throws CreditException if the list is null or empty or holds null
     */
    public static DiscriminantStatistics empty(List<Indicator> indicators) {
        return new DiscriminantStatistics(check(indicators), 0, 0, List.of(), Map.of());
    }

    /**
     * Statistics of no rows for a part of the data that starts at a given row, to be merged after the parts
     * before it.
     *
     * @param indicators the columns every block must have, in this order; at least one
     * @param firstRow the index of the part's first row in the whole data, from 0
     * @return empty statistics
     * @throws CreditException if the list is null, empty or holds null, or the row is negative
     */
    public static DiscriminantStatistics startingAt(List<Indicator> indicators, long firstRow) {
        List<Indicator> inds = check(indicators);
        if (firstRow < 0) {
            throw new CreditException("first row must be at least 0 but was %d", firstRow);
        }
        return new DiscriminantStatistics(inds, firstRow, 0, List.of(), Map.of());
    }

    /**
     * The statistics of a whole table.
     *
     * @param table the customers
     * @param labels the class label of each row
     * @return the statistics
     * @throws CreditException as {@link #add(IndicatorTable, int[])}
     */
    public static DiscriminantStatistics of(IndicatorTable table, int[] labels) {
        if (table == null) {
            throw new CreditException("table is null");
        }
        return empty(table.indicators()).add(table, labels);
    }

    private static List<Indicator> check(List<Indicator> indicators) {
        if (indicators == null || indicators.isEmpty()) {
            throw new CreditException("no indicators");
        }
        for (Indicator ind : indicators) {
            if (ind == null) {
                throw new CreditException("indicator list %s holds null", indicators);
            }
        }
        return List.copyOf(indicators);
    }

    /**
     * Adds the rows of a block that follows the rows summarised so far.
     *
     * @param block rows with the same indicators in the same order; may be empty
     * @param labels the class label of each row of the block
     * @return new statistics covering both
     * @throws CreditException if an argument is null, the indicators differ or the labels do not match the rows
     */
    public DiscriminantStatistics add(IndicatorTable block, int[] labels) {
        if (block == null) {
            throw new CreditException("block is null");
        }
        if (!block.indicators().equals(indicators)) {
            throw new CreditException("block has indicators %s but the statistics have %s", block.indicators(),
                indicators);
        }
        int n = block.rowCount();
        if (labels == null || labels.length != n) {
            throw new CreditException("%s labels for %d rows: labels must have one entry per row",
                labels == null ? "no" : String.valueOf(labels.length), n);
        }
        if (n == 0) {
            return this;
        }
        int p = indicators.size();
        double[][] cols = new double[p][n];
        for (int j = 0; j < p; j++) {
            block.copyColumn(j, 0, n, cols[j], 0);
        }
        Map<Integer, double[]> newRanges = new TreeMap<>(ranges);
        for (int i = 0; i < n; i++) {
            double[] r = newRanges.get(labels[i]);
            if (r == null || r == ranges.get(labels[i])) {
                r = r == null ? initialRange(p) : r.clone();
                newRanges.put(labels[i], r);
            }
            for (int j = 0; j < p; j++) {
                double v = cols[j][i];
                r[2 * j] = Math.min(r[2 * j], v);
                r[2 * j + 1] = Math.max(r[2 * j + 1], v);
            }
        }
        List<Object> list = new ArrayList<>(items);
        list.add(new Piece(start + count, cols, labels.clone()));
        return new DiscriminantStatistics(indicators, start, count + n, reduce(list, p), newRanges);
    }

    private static double[] initialRange(int p) {
        double[] r = new double[2 * p];
        for (int j = 0; j < p; j++) {
            r[2 * j] = Double.POSITIVE_INFINITY;
            r[2 * j + 1] = Double.NEGATIVE_INFINITY;
        }
        return r;
    }

    /**
     * Combines these statistics with those of the rows that directly follow them.
     *
     * @param later statistics of the following rows: same indicators, created with
     *     {@link #startingAt(List, long)} at this part's end
     * @return statistics of all the rows
     * @throws CreditException if the argument is null, the indicators differ, or the parts are not adjacent
     */
    public DiscriminantStatistics merge(DiscriminantStatistics later) {
        if (later == null) {
            throw new CreditException("statistics to merge are null");
        }
        if (!later.indicators.equals(indicators)) {
            throw new CreditException("cannot merge statistics of indicators %s into statistics of %s",
                later.indicators, indicators);
        }
        if (later.count == 0) {
            return this;
        }
        if (count == 0 && start == later.start) {
            return later;
        }
        if (later.start != start + count) {
            throw new CreditException("statistics of rows [%d, %d) cannot follow rows [%d, %d): parts must be "
                + "adjacent and merged in row order", later.start, later.start + later.count, start, start + count);
        }
        Map<Integer, double[]> newRanges = new TreeMap<>(ranges);
        int p = indicators.size();
        for (Map.Entry<Integer, double[]> e : later.ranges.entrySet()) {
            double[] mine = newRanges.get(e.getKey());
            double[] r = e.getValue().clone();
            if (mine != null) {
                for (int j = 0; j < p; j++) {
                    r[2 * j] = Math.min(r[2 * j], mine[2 * j]);
                    r[2 * j + 1] = Math.max(r[2 * j + 1], mine[2 * j + 1]);
                }
            }
            newRanges.put(e.getKey(), r);
        }
        List<Object> list = new ArrayList<>(items);
        list.addAll(later.items);
        return new DiscriminantStatistics(indicators, start, count + later.count, reduce(list, p), newRanges);
    }

    /** Sums every complete aligned chunk that raw pieces cover; keeps the rest as pieces. */
    private static List<Object> reduce(List<Object> list, int p) {
        List<Object> out = new ArrayList<>();
        List<Piece> run = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Piece piece) {
                run.add(piece);
                flush(run, out, p, false);
            } else {
                flush(run, out, p, true);
                out.add(item);
            }
        }
        flush(run, out, p, true);
        return List.copyOf(out);
    }

    /**
     * Sums the complete aligned chunks of a run of pieces into {@code out}; the remainder stays in the run, or
     * goes to {@code out} as one piece when {@code close} is set.
     */
    private static void flush(List<Piece> run, List<Object> out, int p, boolean close) {
        if (run.isEmpty()) {
            return;
        }
        long first = run.get(0).first();
        long end = first;
        for (Piece piece : run) {
            end += piece.size();
        }
        long chunkStart = (first + CHUNK - 1) / CHUNK * CHUNK;
        if (chunkStart + CHUNK > end) {
            if (close) {
                out.add(join(run, first, end, p));
                run.clear();
            }
            return;
        }
        if (chunkStart > first) {
            out.add(join(run, first, chunkStart, p));
        }
        while (chunkStart + CHUNK <= end) {
            Piece whole = join(run, chunkStart, chunkStart + CHUNK, p);
            out.add(sum(whole.cols(), whole.labels(), whole.size()));
            chunkStart += CHUNK;
        }
        Piece rest = chunkStart < end ? join(run, chunkStart, end, p) : null;
        run.clear();
        if (rest != null) {
            if (close) {
                out.add(rest);
            } else {
                run.add(rest);
            }
        }
    }

    /** The rows [from, to) of a run of adjacent pieces as one piece. */
    private static Piece join(List<Piece> run, long from, long to, int p) {
        int len = (int) (to - from);
        double[][] cols = new double[p][len];
        int[] labels = new int[len];
        for (Piece piece : run) {
            long a = Math.max(from, piece.first());
            long b = Math.min(to, piece.first() + piece.size());
            if (a >= b) {
                continue;
            }
            int src = (int) (a - piece.first());
            int dst = (int) (a - from);
            int k = (int) (b - a);
            for (int j = 0; j < p; j++) {
                System.arraycopy(piece.cols()[j], src, cols[j], dst, k);
            }
            System.arraycopy(piece.labels(), src, labels, dst, k);
        }
        return new Piece(from, cols, labels);
    }

    /** The sums of one chunk by {@link Scatter#chunk}, its classes numbered in ascending label order. */
    private static Chunk sum(double[][] cols, int[] labels, int n) {
        int[] distinct = Arrays.stream(labels).distinct().sorted().toArray();
        int[] cls = new int[n];
        for (int t = 0; t < n; t++) {
            cls[t] = Arrays.binarySearch(distinct, labels[t]);
        }
        return new Chunk(Scatter.chunk(cols, 0, n, cls, distinct.length), distinct);
    }

    /**
     * The merged statistics as a Scatter, chunks merged in order, classes in ascending label order.
     *
     * @return the scatter, with the labels of its classes
     */
    Scatter scatter(int[] classesOut) {
        int p = indicators.size();
        List<Object> all = reduce(items, p);
        int[] labels = classes();
        System.arraycopy(labels, 0, classesOut, 0, labels.length);
        List<Scatter.Part> parts = new ArrayList<>();
        List<int[]> classOf = new ArrayList<>();
        for (Object item : all) {
            Chunk c = item instanceof Piece piece ? sum(piece.cols(), piece.labels(), piece.size()) : (Chunk) item;
            int[] index = new int[c.labels().length];
            for (int m = 0; m < index.length; m++) {
                index[m] = Arrays.binarySearch(labels, c.labels()[m]);
            }
            parts.add(c.part());
            classOf.add(index);
        }
        return Scatter.merge(p, labels.length, parts, classOf);
    }

    /** Whether indicator j takes one value within each class. */
    boolean constantWithinClasses(int j) {
        for (double[] r : ranges.values()) {
            if (r[2 * j] != r[2 * j + 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The class labels seen, in ascending order.
     *
     * @return a new array
     */
    public int[] classes() {
        return ranges.keySet().stream().mapToInt(Integer::intValue).toArray();
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
     * The index of the first row summarised, 0 unless created by {@link #startingAt(List, long)}.
     *
     * @return the first row
     */
    public long firstRow() {
        return start;
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
     * A one-line summary.
     *
     * @return the rows and classes
     */
    @Override
    public String toString() {
        return "DiscriminantStatistics[rows " + start + " to " + (start + count) + ", classes "
            + Arrays.toString(classes()) + ", " + indicators.size() + " indicators]";
    }
}
