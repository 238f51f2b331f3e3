package org.powercx.satisfaction;

/**
 * How indicators are prepared before estimation.
 *
 * @since 0.1.0
 */
public enum Scaling {
    /**
     * Indicators are standardised to mean 0 and (population) variance 1; the algorithm works on their correlation
     * matrix (plspm {@code scaled = TRUE}, seminr, ADANCO).
     */
    STANDARDISED,
    /**
     * Indicators are only centred; the algorithm works on their covariance matrix (divisor \( n \)) and the
     * outer weights apply to the raw answers (plspm {@code scaled = FALSE}).
     */
    CENTRED
}
