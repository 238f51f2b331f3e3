package org.powercx.satisfaction;

import org.powercx.core.IndicatorTable;

/**
 * Consistent partial least squares, PLSc (Dijkstra and Henseler 2015, "Consistent partial least squares path
 * modeling", MIS Quarterly 39(2), 297-316,
 * <a href="https://doi.org/10.25300/MISQ/2015/39.2.02">doi:10.25300/MISQ/2015/39.2.02</a>): PLS estimates
 * corrected so that reflective (Mode A) constructs are treated as common factors measured with error.
 *
 * <p>For a Mode A block \( j \) of two or more indicators, with standardised weights \( w_j \)
 * (\( w_j^\top R_{jj} w_j = 1 \)) and indicator correlations \( R_{jj} \),
 * <ul>
 * <li>the correction factor is \( \hat c_j^2 = w_j^\top (R_{jj} - \operatorname{diag} R_{jj}) w_j /
 * w_j^\top (w_j w_j^\top - \operatorname{diag} w_j w_j^\top) w_j \);</li>
 * <li>the consistent loadings are \( \hat\lambda_j = \hat c_j w_j \);</li>
 * <li>the reliability of the composite is \( \rho_A = (w_j^\top w_j)^2 \hat c_j^2 \)
 * (\( = (w_j^\top\hat\lambda_j)^2 \)).</li>
 * </ul>
 * Mode B blocks (composites) and single-indicator blocks are not corrected: their reliability is taken as 1 and
 * a Mode B block keeps its PLS loadings. The construct correlations are disattenuated,
 * \( \hat r_{\eta_i\eta_j} = r_{y_iy_j} / \sqrt{\rho_{A,i}\,\rho_{A,j}} \), and the path coefficients are the
 * ordinary least squares coefficients computed from these correlations,
 * \( \hat\beta_j = \hat R_{PP}^{-1} \hat r_{Pj} \) for the predecessors \( P \) of construct \( j \), with
 * \( R^2_j = \hat\beta_j^\top \hat r_{Pj} \). The weights are those of the underlying PLS estimation; as in
 * ADANCO and cSEM any inner scheme may be used (Dijkstra and Henseler use the centroid and factorial ones).
 *
 * <p>PLSc can give inadmissible solutions in small or unfavourable samples (a loading or a construct
 * correlation above 1 in absolute value, a reliability above 1, a construct correlation matrix that is not
 * positive definite); {@link PlscResult#admissible()} reports them. Instances are immutable and thread-safe.
 *
 * @since 0.2.0
 */
public final class ConsistentPls {
    private static final ConsistentPls DEFAULTS = new ConsistentPls(PlsPm.withDefaults());

    private final PlsPm estimator;

    private ConsistentPls(PlsPm estimator) {
        this.estimator = estimator;
    }

    /**
     * PLSc on {@link PlsPm#withDefaults()} (path weighting, standardised indicators).
     *
     * @return the default estimator
     */
    public static ConsistentPls withDefaults() {
        return DEFAULTS;
    }

    /**
     * Returns a PLSc estimator on another PLS estimator (inner scheme, tolerance, iterations). Its scaling does
     * not matter: PLSc works on the standardised weights.
     *
     * @param newEstimator the PLS estimator
     * @return a new estimator
     * @throws SatisfactionException if the estimator is null
     */
    public ConsistentPls with(PlsPm newEstimator) {
        if (newEstimator == null) {
            throw new SatisfactionException("estimator is null");
        }
        return new ConsistentPls(newEstimator);
    }

    /**
     * The underlying PLS estimator.
     *
     * @return the estimator
     */
    public PlsPm estimator() {
        return estimator;
    }

    /**
     * Estimates the model by PLS and corrects it.
     *
     * @param model the path model
     * @param data the answers
     * @return the consistent estimates
     * @throws SatisfactionException as {@link PlsPm#fit(PathModel, IndicatorTable)}, or as
     *     {@link #correct(PlsResult)}
     */
    public PlscResult fit(PathModel model, IndicatorTable data) {
        return correct(estimator.fit(model, data));
    }

    /**
     * Corrects an existing PLS solution (whatever estimator produced it).
     *
     * @param pls the PLS estimates
     * @return the consistent estimates
     * @throws SatisfactionException if the PLS solution is null, the correction factor of a Mode A block is
     *     not positive (its weighted mean inter-item correlation is negative or zero, so \( \rho_A \) is not
     *     positive), or the corrected correlations of a construct's predecessors are singular or not positive
     *     definite
     */
    public PlscResult correct(PlsResult pls) {
        if (pls == null) {
            throw new SatisfactionException("PLS result is null");
        }
        PlscKernel kernel = new PlscKernel(pls.kernel());
        int status = kernel.correct(pls.correlationArray(), pls.standardisedWeightArray(), pls.loadings(),
            pls.ryArray());
        check(pls.model(), kernel, status);
        return new PlscResult(pls, kernel);
    }

    static void check(PathModel model, PlscKernel kernel, int status) {
        if (status == PlscKernel.NON_POSITIVE_RELIABILITY) {
            throw new SatisfactionException("consistent PLS: construct '%s' has a non-positive correction factor"
                + " (its indicators' weighted inter-item correlation is not positive)",
                model.constructs().get(kernel.failed).name());
        }
        if (status == PlscKernel.SINGULAR) {
            throw new SatisfactionException("consistent PLS: the corrected correlations of the predecessors of "
                + "construct '%s' are singular or not positive definite",
                model.constructs().get(kernel.failed).name());
        }
    }

    @Override
    public String toString() {
        return "ConsistentPls[" + estimator + "]";
    }
}
