package org.powercx.grey;

/**
 * The GM(1,1) grey forecasting model, for short positive series such as a customer's yearly consumption.
 *
 * <p>For a series \(x^{(0)}(1..n)\), the accumulated series \(x^{(1)}(k) = \sum_{j \le k} x^{(0)}(j)\) and the
 * background values \(z(k) = \tfrac12(x^{(1)}(k) + x^{(1)}(k-1))\), the development coefficient \(a\) and grey
 * input \(b\) are the least-squares solution of \(x^{(0)}(k) = -a\,z(k) + b\), \(k = 2..n\). The time
 * response is \(\hat x^{(1)}(k+1) = (x^{(0)}(1) - b/a)e^{-ak} + b/a\), so the fitted and forecast values are
 * \(\hat x^{(0)}(1) = x^{(0)}(1)\) and \(\hat x^{(0)}(k+1) = (1 - e^{a})(x^{(0)}(1) - b/a)e^{-ak}\)
 * (\(\hat x^{(0)}(k+1) = b\) when \(a = 0\)).
 *
 * <p>Admissibility: the level ratios \(\sigma(k) = x^{(0)}(k-1)/x^{(0)}(k)\), \(k = 2..n\), should lie in
 * \((e^{-2/(n+1)}, e^{2/(n+1)})\). The test is always reported; with {@link LevelRatioPolicy#SHIFT} a failing
 * series is shifted by a constant. Residual checks (relative errors, MAPE, posterior variance ratio C,
 * small-error probability P, accuracy grade) are in {@link GreyModelFit}.
 *
 * <p>References: J. Deng, "Introduction to grey system theory", The Journal of Grey System 1(1) (1989)
 * 1-24; S. Liu, Y. Lin, "Grey Systems: Theory and Applications", Springer (2010), ch. 6,
 * doi:10.1007/978-3-642-16158-2. Instances are immutable.
 *
 * @since 0.1.0
 */
public final class GreyModel {
    /** The shortest series GM(1,1) accepts. */
    public static final int MIN_LENGTH = 4;

    private static final GreyModel DEFAULTS = new GreyModel(LevelRatioPolicy.REPORT, ResidualRange.ALL);

    private final LevelRatioPolicy policy;
    private final ResidualRange range;

    private GreyModel(LevelRatioPolicy policy, ResidualRange range) {
        this.policy = policy;
        this.range = range;
    }

    /**
     * The defaults: {@link LevelRatioPolicy#REPORT} and {@link ResidualRange#ALL}.
     *
     * @return the default instance
     */
    public static GreyModel withDefaults() {
        return DEFAULTS;
    }

    /**
     * Sets what happens when the level-ratio test fails.
     *
     * @param newPolicy the policy
     * @return a new instance
     * @throws GreyException if the argument is null
     */
    public GreyModel with(LevelRatioPolicy newPolicy) {
        if (newPolicy == null) {
            throw new GreyException("level-ratio policy must not be null");
        }
        return new GreyModel(newPolicy, range);
    }

    /**
     * Sets which points enter the residual checks.
     *
     * @param newRange the range
     * @return a new instance
     * @throws GreyException if the argument is null
     */
    public GreyModel with(ResidualRange newRange) {
        if (newRange == null) {
            throw new GreyException("residual range must not be null");
        }
        return new GreyModel(policy, newRange);
    }

    /**
     * Fits GM(1,1) to a series.
     *
     * @param series at least {@value #MIN_LENGTH} finite, positive values in time order; not modified
     * @return the fitted model with its checks
     * @throws GreyException if the series is null, shorter than {@value #MIN_LENGTH}, or holds a value that
     *     is not finite or not positive (naming its position and value), or the parameters or fitted values
     *     overflow a double
     */
    public GreyModelFit fit(double... series) {
        // GM(1,1) is scale-equivariant: the fit works on the series times 2^-e, which is exact and keeps the
        // sums of squares in range for magnitudes from 1e-300 to 1e300; b and the shift are scaled back
        int e = scaleExponent("GM(1,1)", series);
        int n = series.length;
        double[] scaled = new double[n];
        for (int k = 0; k < n; k++) {
            scaled[k] = Math.scalb(series[k], -e);
        }
        double lower = lowerRatio(n);
        double upper = upperRatio(n);
        double shift = 0;
        if (policy == LevelRatioPolicy.SHIFT && !GreyModelFit.admissible(scaled, 0, lower, upper)) {
            double cmin = 0;
            for (int k = 1; k < n; k++) {
                double p = scaled[k - 1];
                double q = scaled[k];
                cmin = Math.max(cmin, (lower * q - p) / (1 - lower));
                cmin = Math.max(cmin, (p - upper * q) / (upper - 1));
            }
            shift = 1.1 * cmin;
        }
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = scaled[k] + shift;
        }
        // least squares of x(k) on [-z(k), 1], k = 2..n, in centred form
        double[] z = new double[n - 1];
        double cum = x[0];
        double zMean = 0;
        double yMean = 0;
        for (int k = 1; k < n; k++) {
            double next = cum + x[k];
            z[k - 1] = 0.5 * (cum + next);
            cum = next;
            zMean += z[k - 1];
            yMean += x[k];
        }
        zMean /= n - 1;
        yMean /= n - 1;
        double szz = 0;
        double szy = 0;
        for (int k = 1; k < n; k++) {
            double dz = z[k - 1] - zMean;
            szz += dz * dz;
            szy += dz * (x[k] - yMean);
        }
        double a = -szy / szz;
        double b = yMean + a * zMean;
        if (!Double.isFinite(a) || !Double.isFinite(Math.scalb(b, e)) || !Double.isFinite(Math.scalb(shift, e))) {
            throw new GreyException("GM(1,1) parameters are not finite (a = %s, b = %s, shift = %s)", a,
                Math.scalb(b, e), Math.scalb(shift, e));
        }
        return new GreyModelFit(series, scaled, e, shift, a, b, lower, upper, range);
    }

    /** The lower end \(e^{-2/(n+1)}\) of the admissible level ratios of a series of n values. */
    static double lowerRatio(int n) {
        return Math.exp(-2.0 / (n + 1));
    }

    /** The upper end \(e^{2/(n+1)}\) of the admissible level ratios of a series of n values. */
    static double upperRatio(int n) {
        return Math.exp(2.0 / (n + 1));
    }

    /**
     * Checks a series for a grey forecasting model and returns the exponent e of its largest value: the model
     * is fitted to the series times \(2^{-e}\) (exact), whose values lie below 2.
     *
     * @param model the model's name for messages
     * @param series the series
     * @return e
     * @throws GreyException if the series is null, shorter than {@value #MIN_LENGTH}, or holds a value that is
     *     not finite or not positive (naming its position and value)
     */
    static int scaleExponent(String model, double[] series) {
        if (series == null || series.length < MIN_LENGTH) {
            throw new GreyException("%s needs a series of at least %d values but got %s", model, MIN_LENGTH,
                series == null ? "none" : String.valueOf(series.length));
        }
        double max = 0;
        for (int k = 0; k < series.length; k++) {
            if (!Double.isFinite(series[k]) || !(series[k] > 0)) {
                throw new GreyException("%s needs positive finite values but point %d is %s", model, k + 1,
                    series[k]);
            }
            max = Math.max(max, series[k]);
        }
        return Math.getExponent(max);
    }

    /**
     * The level-ratio policy.
     *
     * @return the policy
     */
    public LevelRatioPolicy levelRatioPolicy() {
        return policy;
    }

    /**
     * The residual range.
     *
     * @return the range
     */
    public ResidualRange residualRange() {
        return range;
    }
}
