package org.powercx.ahp;

/** Priority-vector kernels on row-major primitive matrices; no allocation except where noted. */
final class Priorities {
    /** Convergence tolerance of the power iteration (largest change of a weight). */
    static final double EIGEN_TOLERANCE = 1e-12;
    private static final int MAX_ITERATIONS = 100_000;

    private Priorities() {
    }

    /**
     * Computes the priorities with the given method.
     *
     * @param method the method
     * @param a row-major n x n matrix; not modified
     * @param n order
     * @param w output, length at least n; modified
     * @param tmp scratch, length at least n; modified
     * @return lambda max (exact for the eigenvector, the estimate mean((Aw)_i / w_i) otherwise)
     */
    static double compute(PriorityMethod method, double[] a, int n, double[] w, double[] tmp) {
        switch (method) {
            case GEOMETRIC_MEAN:
                geometricMean(a, n, w);
                return lambdaEstimate(a, n, w);
            case COLUMN_MEAN:
                columnMean(a, n, w);
                return lambdaEstimate(a, n, w);
            default:
                return eigen(a, n, w, tmp);
        }
    }

    /** Perron eigenvector by power iteration, started from the normalised row sums; returns lambda max. */
    static double eigen(double[] a, int n, double[] w, double[] tmp) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i * n + j];
            }
            w[i] = s;
            total += s;
        }
        for (int i = 0; i < n; i++) {
            w[i] /= total;
        }
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double lambda = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    s += a[row + j] * w[j];
                }
                tmp[i] = s;
                lambda += s;
            }
            double change = 0;
            for (int i = 0; i < n; i++) {
                double v = tmp[i] / lambda;
                change = Math.max(change, Math.abs(v - w[i]));
                w[i] = v;
            }
            if (change <= EIGEN_TOLERANCE) {
                return lambda;
            }
        }
        throw new AhpException("the principal eigenvector did not converge within %d power iterations",
            MAX_ITERATIONS);
    }

    /** Row geometric mean normalised to sum 1. */
    static void geometricMean(double[] a, int n, double[] w) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += Math.log(a[i * n + j]);
            }
            w[i] = Math.exp(s / n);
            total += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= total;
        }
    }

    /** Mean of the column-normalised matrix's rows. */
    static void columnMean(double[] a, int n, double[] w) {
        java.util.Arrays.fill(w, 0, n, 0.0);
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += a[i * n + j];
            }
            for (int i = 0; i < n; i++) {
                w[i] += a[i * n + j] / s / n;
            }
        }
    }

    /** The estimate mean_i((Aw)_i / w_i) of lambda max. */
    static double lambdaEstimate(double[] a, int n, double[] w) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i * n + j] * w[j];
            }
            sum += s / w[i];
        }
        return sum / n;
    }

    /** Geometric consistency index 2/((n-1)(n-2)) sum_{i<j} ln^2(a_ij w_j / w_i); 0 for n <= 2. */
    static double gci(double[] a, int n, double[] w) {
        if (n <= 2) {
            return 0;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double e = Math.log(a[i * n + j] * w[j] / w[i]);
                s += e * e;
            }
        }
        return 2 * s / ((n - 1.0) * (n - 2.0));
    }

    /** Consistency index (lambda - n)/(n - 1), clamped at 0; 0 for n <= 2. */
    static double ci(double lambda, int n) {
        return n <= 2 ? 0 : Math.max(0, (lambda - n) / (n - 1));
    }
}
