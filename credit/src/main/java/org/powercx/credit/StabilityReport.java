package org.powercx.credit;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * Base and batch counts per bin with their population stability index, as evaluated by
 * {@link PopulationStability}: \( PSI = \sum_b (a_b - e_b)\ln(a_b/e_b) \), a zero share replaced by
 * \( \varepsilon \).
 *
 * @since 0.2.0
 */
public final class StabilityReport {
    private final List<String> labels;
    private final long[] expected;
    private final long[] actual;
    private final double epsilon;
    private final double[] contributions;
    private final double index;

    StabilityReport(List<String> labels, long[] expected, long[] actual, double epsilon) {
        if (labels == null || expected == null || actual == null || expected.length != labels.size()
            || actual.length != labels.size() || labels.isEmpty()) {
            throw new CreditException("stability needs one label, one base count and one batch count per bin");
        }
        long ne = 0;
        long na = 0;
        for (int b = 0; b < expected.length; b++) {
            if (expected[b] < 0 || actual[b] < 0) {
                throw new CreditException("bin '%s' has a negative count: base %d, batch %d", labels.get(b),
                    expected[b], actual[b]);
            }
            ne += expected[b];
            na += actual[b];
        }
        if (ne == 0 || na == 0) {
            throw new CreditException("the %s has no customers", ne == 0 ? "base" : "batch");
        }
        this.labels = List.copyOf(labels);
        this.expected = expected.clone();
        this.actual = actual.clone();
        this.epsilon = epsilon;
        this.contributions = new double[expected.length];
        double psi = 0;
        for (int b = 0; b < expected.length; b++) {
            double e = expected[b] == 0 ? epsilon : (double) expected[b] / ne;
            double a = actual[b] == 0 ? epsilon : (double) actual[b] / na;
            contributions[b] = (a - e) * Math.log(a / e);
            psi += contributions[b];
        }
        this.index = psi;
    }

    /**
     * Returns the population stability index.
     *
     * @return the population stability index
     */
    public double index() {
        return index;
    }

    /**
     * Returns the bin labels.
     *
     * @return the bin labels
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * Copy of the base counts.
     *
     * @return base customers per bin
     */
    public long[] expectedCounts() {
        return expected.clone();
    }

    /**
     * Copy of the batch counts.
     *
     * @return batch customers per bin
     */
    public long[] actualCounts() {
        return actual.clone();
    }

    /**
     * Base shares per bin (0 for an empty bin).
     *
     * @return \( e_b \)
     */
    public double[] expectedShares() {
        return shares(expected);
    }

    /**
     * Batch shares per bin (0 for an empty bin).
     *
     * @return \( a_b \)
     */
    public double[] actualShares() {
        return shares(actual);
    }

    private static double[] shares(long[] c) {
        long n = 0;
        for (long v : c) {
            n += v;
        }
        double[] out = new double[c.length];
        for (int b = 0; b < c.length; b++) {
            out[b] = (double) c[b] / n;
        }
        return out;
    }

    /**
     * Copy of each bin's term of the index.
     *
     * @return \( (a_b - e_b)\ln(a_b/e_b) \) per bin, with the epsilon rule
     */
    public double[] contributions() {
        return contributions.clone();
    }

    /**
     * Returns the epsilon that replaced empty shares.
     *
     * @return epsilon
     */
    public double epsilon() {
        return epsilon;
    }

    @Override
    public String toString() {
        double[] e = expectedShares();
        double[] a = actualShares();
        List<List<String>> rows = new ArrayList<>();
        for (int b = 0; b < e.length; b++) {
            rows.add(List.of(labels.get(b), TextTable.number(e[b]), TextTable.number(a[b]),
                TextTable.number(contributions[b])));
        }
        rows.add(List.of("PSI", "", "", TextTable.number(index)));
        return TextTable.render(List.of("bin", "base share", "batch share", "contribution"), rows);
    }
}
