package org.powercx.satisfaction;

/**
 * Covariance or correlation matrix of indicators for a weighted (bootstrap count) sample, two-pass, on primitive
 * arrays and caller-supplied buffers so that resampling allocates nothing.
 *
 * <p>Each column is first multiplied by a power of two \( 2^{-e_k} \) that brings its largest absolute value into
 * \( [1, 2) \). Multiplying by a power of two is exact, so for ordinary answers the moments are bit-for-bit those
 * of the unscaled computation, while answers of magnitude \( 10^{\pm 300} \), whose squares would over- or
 * underflow, still give their correlation matrix. A column is constant exactly when its smallest and largest
 * counted values are equal (a rounded mean cannot make it look variable).
 */
final class Moments {
    /** Smallest variance accepted by unscaled (covariance) estimation. */
    static final double MIN_COVARIANCE_VARIANCE = 1e-200;
    /** Largest variance accepted by unscaled (covariance) estimation. */
    static final double MAX_COVARIANCE_VARIANCE = 1e200;

    private Moments() {
    }

    /** Status code of {@link #compute}: a column whose variance the covariance matrix cannot hold is {@code k}. */
    static int unrepresentable(int code) {
        return -2 - code;
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
     * @return -1 on success; the offending column {@code k >= 0} if it is constant over the counted rows; or
     *     {@code -2 - k} when, for the covariance matrix, the variance of column k lies outside
     *     [{@link #MIN_COVARIANCE_VARIANCE}, {@link #MAX_COVARIANCE_VARIANCE}] or, for the correlation matrix, its
     *     standard deviation is below {@link Double#MIN_NORMAL} (subnormal answers); a standard deviation, at most
     *     half the range of finite values, never overflows
     */
    static int compute(double[] x, int n, int p, int[] count, boolean standardise, double[] s, double[] mean,
            double[] sd, double[] centred, double[] weight) {
        // sd holds the column minima and mean the maxima during the first pass
        java.util.Arrays.fill(sd, 0, p, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(mean, 0, p, Double.NEGATIVE_INFINITY);
        double total = 0;
        for (int i = 0; i < n; i++) {
            int c = count == null ? 1 : count[i];
            if (c == 0) {
                continue;
            }
            total += c;
            int off = i * p;
            for (int k = 0; k < p; k++) {
                double v = x[off + k];
                sd[k] = Math.min(sd[k], v);
                mean[k] = Math.max(mean[k], v);
            }
        }
        // s is free until the products are accumulated: its first p entries hold the column scale factors
        double[] scale = s;
        for (int k = 0; k < p; k++) {
            if (!(sd[k] < mean[k])) {
                return k;
            }
            double big = Math.max(Math.abs(sd[k]), Math.abs(mean[k]));
            scale[k] = big == 0 ? 1.0 : Math.scalb(1.0, -Math.getExponent(big));
            mean[k] = 0;
        }
        for (int i = 0; i < n; i++) {
            int c = count == null ? 1 : count[i];
            if (c == 0) {
                continue;
            }
            int off = i * p;
            for (int k = 0; k < p; k++) {
                mean[k] += c * (x[off + k] * scale[k]);
            }
        }
        for (int k = 0; k < p; k++) {
            mean[k] /= total;
        }
        int rows = 0;
        for (int i = 0; i < n; i++) {
            int c = count == null ? 1 : count[i];
            if (c == 0) {
                continue;
            }
            int off = i * p;
            int dst = rows * p;
            for (int k = 0; k < p; k++) {
                centred[dst + k] = x[off + k] * scale[k] - mean[k];
            }
            rows++;
        }
        for (int k = 0; k < p; k++) {
            // sd temporarily holds the inverse scale 2^{e_k}, mean goes back to the data scale
            sd[k] = 1 / scale[k];
            mean[k] *= sd[k];
        }
        rows = 0;
        for (int i = 0; i < n; i++) {
            int c = count == null ? 1 : count[i];
            if (c != 0) {
                weight[rows++] = c;
            }
        }
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
        for (int k = 0; k < p * p; k++) {
            s[k] /= total;
        }
        for (int k = 0; k < p; k++) {
            double v = s[k * p + k];
            if (!(v > 0) || !Double.isFinite(v)) {
                return k;
            }
        }
        if (standardise) {
            for (int k = 0; k < p; k++) {
                double sdk = Math.sqrt(s[k * p + k]);
                for (int l = 0; l < k; l++) {
                    double v = s[k * p + l] / (sdk * Math.sqrt(s[l * p + l]));
                    s[k * p + l] = v;
                    s[l * p + k] = v;
                }
            }
            for (int k = 0; k < p; k++) {
                double inv = sd[k];
                sd[k] = Math.sqrt(s[k * p + k]) * inv;
                s[k * p + k] = 1.0;
                if (!(sd[k] >= Double.MIN_NORMAL)) {
                    return unrepresentable(k);
                }
            }
        } else {
            for (int k = 0; k < p; k++) {
                double inv = sd[k];
                double v = s[k * p + k] * inv * inv;
                if (!(v >= MIN_COVARIANCE_VARIANCE && v <= MAX_COVARIANCE_VARIANCE)) {
                    return unrepresentable(k);
                }
            }
            for (int k = 0; k < p; k++) {
                for (int l = 0; l <= k; l++) {
                    double v = s[k * p + l] * sd[k] * sd[l];
                    s[k * p + l] = v;
                    s[l * p + k] = v;
                }
            }
            for (int k = 0; k < p; k++) {
                sd[k] = Math.sqrt(s[k * p + k]);
            }
        }
        return -1;
    }
}
