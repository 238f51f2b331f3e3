package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.powercx.core.TextTable;

/**
 * Result of {@link Micom}, the three-step test of measurement invariance of composites (Henseler, Ringle and
 * Sarstedt 2016, <a href="https://doi.org/10.1108/IMR-09-2014-0304">doi:10.1108/IMR-09-2014-0304</a>), per
 * construct in model order: step 2, the correlation \( c \) of the composites formed with each group's weights on
 * the pooled data, the \( \alpha \) quantile of its permutation distribution and its p value; step 3, the mean
 * difference and the log variance ratio of the pooled-model scores, each with its permutation interval
 * (\( \alpha/2 \) and \( 1 - \alpha/2 \) quantiles) and p value. Immutable; accessors return copies.
 *
 * <p>Henseler et al. call a construct's invariance <em>partial</em> when steps 1 and 2 hold (group path
 * coefficients may then be compared) and <em>full</em> when step 3 holds as well (the groups may then be pooled).
 *
 * @since 0.2.0
 */
public final class MicomResult {
    static final int C = 0;
    static final int C_QUANTILE = 1;
    static final int C_P = 2;
    static final int MEAN = 3;
    static final int LOG_VARIANCE = 7;
    static final int ROWS = 11;

    private final TwoGroups groups;
    private final int permutations;
    /** Permutations that failed in step 2. */
    private final int failed;
    private final List<String> constructs;
    private final double[][] rows;
    private final double level;
    private final ScoreVariance variance;

    MicomResult(TwoGroups groups, int permutations, int failed, List<String> constructs, double[][] rows,
            double level, ScoreVariance variance) {
        this.groups = groups;
        this.permutations = permutations;
        this.failed = failed;
        this.constructs = List.copyOf(constructs);
        this.rows = new double[ROWS][];
        for (int r = 0; r < ROWS; r++) {
            this.rows[r] = rows[r].clone();
        }
        this.level = level;
        this.variance = variance;
    }

    /**
     * Returns the first group label.
     *
     * @return the first group label
     */
    public String groupA() {
        return groups.groupA();
    }

    /**
     * Returns the second group label.
     *
     * @return the second group label
     */
    public String groupB() {
        return groups.groupB();
    }

    /**
     * Returns the number of respondents in the first group.
     *
     * @return respondents in the first group
     */
    public int sizeA() {
        return groups.sizeA();
    }

    /**
     * Returns the number of respondents in the second group.
     *
     * @return respondents in the second group
     */
    public int sizeB() {
        return groups.sizeB();
    }

    /**
     * Returns the number of permutations drawn.
     *
     * @return permutations drawn
     */
    public int permutations() {
        return permutations;
    }

    /**
     * Returns the number of permutations in which a group did not converge or was singular; they are left out of
     * step 2 (step 3 needs no re-estimation and uses every permutation).
     *
     * @return permutations that failed in step 2
     */
    public int failed() {
        return failed;
    }

    /**
     * Returns the significance level \( \alpha \).
     *
     * @return the significance level
     */
    public double significanceLevel() {
        return level;
    }

    /**
     * Returns the variance convention of the step 3 scores.
     *
     * @return the score variance
     */
    public ScoreVariance scoreVariance() {
        return variance;
    }

    /**
     * Returns the construct names, the order of every array.
     *
     * @return the construct names in model order
     */
    public List<String> constructs() {
        return constructs;
    }

    /**
     * Step 2: correlation \( c \) of the composites built with each group's weights on the pooled data.
     *
     * @return a new array, one value per construct
     */
    public double[] compositeCorrelations() {
        return rows[C].clone();
    }

    /**
     * Step 2: the \( \alpha \) quantile of the permuted \( c^* \) (NaN if no permutation converged).
     *
     * @return a new array
     */
    public double[] compositeCorrelationQuantiles() {
        return rows[C_QUANTILE].clone();
    }

    /**
     * Step 2: permutation p values \( (1 + \#\{c^* \le c\}) / (1 + P_{ok}) \).
     *
     * @return a new array
     */
    public double[] compositeCorrelationPValues() {
        return rows[C_P].clone();
    }

    /**
     * Step 3a: mean differences \( \bar y_A - \bar y_B \) of the pooled-model scores.
     *
     * @return a new array
     */
    public double[] meanDifferences() {
        return rows[MEAN].clone();
    }

    /**
     * Step 3a: lower ends (\( \alpha/2 \) quantile) of the permutation intervals of the mean differences.
     *
     * @return a new array
     */
    public double[] meanDifferenceLower() {
        return rows[MEAN + 1].clone();
    }

    /**
     * Step 3a: upper ends (\( 1 - \alpha/2 \) quantile) of the permutation intervals of the mean differences.
     *
     * @return a new array
     */
    public double[] meanDifferenceUpper() {
        return rows[MEAN + 2].clone();
    }

    /**
     * Step 3a: permutation p values \( (1 + \#\{|d^*| \ge |d|\}) / (1 + P) \) of the mean differences.
     *
     * @return a new array
     */
    public double[] meanDifferencePValues() {
        return rows[MEAN + 3].clone();
    }

    /**
     * Step 3b: log variance ratios \( \log s_A^2 - \log s_B^2 \) of the pooled-model scores.
     *
     * @return a new array
     */
    public double[] logVarianceRatios() {
        return rows[LOG_VARIANCE].clone();
    }

    /**
     * Step 3b: lower ends of the permutation intervals of the log variance ratios.
     *
     * @return a new array
     */
    public double[] logVarianceRatioLower() {
        return rows[LOG_VARIANCE + 1].clone();
    }

    /**
     * Step 3b: upper ends of the permutation intervals of the log variance ratios.
     *
     * @return a new array
     */
    public double[] logVarianceRatioUpper() {
        return rows[LOG_VARIANCE + 2].clone();
    }

    /**
     * Step 3b: permutation p values of the log variance ratios.
     *
     * @return a new array
     */
    public double[] logVarianceRatioPValues() {
        return rows[LOG_VARIANCE + 3].clone();
    }

    private int index(String construct) {
        int j = constructs.indexOf(construct);
        if (j < 0) {
            throw new SatisfactionException("no construct named '%s'; constructs are %s", construct, constructs);
        }
        return j;
    }

    /**
     * Whether step 2 holds for a construct: \( c \) is at least the \( \alpha \) quantile of \( c^* \).
     *
     * @param construct the construct name
     * @return true if compositionally invariant
     * @throws SatisfactionException if there is no such construct
     */
    public boolean compositionallyInvariant(String construct) {
        int j = index(construct);
        return rows[C][j] >= rows[C_QUANTILE][j];
    }

    /**
     * Whether step 3 holds for a construct: both the mean difference and the log variance ratio lie within their
     * permutation intervals.
     *
     * @param construct the construct name
     * @return true if means and variances are equal
     * @throws SatisfactionException if there is no such construct
     */
    public boolean equalMeansAndVariances(String construct) {
        int j = index(construct);
        return within(MEAN, j) && within(LOG_VARIANCE, j);
    }

    private boolean within(int base, int j) {
        return rows[base][j] >= rows[base + 1][j] && rows[base][j] <= rows[base + 2][j];
    }

    /**
     * Henseler et al.'s verdict for a construct: {@code "full"} (steps 2 and 3 hold), {@code "partial"} (step 2
     * holds) or {@code "none"}.
     *
     * @param construct the construct name
     * @return the invariance established
     * @throws SatisfactionException if there is no such construct
     */
    public String invariance(String construct) {
        if (!compositionallyInvariant(construct)) {
            return "none";
        }
        return equalMeansAndVariances(construct) ? "full" : "partial";
    }

    @Override
    public String toString() {
        List<List<String>> step2 = new ArrayList<>();
        List<List<String>> step3 = new ArrayList<>();
        for (int j = 0; j < constructs.size(); j++) {
            String name = constructs.get(j);
            step2.add(List.of(name, TextTable.number(rows[C][j]), TextTable.number(rows[C_QUANTILE][j]),
                TextTable.number(rows[C_P][j]), compositionallyInvariant(name) ? "yes" : "no"));
            step3.add(List.of(name, TextTable.number(rows[MEAN][j]), interval(MEAN, j),
                TextTable.number(rows[MEAN + 3][j]), TextTable.number(rows[LOG_VARIANCE][j]),
                interval(LOG_VARIANCE, j), TextTable.number(rows[LOG_VARIANCE + 3][j]), invariance(name)));
        }
        String q = TextTable.number(100 * level).trim() + "%";
        return "MICOM " + groups.describe() + ", " + permutations + " permutations (" + failed + " failed)\n"
            + "Step 2, compositional invariance\n"
            + TextTable.render(List.of("construct", "c", q + " quantile", "p", "invariant"), step2)
            + "Step 3, equal means and variances\n"
            + TextTable.render(List.of("construct", "mean diff", "interval", "p", "log var ratio", "interval", "p",
                "invariance"), step3);
    }

    private String interval(int base, int j) {
        return "[" + TextTable.number(rows[base + 1][j]).trim() + ", " + TextTable.number(rows[base + 2][j]).trim()
            + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MicomResult o && groups.equals(o.groups) && permutations == o.permutations
            && failed == o.failed && constructs.equals(o.constructs) && Arrays.deepEquals(rows, o.rows)
            && Double.compare(level, o.level) == 0 && variance == o.variance;
    }

    @Override
    public int hashCode() {
        return Objects.hash(groups, permutations, failed, constructs, Arrays.deepHashCode(rows), level, variance);
    }
}
