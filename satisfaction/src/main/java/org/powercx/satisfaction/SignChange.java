package org.powercx.satisfaction;

/**
 * Treatment of arbitrary construct signs in bootstrap resamples (Tenenhaus et al. 2005).
 *
 * @since 0.1.0
 */
public enum SignChange {
    /** Resample estimates are used as they come (after the usual majority-of-loadings orientation). */
    NONE,
    /**
     * Construct-level change: a resample's construct is reflected when its loadings point away from the
     * original ones, \( \sum_k \lambda_k^{*} \hat\lambda_k &lt; 0 \), before paths and effects are computed.
     */
    CONSTRUCT
}
