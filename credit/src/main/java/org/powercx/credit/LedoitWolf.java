package org.powercx.credit;

/**
 * Ledoit-Wolf shrinkage intensity of the within-class correlation matrix (package-private kernel).
 *
 * <p>With standardised within-class residuals \( z_i \) (\( z_{ij} = (x_{ij} - \mu_{k(i)j})/\sigma_j \),
 * \( \sigma_j^2 = S_{w,jj}/n \)), their second-moment matrix is the within-class correlation matrix \( R \),
 * \( m = \operatorname{tr}R/p = 1 \), \( d^2 = \lVert R - I \rVert^2 \),
 * \( \bar b^2 = n^{-2} \sum_i \lVert z_i z_i^T - R \rVert^2 \), and the intensity is
 * \( \min(\bar b^2, d^2)/d^2 \) (Ledoit and Wolf 2004, Lemma 3.3 and Theorem 3.4; the same algebra as
 * scikit-learn's {@code ledoit_wolf_shrinkage}). Indicators constant within every class (kept only under
 * {@link Collinearity#DROP}) are left out: p counts the others.
 *
 * <p>{@link #classIntensities} gives one intensity per class on the class's own standardised data, as
 * scikit-learn's {@code _cov(X, 'auto')}: with \( E \) the class's correlation matrix (zero rows for a constant
 * indicator), \( \mu = \operatorname{tr}E/p \), \( \delta = (\lVert E\rVert^2 - 2\mu\operatorname{tr}E +
 * p\mu^2)/p \), \( \beta = (n^{-1}\sum_i \lVert z_i\rVert^4 - \lVert E\rVert^2)/(pn) \), the intensity is
 * \( \min(\beta, \delta)/\delta \) (0 when that minimum is 0, or for one indicator).
 */
final class LedoitWolf {
    private static final int BLOCK = 256;

    private LedoitWolf() {
    }

    static double intensity(double[][] cols, int n, int[] labels, int[] lookup, int min, double[] shift,
            double[][] centred, double[][] corr, double[] sd, double dof) {
        int p = cols.length;
        double[] inv = new double[p];
        int varying = 0;
        for (int j = 0; j < p; j++) {
            // an indicator constant within every class (sd 0, Collinearity.DROP) is left out of the estimate
            if (sd[j] > 0) {
                inv[j] = 1.0 / (sd[j] * Math.sqrt(dof / n));
                varying++;
            }
        }
        double[] q = new double[BLOCK];
        int[] cls = new int[BLOCK];
        double sumSq = 0;
        for (int start = 0; start < n; start += BLOCK) {
            int len = Math.min(BLOCK, n - start);
            java.util.Arrays.fill(q, 0, len, 0.0);
            for (int t = 0; t < len; t++) {
                cls[t] = lookup[labels[start + t] - min];
            }
            for (int j = 0; j < p; j++) {
                double[] col = cols[j];
                double s = inv[j];
                double sh = shift[j];
                for (int t = 0; t < len; t++) {
                    double z = (col[start + t] - sh - centred[cls[t]][j]) * s;
                    q[t] += z * z;
                }
            }
            for (int t = 0; t < len; t++) {
                sumSq += q[t] * q[t];
            }
        }
        double deltaRaw = 0;
        for (int j = 0; j < p; j++) {
            for (int l = 0; l < p; l++) {
                if (inv[j] > 0 && inv[l] > 0) {
                    deltaRaw += corr[j][l] * corr[j][l];
                }
            }
        }
        double beta = (sumSq / n - deltaRaw) / ((double) varying * n);
        double delta = (deltaRaw - varying) / varying;
        if (!(delta > 0)) {
            return 0;
        }
        return Math.max(0, Math.min(beta, delta)) / delta;
    }

    /**
     * Ledoit-Wolf intensities per class.
     *
     * @param cols the data
     * @param n rows
     * @param labels labels
     * @param lookup class index of label {@code min + v} at {@code v}
     * @param min smallest label
     * @param shift the reference of the centred means
     * @param centred class means minus the shift
     * @param scale per class, the standard deviation of each indicator (1 where it is constant)
     * @param corr per class, the covariance divided by the scales
     * @param counts class sizes
     * @return one intensity per class
     */
    static double[] classIntensities(double[][] cols, int n, int[] labels, int[] lookup, int min, double[] shift,
            double[][] centred, double[][] scale, double[][][] corr, long[] counts) {
        int p = cols.length;
        int k = counts.length;
        double[][] inv = new double[k][p];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < p; j++) {
                inv[c][j] = 1.0 / scale[c][j];
            }
        }
        double[] q = new double[BLOCK];
        int[] cls = new int[BLOCK];
        double[] sumSq = new double[k];
        for (int start = 0; start < n; start += BLOCK) {
            int len = Math.min(BLOCK, n - start);
            java.util.Arrays.fill(q, 0, len, 0.0);
            for (int t = 0; t < len; t++) {
                cls[t] = lookup[labels[start + t] - min];
            }
            for (int j = 0; j < p; j++) {
                double[] col = cols[j];
                double sh = shift[j];
                for (int t = 0; t < len; t++) {
                    int c = cls[t];
                    double z = (col[start + t] - sh - centred[c][j]) * inv[c][j];
                    q[t] += z * z;
                }
            }
            for (int t = 0; t < len; t++) {
                sumSq[cls[t]] += q[t] * q[t];
            }
        }
        double[] out = new double[k];
        for (int c = 0; c < k; c++) {
            if (p == 1) {
                continue;
            }
            double trace = 0;
            double frob = 0;
            for (int j = 0; j < p; j++) {
                trace += corr[c][j][j];
                for (int l = 0; l < p; l++) {
                    frob += corr[c][j][l] * corr[c][j][l];
                }
            }
            double nc = counts[c];
            double mu = trace / p;
            double beta = (sumSq[c] / nc - frob) / (p * nc);
            double delta = (frob - 2 * mu * trace + p * mu * mu) / p;
            beta = Math.min(beta, delta);
            out[c] = beta == 0 ? 0 : beta / delta;
        }
        return out;
    }
}
