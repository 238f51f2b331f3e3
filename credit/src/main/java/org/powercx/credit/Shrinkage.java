package org.powercx.credit;

/**
 * Shrinkage of the within-class covariance, in one of two conventions.
 *
 * <p><b>Pooled correlations</b> ({@link #fixed(double)}, {@link #ledoitWolf()}): with
 * \( D = \operatorname{diag}(S_p)^{1/2} \) and the pooled within-class correlation matrix
 * \( R = D^{-1} S_p D^{-1} \), the shrunk covariance is \( S_\lambda = D\,((1-\lambda) R + \lambda I)\,D \):
 * correlations are multiplied by \( 1-\lambda \), variances are kept, and the result is invariant to the units of
 * the indicators. {@link #ledoitWolf()} estimates one intensity from the within-class-centred residuals
 * standardised by the pooled standard deviations (Ledoit &amp; Wolf 2004, A well-conditioned estimator for
 * large-dimensional covariance matrices, J. Multivariate Anal. 88, 365-411,
 * doi:10.1016/S0047-259X(03)00096-4). This is this library's own convention, not scikit-learn's.
 *
 * <p><b>Per class, as scikit-learn</b> ({@link #fixedByClass(double)}, {@link #ledoitWolfByClass()}): each
 * class's biased covariance \( S_k = W_k/n_k \) is shrunk on its own and the covariance is
 * \( \Sigma = \sum_k \pi_k \hat S_k \), as scikit-learn's {@code LinearDiscriminantAnalysis(solver='lsqr' or
 * 'eigen', shrinkage=...)} ({@code _class_cov}). A fixed \( \lambda \) gives
 * \( \hat S_k = (1-\lambda) S_k + \lambda \frac{\operatorname{tr} S_k}{p} I \) ({@code shrunk_covariance});
 * Ledoit-Wolf ({@code shrinkage='auto'}) standardises each class by its own standard deviations
 * \( \sigma_k \) (1 for a constant indicator), estimates the intensity \( \lambda_k \) of that class's
 * correlation matrix \( E_k \) with \( \mu_k = \operatorname{tr}E_k/p \), and rescales:
 * \( \hat S_k = \Sigma_k^{1/2} ((1-\lambda_k) E_k + \lambda_k \mu_k I) \Sigma_k^{1/2} \),
 * \( \Sigma_k = \operatorname{diag}(\sigma_k^2) \). Because \( \Sigma \) has the denominators \( n_k \), the
 * coefficients are those of scikit-learn's {@code lsqr} solver ({@code coef_}, {@code intercept_}), not
 * \( (n-K)/n \) times them.
 *
 * @since 0.1.0
 */
public final class Shrinkage {
    private static final Shrinkage NONE = new Shrinkage(false, false, 0);
    private static final Shrinkage LEDOIT_WOLF = new Shrinkage(true, false, Double.NaN);
    private static final Shrinkage LEDOIT_WOLF_BY_CLASS = new Shrinkage(true, true, Double.NaN);

    private final boolean ledoitWolf;
    private final boolean byClass;
    private final double lambda;

    private Shrinkage(boolean ledoitWolf, boolean byClass, double lambda) {
        this.ledoitWolf = ledoitWolf;
        this.byClass = byClass;
        this.lambda = lambda;
    }

    /**
     * No shrinkage: the plain pooled covariance, as scikit-learn's {@code svd} solver.
     *
     * @return the setting
     */
    public static Shrinkage none() {
        return NONE;
    }

    /**
     * A fixed intensity applied to the pooled within-class correlations (this library's convention).
     *
     * @param lambda the intensity, in [0, 1]
     * @return the setting
     * @throws CreditException if lambda is outside [0, 1] or NaN
     */
    public static Shrinkage fixed(double lambda) {
        return new Shrinkage(false, false, checkLambda(lambda));
    }

    /**
     * The Ledoit-Wolf intensity of the pooled within-class correlations, estimated from the data at each fit
     * (this library's convention).
     *
     * @return the setting
     */
    public static Shrinkage ledoitWolf() {
        return LEDOIT_WOLF;
    }

    /**
     * A fixed intensity applied to each class's covariance towards \( (\operatorname{tr} S_k/p) I \), as
     * scikit-learn's {@code shrinkage=lambda} with the {@code lsqr} or {@code eigen} solver.
     *
     * @param lambda the intensity, in [0, 1]
     * @return the setting
     * @throws CreditException if lambda is outside [0, 1] or NaN
     * @since 0.2.0
     */
    public static Shrinkage fixedByClass(double lambda) {
        return new Shrinkage(false, true, checkLambda(lambda));
    }

    /**
     * A Ledoit-Wolf intensity per class, each estimated on the class's own standardised data, as scikit-learn's
     * {@code shrinkage='auto'} with the {@code lsqr} or {@code eigen} solver. Needs a second pass over the rows.
     *
     * @return the setting
     * @since 0.2.0
     */
    public static Shrinkage ledoitWolfByClass() {
        return LEDOIT_WOLF_BY_CLASS;
    }

    private static double checkLambda(double lambda) {
        if (lambda >= 0 && lambda <= 1) {
            return lambda;
        }
        throw new CreditException("shrinkage intensity must be in [0, 1], got %s", lambda);
    }

    /**
     * Whether the intensity is estimated by Ledoit-Wolf (pooled or per class).
     *
     * @return true for {@link #ledoitWolf()} and {@link #ledoitWolfByClass()}
     */
    public boolean isLedoitWolf() {
        return ledoitWolf;
    }

    /**
     * Whether each class's covariance is shrunk on its own, as scikit-learn.
     *
     * @return true for {@link #fixedByClass(double)} and {@link #ledoitWolfByClass()}
     * @since 0.2.0
     */
    public boolean isByClass() {
        return byClass;
    }

    /**
     * The fixed intensity.
     *
     * @return lambda, or NaN for the Ledoit-Wolf settings
     */
    public double lambda() {
        return lambda;
    }

    @Override
    public String toString() {
        String kind = ledoitWolf ? "Ledoit-Wolf" : String.valueOf(lambda);
        return "Shrinkage[" + kind + (byClass ? " by class" : "") + "]";
    }
}
