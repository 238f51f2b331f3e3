package org.powercx.ahp;

/**
 * How the priority vector \( w \) is derived from a pairwise comparison matrix \( A \) (entries \( a_{ij} \)).
 *
 * @since 0.1.0
 */
public enum PriorityMethod {
    /**
     * Principal right eigenvector, \( A w = \lambda_{max} w \), normalised to sum 1 (Saaty 1977,
     * doi:10.1016/0022-2496(77)90033-5). Computed by power iteration until no weight changes by more than
     * \( 10^{-12} \) of its value; \( \lambda_{max} \) is the Perron eigenvalue.
     */
    EIGENVECTOR,
    /**
     * Row geometric mean (RGMM), \( w_i \propto (\prod_j a_{ij})^{1/n} \), the least-squares solution in
     * logarithms (Crawford and Williams 1985). \( \lambda_{max} \) is estimated as
     * \( \frac{1}{n}\sum_i (Aw)_i / w_i \); the geometric consistency index applies (Aguaron and
     * Moreno-Jimenez 2003, doi:10.1016/S0377-2217(02)00255-2).
     */
    GEOMETRIC_MEAN,
    /**
     * Normalised column mean, \( w_i = \frac{1}{n}\sum_j a_{ij} / \sum_k a_{kj} \) (Saaty's approximation,
     * "mean normalization" in R {@code ahp}). \( \lambda_{max} \) is estimated as for {@link #GEOMETRIC_MEAN}.
     */
    COLUMN_MEAN
}
