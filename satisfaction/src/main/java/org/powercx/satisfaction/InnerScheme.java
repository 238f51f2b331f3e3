package org.powercx.satisfaction;

/**
 * Inner weighting scheme of the PLS algorithm: how the inner estimate
 * \( z_j = \sum_i e_{ij} y_i \) of construct \( j \) combines the scores of its neighbours
 * (Lohm&ouml;ller 1989).
 *
 * @since 0.1.0
 */
public enum InnerScheme {
    /** Centroid: \( e_{ij} = \operatorname{sign}\, r(y_i, y_j) \) for adjacent constructs, 0 otherwise. */
    CENTROID,
    /** Factorial: \( e_{ij} = r(y_i, y_j) \) for adjacent constructs, 0 otherwise. */
    FACTORIAL,
    /**
     * Path: for a predecessor \( i \to j \), \( e_{ij} \) is the coefficient of \( y_i \) in the multiple
     * regression of \( y_j \) on all its predecessors; for a successor \( j \to i \), \( e_{ij} = r(y_i, y_j) \).
     */
    PATH
}
