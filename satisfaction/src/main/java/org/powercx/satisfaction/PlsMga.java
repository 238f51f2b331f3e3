package org.powercx.satisfaction;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;
import org.powercx.core.IndicatorTable;

/**
 * Bootstrap multigroup analysis of path coefficients, PLS-MGA (Henseler, Ringle and Sinkovics 2009,
 * <a href="https://doi.org/10.1108/S1474-7979(2009)0000020014">doi:10.1108/S1474-7979(2009)0000020014</a>;
 * Sarstedt, Henseler and Ringle 2011,
 * <a href="https://doi.org/10.1108/S1474-7979(2011)0000022012">doi:10.1108/S1474-7979(2011)0000022012</a>), beside
 * the permutation test of {@link PlsGroups}: each group is bootstrapped separately with the configured
 * {@link PlsBootstrap} (its resamples, estimator, sign change, threads and executor), and three tests compare
 * every path \( \theta \) between the groups, with \( \hat\theta_g \) the group estimate, \( \theta^*_{g,j} \)
 * its \( J_g \) converged bootstrap draws, \( \bar\theta^*_g \) their mean and \( s_g \) their standard deviation
 * (divisor \( J_g - 1 \)):
 *
 * <ul>
 * <li><b>Henseler's PLS-MGA</b>, in the bias-corrected form of cSEM's {@code testMGD(.approach_mgd =
 * "Henseler")} (Sarstedt et al. 2011, Eq. 4): each draw is moved by the bootstrap bias,
 * \( \tilde\theta_{g,j} = \theta^*_{g,j} - (\bar\theta^*_g - \hat\theta_g) \), and
 * \( P(\theta_A \le \theta_B) = \frac{1}{J_A J_B}\sum_{i,j} \tfrac12\bigl(1 + \operatorname{sign}(\tilde\theta_{B,j}
 * - \tilde\theta_{A,i})\bigr) \) over all pairs of draws (ties count one half). It is the one-sided p value of
 * \( \theta_A &gt; \theta_B \): below \( \alpha \) the path is significantly larger in group A, above
 * \( 1 - \alpha \) significantly larger in group B (SmartPLS's reading); the two-sided p value is
 * \( 2\min(P, 1 - P) \). seminr's {@code estimate_pls_mga} evaluates Henseler et al.'s (2009) original
 * expression \( 1 - \sum_{i,j}\Theta(2\bar\theta^*_A - \theta^*_{A,i} - 2\bar\theta^*_B + \theta^*_{B,j})/J^2 \),
 * draws reflected about their mean rather than moved to the estimate; both agree when the bootstrap
 * distributions are symmetric.</li>
 * <li><b>Parametric test</b> (Keil et al. 2000 with the standard error of Henseler 2007; cSEM's {@code "Keil"}):
 * \( t = (\hat\theta_A - \hat\theta_B) / \bigl(\sqrt{\tfrac{(n_A - 1)^2}{n_A + n_B - 2}s_A^2 +
 * \tfrac{(n_B - 1)^2}{n_A + n_B - 2}s_B^2}\,\sqrt{1/n_A + 1/n_B}\bigr) \) with \( n_A + n_B - 2 \) degrees of
 * freedom, two-sided.</li>
 * <li><b>Welch-Satterthwaite test</b> (Sarstedt et al. 2011; cSEM's {@code "Nitzl"}):
 * \( t = (\hat\theta_A - \hat\theta_B) / \sqrt{\tfrac{n_A - 1}{n_A}s_A^2 + \tfrac{n_B - 1}{n_B}s_B^2} \) with
 * \( \mathrm{df} = \operatorname{round}\bigl((\tfrac{n_A - 1}{n_A}s_A^2 + \tfrac{n_B - 1}{n_B}s_B^2)^2 /
 * (\tfrac{n_A - 1}{n_A^2}s_A^4 + \tfrac{n_B - 1}{n_B^2}s_B^4) - 2\bigr) \) (rounded half to even, as R does, and at
 * least 1), two-sided.</li>
 * </ul>
 *
 * <p>The two bootstraps take the seeds of the first two draws of a {@link SplittableRandom} seeded with the given
 * seed, so the result is bit-for-bit the same at any thread count. Henseler's probability is computed by sorting
 * group B's draws and counting, in \( O(J \log J) \) rather than over all \( J_A J_B \) pairs. Immutable and
 * thread-safe.
 *
 * @since 0.2.0
 */
public final class PlsMga {
    private static final PlsMga DEFAULTS = new PlsMga(PlsBootstrap.withDefaults());

    private final PlsBootstrap bootstrap;

    private PlsMga(PlsBootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /**
     * Default settings: {@link PlsBootstrap#withDefaults()} (5000 resamples per group, one thread).
     *
     * @return the default instance
     */
    public static PlsMga withDefaults() {
        return DEFAULTS;
    }

    /**
     * Returns an instance bootstrapping each group with another bootstrap.
     *
     * @param newBootstrap the bootstrap (its resamples, estimator, sign change, threads and executor are used; its
     *     confidence level and kept draws are not)
     * @return a new instance
     * @throws SatisfactionException if null
     */
    public PlsMga with(PlsBootstrap newBootstrap) {
        if (newBootstrap == null) {
            throw new SatisfactionException("bootstrap is null");
        }
        return new PlsMga(newBootstrap);
    }

    /**
     * Bootstraps both groups and compares every path coefficient.
     *
     * @param model the path model
     * @param data the answers
     * @param labels the group of each respondent, in row order
     * @param groupA the first group
     * @param groupB the second group
     * @param seed the random seed
     * @return the group estimates, bootstrap standard errors and the three tests of every path
     * @throws SatisfactionException if the labels do not match the rows, a label is blank, a group is empty or the
     *     two groups are the same, or a group's bootstrap fails (see {@link PlsBootstrap#run(PathModel,
     *     IndicatorTable, long)}; the message names the group)
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted while it waits for
     *     the other threads
     */
    public MgaResult compare(PathModel model, IndicatorTable data, List<String> labels, String groupA,
            String groupB, long seed) {
        GroupSplit split = GroupSplit.of(data, labels, groupA, groupB);
        SplittableRandom root = new SplittableRandom(seed);
        long seedA = root.nextLong();
        long seedB = root.nextLong();
        PlsBootstrap keep = bootstrap.withDrawsKept(true);
        BootstrapResult a = run(keep, model, split, 1, seedA);
        BootstrapResult b = run(keep, model, split, 0, seedB);
        List<BootstrapEstimate> pathsA = a.paths();
        List<BootstrapEstimate> pathsB = b.paths();
        int q = pathsA.size();
        String[] names = new String[q];
        double[][] rows = new double[MgaResult.ROWS][q];
        for (int k = 0; k < q; k++) {
            BootstrapEstimate ea = pathsA.get(k);
            BootstrapEstimate eb = pathsB.get(k);
            names[k] = ea.name();
            rows[MgaResult.COEFFICIENT_A][k] = ea.original();
            rows[MgaResult.COEFFICIENT_B][k] = eb.original();
            rows[MgaResult.SE_A][k] = ea.standardError();
            rows[MgaResult.SE_B][k] = eb.standardError();
            rows[MgaResult.HENSELER][k] = henselerProbability(ea.original(), ea.draws(), eb.original(), eb.draws());
            double[] parametric = parametricTest(ea.original(), ea.standardError(), split.sizeA, eb.original(),
                eb.standardError(), split.sizeB);
            double[] welch = welchTest(ea.original(), ea.standardError(), split.sizeA, eb.original(),
                eb.standardError(), split.sizeB);
            rows[MgaResult.PARAMETRIC_T][k] = parametric[0];
            rows[MgaResult.PARAMETRIC_P][k] = parametric[2];
            rows[MgaResult.WELCH_T][k] = welch[0];
            rows[MgaResult.WELCH_DF][k] = welch[1];
            rows[MgaResult.WELCH_P][k] = welch[2];
        }
        return new MgaResult(split.groups(), a.resamples(), a.failedResamples(), b.failedResamples(), List.of(names),
            rows, seed);
    }

    private static BootstrapResult run(PlsBootstrap keep, PathModel model, GroupSplit split, int which, long seed) {
        try {
            return keep.run(model, split.group(which), seed);
        } catch (SatisfactionException e) {
            throw new SatisfactionException("group '%s': %s", which == 1 ? split.groupA : split.groupB,
                e.getMessage());
        }
    }

    /**
     * Henseler's PLS-MGA probability \( P(\theta_A \le \theta_B) \) from the bootstrap draws of both groups, in
     * the bias-corrected form of cSEM (see the class description): each group's draws are moved by its bootstrap
     * bias (draw mean minus estimate), and the probability is the share of the \( J_A J_B \) pairs in which B's
     * moved draw is larger than A's, ties counting one half. Exact (integer counts), in
     * \( O((J_A + J_B)\log J_B) \).
     *
     * @param estimateA the estimate in group A
     * @param drawsA the bootstrap draws in group A, at least 1; not modified
     * @param estimateB the estimate in group B
     * @param drawsB the bootstrap draws in group B, at least 1; not modified
     * @return the one-sided p value of \( \theta_A &gt; \theta_B \), in [0, 1]
     * @throws SatisfactionException if a draw array is null or empty, or an estimate or draw is not finite
     */
    public static double henselerProbability(double estimateA, double[] drawsA, double estimateB,
            double[] drawsB) {
        double[] a = centred("A", estimateA, drawsA);
        double[] b = centred("B", estimateB, drawsB);
        java.util.Arrays.sort(b);
        long twice = 0;
        for (double v : a) {
            int lower = firstAtLeast(b, v, false);
            int upper = firstAtLeast(b, v, true);
            twice += 2L * (b.length - upper) + (upper - lower);
        }
        return twice / (2.0 * a.length * (double) b.length);
    }

    /** First index of sorted {@code b} with a value {@code >= v} (or {@code > v} if strict). */
    private static int firstAtLeast(double[] b, double v, boolean strict) {
        int lo = 0;
        int hi = b.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (strict ? b[mid] <= v : b[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double[] centred(String group, double estimate, double[] draws) {
        if (draws == null || draws.length == 0) {
            throw new SatisfactionException("group %s has no bootstrap draws", group);
        }
        if (!Double.isFinite(estimate)) {
            throw new SatisfactionException("estimate of group %s is %s, not a finite number", group, estimate);
        }
        double sum = 0;
        for (int i = 0; i < draws.length; i++) {
            if (!Double.isFinite(draws[i])) {
                throw new SatisfactionException("bootstrap draw %d of group %s is %s, not a finite number", i, group,
                    draws[i]);
            }
            sum += draws[i];
        }
        double bias = sum / draws.length - estimate;
        double[] out = new double[draws.length];
        for (int i = 0; i < draws.length; i++) {
            out[i] = draws[i] - bias;
        }
        return out;
    }

    /** Parametric test: {t, df, two-sided p}. */
    static double[] parametricTest(double thetaA, double seA, int nA, double thetaB, double seB, int nB) {
        double df = nA + nB - 2.0;
        double se = Math.sqrt((nA - 1.0) * (nA - 1.0) / df * seA * seA + (nB - 1.0) * (nB - 1.0) / df * seB * seB)
            * Math.sqrt(1.0 / nA + 1.0 / nB);
        double t = (thetaA - thetaB) / se;
        return new double[] {t, df, twoSided(t, df)};
    }

    /** Welch-Satterthwaite test: {t, df, two-sided p}. */
    static double[] welchTest(double thetaA, double seA, int nA, double thetaB, double seB, int nB) {
        double va = (nA - 1.0) / nA * seA * seA;
        double vb = (nB - 1.0) / nB * seB * seB;
        double t = (thetaA - thetaB) / Math.sqrt(va + vb);
        double den = (nA - 1.0) / ((double) nA * nA) * Math.pow(seA, 4) + (nB - 1.0) / ((double) nB * nB)
            * Math.pow(seB, 4);
        double df = Math.max(1, Math.rint((va + vb) * (va + vb) / den - 2));
        return new double[] {t, df, twoSided(t, df)};
    }

    private static double twoSided(double t, double df) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        return Math.min(1, 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t)));
    }

    @Override
    public String toString() {
        return "PlsMga[" + bootstrap + "]";
    }
}
