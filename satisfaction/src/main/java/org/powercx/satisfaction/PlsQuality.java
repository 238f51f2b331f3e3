package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * Reliability, validity and effect-size measures of a PLS solution, all computed from the indicator correlation
 * matrix \( R \), the standardised weights \( w \) and the loadings \( \lambda \):
 * <ul>
 * <li>AVE \( = \frac1q\sum\lambda_k^2 \); Cronbach's \( \alpha = q\bar r/(1 + (q-1)\bar r) \) (standardised,
 * \( \bar r \) the mean inter-item correlation); Jöreskog's
 * \( \rho_c = (\sum\lambda)^2 / ((\sum\lambda)^2 + \sum(1-\lambda^2)) \);</li>
 * <li>Dijkstra-Henseler \( \rho_A = (w^\top w)^2\, w^\top(R_{jj} - \operatorname{diag} R_{jj})w /
 * w^\top(ww^\top - \operatorname{diag} ww^\top)w \) (Dijkstra and Henseler 2015,
 * <a href="https://doi.org/10.25300/MISQ/2015/39.2.02">doi:10.25300/MISQ/2015/39.2.02</a>);</li>
 * <li>HTMT, the mean heterotrait correlation over the geometric mean of the mean monotrait correlations
 * (Henseler, Ringle and Sarstedt 2015, <a href="https://doi.org/10.1007/s11747-014-0403-8">
 * doi:10.1007/s11747-014-0403-8</a>), with absolute correlations (SmartPLS, seminr) or signed (ADANCO);</li>
 * <li>the Fornell-Larcker matrix (\( \sqrt{AVE} \) on the diagonal, score correlations elsewhere); indicator VIFs
 * within blocks and predecessor VIFs in structural regressions, \( 1/(1-R^2_k) \); Cohen's
 * \( f^2 = (R^2_{incl} - R^2_{excl})/(1 - R^2_{incl}) \); and the goodness of fit
 * \( \sqrt{\overline{\lambda^2}\;\overline{R^2}} \) (mean communality over the indicators of multi-item blocks,
 * mean \( R^2 \) of the endogenous constructs; Tenenhaus et al. 2005).</li>
 * </ul>
 * Single-indicator blocks have \( \alpha = \rho_c = \rho_A = 1 \). Arrays follow the model's construct order.
 *
 * @since 0.1.0
 */
public final class PlsQuality {
    private final PlsResult result;
    private final PlsKernel k;
    private final double[] r;
    private final double[] w;
    private final double[] lambda;

    PlsQuality(PlsResult result) {
        this.result = result;
        this.k = result.kernel();
        this.r = result.correlationArray();
        this.w = result.standardisedWeightArray();
        this.lambda = result.loadings();
    }

    private int size(int j) {
        return k.start[j + 1] - k.start[j];
    }

    /**
     * Average variance extracted per construct.
     *
     * @return a new array
     */
    public double[] ave() {
        double[] out = new double[k.m];
        for (int j = 0; j < k.m; j++) {
            for (int a = k.start[j]; a < k.start[j + 1]; a++) {
                out[j] += lambda[a] * lambda[a];
            }
            out[j] /= size(j);
        }
        return out;
    }

    /**
     * Standardised Cronbach's alpha per construct.
     *
     * @return a new array
     */
    public double[] cronbachAlpha() {
        double[] out = new double[k.m];
        for (int j = 0; j < k.m; j++) {
            int q = size(j);
            if (q == 1) {
                out[j] = 1;
                continue;
            }
            double sum = 0;
            for (int a = k.start[j]; a < k.start[j + 1]; a++) {
                for (int b = a + 1; b < k.start[j + 1]; b++) {
                    sum += r[a * k.p + b];
                }
            }
            double mean = sum / (q * (q - 1) / 2.0);
            out[j] = q * mean / (1 + (q - 1) * mean);
        }
        return out;
    }

    /**
     * Composite reliability \( \rho_c \) per construct, from the PLS loadings; 0 for a block whose loadings sum
     * to 0 (for example two items with loadings 1 and -1, where the formula reads 0/0).
     *
     * @return a new array
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
            // loadings that cancel (sum 0) give 0, also when they are all +-1 and the formula reads 0/0: the
            // limit of rho_c as the loadings approach such a block
            out[j] = sum == 0 ? 0 : sum * sum / (sum * sum + err);
        }
        return out;
    }

    /**
     * Dijkstra-Henseler \( \rho_A \) per construct.
     *
     * @return a new array
     */
    public double[] rhoA() {
        double[] out = new double[k.m];
        for (int j = 0; j < k.m; j++) {
            if (size(j) == 1) {
                out[j] = 1;
                continue;
            }
            double ww = 0;
            double num = 0;
            double den = 0;
            for (int a = k.start[j]; a < k.start[j + 1]; a++) {
                ww += w[a] * w[a];
                for (int b = k.start[j]; b < k.start[j + 1]; b++) {
                    if (a != b) {
                        num += w[a] * r[a * k.p + b] * w[b];
                        den += w[a] * w[a] * w[b] * w[b];
                    }
                }
            }
            out[j] = ww * ww * num / den;
        }
        return out;
    }

    /**
     * Heterotrait-monotrait ratios.
     *
     * @param absolute true to average absolute correlations (SmartPLS, seminr), false for signed ones (ADANCO)
     * @return a new symmetric J x J matrix with NaN on the diagonal
     */
    public double[][] htmt(boolean absolute) {
        double[][] out = new double[k.m][k.m];
        for (int i = 0; i < k.m; i++) {
            out[i][i] = Double.NaN;
            for (int j = i + 1; j < k.m; j++) {
                out[i][j] = PlsMeasures.htmt(k, r, i, j, absolute);
                out[j][i] = out[i][j];
            }
        }
        return out;
    }

    /**
     * Fornell-Larcker matrix: \( \sqrt{AVE_j} \) on the diagonal, score correlations off it.
     *
     * @return a new J x J matrix
     */
    public double[][] fornellLarcker() {
        double[][] out = result.constructCorrelations();
        double[] ave = ave();
        for (int j = 0; j < k.m; j++) {
            out[j][j] = Math.sqrt(ave[j]);
        }
        return out;
    }

    /**
     * Variance inflation factor of each indicator within its block (1 for single-item blocks).
     *
     * @return a new array in indicator order
     */
    public double[] indicatorVif() {
        double[] out = new double[k.p];
        for (int j = 0; j < k.m; j++) {
            int q = size(j);
            double[] sub = new double[q * q];
            for (int a = 0; a < q; a++) {
                for (int b = 0; b < q; b++) {
                    sub[a * q + b] = r[(k.start[j] + a) * k.p + k.start[j] + b];
                }
            }
            double[] d = inverseDiagonal(sub, q, "block of construct '" + name(j) + "'");
            System.arraycopy(d, 0, out, k.start[j], q);
        }
        return out;
    }

    /**
     * Variance inflation factors of the predecessors in each structural regression, {@code v[i][j]} for the path
     * i to j (0 where there is no path).
     *
     * @return a new J x J matrix
     */
    public double[][] innerVif() {
        double[] ry = result.ryArray();
        double[][] out = new double[k.m][k.m];
        for (int j = 0; j < k.m; j++) {
            int[] pr = k.preds[j];
            int q = pr.length;
            if (q == 0) {
                continue;
            }
            double[] sub = new double[q * q];
            for (int a = 0; a < q; a++) {
                for (int b = 0; b < q; b++) {
                    sub[a * q + b] = ry[pr[a] * k.m + pr[b]];
                }
            }
            double[] d = inverseDiagonal(sub, q, "predecessors of construct '" + name(j) + "'");
            for (int a = 0; a < q; a++) {
                out[pr[a]][j] = d[a];
            }
        }
        return out;
    }

    /**
     * Cohen's effect size \( f^2 \) of each path, {@code f[i][j]} for i to j (0 where there is no path).
     *
     * @return a new J x J matrix
     */
    public double[][] fSquared() {
        double[] ry = result.ryArray();
        double[][] out = new double[k.m][k.m];
        Cholesky chol = new Cholesky(k.m);
        double[] a = new double[k.m * k.m];
        double[] b = new double[k.m];
        double[] rhs = new double[k.m];
        for (int j = 0; j < k.m; j++) {
            double full = result.rSquared(name(j));
            for (int drop : k.preds[j]) {
                double excl = PlsMeasures.rSquaredWithout(k, ry, j, drop, chol, a, b, rhs);
                if (Double.isNaN(excl)) {
                    throw new SatisfactionException("predecessors of construct '%s' are collinear", name(j));
                }
                out[drop][j] = (full - excl) / (1 - full);
            }
        }
        return out;
    }

    /**
     * Cohen's \( f^2 \) of each path as seminr computes it: \( R^2_{excl} \) comes from re-estimating the whole
     * model without the path (new weights and scores; a construct left without any path is dropped, as seminr
     * drops it), not from the scores of the full model as in {@link #fSquared()} (SmartPLS, ADANCO, cSEM). The two
     * differ slightly because the weights change with the structural model.
     *
     * @return a new J x J matrix, {@code f[i][j]} for i to j (0 where there is no path)
     * @throws SatisfactionException if a model without one path cannot be estimated (the message names the path)
     * @since 0.2.0
     */
    public double[][] fSquaredReestimated() {
        PathModel model = result.model();
        List<String> cn = model.constructNames();
        boolean[][] adj = model.adjacency();
        double[][] out = new double[k.m][k.m];
        for (int i = 0; i < k.m; i++) {
            for (int j = 0; j < k.m; j++) {
                if (adj[i][j]) {
                    double full = result.rSquared(cn.get(j));
                    double excl;
                    try {
                        excl = rSquaredWithout(model, adj, i, j);
                    } catch (SatisfactionException e) {
                        throw new SatisfactionException("f2 of path '%s -> %s': the model without it cannot be "
                            + "estimated: %s", cn.get(i), cn.get(j), e.getMessage());
                    }
                    out[i][j] = (full - excl) / (1 - full);
                }
            }
        }
        return out;
    }

    /** \( R^2 \) of construct j in the model re-estimated without the path from construct drop to j. */
    private double rSquaredWithout(PathModel model, boolean[][] adj, int drop, int j) {
        boolean[] kept = new boolean[k.m];
        int paths = 0;
        for (int a = 0; a < k.m; a++) {
            for (int b = 0; b < k.m; b++) {
                if (adj[a][b] && !(a == drop && b == j)) {
                    kept[a] = true;
                    kept[b] = true;
                    paths++;
                }
            }
        }
        if (paths == 0 || !kept[j]) {
            return 0;
        }
        PathModel.Builder builder = PathModel.builder();
        List<Integer> columns = new ArrayList<>();
        for (int a = 0; a < k.m; a++) {
            if (kept[a]) {
                builder.construct(model.constructs().get(a));
                for (int c = k.start[a]; c < k.start[a + 1]; c++) {
                    columns.add(c);
                }
            }
        }
        List<String> cn = model.constructNames();
        for (int a = 0; a < k.m; a++) {
            for (int b = 0; b < k.m; b++) {
                if (adj[a][b] && !(a == drop && b == j)) {
                    builder.path(cn.get(a), cn.get(b));
                }
            }
        }
        PathModel reduced = builder.build();
        int n = result.sampleSize();
        int q = columns.size();
        double[] x = result.dataArray();
        double[] sub = new double[n * q];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < q; c++) {
                sub[r * q + c] = x[r * k.p + columns.get(c)];
            }
        }
        PlsPm estimator = result.estimator();
        return estimator.fit(reduced, estimator.kernel(reduced), sub, n, result.ids()).rSquared(cn.get(j));
    }

    /**
     * Goodness of fit \( \sqrt{\overline{communality} \times \overline{R^2}} \).
     *
     * @return the GoF index
     */
    public double gof() {
        double com = 0;
        int count = 0;
        double r2 = 0;
        int endo = 0;
        for (int j = 0; j < k.m; j++) {
            if (size(j) > 1) {
                for (int a = k.start[j]; a < k.start[j + 1]; a++) {
                    com += lambda[a] * lambda[a];
                    count++;
                }
            }
            if (k.preds[j].length > 0) {
                r2 += result.rSquared(name(j));
                endo++;
            }
        }
        return Math.sqrt(com / count * (r2 / endo));
    }

    private String name(int j) {
        return result.model().constructs().get(j).name();
    }

    private static double[] inverseDiagonal(double[] a, int q, String what) {
        Cholesky chol = new Cholesky(q);
        if (!chol.factor(a, q, 0, q)) {
            throw new SatisfactionException("%s: correlation matrix is singular", what);
        }
        double[] out = new double[q];
        double[] e = new double[q];
        for (int c = 0; c < q; c++) {
            java.util.Arrays.fill(e, 0.0);
            e[c] = 1;
            chol.solve(e, 0);
            out[c] = e[c];
        }
        return out;
    }

    @Override
    public String toString() {
        double[] ave = ave();
        double[] alpha = cronbachAlpha();
        double[] rc = rhoC();
        double[] ra = rhoA();
        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < k.m; j++) {
            rows.add(List.of(name(j), TextTable.number(alpha[j]), TextTable.number(rc[j]), TextTable.number(ra[j]),
                TextTable.number(ave[j])));
        }
        return TextTable.render(List.of("construct", "alpha", "rho_c", "rho_A", "AVE"), rows)
            + "GoF = " + TextTable.number(gof()) + "\n";
    }
}
