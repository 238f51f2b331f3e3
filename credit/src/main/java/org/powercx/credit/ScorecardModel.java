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
        for (int j = 0; j < m; j++) {
            upper[j] = bins.get(j).upperBounds();
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
     * bin is counted branch-free against the upper bounds and its points added.
     *
     * @param columns one column per indicator on the card, in {@link #indicatorNames()} order, equal lengths,
     *     no NaN; not modified
     * @param out receives the scores; modified; at least as long as the columns
     * @throws CreditException if the shapes disagree or a value is NaN (naming indicator and row)
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
            for (int r0 = 0; r0 < n; r0 += BLOCK) {
                int len = Math.min(BLOCK, n - r0);
                java.util.Arrays.fill(bin, 0, len, 0);
                boolean nan = false;
                for (double cut : u) {
                    for (int i = 0; i < len; i++) {
                        bin[i] += c[r0 + i] > cut ? 1 : 0;
                    }
                }
                for (int i = 0; i < len; i++) {
                    double v = c[r0 + i];
                    nan |= v != v;
                    out[r0 + i] += pts[bin[i]];
                }
                if (nan) {
                    for (int i = 0; i < len; i++) {
                        if (Double.isNaN(c[r0 + i])) {
                            throw new CreditException("indicator '%s' row %d is NaN", bins.get(j).name(), r0 + i);
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
