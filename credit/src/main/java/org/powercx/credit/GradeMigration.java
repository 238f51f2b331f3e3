package org.powercx.credit;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * The grade migration matrix of the same customers graded twice (at calibration and on a new batch): counts
 * \( N_{gh} \) of customers moving from grade \( g \) to grade \( h \), the row shares
 * \( N_{gh}/\sum_h N_{gh} \) (a row without customers is all 0), and the shares that stayed, improved (moved to a
 * better grade, a lower index) or deteriorated (Thomas, Edelman and Crook 2002, Credit Scoring and its
 * Applications, SIAM, ch. 12).
 *
 * @since 0.2.0
 */
public final class GradeMigration {
    private final List<String> names;
    private final long[][] counts;
    private final long total;

    private GradeMigration(List<String> names, long[][] counts, long total) {
        this.names = names;
        this.counts = counts;
        this.total = total;
    }

    /**
     * Counts the migrations.
     *
     * @param names grade names, best first, not empty
     * @param from each customer's first grade index in [0, names.size()); not modified
     * @param to the same customers' second grade index, in the same order; not modified
     * @return the matrix
     * @throws CreditException if the lengths differ, either is empty or an index is out of range
     */
    public static GradeMigration of(List<String> names, int[] from, int[] to) {
        if (names == null || names.isEmpty()) {
            throw new CreditException("no grade names");
        }
        if (from == null || to == null || from.length != to.length || from.length == 0) {
            throw new CreditException("%s first grades and %s second grades; one pair per customer is needed",
                from == null ? "no" : String.valueOf(from.length), to == null ? "no" : String.valueOf(to.length));
        }
        int k = names.size();
        long[][] c = new long[k][k];
        for (int i = 0; i < from.length; i++) {
            if (from[i] < 0 || from[i] >= k || to[i] < 0 || to[i] >= k) {
                throw new CreditException("customer %d moves from grade %d to %d; grades lie in [0, %d)", i, from[i],
                    to[i], k);
            }
            c[from[i]][to[i]]++;
        }
        return new GradeMigration(List.copyOf(names), c, from.length);
    }

    /**
     * Returns the grade names.
     *
     * @return the grade names
     */
    public List<String> names() {
        return names;
    }

    /**
     * Copy of the counts.
     *
     * @return \( N_{gh} \), first grade by row
     */
    public long[][] counts() {
        long[][] out = new long[counts.length][];
        for (int g = 0; g < out.length; g++) {
            out[g] = counts[g].clone();
        }
        return out;
    }

    /**
     * The row shares.
     *
     * @return \( N_{gh}/\sum_h N_{gh} \), 0 in a row without customers
     */
    public double[][] rates() {
        double[][] out = new double[counts.length][counts.length];
        for (int g = 0; g < out.length; g++) {
            long row = 0;
            for (long v : counts[g]) {
                row += v;
            }
            for (int h = 0; row > 0 && h < out.length; h++) {
                out[g][h] = (double) counts[g][h] / row;
            }
        }
        return out;
    }

    /**
     * Returns the share of customers whose grade did not change.
     *
     * @return the share on the diagonal
     */
    public double unchanged() {
        long s = 0;
        for (int g = 0; g < counts.length; g++) {
            s += counts[g][g];
        }
        return (double) s / total;
    }

    /**
     * Returns the share of customers who moved to a better grade.
     *
     * @return the share below the diagonal
     */
    public double improved() {
        long s = 0;
        for (int g = 0; g < counts.length; g++) {
            for (int h = 0; h < g; h++) {
                s += counts[g][h];
            }
        }
        return (double) s / total;
    }

    /**
     * Returns the share of customers who moved to a worse grade.
     *
     * @return the share above the diagonal
     */
    public double deteriorated() {
        long s = 0;
        for (int g = 0; g < counts.length; g++) {
            for (int h = g + 1; h < counts.length; h++) {
                s += counts[g][h];
            }
        }
        return (double) s / total;
    }

    @Override
    public String toString() {
        List<String> header = new ArrayList<>();
        header.add("from \\ to");
        header.addAll(names);
        List<List<String>> rows = new ArrayList<>();
        for (int g = 0; g < counts.length; g++) {
            List<String> r = new ArrayList<>();
            r.add(names.get(g));
            for (long v : counts[g]) {
                r.add(String.valueOf(v));
            }
            rows.add(r);
        }
        return TextTable.render(header, rows) + "unchanged " + TextTable.number(unchanged()) + ", improved "
            + TextTable.number(improved()) + ", deteriorated " + TextTable.number(deteriorated()) + "\n";
    }
}
