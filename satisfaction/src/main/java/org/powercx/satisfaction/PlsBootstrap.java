package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.powercx.core.IndicatorTable;

/**
 * Nonparametric bootstrap of a PLS path model (Efron and Tibshirani 1993; Tenenhaus et al. 2005): \( B \)
 * resamples of the respondents drawn with replacement, each re-estimated from unit starting weights, summarised
 * by {@link BootstrapEstimate}s for outer weights, loadings, paths, total effects, \( R^2 \) and HTMT (absolute
 * correlations).
 *
 * <p>Resample \( b \) draws its rows from its own {@link SplittableRandom}, split from the seed in index order
 * before any work is handed to threads, so results are bit-for-bit identical whatever the thread count. A
 * resample that does not converge or is singular (for example a constant indicator) is left out and counted.
 * Each thread reuses one set of buffers; the estimation itself runs on the indicator covariance matrix.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class PlsBootstrap {
    private static final PlsBootstrap DEFAULTS = new PlsBootstrap(PlsPm.withDefaults(), 5000, 1, SignChange.NONE,
        0.95);

    private final PlsPm estimator;
    private final int resamples;
    private final int threads;
    private final SignChange signChange;
    private final double level;

    private PlsBootstrap(PlsPm estimator, int resamples, int threads, SignChange signChange, double level) {
        this.estimator = estimator;
        this.resamples = resamples;
        this.threads = threads;
        this.signChange = signChange;
        this.level = level;
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
        return new PlsBootstrap(newEstimator, resamples, threads, signChange, level);
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
        return new PlsBootstrap(estimator, resamples, threads, newSignChange, level);
    }

    /**
     * Returns a bootstrap with another number of resamples.
     *
     * @param newResamples at least 2
     * @return a new bootstrap
     * @throws SatisfactionException if fewer than 2
     */
    public PlsBootstrap withResamples(int newResamples) {
        if (newResamples >= 2) {
            return new PlsBootstrap(estimator, newResamples, threads, signChange, level);
        }
        throw new SatisfactionException("bootstrap needs at least 2 resamples but was given %d", newResamples);
    }

    /**
     * Returns a bootstrap running on another number of threads (results do not depend on it).
     *
     * @param newThreads at least 1
     * @return a new bootstrap
     * @throws SatisfactionException if below 1
     */
    public PlsBootstrap withThreads(int newThreads) {
        if (newThreads >= 1) {
            return new PlsBootstrap(estimator, resamples, newThreads, signChange, level);
        }
        throw new SatisfactionException("threads must be at least 1 but was %d", newThreads);
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
            return new PlsBootstrap(estimator, resamples, threads, signChange, newLevel);
        }
        throw new SatisfactionException("confidence level must be in (0, 1) but was %s", newLevel);
    }

    /**
     * Runs the bootstrap.
     *
     * @param model the path model
     * @param data the answers
     * @param seed the random seed
     * @return the original estimates and the bootstrap summaries
     * @throws SatisfactionException if the model cannot be estimated on the full sample (see
     *     {@link PlsPm#fit(PathModel, IndicatorTable)}) or fewer than 2 resamples succeed
     */
    public BootstrapResult run(PathModel model, IndicatorTable data, long seed) {
        double[] x = PlsPm.extract(model, data);
        int n = data.rowCount();
        PlsResult original = estimator.fit(model, estimator.kernel(model), x, n, data.ids());
        ResampleEngine engine = new ResampleEngine(original, x, n, signChange);
        int width = engine.width;
        double[] est = new double[resamples * width];
        boolean[] ok = new boolean[resamples];
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[resamples];
        for (int b = 0; b < resamples; b++) {
            streams[b] = root.split();
        }
        parallel(threads, resamples, (from, to) -> {
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
        parallel(threads, n, (from, to) -> {
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
        engine.evaluate(null, engine.buffers(), orig, 0);
        return BootstrapSummary.summarise(original, engine, orig, est, ok, jack, jackOk, level, seed);
    }

    /** A contiguous range of work items. */
    interface Chunk {
        /**
         * Processes items {@code from} (inclusive) to {@code to} (exclusive).
         *
         * @param from first item
         * @param to end of range
         */
        void run(int from, int to);
    }

    /** Splits {@code count} items into contiguous chunks over a fixed pool; the output never depends on it. */
    static void parallel(int threads, int count, Chunk chunk) {
        if (threads == 1 || count < 2) {
            chunk.run(0, count);
            return;
        }
        int parts = Math.min(count, threads * 4);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, parts));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < parts; t++) {
                int from = (int) ((long) count * t / parts);
                int to = (int) ((long) count * (t + 1) / parts);
                futures.add(pool.submit(() -> chunk.run(from, to)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SatisfactionException("bootstrap interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new SatisfactionException("bootstrap worker failed: %s", cause);
        } finally {
            pool.shutdown();
        }
    }

    @Override
    public String toString() {
        return "PlsBootstrap[resamples=" + resamples + ", threads=" + threads + ", signChange=" + signChange
            + ", level=" + level + ", " + estimator + "]";
    }
}
