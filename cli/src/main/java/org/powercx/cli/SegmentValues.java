package org.powercx.cli;

import org.powercx.segmentation.ValueSegments;

/**
 * Lifetime value by value segment: count, median and total, as {@link ValueSegments#medians} and
 * {@link ValueSegments#totals} compute them. The median, not the mean, because lifetime values are heavily skewed
 * (a few very large customers lift a segment's mean far above what its typical customer is worth).
 */
final class SegmentValues {
    final int[] counts;
    final double[] medians;
    final double[] totals;
    final double grandTotal;

    private SegmentValues(int[] counts, double[] medians, double[] totals) {
        this.counts = counts;
        this.medians = medians;
        this.totals = totals;
        double sum = 0;
        for (double t : totals) {
            sum += t;
        }
        this.grandTotal = sum;
    }

    /**
     * Groups the values by segment.
     *
     * @param segments each customer's segment
     * @param values each customer's lifetime value, in the same order
     * @return the per-segment figures, indexed by {@link org.powercx.segmentation.ValueSegment#ordinal()}; the
     *     median of an empty segment is NaN
     */
    static SegmentValues of(ValueSegments segments, double[] values) {
        return new SegmentValues(segments.counts(), segments.medians(values), segments.totals(values));
    }
}
