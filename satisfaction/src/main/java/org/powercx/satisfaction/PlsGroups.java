package org.powercx.satisfaction;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.powercx.core.IndicatorTable;
import org.powercx.core.internal.ParallelRanges;

/**
 * Segment analysis: estimates a path model separately in each group of respondents (customer class, value
 * segment) and tests path differences between two groups by permutation. Group labels are given per respondent.
 *
 * <p>Permutation \( r \) shuffles the pooled labels of the two groups (Fisher-Yates) with its own
 * {@link SplittableRandom}, split from the seed in index order before the work is spread over threads, so the
 * p values never depend on the thread count or {@linkplain #withExecutor(Executor) executor}. The observed
 * differences are known before the permutations, so each permutation only adds to per-path counts of differences
 * at least as extreme: memory does not grow with the number of permutations (at most
 * {@value PlsBootstrap#MAX_RESAMPLES}). Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class PlsGroups {
    private static final PlsGroups DEFAULTS = new PlsGroups(PlsPm.withDefaults(), 1000, 1, null);

    private final PlsPm estimator;
    private final int permutations;
    private final int threads;
    /** Where the parts after the first run; null for new threads. */
    private final Executor executor;

    private PlsGroups(PlsPm estimator, int permutations, int threads, Executor executor) {
        this.estimator = estimator;
        this.permutations = permutations;
        this.threads = threads;
        this.executor = executor;
    }

    /**
     * Default settings: {@link PlsPm#withDefaults()}, 1000 permutations, one thread.
     *
     * @return the default instance
     */
    public static PlsGroups withDefaults() {
        return DEFAULTS;
    }

    /**
     * Returns an instance using another estimator.
     *
     * @param newEstimator the estimator
     * @return a new instance
     * @throws SatisfactionException if null
     */
    public PlsGroups with(PlsPm newEstimator) {
        if (newEstimator == null) {
            throw new SatisfactionException("estimator is null");
        }
        return new PlsGroups(newEstimator, permutations, threads, executor);
    }

    /**
     * Returns an instance with another number of permutations.
     *
     * @param newPermutations 1 to {@value PlsBootstrap#MAX_RESAMPLES}
     * @return a new instance
     * @throws SatisfactionException if below 1 or above {@value PlsBootstrap#MAX_RESAMPLES}
     */
    public PlsGroups withPermutations(int newPermutations) {
        if (newPermutations > PlsBootstrap.MAX_RESAMPLES) {
            throw new SatisfactionException("group comparison takes at most %,d permutations but was given %,d",
                PlsBootstrap.MAX_RESAMPLES, newPermutations);
        }
        if (newPermutations >= 1) {
            return new PlsGroups(estimator, newPermutations, threads, executor);
        }
        throw new SatisfactionException("permutations must be at least 1 but was %d", newPermutations);
    }

    /**
     * Returns an instance with another thread count (results do not depend on it).
     *
     * @param newThreads 1 to {@value org.powercx.core.internal.ParallelRanges#MAX_THREADS}, the cap shared by
     *     every {@code withThreads} option
     * @return a new instance
     * @throws SatisfactionException if below 1 or above the cap
     */
    public PlsGroups withThreads(int newThreads) {
        return new PlsGroups(estimator, permutations, PlsBootstrap.checkThreads(newThreads), executor);
    }

    /**
     * Returns an instance that runs the permutations after the first part on an executor instead of starting
     * threads of its own; the number of parts is still the {@linkplain #withThreads(int) thread count}, and
     * results do not depend on either. The executor must run each task it accepts without waiting for the
     * caller; a task it rejects runs on the calling thread.
     *
     * @param newExecutor the executor, not null
     * @return a new instance
     * @throws SatisfactionException if the executor is null
     */
    public PlsGroups withExecutor(Executor newExecutor) {
        if (newExecutor == null) {
            throw new SatisfactionException("executor is null");
        }
        return new PlsGroups(estimator, permutations, threads, newExecutor);
    }

    /**
     * Estimates the model in every group.
     *
     * @param model the path model
     * @param data the answers
     * @param labels the group of each respondent, in row order
     * @return the estimates keyed by group label, in label order
     * @throws SatisfactionException if the labels do not match the rows, a label is null or blank, or the model
     *     cannot be estimated in a group (the message names the group)
     */
    public Map<String, PlsResult> fit(PathModel model, IndicatorTable data, List<String> labels) {
        checkLabels(data, labels);
        Map<String, PlsResult> out = new TreeMap<>();
        for (String g : new java.util.TreeSet<>(labels)) {
            IndicatorTable sub = data.filter(i -> labels.get(i).equals(g));
            try {
                out.put(g, estimator.fit(model, sub));
            } catch (SatisfactionException e) {
                throw new SatisfactionException("group '%s': %s", g, e.getMessage());
            }
        }
        return out;
    }

    /**
     * Tests the difference of every path coefficient between two groups by permutation.
     *
     * @param model the path model
     * @param data the answers
     * @param labels the group of each respondent, in row order
     * @param groupA the first group
     * @param groupB the second group
     * @param seed the random seed
     * @return the coefficients, differences and p values
     * @throws SatisfactionException if the labels do not match the rows, a group is empty or the two groups are
     *     the same, or the model cannot be estimated in a group
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted while it waits for
     *     the other threads; it returns only after they have stopped, with its interrupt flag set
     */
    public GroupComparison compare(PathModel model, IndicatorTable data, List<String> labels, String groupA,
            String groupB, long seed) {
        checkLabels(data, labels);
        if (groupA == null || groupA.equals(groupB)) {
            throw new SatisfactionException("compare two different groups, not '%s' and '%s'", groupA, groupB);
        }
        IndicatorTable pooled = data.filter(i -> labels.get(i).equals(groupA) || labels.get(i).equals(groupB));
        int n = pooled.rowCount();
        int[] inA = new int[n];
        int sizeA = 0;
        int row = 0;
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).equals(groupA)) {
                inA[row++] = 1;
                sizeA++;
            } else if (labels.get(i).equals(groupB)) {
                row++;
            }
        }
        if (sizeA == 0 || sizeA == n) {
            throw new SatisfactionException("group '%s' has %d respondents and group '%s' has %d", groupA, sizeA,
                groupB, n - sizeA);
        }
        Map<String, PlsResult> fits = fit(model, pooled, labelsOf(inA, groupA, groupB));
        double[] x = PlsPm.extract(model, pooled);
        ResampleEngine engine = new ResampleEngine(fits.get(groupA), x, n, SignChange.NONE);
        int q = engine.pathFrom.length;
        int off = engine.groupStart[2];
        double[] a = new double[q];
        double[] b = new double[q];
        List<String> names = engine.names.subList(off, off + q);
        for (int k = 0; k < q; k++) {
            String[] ft = names.get(k).split(" -> ");
            a[k] = fits.get(groupA).pathCoefficient(ft[0], ft[1]);
            b[k] = fits.get(groupB).pathCoefficient(ft[0], ft[1]);
        }
        // the observed differences are known before the permutations, so each permutation only counts, per
        // path, whether its difference is as extreme: integer counts, exact in any order, so the p-values do not
        // depend on the thread count, and memory does not grow with the number of permutations
        double[] observed = new double[q];
        for (int k = 0; k < q; k++) {
            observed[k] = Math.abs(a[k] - b[k]);
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[permutations];
        for (int r = 0; r < permutations; r++) {
            streams[r] = root.split();
        }
        int width = engine.width;
        AtomicIntegerArray extremes = new AtomicIntegerArray(q);
        AtomicInteger converged = new AtomicInteger();
        int nA = sizeA;
        ParallelRanges.run(permutations, threads, executor, (from, to) -> {
            ResampleEngine.Buffers bufA = engine.buffers();
            ResampleEngine.Buffers bufB = engine.buffers();
            double[] outA = new double[width];
            double[] outB = new double[width];
            int[] perm = new int[n];
            int[] extreme = new int[q];
            int convergedHere = 0;
            for (int r = from; r < to; r++) {
                System.arraycopy(inA, 0, perm, 0, n);
                SplittableRandom rng = streams[r];
                for (int i = n - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                }
                for (int i = 0; i < n; i++) {
                    bufA.counts[i] = perm[i];
                    bufB.counts[i] = 1 - perm[i];
                }
                boolean ok = nA >= 3 && n - nA >= 3
                    && engine.evaluate(bufA.counts, bufA, outA, 0) == PlsKernel.CONVERGED
                    && engine.evaluate(bufB.counts, bufB, outB, 0) == PlsKernel.CONVERGED;
                if (ok) {
                    convergedHere++;
                    for (int k = 0; k < q; k++) {
                        if (Math.abs(outA[off + k] - outB[off + k]) >= observed[k]) {
                            extreme[k]++;
                        }
                    }
                }
            }
            converged.addAndGet(convergedHere);
            for (int k = 0; k < q; k++) {
                extremes.addAndGet(k, extreme[k]);
            }
        });
        int good = converged.get();
        double[] pv = new double[q];
        for (int k = 0; k < q; k++) {
            pv[k] = (1.0 + extremes.get(k)) / (1.0 + good);
        }
        return new GroupComparison(groupA, groupB, sizeA, n - sizeA, names, a, b, pv, permutations,
            permutations - good);
    }

    private static List<String> labelsOf(int[] inA, String groupA, String groupB) {
        String[] out = new String[inA.length];
        for (int i = 0; i < inA.length; i++) {
            out[i] = inA[i] == 1 ? groupA : groupB;
        }
        return List.of(out);
    }

    private static void checkLabels(IndicatorTable data, List<String> labels) {
        if (data == null || labels == null) {
            throw new SatisfactionException("data and group labels must not be null");
        }
        if (labels.size() != data.rowCount()) {
            throw new SatisfactionException("%d group labels for %d respondents", labels.size(), data.rowCount());
        }
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i) == null || labels.get(i).isBlank()) {
                throw new SatisfactionException("respondent '%s' has no group label", data.id(i));
            }
        }
    }

    @Override
    public String toString() {
        return "PlsGroups[permutations=" + permutations + ", threads=" + threads
            + (executor == null ? "" : ", executor=" + executor) + ", " + estimator + "]";
    }
}
