package org.powercx.satisfaction;

/**
 * Primitive-array formulas shared by the point estimate and the resampling loops: loadings, total effects and
 * heterotrait-monotrait ratios from the indicator correlation matrix and the converged weights.
 */
final class PlsMeasures {
    private PlsMeasures() {
    }

    /**
     * Cross-loadings \( r(x_k, y_j) = u_{kj} / \sqrt{s_{kk}} \) where \( u \) holds the covariances of the
     * indicators with the (unit-variance) scores.
     */
    static void crossLoadings(PlsKernel k, double[] s, double[] u, double[] out) {
        for (int i = 0; i < k.p; i++) {
            double f = 1 / Math.sqrt(s[i * k.p + i]);
            for (int j = 0; j < k.m; j++) {
                out[i * k.m + j] = u[i * k.m + j] * f;
            }
        }
    }

    /** Loadings on the own construct, {@code out[k]}. */
    static void loadings(PlsKernel k, double[] s, double[] u, double[] out, int outOff) {
        for (int i = 0; i < k.p; i++) {
            out[outOff + i] = u[i * k.m + k.blockOf[i]] / Math.sqrt(s[i * k.p + i]);
        }
    }

    /**
     * Total effects \( T = B + B^2 + \dots \) for the nilpotent path matrix \( B \) ({@code b[i * m + j]} is the
     * path i to j); {@code power} and {@code next} are m x m buffers.
     */
    static void totalEffects(int m, double[] b, double[] total, double[] power, double[] next) {
        System.arraycopy(b, 0, total, 0, m * m);
        System.arraycopy(b, 0, power, 0, m * m);
        for (int step = 1; step < m; step++) {
            boolean any = false;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double acc = 0;
                    for (int l = 0; l < m; l++) {
                        acc += power[i * m + l] * b[l * m + j];
                    }
                    next[i * m + j] = acc;
                    total[i * m + j] += acc;
                    any |= acc != 0;
                }
            }
            if (!any) {
                return;
            }
            System.arraycopy(next, 0, power, 0, m * m);
        }
    }

    /**
     * Heterotrait-monotrait ratio of constructs i and j (Henseler et al. 2015) from the correlation matrix
     * covariance or correlation matrix {@code r} (p x p): mean heterotrait correlation over the geometric mean of the two mean monotrait
     * correlations; with {@code absolute} the correlations enter as absolute values; a single-item block has a
     * monotrait mean of 1.
     */
    static double htmt(PlsKernel k, double[] r, int i, int j, boolean absolute) {
        double hetero = 0;
        for (int a = k.start[i]; a < k.start[i + 1]; a++) {
            for (int b = k.start[j]; b < k.start[j + 1]; b++) {
                double v = corr(k.p, r, a, b);
                hetero += absolute ? Math.abs(v) : v;
            }
        }
        hetero /= (double) (k.start[i + 1] - k.start[i]) * (k.start[j + 1] - k.start[j]);
        return hetero / Math.sqrt(monotrait(k, r, i, absolute) * monotrait(k, r, j, absolute));
    }

    /**
     * \( R^2 \) of construct j regressed on its predecessors except {@code drop}, from the construct correlations
     * {@code ry} (m x m): \( r^\top R^{-1} r \) over the remaining predecessors, 0 if none remain, NaN if their
     * correlations are singular. {@code a}, {@code b} and {@code rhs} are buffers of m x m, m and m values.
     */
    static double rSquaredWithout(PlsKernel k, double[] ry, int j, int drop, Cholesky chol, double[] a, double[] b,
            double[] rhs) {
        int m = k.m;
        int[] pr = k.preds[j];
        int q = pr.length - (contains(pr, drop) ? 1 : 0);
        if (q == 0) {
            return 0;
        }
        int x = 0;
        for (int rx : pr) {
            if (rx == drop) {
                continue;
            }
            int y = 0;
            for (int cy : pr) {
                if (cy != drop) {
                    a[x * q + y++] = ry[rx * m + cy];
                }
            }
            rhs[x++] = ry[rx * m + j];
        }
        if (!chol.factor(a, q, 0, q)) {
            return Double.NaN;
        }
        System.arraycopy(rhs, 0, b, 0, q);
        chol.solve(b, 0);
        double fit = 0;
        for (int c = 0; c < q; c++) {
            fit += b[c] * rhs[c];
        }
        return fit;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    /** Correlation from a covariance or correlation matrix. */
    static double corr(int p, double[] s, int a, int b) {
        return s[a * p + b] / Math.sqrt(s[a * p + a] * s[b * p + b]);
    }

    private static double monotrait(PlsKernel k, double[] r, int j, boolean absolute) {
        int q = k.start[j + 1] - k.start[j];
        if (q == 1) {
            return 1;
        }
        double sum = 0;
        for (int a = k.start[j]; a < k.start[j + 1]; a++) {
            for (int b = a + 1; b < k.start[j + 1]; b++) {
                double v = corr(k.p, r, a, b);
                sum += absolute ? Math.abs(v) : v;
            }
        }
        return sum / (q * (q - 1) / 2.0);
    }
}
