package org.powercx.grey;

/**
 * Which points of a GM(1,1) fit enter the residual checks (MAPE, posterior variance ratio, small-error
 * probability). Implementations differ: the first residual is zero by construction.
 *
 * @since 0.1.0
 */
public enum ResidualRange {
    /** Points \(k = 1, \dots, n\) (as R greyforecasting's {@code gm()} reports MAPE). */
    ALL,
    /** Points \(k = 2, \dots, n\), leaving out the zero first residual. */
    FROM_SECOND
}
