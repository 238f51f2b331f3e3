package org.powercx.satisfaction;

/**
 * Measurement mode of a construct's block of indicators in PLS path modeling (Wold 1982).
 *
 * @since 0.1.0
 */
public enum Mode {
    /**
     * Mode A (reflective): outer weights are the covariances of the indicators with the inner estimate,
     * \( \tilde w_j = X_j^\top z_j / n \).
     */
    A,
    /**
     * Mode B (formative): outer weights are the coefficients of the multiple regression of the inner estimate
     * on the block's indicators, \( \tilde w_j = (X_j^\top X_j)^{-1} X_j^\top z_j \).
     */
    B
}
