package org.powercx.grey;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TextTable;

/**
 * The outcome of a grey relational analysis of n customers on m indicators: normalised values, grey
 * relational coefficients \(\xi_i(k)\), weighted grades \(r_i = \sum_k w_k\xi_i(k)\), each indicator's
 * contribution \(w_k\xi_i(k)\) to each grade, the ranking, and the \(\Delta_{\min}, \Delta_{\max}\) used.
 *
 * <p>The ranking sorts grades from best (largest) to worst; equal grades keep table order, so the ranking
 * is deterministic. Grades and ranking are computed when the result is made; ranks by id, normalised values,
 * coefficients and contributions are computed on request from the scored table, which the result keeps, with the same
 * operations as the grades. Instances are immutable and thread-safe; array accessors return new arrays.
 *
 * @since 0.1.0
 */
public final class GreyRelationalResult {
    private static final int SHOWN_ROWS = 20;
    /** Value kinds of {@link #matrix(int)}. */
    private static final int NORMALISED = 0;
    private static final int COEFFICIENT = 1;
    private static final int CONTRIBUTION = 2;

    private final IndicatorTable table;
    private final int[] columns;
    private final GreyRelationalModel model;
    private final List<String> indicators;
    private final double[] grades;
    private final int[] order;
    /** Each row's rank, made from the order on the first request (the racy single check: a volatile write). */
    private volatile int[] ranks;

    GreyRelationalResult(IndicatorTable table, int[] columns, GreyRelationalModel model, double[] grades, int[] order) {
        this.table = table;
        this.columns = columns;
        this.model = model;
        List<String> names = new ArrayList<>(columns.length);
        for (Indicator ind : model.indicators()) {
            names.add(ind.name());
        }
        this.indicators = List.copyOf(names);
        this.grades = grades;
        this.order = order;
    }

    private int[] ranks() {
        int[] r = ranks;
        if (r == null) {
            r = new int[order.length];
            for (int k = 0; k < order.length; k++) {
                r[order[k]] = k + 1;
            }
            ranks = r;
        }
        return r;
    }

    private int row(String id) {
        if (id == null) {
            throw new GreyException("customer id must not be null");
        }
        try {
            return table.rowIndexOf(id);
        } catch (IllegalArgumentException e) {
            throw new GreyException("customer '%s' is not in the result", id);
        }
    }

    private int column(String name) {
        int j = indicators.indexOf(name);
        if (j < 0) {
            throw new GreyException("indicator '%s' is not in the result, which has %s", name, indicators);
        }
        return j;
    }

    private double value(int kind, int j, double x) {
        return switch (kind) {
            case NORMALISED -> model.normalisedValue(j, x);
            case COEFFICIENT -> model.coefficient(j, x);
            default -> model.weight(j) * model.coefficient(j, x);
        };
    }

    private double value(int kind, int i, int j) {
        return value(kind, j, table.get(i, columns[j]));
    }

    private double[][] matrix(int kind) {
        int m = indicators.size();
        int n = grades.length;
        double[][] out = new double[n][m];
        double[] buf = new double[Math.min(n, GradeKernel.BLOCK)];
        for (int j = 0; j < m; j++) {
            for (int start = 0; start < n; start += buf.length) {
                int len = Math.min(buf.length, n - start);
                table.copyColumn(columns[j], start, len, buf, 0);
                for (int t = 0; t < len; t++) {
                    out[start + t][j] = value(kind, j, buf[t]);
                }
            }
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
        return table.ids();
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
        double[] w = new double[indicators.size()];
        for (int j = 0; j < w.length; j++) {
            w[j] = model.weight(j);
        }
        return w;
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
     * The grey relational coefficients \(\xi_i(k)\), one row per customer, computed on request.
     *
     * @return a new n x m array
     */
    public double[][] coefficients() {
        return matrix(COEFFICIENT);
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
        return value(COEFFICIENT, row(id), column(indicator));
    }

    /**
     * The contributions \(w_k\xi_i(k)\), one row per customer, computed on request; each row sums to the
     * grade (up to the cap at 1).
     *
     * @return a new n x m array
     */
    public double[][] contributions() {
        return matrix(CONTRIBUTION);
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
        return value(CONTRIBUTION, row(id), column(indicator));
    }

    /**
     * The normalised values, clipped to the calibration range, one row per customer, computed on request.
     *
     * @return a new n x m array
     */
    public double[][] normalised() {
        return matrix(NORMALISED);
    }

    /**
     * The normalised reference sequence \(x_0\).
     *
     * @return a copy
     */
    public double[] reference() {
        return model.reference();
    }

    /**
     * The distinguishing coefficient used.
     *
     * @return rho
     */
    public double distinguishingCoefficient() {
        return model.distinguishingCoefficient();
    }

    /**
     * The global \(\Delta_{\min}\) used.
     *
     * @return Delta-min
     */
    public double deltaMin() {
        return model.deltaMin();
    }

    /**
     * The global \(\Delta_{\max}\) used.
     *
     * @return Delta-max
     */
    public double deltaMax() {
        return model.deltaMax();
    }

    /**
     * The customer ids from best to worst grade; equal grades keep table order.
     *
     * @return a new list
     */
    public List<String> ranking() {
        List<String> out = new ArrayList<>(order.length);
        for (int i : order) {
            out.add(table.id(i));
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
        return ranks()[row(id)];
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
            double top = value(CONTRIBUTION, i, 0);
            for (int j = 1; j < m; j++) {
                double c = value(CONTRIBUTION, i, j);
                if (c > top) {
                    best = j;
                    top = c;
                }
            }
            rows.add(List.of(String.valueOf(r + 1), table.id(i), TextTable.number(grades[i]),
                indicators.get(best)));
        }
        String more = order.length > SHOWN_ROWS ? "... " + (order.length - SHOWN_ROWS) + " more customers\n" : "";
        return "Grey relational grades (rho " + TextTable.number(model.distinguishingCoefficient()) + ", Delta-min "
            + TextTable.number(model.deltaMin()) + ", Delta-max " + TextTable.number(model.deltaMax()) + ")\n"
            + TextTable.render(List.of("rank", "customer", "grade", "top contribution"), rows) + more;
    }
}
