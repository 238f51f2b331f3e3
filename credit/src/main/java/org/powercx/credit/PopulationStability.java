package org.powercx.credit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * The population stability index between a calibration base and a new batch, an immutable calculator that
 * evaluates a {@link StabilityReport}.
 *
 * <p>With expected shares \( e_b \) (base) and actual shares \( a_b \) (batch) over bins \( b \),
 * \[ PSI = \sum_b (a_b - e_b) \ln\frac{a_b}{e_b}. \]
 * <b>Empty bins:</b> a share of exactly 0 is replaced by \( \varepsilon \) (default \( 10^{-4} \)) in both the
 * difference and the logarithm, without renormalising the other shares; this keeps the index finite and matches
 * common practice (Yurdakul 2018, Statistical properties of population stability index, PhD thesis, Western
 * Michigan University; Siddiqi 2006, Credit Risk Scorecards, ch. 8). Conventional reading: below 0.1 no
 * significant shift, 0.1 to 0.25 some shift, above 0.25 a major shift.
 *
 * <p><b>Score bins</b> come from the base alone: with the base scores sorted, \( s_{(1)} \le \dots \le s_{(n)} \),
 * and \( B \) bins, the upper bounds are the empirical quantiles \( s_{(\lceil k n/B \rceil)} \), \( k = 1..B-1 \),
 * kept when above the previous bound and below the base maximum; bin \( b \) holds \( u_{b-1} &lt; s \le u_b \).
 * Grades are their own bins.
 *
 * @since 0.2.0
 */
public final class PopulationStability {
    private static final PopulationStability DEFAULT = new PopulationStability(10, 1e-4);

    private final int bins;
    private final double epsilon;

    private PopulationStability(int bins, double epsilon) {
        this.bins = bins;
        this.epsilon = epsilon;
    }

    /**
     * Ten score bins, epsilon 1e-4.
     *
     * @return the calculator
     */
    public static PopulationStability withDefaults() {
        return DEFAULT;
    }

    /**
     * The number of score bins cut on the base.
     *
     * @param count 2 to 1000
     * @return a new calculator
     * @throws CreditException if outside [2, 1000]
     */
    public PopulationStability withBins(int count) {
        if (count < 2 || count > 1000) {
            throw new CreditException("bins must lie in [2, 1000], got %d", count);
        }
        return new PopulationStability(count, epsilon);
    }

    /**
     * The share that replaces an empty bin's share of 0.
     *
     * @param value in (0, 0.01]
     * @return a new calculator
     * @throws CreditException if outside (0, 0.01]
     */
    public PopulationStability withEpsilon(double value) {
        if (!(value > 0 && value <= 0.01)) {
            throw new CreditException("epsilon must lie in (0, 0.01], got %s", value);
        }
        return new PopulationStability(bins, value);
    }

    /**
     * Returns the number of score bins.
     *
     * @return the number of score bins
     */
    public int bins() {
        return bins;
    }

    /**
     * Returns epsilon.
     *
     * @return epsilon
     */
    public double epsilon() {
        return epsilon;
    }

    /**
     * The stability of scores: bins cut on the base, the batch counted in them.
     *
     * @param base calibration scores, finite; not modified
     * @param batch new scores, finite; not modified
     * @return the report, labelled by score interval
     * @throws CreditException if either is empty or holds a non-finite score (naming which and where)
     */
    public StabilityReport evaluate(double[] base, double[] batch) {
        check("base", base);
        check("batch", batch);
        double[] s = base.clone();
        Arrays.sort(s);
        int n = s.length;
        double[] cuts = new double[bins];
        int m = 0;
        for (int k = 1; k < bins; k++) {
            double c = s[(int) (((long) k * n + bins - 1) / bins) - 1];
            if (c < s[n - 1] && (m == 0 || c > cuts[m - 1])) {
                cuts[m++] = c;
            }
        }
        cuts = Arrays.copyOf(cuts, m);
        long[] e = new long[m + 1];
        long[] a = new long[m + 1];
        for (double v : base) {
            e[BinnedIndicator.binOf(cuts, v)]++;
        }
        for (double v : batch) {
            a[BinnedIndicator.binOf(cuts, v)]++;
        }
        List<String> labels = new ArrayList<>();
        for (int b = 0; b <= m; b++) {
            labels.add((b == 0 ? "(-inf" : "(" + TextTable.number(cuts[b - 1])) + ", "
                + (b == m ? "+inf)" : TextTable.number(cuts[b]) + "]"));
        }
        return new StabilityReport(labels, e, a, epsilon);
    }

    private static void check(String which, double[] scores) {
        if (scores == null || scores.length == 0) {
            throw new CreditException("the %s has no scores", which);
        }
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new CreditException("%s score %d is not finite: %s", which, i, scores[i]);
            }
        }
    }

    /**
     * The stability of grades.
     *
     * @param names grade names, best first (for example {@link CreditGrades#names()})
     * @param base calibration grade indices in [0, names.size()); not modified
     * @param batch new grade indices; not modified
     * @return the report, one bin per grade
     * @throws CreditException if either is empty or an index is out of range (naming which and where)
     */
    public StabilityReport evaluateGrades(List<String> names, int[] base, int[] batch) {
        if (names == null || names.isEmpty()) {
            throw new CreditException("no grade names");
        }
        return new StabilityReport(names, count(names.size(), "base", base), count(names.size(), "batch", batch),
            epsilon);
    }

    static long[] count(int k, String which, int[] grades) {
        if (grades == null || grades.length == 0) {
            throw new CreditException("the %s has no grades", which);
        }
        long[] c = new long[k];
        for (int i = 0; i < grades.length; i++) {
            if (grades[i] < 0 || grades[i] >= k) {
                throw new CreditException("%s grade %d is %d, outside [0, %d)", which, i, grades[i], k);
            }
            c[grades[i]]++;
        }
        return c;
    }

    /**
     * The stability of given counts per bin.
     *
     * @param labels one label per bin
     * @param expected base counts, non-negative, not all 0; not modified
     * @param actual batch counts, non-negative, not all 0; not modified
     * @return the report
     * @throws CreditException if sizes differ or a count is negative or all are 0
     */
    public StabilityReport evaluateCounts(List<String> labels, long[] expected, long[] actual) {
        return new StabilityReport(labels, expected, actual, epsilon);
    }
}
