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
