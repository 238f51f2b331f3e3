package org.powercx.credit;

/**
 * What {@link LinearDiscriminant} does when the within-class covariance is singular (collinear indicators).
 *
 * @since 0.2.0
 */
public enum Collinearity {
    /**
     * Refuse the fit, naming the first indicator collinear with the preceding ones (the default): an indicator
     * whose squared multiple correlation with them is at least \( 1 - 10^{-9} \)
     * ({@link org.powercx.core.Singularity}).
     */
    REJECT,
    /**
     * Drop the collinear directions, as scikit-learn's {@code LinearDiscriminantAnalysis(solver='svd')}: with
     * \( D^2 \) the biased within-class variances \( \operatorname{diag}(S_w)/n \) and \( \Sigma \) the covariance
     * the model uses, the eigenvectors \( v_m \) of \( C = D^{-1} \Sigma D^{-1} \) whose singular value
     * \( \sqrt{\lambda_m} \) is at most \( 10^{-4} \) (scikit-learn's {@code tol}) are dropped, and the data are
     * whitened on the others, \( W_1 = D^{-1} V_r \Lambda_r^{-1/2} \). The model reports the rank and the
     * dropped directions ({@link DiscriminantModel#withinRank()},
     * {@link DiscriminantModel#droppedDirections()}). An indicator constant within every class has zero
     * within-class variance: as scikit-learn does, it is standardised by \( D_{jj} = 1 \) instead of 0, its row and
     * column of \( C \) are zero (with shrinkage of the pooled covariance too) and its unit direction is dropped,
     * so it gets no weight; Wilks' test is then not reported. Shrinkage by class
     * ({@link Shrinkage#ledoitWolfByClass()}, {@link Shrinkage#fixedByClass(double)}) gives it the positive
     * variance \( \lambda \operatorname{tr}(S_k)/p \) of its target, so it is kept, as in scikit-learn's
     * {@code lsqr} solver; the pooled Ledoit-Wolf intensity is estimated on the other indicators.
     */
    DROP
}
