package org.powercx.satisfaction;

import java.util.Arrays;
import java.util.Objects;

/**
 * Bootstrap summary of one parameter.
 *
 * <p>\( t = \hat\theta / \mathrm{SE} \) with the bootstrap standard error (divisor \( B - 1 \)); the two-sided
 * p value uses Student's t with \( B - 1 \) degrees of freedom. The percentile interval takes the R type 7
 * quantiles of the resample estimates; the BCa interval (Efron 1987,
 * <a href="https://doi.org/10.1080/01621459.1987.10478410">doi:10.1080/01621459.1987.10478410</a>) corrects them
 * with the bias \( z_0 = \Phi^{-1}(\#\{\theta^* &lt; \hat\theta\}/B) \) and the jackknife acceleration; it is NaN
 * when the bias is infinite.
 *
 * @since 0.1.0
 */
public final class BootstrapEstimate {
    private final String name;
    private final double original;
    private final double mean;
    private final double standardError;
    private final double t;
    private final double p;
    private final double lower;
    private final double upper;
    private final double bcaLower;
    private final double bcaUpper;
    private final double[] draws;

    /**
     * Validates the name.
     *
     * @param name the parameter, e.g. {@code "SAT -> LOY"} or {@code "imag1"}
     * @param original the estimate on the full sample
     * @param mean the mean of the resample estimates
     * @param standardError the standard deviation of the resample estimates
     * @param t the t statistic
     * @param p the two-sided p value
     * @param lower the lower percentile limit
     * @param upper the upper percentile limit
     * @param bcaLower the lower BCa limit, possibly NaN
     * @param bcaUpper the upper BCa limit, possibly NaN
     * @throws SatisfactionException if the name is null
     */
    BootstrapEstimate(String name, double original, double mean, double standardError, double t, double p,
            double lower, double upper, double bcaLower, double bcaUpper) {
        this(name, original, mean, standardError, t, p, lower, upper, bcaLower, bcaUpper, new double[0]);
    }

    /** As above, with the resample estimates kept (in resample order, converged resamples only); not copied. */
    BootstrapEstimate(String name, double original, double mean, double standardError, double t, double p,
            double lower, double upper, double bcaLower, double bcaUpper, double[] draws) {
        if (name == null) {
            throw new SatisfactionException("bootstrap estimate has no name");
        }
        this.name = name;
        this.original = original;
        this.mean = mean;
        this.standardError = standardError;
        this.t = t;
        this.p = p;
        this.lower = lower;
        this.upper = upper;
        this.bcaLower = bcaLower;
        this.bcaUpper = bcaUpper;
        this.draws = draws;
    }

    /**
     * Returns the parameter, e.g. {@code "SAT -> LOY"} or {@code "imag1"}.
     *
     * @return the parameter, e.g. {@code "SAT -> LOY"} or {@code "imag1"}
     */
    public String name() {
        return name;
    }

    /**
     * Returns the estimate on the full sample.
     *
     * @return the estimate on the full sample
     */
    public double original() {
        return original;
    }

    /**
     * Returns the mean of the resample estimates.
     *
     * @return the mean of the resample estimates
     */
    public double mean() {
        return mean;
    }

    /**
     * Returns the standard deviation of the resample estimates.
     *
     * @return the standard deviation of the resample estimates
     */
    public double standardError() {
        return standardError;
    }

    /**
     * Returns the t statistic.
     *
     * @return the t statistic
     */
    public double t() {
        return t;
    }

    /**
     * Returns the two-sided p value.
     *
     * @return the two-sided p value
     */
    public double p() {
        return p;
    }

    /**
     * Returns the lower percentile limit.
     *
     * @return the lower percentile limit
     */
    public double lower() {
        return lower;
    }

    /**
     * Returns the upper percentile limit.
     *
     * @return the upper percentile limit
     */
    public double upper() {
        return upper;
    }

    /**
     * Returns the lower BCa limit, possibly NaN.
     *
     * @return the lower BCa limit, possibly NaN
     */
    public double bcaLower() {
        return bcaLower;
    }

    /**
     * Returns the upper BCa limit, possibly NaN.
     *
     * @return the upper BCa limit, possibly NaN
     */
    public double bcaUpper() {
        return bcaUpper;
    }

    /**
     * Returns the resample estimates, in resample order (converged resamples only), if the bootstrap was asked to
     * keep them ({@link PlsBootstrap#withDrawsKept(boolean)}); otherwise an empty array.
     *
     * @return a new array of the draws, empty unless they were kept
     * @since 0.2.0
     */
    public double[] draws() {
        return draws.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BootstrapEstimate o && Objects.equals(name, o.name)
            && Double.compare(original, o.original) == 0
            && Double.compare(mean, o.mean) == 0
            && Double.compare(standardError, o.standardError) == 0
            && Double.compare(t, o.t) == 0
            && Double.compare(p, o.p) == 0
            && Double.compare(lower, o.lower) == 0
            && Double.compare(upper, o.upper) == 0
            && Double.compare(bcaLower, o.bcaLower) == 0
            && Double.compare(bcaUpper, o.bcaUpper) == 0
            && Arrays.equals(draws, o.draws);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, original, mean, standardError, t, p, lower, upper, bcaLower, bcaUpper)
            * 31 + Arrays.hashCode(draws);
    }

    /**
     * The components, as a record would print them.
     *
     * @return {@code BootstrapEstimate[name=value, ...]}
     */
    @Override
    public String toString() {
        return "BootstrapEstimate[" + "name=" + name + ", original=" + original + ", mean=" + mean
            + ", standardError=" + standardError + ", t=" + t + ", p=" + p + ", lower=" + lower + ", upper=" + upper
            + ", bcaLower=" + bcaLower + ", bcaUpper=" + bcaUpper + ", draws=" + draws.length + "]";
    }
}
