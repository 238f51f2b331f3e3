package org.powercx.satisfaction;

import java.util.List;
import org.powercx.core.IndicatorTable;

/**
 * PLS path modeling estimator (Wold 1982; Lohm&ouml;ller 1989; Tenenhaus et al. 2005,
 * <a href="https://doi.org/10.1016/j.csda.2004.03.005">doi:10.1016/j.csda.2004.03.005</a>).
 *
 * <p>Starting from unit outer weights, each iteration computes the construct scores
 * \( y_j = X_j w_j \) (scaled to unit variance), the inner estimates \( z_j = \sum_i e_{ij} y_i \) with the
 * chosen {@link InnerScheme}, and new outer weights by {@link Mode} A (\( w_j \propto X_j^\top z_j \)) or Mode B
 * (\( w_j \propto (X_j^\top X_j)^{-1} X_j^\top z_j \)); all blocks are updated simultaneously. It stops when
 * \( \sum_k |w_k^{new} - w_k^{old}| \) falls below the tolerance; if that does not happen within the maximum
 * number of iterations the estimation fails with an exception reporting the last change. A construct whose
 * indicators mostly correlate negatively with it is reflected (as plspm does). Path coefficients are the
 * ordinary least squares coefficients of each endogenous score on its predecessors.
 *
 * <p>The algorithm runs on the indicator covariance matrix only (divisor \( n \)), so its cost per iteration does
 * not depend on the number of respondents.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class PlsPm {
    private static final PlsPm DEFAULTS = new PlsPm(InnerScheme.PATH, Scaling.STANDARDISED, 1e-10, 300);

    private final InnerScheme scheme;
    private final Scaling scaling;
    private final double tolerance;
    private final int maxIterations;

    private PlsPm(InnerScheme scheme, Scaling scaling, double tolerance, int maxIterations) {
        this.scheme = scheme;
        this.scaling = scaling;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /**
     * The default estimator: path weighting, standardised indicators, tolerance \( 10^{-10} \), at most 300
     * iterations.
     *
     * @return the default estimator
     */
    public static PlsPm withDefaults() {
        return DEFAULTS;
    }

    /**
     * Returns an estimator with another inner weighting scheme.
     *
     * @param newScheme the scheme
     * @return a new estimator
     * @throws SatisfactionException if the scheme is null
     */
    public PlsPm with(InnerScheme newScheme) {
        if (newScheme == null) {
            throw new SatisfactionException("inner scheme is null");
        }
        return new PlsPm(newScheme, scaling, tolerance, maxIterations);
    }

    /**
     * Returns an estimator with another indicator scaling.
     *
     * @param newScaling the scaling
     * @return a new estimator
     * @throws SatisfactionException if the scaling is null
     */
    public PlsPm with(Scaling newScaling) {
        if (newScaling == null) {
            throw new SatisfactionException("scaling is null");
        }
        return new PlsPm(scheme, newScaling, tolerance, maxIterations);
    }

    /**
     * Returns an estimator with another convergence tolerance on \( \sum_k |\Delta w_k| \).
     *
     * @param newTolerance the tolerance, finite and positive
     * @return a new estimator
     * @throws SatisfactionException if the tolerance is not finite and positive
     */
    public PlsPm withTolerance(double newTolerance) {
        if (newTolerance > 0 && Double.isFinite(newTolerance)) {
            return new PlsPm(scheme, scaling, newTolerance, maxIterations);
        }
        throw new SatisfactionException("tolerance must be finite and positive but was %s", newTolerance);
    }

    /**
     * Returns an estimator with another iteration limit.
     *
     * @param newMaxIterations the limit, at least 1
     * @return a new estimator
     * @throws SatisfactionException if the limit is below 1
     */
    public PlsPm withMaxIterations(int newMaxIterations) {
        if (newMaxIterations >= 1) {
            return new PlsPm(scheme, scaling, tolerance, newMaxIterations);
        }
        throw new SatisfactionException("maximum iterations must be at least 1 but was %d", newMaxIterations);
    }

    /**
     * The inner weighting scheme.
     *
     * @return the scheme
     */
    public InnerScheme scheme() {
        return scheme;
    }

    /**
     * The indicator scaling.
     *
     * @return the scaling
     */
    public Scaling scaling() {
        return scaling;
    }

    /**
     * The convergence tolerance.
     *
     * @return the tolerance
     */
    public double tolerance() {
        return tolerance;
    }

    /**
     * The iteration limit.
     *
     * @return the limit
     */
    public int maxIterations() {
        return maxIterations;
    }

    /**
     * Estimates the model on the respondents of a table.
     *
     * @param model the path model
     * @param data the answers; must contain every indicator of the model (other columns are ignored)
     * @return the estimates
     * @throws SatisfactionException if an argument is null, an indicator is missing from the data or constant,
     *     under {@link Scaling#CENTRED} an indicator variance lies outside \( [10^{-200}, 10^{200}] \) (answers
     *     of magnitude around \( 10^{\pm 300} \) need {@link Scaling#STANDARDISED}) or under
     *     {@link Scaling#STANDARDISED} its standard deviation is subnormal, there are fewer respondents than the model needs, a Mode B block or a structural regression is singular
     *     (by the rule of {@link org.powercx.core.Singularity}: an indicator or score whose squared multiple
     *     correlation with the preceding ones is at least \( 1 - 10^{-9} \)), or the algorithm does not converge (the message gives the last change)
     */
    public PlsResult fit(PathModel model, IndicatorTable data) {
        double[] x = extract(model, data);
        PlsKernel kernel = kernel(model);
        return fit(model, kernel, x, data.rowCount(), data.ids());
    }

    PlsKernel kernel(PathModel model) {
        return new PlsKernel(model, scheme, tolerance, maxIterations);
    }

    PlsResult fit(PathModel model, PlsKernel kernel, double[] x, int n, List<String> ids) {
        int p = kernel.p;
        double[] s = new double[p * p];
        double[] mean = new double[p];
        double[] sd = new double[p];
        double[] centred = new double[n * p];
        int bad = Moments.compute(x, n, p, null, scaling == Scaling.STANDARDISED, s, mean, sd, centred, new double[n]);
        List<String> names = model.indicatorNames();
        if (bad >= 0) {
            throw new SatisfactionException("indicator '%s' of construct '%s' has no variance", names.get(bad),
                model.constructs().get(kernel.blockOf[bad]).name());
        }
        if (bad < -1) {
            int k = -2 - bad;
            String construct = model.constructs().get(kernel.blockOf[k]).name();
            if (scaling == Scaling.STANDARDISED) {
                throw new SatisfactionException("indicator '%s' of construct '%s': its standard deviation is below"
                    + " the smallest normal double %s (subnormal answers); rescale the answers", names.get(k),
                    construct, Double.MIN_NORMAL);
            }
            throw new SatisfactionException("indicator '%s' of construct '%s': its variance is outside [%s, %s],"
                + " which unscaled (CENTRED) estimation cannot handle; use STANDARDISED scaling or rescale the"
                + " answers", names.get(k), construct, Moments.MIN_COVARIANCE_VARIANCE,
                Moments.MAX_COVARIANCE_VARIANCE);
        }
        PlsKernel.Workspace ws = new PlsKernel.Workspace(kernel);
        check(model, kernel, kernel.estimate(s, ws), ws);
        return new PlsResult(model, this, n, ids, x, s, mean, sd, ws);
    }

    void check(PathModel model, PlsKernel kernel, int status, PlsKernel.Workspace ws) {
        if (status == PlsKernel.NOT_CONVERGED) {
            throw new SatisfactionException(
                "PLS algorithm did not converge in %d iterations: last weight change %s, tolerance %s",
                maxIterations, ws.lastChange, tolerance);
        }
        if (status == PlsKernel.SINGULAR) {
            throw new SatisfactionException("PLS estimation failed: %s",
                ws.failedBlock >= 0 ? "block of construct '" + model.constructs().get(ws.failedBlock).name()
                    + "' is singular (collinear or constant indicators)"
                    : "a structural regression is singular (collinear construct scores)");
        }
    }

    /** Row-major values of the model's indicators, validated. */
    static double[] extract(PathModel model, IndicatorTable data) {
        if (model == null) {
            throw new SatisfactionException("path model is null");
        }
        if (data == null) {
            throw new SatisfactionException("data table is null");
        }
        int n = data.rowCount();
        List<String> names = model.indicatorNames();
        int p = names.size();
        int[] col = new int[p];
        int k = 0;
        for (Construct c : model.constructs()) {
            for (String ind : c.indicators()) {
                if (!data.contains(ind)) {
                    throw new SatisfactionException("indicator '%s' of construct '%s' is not in the data", ind,
                        c.name());
                }
                col[k++] = data.indexOf(ind);
            }
        }
        if (n < 3) {
            throw new SatisfactionException("PLS estimation needs at least 3 respondents but the data have %d", n);
        }
        double[] x = new double[n * p];
        double[] column = new double[n];
        for (k = 0; k < p; k++) {
            data.copyColumn(col[k], column, 0);
            for (int i = 0; i < n; i++) {
                x[i * p + k] = column[i];
            }
        }
        return x;
    }

    @Override
    public String toString() {
        return "PlsPm[scheme=" + scheme + ", scaling=" + scaling + ", tolerance=" + tolerance
            + ", maxIterations=" + maxIterations + "]";
    }
}
