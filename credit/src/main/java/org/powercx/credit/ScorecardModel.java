package org.powercx.credit;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TextTable;

/**
 * A fitted logistic scorecard: the bins of each retained indicator with their weights of evidence and points,
 * the logistic model on the WoE design and the points scale. Immutable and thread-safe; fitted by
 * {@link Scorecard}.
 *
 * <p>A customer's score is the sum over indicators of the points of the bin its value falls in,
 * \( s = \sum_j \text{points}_{j, b_j(x_j)} = \text{offset} - \text{factor}\,\eta \), higher = better; its
 * default probability is \( 1/(1+e^{-\eta}) \).
 *
 * @since 0.2.0
 */
public final class ScorecardModel {
    private static final int BLOCK = 1024;

    private final List<BinnedIndicator> bins;
    private final List<BinnedIndicator> dropped;
    private final LogisticModel regression;
    private final PointsScaling scaling;
    private final double[][] upper;
    private final double[][] points;
    /** Per indicator, the bin grid of the scoring kernel, or null to count the bounds. */
    private final Grid[] grids;

    /**
     * A uniform grid over the bounds with at most one bound per cell: cell \( k = \min(K-1, \max(0,
     * \lfloor (x - u_1)\,s \rfloor)) \) is monotone in \( x \), so the bin of \( x \) is the number of bounds in lower
     * cells plus one if \( x \) exceeds the bound in its own cell (+inf when there is none).
     */
    private static final class Grid {
        final double lo;
        final double scale;
        final int last;
        final int[] below;
        final double[] cut;

        Grid(double lo, double scale, int[] below, double[] cut) {
            this.lo = lo;
            this.scale = scale;
            this.last = below.length - 1;
            this.below = below;
            this.cut = cut;
        }

        int cell(double x) {
            return Math.min(last, Math.max(0, (int) ((x - lo) * scale)));
        }

        /** A grid for the bounds, or null when 2^16 cells do not separate them. */
        static Grid of(double[] u) {
            if (u.length < 2) {
                return null;
            }
            double span = u[u.length - 1] - u[0];
            if (!(span > 0 && span < Double.POSITIVE_INFINITY)) {
                return null;
            }
            for (int cells = 4 * u.length; cells <= 1 << 16; cells *= 2) {
                Grid g = new Grid(u[0], cells / span, new int[cells], new double[cells]);
                int previous = -1;
                boolean separated = true;
                for (double b : u) {
                    int k = g.cell(b);
                    separated &= k > previous;
                    previous = k;
                }
                if (!separated) {
                    continue;
                }
                java.util.Arrays.fill(g.cut, Double.POSITIVE_INFINITY);
                int next = 0;
                for (int k = 0; k < cells; k++) {
                    g.below[k] = next;
                    if (next < u.length && g.cell(u[next]) == k) {
                        g.cut[k] = u[next];
                        next++;
                    }
                }
                return g;
            }
            return null;
        }
    }

    /**
     * One line of the scorecard table.
     *
     * @param indicator the indicator
     * @param bin the bin's interval, such as {@code (1, 2]}
     * @param woe the bin's weight of evidence
     * @param points the bin's points
     * @since 0.2.0
     */
    public record Row(String indicator, String bin, double woe, double points) {
    }

    ScorecardModel(List<BinnedIndicator> bins, List<BinnedIndicator> dropped, LogisticModel regression,
            PointsScaling scaling) {
        this.bins = List.copyOf(bins);
        this.dropped = List.copyOf(dropped);
        this.regression = regression;
        this.scaling = scaling;
        int m = bins.size();
        double[] beta = regression.coefficients();
        double b0 = regression.intercept();
        this.upper = new double[m][];
        this.points = new double[m][];
        this.grids = new Grid[m];
        for (int j = 0; j < m; j++) {
            upper[j] = bins.get(j).upperBounds();
            grids[j] = Grid.of(upper[j]);
            double[] woe = bins.get(j).woe();
            points[j] = new double[woe.length];
            for (int b = 0; b < woe.length; b++) {
                points[j][b] = -(beta[j] * woe[b] + b0 / m) * scaling.factor() + scaling.offset() / m;
            }
        }
    }

    /** The WoE of each value's bin. */
    static double[] woeColumn(BinnedIndicator b, double[] values) {
        double[] u = b.upperBounds();
        double[] woe = b.woe();
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = woe[BinnedIndicator.binOf(u, values[i])];
        }
        return out;
    }

    /**
     * Returns the bins of the indicators on the card, in card order.
     *
     * @return the bins of the indicators on the card
     */
    public List<BinnedIndicator> bins() {
        return bins;
    }

    /**
     * Returns the binned indicators left off the card (a single bin, or too little information value).
     *
     * @return the binned indicators left off the card
     */
    public List<BinnedIndicator> dropped() {
        return dropped;
    }

    /**
     * Returns the names of the indicators on the card, in card order.
     *
     * @return the names of the indicators on the card
     */
    public List<String> indicatorNames() {
        return regression.names();
    }

    /**
     * Returns the logistic model on the WoE design.
     *
     * @return the logistic model on the WoE design
     */
    public LogisticModel regression() {
        return regression;
    }

    /**
     * Returns the points scale.
     *
     * @return the points scale
     */
    public PointsScaling scaling() {
        return scaling;
    }

    /**
     * Copy of the points per bin of one indicator on the card.
     *
     * @param indicator the name
     * @return points per bin
     * @throws CreditException if the indicator is not on the card
     */
    public double[] points(String indicator) {
        return points[index(indicator)].clone();
    }

    private int index(String indicator) {
        int j = regression.names().indexOf(indicator);
        if (j < 0) {
            throw new CreditException("indicator '%s' is not on the scorecard (on it: %s)", indicator,
                String.join(", ", regression.names()));
        }
        return j;
    }

    /**
     * The scorecard table: indicator, bin, WoE and points, one row per bin.
     *
     * @return the rows, in card order
     */
    public List<Row> rows() {
        List<Row> out = new ArrayList<>();
        for (int j = 0; j < bins.size(); j++) {
            BinnedIndicator b = bins.get(j);
            double[] woe = b.woe();
            for (int k = 0; k < woe.length; k++) {
                out.add(new Row(b.name(), b.label(k), woe[k], points[j][k]));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The indicators' columns in card order, checked for NaN.
     *
     * @throws CreditException if the table lacks an indicator or holds NaN
     */
    private double[][] columns(IndicatorTable table) {
        if (table == null) {
            throw new CreditException("table is null");
        }
        double[][] cols = new double[bins.size()][];
        for (int j = 0; j < cols.length; j++) {
            String name = bins.get(j).name();
            if (!table.contains(name)) {
                throw new CreditException("the table has no indicator '%s' (the scorecard uses %s)", name,
                    String.join(", ", regression.names()));
            }
            cols[j] = table.column(name);
        }
        return cols;
    }

    /**
     * The scores of a table's customers.
     *
     * @param table customers with every indicator on the card (others ignored); not modified
     * @return one score per row, higher = better
     * @throws CreditException if an indicator is missing or a value is NaN
     */
    public double[] scores(IndicatorTable table) {
        double[][] cols = columns(table);
        double[] out = new double[table.rowCount()];
        scores(cols, out);
        return out;
    }

    /**
     * Scores columns of customers into {@code out}, without per-row allocation: column by column, each value's
     * bin is found without branches (a uniform grid over the bounds with at most one bound per cell, then the
     * sign bit of \( u - x \), which is negative exactly when \( x &gt; u \)) and its points added.
     *
     * @param columns one column per indicator on the card, in {@link #indicatorNames()} order, equal lengths,
     *     finite; not modified
     * @param out receives the scores; modified; at least as long as the columns
     * @throws CreditException if the shapes disagree or a value is not finite (naming indicator and row)
     */
    public void scores(double[][] columns, double[] out) {
        if (columns == null || columns.length != bins.size() || out == null) {
            throw new CreditException("%s columns for the %d indicators on the card", columns == null ? "no"
                : String.valueOf(columns.length), bins.size());
        }
        int n = columns[0] == null ? -1 : columns[0].length;
        for (int j = 0; j < columns.length; j++) {
            if (columns[j] == null || columns[j].length != n) {
                throw new CreditException("column of '%s' has %s values, expected %d", bins.get(j).name(),
                    columns[j] == null ? "no" : String.valueOf(columns[j].length), n);
            }
        }
        if (out.length < n) {
            throw new CreditException("output holds %d values for %d rows", out.length, n);
        }
        java.util.Arrays.fill(out, 0, n, 0.0);
        int[] bin = new int[Math.min(BLOCK, n)];
        for (int j = 0; j < columns.length; j++) {
            double[] c = columns[j];
            double[] u = upper[j];
            double[] pts = points[j];
            Grid g = grids[j];
            for (int r0 = 0; r0 < n; r0 += BLOCK) {
                int len = Math.min(BLOCK, n - r0);
                double check = 0;
                if (g != null) {
                    int[] below = g.below;
                    double[] cut = g.cut;
                    for (int i = 0; i < len; i++) {
                        double v = c[r0 + i];
                        int k = g.cell(v);
                        // v > cut[k] exactly when cut[k] - v is negative: its sign bit, without a branch
                        out[r0 + i] += pts[below[k] + (int) (Double.doubleToRawLongBits(cut[k] - v) >>> 63)];
                        check += v - v;
                    }
                } else {
                    java.util.Arrays.fill(bin, 0, len, 0);
                    for (double b : u) {
                        for (int i = 0; i < len; i++) {
                            bin[i] += (int) (Double.doubleToRawLongBits(b - c[r0 + i]) >>> 63);
                        }
                    }
                    for (int i = 0; i < len; i++) {
                        double v = c[r0 + i];
                        check += v - v;
                        out[r0 + i] += pts[bin[i]];
                    }
                }
                if (check != 0) {
                    for (int i = 0; i < len; i++) {
                        if (!Double.isFinite(c[r0 + i])) {
                            throw new CreditException("indicator '%s' row %d is not finite: %s", bins.get(j).name(),
                                r0 + i, c[r0 + i]);
                        }
                    }
                }
            }
        }
    }

    /**
     * The WoE design of a table: for each indicator on the card, the WoE of each customer's bin.
     *
     * @param table customers, not modified
     * @return one column per indicator on the card
     * @throws CreditException if an indicator is missing or a value is NaN
     */
    public double[][] woe(IndicatorTable table) {
        double[][] cols = columns(table);
        double[][] out = new double[cols.length][];
        for (int j = 0; j < cols.length; j++) {
            checkNotNaN(j, cols[j]);
            out[j] = woeColumn(bins.get(j), cols[j]);
        }
        return out;
    }

    private void checkNotNaN(int j, double[] c) {
        for (int i = 0; i < c.length; i++) {
            if (Double.isNaN(c[i])) {
                throw new CreditException("indicator '%s' row %d is NaN", bins.get(j).name(), i);
            }
        }
    }

    /**
     * The default log-odds \( \eta \) of a table's customers (higher = riskier).
     *
     * @param table customers, not modified
     * @return one per row
     * @throws CreditException if an indicator is missing or a value is NaN
     */
    public double[] logits(IndicatorTable table) {
        double[] out = new double[table == null ? 0 : table.rowCount()];
        regression.logits(woe(table), out);
        return out;
    }

    /**
     * The default probabilities of a table's customers.
     *
     * @param table customers, not modified
     * @return \( 1/(1+e^{-\eta}) \) per row
     * @throws CreditException if an indicator is missing or a value is NaN
     */
    public double[] defaultProbabilities(IndicatorTable table) {
        return regression.defaultProbabilities(woe(table));
    }

    /**
     * Characteristic stability of each indicator on the card between a calibration base and a new batch: the
     * shares of the card's bins in each, their population stability index and the score shift
     * \( \sum_b (a_b - e_b)\,\text{points}_b \) (Siddiqi 2006, ch. 8).
     *
     * @param base the calibration customers, not modified
     * @param batch the new customers, not modified
     * @param stability the epsilon rule for empty bins
     * @return one entry per indicator on the card, in card order
     * @throws CreditException if a table lacks an indicator, holds NaN, or is empty
     */
    public List<CharacteristicStability> characteristicStability(IndicatorTable base, IndicatorTable batch,
            PopulationStability stability) {
        if (stability == null) {
            throw new CreditException("stability settings are null; use PopulationStability.withDefaults()");
        }
        double[][] e = columns(base);
        double[][] a = columns(batch);
        List<CharacteristicStability> out = new ArrayList<>();
        for (int j = 0; j < e.length; j++) {
            checkNotNaN(j, e[j]);
            checkNotNaN(j, a[j]);
            BinnedIndicator b = bins.get(j);
            long[] ec = new long[b.binCount()];
            long[] ac = new long[b.binCount()];
            for (double v : e[j]) {
                ec[BinnedIndicator.binOf(upper[j], v)]++;
            }
            for (double v : a[j]) {
                ac[BinnedIndicator.binOf(upper[j], v)]++;
            }
            StabilityReport r = stability.evaluateCounts(b.labels(), ec, ac);
            out.add(new CharacteristicStability(b.name(), r, points[j]));
        }
        return List.copyOf(out);
    }

    /**
     * The scorecard as a text table.
     *
     * @return indicator, bin, WoE and points, one line per bin
     */
    public String table() {
        List<List<String>> lines = new ArrayList<>();
        for (Row r : rows()) {
            lines.add(List.of(r.indicator(), r.bin(), TextTable.number(r.woe()), TextTable.number(r.points())));
        }
        return TextTable.render(List.of("indicator", "bin", "WoE", "points"), lines);
    }

    @Override
    public String toString() {
        return "ScorecardModel[" + String.join(", ", regression.names()) + "; " + scaling + "]";
    }
}
