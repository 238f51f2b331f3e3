package org.powercx.credit;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * Customers and observed defaults per credit grade, best grade first.
 *
 * @param names grade names, best first
 * @param counts customers per grade
 * @param defaults defaulted customers per grade
 * @since 0.1.0
 */
public record GradeReport(List<String> names, long[] counts, long[] defaults) {

    /**
     * Validates and copies.
     *
     * @param names grade names
     * @param counts one non-negative count per grade
     * @param defaults one per grade, at most the count
     * @throws CreditException if sizes disagree or a count is invalid
     */
    public GradeReport {
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
    }

    /**
     * Copy of the counts.
     *
     * @return customers per grade
     */
    @Override
    public long[] counts() {
        return counts.clone();
    }

    /**
     * Copy of the default counts.
     *
     * @return defaults per grade
     */
    @Override
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
}
