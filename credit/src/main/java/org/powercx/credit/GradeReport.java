package org.powercx.credit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.powercx.core.TextTable;

/**
 * Customers and observed defaults per credit grade, best grade first.
 *
 * @since 0.1.0
 */
public final class GradeReport {
    private final List<String> names;
    private final long[] counts;
    private final long[] defaults;

    /**
     * Validates and copies.
     *
     * @param names grade names
     * @param counts one non-negative count per grade
     * @param defaults one per grade, at most the count
     * @throws CreditException if sizes disagree or a count is invalid
     */
    GradeReport(List<String> names, long[] counts, long[] defaults) {
        if (names == null || counts == null || defaults == null || counts.length != names.size()
            || defaults.length != names.size()) {
            throw new CreditException("a grade report needs one count and one default count per grade");
        }
        for (int g = 0; g < counts.length; g++) {
            if (counts[g] < 0 || defaults[g] < 0 || defaults[g] > counts[g]) {
                throw new CreditException("grade %s: %d defaults among %d customers", names.get(g), defaults[g],
                    counts[g]);
            }
        }
        names = List.copyOf(names);
        counts = counts.clone();
        defaults = defaults.clone();
        this.names = names;
        this.counts = counts;
        this.defaults = defaults;
    }

    /**
     * Returns the grade names, best first.
     *
     * @return grade names, best first
     */
    public List<String> names() {
        return names;
    }

    /**
     * Copy of the counts.
     *
     * @return customers per grade
     */
    public long[] counts() {
        return counts.clone();
    }

    /**
     * Copy of the default counts.
     *
     * @return defaults per grade
     */
    public long[] defaults() {
        return defaults.clone();
    }

    /**
     * Observed default rate per grade.
     *
     * @return defaults / count, NaN for an empty grade
     */
    public double[] defaultRates() {
        double[] r = new double[counts.length];
        for (int g = 0; g < r.length; g++) {
            r[g] = counts[g] == 0 ? Double.NaN : (double) defaults[g] / counts[g];
        }
        return r;
    }

    /**
     * Whether the observed default rates never decrease from the best grade to the worst (empty grades skipped).
     *
     * @return true if monotone
     */
    public boolean isMonotone() {
        double last = -1;
        for (double r : defaultRates()) {
            if (!Double.isNaN(r)) {
                if (r < last) {
                    return false;
                }
                last = r;
            }
        }
        return true;
    }

    /**
     * One line per grade, then the monotonicity verdict.
     *
     * @return the text
     */
    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        double[] rates = defaultRates();
        for (int g = 0; g < counts.length; g++) {
            rows.add(List.of(names.get(g), String.valueOf(counts[g]), String.valueOf(defaults[g]),
                TextTable.number(rates[g])));
        }
        return TextTable.render(List.of("grade", "customers", "defaults", "default rate"), rows)
            + (isMonotone() ? "default rates are monotone\n" : "default rates are NOT monotone\n");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GradeReport o && Objects.equals(names, o.names)
            && Arrays.equals(counts, o.counts)
            && Arrays.equals(defaults, o.defaults);
    }

    @Override
    public int hashCode() {
        int h = names.hashCode();
        h = 31 * h + Arrays.hashCode(counts);
        return 31 * h + Arrays.hashCode(defaults);
    }
}
