package org.powercx.core;

/**
 * The one rule by which every PowerCX method decides that a symmetric matrix it factors (a covariance,
 * correlation or cross-product matrix) is singular.
 *
 * <p>The matrix \( A \) is factored \( A = L L^\top \) (Cholesky, columns in their given order). Column
 * \( j \)'s pivot \( d_j = L_{jj}^2 \) is its residual variance after regression on columns \( 0..j-1 \), so
 * \( d_j / a_{jj} = 1 - R_j^2 = 1/\mathrm{VIF}_j \), where \( R_j^2 \) is the squared multiple correlation of
 * column \( j \) with the preceding ones. The matrix is treated as singular, and the first such column as
 * collinear with the preceding ones, when
 * \[ d_j \le \tau \, a_{jj}, \qquad \tau = {@value #RELATIVE_PIVOT_TOLERANCE}, \]
 * that is when \( R_j^2 \ge 1 - 10^{-9} \) (a variance inflation factor of \( 10^9 \) or more), or when the
 * pivot is not a positive finite number. The test is invariant to rescaling the columns, so it applies alike
 * to covariances and correlations. Since a pivot is computed with a relative error of about
 * \( \varepsilon \cdot \mathrm{VIF}_j \) (\( \varepsilon \approx 2.2 \times 10^{-16} \)), every accepted pivot,
 * and the solutions and inverses formed from it, keep about seven significant digits; matrices singular in
 * exact arithmetic but perturbed by rounding are rejected. See G. H. Golub and C. F. Van Loan, Matrix
 * Computations, 4th ed., Johns Hopkins 2013, section 4.2.
 *
 * <p>The factorisations themselves are EJML's; this class holds only the rule, so that the modules that
 * factor matrices share it.
 *
 * @since 0.1.0
 */
public final class Singularity {
    /** The relative pivot tolerance \( \tau \): a pivot at most \( \tau \) times its diagonal entry is singular. */
    public static final double RELATIVE_PIVOT_TOLERANCE = 1e-9;

    private Singularity() {
    }

    /**
     * Whether a Cholesky pivot marks its column as collinear with the preceding ones.
     *
     * @param pivot the pivot \( d_j = L_{jj}^2 \)
     * @param diagonal the column's diagonal entry \( a_{jj} \) of the factored matrix
     * @return true when \( d_j \le \tau a_{jj} \) or the pivot is not a positive finite number
     */
    public static boolean isSingularPivot(double pivot, double diagonal) {
        return !(pivot > RELATIVE_PIVOT_TOLERANCE * diagonal && pivot < Double.POSITIVE_INFINITY);
    }
}
