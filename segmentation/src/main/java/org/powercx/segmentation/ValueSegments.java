package org.powercx.segmentation;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * The result of {@link ValueSegmentation#segment}: each customer's {@link ValueSegment} and the cut-offs.
 * Immutable; accessors return copies.
 *
 * @since 0.1.0
 */
public final class ValueSegments {
    private static final ValueSegment[] SEGMENTS = ValueSegment.values();

    private final CutoffMethod method;
    private final double currentCutoff;
    private final double potentialCutoff;
    private final double[] current;
    private final double[] potential;
    private final byte[] segments;

    ValueSegments(CutoffMethod method, double currentCutoff, double potentialCutoff, double[] current,
            double[] potential, byte[] segments) {
        this.method = method;
        this.currentCutoff = currentCutoff;
        this.potentialCutoff = potentialCutoff;
        this.current = current.clone();
        this.potential = potential.clone();
        this.segments = segments;
    }

    /**
     * How the cut-offs were placed.
     *
     * @return the method
     */
    public CutoffMethod method() {
        return method;
    }

    /**
     * The current-value cut-off.
     *
     * @return the value from which current value counts as high
     */
    public double currentCutoff() {
        return currentCutoff;
    }

    /**
     * The potential-value cut-off.
     *
     * @return the value from which potential value counts as high
     */
    public double potentialCutoff() {
        return potentialCutoff;
    }

    /**
     * Number of customers.
     *
     * @return the count
     */
    public int size() {
        return segments.length;
    }

    /**
     * A customer's segment.
     *
     * @param row row index
     * @return the segment
     * @throws SegmentationException if the row is out of range
     */
    public ValueSegment segment(int row) {
        if (row < 0 || row >= segments.length) {
            throw new SegmentationException("row %d is not within [0, %d)", row, segments.length);
        }
        return SEGMENTS[segments[row]];
    }

    /**
     * Every customer's segment as its ordinal in {@link ValueSegment#values()}.
     *
     * @return a new array
     */
    public int[] ordinals() {
        int[] out = new int[segments.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = segments[i];
        }
        return out;
    }

    byte ordinal(int row) {
        return segments[row];
    }

    /**
     * The current values segmented.
     *
     * @return a new array
     */
    public double[] currentValues() {
        return current.clone();
    }

    /**
     * The potential values segmented.
     *
     * @return a new array
     */
    public double[] potentialValues() {
        return potential.clone();
    }

    /**
     * Customers per segment, in the order of {@link ValueSegment#values()}.
     *
     * @return a new array of four counts
     */
    public int[] counts() {
        int[] counts = new int[SEGMENTS.length];
        for (byte s : segments) {
            counts[s]++;
        }
        return counts;
    }

    /**
     * The median of a per-customer quantity in each segment, e.g. lifetime value. The median, not the mean,
     * because such quantities are heavily skewed: a few very large customers lift a segment's mean far above
     * what its typical customer is worth. With \(n\) sorted values \(v_{(1)} \le \dots \le v_{(n)}\) of a
     * segment, the median is \(v_{((n+1)/2)}\) for odd \(n\) and \((v_{(n/2)} + v_{(n/2+1)})/2\) for even
     * \(n\) (Hyndman and Fan 1996, type 7 at probability 1/2, as R's {@code median}).
     *
     * @param values one value per customer, in row order; not modified
     * @return a new array of four medians in the order of {@link ValueSegment#values()}, NaN for an empty segment
     * @throws SegmentationException if the length differs from {@link #size()} or a value is not finite
     * @since 0.2.0
     */
    public double[] medians(double[] values) {
        double[][] by = bySegment(values);
        double[] out = new double[by.length];
        for (int s = 0; s < by.length; s++) {
            double[] v = by[s];
            java.util.Arrays.sort(v);
            int n = v.length;
            out[s] = n == 0 ? Double.NaN : n % 2 != 0 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        }
        return out;
    }

    /**
     * The sum of a per-customer quantity in each segment, e.g. lifetime value.
     *
     * @param values one value per customer, in row order; not modified
     * @return a new array of four totals in the order of {@link ValueSegment#values()}, 0 for an empty segment
     * @throws SegmentationException if the length differs from {@link #size()} or a value is not finite
     * @since 0.2.0
     */
    public double[] totals(double[] values) {
        double[][] by = bySegment(values);
        double[] out = new double[by.length];
        for (int s = 0; s < by.length; s++) {
            double sum = 0;
            for (double v : by[s]) {
                sum += v;
            }
            out[s] = sum;
        }
        return out;
    }

    private double[][] bySegment(double[] values) {
        if (values == null) {
            throw new SegmentationException("values are null");
        }
        if (values.length != segments.length) {
            throw new SegmentationException("values: %d values for %d customers", values.length, segments.length);
        }
        int[] counts = counts();
        double[][] by = new double[SEGMENTS.length][];
        for (int s = 0; s < by.length; s++) {
            by[s] = new double[counts[s]];
        }
        int[] next = new int[SEGMENTS.length];
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new SegmentationException("values: row %d is %s, not a finite number", i, values[i]);
            }
            by[segments[i]][next[segments[i]]++] = values[i];
        }
        return by;
    }

    /**
     * Per segment: customers, share and mean current and potential value, with the cut-offs.
     *
     * @return a readable table
     */
    @Override
    public String toString() {
        int k = SEGMENTS.length;
        int[] count = new int[k];
        double[] sc = new double[k];
        double[] sp = new double[k];
        for (int i = 0; i < segments.length; i++) {
            count[segments[i]]++;
            sc[segments[i]] += current[i];
            sp[segments[i]] += potential[i];
        }
        List<List<String>> rows = new ArrayList<>();
        for (ValueSegment s : SEGMENTS) {
            int o = s.ordinal();
            rows.add(List.of(s.label(), Integer.toString(count[o]),
                TextTable.number((double) count[o] / segments.length),
                count[o] == 0 ? "" : TextTable.number(sc[o] / count[o]),
                count[o] == 0 ? "" : TextTable.number(sp[o] / count[o])));
        }
        return "ValueSegments (" + method + " cut-offs: current " + TextTable.number(currentCutoff) + ", potential "
            + TextTable.number(potentialCutoff) + ")\n" + TextTable.render(List.of("segment", "customers", "share",
            "mean current", "mean potential"), rows);
    }
}
