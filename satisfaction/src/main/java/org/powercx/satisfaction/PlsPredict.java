package org.powercx.satisfaction;

import java.util.SplittableRandom;
import org.powercx.core.IndicatorTable;
import org.powercx.core.internal.ParallelRanges;

/**
 * PLSpredict: out-of-sample prediction of the indicators of the endogenous constructs by k-fold cross-validation,
 * repeated, against a linear-model benchmark (Shmueli, Ray, Velasquez Estrada and Chatla 2016, "The elephant in
 * the room: predictive performance of PLS models", Journal of Business Research 69(10), 4552-4564,
 * <a href="https://doi.org/10.1016/j.jbusres.2016.03.049">doi:10.1016/j.jbusres.2016.03.049</a>; Shmueli et al.
 * 2019, "Predictive model assessment in PLS-SEM: guidelines for using PLSpredict", European Journal of Marketing
 * 53(11), 2322-2347, <a href="https://doi.org/10.1108/EJM-02-2019-0189">doi:10.1108/EJM-02-2019-0189</a>).
 *
 * <p>Each repetition shuffles the respondents and cuts them into \( k \) folds of sizes differing by at most one.
 * For each fold the model is estimated on the other folds (standardised with the training means and standard
 * deviations) and the held-out respondents are predicted by the <i>earliest antecedents</i> rule: the scores of
 * the exogenous constructs \( \hat y_j = \sum_k w_k z_k \), the endogenous scores through the total effects
 * \( \hat y_e = \sum_j T_{je}\hat y_j \), and each indicator of an endogenous construct as
 * \( \hat x_k = \bar x_k + s_k \lambda_k \hat y_{e(k)} \). The linear-model (LM) benchmark regresses each such
 * indicator by ordinary least squares (with intercept) on all indicators of the exogenous constructs in the
 * training folds. For each indicator, over all repetitions,
 * \( RMSE = \sqrt{\overline{e^2}} \), \( MAE = \overline{|e|} \) and
 * \( Q^2_{predict} = 1 - \sum e^2 / \sum (x - \bar x_{train})^2 \), the naive benchmark being the training mean.
 *
 * <p>Repetition \( r \) shuffles with its own {@link SplittableRandom}, split from the seed in repetition order
 * before any work is handed to threads; folds are estimated independently and the errors summed afterwards in
 * repetition, respondent order, so results are bit-for-bit identical at any thread count. A fold whose training
 * set cannot be estimated (a constant indicator, non-convergence, a singular block) fails the whole run with an
 * exception naming the repetition and fold.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.2.0
 */
public final class PlsPredict {
    /** Most repetitions: 10,000. */
    public static final int MAX_REPETITIONS = 10_000;

    private static final PlsPredict DEFAULTS = new PlsPredict(PlsPm.withDefaults(), 10, 10, 1);

    private final PlsPm estimator;
    private final int folds;
    private final int repetitions;
    private final int threads;

    private PlsPredict(PlsPm estimator, int folds, int repetitions, int threads) {
        this.estimator = estimator;
        this.folds = folds;
        this.repetitions = repetitions;
        this.threads = threads;
    }

    /**
     * The default: {@link PlsPm#withDefaults()}, 10 folds, 10 repetitions, one thread (Shmueli et al. 2019's
     * recommendation).
     *
     * @return the default calculator
     */
    public static PlsPredict withDefaults() {
        return DEFAULTS;
    }

    /**
     * Returns a calculator with another PLS estimator (its scaling is ignored: estimation is on standardised
     * indicators).
     *
     * @param newEstimator the estimator
     * @return a new calculator
     * @throws SatisfactionException if null
     */
    public PlsPredict with(PlsPm newEstimator) {
        if (newEstimator == null) {
            throw new SatisfactionException("estimator is null");
        }
        return new PlsPredict(newEstimator, folds, repetitions, threads);
    }

    /**
     * Returns a calculator with another number of folds.
     *
     * @param newFolds at least 2 (and at most the number of respondents, checked when run)
     * @return a new calculator
     * @throws SatisfactionException if below 2
     */
    public PlsPredict withFolds(int newFolds) {
        if (newFolds < 2) {
            throw new SatisfactionException("PLSpredict needs at least 2 folds but was given %d", newFolds);
        }
        return new PlsPredict(estimator, newFolds, repetitions, threads);
    }

    /**
     * Returns a calculator with another number of repetitions.
     *
     * @param newRepetitions 1 to {@value #MAX_REPETITIONS}
     * @return a new calculator
     * @throws SatisfactionException if outside that range
     */
    public PlsPredict withRepetitions(int newRepetitions) {
        if (newRepetitions < 1 || newRepetitions > MAX_REPETITIONS) {
            throw new SatisfactionException("PLSpredict takes 1 to %,d repetitions but was given %,d",
                MAX_REPETITIONS, newRepetitions);
        }
        return new PlsPredict(estimator, folds, newRepetitions, threads);
    }

    /**
     * Returns a calculator running on another number of threads (results do not depend on it).
     *
     * @param newThreads 1 to {@value org.powercx.core.internal.ParallelRanges#MAX_THREADS}
     * @return a new calculator
     * @throws SatisfactionException if outside that range
     */
    public PlsPredict withThreads(int newThreads) {
        return new PlsPredict(estimator, folds, repetitions, PlsBootstrap.checkThreads(newThreads));
    }

    /**
     * Number of folds.
     *
     * @return k
     */
    public int folds() {
        return folds;
    }

    /**
     * Number of repetitions.
     *
     * @return the count
     */
    public int repetitions() {
        return repetitions;
    }

    /**
     * Runs the cross-validation.
     *
     * @param model the path model (with at least one endogenous construct)
     * @param data the answers
     * @param seed the random seed
     * @return the prediction metrics
     * @throws SatisfactionException if an argument is invalid (as {@link PlsPm#fit(PathModel, IndicatorTable)}),
     *     there are more folds than respondents or a training set smaller than the model needs, or the model or
     *     a fold's training set cannot be estimated
     */
    public PredictionResult run(PathModel model, IndicatorTable data, long seed) {
        double[] x = PlsPm.extract(model, data);
        int n = data.rowCount();
        if (folds > n) {
            throw new SatisfactionException("PLSpredict: %d folds but only %d respondents", folds, n);
        }
        PlsPm standardised = estimator.with(Scaling.STANDARDISED);
        PlsKernel k = standardised.kernel(model);
        standardised.fit(model, k, x, n, data.ids());
        int[] exoInd = exogenousIndicators(k);
        int[] endoInd = endogenousIndicators(k);
        if (endoInd.length == 0) {
            throw new SatisfactionException("PLSpredict: the model has no endogenous construct to predict");
        }
        int smallestTraining = n - (n + folds - 1) / folds;
        if (smallestTraining < exoInd.length + 2) {
            throw new SatisfactionException("PLSpredict: a training fold of %d respondents cannot fit the linear "
                + "benchmark on %d exogenous indicators; use fewer folds or more respondents", smallestTraining,
                exoInd.length);
        }
        int q = endoInd.length;
        SplittableRandom root = new SplittableRandom(seed);
        int[][] assignment = new int[repetitions][];
        for (int r = 0; r < repetitions; r++) {
            assignment[r] = assign(n, folds, root.split());
        }
        // predictions[r][i * q + c]: PLS, LM and naive (training mean) predictions of indicator c for respondent i
        double[][] pls = new double[repetitions][n * q];
        double[][] lm = new double[repetitions][n * q];
        double[][] naive = new double[repetitions][n * q];
        int[] status = new int[repetitions * folds];
        ParallelRanges.run(repetitions * folds, threads, (from, to) -> {
            FoldBuffers b = new FoldBuffers(k, n, exoInd.length);
            for (int t = from; t < to; t++) {
                int r = t / folds;
                int f = t % folds;
                status[t] = predictFold(k, x, n, assignment[r], f, exoInd, endoInd, b, pls[r], lm[r], naive[r]);
            }
        });
        for (int t = 0; t < status.length; t++) {
            if (status[t] != 0) {
                throw new SatisfactionException("PLSpredict: repetition %d fold %d: %s", t / folds + 1, t % folds + 1,
                    status[t] == 1 ? "an indicator is constant in the training folds"
                        : status[t] == 2 ? "the PLS estimation did not converge or a block is singular"
                            : "the exogenous indicators are collinear in the training folds");
            }
        }
        double[] y = new double[n * q];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < q; c++) {
                y[i * q + c] = x[i * k.p + endoInd[c]];
            }
        }
        return new PredictionResult(model, endoInd, y, pls, lm, naive, new int[] {folds, repetitions}, seed);
    }

    /** Fold of each respondent: a Fisher-Yates shuffle, position j of the shuffle in fold j * k / n. */
    static int[] assign(int n, int k, SplittableRandom rng) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        int[] fold = new int[n];
        for (int pos = 0; pos < n; pos++) {
            fold[perm[pos]] = (int) ((long) pos * k / n);
        }
        return fold;
    }

    private static int[] exogenousIndicators(PlsKernel k) {
        int count = 0;
        for (int j = 0; j < k.m; j++) {
            count += k.preds[j].length == 0 ? k.start[j + 1] - k.start[j] : 0;
        }
        int[] out = new int[count];
        int c = 0;
        for (int a = 0; a < k.p; a++) {
            if (k.preds[k.blockOf[a]].length == 0) {
                out[c++] = a;
            }
        }
        return out;
    }

    private static int[] endogenousIndicators(PlsKernel k) {
        int count = 0;
        for (int a = 0; a < k.p; a++) {
            count += k.preds[k.blockOf[a]].length > 0 ? 1 : 0;
        }
        int[] out = new int[count];
        int c = 0;
        for (int a = 0; a < k.p; a++) {
            if (k.preds[k.blockOf[a]].length > 0) {
                out[c++] = a;
            }
        }
        return out;
    }

    /** Per-thread buffers. */
    private static final class FoldBuffers {
        final double[] s;
        final double[] mean;
        final double[] sd;
        final double[] centred;
        final double[] weight;
        final int[] counts;
        final double[] loadings;
        final double[] total;
        final double[] power;
        final double[] next;
        final double[] scores;
        final double[] z;
        final double[] beta;
        final double[] rhs;
        final double[] exoCorr;
        final PlsKernel.Workspace ws;
        final Cholesky chol;

        FoldBuffers(PlsKernel k, int n, int e) {
            s = new double[k.p * k.p];
            mean = new double[k.p];
            sd = new double[k.p];
            centred = new double[n * k.p];
            weight = new double[n];
            counts = new int[n];
            loadings = new double[k.p];
            total = new double[k.m * k.m];
            power = new double[k.m * k.m];
            next = new double[k.m * k.m];
            scores = new double[k.m];
            z = new double[k.p];
            beta = new double[e * k.p];
            rhs = new double[e];
            exoCorr = new double[e * e];
            ws = new PlsKernel.Workspace(k);
            chol = new Cholesky(Math.max(e, 1));
        }
    }

    /**
     * Trains on the respondents outside fold f and writes the predictions of those inside it.
     *
     * @return 0 on success, 1 constant indicator, 2 PLS failure, 3 singular LM
     */
    private static int predictFold(PlsKernel k, double[] x, int n, int[] fold, int f, int[] exo, int[] endo,
            FoldBuffers b, double[] pls, double[] lm, double[] naive) {
        int p = k.p;
        int m = k.m;
        for (int i = 0; i < n; i++) {
            b.counts[i] = fold[i] == f ? 0 : 1;
        }
        if (Moments.compute(x, n, p, b.counts, true, b.s, b.mean, b.sd, b.centred, b.weight) != -1) {
            return 1;
        }
        if (k.estimate(b.s, b.ws) != PlsKernel.CONVERGED) {
            return 2;
        }
        PlsMeasures.loadings(k, b.s, b.ws.u, b.loadings, 0);
        PlsMeasures.totalEffects(m, b.ws.path, b.total, b.power, b.next);
        int e = exo.length;
        double[] exoCorr = b.exoCorr;
        for (int a = 0; a < e; a++) {
            for (int c = 0; c < e; c++) {
                exoCorr[a * e + c] = b.s[exo[a] * p + exo[c]];
            }
        }
        if (!b.chol.factor(exoCorr, e, 0, e)) {
            return 3;
        }
        for (int c = 0; c < endo.length; c++) {
            for (int a = 0; a < e; a++) {
                b.rhs[a] = b.s[exo[a] * p + endo[c]];
            }
            b.chol.solve(b.rhs, 0);
            System.arraycopy(b.rhs, 0, b.beta, c * e, e);
        }
        int q = endo.length;
        for (int i = 0; i < n; i++) {
            if (fold[i] != f) {
                continue;
            }
            for (int a = 0; a < p; a++) {
                b.z[a] = (x[i * p + a] - b.mean[a]) / b.sd[a];
            }
            java.util.Arrays.fill(b.scores, 0.0);
            for (int a : exo) {
                b.scores[k.blockOf[a]] += b.ws.w[a] * b.z[a];
            }
            for (int c = 0; c < q; c++) {
                int ind = endo[c];
                int target = k.blockOf[ind];
                double yHat = 0;
                for (int j = 0; j < m; j++) {
                    if (k.preds[j].length == 0) {
                        yHat += b.total[j * m + target] * b.scores[j];
                    }
                }
                pls[i * q + c] = b.mean[ind] + b.sd[ind] * b.loadings[ind] * yHat;
                double zHat = 0;
                for (int a = 0; a < e; a++) {
                    zHat += b.beta[c * e + a] * b.z[exo[a]];
                }
                lm[i * q + c] = b.mean[ind] + b.sd[ind] * zHat;
                naive[i * q + c] = b.mean[ind];
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return "PlsPredict[folds=" + folds + ", repetitions=" + repetitions + ", threads=" + threads + ", "
            + estimator + "]";
    }
}
