package org.powercx.grey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.powercx.core.TextTable;

/**
 * The outcome of a grey relational analysis of n customers on m indicators: normalised values, grey
 * relational coefficients \(\xi_i(k)\), weighted grades \(r_i = \sum_k w_k\xi_i(k)\), each indicator's
 * contribution \(w_k\xi_i(k)\) to each grade, the ranking, and the \(\Delta_{\min}, \Delta_{\max}\) used.
 *
 * <p>The ranking sorts grades from best (largest) to worst; equal grades keep table order, so the ranking
 * is deterministic. Instances are immutable; array accessors return copies.
 *
 * @since 0.1.0
 */
public final class GreyRelationalResult {
    private static final int SHOWN_ROWS = 20;

    private final List<String> ids;
    private final List<String> indicators;
    private final double[] weights;
    private final double[] normalised;
    private final double[] coefficients;
    private final double[] contributions;
    private final double[] grades;
    private final double[] reference;
    private final double rho;
    private final double deltaMin;
    private final double deltaMax;
    private final int[] order;
    private final int[] ranks;
    private final Map<String, Integer> rowOf;

    GreyRelationalResult(List<String> ids, List<String> indicators, double[] weights, double[] normalised,
            double[] coefficients, double[] contributions, double[] grades, double[] reference, double rho,
            double deltaMin, double deltaMax) {
        this.ids = List.copyOf(ids);
        this.indicators = List.copyOf(indicators);
        this.weights = weights.clone();
        this.normalised = normalised;
        this.coefficients = coefficients;
        this.contributions = contributions;
        this.grades = grades;
        this.reference = reference.clone();
        this.rho = rho;
        this.deltaMin = deltaMin;
        this.deltaMax = deltaMax;
        int n = grades.length;
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> {
            int c = Double.compare(grades[b], grades[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        this.order = new int[n];
        this.ranks = new int[n];
        for (int r = 0; r < n; r++) {
            order[r] = boxed[r];
            ranks[boxed[r]] = r + 1;
        }
        this.rowOf = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            rowOf.put(this.ids.get(i), i);
        }
    }

    private int row(String id) {
        Integer i = rowOf.get(id);
        if (i == null) {
            throw new GreyException("customer '%s' is not in the result", id);
        }
        return i;
    }

    private int column(String name) {
        int j = indicators.indexOf(name);
        if (j < 0) {
            throw new GreyException("indicator '%s' is not in the result, which has %s", name, indicators);
        }
        return j;
    }

    private double[][] matrix(double[] flat) {
        int m = indicators.size();
        double[][] out = new double[grades.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOfRange(flat, i * m, (i + 1) * m);
        }
        return out;
    }

    /**
     * The number of customers.
     *
     * @return n
     */
    public int rowCount() {
        return grades.length;
    }

    /**
     * The customer ids, in table order.
     *
     * @return an unmodifiable list
     */
    public List<String> ids() {
        return ids;
    }

    /**
     * The indicator names, in column order.
     *
     * @return an unmodifiable list
     */
    public List<String> indicatorNames() {
        return indicators;
    }

    /**
     * The weights aligned to the indicators.
     *
     * @return a copy
     */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * The grades \(r_i\), in table order.
     *
     * @return a copy
     */
    public double[] grades() {
        return grades.clone();
    }

    /**
     * One customer's grade.
     *
     * @param id the customer id
     * @return the grade
     * @throws GreyException if the id is unknown
     */
    public double grade(String id) {
        return grades[row(id)];
    }

    /**
     * The grey relational coefficients \(\xi_i(k)\), one row per customer.
     *
     * @return a new n x m array
     */
    public double[][] coefficients() {
        return matrix(coefficients);
    }

    /**
     * One coefficient.
     *
     * @param id the customer id
     * @param indicator the indicator name
     * @return \(\xi_i(k)\)
     * @throws GreyException if the id or name is unknown
     */
    public double coefficient(String id, String indicator) {
        return coefficients[row(id) * indicators.size() + column(indicator)];
    }

    /**
     * The contributions \(w_k\xi_i(k)\), one row per customer; each row sums to the grade.
     *
     * @return a new n x m array
     */
    public double[][] contributions() {
        return matrix(contributions);
    }

    /**
     * One indicator's contribution to one grade.
     *
     * @param id the customer id
     * @param indicator the indicator name
     * @return \(w_k\xi_i(k)\)
     * @throws GreyException if the id or name is unknown
     */
    public double contribution(String id, String indicator) {
        return contributions[row(id) * indicators.size() + column(indicator)];
    }

    /**
     * The normalised (and, for a fitted model, clipped) values, one row per customer.
     *
     * @return a new n x m array
     */
    public double[][] normalised() {
        return matrix(normalised);
    }

    /**
     * The normalised reference sequence \(x_0\).
     *
     * @return a copy
     */
    public double[] reference() {
        return reference.clone();
    }

    /**
     * The distinguishing coefficient used.
     *
     * @return rho
     */
    public double distinguishingCoefficient() {
        return rho;
    }

    /**
     * The global \(\Delta_{\min}\) used.
     *
     * @return Delta-min
     */
    public double deltaMin() {
        return deltaMin;
    }

    /**
     * The global \(\Delta_{\max}\) used.
     *
     * @return Delta-max
     */
    public double deltaMax() {
        return deltaMax;
    }

    /**
     * The customer ids from best to worst grade; equal grades keep table order.
     *
     * @return a new list
     */
    public List<String> ranking() {
        List<String> out = new ArrayList<>(order.length);
        for (int i : order) {
            out.add(ids.get(i));
        }
        return out;
    }

    /**
     * The row indices from best to worst grade.
     *
     * @return a copy
     */
    public int[] order() {
        return order.clone();
    }

    /**
     * One customer's rank, 1 for the best.
     *
     * @param id the customer id
     * @return the rank in [1, n]
     * @throws GreyException if the id is unknown
     */
    public int rank(String id) {
        return ranks[row(id)];
    }

    /**
     * The ranking as a text table (the best {@value #SHOWN_ROWS} customers) with each customer's largest
     * contribution.
     *
     * @return a readable rendering
     */
    @Override
    public String toString() {
        int m = indicators.size();
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < Math.min(SHOWN_ROWS, order.length); r++) {
            int i = order[r];
            int best = 0;
            for (int j = 1; j < m; j++) {
                if (contributions[i * m + j] > contributions[i * m + best]) {
                    best = j;
                }
            }
            rows.add(List.of(String.valueOf(r + 1), ids.get(i), TextTable.number(grades[i]), indicators.get(best)));
        }
        String more = order.length > SHOWN_ROWS ? "... " + (order.length - SHOWN_ROWS) + " more customers\n" : "";
        return "Grey relational grades (rho " + TextTable.number(rho) + ", Delta-min " + TextTable.number(deltaMin)
            + ", Delta-max " + TextTable.number(deltaMax) + ")\n"
            + TextTable.render(List.of("rank", "customer", "grade", "top contribution"), rows) + more;
    }
}
