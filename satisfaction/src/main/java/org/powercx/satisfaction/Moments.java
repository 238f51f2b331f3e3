package org.powercx.satisfaction;

/**
 * Covariance or correlation matrix of indicators for a weighted (bootstrap count) sample, two-pass, on primitive
 * arrays and caller-supplied buffers so that resampling allocates nothing.
 */
final class Moments {
    private Moments() {
    }

    /**
     * Computes the moments of the rows of {@code x} repeated {@code count[i]} times.
     *
     * @param x row-major data, {@code x[i * p + k]}; not modified
     * @param n number of rows
     * @param p number of columns
     * @param count multiplicity of each row, or null for all ones; not modified
     * @param standardise true for the correlation matrix, false for the covariance matrix (divisor = total count)
     * @param s output, {@code p * p}, full symmetric matrix; modified
     * @param mean output means, length p; modified
     * @param sd output population standard deviations, length p; modified
     * @param centred buffer of length {@code n * p}; modified
     * @param weight buffer of length {@code n}; modified
     * @return the offending column if a column has zero variance (or is not finite), else -1
     */
    static int compute(double[] x, int n, int p, int[] count, boolean standardise, double[] s, double[] mean,
            double[] sd, double[] centred, double[] weight) {
        double total = 0;
        java.util.Arrays.fill(mean, 0, p, 0.0);
        for (int i = 0; i < n; i++) {
            int c = count == null ? 1 : count[i];
            if (c == 0) {
                continue;
            }
            total += c;
            int off = i * p;
            for (int k = 0; k < p; k++) {
                mean[k] += c * x[off + k];
            }
        }
        for (int k = 0; k < p; k++) {
            mean[k] /= total;
        }
        java.util.Arrays.fill(s, 0, p * p, 0.0);
        int rows = 0;
        for (int i = 0; i < n; i++) {
            int c = count == null ? 1 : count[i];
            if (c == 0) {
                continue;
            }
            int off = i * p;
            int dst = rows * p;
            for (int k = 0; k < p; k++) {
                centred[dst + k] = x[off + k] - mean[k];
            }
            weight[rows] = c;
            rows++;
        }
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
        for (int k = 0; k < p * p; k++) {
            s[k] /= total;
        }
        for (int k = 0; k < p; k++) {
            double v = s[k * p + k];
            if (!(v > 0) || !Double.isFinite(v)) {
                return k;
            }
            sd[k] = Math.sqrt(v);
        }
        if (standardise) {
            for (int k = 0; k < p; k++) {
                for (int l = 0; l < k; l++) {
                    double v = s[k * p + l] / (sd[k] * sd[l]);
                    s[k * p + l] = v;
                    s[l * p + k] = v;
                }
                s[k * p + k] = 1.0;
            }
        } else {
            for (int k = 0; k < p; k++) {
                for (int l = 0; l < k; l++) {
                    s[l * p + k] = s[k * p + l];
                }
            }
        }
        return -1;
    }
}
