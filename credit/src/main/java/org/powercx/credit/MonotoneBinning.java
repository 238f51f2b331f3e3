package org.powercx.credit;

import java.util.Arrays;

/**
 * Monotone optimal binning of one indicator against 0/1 outcomes, an immutable calculator that fits a
 * {@link BinnedIndicator}.
 *
 * <p>The algorithm (deterministic, in exact integer arithmetic where it compares default rates):
 * <ol>
 * <li><b>Start bins.</b> With the values sorted, \( s_{(1)} \le \dots \le s_{(n)} \), and \( q \) start bins,
 * the cut points are the empirical quantiles \( c_k = s_{(\lceil k n / q \rceil)} \), \( k = 1..q-1 \), kept
 * when strictly above the previous cut and below the maximum. Bin \( b \) holds the values
 * \( c_{b-1} &lt; x \le c_b \), so equal values always share a bin and no bin is empty.</li>
 * <li><b>Direction.</b> Default rates are made to rise with \( x \) when the covariance
 * \( \sum_i (x_i - \bar x) y_i \) is non-negative and to fall otherwise.</li>
 * <li><b>Monotone default rates.</b> Pool-adjacent-violators: scanning left to right, a bin whose default rate
 * does not move strictly in the chosen direction from its left neighbour is merged with it (repeatedly), so that
 * default rates, and hence weights of evidence, are strictly monotone.</li>
 * <li><b>Minimum share.</b> While a bin holds fewer than {@code minBinShare} of the customers, or no goods, or
 * no defaults, the smallest such bin (leftmost on ties) is merged with the neighbour whose default rate is
 * closer (the left one on ties). Merging neighbours of a monotone sequence keeps it monotone.</li>
 * </ol>
 * The weight of evidence of bin \( b \) with \( g_b \) goods and \( d_b \) defaults out of \( G \) and \( D \) is
 * \( WoE_b = \ln\frac{g_b/G}{d_b/D} \): positive for bins better than average (the convention of Siddiqi 2006,
 * Credit Risk Scorecards, Wiley, ch. 6, doi:10.1002/9781119201731); the information value is
 * \( IV = \sum_b (g_b/G - d_b/D)\, WoE_b \). A single remaining bin means the indicator carries no monotone
 * information (WoE 0, IV 0).
 *
 * @since 0.2.0
 */
public final class MonotoneBinning {
    private static final MonotoneBinning DEFAULT = new MonotoneBinning(20, 0.05);

    private final int startBins;
    private final double minBinShare;

    private MonotoneBinning(int startBins, double minBinShare) {
        this.startBins = startBins;
        this.minBinShare = minBinShare;
    }

    /**
     * 20 start bins, minimum bin share 5%.
     *
     * @return the calculator
     */
    public static MonotoneBinning withDefaults() {
        return DEFAULT;
    }

    /**
     * The number of start (quantile) bins, which bounds the number of bins.
     *
     * @param count 2 to 1000
     * @return a new calculator
     * @throws CreditException if the count is outside [2, 1000]
     */
    public MonotoneBinning withStartBins(int count) {
        if (count < 2 || count > 1000) {
            throw new CreditException("start bins must lie in [2, 1000], got %d", count);
        }
        return new MonotoneBinning(count, minBinShare);
    }

    /**
     * The smallest share of customers a bin may hold.
     *
     * @param share in [0, 0.5]
     * @return a new calculator
     * @throws CreditException if the share is outside [0, 0.5] or NaN
     */
    public MonotoneBinning withMinBinShare(double share) {
        if (!(share >= 0 && share <= 0.5)) {
            throw new CreditException("minimum bin share must lie in [0, 0.5], got %s", share);
        }
        return new MonotoneBinning(startBins, share);
    }

    /**
     * Returns the number of start bins.
     *
     * @return the number of start bins
     */
    public int startBins() {
        return startBins;
    }

    /**
     * Returns the minimum bin share.
     *
     * @return the minimum bin share
     */
    public double minBinShare() {
        return minBinShare;
    }

    /**
     * Bins one indicator.
     *
     * @param name the indicator's name, not null
     * @param values finite values, not modified
     * @param outcomes 1 = defaulted, 0 = good, one per value, both present; not modified
     * @return the bins with their counts, WoE and IV
     * @throws CreditException if a value is not finite, an outcome is not 0/1, sizes differ or one outcome is
     *     missing (the message names the indicator)
     */
    public BinnedIndicator fit(String name, double[] values, int[] outcomes) {
        if (name == null) {
            throw new CreditException("indicator name is null");
        }
        try {
            Checks.valuesAndOutcomes("value", values, outcomes, true);
        } catch (CreditException e) {
            throw new CreditException("indicator '%s': %s", name, e.getMessage());
        }
        int n = values.length;
        double[] s = values.clone();
        Arrays.sort(s);
        double max = s[n - 1];
        double[] cuts = new double[startBins];
        int m = 0;
        for (int k = 1; k < startBins; k++) {
            double c = s[(int) (((long) k * n + startBins - 1) / startBins) - 1];
            if (c < max && (m == 0 || c > cuts[m - 1])) {
                cuts[m++] = c;
            }
        }
        cuts = Arrays.copyOf(cuts, m);
        long[] count = new long[m + 1];
        long[] bad = new long[m + 1];
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double cov = 0;
        for (int i = 0; i < n; i++) {
            int b = BinnedIndicator.binOf(cuts, values[i]);
            count[b]++;
            bad[b] += outcomes[i];
            cov += (values[i] - mean) * outcomes[i];
        }
        boolean rising = cov >= 0;
        // pool adjacent violators on a stack of blocks: count, defaults, index of the last start bin
        long[] bc = new long[m + 1];
        long[] bd = new long[m + 1];
        int[] last = new int[m + 1];
        int top = 0;
        for (int b = 0; b <= m; b++) {
            bc[top] = count[b];
            bd[top] = bad[b];
            last[top] = b;
            top++;
            while (top >= 2 && violates(bc[top - 2], bd[top - 2], bc[top - 1], bd[top - 1], rising)) {
                bc[top - 2] += bc[top - 1];
                bd[top - 2] += bd[top - 1];
                last[top - 2] = last[top - 1];
                top--;
            }
        }
        double minCount = minBinShare * n;
        while (top > 1) {
            int pick = -1;
            for (int b = 0; b < top; b++) {
                boolean small = bc[b] < minCount || bd[b] == 0 || bd[b] == bc[b];
                if (small && (pick < 0 || bc[b] < bc[pick])) {
                    pick = b;
                }
            }
            if (pick < 0) {
                break;
            }
            int other;
            if (pick == 0) {
                other = 1;
            } else if (pick == top - 1) {
                other = pick - 1;
            } else {
                double r = (double) bd[pick] / bc[pick];
                double left = Math.abs(r - (double) bd[pick - 1] / bc[pick - 1]);
                double right = Math.abs(r - (double) bd[pick + 1] / bc[pick + 1]);
                other = left <= right ? pick - 1 : pick + 1;
            }
            int a = Math.min(pick, other);
            int c = a + 1;
            bc[a] += bc[c];
            bd[a] += bd[c];
            last[a] = last[c];
            System.arraycopy(bc, c + 1, bc, c, top - c - 1);
            System.arraycopy(bd, c + 1, bd, c, top - c - 1);
            System.arraycopy(last, c + 1, last, c, top - c - 1);
            top--;
        }
        double[] upper = new double[top - 1];
        long[] goods = new long[top];
        long[] defaults = new long[top];
        for (int b = 0; b < top; b++) {
            if (b < top - 1) {
                upper[b] = cuts[last[b]];
            }
            goods[b] = bc[b] - bd[b];
            defaults[b] = bd[b];
        }
        return new BinnedIndicator(name, upper, goods, defaults);
    }

    /** Whether block a (left) and block c (right) break strict monotonicity: compares da/na with dc/nc exactly. */
    private static boolean violates(long na, long da, long nc, long dc, boolean rising) {
        long lhs = da * nc;
        long rhs = dc * na;
        return rising ? lhs >= rhs : lhs <= rhs;
    }
}
