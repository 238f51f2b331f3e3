package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.powercx.core.TextTable;

/**
 * Result of a permutation test of path differences between two groups (Chin and Dibbern 2010,
 * <a href="https://doi.org/10.1007/978-3-540-32827-8_8">doi:10.1007/978-3-540-32827-8_8</a>): for each path,
 * the coefficients in both groups, their difference \( d = b_A - b_B \) and the permutation p value
 * \( (1 + \#\{|d^*| \ge |d|\}) / (1 + P_{ok}) \) over the permutations that converged.
 *
 * @since 0.1.0
 */
public final class GroupComparison {
    private final String groupA;
    private final String groupB;
    private final int sizeA;
    private final int sizeB;
    private final List<String> paths;
    private final double[] coefficientsA;
    private final double[] coefficientsB;
    private final double[] pValues;
    private final int permutations;
    private final int failed;

    /**
     * Validates and copies the components.
     *
     * @param groupA the first group label
     * @param groupB the second group label
     * @param sizeA respondents in the first group
     * @param sizeB respondents in the second group
     * @param paths path names {@code "from -> to"}; copied
     * @param coefficientsA path coefficients in the first group; copied
     * @param coefficientsB path coefficients in the second group; copied
     * @param pValues permutation p values; copied
     * @param permutations permutations drawn
     * @param failed permutations that did not converge or were singular
     * @throws SatisfactionException if a component is null or the array sizes differ from the path count
     */
    GroupComparison(String groupA, String groupB, int sizeA, int sizeB, List<String> paths, double[] coefficientsA,
            double[] coefficientsB, double[] pValues, int permutations, int failed) {
        if (groupA == null || groupB == null || paths == null || coefficientsA == null || coefficientsB == null
            || pValues == null) {
            throw new SatisfactionException("group comparison has a null component");
        }
        int q = paths.size();
        if (coefficientsA.length != q || coefficientsB.length != q || pValues.length != q) {
            throw new SatisfactionException("group comparison '%s' vs '%s': %d paths but %d, %d and %d values",
                groupA, groupB, q, coefficientsA.length, coefficientsB.length, pValues.length);
        }
        paths = List.copyOf(paths);
        coefficientsA = coefficientsA.clone();
        coefficientsB = coefficientsB.clone();
        pValues = pValues.clone();
        this.groupA = groupA;
        this.groupB = groupB;
        this.sizeA = sizeA;
        this.sizeB = sizeB;
        this.paths = paths;
        this.coefficientsA = coefficientsA;
        this.coefficientsB = coefficientsB;
        this.pValues = pValues;
        this.permutations = permutations;
        this.failed = failed;
    }

    /**
     * Returns the first group label.
     *
     * @return the first group label
     */
    public String groupA() {
        return groupA;
    }

    /**
     * Returns the second group label.
     *
     * @return the second group label
     */
    public String groupB() {
        return groupB;
    }

    /**
     * Returns the number of respondents in the first group.
     *
     * @return respondents in the first group
     */
    public int sizeA() {
        return sizeA;
    }

    /**
     * Returns the number of respondents in the second group.
     *
     * @return respondents in the second group
     */
    public int sizeB() {
        return sizeB;
    }

    /**
     * Returns path names {@code "from -> to"}.
     *
     * @return path names {@code "from -> to"}
     */
    public List<String> paths() {
        return paths;
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
     * Returns the number of permutations that did not converge or were singular.
     *
     * @return permutations that did not converge or were singular
     */
    public int failed() {
        return failed;
    }

    /**
     * Path coefficients in the first group.
     *
     * @return a new array
     */
    public double[] coefficientsA() {
        return coefficientsA.clone();
    }

    /**
     * Path coefficients in the second group.
     *
     * @return a new array
     */
    public double[] coefficientsB() {
        return coefficientsB.clone();
    }

    /**
     * Permutation p values.
     *
     * @return a new array
     */
    public double[] pValues() {
        return pValues.clone();
    }

    /**
     * Difference \( b_A - b_B \) of each path.
     *
     * @return a new array
     */
    public double[] differences() {
        double[] d = new double[coefficientsA.length];
        for (int q = 0; q < d.length; q++) {
            d[q] = coefficientsA[q] - coefficientsB[q];
        }
        return d;
    }

    /**
     * The p value of one path.
     *
     * @param path the path name {@code "from -> to"}
     * @return its permutation p value
     * @throws SatisfactionException if there is no such path
     */
    public double pValue(String path) {
        int q = paths.indexOf(path);
        if (q < 0) {
            throw new SatisfactionException("no path named '%s'; paths are %s", path, paths);
        }
        return pValues[q];
    }

    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        double[] d = differences();
        for (int q = 0; q < d.length; q++) {
            rows.add(List.of(paths.get(q), TextTable.number(coefficientsA[q]), TextTable.number(coefficientsB[q]),
                TextTable.number(d[q]), TextTable.number(pValues[q])));
        }
        return "Permutation test " + groupA + " (n = " + sizeA + ") vs " + groupB + " (n = " + sizeB + "), "
            + permutations + " permutations (" + failed + " failed)\n"
            + TextTable.render(List.of("path", groupA, groupB, "difference", "p"), rows);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GroupComparison o && Objects.equals(groupA, o.groupA)
            && Objects.equals(groupB, o.groupB)
            && sizeA == o.sizeA
            && sizeB == o.sizeB
            && Objects.equals(paths, o.paths)
            && Arrays.equals(coefficientsA, o.coefficientsA)
            && Arrays.equals(coefficientsB, o.coefficientsB)
            && Arrays.equals(pValues, o.pValues)
            && permutations == o.permutations
            && failed == o.failed;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(groupA, groupB, sizeA, sizeB, paths, permutations, failed);
        h = 31 * h + Arrays.hashCode(coefficientsA);
        h = 31 * h + Arrays.hashCode(coefficientsB);
        return 31 * h + Arrays.hashCode(pValues);
    }
}
