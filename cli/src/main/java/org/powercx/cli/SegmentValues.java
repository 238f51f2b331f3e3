package org.powercx.cli;

import java.util.Arrays;
import org.powercx.segmentation.ValueSegment;
import org.powercx.segmentation.ValueSegments;

/**
 * Lifetime value by value segment: count, median and total. The median, not the mean, because lifetime values
 * are heavily skewed (a few very large customers lift a segment's mean far above what its typical customer is
 * worth).
 */
final class SegmentValues {
    final int[] counts;
    final double[] medians;
    final double[] totals;
    final double grandTotal;

    private SegmentValues(int[] counts, double[] medians, double[] totals, double grandTotal) {
        this.counts = counts;
        this.medians = medians;
        this.totals = totals;
        this.grandTotal = grandTotal;
    }

    /**
     * Groups the values by segment.
     *
     * @param segments each customer's segment
     * @param values each customer's lifetime value, in the same order
     * @return the per-segment figures, indexed by {@link ValueSegment#ordinal()}; the median of an empty
     *     segment is NaN
     */
    static SegmentValues of(ValueSegments segments, double[] values) {
        int k = ValueSegment.values().length;
        double[][] by = new double[k][values.length];
        int[] counts = new int[k];
        double[] totals = new double[k];
        double grand = 0;
        for (int i = 0; i < values.length; i++) {
            int s = segments.segment(i).ordinal();
            by[s][counts[s]++] = values[i];
            totals[s] += values[i];
            grand += values[i];
        }
        double[] medians = new double[k];
        for (int s = 0; s < k; s++) {
            medians[s] = median(Arrays.copyOf(by[s], counts[s]));
        }
        return new SegmentValues(counts, medians, totals, grand);
    }

    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 != 0 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
