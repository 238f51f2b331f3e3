package org.powercx.credit;

import java.util.List;
import org.powercx.core.IndicatorTable;

/**
 * Binary logistic regression fitted by Newton's method (iteratively reweighted least squares), unpenalised or
 * with an L2 penalty, an immutable calculator that fits a {@link LogisticModel}.
 *
 * <p>For outcomes \( y_i \in \{0, 1\} \) (1 = defaulted), columns \( x_{ij} \) and the linear predictor
 * \( \eta_i = \beta_0 + \sum_j \beta_j x_{ij} \), \( \mu_i = 1/(1+e^{-\eta_i}) \), the fit minimises
 * \[ L(\beta) = \sum_i \bigl[\ln(1+e^{\eta_i}) - y_i \eta_i\bigr] + \tfrac{\lambda}{2} \sum_{j \ge 1} \beta_j^2 \]
 * (the intercept is not penalised). This is scikit-learn's {@code LogisticRegression} objective with
 * \( C = 1/\lambda \) ({@code penalty=None} for \( \lambda = 0 \)). Each iteration is one fused pass over the
 * data, in blocks of rows, accumulating the loss, the gradient \( g = X^T(\mu - y) + \lambda\beta \) and the
 * information matrix \( H = X^T W X + \lambda I \), \( W = \mathrm{diag}(\mu_i(1-\mu_i)) \); the Newton step
 * \( H^{-1} g \) is solved by Cholesky and halved while it does not decrease \( L \). From 65,536
 * rows the information matrix of each pass is estimated on every 16th row (scaled by \( n/m \)) while the loss
 * and gradient use every row: the fixed point, and so the fit, is unchanged, a pass costs little more than a
 * read of the data, and convergence becomes linear with a rate about the sampled matrix's relative error; a
 * step above a quarter of the previous one, or a singular sampled matrix, switches to the exact matrix. The fit
 * stops when the largest step component is at most {@code tolerance} \( \times (1 + \max_j |\beta_j|) \); a rise of the loss
 * below \( 10^{-11}(1 + L) \) counts as rounding and does not halve the step. Summation order is
 * fixed, so the result is bit-for-bit reproducible. See Thomas, Edelman and Crook 2002, Credit Scoring and its
 * Applications, SIAM, ch. 5 (doi:10.1137/1.9780898718317), and McCullagh and Nelder 1989, Generalized Linear
 * Models, ch. 4.
 *
 * @since 0.2.0
 */
public final class LogisticRegression {
    private static final LogisticRegression DEFAULT = new LogisticRegression(0, 1e-10, 100);
    private static final int BLOCK = 1024;
    private static final int MAX_HALVINGS = 40;
    private static final double ROUNDING = 1e-11;
    /** From this many rows the information matrix is estimated on a fixed subsample. */
    static final int MIN_SAMPLED_ROWS = 1 << 16;
    /** Every 16th row (a multiple of it starts each block) enters the sampled information matrix. */
    static final int SAMPLE_STRIDE = 16;
    /** A step larger than this share of the previous one means slow convergence. */
    private static final double SLOW = 0.25;

    private final double penalty;
    private final double tolerance;
    private final int maxIterations;

    private LogisticRegression(double penalty, double tolerance, int maxIterations) {
        this.penalty = penalty;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /**
     * Unpenalised, tolerance 1e-10, at most 100 iterations.
     *
     * @return the calculator
     */
    public static LogisticRegression withDefaults() {
        return DEFAULT;
    }

    /**
     * The L2 penalty \( \lambda \) (scikit-learn's \( 1/C \)).
     *
     * @param lambda finite and non-negative; 0 = unpenalised
     * @return a new calculator
     * @throws CreditException if lambda is negative, infinite or NaN
     */
    public LogisticRegression withPenalty(double lambda) {
        if (!(lambda >= 0 && lambda < Double.POSITIVE_INFINITY)) {
            throw new CreditException("penalty must be finite and non-negative, got %s", lambda);
        }
        return new LogisticRegression(lambda, tolerance, maxIterations);
    }

    /**
     * The relative step size at which the iteration stops.
     *
     * @param relativeStep in [1e-15, 1e-3]
     * @return a new calculator
     * @throws CreditException if outside that range
     */
    public LogisticRegression withTolerance(double relativeStep) {
        if (!(relativeStep >= 1e-15 && relativeStep <= 1e-3)) {
            throw new CreditException("tolerance must lie in [1e-15, 1e-3], got %s", relativeStep);
        }
        return new LogisticRegression(penalty, relativeStep, maxIterations);
    }

    /**
     * The iteration limit.
     *
     * @param count 1 to 10,000
     * @return a new calculator
     * @throws CreditException if outside that range
     */
    public LogisticRegression withMaxIterations(int count) {
        if (count < 1 || count > 10_000) {
            throw new CreditException("maximum iterations must lie in [1, 10000], got %d", count);
        }
        return new LogisticRegression(penalty, tolerance, count);
    }

    /**
     * Returns the L2 penalty.
     *
     * @return the L2 penalty
     */
    public double penalty() {
        return penalty;
    }

    /**
     * Fits on a table's indicators.
     *
     * @param table customers, not modified
     * @param outcomes 1 = defaulted, 0 = good, one per row; not modified
     * @return the model
     * @throws CreditException as {@link #fit(List, double[][], int[])}
     */
    public LogisticModel fit(IndicatorTable table, int[] outcomes) {
        if (table == null) {
            throw new CreditException("table is null");
        }
        double[][] cols = new double[table.indicatorCount()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = table.column(j);
        }
        return fit(table.indicatorNames(), cols, outcomes);
    }

    /**
     * Fits on columns.
     *
     * @param names one name per column, not null
     * @param columns equal-length finite columns, not modified
     * @param outcomes 1 = defaulted, 0 = good, one per row, both present; not modified
     * @return the model
     * @throws CreditException if a value is not finite (naming column and row), sizes differ, an outcome is not
     *     0/1, the information matrix is singular (collinear columns, naming one), or the iteration does not
     *     converge (for example when the outcomes are separated and there is no penalty)
     */
    public LogisticModel fit(List<String> names, double[][] columns, int[] outcomes) {
        if (names == null || columns == null || names.size() != columns.length) {
            throw new CreditException("%s names for %s columns", names == null ? "no" : String.valueOf(names.size()),
                columns == null ? "no" : String.valueOf(columns.length));
        }
        int p = columns.length;
        if (outcomes == null) {
            throw new CreditException("outcomes are null");
        }
        Checks.scoresAndOutcomes(new double[outcomes.length], outcomes, true);
        int n = outcomes.length;
        for (int j = 0; j < p; j++) {
            double[] c = columns[j];
            if (c == null || c.length != n) {
                throw new CreditException("column '%s' has %s values for %d outcomes", names.get(j),
                    c == null ? "no" : String.valueOf(c.length), n);
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(c[i])) {
                    throw new CreditException("column '%s' row %d is not finite: %s", names.get(j), i, c[i]);
                }
            }
        }
        int q = p + 1;
        double[] beta = new double[q];
        double[] grad = new double[q];
        double[] info = new double[q * q];
        // large data: the information matrix from every SAMPLE_STRIDE-th row (the gradient always from all rows)
        int stride = n >= MIN_SAMPLED_ROWS ? SAMPLE_STRIDE : 1;
        double loss = pass(columns, outcomes, beta, grad, info, stride);
        int iterations = 0;
        int passes = 1;
        double[] step = new double[q];
        double[] trial = new double[q];
        double[] g2 = new double[q];
        double[] h2 = new double[q * q];
        double previousSize = Double.POSITIVE_INFINITY;
        while (true) {
            if (iterations == maxIterations) {
                throw new CreditException("logistic regression did not converge in %d iterations (penalty %s); the "
                    + "outcomes may be separated by the indicators: add a penalty", maxIterations, penalty);
            }
            iterations++;
            System.arraycopy(grad, 0, step, 0, q);
            try {
                solve(info, step, q, names);
            } catch (CreditException e) {
                if (stride > 1) {
                    stride = 1;
                    iterations--;
                    loss = pass(columns, outcomes, beta, grad, info, 1);
                    passes++;
                    continue;
                }
                if (iterations == 1) {
                    throw e;
                }
                throw new CreditException("logistic regression: the information matrix became singular after %d "
                    + "iterations (penalty %s); the outcomes may be separated by the indicators: add a penalty",
                    iterations - 1, penalty);
            }
            double big = 0;
            double size = 0;
            for (int j = 0; j < q; j++) {
                big = Math.max(big, Math.abs(beta[j]));
                size = Math.max(size, Math.abs(step[j]));
            }
            if (stride > 1 && iterations > 2 && size > SLOW * previousSize) {
                // the sampled matrix converges too slowly here: exact Newton from now on
                stride = 1;
            }
            previousSize = size;
            double t = 1;
            double trialLoss = 0;
            int halvings = 0;
            while (true) {
                for (int j = 0; j < q; j++) {
                    trial[j] = beta[j] - t * step[j];
                }
                trialLoss = pass(columns, outcomes, trial, g2, h2, stride);
                passes++;
                // a rise within rounding of the loss is no rise: near the optimum the loss is flat to ~n ulp
                if (trialLoss - loss <= ROUNDING * (1 + Math.abs(loss)) || halvings == MAX_HALVINGS
                    || t * size <= tolerance * (1 + big)) {
                    break;
                }
                t *= 0.5;
                halvings++;
            }
            System.arraycopy(trial, 0, beta, 0, q);
            System.arraycopy(g2, 0, grad, 0, q);
            System.arraycopy(h2, 0, info, 0, q * q);
            loss = trialLoss;
            if (t * size <= tolerance * (1 + big)) {
                break;
            }
        }
        double[] coefficients = new double[p];
        System.arraycopy(beta, 1, coefficients, 0, p);
        return new LogisticModel(names, beta[0], coefficients, penalty, iterations, passes);
    }

    /**
     * One fused pass: loss at beta, gradient and information matrix (full, row-major q x q); the matrix from
     * the rows whose index is a multiple of {@code stride}, scaled by rows / sampled rows.
     *
     * @return the penalised loss
     */
    double pass(double[][] x, int[] y, double[] beta, double[] grad, double[] info, int stride) {
        int p = x.length;
        int q = p + 1;
        int n = y.length;
        java.util.Arrays.fill(grad, 0);
        java.util.Arrays.fill(info, 0);
        double[] eta = new double[BLOCK];
        double[] w = new double[BLOCK];
        double[] r = new double[BLOCK];
        double[] wx = new double[BLOCK];
        int per = BLOCK / stride;
        double[] ws = new double[per];
        double[][] xs = stride == 1 ? x : new double[p][per];
        long sampled = 0;
        double loss = 0;
        for (int r0 = 0; r0 < n; r0 += BLOCK) {
            int len = Math.min(BLOCK, n - r0);
            java.util.Arrays.fill(eta, 0, len, beta[0]);
            for (int j = 0; j < p; j++) {
                double b = beta[j + 1];
                double[] c = x[j];
                for (int i = 0; i < len; i++) {
                    eta[i] += b * c[r0 + i];
                }
            }
            double blockLoss = 0;
            double sr = 0;
            for (int i = 0; i < len; i++) {
                double e = eta[i];
                double z = Math.exp(-Math.abs(e));
                double mu = e >= 0 ? 1 / (1 + z) : z / (1 + z);
                blockLoss += Math.max(e, 0) + Math.log(1 + z) - y[r0 + i] * e;
                w[i] = mu * (1 - mu);
                r[i] = mu - y[r0 + i];
                sr += r[i];
            }
            loss += blockLoss;
            grad[0] += sr;
            for (int j = 0; j < p; j++) {
                grad[j + 1] += dot(r, x[j], r0, len);
            }
            // the rows of the information matrix: all of the block, or every stride-th gathered
            double[] wb = w;
            double[][] xb = x;
            int off = r0;
            int m = len;
            if (stride > 1) {
                m = 0;
                for (int i = 0; i < len; i += stride) {
                    ws[m++] = w[i];
                }
                for (int j = 0; j < p; j++) {
                    double[] c = x[j];
                    double[] d = xs[j];
                    for (int i = 0, t = 0; i < len; i += stride, t++) {
                        d[t] = c[r0 + i];
                    }
                }
                wb = ws;
                xb = xs;
                off = 0;
            }
            sampled += m;
            double sw = 0;
            for (int i = 0; i < m; i++) {
                sw += wb[i];
            }
            info[0] += sw;
            for (int j = 0; j < p; j++) {
                double[] c = xb[j];
                double hj = 0;
                for (int i = 0; i < m; i++) {
                    wx[i] = wb[i] * c[off + i];
                    hj += wx[i];
                }
                info[j + 1] += hj;
                for (int k = j; k < p; k++) {
                    info[(j + 1) * q + k + 1] += dot(wx, xb[k], off, m);
                }
            }
        }
        if (stride > 1) {
            double scale = (double) n / sampled;
            for (int j = 0; j < q * q; j++) {
                info[j] *= scale;
            }
        }
        for (int j = 0; j < q; j++) {
            for (int k = 0; k < j; k++) {
                info[j * q + k] = info[k * q + j];
            }
        }
        if (penalty > 0) {
            for (int j = 1; j < q; j++) {
                loss += 0.5 * penalty * beta[j] * beta[j];
                grad[j] += penalty * beta[j];
                info[j * q + j] += penalty;
            }
        }
        return loss;
    }

    /** Four-accumulator dot product of a[0..len) with b[off..off+len). */
    private static double dot(double[] a, double[] b, int off, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            s0 += a[i] * b[off + i];
            s1 += a[i + 1] * b[off + i + 1];
            s2 += a[i + 2] * b[off + i + 2];
            s3 += a[i + 3] * b[off + i + 3];
        }
        for (; i < len; i++) {
            s0 += a[i] * b[off + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Solves H s = rhs in place by Cholesky (H is copied); names the first column that is collinear. */
    private static void solve(double[] h, double[] rhs, int q, List<String> names) {
        double[] l = h.clone();
        for (int j = 0; j < q; j++) {
            double d = l[j * q + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * q + k] * l[j * q + k];
            }
            if (!(d > 1e-12 * h[j * q + j]) || !(d > 0)) {
                throw new CreditException("%s is collinear with the %s: the information matrix is singular",
                    j == 0 ? "the intercept" : "indicator '" + names.get(j - 1) + "'",
                    j <= 1 ? "constant" : "indicators before it");
            }
            d = Math.sqrt(d);
            l[j * q + j] = d;
            for (int i = j + 1; i < q; i++) {
                double s = l[i * q + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * q + k] * l[j * q + k];
                }
                l[i * q + j] = s / d;
            }
        }
        for (int i = 0; i < q; i++) {
            double s = rhs[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * q + k] * rhs[k];
            }
            rhs[i] = s / l[i * q + i];
        }
        for (int i = q - 1; i >= 0; i--) {
            double s = rhs[i];
            for (int k = i + 1; k < q; k++) {
                s -= l[k * q + i] * rhs[k];
            }
            rhs[i] = s / l[i * q + i];
        }
    }
}
