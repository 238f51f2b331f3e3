package org.powercx.satisfaction;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import org.powercx.core.IndicatorTable;
import org.powercx.core.internal.ParallelRanges;

/**
 * Measurement invariance of composite models, MICOM (Henseler, Ringle and Sarstedt 2016,
 * <a href="https://doi.org/10.1108/IMR-09-2014-0304">doi:10.1108/IMR-09-2014-0304</a>): the three steps that
 * should precede a multigroup comparison ({@link PlsGroups}, {@link PlsMga}) of two groups of respondents.
 *
 * <ol>
 * <li><b>Configural invariance</b> holds by construction: both groups are estimated with one model (the same
 * constructs, indicators and paths), one estimator (the same scheme, scaling and stopping rule) and the same data
 * treatment; a group in which the model cannot be estimated is an error naming the group.</li>
 * <li><b>Compositional invariance.</b> With \( w_j^A \) and \( w_j^B \) the outer weights of construct \( j \)
 * estimated in each group and \( S_{jj} \) the block's indicator correlation matrix of the pooled respondents
 * (covariance matrix under {@link Scaling#CENTRED}), the correlation of the two composites on the pooled
 * standardised data is
 * \( c_j = w_j^{A\top} S_{jj} w_j^B / \sqrt{w_j^{A\top} S_{jj} w_j^A \; w_j^{B\top} S_{jj} w_j^B} \).
 * Its permutation distribution comes from re-estimating both groups after shuffling the group labels; the
 * composite is compositionally invariant when \( c_j \) is at least the \( \alpha \) quantile of the permuted
 * \( c_j^* \) (R type 7), and the p value is \( (1 + \#\{c_j^* \le c_j\}) / (1 + P_{ok}) \) over the
 * permutations in which both groups converged.</li>
 * <li><b>Equal means and variances.</b> On the construct scores \( y \) of the model estimated on the pooled
 * respondents (variance 1 in the pooled sample, by {@link ScoreVariance}), the mean difference
 * \( \bar y_A - \bar y_B \) and the log variance ratio \( \log s_A^2 - \log s_B^2 \) (group variances with the
 * same divisor convention, \( n_g \) or \( n_g - 1 \)), each against its permutation distribution under the same
 * label shuffles: equal when the observed value lies within the \( \alpha/2 \) and \( 1 - \alpha/2 \) quantiles,
 * p value \( (1 + \#\{|d^*| \ge |d|\}) / (1 + P) \).</li>
 * </ol>
 *
 * <p>cSEM's {@code testMICOM} computes the same statistics; its p values count \( \#\{c^* \le c\}/P \) and
 * \( \#\{|d^*| > |d|\}/P \) (no added one), and its scores have sample variance 1 ({@link ScoreVariance#SAMPLE}
 * reproduces its mean differences and log variance ratios).
 *
 * <p>Permutation \( r \) shuffles the pooled labels (Fisher-Yates) with its own {@link SplittableRandom}, split
 * from the seed in index order before the work is spread over threads, and writes its statistics at index
 * \( r \), so the result does not depend on the thread count or {@linkplain #withExecutor(Executor) executor}.
 * The quantiles are exact order statistics, so the \( 3m \) statistics of each permutation are held (bounded by
 * {@value PlsBootstrap#MAX_RESAMPLES} permutations and {@value PlsBootstrap#MAX_STORED_ESTIMATES} values, checked
 * before any work); the re-estimation itself runs on the indicator covariance matrix and allocates nothing per
 * permutation. Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public final class Micom {
    private static final Micom DEFAULTS = new Micom(PlsPm.withDefaults(), 5000, 1, null, 0.05,
        ScoreVariance.POPULATION);

    private final PlsPm estimator;
    private final int permutations;
    private final int threads;
    /** Where the parts after the first run; null for new threads. */
    private final Executor executor;
    private final double level;
    private final ScoreVariance variance;

    private Micom(PlsPm estimator, int permutations, int threads, Executor executor, double level,
            ScoreVariance variance) {
        this.estimator = estimator;
        this.permutations = permutations;
        this.threads = threads;
        this.executor = executor;
        this.level = level;
        this.variance = variance;
    }

    /**
     * Default settings: {@link PlsPm#withDefaults()}, 5000 permutations (Henseler et al. recommend at least
     * 5000), one thread, significance level 0.05, population-variance scores.
     *
     * @return the default instance
     */
    public static Micom withDefaults() {
        return DEFAULTS;
    }

    /**
     * Returns an instance using another estimator.
     *
     * @param newEstimator the estimator
     * @return a new instance
     * @throws SatisfactionException if null
     */
    public Micom with(PlsPm newEstimator) {
        if (newEstimator == null) {
            throw new SatisfactionException("estimator is null");
        }
        return new Micom(newEstimator, permutations, threads, executor, level, variance);
    }

    /**
     * Returns an instance whose step 3 uses scores of another variance convention.
     *
     * @param newVariance {@link ScoreVariance#SAMPLE} for cSEM's and SmartPLS's scores
     * @return a new instance
     * @throws SatisfactionException if null
     */
    public Micom with(ScoreVariance newVariance) {
        if (newVariance == null) {
            throw new SatisfactionException("score variance is null");
        }
        return new Micom(estimator, permutations, threads, executor, level, newVariance);
    }

    /**
     * Returns an instance with another number of permutations.
     *
     * @param newPermutations 1 to {@value PlsBootstrap#MAX_RESAMPLES}
     * @return a new instance
     * @throws SatisfactionException if below 1 or above {@value PlsBootstrap#MAX_RESAMPLES}
     */
    public Micom withPermutations(int newPermutations) {
        if (newPermutations > PlsBootstrap.MAX_RESAMPLES) {
            throw new SatisfactionException("MICOM takes at most %,d permutations but was given %,d",
                PlsBootstrap.MAX_RESAMPLES, newPermutations);
        }
        if (newPermutations >= 1) {
            return new Micom(estimator, newPermutations, threads, executor, level, variance);
        }
        throw new SatisfactionException("permutations must be at least 1 but was %d", newPermutations);
    }

    /**
     * Returns an instance with another thread count (results do not depend on it).
     *
     * @param newThreads 1 to {@value org.powercx.core.internal.ParallelRanges#MAX_THREADS}
     * @return a new instance
     * @throws SatisfactionException if below 1 or above the cap
     */
    public Micom withThreads(int newThreads) {
        return new Micom(estimator, permutations, PlsBootstrap.checkThreads(newThreads), executor, level,
            variance);
    }

    /**
     * Returns an instance that runs the permutations after the first part on an executor instead of starting
     * threads of its own; results do not depend on it. The executor must run each task it accepts without
     * waiting for the caller; a task it rejects runs on the calling thread.
     *
     * @param newExecutor the executor, not null
     * @return a new instance
     * @throws SatisfactionException if the executor is null
     */
    public Micom withExecutor(Executor newExecutor) {
        if (newExecutor == null) {
            throw new SatisfactionException("executor is null");
        }
        return new Micom(estimator, permutations, threads, newExecutor, level, variance);
    }

    /**
     * Returns an instance with another significance level \( \alpha \) for the quantiles and decisions.
     *
     * @param newLevel in (0, 0.5)
     * @return a new instance
     * @throws SatisfactionException if not strictly between 0 and 0.5
     */
    public Micom withSignificanceLevel(double newLevel) {
        if (newLevel > 0 && newLevel < 0.5) {
            return new Micom(estimator, permutations, threads, executor, newLevel, variance);
        }
        throw new SatisfactionException("significance level must be in (0, 0.5) but was %s", newLevel);
    }

    /**
     * Runs the three steps for two groups.
     *
     * @param model the path model
     * @param data the answers
     * @param labels the group of each respondent, in row order
     * @param groupA the first group
     * @param groupB the second group
     * @param seed the random seed
     * @return the statistics, permutation quantiles and p values of steps 2 and 3 for every construct
     * @throws SatisfactionException if the labels do not match the rows, a label is blank, a group is empty or the
     *     two groups are the same, the model cannot be estimated in a group or on the pooled respondents, or the
     *     permutations times \( 3m \) statistics exceed {@value PlsBootstrap#MAX_STORED_ESTIMATES}
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted while it waits for
     *     the other threads; it returns only after they have stopped, with its interrupt flag set
     */
    public MicomResult test(PathModel model, IndicatorTable data, List<String> labels, String groupA,
            String groupB, long seed) {
        GroupSplit split = GroupSplit.of(data, labels, groupA, groupB);
        Map<String, PlsResult> fits = split.fit(estimator, model);
        PlsResult pooledFit;
        try {
            pooledFit = estimator.fit(model, split.pooled);
        } catch (SatisfactionException e) {
            throw new SatisfactionException("pooled groups '%s' and '%s': %s", groupA, groupB, e.getMessage());
        }
        int m = model.constructCount();
        PlsBootstrap.checkStored("MICOM", permutations, "permutations", 3 * m);
        int n = split.pooled.rowCount();
        double[] x = PlsPm.extract(model, split.pooled);
        PlsKernel kernel = pooledFit.kernel();
        int p = kernel.p;
        double[] s = new double[p * p];
        Moments.compute(x, n, p, null, estimator.scaling() == Scaling.STANDARDISED, s, new double[p], new double[p],
            new double[n * p], new double[n]);
        double[][] scores = pooledFit.scores(variance);
        double[] y = new double[n * m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(scores[i], 0, y, i * m, m);
        }
        int divisor = variance == ScoreVariance.SAMPLE ? 1 : 0;
        double[] c = compositeCorrelations(kernel, s, fits.get(groupA).outerWeights(),
            fits.get(groupB).outerWeights());
        double[] moments = new double[2 * m];
        groupMoments(y, n, m, split.inA, divisor, moments);
        ResampleEngine engine = new ResampleEngine(fits.get(groupA), x, n, SignChange.NONE);
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[permutations];
        for (int r = 0; r < permutations; r++) {
            streams[r] = root.split();
        }
        double[] cStar = new double[permutations * m];
        double[] mStar = new double[permutations * 2 * m];
        boolean[] ok = new boolean[permutations];
        int[] inA = split.inA;
        boolean estimable = split.sizeA >= 3 && split.sizeB >= 3;
        ParallelRanges.run(permutations, threads, executor, (from, to) -> {
            ResampleEngine.Buffers bufA = engine.buffers();
            ResampleEngine.Buffers bufB = engine.buffers();
            double[] outA = new double[engine.width];
            double[] outB = new double[engine.width];
            double[] cHere = new double[m];
            int[] perm = new int[n];
            for (int r = from; r < to; r++) {
                shuffle(inA, perm, streams[r]);
                for (int i = 0; i < n; i++) {
                    bufA.counts[i] = perm[i];
                    bufB.counts[i] = 1 - perm[i];
                }
                ok[r] = estimable && engine.evaluate(bufA.counts, bufA, outA, 0) == PlsKernel.CONVERGED
                    && engine.evaluate(bufB.counts, bufB, outB, 0) == PlsKernel.CONVERGED;
                if (ok[r]) {
                    compositeCorrelations(kernel, s, outA, outB, cHere);
                    System.arraycopy(cHere, 0, cStar, r * m, m);
                }
                groupMoments(y, n, m, perm, divisor, mStar, r * 2 * m);
            }
        });
        return summarise(split, model.constructNames(), c, moments, cStar, mStar, ok);
    }

    private MicomResult summarise(GroupSplit split, List<String> names, double[] c, double[] moments,
            double[] cStar, double[] mStar, boolean[] ok) {
        int m = names.size();
        int good = 0;
        for (boolean b : ok) {
            good += b ? 1 : 0;
        }
        double[][] rows = new double[MicomResult.ROWS][m];
        double[] values = new double[good];
        double[] all = new double[permutations];
        for (int j = 0; j < m; j++) {
            int g = 0;
            int below = 0;
            for (int r = 0; r < permutations; r++) {
                if (ok[r]) {
                    double v = cStar[r * m + j];
                    values[g++] = v;
                    below += v <= c[j] ? 1 : 0;
                }
            }
            rows[MicomResult.C][j] = c[j];
            rows[MicomResult.C_QUANTILE][j] = good == 0 ? Double.NaN : sortedQuantile(values, level);
            rows[MicomResult.C_P][j] = (1.0 + below) / (1.0 + good);
            for (int k = 0; k < 2; k++) {
                double observed = moments[k * m + j];
                int extreme = 0;
                for (int r = 0; r < permutations; r++) {
                    double v = mStar[r * 2 * m + k * m + j];
                    all[r] = v;
                    extreme += Math.abs(v) >= Math.abs(observed) ? 1 : 0;
                }
                int base = k == 0 ? MicomResult.MEAN : MicomResult.LOG_VARIANCE;
                java.util.Arrays.sort(all);
                rows[base][j] = observed;
                rows[base + 1][j] = BootstrapSummary.quantile(all, level / 2);
                rows[base + 2][j] = BootstrapSummary.quantile(all, 1 - level / 2);
                rows[base + 3][j] = (1.0 + extreme) / (1.0 + permutations);
            }
        }
        return new MicomResult(split.groups(), permutations, permutations - good, names, rows, level, variance);
    }

    private static double sortedQuantile(double[] values, double prob) {
        java.util.Arrays.sort(values);
        return BootstrapSummary.quantile(values, prob);
    }

    /** Fisher-Yates shuffle of {@code labels} into {@code perm}. */
    static void shuffle(int[] labels, int[] perm, SplittableRandom rng) {
        System.arraycopy(labels, 0, perm, 0, labels.length);
        for (int i = perm.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
    }

    static double[] compositeCorrelations(PlsKernel kernel, double[] s, double[] wA, double[] wB) {
        double[] out = new double[kernel.m];
        compositeCorrelations(kernel, s, wA, wB, out);
        return out;
    }

    /** \( c_j \) of every block from weights at {@code wA[0..p)}, {@code wB[0..p)} and the pooled matrix. */
    static void compositeCorrelations(PlsKernel kernel, double[] s, double[] wA, double[] wB, double[] out) {
        int p = kernel.p;
        for (int j = 0; j < kernel.m; j++) {
            double ab = 0;
            double aa = 0;
            double bb = 0;
            for (int k = kernel.start[j]; k < kernel.start[j + 1]; k++) {
                double sa = 0;
                double sb = 0;
                for (int l = kernel.start[j]; l < kernel.start[j + 1]; l++) {
                    sa += s[k * p + l] * wA[l];
                    sb += s[k * p + l] * wB[l];
                }
                ab += wA[k] * sb;
                aa += wA[k] * sa;
                bb += wB[k] * sb;
            }
            out[j] = ab / Math.sqrt(aa * bb);
        }
    }

    static void groupMoments(double[] y, int n, int m, int[] inA, int divisor, double[] out) {
        groupMoments(y, n, m, inA, divisor, out, 0);
    }

    /**
     * Writes the mean differences at {@code out[off..off+m)} and the log variance ratios at
     * {@code out[off+m..off+2m)} of the scores {@code y[i * m + j]} between the rows with {@code inA[i] == 1} and
     * the others; variances divide by the group size minus {@code divisor}. Two passes, no allocation.
     */
    static void groupMoments(double[] y, int n, int m, int[] inA, int divisor, double[] out, int off) {
        for (int j = 0; j < m; j++) {
            double sumA = 0;
            double sumB = 0;
            int nA = 0;
            for (int i = 0; i < n; i++) {
                if (inA[i] == 1) {
                    sumA += y[i * m + j];
                    nA++;
                } else {
                    sumB += y[i * m + j];
                }
            }
            int nB = n - nA;
            double meanA = sumA / nA;
            double meanB = sumB / nB;
            double ssA = 0;
            double ssB = 0;
            for (int i = 0; i < n; i++) {
                double v = y[i * m + j];
                if (inA[i] == 1) {
                    ssA += (v - meanA) * (v - meanA);
                } else {
                    ssB += (v - meanB) * (v - meanB);
                }
            }
            out[off + j] = meanA - meanB;
            out[off + m + j] = Math.log((ssA / (nA - divisor)) / (ssB / (nB - divisor)));
        }
    }

    @Override
    public String toString() {
        return "Micom[permutations=" + permutations + ", threads=" + threads
            + (executor == null ? "" : ", executor=" + executor) + ", level=" + level + ", scores=" + variance
            + ", " + estimator + "]";
    }
}
