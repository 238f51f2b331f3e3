package org.powercx.satisfaction;

/**
 * The overall model fit measures of {@link FitIndices}: the standardised root mean squared residual and the
 * unweighted least squares and geodesic discrepancies, each for the estimated and for the saturated model.
 *
 * @since 0.2.0
 */
public enum FitMeasure {
    /** SRMR of the estimated model. */
    SRMR,
    /** d_ULS of the estimated model. */
    D_ULS,
    /** d_G of the estimated model. */
    D_G,
    /** SRMR of the saturated model (structural model replaced by freely correlated constructs). */
    SATURATED_SRMR,
    /** d_ULS of the saturated model. */
    SATURATED_D_ULS,
    /** d_G of the saturated model. */
    SATURATED_D_G;

    /**
     * Whether this measure belongs to the saturated model.
     *
     * @return true for the three saturated measures
     */
    public boolean saturated() {
        return ordinal() >= SATURATED_SRMR.ordinal();
    }
}
