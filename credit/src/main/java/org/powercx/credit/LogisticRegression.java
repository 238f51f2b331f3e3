package org.powercx.credit;

import java.util.List;
import org.powercx.core.IndicatorTable;
import org.powercx.core.internal.ParallelRanges;

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
 * \( H^{-1} g \) is solved by Cholesky and halved while it does not decrease \( L \).
 *
 * <p>Large data. From 65,536 rows the information matrix is estimated on every 16th row (scaled by \( n/m \))
 * while the loss and gradient use every row: the fixed point, and so the fit, is unchanged, and convergence
 * becomes linear with a rate about the sampled matrix's relative error (a few per cent). The iteration then
 * starts from the fit on a sample of the same share, \( m \) rows taken as runs of 64 adjacent rows, one run in
 * every 16 (runs rather than single rows, so that the sample reads a sixteenth of the memory; with the penalty
 * scaled by \( m/n \); from 32,768 rows that fit warm-starts the same way on its own rows), about one per cent
 * from the optimum, and keeps the sample's matrix at that start for every step: each remaining pass computes
 * only the loss and gradient (Newton with a frozen matrix, as in the chord method). Without a warm start (smaller data, or a sample with
 * one outcome or no fit) the matrix is recomputed each pass until a step is below
 * \( 10^{-3} (1 + \max_j |\beta_j|) \) and kept from then on. After each step a kept matrix takes the BFGS
 * update with the step \( s \) and the change \( y \) of the gradient,
 * \( H + y y^T/(y^T s) - H s s^T H/(s^T H s) \) when both denominators are positive (Nocedal and Wright 2006,
 * Numerical Optimization, 2nd ed., Springer, eq. 6.19), which corrects it along the directions the iteration
 * moves in and so speeds up the linear convergence. A step above a quarter of the previous one, or a singular
 * sampled or kept matrix, switches to exact Newton.
 * The loss needs no logarithm per row: \( \ln(1 + e^{-|\eta|}) \) is summed as the logarithms of products of
 * at most 512 factors in \( (1, 2] \).
 *
 * <p>Stopping. The fit stops when the largest step component is at most {@code tolerance}
 * \( \times (1 + \max_j |\beta_j|) \), or when the steps shrink geometrically (ratio \( \rho \) of the last
 * two below 1/4; with a kept matrix the larger of the last two such ratios) and the error left after this
 * step, estimated as \( \rho/(1-\rho) \) times it, is at most half that; the last step is taken without a pass to confirm it. A rise of the loss below
 * \( 10^{-11}(1 + L) \) counts as rounding and does not halve the step. The rows are summed in fixed chunks
 * added in chunk order (see {@link #withThreads(int)}): summation order is
 * fixed, so the result is bit-for-bit reproducible. See Thomas, Edelman and Crook 2002, Credit Scoring and its
 * Applications, SIAM, ch. 5 (doi:10.1137/1.9780898718317), and McCullagh and Nelder 1989, Generalized Linear
 * Models, ch. 4.
 *
 * @since 0.2.0
 */
public final class LogisticRegression {
    private static final LogisticRegression DEFAULT = new LogisticRegression(0, 1e-10, 100, 1);
    /** Rows per block (a multiple of PRODUCT and of SAMPLE_STRIDE). */
    private static final int BLOCK = 4096;
    /** Rows per pair of products of 1 + z: at most 512 factors of at most 2 each, so each stays finite. */
    private static final int PRODUCT = 1024;
    /** Rows per chunk (a multiple of BLOCK and of SAMPLE_STRIDE), the unit whose sums are merged in order. */
    private static final int CHUNK = 1 << 16;
    /** At most this many chunks; larger inputs get proportionally larger chunks. */
    private static final int MAX_CHUNKS = 512;
    /** Sampled rows per group of the information matrix. */
    private static final int GROUP = 128;
    /** A relative step below this keeps the information matrix for the remaining iterations. */
    private static final double KEEP = 1e-3;
    /** The relative step at which the warm-start fit on the sample stops (far below its distance to the fit). */
    private static final double WARM_TOLERANCE = 1e-5;
    /** The iteration limit of the warm-start fit; beyond it the full fit starts from zero. */
    private static final int WARM_ITERATIONS = 30;
    private static final int MAX_HALVINGS = 40;
    private static final double ROUNDING = 1e-11;
    /** From this many rows the information matrix is estimated on a fixed subsample. */
    static final int MIN_SAMPLED_ROWS = 1 << 16;
    /** From this many rows a warm-start fit on a sample warm-starts itself on a sample of its own rows. */
    static final int MIN_NESTED_ROWS = 1 << 15;
    /** Every 16th row (a multiple of it starts each block) enters the sampled information matrix. */
    static final int SAMPLE_STRIDE = 16;
    /** Adjacent rows per run of the warm-start sample (one run in every SAMPLE_STRIDE). */
    static final int RUN = 64;
    /** A step larger than this share of the previous one means slow convergence. */
    private static final double SLOW = 0.25;

    private final double penalty;
    private final double tolerance;
    private final int maxIterations;
    private final int threads;

    private LogisticRegression(double penalty, double tolerance, int maxIterations, int threads) {
        this.penalty = penalty;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.threads = threads;
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
        return new LogisticRegression(lambda, tolerance, maxIterations, threads);
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
        return new LogisticRegression(penalty, relativeStep, maxIterations, threads);
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
        return new LogisticRegression(penalty, tolerance, count, threads);
    }

    /**
     * Runs each pass over the data on several threads. The rows are summed in fixed chunks (65,536 rows, more
     * from 33,554,432 rows so that there are at most 512) whose sums are added in chunk order, so the fitted
     * model is bit-identical for any thread count; threads pay off from a few hundred thousand rows.
     *
     * @param count worker threads, 1 (the default) to
     *     {@value org.powercx.core.internal.ParallelRanges#MAX_THREADS}
     * @return a new calculator
     * @throws CreditException if the count is outside
     *     [1, {@value org.powercx.core.internal.ParallelRanges#MAX_THREADS}]
     * @since 0.2.0
     */
    public LogisticRegression withThreads(int count) {
        if (!ParallelRanges.isValidThreadCount(count)) {
            throw new CreditException("threads must lie in [1, %d], got %d", ParallelRanges.MAX_THREADS, count);
        }
        return new LogisticRegression(penalty, tolerance, maxIterations, count);
    }

    /**
     * Returns the number of threads a pass uses.
     *
     * @return at least 1
     * @since 0.2.0
     */
    public int threads() {
        return threads;
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
            // read in place: the fit never writes into its columns
            cols[j] = org.powercx.core.internal.TableColumns.view(table, j);
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
        Checks.outcomes(outcomes, true);
        int n = outcomes.length;
        for (int j = 0; j < p; j++) {
            double[] c = columns[j];
            if (c == null || c.length != n) {
                throw new CreditException("column '%s' has %s values for %d outcomes", names.get(j),
                    c == null ? "no" : String.valueOf(c.length), n);
            }
        }
        Newton fit = newton(names, columns, outcomes, penalty, tolerance, maxIterations, MIN_SAMPLED_ROWS);
        double[] coefficients = new double[p];
        System.arraycopy(fit.beta, 1, coefficients, 0, p);
        return new LogisticModel(names, fit.beta[0], coefficients, penalty, fit.iterations, fit.passes);
    }

    /**
     * Where an iteration ended: coefficients (intercept first), the counts and the information matrix (full,
     * row-major, penalty included) that gave the last step.
     */
    private record Newton(double[] beta, int iterations, int passes, double[] info) {
    }

    /**
     * The fit on validated data: from 65,536 rows, warm-started at the fit on one run of RUN adjacent rows in every
     * SAMPLE_STRIDE (with the penalty scaled by the sample's share, and its information matrix scaled up as the
     * sampled matrix), else from zero.
     */
    private Newton newton(List<String> names, double[][] x, int[] y, double lambda, double tol, int limit,
            int minSampled) {
        int n = y.length;
        if (n >= minSampled) {
            // runs of RUN adjacent rows, one every SAMPLE_STRIDE runs: a 1/SAMPLE_STRIDE share read run by run
            int period = RUN * SAMPLE_STRIDE;
            int m = (n / period) * RUN + Math.min(RUN, n % period);
            int[] ys = new int[m];
            int defaults = 0;
            for (int i0 = 0, t = 0; i0 < n; i0 += period) {
                for (int i = i0, end = Math.min(n, i0 + RUN); i < end; i++, t++) {
                    ys[t] = y[i];
                    defaults += y[i];
                }
            }
            if (defaults > 0 && defaults < m) {
                double[][] xs = new double[x.length][m];
                for (int j = 0; j < x.length; j++) {
                    double[] c = x[j];
                    double[] d = xs[j];
                    for (int i0 = 0, t = 0; i0 < n; i0 += period, t += RUN) {
                        System.arraycopy(c, i0, d, t, Math.min(RUN, n - i0));
                    }
                }
                Newton warm = null;
                try {
                    warm = newton(names, xs, ys, lambda * m / n, Math.max(tol, WARM_TOLERANCE),
                        Math.min(limit, WARM_ITERATIONS), MIN_NESTED_ROWS);
                } catch (CreditException e) {
                    // separated, singular or not finite on the sample: the full fit starts from zero and reports
                }
                if (warm != null) {
                    double[] info = warm.info;
                    if (info == null) {
                        // the sample's fit kept a matrix of its own sample: the sample's own matrix at its fit
                        info = new double[(x.length + 1) * (x.length + 1)];
                        pass(xs, ys, warm.beta, new double[x.length + 1], info, 1, lambda * m / n);
                    }
                    // (n/m)(X_s^T W X_s + lambda (m/n) I) is the sampled matrix of the whole data with its penalty
                    double scale = (double) n / m;
                    for (int k = 0; k < info.length; k++) {
                        info[k] *= scale;
                    }
                    Newton full = iterate(names, x, y, lambda, tol, limit, warm.beta, info);
                    if (full != null) {
                        return full;
                    }
                }
            }
        }
        return iterate(names, x, y, lambda, tol, limit, null, null);
    }

    /**
     * Newton iterations from zero ({@code start} null), or from a warm {@code start} with the information matrix
     * at the start kept throughout; null when such a start meets a loss that is not finite.
     */
    private Newton iterate(List<String> names, double[][] columns, int[] outcomes, double lambda, double tol,
            int limit, double[] start, double[] startInfo) {
        int n = outcomes.length;
        int q = columns.length + 1;
        double[] beta = start == null ? new double[q] : start.clone();
        double[] grad = new double[q];
        double[] info = start == null ? new double[q * q] : startInfo.clone();
        // large data: the information matrix from every SAMPLE_STRIDE-th row (the gradient always from all rows)
        int stride = n >= MIN_SAMPLED_ROWS ? SAMPLE_STRIDE : 1;
        // whether the matrix in use was computed from every row (at some iterate)
        boolean exact = start == null && stride == 1;
        double loss = pass(columns, outcomes, beta, grad, start == null ? info : null, stride, lambda);
        boolean refresh = start == null;
        if (!(Double.isFinite(loss) && Double.isFinite(grad[0]))) {
            // at beta = 0 every row's linear predictor is 0 * x: NaN exactly when some x is not finite
            requireFinite(names, columns);
            if (start != null) {
                return null;
            }
        }
        int iterations = 0;
        int passes = 1;
        double[] step = new double[q];
        double[] trial = new double[q];
        double[] g2 = new double[q];
        double[] h2 = new double[q * q];
        double previousSize = Double.POSITIVE_INFINITY;
        double previousRatio = 1;
        while (true) {
            if (iterations == limit) {
                throw new CreditException("logistic regression did not converge in %d iterations (penalty %s); the "
                    + "outcomes may be separated by the indicators: add a penalty", limit, lambda);
            }
            iterations++;
            System.arraycopy(grad, 0, step, 0, q);
            try {
                solve(info, step, q, names);
            } catch (CreditException e) {
                if (stride > 1 || !refresh) {
                    // a sampled or kept matrix may be singular where the exact current one is not
                    stride = 1;
                    refresh = true;
                    exact = true;
                    iterations--;
                    loss = pass(columns, outcomes, beta, grad, info, 1, lambda);
                    passes++;
                    continue;
                }
                if (iterations == 1) {
                    throw e;
                }
                throw new CreditException("logistic regression: the information matrix became singular after %d "
                    + "iterations (penalty %s); the outcomes may be separated by the indicators: add a penalty",
                    iterations - 1, lambda);
            }
            double big = 0;
            double size = 0;
            for (int j = 0; j < q; j++) {
                big = Math.max(big, Math.abs(beta[j]));
                size = Math.max(size, Math.abs(step[j]));
            }
            double last = iterations > 1 ? size / previousSize : 1;
            // with a kept matrix updated by secants the ratio varies: the larger of the last two
            double ratio = refresh ? last : Math.max(last, previousRatio);
            if (size <= tol * (1 + big) || ratio < SLOW && size * ratio / (1 - ratio) <= 0.5 * tol * (1 + big)) {
                // converged, or steps shrinking geometrically leave less than half the tolerance after this one:
                // the last step is taken without another pass to confirm it
                for (int j = 0; j < q; j++) {
                    beta[j] -= step[j];
                }
                break;
            }
            if ((iterations > 2 || start != null) && size > SLOW * previousSize) {
                // a sampled or kept matrix converges too slowly here: exact Newton from now on
                stride = 1;
                refresh = true;
                exact = true;
            } else if (refresh && size <= KEEP * (1 + big)) {
                // the matrix would change by about this relative step: keep the current one from now on
                refresh = false;
            }
            previousSize = size;
            previousRatio = last;
            double t = 1;
            double trialLoss = 0;
            int halvings = 0;
            while (true) {
                for (int j = 0; j < q; j++) {
                    trial[j] = beta[j] - t * step[j];
                }
                trialLoss = pass(columns, outcomes, trial, g2, refresh ? h2 : null, stride, lambda);
                passes++;
                // a rise within rounding of the loss is no rise: near the optimum the loss is flat to ~n ulp
                if (trialLoss - loss <= ROUNDING * (1 + Math.abs(loss)) || halvings == MAX_HALVINGS
                    || t * size <= tol * (1 + big)) {
                    break;
                }
                t *= 0.5;
                halvings++;
            }
            if (!refresh) {
                // a kept matrix learns the curvature along the step it took
                secant(info, trial, beta, g2, grad, q);
            }
            System.arraycopy(trial, 0, beta, 0, q);
            System.arraycopy(g2, 0, grad, 0, q);
            if (refresh) {
                System.arraycopy(h2, 0, info, 0, q * q);
            }
            loss = trialLoss;
            if (t * size <= tol * (1 + big)) {
                break;
            }
        }
        return new Newton(beta, iterations, passes, exact ? info : null);
    }

    /**
     * The BFGS update of a kept matrix with the step s = b1 - b0 and the change of the gradient y = g1 - g0:
     * H + y y^T / (y^T s) - (H s)(H s)^T / (s^T H s), skipped unless both denominators are positive.
     */
    private static void secant(double[] h, double[] b1, double[] b0, double[] g1, double[] g0, int q) {
        double[] s = new double[q];
        double[] y = new double[q];
        double sy = 0;
        for (int j = 0; j < q; j++) {
            s[j] = b1[j] - b0[j];
            y[j] = g1[j] - g0[j];
            sy += s[j] * y[j];
        }
        double[] hs = new double[q];
        double shs = 0;
        for (int j = 0; j < q; j++) {
            double v = 0;
            for (int l = 0; l < q; l++) {
                v += h[j * q + l] * s[l];
            }
            hs[j] = v;
            shs += s[j] * v;
        }
        if (!(sy > 0 && shs > 0)) {
            return;
        }
        for (int j = 0; j < q; j++) {
            for (int l = 0; l < q; l++) {
                h[j * q + l] += y[j] * y[l] / sy - hs[j] * hs[l] / shs;
            }
        }
    }

    /** Names the first value that is not finite. */
    private static void requireFinite(List<String> names, double[][] columns) {
        for (int j = 0; j < columns.length; j++) {
            double[] c = columns[j];
            for (int i = 0; i < c.length; i++) {
                if (!Double.isFinite(c[i])) {
                    throw new CreditException("column '%s' row %d is not finite: %s", names.get(j), i, c[i]);
                }
            }
        }
    }

    /** The rows of one chunk: a function of the row count only, so that the sums do not depend on threads. */
    static int chunkRows(int n) {
        int rows = (int) Math.min(Integer.MAX_VALUE, ((long) n + MAX_CHUNKS - 1) / MAX_CHUNKS);
        return Math.max(CHUNK, (rows + CHUNK - 1) / CHUNK * CHUNK);
    }

    /**
     * One fused pass: loss at beta, gradient and, unless {@code info} is null, the information matrix (full,
     * row-major q x q) from the rows whose index is a multiple of {@code stride}, scaled by rows / sampled rows.
     * The rows are summed in fixed chunks on up to {@link #threads()} threads and the chunks added in order.
     *
     * @return the penalised loss
     */
    double pass(double[][] x, int[] y, double[] beta, double[] grad, double[] info, int stride) {
        return pass(x, y, beta, grad, info, stride, penalty);
    }

    /** {@link #pass(double[][], int[], double[], double[], double[], int)} with the L2 penalty lambda. */
    private double pass(double[][] x, int[] y, double[] beta, double[] grad, double[] info, int stride,
            double lambda) {
        int p = x.length;
        int q = p + 1;
        int n = y.length;
        int chunk = chunkRows(n);
        int chunks = (int) (((long) n + chunk - 1) / chunk);
        int width = 1 + q + (info == null ? 0 : q * (q + 1) / 2);
        double[][] sums = new double[chunks][width];
        ParallelRanges.run(chunks, threads, (c0, c1) -> {
            Block block = new Block(p, stride, info != null);
            for (int c = c0; c < c1; c++) {
                int from = c * chunk;
                block.chunk(x, y, beta, from, (int) Math.min(n, (long) from + chunk), sums[c]);
            }
        });
        java.util.Arrays.fill(grad, 0);
        double loss = 0;
        double[] tri = new double[width - 1 - q];
        for (double[] s : sums) {
            loss += s[0];
            for (int j = 0; j < q; j++) {
                grad[j] += s[1 + j];
            }
            for (int k = 0; k < tri.length; k++) {
                tri[k] += s[1 + q + k];
            }
        }
        if (info != null) {
            long sampled = ((long) n + stride - 1) / stride;
            double scale = stride == 1 ? 1 : (double) n / sampled;
            for (int j = 0, k = 0; j < q; j++) {
                for (int l = j; l < q; l++, k++) {
                    info[j * q + l] = tri[k] * scale;
                    info[l * q + j] = info[j * q + l];
                }
            }
        }
        if (lambda > 0) {
            for (int j = 1; j < q; j++) {
                loss += 0.5 * lambda * beta[j] * beta[j];
                grad[j] += lambda * beta[j];
                if (info != null) {
                    info[j * q + j] += lambda;
                }
            }
        }
        return loss;
    }

    /** The scratch of one thread's pass and the sums of one chunk of rows. */
    private static final class Block {
        private final double[] eta = new double[BLOCK];
        private final double[] w = new double[BLOCK];
        private final double[] r = new double[BLOCK];
        /** The sampled rows of a group for the information matrix: their columns, weights and weighted columns. */
        private final double[][] gathered;
        private final double[] gw = new double[GROUP];
        private final double[][] weighted;
        /** e^{-|eta|}, the outcomes and the loss's linear part of each row of the block. */
        private final double[] z = new double[BLOCK];
        private final double[] o = new double[BLOCK];
        private final double[] lin = new double[BLOCK];
        private final int stride;
        private final boolean information;

        Block(int p, int stride, boolean information) {
            this.gathered = information && stride > 1 ? new double[p][GROUP] : null;
            this.weighted = information ? new double[p][GROUP] : null;
            this.stride = stride;
            this.information = information;
        }

        /**
         * Adds rows [from, to) into {@code out}: out[0] the loss, out[1..q] the gradient, then the sampled
         * information matrix's upper triangle row by row.
         */
        void chunk(double[][] x, int[] y, double[] beta, int from, int to, double[] out) {
            int p = x.length;
            int q = p + 1;
            double linear = 0;
            double logs = 0;
            for (int r0 = from; r0 < to; r0 += BLOCK) {
                int len = Math.min(BLOCK, to - r0);
                predictors(x, beta, r0, len);
                rows(y, r0, len);
                // ln(1 + z) summed as the logarithms of products of factors in (1, 2], at most 512 per product
                double s0 = 0;
                double s1 = 0;
                for (int g = 0; g < len; g += PRODUCT) {
                    int end = Math.min(len, g + PRODUCT);
                    double p0 = 1;
                    double p1 = 1;
                    int i = g;
                    for (; i + 1 < end; i += 2) {
                        s0 += lin[i];
                        p0 *= 1 + z[i];
                        s1 += lin[i + 1];
                        p1 *= 1 + z[i + 1];
                    }
                    if (i < end) {
                        s0 += lin[i];
                        p0 *= 1 + z[i];
                    }
                    logs += Math.log(p0) + Math.log(p1);
                }
                linear += s0 + s1;
                gradient(x, r0, len, out);
                if (information) {
                    information(x, r0, len, out, 1 + q);
                }
            }
            out[0] = linear + logs;
        }

        /**
         * The rows of a block without a branch: z = e^{-|eta|}, r = mu - y, w = mu (1 - mu) and lin = max(eta, 0) -
         * y eta, the part of the row's loss besides ln(1 + z). The exponentials first, one row at a time; the rest
         * in a loop of arithmetic only, which the compiler may run on vectors (the same operations in any case).
         */
        private void rows(int[] y, int r0, int len) {
            for (int i = 0; i < len; i++) {
                z[i] = Math.exp(-Math.abs(eta[i]));
                o[i] = y[r0 + i];
            }
            for (int i = 0; i < len; i++) {
                double e = eta[i];
                double t = z[i];
                double v = 1 / (1 + t);
                // mu = v for eta >= 0 and t v below: the factor max(t, step) is 1 or t (t <= 1) for a step of 1
                // when eta > 0 (eta 2^2000 is at least 1 for every positive double) and 0 otherwise (at eta = 0,
                // t = 1 either way)
                double m = Math.max(t, Math.min(Math.max(e * 0x1p1000 * 0x1p1000, 0), 1));
                double outcome = o[i];
                w[i] = t * v * v;
                r[i] = m * v - outcome;
                lin[i] = 0.5 * (e + Math.abs(e)) - outcome * e;
            }
        }

        /** eta = beta_0 + X beta over a block, four columns per sweep. */
        private void predictors(double[][] x, double[] beta, int r0, int len) {
            int p = x.length;
            java.util.Arrays.fill(eta, 0, len, beta[0]);
            int j = 0;
            for (; j + 3 < p; j += 4) {
                double b1 = beta[j + 1];
                double b2 = beta[j + 2];
                double b3 = beta[j + 3];
                double b4 = beta[j + 4];
                double[] c1 = x[j];
                double[] c2 = x[j + 1];
                double[] c3 = x[j + 2];
                double[] c4 = x[j + 3];
                for (int i = 0; i < len; i++) {
                    eta[i] += b1 * c1[r0 + i] + b2 * c2[r0 + i] + b3 * c3[r0 + i] + b4 * c4[r0 + i];
                }
            }
            for (; j < p; j++) {
                double b = beta[j + 1];
                double[] c = x[j];
                for (int i = 0; i < len; i++) {
                    eta[i] += b * c[r0 + i];
                }
            }
        }

        /** out[1 + j] += sum of r_i x_ij over a block (j = 0 the intercept), four columns per sweep. */
        private void gradient(double[][] x, int r0, int len, double[] out) {
            double sr = 0;
            for (int i = 0; i < len; i++) {
                sr += r[i];
            }
            out[1] += sr;
            dots(r, len, x, 0, r0, out, 2);
        }

        /**
         * Adds the upper triangle of sum w_i (1, x_i)(1, x_i)^T over the block's rows that are multiples of stride,
         * in groups of at most GROUP sampled rows held column by column.
         */
        private void information(double[][] x, int r0, int len, double[] out, int offset) {
            int p = x.length;
            // every block starts at a multiple of the stride
            int count = (len + stride - 1) / stride;
            for (int t0 = 0; t0 < count; t0 += GROUP) {
                int m = Math.min(GROUP, count - t0);
                if (stride == 1) {
                    group(x, r0 + t0, w, t0, m, out, offset);
                } else {
                    for (int t = 0; t < m; t++) {
                        gw[t] = w[(t0 + t) * stride];
                    }
                    for (int j = 0; j < p; j++) {
                        double[] c = x[j];
                        double[] g = gathered[j];
                        int o = r0 + t0 * stride;
                        for (int t = 0; t < m; t++) {
                            g[t] = c[o + t * stride];
                        }
                    }
                    group(gathered, 0, gw, 0, m, out, offset);
                }
            }
        }

        /**
         * Adds one group's sum w_t (1, a_t)(1, a_t)^T (upper triangle, row by row from {@code offset}) for the m
         * rows a[j][off + t], weights wv[wOff + t]: each entry a dot product, four per sweep.
         */
        private void group(double[][] a, int off, double[] wv, int wOff, int m, double[] out, int offset) {
            int p = a.length;
            int q = p + 1;
            for (int j = 0; j < p; j++) {
                double[] c = a[j];
                double[] d = weighted[j];
                for (int t = 0; t < m; t++) {
                    d[t] = wv[wOff + t] * c[off + t];
                }
            }
            out[offset] += sum(wv, wOff, m);
            // the intercept's row: sums of the weighted columns
            for (int l = 0; l < p; l++) {
                out[offset + 1 + l] += sum(weighted[l], 0, m);
            }
            for (int j = 0; j < p; j++) {
                // row j + 1 of the triangle starts at (j + 1) q - j (j + 1) / 2; its entry for column l >= j
                int k = offset + (j + 1) * q - j * (j + 1) / 2 - j;
                dots(weighted[j], m, a, j, off, out, k + j);
            }
        }
    }

    /** The sum of v[from, from + m), split into even and odd terms as {@link #dots} splits its sums. */
    private static double sum(double[] v, int from, int m) {
        double s0 = 0;
        double s1 = 0;
        int t = 0;
        for (; t + 1 < m; t += 2) {
            s0 += v[from + t];
            s1 += v[from + t + 1];
        }
        if (t < m) {
            s0 += v[from + t];
        }
        return s0 + s1;
    }

    /**
     * For each column l from {@code from} on: {@code out[at + l - from] += sum_u w[u] c_l[off + u]} over u in [0, len),
     * four columns per sweep, each sum split into even and odd terms (a fixed order: the same bits on any thread).
     */
    private static void dots(double[] w, int len, double[][] columns, int from, int off, double[] out, int at) {
        int p = columns.length;
        int l = from;
        for (; l + 3 < p; l += 4) {
            double[] c1 = columns[l];
            double[] c2 = columns[l + 1];
            double[] c3 = columns[l + 2];
            double[] c4 = columns[l + 3];
            double g1 = 0;
            double g2 = 0;
            double g3 = 0;
            double g4 = 0;
            double h1 = 0;
            double h2 = 0;
            double h3 = 0;
            double h4 = 0;
            int u = 0;
            for (; u + 1 < len; u += 2) {
                double e = w[u];
                double f = w[u + 1];
                int i = off + u;
                g1 += e * c1[i];
                g2 += e * c2[i];
                g3 += e * c3[i];
                g4 += e * c4[i];
                h1 += f * c1[i + 1];
                h2 += f * c2[i + 1];
                h3 += f * c3[i + 1];
                h4 += f * c4[i + 1];
            }
            if (u < len) {
                double e = w[u];
                int i = off + u;
                g1 += e * c1[i];
                g2 += e * c2[i];
                g3 += e * c3[i];
                g4 += e * c4[i];
            }
            int k = at + l - from;
            out[k] += g1 + h1;
            out[k + 1] += g2 + h2;
            out[k + 2] += g3 + h3;
            out[k + 3] += g4 + h4;
        }
        for (; l < p; l++) {
            double[] c = columns[l];
            double g = 0;
            double h = 0;
            int u = 0;
            for (; u + 1 < len; u += 2) {
                g += w[u] * c[off + u];
                h += w[u + 1] * c[off + u + 1];
            }
            if (u < len) {
                g += w[u] * c[off + u];
            }
            out[at + l - from] += g + h;
        }
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
