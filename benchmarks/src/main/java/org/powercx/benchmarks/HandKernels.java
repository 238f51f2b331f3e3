package org.powercx.benchmarks;

/**
 * The hand-written linear-algebra kernels that the library's EJML routing was measured against, copied here
 * because the library keeps its kernels package-private: the Cholesky factorisation, solve and triangular
 * inverse that credit and satisfaction used before they moved to EJML, the LU-based shifted inverse
 * iteration of AHP's {@code Priorities}, the tiled Gram kernel of credit's {@code Scatter} and the unrolled
 * weighted cross-product of satisfaction's {@code Moments}.
 */
final class HandKernels {
    /** Rows per block of the Gram kernel, as in credit's {@code Scatter}. */
    static final int BLOCK = 256;

    private HandKernels() {
    }

    /**
     * Lower Cholesky factor of a row-major p x p matrix into l (the former satisfaction kernel).
     *
     * @param a the matrix; not modified
     * @param p order
     * @param l output, p * p; modified
     * @return false when a pivot is at most 1e-9 times its diagonal entry or not finite
     */
    static boolean cholesky(double[] a, int p, double[] l) {
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i * p + j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i * p + k] * l[j * p + k];
                }
                if (i == j) {
                    if (!(sum > 1e-9 * a[i * p + i]) || !Double.isFinite(sum)) {
                        return false;
                    }
                    l[i * p + i] = Math.sqrt(sum);
                } else {
                    l[i * p + j] = sum / l[j * p + j];
                }
            }
        }
        return true;
    }

    /**
     * Solves \( L L^\top x = b \) in place.
     *
     * @param l factor from {@link #cholesky}
     * @param p order
     * @param b right-hand side, overwritten by the solution
     */
    static void solve(double[] l, int p, double[] b) {
        for (int i = 0; i < p; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i * p + k] * b[k];
            }
            b[i] = sum / l[i * p + i];
        }
        for (int i = p - 1; i >= 0; i--) {
            double sum = b[i];
            for (int k = i + 1; k < p; k++) {
                sum -= l[k * p + i] * b[k];
            }
            b[i] = sum / l[i * p + i];
        }
    }

    /**
     * Inverse transpose \( L^{-T} \) of a lower-triangular factor (the former credit whitening kernel).
     *
     * @param l factor, row-major p x p; not modified
     * @param p order
     * @param inv output, p * p, zero on entry; modified
     */
    static void inverseTranspose(double[] l, int p, double[] inv) {
        for (int c = 0; c < p; c++) {
            for (int i = c; i < p; i++) {
                double v = i == c ? 1.0 : 0.0;
                for (int k = c; k < i; k++) {
                    v -= l[i * p + k] * inv[c * p + k];
                }
                inv[c * p + i] = v / l[i * p + i];
            }
        }
    }

    /**
     * Adds the lower triangle of buf buf' (q rows of len values, row stride {@link #BLOCK}) to cross, in 2 x 2
     * register tiles (credit's {@code Scatter} kernel).
     *
     * @param buf the block; not modified
     * @param len values per row
     * @param q rows
     * @param cross q x q accumulator; modified
     * @param quad scratch of 4
     */
    static void crossBlock(double[] buf, int len, int q, double[] cross, double[] quad) {
        for (int j = 0; j < q; j += 2) {
            int j1 = Math.min(j + 1, q - 1);
            for (int l = 0; l <= j1; l += 2) {
                int l1 = Math.min(l + 1, q - 1);
                tile(buf, j * BLOCK, j1 * BLOCK, l * BLOCK, l1 * BLOCK, len, quad);
                cross[j * q + l] += quad[0];
                if (l1 != l && l1 <= j) {
                    cross[j * q + l1] += quad[1];
                }
                if (j1 != j) {
                    cross[j1 * q + l] += quad[2];
                    if (l1 != l) {
                        cross[j1 * q + l1] += quad[3];
                    }
                }
            }
        }
    }

    private static void tile(double[] b, int x0, int x1, int y0, int y1, int len, double[] quad) {
        double s00 = 0;
        double s01 = 0;
        double s10 = 0;
        double s11 = 0;
        double t00 = 0;
        double t01 = 0;
        double t10 = 0;
        double t11 = 0;
        int t = 0;
        for (; t + 1 < len; t += 2) {
            double a0 = b[x0 + t];
            double a1 = b[x1 + t];
            double c0 = b[y0 + t];
            double c1 = b[y1 + t];
            s00 += a0 * c0;
            s01 += a0 * c1;
            s10 += a1 * c0;
            s11 += a1 * c1;
            double e0 = b[x0 + t + 1];
            double e1 = b[x1 + t + 1];
            double f0 = b[y0 + t + 1];
            double f1 = b[y1 + t + 1];
            t00 += e0 * f0;
            t01 += e0 * f1;
            t10 += e1 * f0;
            t11 += e1 * f1;
        }
        for (; t < len; t++) {
            s00 += b[x0 + t] * b[y0 + t];
            s01 += b[x0 + t] * b[y1 + t];
            s10 += b[x1 + t] * b[y0 + t];
            s11 += b[x1 + t] * b[y1 + t];
        }
        quad[0] = s00 + t00;
        quad[1] = s01 + t01;
        quad[2] = s10 + t10;
        quad[3] = s11 + t11;
    }

    /**
     * Weighted cross-product \( S = C^\top \mathrm{diag}(w) C \) of a row-major rows x p matrix, four rows at a
     * time (satisfaction's {@code Moments} kernel).
     *
     * @param centred the rows; not modified
     * @param weight row weights; not modified
     * @param rows rows
     * @param p columns
     * @param s output p * p; overwritten
     */
    static void weightedCrossProduct(double[] centred, double[] weight, int rows, int p, double[] s) {
        java.util.Arrays.fill(s, 0, p * p, 0.0);
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            int o0 = r * p;
            int o1 = o0 + p;
            int o2 = o1 + p;
            int o3 = o2 + p;
            for (int k = 0; k < p; k++) {
                double a0 = weight[r] * centred[o0 + k];
                double a1 = weight[r + 1] * centred[o1 + k];
                double a2 = weight[r + 2] * centred[o2 + k];
                double a3 = weight[r + 3] * centred[o3 + k];
                int sk = k * p;
                for (int l = 0; l < p; l++) {
                    s[sk + l] += a0 * centred[o0 + l] + a1 * centred[o1 + l] + a2 * centred[o2 + l]
                        + a3 * centred[o3 + l];
                }
            }
        }
        for (; r < rows; r++) {
            int o0 = r * p;
            for (int k = 0; k < p; k++) {
                double a0 = weight[r] * centred[o0 + k];
                int sk = k * p;
                for (int l = 0; l < p; l++) {
                    s[sk + l] += a0 * centred[o0 + l];
                }
            }
        }
    }

    /**
     * Two steps of inverse iteration with \( A - \mu I \), LU with partial pivoting (AHP's kernel).
     *
     * @param a row-major n x n matrix; not modified
     * @param n order
     * @param w start vector, overwritten by the normalised result
     * @param mu the shift
     * @param work n * n + 3n; modified
     */
    static void shiftedInverseIteration(double[] a, int n, double[] w, double mu, double[] work) {
        int lu = n;
        int piv = n + n * n;
        int x = piv + n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                work[lu + i * n + j] = a[i * n + j] - (i == j ? mu : 0);
            }
        }
        for (int k = 0; k < n; k++) {
            int p = k;
            double max = Math.abs(work[lu + k * n + k]);
            for (int i = k + 1; i < n; i++) {
                double v = Math.abs(work[lu + i * n + k]);
                if (v > max) {
                    max = v;
                    p = i;
                }
            }
            if (!(max > 0) || max == Double.POSITIVE_INFINITY) {
                return;
            }
            work[piv + k] = p;
            if (p != k) {
                for (int j = 0; j < n; j++) {
                    double t = work[lu + k * n + j];
                    work[lu + k * n + j] = work[lu + p * n + j];
                    work[lu + p * n + j] = t;
                }
            }
            double pivot = work[lu + k * n + k];
            for (int i = k + 1; i < n; i++) {
                double f = work[lu + i * n + k] / pivot;
                work[lu + i * n + k] = f;
                for (int j = k + 1; j < n; j++) {
                    work[lu + i * n + j] -= f * work[lu + k * n + j];
                }
            }
        }
        System.arraycopy(w, 0, work, x, n);
        for (int step = 0; step < 2; step++) {
            for (int k = 0; k < n; k++) {
                int p = (int) work[piv + k];
                if (p != k) {
                    double t = work[x + k];
                    work[x + k] = work[x + p];
                    work[x + p] = t;
                }
            }
            for (int i = 1; i < n; i++) {
                double s = work[x + i];
                for (int j = 0; j < i; j++) {
                    s -= work[lu + i * n + j] * work[x + j];
                }
                work[x + i] = s;
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = work[x + i];
                for (int j = i + 1; j < n; j++) {
                    s -= work[lu + i * n + j] * work[x + j];
                }
                work[x + i] = s / work[lu + i * n + i];
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += work[x + i];
            }
            for (int i = 0; i < n; i++) {
                work[x + i] /= sum;
            }
        }
        System.arraycopy(work, x, w, 0, n);
    }
}
