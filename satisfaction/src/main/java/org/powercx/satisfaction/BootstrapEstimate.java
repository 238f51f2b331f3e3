package org.powercx.satisfaction;

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
 * @since 0.1.0
 */
public record BootstrapEstimate(String name, double original, double mean, double standardError, double t,
        double p, double lower, double upper, double bcaLower, double bcaUpper) {

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
    public BootstrapEstimate {
        if (name == null) {
            throw new SatisfactionException("bootstrap estimate has no name");
        }
    }
}
