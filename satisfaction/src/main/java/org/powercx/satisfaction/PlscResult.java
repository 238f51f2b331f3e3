package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * Consistent PLS (PLSc) estimates, from {@link ConsistentPls}: reliabilities \( \rho_A \), consistent loadings,
 * disattenuated construct correlations, path coefficients, \( R^2 \) and effects, with Jöreskog's
 * \( \rho_c \) and the AVE computed from the consistent loadings. The underlying PLS solution (weights,
 * scores) is {@link #pls()}. Arrays are indexed by {@link PathModel#indicatorNames()} and
 * {@link PathModel#constructNames()}. Immutable; accessors return copies.
 *
 * @since 0.2.0
 */
public final class PlscResult {
    static final double ADMISSIBLE_SLACK = 1e-12;

    private final PlsResult pls;
    private final PlsKernel k;
    private final double[] reliability;
    private final double[] lambda;
    private final double[] corr;
    private final double[] path;
    private final double[] r2;
    private final double[] total;

    PlscResult(PlsResult pls, PlscKernel kernel) {
        this.pls = pls;
        this.k = pls.kernel();
        this.reliability = kernel.reliability.clone();
        this.lambda = kernel.lambda.clone();
        this.corr = kernel.corr.clone();
        this.path = kernel.path.clone();
        this.r2 = kernel.r2.clone();
        int m = k.m;
        this.total = new double[m * m];
        PlsMeasures.totalEffects(m, path, total, new double[m * m], new double[m * m]);
    }

    PlsKernel kernel() {
        return k;
    }

    double[] loadingArray() {
        return lambda;
    }

    double[] correlationArray() {
        return corr;
    }

    double[] pathArray() {
        return path;
    }

    double[] totalArray() {
        return total;
    }

    double[] r2Array() {
        return r2;
    }

    /**
     * The PLS solution that was corrected.
     *
     * @return the PLS estimates
     */
    public PlsResult pls() {
        return pls;
    }

    /**
     * The model that was estimated.
     *
     * @return the model
     */
    public PathModel model() {
        return pls.model();
    }

    /**
     * The reliability used to disattenuate each construct: Dijkstra-Henseler's \( \rho_A \) for Mode A blocks of
     * two or more indicators, 1 for Mode B and single-indicator blocks.
     *
     * @return a new array in construct order
     */
    public double[] reliabilities() {
        return reliability.clone();
    }

    /**
     * Consistent loadings \( \hat c_j w_k \) (PLS loadings for Mode B blocks, 1 for single indicators).
     *
     * @return a new array in indicator order
     */
    public double[] loadings() {
        return lambda.clone();
    }

    /**
     * The consistent loading of one indicator.
     *
     * @param indicator the indicator name
     * @return its loading
     * @throws SatisfactionException if the model has no such indicator
     */
    public double loading(String indicator) {
        return lambda[pls.indicatorIndex(indicator)];
    }

    /**
     * Disattenuated construct correlations \( r_{y_iy_j}/\sqrt{\rho_{A,i}\rho_{A,j}} \), 1 on the diagonal.
     *
     * @return a new J x J matrix
     */
    public double[][] constructCorrelations() {
        return PlsResult.unflatten(corr, k.m, k.m);
    }

    /**
     * Path coefficients, {@code b[i][j]} the path from construct i to j (0 where there is none).
     *
     * @return a new J x J matrix
     */
    public double[][] pathCoefficients() {
        return PlsResult.unflatten(path, k.m, k.m);
    }

    /**
     * The path coefficient from one construct to another.
     *
     * @param from the source construct
     * @param to the target construct
     * @return the coefficient, 0 if the model has no such path
     * @throws SatisfactionException if a construct is unknown
     */
    public double pathCoefficient(String from, String to) {
        return path[model().indexOf(from) * k.m + model().indexOf(to)];
    }

    /**
     * Total effects \( T = B + B^2 + \cdots \).
     *
     * @return a new J x J matrix
     */
    public double[][] totalEffects() {
        return PlsResult.unflatten(total, k.m, k.m);
    }

    /**
     * Total effect from one construct to another.
     *
     * @param from the source construct
     * @param to the target construct
     * @return the total effect
     * @throws SatisfactionException if a construct is unknown
     */
    public double totalEffect(String from, String to) {
        return total[model().indexOf(from) * k.m + model().indexOf(to)];
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
     * Coefficient of determination \( \hat\beta_j^\top\hat r_{Pj} \) of a construct (0 for an exogenous one).
     *
     * @param construct the construct name
     * @return \( R^2 \)
     * @throws SatisfactionException if the construct is unknown
     */
    public double rSquared(String construct) {
        return r2[model().indexOf(construct)];
    }

    /**
     * Adjusted \( R^2 = 1 - (1 - R^2)(n - 1)/(n - q - 1) \) with q predecessors (0 for an exogenous construct).
     *
     * @param construct the construct name
     * @return the adjusted \( R^2 \)
     * @throws SatisfactionException if the construct is unknown
     */
    public double adjustedRSquared(String construct) {
        int j = model().indexOf(construct);
        int q = k.preds[j].length;
        int n = pls.sampleSize();
        return q == 0 ? 0 : 1 - (1 - r2[j]) * (n - 1) / (n - q - 1);
    }

    /**
     * Jöreskog's composite reliability from the consistent loadings,
     * \( (\sum\hat\lambda)^2 / ((\sum\hat\lambda)^2 + \sum(1 - \hat\lambda^2)) \), as ADANCO reports it.
     *
     * @return a new array in construct order
     */
    public double[] rhoC() {
        double[] out = new double[k.m];
        for (int j = 0; j < k.m; j++) {
            double sum = 0;
            double err = 0;
            for (int a = k.start[j]; a < k.start[j + 1]; a++) {
                sum += lambda[a];
                err += 1 - lambda[a] * lambda[a];
            }
            out[j] = sum == 0 ? 0 : sum * sum / (sum * sum + err);
        }
        return out;
    }

    /**
     * Average variance extracted from the consistent loadings, \( \frac1q\sum\hat\lambda_k^2 \).
     *
     * @return a new array in construct order
     */
    public double[] ave() {
        double[] out = new double[k.m];
        for (int j = 0; j < k.m; j++) {
            for (int a = k.start[j]; a < k.start[j + 1]; a++) {
                out[j] += lambda[a] * lambda[a];
            }
            out[j] /= k.start[j + 1] - k.start[j];
        }
        return out;
    }

    /**
     * The reasons this solution is inadmissible (empty when it is admissible): a loading, a reliability or a
     * construct correlation above 1 in absolute value (a Heywood case), or a construct correlation matrix that is
     * not positive definite. The checks are those of cSEM's {@code verify()}.
     *
     * @return an unmodifiable list of one-line messages
     */
    public List<String> inadmissibilities() {
        List<String> out = new ArrayList<>();
        List<String> ind = model().indicatorNames();
        List<String> con = model().constructNames();
        for (int a = 0; a < k.p; a++) {
            if (Math.abs(lambda[a]) > 1 + ADMISSIBLE_SLACK) {
                out.add("loading of '" + ind.get(a) + "' is " + lambda[a]);
            }
        }
        for (int j = 0; j < k.m; j++) {
            if (reliability[j] > 1 + ADMISSIBLE_SLACK) {
                out.add("reliability of '" + con.get(j) + "' is " + reliability[j]);
            }
            for (int i = 0; i < j; i++) {
                if (Math.abs(corr[i * k.m + j]) > 1 + ADMISSIBLE_SLACK) {
                    out.add("correlation of '" + con.get(i) + "' and '" + con.get(j) + "' is " + corr[i * k.m + j]);
                }
            }
        }
        if (!new Cholesky(k.m).factor(corr, k.m, 0, k.m)) {
            out.add("construct correlation matrix is not positive definite");
        }
        return List.copyOf(out);
    }

    /**
     * Whether the solution is admissible ({@link #inadmissibilities()} is empty).
     *
     * @return true if admissible
     */
    public boolean admissible() {
        return inadmissibilities().isEmpty();
    }

    @Override
    public String toString() {
        List<String> names = model().constructNames();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < k.m; i++) {
            for (int j = 0; j < k.m; j++) {
                if (k.adj[i][j]) {
                    rows.add(List.of(names.get(i) + " -> " + names.get(j), TextTable.number(path[i * k.m + j]),
                        TextTable.number(total[i * k.m + j])));
                }
            }
        }
        StringBuilder sb = new StringBuilder("Consistent PLS (").append(pls.estimator().scheme())
            .append(" scheme, n = ").append(pls.sampleSize()).append(")\n");
        sb.append(TextTable.render(List.of("path", "coefficient", "total effect"), rows));
        List<List<String>> rel = new ArrayList<>();
        double[] rc = rhoC();
        double[] ave = ave();
        for (int j = 0; j < k.m; j++) {
            rel.add(List.of(names.get(j), TextTable.number(reliability[j]), TextTable.number(rc[j]),
                TextTable.number(ave[j]), k.preds[j].length > 0 ? TextTable.number(r2[j]) : ""));
        }
        sb.append(TextTable.render(List.of("construct", "rho_A", "rho_c", "AVE", "R2"), rel));
        return sb.toString();
    }
}
