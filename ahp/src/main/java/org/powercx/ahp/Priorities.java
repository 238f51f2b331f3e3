package org.powercx.ahp;

/**
 * Priority-vector kernels on row-major primitive matrices; no allocation except where noted. The power iteration
 * and the LU factorisation of its shifted inverse iteration are hand-written rather than EJML's: at the orders AHP
 * uses (n up to 15) they measured faster than EJML's eigenvalue decomposition and LU solver in the same JMH run
 * ({@code EigenKernelBenchmark}; figures in the performance notes).
 */
final class Priorities {
    /**
     * Convergence tolerance of the power iteration: the largest change of a weight relative to the weight, so
     * that small weights (and the ratios of weights that complete an incomplete matrix) are as accurate as
     * large ones.
     */
    static final double EIGEN_TOLERANCE = 1e-12;
    /** Power steps before giving up (a shifted inverse iteration runs every 8 steps). */
    static final int MAX_ITERATIONS = 10_000;
    /** What {@link #eigen} returns when the power iteration does not converge. */
    static final double NOT_CONVERGED = Double.NEGATIVE_INFINITY;

    private Priorities() {
    }

    /**
     * Computes the priorities with the given method.
     *
     * @param method the method
     * @param a row-major n x n matrix; not modified
     * @param n order
     * @param w output, length at least n; modified
     * @param tmp work array from {@link #workspace(int)}; modified
     * @return lambda max (exact for the eigenvector, the estimate mean((Aw)_i / w_i) otherwise), NaN if a
     *     weight or lambda max overflows or underflows the double range, or {@link #NOT_CONVERGED}
     */
    static double compute(PriorityMethod method, double[] a, int n, double[] w, double[] tmp) {
        double lambda;
        switch (method) {
            case GEOMETRIC_MEAN:
                geometricMean(a, n, w);
                lambda = lambdaEstimate(a, n, w);
                break;
            case COLUMN_MEAN:
                columnMean(a, n, w);
                lambda = lambdaEstimate(a, n, w);
                break;
            default:
                lambda = eigen(a, n, w, tmp);
                break;
        }
        if (!(lambda > 0 && lambda < Double.POSITIVE_INFINITY)) {
            return lambda == NOT_CONVERGED ? lambda : Double.NaN;
        }
        for (int i = 0; i < n; i++) {
            if (!(w[i] > 0 && w[i] < Double.POSITIVE_INFINITY)) {
                return Double.NaN;
            }
        }
        return lambda;
    }

    /**
     * A work array for {@link #eigen}.
     *
     * @param n the order
     * @return a new array of length n*n + 3n
     */
    static double[] workspace(int n) {
        return new double[n * n + 3 * n];
    }

    /**
     * Perron eigenvector, normalised to sum 1; returns lambda max.
     *
     * <p>Starts from the normalised row sums and runs a few power iterations; then, to save iterations on
     * matrices whose second eigenvalue is large, refines the vector by inverse iteration with the shift
     * \( \mu \) = the current eigenvalue estimate (one LU factorisation of \( A - \mu I \), partial pivoting),
     * again every 8 power steps with the improved estimate (very inconsistent matrices, whose second eigenvalue
     * is almost as large as the first, need several); power iteration runs until no weight changes by more
     * than the tolerance, so the result meets the same convergence test whatever the path.
     *
     * @param a row-major matrix; not modified
     * @param n order
     * @param w output; modified
     * @param work at least n*n + 3n long (see {@link #workspace}); modified
     * @return lambda max, NaN as soon as a weight underflows to 0 or a sum overflows (the judgments span
     *     more than the double range), or {@link #NOT_CONVERGED}
     */
    static double eigen(double[] a, int n, double[] w, double[] work) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i * n + j];
            }
            w[i] = s;
            total += s;
        }
        if (!(total < Double.POSITIVE_INFINITY)) {
            return Double.NaN;
        }
        for (int i = 0; i < n; i++) {
            w[i] /= total;
        }
        double lambda = 0;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            lambda = powerStep(a, n, w, work);
            if (Double.isNaN(lambda)) {
                return lambda;
            }
            if (lambda < 0) {
                return -lambda;
            }
            if (n >= 3 && it % 8 == 2) {
                inverseIteration(a, n, w, lambda, work);
            }
        }
        return NOT_CONVERGED;
    }

    /**
     * One power step w := Aw / sum(Aw); returns -lambda if converged (relative change), NaN if a weight
     * underflows to 0 or the sum overflows, else lambda.
     */
    private static double powerStep(double[] a, int n, double[] w, double[] tmp) {
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
        if (!(lambda < Double.POSITIVE_INFINITY)) {
            return Double.NaN;
        }
        double change = 0;
        double inv = 1 / lambda;
        for (int i = 0; i < n; i++) {
            double v = tmp[i] * inv;
            if (!(v > 0)) {
                return Double.NaN;
            }
            change = Math.max(change, Math.abs(v - w[i]) / v);
            w[i] = v;
        }
        return change <= EIGEN_TOLERANCE ? -lambda : lambda;
    }

    /**
     * Two steps of shifted inverse iteration; leaves w unchanged unless the result is a positive vector.
     * work layout: [0, n) scratch, [n, n + n*n) LU, [n + n*n, 2n + n*n) pivots, then a candidate vector.
     */
    private static void inverseIteration(double[] a, int n, double[] w, double mu, double[] work) {
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
        for (int i = 0; i < n; i++) {
            double v = work[x + i];
            if (!(v > 0) || v == Double.POSITIVE_INFINITY) {
                return;
            }
        }
        System.arraycopy(work, x, w, 0, n);
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
