package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.powercx.core.TextTable;

/**
 * Result of {@link PlsMga}: for every path \( \theta \), the estimates and bootstrap standard errors in both
 * groups, Henseler's PLS-MGA probability \( P(\theta_A \le \theta_B) \) (bias-corrected, as cSEM computes it),
 * and the parametric and Welch-Satterthwaite t tests of \( \theta_A = \theta_B \); see {@link PlsMga} for the
 * formulas. Immutable; accessors return copies.
 *
 * @since 0.2.0
 */
public final class MgaResult {
    static final int COEFFICIENT_A = 0;
    static final int COEFFICIENT_B = 1;
    static final int SE_A = 2;
    static final int SE_B = 3;
    static final int HENSELER = 4;
    static final int PARAMETRIC_T = 5;
    static final int PARAMETRIC_P = 6;
    static final int WELCH_T = 7;
    static final int WELCH_DF = 8;
    static final int WELCH_P = 9;
    static final int ROWS = 10;

    private final TwoGroups groups;
    private final int resamples;
    private final int failedA;
    private final int failedB;
    private final List<String> paths;
    private final double[][] rows;
    private final long seed;

    MgaResult(TwoGroups groups, int resamples, int failedA, int failedB, List<String> paths, double[][] rows,
            long seed) {
        this.groups = groups;
        this.resamples = resamples;
        this.failedA = failedA;
        this.failedB = failedB;
        this.paths = List.copyOf(paths);
        this.rows = new double[ROWS][];
        for (int r = 0; r < ROWS; r++) {
            this.rows[r] = rows[r].clone();
        }
        this.seed = seed;
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
     * Returns the bootstrap resamples drawn in each group.
     *
     * @return resamples per group
     */
    public int resamples() {
        return resamples;
    }

    /**
     * Returns the resamples of the first group that did not converge or were singular (left out).
     *
     * @return failed resamples of the first group
     */
    public int failedA() {
        return failedA;
    }

    /**
     * Returns the resamples of the second group that did not converge or were singular (left out).
     *
     * @return failed resamples of the second group
     */
    public int failedB() {
        return failedB;
    }

    /**
     * Returns the seed the run was given.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns path names {@code "from -> to"}, the order of every array.
     *
     * @return path names
     */
    public List<String> paths() {
        return paths;
    }

    /**
     * Path coefficients in the first group.
     *
     * @return a new array
     */
    public double[] coefficientsA() {
        return rows[COEFFICIENT_A].clone();
    }

    /**
     * Path coefficients in the second group.
     *
     * @return a new array
     */
    public double[] coefficientsB() {
        return rows[COEFFICIENT_B].clone();
    }

    /**
     * Differences \( \hat\theta_A - \hat\theta_B \).
     *
     * @return a new array
     */
    public double[] differences() {
        double[] d = new double[paths.size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = rows[COEFFICIENT_A][k] - rows[COEFFICIENT_B][k];
        }
        return d;
    }

    /**
     * Bootstrap standard errors in the first group (divisor \( J - 1 \)).
     *
     * @return a new array
     */
    public double[] standardErrorsA() {
        return rows[SE_A].clone();
    }

    /**
     * Bootstrap standard errors in the second group.
     *
     * @return a new array
     */
    public double[] standardErrorsB() {
        return rows[SE_B].clone();
    }

    /**
     * Henseler's PLS-MGA probabilities \( P(\theta_A \le \theta_B) \), the one-sided p values of
     * \( \theta_A &gt; \theta_B \) (a value above \( 1 - \alpha \) says \( \theta_B \) is larger).
     *
     * @return a new array
     */
    public double[] henselerProbabilities() {
        return rows[HENSELER].clone();
    }

    /**
     * Two-sided p values of Henseler's PLS-MGA, \( 2\min(P, 1 - P) \).
     *
     * @return a new array
     */
    public double[] henselerTwoSidedPValues() {
        double[] out = new double[paths.size()];
        for (int k = 0; k < out.length; k++) {
            double pr = rows[HENSELER][k];
            out[k] = 2 * Math.min(pr, 1 - pr);
        }
        return out;
    }

    /**
     * t statistics of the parametric test (pooled standard error, \( n_A + n_B - 2 \) degrees of freedom).
     *
     * @return a new array
     */
    public double[] parametricT() {
        return rows[PARAMETRIC_T].clone();
    }

    /**
     * Two-sided p values of the parametric test.
     *
     * @return a new array
     */
    public double[] parametricPValues() {
        return rows[PARAMETRIC_P].clone();
    }

    /**
     * t statistics of the Welch-Satterthwaite test.
     *
     * @return a new array
     */
    public double[] welchT() {
        return rows[WELCH_T].clone();
    }

    /**
     * Degrees of freedom of the Welch-Satterthwaite test (rounded, at least 1).
     *
     * @return a new array
     */
    public double[] welchDegreesOfFreedom() {
        return rows[WELCH_DF].clone();
    }

    /**
     * Two-sided p values of the Welch-Satterthwaite test.
     *
     * @return a new array
     */
    public double[] welchPValues() {
        return rows[WELCH_P].clone();
    }

    /**
     * Henseler's probability of one path.
     *
     * @param path the path name {@code "from -> to"}
     * @return \( P(\theta_A \le \theta_B) \)
     * @throws SatisfactionException if there is no such path
     */
    public double henselerProbability(String path) {
        int k = paths.indexOf(path);
        if (k < 0) {
            throw new SatisfactionException("no path named '%s'; paths are %s", path, paths);
        }
        return rows[HENSELER][k];
    }

    @Override
    public String toString() {
        List<List<String>> out = new ArrayList<>();
        double[] d = differences();
        for (int k = 0; k < d.length; k++) {
            out.add(List.of(paths.get(k), TextTable.number(rows[COEFFICIENT_A][k]),
                TextTable.number(rows[COEFFICIENT_B][k]), TextTable.number(d[k]), TextTable.number(rows[HENSELER][k]),
                TextTable.number(rows[PARAMETRIC_P][k]), TextTable.number(rows[WELCH_P][k])));
        }
        return "PLS-MGA " + groups.describe() + ", " + resamples + " resamples per group (" + failedA + " and "
            + failedB + " failed)\n" + TextTable.render(List.of("path", groups.groupA(), groups.groupB(), "difference",
                "P(A <= B)", "p parametric", "p Welch"), out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MgaResult o && groups.equals(o.groups) && resamples == o.resamples
            && failedA == o.failedA && failedB == o.failedB && paths.equals(o.paths) && Arrays.deepEquals(rows, o.rows)
            && seed == o.seed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(groups, resamples, failedA, failedB, paths, Arrays.deepHashCode(rows), seed);
    }
}
