package org.powercx.ahp;

/**
 * How the missing judgments of an {@link IncompleteMatrix} are filled in.
 *
 * @since 0.1.0
 */
public enum CompletionMethod {
    /**
     * Harker, P. T. (1987), Alternative modes of questioning in the analytic hierarchy process, Mathematical
     * Modelling 9(3-5), 353-360, doi:10.1016/0270-0255(87)90492-1: set each missing \( a_{ij} \) to 0 and
     * each diagonal entry to 1 plus the number of missing entries in its row; the principal eigenvector
     * \( w \) of that matrix gives the weights and the completion \( a_{ij} = w_i / w_j \), whose own
     * eigenvector is again \( w \).
     */
    HARKER,
    /**
     * Bozoki, S., Fulop, J. and Ronyai, L. (2010), On optimal completion of incomplete pairwise comparison
     * matrices, Mathematical and Computer Modelling 52(1-2), 318-333, doi:10.1016/j.mcm.2010.02.047: choose
     * the missing entries that minimise \( \lambda_{max} \) of the completed matrix, a convex problem in the
     * logarithms of the entries, solved here by cyclic coordinate minimisation (Brent's method per entry)
     * started from Harker's completion until no log-entry moves by more than \( 10^{-8} \).
     */
    LAMBDA_MAX_OPTIMAL
}
