package org.powercx.credit;

/**
 * Shrinkage of the pooled within-class covariance towards its diagonal.
 *
 * <p>With \( D = \operatorname{diag}(S_p)^{1/2} \) and the within-class correlation matrix
 * \( R = D^{-1} S_p D^{-1} \), the shrunk covariance is \( S_\lambda = D\,((1-\lambda) R + \lambda I)\,D \):
 * correlations are multiplied by \( 1-\lambda \), variances are kept. This is scikit-learn's convention
 * (shrinkage of standardised data towards the identity) and is invariant to the units of the indicators.
 * The Ledoit-Wolf intensity is estimated from the within-class-centred, standardised residuals
 * (Ledoit &amp; Wolf 2004, A well-conditioned estimator for large-dimensional covariance matrices,
 * J. Multivariate Anal. 88, 365-411, doi:10.1016/S0047-259X(03)00096-4).
 *
 * @since 0.1.0
 */
public final class Shrinkage {
    private static final Shrinkage NONE = new Shrinkage(false, 0);
    private static final Shrinkage LEDOIT_WOLF = new Shrinkage(true, Double.NaN);

    private final boolean ledoitWolf;
    private final double lambda;

    private Shrinkage(boolean ledoitWolf, double lambda) {
        this.ledoitWolf = ledoitWolf;
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
     * A fixed intensity.
     *
     * @param lambda the intensity, in [0, 1]
     * @return the setting
     * @throws CreditException if lambda is outside [0, 1] or NaN
     */
    public static Shrinkage fixed(double lambda) {
        if (lambda >= 0 && lambda <= 1) {
            return new Shrinkage(false, lambda);
        }
        throw new CreditException("shrinkage intensity must be in [0, 1], got %s", lambda);
    }

    /**
     * The Ledoit-Wolf intensity, estimated from the data at each fit.
     *
     * @return the setting
     */
    public static Shrinkage ledoitWolf() {
        return LEDOIT_WOLF;
    }

    /**
     * Whether the intensity is estimated by Ledoit-Wolf.
     *
     * @return true for {@link #ledoitWolf()}
     */
    public boolean isLedoitWolf() {
        return ledoitWolf;
    }

    /**
     * The fixed intensity.
     *
     * @return lambda, or NaN for {@link #ledoitWolf()}
     */
    public double lambda() {
        return lambda;
    }

    @Override
    public String toString() {
        return ledoitWolf ? "Shrinkage[Ledoit-Wolf]" : "Shrinkage[" + lambda + "]";
    }
}
