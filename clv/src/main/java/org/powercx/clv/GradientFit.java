package org.powercx.clv;

/**
 * Maximises a smooth log-likelihood with its analytic gradient over the logarithms of positive parameters: BFGS
 * (Nocedal and Wright 2006, algorithm 6.1) with a backtracking Armijo line search and steps of at most 2 in each
 * log-parameter. It reports failure (null) instead of throwing, so that the caller can fall back to the
 * derivative-free {@link LogParameterFit}, which owns the error messages: a point where the value is not finite,
 * a line search that cannot improve while the gradient is still large, too many iterations, or an optimum within
 * {@link LogParameterFit#BOUND_MARGIN} of the search bound.
 */
final class GradientFit {
    /** Most BFGS iterations. */
    static final int MAX_ITERATIONS = 200;
    /** Converged when every log-parameter gradient, per unit of weight, is below this. */
    static final double TOLERANCE = 1e-9;
    private static final double ARMIJO = 1e-4;
    private static final double MAX_STEP = 2;

    private GradientFit() {
    }

    /** A log-likelihood and its gradient with respect to the parameters (not their logarithms). */
    interface Objective {
        /**
         * Evaluates at {@code p}.
         *
         * @param p the parameters
         * @param gradient filled with the partial derivatives
         * @return the log-likelihood
         */
        double value(double[] p, double[] gradient);
    }

    /**
     * The maximum, or null if BFGS did not converge cleanly.
     *
     * @param start positive starting parameters
     * @param scale a positive divisor (the number of customers) that puts the tolerance per customer
     * @param f the objective
     * @return the optimum, or null
     */
    static LogParameterFit.Optimum maximise(double[] start, double scale, Objective f) {
        int n = start.length;
        double[] theta = new double[n];
        for (int i = 0; i < n; i++) {
            theta[i] = Math.log(start[i]);
        }
        double[] g = new double[n];
        double[] p = new double[n];
        int[] evaluations = {0};
        double value = evaluate(f, theta, p, g, scale, evaluations);
        if (!Double.isFinite(value)) {
            return null;
        }
        double[][] h = identity(n);
        double[] d = new double[n];
        double[] next = new double[n];
        double[] gNext = new double[n];
        double[] s = new double[n];
        double[] y = new double[n];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            if (maxAbs(g) < TOLERANCE) {
                return optimum(theta, p, value * scale, evaluations[0]);
            }
            // ascent direction d = H g; reset to the gradient if H has lost positive definiteness
            double slope = 0;
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += h[i][j] * g[j];
                }
                d[i] = sum;
                slope += sum * g[i];
            }
            if (!(slope > 0)) {
                h = identity(n);
                System.arraycopy(g, 0, d, 0, n);
                slope = dot(g, g);
            }
            double step = Math.min(1, MAX_STEP / maxAbs(d));
            double nextValue = Double.NaN;
            boolean improved = false;
            for (int k = 0; k < 60; k++) {
                for (int i = 0; i < n; i++) {
                    next[i] = theta[i] + step * d[i];
                }
                nextValue = evaluate(f, next, p, gNext, scale, evaluations);
                if (Double.isFinite(nextValue) && nextValue >= value + ARMIJO * step * slope) {
                    improved = true;
                    break;
                }
                step /= 2;
            }
            if (!improved) {
                // no progress possible at double precision: accept only a point that is nearly stationary
                if (maxAbs(g) < 1e3 * TOLERANCE) {
                    evaluate(f, theta, p, g, scale, evaluations);
                    return optimum(theta, p, value * scale, evaluations[0]);
                }
                return null;
            }
            for (int i = 0; i < n; i++) {
                s[i] = next[i] - theta[i];
                y[i] = g[i] - gNext[i]; // the gradient of the function minimised, -value
            }
            double sy = dot(s, y);
            if (sy > 1e-300) {
                update(h, s, y, sy);
            }
            System.arraycopy(next, 0, theta, 0, n);
            System.arraycopy(gNext, 0, g, 0, n);
            value = nextValue;
        }
        return null;
    }

    /** Value per unit of scale at log-parameters theta; fills the gradient in log-parameters, per unit of scale. */
    private static double evaluate(Objective f, double[] theta, double[] p, double[] g, double scale,
            int[] evaluations) {
        for (int i = 0; i < theta.length; i++) {
            if (!(Math.abs(theta[i]) <= LogParameterFit.LOG_BOUND)) {
                return Double.NaN;
            }
            p[i] = Math.exp(theta[i]);
        }
        evaluations[0]++;
        double v = f.value(p, g);
        for (int i = 0; i < theta.length; i++) {
            g[i] = g[i] * p[i] / scale;
            if (!Double.isFinite(g[i])) {
                return Double.NaN;
            }
        }
        return v / scale;
    }

    private static LogParameterFit.Optimum optimum(double[] theta, double[] p, double value, int evaluations) {
        for (double t : theta) {
            if (Math.abs(t) >= LogParameterFit.LOG_BOUND - LogParameterFit.BOUND_MARGIN) {
                return null;
            }
        }
        double[] best = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            best[i] = Math.exp(theta[i]);
        }
        return new LogParameterFit.Optimum(best, value, evaluations);
    }

    /** BFGS update of the inverse Hessian approximation of the minimised function. */
    private static void update(double[][] h, double[] s, double[] y, double sy) {
        int n = s.length;
        double[] hy = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += h[i][j] * y[j];
            }
            hy[i] = sum;
        }
        double yhy = dot(y, hy);
        double c = (sy + yhy) / (sy * sy);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] += c * s[i] * s[j] - (hy[i] * s[j] + s[i] * hy[j]) / sy;
            }
        }
    }

    private static double[][] identity(int n) {
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = 1;
        }
        return h;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
