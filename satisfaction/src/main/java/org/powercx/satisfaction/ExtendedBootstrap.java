package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;
import org.powercx.core.IndicatorTable;
import org.powercx.core.internal.ParallelRanges;

/**
 * Bootstrap of an {@link ExtendedPathModel} (Efron and Tibshirani 1993): every resample of respondents is
 * estimated by all the stages of {@link ExtendedPls} again (stage-1 scores, products and final stage), so the
 * standard errors of higher-order and interaction paths include the uncertainty of stage 1, as seminr's
 * {@code bootstrap_model} does. For each final-stage path (interaction paths on the scale of
 * {@link ExtendedPlsResult#pathCoefficient}) it reports the bootstrap mean, standard error (divisor
 * \( B - 1 \)), \( t = \hat\theta / \mathrm{SE} \), a two-sided p value from Student's t with \( B - 1 \) degrees
 * of freedom, percentile limits (R type 7 quantiles) and BCa limits (Efron 1987) with the jackknife acceleration.
 * No sign change is applied to the resamples.
 *
 * <p>Resample \( b \) draws its respondents from its own stream split from the seed in resample order, so results
 * are bit-for-bit the same at any thread count. Instances are immutable and thread-safe.
 *
 * @since 0.2.0
 */
public final class ExtendedBootstrap {
    private static final ExtendedBootstrap DEFAULTS = new ExtendedBootstrap(ExtendedPls.withDefaults(), 5000, 1,
        0.95);

    private final ExtendedPls estimator;
    private final int resamples;
    private final int threads;
    private final double level;

    private ExtendedBootstrap(ExtendedPls estimator, int resamples, int threads, double level) {
        this.estimator = estimator;
        this.resamples = resamples;
        this.threads = threads;
        this.level = level;
    }

    /**
     * The default: {@link ExtendedPls#withDefaults()}, 5,000 resamples, one thread, 95 % intervals.
     *
     * @return the default bootstrap
     */
    public static ExtendedBootstrap withDefaults() {
        return DEFAULTS;
    }

    /**
     * Returns a bootstrap with another estimator.
     *
     * @param newEstimator the estimator
     * @return a new bootstrap
     * @throws SatisfactionException if the estimator is null
     */
    public ExtendedBootstrap with(ExtendedPls newEstimator) {
        if (newEstimator == null) {
            throw new SatisfactionException("extended PLS estimator is null");
        }
        return new ExtendedBootstrap(newEstimator, resamples, threads, level);
    }

    /**
     * Returns a bootstrap with another number of resamples.
     *
     * @param newResamples the number, in [2, {@value PlsBootstrap#MAX_RESAMPLES}]
     * @return a new bootstrap
     * @throws SatisfactionException if the number is out of range
     */
    public ExtendedBootstrap withResamples(int newResamples) {
        if (newResamples < 2 || newResamples > PlsBootstrap.MAX_RESAMPLES) {
            throw new SatisfactionException("resamples must be in [2, %d] but was %d", PlsBootstrap.MAX_RESAMPLES,
                newResamples);
        }
        return new ExtendedBootstrap(estimator, newResamples, threads, level);
    }

    /**
     * Returns a bootstrap with another number of threads.
     *
     * @param newThreads the number, in [1, 64]
     * @return a new bootstrap
     * @throws SatisfactionException if the number is out of range
     */
    public ExtendedBootstrap withThreads(int newThreads) {
        return new ExtendedBootstrap(estimator, resamples, PlsBootstrap.checkThreads(newThreads), level);
    }

    /**
     * Returns a bootstrap with another two-sided confidence level.
     *
     * @param newLevel the level, in (0, 1)
     * @return a new bootstrap
     * @throws SatisfactionException if the level is not in (0, 1)
     */
    public ExtendedBootstrap withConfidenceLevel(double newLevel) {
        if (!(newLevel > 0 && newLevel < 1)) {
            throw new SatisfactionException("confidence level must be in (0, 1) but was %s", newLevel);
        }
        return new ExtendedBootstrap(estimator, resamples, threads, newLevel);
    }

    /**
     * Runs the bootstrap.
     *
     * @param model the model
     * @param data the answers
     * @param seed the random seed
     * @return the path estimates with their bootstrap summaries, in the order of the model's paths
     * @throws SatisfactionException as {@link ExtendedPls#fit(ExtendedPathModel, IndicatorTable)} on the full
     *     sample, if fewer than 2 resamples can be estimated, or if the resamples would store more than
     *     {@value PlsBootstrap#MAX_STORED_ESTIMATES} estimates
     */
    public List<BootstrapEstimate> run(ExtendedPathModel model, IndicatorTable data, long seed) {
        Map<String, double[]> cols = ExtendedPls.columns(model, data);
        int n = data.rowCount();
        ExtendedPlsResult original = estimator.estimate(model, cols, n, data.ids());
        List<String[]> paths = model.paths();
        int width = paths.size();
        PlsBootstrap.checkStored("bootstrap", resamples, "resamples", width);
        PlsBootstrap.checkStored("bootstrap", n, "respondents (jackknife)", width);
        double[] orig = paths(original, paths);
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(Integer.toString(i + 1));
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[resamples];
        for (int b = 0; b < resamples; b++) {
            streams[b] = root.split();
        }
        double[] est = new double[resamples * width];
        boolean[] ok = new boolean[resamples];
        ParallelRanges.run(resamples, threads, (from, to) -> {
            int[] rows = new int[n];
            for (int b = from; b < to; b++) {
                SplittableRandom rng = streams[b];
                for (int i = 0; i < n; i++) {
                    rows[i] = rng.nextInt(n);
                }
                ok[b] = evaluate(model, cols, rows, ids, paths, est, b * width);
            }
        });
        double[] jack = new double[n * width];
        boolean[] jackOk = new boolean[n];
        List<String> jackIds = ids.subList(0, n - 1);
        ParallelRanges.run(n, threads, (from, to) -> {
            int[] rows = new int[n - 1];
            for (int i = from; i < to; i++) {
                for (int r = 0, k = 0; r < n; r++) {
                    if (r != i) {
                        rows[k++] = r;
                    }
                }
                jackOk[i] = evaluate(model, cols, rows, jackIds, paths, jack, i * width);
            }
        });
        return summarise(paths, orig, est, ok, jack, jackOk);
    }

    private static double[] paths(ExtendedPlsResult r, List<String[]> paths) {
        double[] out = new double[paths.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = r.pathCoefficient(paths.get(c)[0], paths.get(c)[1]);
        }
        return out;
    }

    private boolean evaluate(ExtendedPathModel model, Map<String, double[]> cols, int[] rows, List<String> ids,
            List<String[]> paths, double[] out, int offset) {
        Map<String, double[]> sample = new HashMap<>();
        for (Map.Entry<String, double[]> e : cols.entrySet()) {
            double[] v = e.getValue();
            double[] s = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                s[i] = v[rows[i]];
            }
            sample.put(e.getKey(), s);
        }
        try {
            double[] p = paths(estimator.estimate(model, sample, rows.length, ids), paths);
            System.arraycopy(p, 0, out, offset, p.length);
            return true;
        } catch (SatisfactionException e) {
            return false;
        }
    }

    private List<BootstrapEstimate> summarise(List<String[]> paths, double[] orig, double[] est, boolean[] ok,
            double[] jack, boolean[] jackOk) {
        int width = paths.size();
        int good = 0;
        for (boolean b : ok) {
            good += b ? 1 : 0;
        }
        if (good < 2) {
            throw new SatisfactionException("only %d of %d bootstrap resamples could be estimated", good,
                ok.length);
        }
        TDistribution t = new TDistribution(null, good - 1.0);
        double alpha = (1 - level) / 2;
        List<BootstrapEstimate> out = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            double[] values = new double[good];
            double sum = 0;
            for (int b = 0, g = 0; b < ok.length; b++) {
                if (ok[b]) {
                    values[g++] = est[b * width + c];
                    sum += est[b * width + c];
                }
            }
            double mean = sum / good;
            double ss = 0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            double se = Math.sqrt(ss / (good - 1));
            double tStat = orig[c] / se;
            double p = Double.isNaN(tStat) ? Double.NaN : 2 * t.cumulativeProbability(-Math.abs(tStat));
            double[] jv = new double[jackOk.length];
            int m = 0;
            for (int i = 0; i < jackOk.length; i++) {
                if (jackOk[i]) {
                    jv[m++] = jack[i * width + c];
                }
            }
            Arrays.sort(values);
            double[] bca = BootstrapSummary.bca(values, orig[c], Arrays.copyOf(jv, m), level);
            out.add(new BootstrapEstimate(paths.get(c)[0] + " -> " + paths.get(c)[1], orig[c], mean, se, tStat, p,
                BootstrapSummary.quantile(values, alpha), BootstrapSummary.quantile(values, 1 - alpha), bca[0],
                bca[1]));
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "ExtendedBootstrap[resamples=" + resamples + ", threads=" + threads + ", level=" + level + ", "
            + estimator + "]";
    }
}
