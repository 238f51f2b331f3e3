package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * Estimates of a PLS path model: outer weights, loadings and cross-loadings, construct scores, path coefficients
 * with \( R^2 \), direct, indirect and total effects, communalities and redundancies. Reliability and validity
 * measures are in {@link #quality()}.
 *
 * <p>Scores have mean 0 and population variance 1. Outer weights apply to the standardised indicators
 * (\( z \)-scores with population standard deviation) under {@link Scaling#STANDARDISED} and to the centred raw
 * answers under {@link Scaling#CENTRED}; {@link #standardisedWeights()} are always on the standardised scale.
 * Arrays are indexed by {@link PathModel#indicatorNames()} and {@link PathModel#constructNames()}. Immutable;
 * accessors return copies.
 *
 * @since 0.1.0
 */
public final class PlsResult {
    private final PathModel model;
    private final PlsPm estimator;
    private final PlsKernel kernel;
    private final int n;
    private final List<String> ids;
    private final double[] x;
    private final double[] weights;
    private final double[] stdWeights;
    private final double[] corr;
    private final double[] mean;
    private final double[] sd;
    private final double[] cross;
    private final double[] loadings;
    private final double[] scores;
    private final double[] ry;
    private final double[] path;
    private final double[] r2;
    private final double[] total;
    private final int iterations;
    private final double lastChange;

    PlsResult(PathModel model, PlsPm estimator, int n, List<String> ids, double[] x, double[] s, double[] mean,
            double[] sd, PlsKernel.Workspace ws) {
        this.model = model;
        this.estimator = estimator;
        this.kernel = new PlsKernel(model, estimator.scheme(), estimator.tolerance(), estimator.maxIterations());
        int p = kernel.p;
        int m = kernel.m;
        this.n = n;
        this.ids = org.powercx.core.internal.TableIds.immutable(ids);
        this.x = x;
        this.weights = ws.w.clone();
        this.mean = mean.clone();
        this.sd = sd.clone();
        boolean centred = estimator.scaling() == Scaling.CENTRED;
        this.stdWeights = new double[p];
        this.corr = new double[p * p];
        for (int k = 0; k < p; k++) {
            stdWeights[k] = centred ? weights[k] * sd[k] : weights[k];
            for (int l = 0; l < p; l++) {
                corr[k * p + l] = PlsMeasures.corr(p, s, k, l);
            }
        }
        this.cross = new double[p * m];
        PlsMeasures.crossLoadings(kernel, s, ws.u, cross);
        this.loadings = new double[p];
        PlsMeasures.loadings(kernel, s, ws.u, loadings, 0);
        this.ry = ws.ry.clone();
        this.path = ws.path.clone();
        this.r2 = ws.r2.clone();
        this.total = new double[m * m];
        PlsMeasures.totalEffects(m, path, total, new double[m * m], new double[m * m]);
        this.scores = new double[n * m];
        // z = (x - mean) / sd evaluated on x, mean and sd times the power of two 2^-e (e the exponent of sd): the
        // same bits for ordinary answers, but no overflow of x - mean when answers near +-1e308 span the range
        double[] f = new double[p];
        for (int k = 0; k < p; k++) {
            f[k] = centred ? 1.0 : Math.scalb(1.0, -Math.getExponent(sd[k]));
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                double z = x[i * p + k] * f[k] - mean[k] * f[k];
                if (!centred) {
                    z /= sd[k] * f[k];
                }
                scores[i * m + kernel.blockOf[k]] += z * weights[k];
            }
        }
        this.iterations = ws.iterations;
        this.lastChange = ws.lastChange;
    }

    PlsKernel kernel() {
        return kernel;
    }

    double[] dataArray() {
        return x;
    }

    double[] correlationArray() {
        return corr;
    }

    double[] standardisedWeightArray() {
        return stdWeights;
    }

    double[] ryArray() {
        return ry;
    }

    /**
     * The model that was estimated.
     *
     * @return the model
     */
    public PathModel model() {
        return model;
    }

    /**
     * The estimator's settings.
     *
     * @return the estimator
     */
    public PlsPm estimator() {
        return estimator;
    }

    /**
     * Number of respondents.
     *
     * @return \( n \)
     */
    public int sampleSize() {
        return n;
    }

    /**
     * Respondent ids in row order.
     *
     * @return an unmodifiable list
     */
    public List<String> ids() {
        return ids;
    }

    /**
     * Iterations used.
     *
     * @return the number of weight updates until convergence
     */
    public int iterations() {
        return iterations;
    }

    /**
     * The last weight change \( \sum_k |\Delta w_k| \), below the tolerance.
     *
     * @return the change
     */
    public double lastChange() {
        return lastChange;
    }

    /**
     * Outer weights in indicator order (see the class comment for their scale).
     *
     * @return a new array
     */
    public double[] outerWeights() {
        return weights.clone();
    }

    /**
     * Outer weights of the standardised indicators (\( w_j^\top R_{jj} w_j = 1 \)).
     *
     * @return a new array
     */
    public double[] standardisedWeights() {
        return stdWeights.clone();
    }

    /**
     * Outer weights on the raw answer scale, \( w_k / s_k \) for standardised estimation.
     *
     * @return a new array
     */
    public double[] unstandardisedWeights() {
        double[] out = new double[weights.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = stdWeights[k] / sd[k];
        }
        return out;
    }

    /**
     * Indicator means.
     *
     * @return a new array
     */
    public double[] indicatorMeans() {
        return mean.clone();
    }

    /**
     * Indicator population standard deviations.
     *
     * @return a new array
     */
    public double[] indicatorStandardDeviations() {
        return sd.clone();
    }

    /**
     * Loadings \( \lambda_k = r(x_k, y_{j(k)}) \) in indicator order.
     *
     * @return a new array
     */
    public double[] loadings() {
        return loadings.clone();
    }

    /**
     * The outer weight of one indicator.
     *
     * @param indicator the indicator name
     * @return its weight
     * @throws SatisfactionException if the model has no such indicator
     */
    public double weight(String indicator) {
        return weights[indicatorIndex(indicator)];
    }

    /**
     * The loading of one indicator on its construct.
     *
     * @param indicator the indicator name
     * @return its loading
     * @throws SatisfactionException if the model has no such indicator
     */
    public double loading(String indicator) {
        return loadings[indicatorIndex(indicator)];
    }

    /**
     * Cross-loadings, {@code c[k][j]} the correlation of indicator k with construct j's score.
     *
     * @return a new p x J matrix
     */
    public double[][] crossLoadings() {
        return unflatten(cross, kernel.p, kernel.m);
    }

    /**
     * Construct scores, {@code y[i][j]} for respondent i and construct j.
     *
     * @return a new n x J matrix
     */
    public double[][] scores() {
        return unflatten(scores, n, kernel.m);
    }

    /**
     * Scores of one construct.
     *
     * @param construct the construct name
     * @return a new array of length n
     * @throws SatisfactionException if the construct is unknown
     */
    public double[] scores(String construct) {
        int j = model.indexOf(construct);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = scores[i * kernel.m + j];
        }
        return out;
    }

    /**
     * Construct scores standardised to the population or the sample variance, {@code y[i][j]} for respondent i and
     * construct j; {@link ScoreVariance#SAMPLE} gives seminr's scores, \( \sqrt{(n-1)/n} \) times
     * {@link #scores()} (population variance 1 becomes sample variance 1).
     *
     * @param variance the variance the scores have
     * @return a new n x J matrix
     * @throws SatisfactionException if the variance is null
     * @since 0.2.0
     */
    public double[][] scores(ScoreVariance variance) {
        double factor = scoreFactor(variance);
        double[][] out = scores();
        for (double[] row : out) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
        return out;
    }

    /**
     * Scores of one construct, standardised to the population or the sample variance.
     *
     * @param construct the construct name
     * @param variance the variance the scores have
     * @return a new array of length n
     * @throws SatisfactionException if the construct is unknown or the variance is null
     * @since 0.2.0
     */
    public double[] scores(String construct, ScoreVariance variance) {
        double factor = scoreFactor(variance);
        double[] out = scores(construct);
        for (int i = 0; i < out.length; i++) {
            out[i] *= factor;
        }
        return out;
    }

    private double scoreFactor(ScoreVariance variance) {
        if (variance == null) {
            throw new SatisfactionException("score variance is null");
        }
        return variance == ScoreVariance.SAMPLE ? Math.sqrt((n - 1.0) / n) : 1;
    }

    /**
     * Correlations between construct scores.
     *
     * @return a new J x J matrix
     */
    public double[][] constructCorrelations() {
        return unflatten(ry, kernel.m, kernel.m);
    }

    /**
     * Path coefficients, {@code b[i][j]} the path from construct i to j (0 where there is none).
     *
     * @return a new J x J matrix
     */
    public double[][] pathCoefficients() {
        return unflatten(path, kernel.m, kernel.m);
    }

    /**
     * The path coefficient (direct effect) from one construct to another.
     *
     * @param from the source construct
     * @param to the target construct
     * @return the coefficient, 0 if the model has no such path
     * @throws SatisfactionException if a construct is unknown
     */
    public double pathCoefficient(String from, String to) {
        return path[model.indexOf(from) * kernel.m + model.indexOf(to)];
    }

    /**
     * Total effect \( T = B + B^2 + \cdots \) from one construct to another.
     *
     * @param from the source construct
     * @param to the target construct
     * @return the total effect
     * @throws SatisfactionException if a construct is unknown
     */
    public double totalEffect(String from, String to) {
        return total[model.indexOf(from) * kernel.m + model.indexOf(to)];
    }

    /**
     * Indirect effect: total minus direct effect.
     *
     * @param from the source construct
     * @param to the target construct
     * @return the indirect effect
     * @throws SatisfactionException if a construct is unknown
     */
    public double indirectEffect(String from, String to) {
        return totalEffect(from, to) - pathCoefficient(from, to);
    }

    /**
     * Total effects matrix.
     *
     * @return a new J x J matrix
     */
    public double[][] totalEffects() {
        return unflatten(total, kernel.m, kernel.m);
    }

    /**
     * Coefficient of determination of a construct (0 for an exogenous one).
     *
     * @param construct the construct name
     * @return \( R^2 \)
     * @throws SatisfactionException if the construct is unknown
     */
    public double rSquared(String construct) {
        return r2[model.indexOf(construct)];
    }

    /**
     * Adjusted \( R^2 = 1 - (1 - R^2)(n - 1)/(n - q - 1) \) with q predecessors (0 for an exogenous construct).
     *
     * @param construct the construct name
     * @return the adjusted \( R^2 \)
     * @throws SatisfactionException if the construct is unknown
     */
    public double adjustedRSquared(String construct) {
        int j = model.indexOf(construct);
        int q = kernel.preds[j].length;
        return q == 0 ? 0 : 1 - (1 - r2[j]) * (n - 1) / (n - q - 1);
    }

    /**
     * Communality of an indicator, \( \lambda_k^2 \).
     *
     * @param indicator the indicator name
     * @return the squared loading
     * @throws SatisfactionException if the model has no such indicator
     */
    public double communality(String indicator) {
        double l = loading(indicator);
        return l * l;
    }

    /**
     * Redundancy of an indicator, \( \lambda_k^2 R^2_{j(k)} \).
     *
     * @param indicator the indicator name
     * @return the redundancy, 0 for indicators of exogenous constructs
     * @throws SatisfactionException if the model has no such indicator
     */
    public double redundancy(String indicator) {
        int k = indicatorIndex(indicator);
        return loadings[k] * loadings[k] * r2[kernel.blockOf[k]];
    }

    /**
     * Mean communality of a block (equal to the AVE).
     *
     * @param construct the construct name
     * @return the mean squared loading
     * @throws SatisfactionException if the construct is unknown
     */
    public double blockCommunality(String construct) {
        int j = model.indexOf(construct);
        double sum = 0;
        for (int k = kernel.start[j]; k < kernel.start[j + 1]; k++) {
            sum += loadings[k] * loadings[k];
        }
        return sum / (kernel.start[j + 1] - kernel.start[j]);
    }

    /**
     * Mean redundancy of a block, \( R^2_j \) times its mean communality.
     *
     * @param construct the construct name
     * @return the mean redundancy
     * @throws SatisfactionException if the construct is unknown
     */
    public double meanRedundancy(String construct) {
        return blockCommunality(construct) * rSquared(construct);
    }

    /**
     * Reliability, validity and effect-size measures of this solution.
     *
     * @return the quality measures
     */
    public PlsQuality quality() {
        return new PlsQuality(this);
    }

    int indicatorIndex(String indicator) {
        int k = model.indicatorNames().indexOf(indicator);
        if (k < 0) {
            throw new SatisfactionException("indicator '%s' is not in the model", indicator);
        }
        return k;
    }

    static double[][] unflatten(double[] a, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(a, i * cols, out[i], 0, cols);
        }
        return out;
    }

    @Override
    public String toString() {
        List<String> names = model.constructNames();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < kernel.m; i++) {
            for (int j = 0; j < kernel.m; j++) {
                if (kernel.adj[i][j]) {
                    rows.add(List.of(names.get(i) + " -> " + names.get(j), TextTable.number(path[i * kernel.m + j]),
                        TextTable.number(total[i * kernel.m + j])));
                }
            }
        }
        StringBuilder sb = new StringBuilder("PLS path model (").append(estimator.scheme()).append(" scheme, ")
            .append(estimator.scaling()).append(", n = ").append(n).append(", ").append(iterations)
            .append(" iterations)\n");
        sb.append(TextTable.render(List.of("path", "coefficient", "total effect"), rows));
        List<List<String>> r2rows = new ArrayList<>();
        for (int j = 0; j < kernel.m; j++) {
            if (kernel.preds[j].length > 0) {
                r2rows.add(List.of(names.get(j), TextTable.number(r2[j]),
                    TextTable.number(adjustedRSquared(names.get(j)))));
            }
        }
        sb.append(TextTable.render(List.of("construct", "R2", "adjusted R2"), r2rows));
        return sb.toString();
    }
}
