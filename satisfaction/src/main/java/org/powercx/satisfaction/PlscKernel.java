package org.powercx.satisfaction;

/**
 * The consistent PLS correction (Dijkstra and Henseler 2015) on primitive arrays: from the indicator correlation
 * matrix, the standardised weights and the score correlations of a converged {@link PlsKernel}, it computes the
 * reliabilities \( \rho_A \), the consistent loadings, the disattenuated construct correlations and the
 * structural model re-estimated on them. Buffers live in the instance; one correction allocates nothing. Not
 * thread-safe.
 */
final class PlscKernel {
    static final int OK = 0;
    /** A reliability is not positive (the correction factor would be the root of a negative number). */
    static final int NON_POSITIVE_RELIABILITY = 1;
    /** The corrected predecessor correlations of a structural regression are singular or not positive definite. */
    static final int SINGULAR = 2;

    final PlsKernel k;
    /** Reliability used to disattenuate: rho_A of multi-item Mode A blocks, 1 otherwise. */
    final double[] reliability;
    /** Consistent loadings of Mode A blocks (PLS loadings for Mode B blocks). */
    final double[] lambda;
    /** Disattenuated construct correlations, m x m. */
    final double[] corr;
    final double[] path;
    final double[] r2;
    /** Construct whose reliability failed, or whose regression was singular. */
    int failed;
    private final Cholesky chol;
    private final Cholesky whole;
    private final double[] a;
    private final double[] b;

    PlscKernel(PlsKernel k) {
        this.k = k;
        reliability = new double[k.m];
        lambda = new double[k.p];
        corr = new double[k.m * k.m];
        path = new double[k.m * k.m];
        r2 = new double[k.m];
        chol = new Cholesky(k.m);
        whole = new Cholesky(k.m);
        a = new double[k.m * k.m];
        b = new double[k.m];
    }

    /**
     * Corrects a PLS solution.
     *
     * @param r indicator correlation (or covariance) matrix, p x p
     * @param w standardised weights, \( w_j^\top R_{jj} w_j = 1 \)
     * @param plsLoadings PLS loadings (used for Mode B blocks)
     * @param ry score correlations, m x m
     * @return {@link #OK}, {@link #NON_POSITIVE_RELIABILITY} or {@link #SINGULAR}
     */
    int correct(double[] r, double[] w, double[] plsLoadings, double[] ry) {
        int m = k.m;
        failed = -1;
        for (int j = 0; j < m; j++) {
            int from = k.start[j];
            int to = k.start[j + 1];
            if (k.modeB[j] || to - from == 1) {
                reliability[j] = 1;
                for (int q = from; q < to; q++) {
                    lambda[q] = k.modeB[j] ? plsLoadings[q] : 1;
                }
                continue;
            }
            double ww = 0;
            double num = 0;
            double den = 0;
            for (int x = from; x < to; x++) {
                ww += w[x] * w[x];
                for (int y = from; y < to; y++) {
                    if (x != y) {
                        num += w[x] * PlsMeasures.corr(k.p, r, x, y) * w[y];
                        den += w[x] * w[x] * w[y] * w[y];
                    }
                }
            }
            double c2 = num / den;
            if (!(c2 > 0) || !Double.isFinite(c2)) {
                failed = j;
                return NON_POSITIVE_RELIABILITY;
            }
            reliability[j] = ww * ww * c2;
            double c = Math.sqrt(c2);
            for (int x = from; x < to; x++) {
                lambda[x] = c * w[x];
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                corr[i * m + j] = i == j ? 1 : ry[i * m + j] / Math.sqrt(reliability[i] * reliability[j]);
            }
        }
        java.util.Arrays.fill(path, 0.0);
        for (int j = 0; j < m; j++) {
            r2[j] = 0;
            int[] pr = k.preds[j];
            int q = pr.length;
            if (q == 0) {
                continue;
            }
            for (int x = 0; x < q; x++) {
                for (int y = 0; y < q; y++) {
                    a[x * q + y] = corr[pr[x] * m + pr[y]];
                }
                b[x] = corr[pr[x] * m + j];
            }
            if (!chol.factor(a, q, 0, q)) {
                failed = j;
                return SINGULAR;
            }
            chol.solve(b, 0);
            double fit = 0;
            for (int x = 0; x < q; x++) {
                path[pr[x] * m + j] = b[x];
                fit += b[x] * corr[pr[x] * m + j];
            }
            r2[j] = fit;
        }
        return OK;
    }

    /**
     * Whether the last correction is admissible in the sense of cSEM's {@code verify()}: every loading and
     * reliability at most 1 in absolute value (up to {@code slack}) and the construct correlation matrix positive
     * definite.
     */
    boolean admissible(double slack) {
        for (int a = 0; a < k.p; a++) {
            if (!(Math.abs(lambda[a]) <= 1 + slack)) {
                return false;
            }
        }
        for (int j = 0; j < k.m; j++) {
            if (!(reliability[j] <= 1 + slack)) {
                return false;
            }
        }
        return whole.factor(corr, k.m, 0, k.m);
    }
}
