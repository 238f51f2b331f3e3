package org.powercx.ahp;

/**
 * How a group's judgments are combined (Forman and Peniwati 1998, Aggregating individual judgments and
 * priorities with the analytic hierarchy process, European Journal of Operational Research 108(1), 165-169,
 * doi:10.1016/S0377-2217(97)00244-0). \( \lambda_k \) are the experts' weights, summing to 1.
 *
 * @since 0.1.0
 */
public enum Aggregation {
    /**
     * Aggregation of individual judgments: the weighted geometric mean matrix
     * \( \bar a_{ij} = \prod_k a_{ij}^{(k)\,\lambda_k} \), which stays reciprocal (Aczel and Saaty 1983), then
     * the configured priority method on it.
     */
    AIJ,
    /**
     * Aggregation of individual priorities by the weighted arithmetic mean \( \bar w_i = \sum_k \lambda_k
     * w_i^{(k)} \).
     */
    AIP_ARITHMETIC,
    /**
     * Aggregation of individual priorities by the weighted geometric mean
     * \( \bar w_i \propto \prod_k (w_i^{(k)})^{\lambda_k} \), renormalised to sum 1.
     */
    AIP_GEOMETRIC
}
