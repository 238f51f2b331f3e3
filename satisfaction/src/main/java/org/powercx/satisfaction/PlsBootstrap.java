package org.powercx.satisfaction;

import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.powercx.core.IndicatorTable;
import org.powercx.core.internal.ParallelRanges;

/**
 * Nonparametric bootstrap of a PLS path model (Efron and Tibshirani 1993; Tenenhaus et al. 2005): \( B \)
 * resamples of the respondents drawn with replacement, each re-estimated from unit starting weights, summarised
 * by {@link BootstrapEstimate}s for outer weights, loadings, paths, total effects, \( R^2 \), HTMT (absolute and
 * signed correlations), total and specific indirect effects and Cohen's \( f^2 \), each with percentile and BCa
 * intervals; optionally of consistent PLS ({@link #withConsistentPls(boolean)}).
 *
 * <p>Resample \( b \) draws its rows from its own {@link SplittableRandom}, split from the seed in index order
 * before any work is handed to threads, so results are bit-for-bit identical whatever the thread count. A
 * resample that does not converge or is singular (for example a constant indicator) is left out and counted.
 * Each thread reuses one set of buffers; the estimation itself runs on the indicator covariance matrix. The
 * resamples are cut into as many contiguous parts as threads; the first part runs on the calling thread, the
 * others on new threads or on the {@linkplain #withExecutor(Executor) executor} given.
 *
 * <p>During a run the draws of every estimate are held as one compact {@code double} per resample and estimate,
 * because the percentile and BCa intervals are exact quantiles of them (a running summary gives the mean and
 * standard error but no exact quantile); their memory, \( 8\,(B + n) \) bytes per estimate with the
 * jackknife's \( n \) draws, is bounded by {@value #MAX_RESAMPLES} resamples and {@value #MAX_STORED_ESTIMATES}
 * stored estimates (resamples times estimates, in {@code long} arithmetic, so no size overflows an
 * {@code int}), and is checked against the Java heap before any work, each with a one-line message naming the
 * limit. The result keeps only the summaries, unless the draws are asked for
 * ({@link #withDrawsKept(boolean)}, which doubles the memory); a statistic of one's own is computed from the
 * draws streamed to a consumer, in resample order
 * ({@link #run(PathModel, IndicatorTable, long, Consumer)}).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class PlsBootstrap {
    /** Most resamples (and most permutations of {@link PlsGroups}): 1,000,000. */
    public static final int MAX_RESAMPLES = 1_000_000;
    /**
     * Most estimates a run may store, resamples (or permutations, or jackknife rows) times estimates per draw:
     * 50,000,000 doubles, 400 MB.
     */
    public static final long MAX_STORED_ESTIMATES = 50_000_000L;

    private static final PlsBootstrap DEFAULTS = new PlsBootstrap(PlsPm.withDefaults(), 5000, 1, null,
        SignChange.NONE, 0.95, 0);

    /** Option bit: keep the draws in the estimates. */
    private static final int KEEP_DRAWS = 1;
    /** Option bit: bootstrap consistent PLS. */
    private static final int CONSISTENT = 2;

    private final PlsPm estimator;
    private final int resamples;
    private final int threads;
    /** Where the parts after the first run; null for new threads. */
    private final Executor executor;
    private final SignChange signChange;
    private final double level;
    private final int options;

    private PlsBootstrap(PlsPm estimator, int resamples, int threads, Executor executor, SignChange signChange,
            double level, int options) {
        this.estimator = estimator;
        this.resamples = resamples;
        this.threads = threads;
        this.executor = executor;
        this.signChange = signChange;
        this.level = level;
        this.options = options;
    }

    /**
     * Default bootstrap: {@link PlsPm#withDefaults()}, 5000 resamples, one thread, no sign change, 95 %
     * intervals.
     *
     * @return the default bootstrap
     */
    public static PlsBootstrap withDefaults() {
        return DEFAULTS;
    }

    /**
     * Returns a bootstrap using another estimator.
     *
     * @param newEstimator the estimator
     * @return a new bootstrap
     * @throws SatisfactionException if the estimator is null
     */
    public PlsBootstrap with(PlsPm newEstimator) {
        if (newEstimator == null) {
            throw new SatisfactionException("estimator is null");
        }
        return new PlsBootstrap(newEstimator, resamples, threads, executor, signChange, level, options);
    }

    /**
     * Returns a bootstrap with another sign-change option.
     *
     * @param newSignChange the option
     * @return a new bootstrap
     * @throws SatisfactionException if the option is null
     */
    public PlsBootstrap with(SignChange newSignChange) {
        if (newSignChange == null) {
            throw new SatisfactionException("sign change option is null");
        }
        return new PlsBootstrap(estimator, resamples, threads, executor, newSignChange, level, options);
    }

    /**
     * Returns a bootstrap with another number of resamples.
     *
     * @param newResamples 2 to {@value #MAX_RESAMPLES}
     * @return a new bootstrap
     * @throws SatisfactionException if fewer than 2 or more than {@value #MAX_RESAMPLES}
     */
    public PlsBootstrap withResamples(int newResamples) {
        if (newResamples > MAX_RESAMPLES) {
            throw new SatisfactionException("bootstrap takes at most %,d resamples but was given %,d", MAX_RESAMPLES,
                newResamples);
        }
        if (newResamples >= 2) {
            return new PlsBootstrap(estimator, newResamples, threads, executor, signChange, level, options);
        }
        throw new SatisfactionException("bootstrap needs at least 2 resamples but was given %d", newResamples);
    }

    /**
     * Returns a bootstrap running on another number of threads (results do not depend on it).
     *
     * @param newThreads 1 to {@value org.powercx.core.internal.ParallelRanges#MAX_THREADS}, the cap shared by
     *     every {@code withThreads} option
     * @return a new bootstrap
     * @throws SatisfactionException if below 1 or above the cap
     */
    public PlsBootstrap withThreads(int newThreads) {
        return new PlsBootstrap(estimator, resamples, checkThreads(newThreads), executor, signChange, level,
            options);
    }

    /**
     * Returns a bootstrap that runs the parts of its work after the first on an executor (a service's shared
     * pool, say) instead of starting threads of its own; the number of parts is still the
     * {@linkplain #withThreads(int) thread count}, and results do not depend on either. The executor must run
     * each task it accepts without waiting for the caller; a task it rejects runs on the calling thread.
     *
     * @param newExecutor the executor, not null
     * @return a new bootstrap
     * @throws SatisfactionException if the executor is null
     */
    public PlsBootstrap withExecutor(Executor newExecutor) {
        if (newExecutor == null) {
            throw new SatisfactionException("executor is null");
        }
        return new PlsBootstrap(estimator, resamples, threads, newExecutor, signChange, level, options);
    }

    /** Validates a thread count against the shared cap, naming the value. */
    static int checkThreads(int threads) {
        if (threads < 1) {
            throw new SatisfactionException("threads must be at least 1 but was %d", threads);
        }
        if (threads > ParallelRanges.MAX_THREADS) {
            throw new SatisfactionException("threads must be at most %d but was %d", ParallelRanges.MAX_THREADS,
                threads);
        }
        return threads;
    }

    /**
     * Returns a bootstrap with another confidence level for the intervals.
     *
     * @param newLevel in (0, 1)
     * @return a new bootstrap
     * @throws SatisfactionException if not strictly between 0 and 1
     */
    public PlsBootstrap withConfidenceLevel(double newLevel) {
        if (newLevel > 0 && newLevel < 1) {
            return new PlsBootstrap(estimator, resamples, threads, executor, signChange, newLevel, options);
        }
        throw new SatisfactionException("confidence level must be in (0, 1) but was %s", newLevel);
    }

    /**
     * Returns a bootstrap that keeps every estimate's draws in its {@link BootstrapEstimate#draws()} (in resample
     * order, converged resamples only). They are held during the run in any case, as one double per resample and
     * estimate, for the exact quantiles of the intervals; kept, they stay with the result.
     *
     * @param keep whether to keep the draws in the result
     * @return a new bootstrap
     * @since 0.2.0
     */
    public PlsBootstrap withDrawsKept(boolean keep) {
        return new PlsBootstrap(estimator, resamples, threads, executor, signChange, level,
            keep ? options | KEEP_DRAWS : options & ~KEEP_DRAWS);
    }

    /**
     * Returns a bootstrap of consistent PLS (PLSc, Dijkstra and Henseler 2015,
     * <a href="https://doi.org/10.1016/j.csda.2014.07.008">doi:10.1016/j.csda.2014.07.008</a>): each resample's PLS
     * solution is corrected as {@link ConsistentPls} corrects it, and loadings, paths, total and indirect effects,
     * \( R^2 \) and \( f^2 \) are the corrected ones (weights and HTMT are the same as PLS's). A resample whose
     * correction fails or is inadmissible (a loading or reliability above 1, a construct correlation matrix not
     * positive definite) is counted as failed and left out, as cSEM does by default. Needs the standardised
     * scaling of the estimator.
     *
     * @param consistent whether to bootstrap PLSc
     * @return a new bootstrap
     * @since 0.2.0
     */
    public PlsBootstrap withConsistentPls(boolean consistent) {
        return new PlsBootstrap(estimator, resamples, threads, executor, signChange, level,
            consistent ? options | CONSISTENT : options & ~CONSISTENT);
    }

    /**
     * Runs the bootstrap.
     *
     * @param model the path model
     * @param data the answers
     * @param seed the random seed
     * @return the original estimates and the bootstrap summaries
     * @throws SatisfactionException if the model cannot be estimated on the full sample (see
     *     {@link PlsPm#fit(PathModel, IndicatorTable)}), fewer than 2 resamples succeed, or the resamples or
     *     the respondents times the estimates per draw exceed {@value #MAX_STORED_ESTIMATES} (twice the estimates
     *     when the draws are kept), or the draws would not fit in the Java heap (checked before any work); for a
     *     PLSc bootstrap also if the estimator's scaling is not standardised or the full-sample correction fails
     *     (see {@link ConsistentPls#correct(PlsResult)}) or is inadmissible
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted while it waits for
     *     the other threads; it returns only after they have stopped, with its interrupt flag set
     */
    public BootstrapResult run(PathModel model, IndicatorTable data, long seed) {
        return run(model, data, seed, null);
    }

    /**
     * Runs the bootstrap and hands every resample's estimates to a consumer, for statistics of one's own: the
     * consumer is called once per resample, in resample order (0 to \( B - 1 \)), on the calling thread after
     * the resamples are estimated, so what it computes is bit-for-bit the same at any thread count. Each
     * {@link BootstrapDraw} is made for its call and can be dropped after it: nothing beyond the run's own
     * draws is held.
     *
     * @param model the path model
     * @param data the answers
     * @param seed the random seed
     * @param consumer called with each resample's estimates, or null
     * @return the original estimates and the bootstrap summaries
     * @throws SatisfactionException as {@link #run(PathModel, IndicatorTable, long)}; an exception of the
     *     consumer propagates
     * @since 0.2.0
     */
    public BootstrapResult run(PathModel model, IndicatorTable data, long seed, Consumer<BootstrapDraw> consumer) {
        boolean consistent = (options & CONSISTENT) != 0;
        if (consistent && estimator.scaling() != Scaling.STANDARDISED) {
            throw new SatisfactionException("consistent PLS bootstrap needs standardised scaling but the estimator"
                + " has %s", estimator.scaling());
        }
        double[] x = PlsPm.extract(model, data);
        int n = data.rowCount();
        PlsResult original = estimator.fit(model, estimator.kernel(model), x, n, data.ids());
        if (consistent) {
            ConsistentPls.withDefaults().correct(original);
        }
        ResampleEngine engine = new ResampleEngine(original, x, n, signChange, true, consistent);
        int width = engine.width;
        checkStored("bootstrap", resamples, "resamples", width);
        if ((options & KEEP_DRAWS) != 0) {
            checkStored("bootstrap with kept draws", resamples, "resamples", 2 * width);
        }
        checkStored("bootstrap", n, "respondents (jackknife)", width);
        checkHeap(resamples, n, (options & KEEP_DRAWS) != 0 ? 2 * width : width, Runtime.getRuntime().maxMemory());
        double[] est = new double[resamples * width];
        boolean[] ok = new boolean[resamples];
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[resamples];
        for (int b = 0; b < resamples; b++) {
            streams[b] = root.split();
        }
        ParallelRanges.run(resamples, threads, executor, (from, to) -> {
            ResampleEngine.Buffers buf = engine.buffers();
            int[] counts = buf.counts;
            for (int b = from; b < to; b++) {
                java.util.Arrays.fill(counts, 0);
                SplittableRandom rng = streams[b];
                for (int i = 0; i < n; i++) {
                    counts[rng.nextInt(n)]++;
                }
                ok[b] = engine.evaluate(counts, buf, est, b * width) == PlsKernel.CONVERGED;
            }
        });
        double[] jack = new double[n * width];
        boolean[] jackOk = new boolean[n];
        ParallelRanges.run(n, threads, executor, (from, to) -> {
            ResampleEngine.Buffers buf = engine.buffers();
            int[] counts = buf.counts;
            java.util.Arrays.fill(counts, 1);
            for (int i = from; i < to; i++) {
                counts[i] = 0;
                jackOk[i] = engine.evaluate(counts, buf, jack, i * width) == PlsKernel.CONVERGED;
                counts[i] = 1;
            }
        });
        double[] orig = new double[width];
        if (engine.evaluate(null, engine.buffers(), orig, 0) != PlsKernel.CONVERGED) {
            throw new SatisfactionException("consistent PLS of the full sample is inadmissible (a loading or "
                + "reliability above 1, or construct correlations not positive definite)");
        }
        if (consumer != null) {
            for (int b = 0; b < resamples; b++) {
                consumer.accept(new BootstrapDraw(engine, b,
                    ok[b] ? java.util.Arrays.copyOfRange(est, b * width, (b + 1) * width) : null));
            }
        }
        return BootstrapSummary.summarise(original, engine, orig, est, ok, jack, jackOk, level, seed,
            (options & KEEP_DRAWS) != 0);
    }

    @Override
    public String toString() {
        return "PlsBootstrap[resamples=" + resamples + ", threads=" + threads
            + (executor == null ? "" : ", executor=" + executor) + ", signChange=" + signChange + ", level="
            + level + ((options & KEEP_DRAWS) != 0 ? ", drawsKept" : "") + ((options & CONSISTENT) != 0 ? ", PLSc"
            : "") + ", " + estimator + "]";
    }

    /**
     * Rejects, before any work, a run whose draws would not fit in the heap: the percentile and BCa intervals are
     * exact quantiles of each estimate's draws, so the draws of every estimate are kept (8 bytes each, with the
     * jackknife's), plus a random stream per resample.
     */
    static void checkHeap(int resamples, int respondents, int width, long maxHeap) {
        long need = 8L * width * ((long) resamples + respondents) + 64L * resamples;
        if (need > maxHeap) {
            long mb = 1L << 20;
            throw new SatisfactionException("bootstrap of %,d resamples x %,d estimates needs about %,d MB for its "
                + "draws, more than the %,d MB the Java heap may use; use fewer resamples or a larger heap", resamples,
                width, (need + mb - 1) / mb, maxHeap / mb);
        }
    }

    /** Rejects a run whose stored draws, count times width, would exceed {@link #MAX_STORED_ESTIMATES}. */
    static void checkStored(String what, int count, String countName, int width) {
        long stored = (long) count * width;
        if (stored > MAX_STORED_ESTIMATES) {
            throw new SatisfactionException("%s of %,d %s x %,d estimates would store %,d values, above the limit of "
                + "%,d; use fewer", what, count, countName, width, stored, MAX_STORED_ESTIMATES);
        }
    }
}
