package org.powercx.segmentation;

/**
 * Value segmentation: places each customer in the current-value by potential-value matrix.
 *
 * <p>A customer is high on an axis when its value reaches that axis' cut-off \( v \ge c \); high current and
 * high potential value is {@link ValueSegment#KEY KEY}, low current but high potential
 * {@link ValueSegment#DEVELOP DEVELOP}, high current but low potential {@link ValueSegment#MAINTAIN MAINTAIN},
 * and low on both {@link ValueSegment#BASIC BASIC}. The cut-offs are quantiles of the values, their means, or
 * given. By default current value is high in the top fifth (its 0.8 quantile, in the spirit of the 80/20
 * concentration of fee revenue) and potential value in the top half (its median). Immutable.
 *
 * @since 0.1.0
 */
public final class ValueSegmentation {
    private static final ValueSegmentation DEFAULTS = new ValueSegmentation(CutoffMethod.QUANTILE, 0.8, 0.5);

    private final CutoffMethod method;
    private final double current;
    private final double potential;

    private ValueSegmentation(CutoffMethod method, double current, double potential) {
        this.method = method;
        this.current = current;
        this.potential = potential;
    }

    /**
     * Cut-offs at the 0.8 quantile of current value and the median of potential value.
     *
     * @return the calculator
     */
    public static ValueSegmentation withDefaults() {
        return DEFAULTS;
    }

    /**
     * Cut-offs at quantiles of the values.
     *
     * @param currentQuantile probability of the current-value cut-off, in (0, 1)
     * @param potentialQuantile probability of the potential-value cut-off, in (0, 1)
     * @return a new calculator
     * @throws SegmentationException if a probability is not in (0, 1)
     */
    public ValueSegmentation withQuantiles(double currentQuantile, double potentialQuantile) {
        checkProbability("current", currentQuantile);
        checkProbability("potential", potentialQuantile);
        return new ValueSegmentation(CutoffMethod.QUANTILE, currentQuantile, potentialQuantile);
    }

    /**
     * Cut-offs at the means of the values.
     *
     * @return a new calculator
     */
    public ValueSegmentation withMeanCutoffs() {
        return new ValueSegmentation(CutoffMethod.MEAN, Double.NaN, Double.NaN);
    }

    /**
     * Given cut-offs.
     *
     * @param currentCutoff the current-value cut-off, finite
     * @param potentialCutoff the potential-value cut-off, finite
     * @return a new calculator
     * @throws SegmentationException if a cut-off is not finite
     */
    public ValueSegmentation withCutoffs(double currentCutoff, double potentialCutoff) {
        if (!Double.isFinite(currentCutoff) || !Double.isFinite(potentialCutoff)) {
            throw new SegmentationException("value cut-offs must be finite but were current %s, potential %s",
                currentCutoff, potentialCutoff);
        }
        return new ValueSegmentation(CutoffMethod.GIVEN, currentCutoff, potentialCutoff);
    }

    private static void checkProbability(String axis, double p) {
        if (!(p > 0 && p < 1)) {
            throw new SegmentationException("%s-value quantile must be in (0, 1) but was %s", axis, p);
        }
    }

    /**
     * The cut-off method.
     *
     * @return the method
     */
    public CutoffMethod method() {
        return method;
    }

    /**
     * The current-value setting of the method: the quantile's probability ({@link CutoffMethod#QUANTILE}), the
     * given cut-off ({@link CutoffMethod#GIVEN}), or NaN ({@link CutoffMethod#MEAN}).
     *
     * @return the setting
     * @since 0.2.0
     */
    public double currentParameter() {
        return current;
    }

    /**
     * The potential-value setting of the method, as {@link #currentParameter()}.
     *
     * @return the setting
     * @since 0.2.0
     */
    public double potentialParameter() {
        return potential;
    }

    /**
     * Segments customers.
     *
     * @param currentValue each customer's current value, finite; not modified
     * @param potentialValue each customer's potential value, finite, same length; not modified
     * @return the segments and the cut-offs used
     * @throws SegmentationException if the arrays are null, empty, of different lengths or hold a non-finite
     *     value (the message names the row)
     */
    public ValueSegments segment(double[] currentValue, double[] potentialValue) {
        if (currentValue == null || potentialValue == null || currentValue.length == 0) {
            throw new SegmentationException("value segmentation needs at least one customer");
        }
        if (currentValue.length != potentialValue.length) {
            throw new SegmentationException("%d current values but %d potential values", currentValue.length,
                potentialValue.length);
        }
        checkFinite("current", currentValue);
        checkFinite("potential", potentialValue);
        double cc = cutoff(currentValue, current);
        double pc = cutoff(potentialValue, potential);
        byte[] segments = new byte[currentValue.length];
        for (int i = 0; i < segments.length; i++) {
            segments[i] = (byte) ValueSegment.of(currentValue[i] >= cc, potentialValue[i] >= pc).ordinal();
        }
        return new ValueSegments(method, cc, pc, currentValue, potentialValue, segments);
    }

    private double cutoff(double[] values, double parameter) {
        switch (method) {
            case MEAN:
                double sum = 0;
                for (double v : values) {
                    sum += v;
                }
                return sum / values.length;
            case GIVEN:
                return parameter;
            default:
                return quantile(values, parameter);
        }
    }

    /**
     * The type-7 quantile: \( x_{(h)} \) interpolated at \( h = (n-1)p \) (0-based order statistics).
     *
     * @param values finite values; not modified
     * @param p probability in [0, 1]
     * @return the quantile
     */
    static double quantile(double[] values, double p) {
        double[] work = values.clone();
        double h = (work.length - 1) * p;
        int lo = (int) Math.floor(h);
        double low = select(work, lo);
        if (lo + 1 >= work.length || h == lo) {
            return low;
        }
        // after selecting position lo, the next order statistic is the minimum of the upper part
        double high = Double.POSITIVE_INFINITY;
        for (int i = lo + 1; i < work.length; i++) {
            high = Math.min(high, work[i]);
        }
        return low + (h - lo) * (high - low);
    }

    /**
     * Quickselect (Hoare's FIND, median-of-three pivots): the k-th smallest value, in expected linear time;
     * afterwards {@code a[0..k)} holds no larger and {@code a(k..)} no smaller values.
     */
    static double select(double[] a, int k) {
        int left = 0;
        int right = a.length - 1;
        while (right > left) {
            int mid = (left + right) >>> 1;
            double x = median(a[left], a[mid], a[right]);
            int i = left;
            int j = right;
            while (i <= j) {
                while (a[i] < x) {
                    i++;
                }
                while (a[j] > x) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                break;
            }
        }
        return a[k];
    }

    private static double median(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static void checkFinite(String axis, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new SegmentationException("%s value of row %d must be finite but was %s", axis, i, values[i]);
            }
        }
    }
}
