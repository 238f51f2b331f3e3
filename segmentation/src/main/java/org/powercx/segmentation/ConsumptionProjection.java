package org.powercx.segmentation;

import org.powercx.core.CustomerIndicators;

import java.util.List;
import org.powercx.core.IndicatorTable;

/**
 * Projects each customer's next-period consumption with the grey model GM(1,1), fitted to the customer's own
 * consumption history, as a potential-value indicator.
 *
 * <p>For a positive series \( x^{(0)}(1..n) \), \( n \ge 4 \), with accumulated series \( x^{(1)} \) and
 * background values \( z(k) = \frac12 (x^{(1)}(k) + x^{(1)}(k-1)) \), the development coefficient \( a \) and
 * grey input \( b \) are the least-squares solution of \( x^{(0)}(k) = -a z(k) + b \), \( k = 2..n \), and the
 * forecast is \( \hat x^{(0)}(n+h) = (1 - e^{a}) (x^{(0)}(1) - b/a) e^{-a (n+h-1)} \) (\( b \) when
 * \( a = 0 \)) (J. Deng, Introduction to grey system theory, The Journal of Grey System 1(1) (1989) 1-24). This
 * is the primitive, allocation-free form of the grey module's {@code GreyModel.withDefaults().fit(series)
 * .forecast(h)} (no level-ratio shift), for scoring millions of customers; the tests check that both agree.
 *
 * @since 0.1.0
 */
public final class ConsumptionProjection {
    /** Name of the projected-consumption indicator the value index system may use. */
    public static final String PROJECTED_CONSUMPTION = "projected_consumption";
    /** The default history: the five yearly consumption columns of {@link CustomerIndicators}. */
    public static final List<String> DEFAULT_SERIES = List.of("consumption_y1", "consumption_y2", "consumption_y3",
        "consumption_y4", "consumption_y5");

    private ConsumptionProjection() {
    }

    /**
     * Projects every customer of a table.
     *
     * @param table the customers, with the history columns
     * @param series the history columns, oldest first, at least four
     * @param steps how many periods ahead, 1 to 100
     * @return one projection per row
     * @throws SegmentationException if a column is unknown, there are fewer than four, the steps are out of
     *     range, a customer's history holds a value that is not positive (naming customer and column), or a
     *     customer's projection is not finite because the history overflows double precision (naming the customer)
     */
    public static double[] project(IndicatorTable table, List<String> series, int steps) {
        if (table == null || series == null || series.size() < 4) {
            throw new SegmentationException("GM(1,1) projection needs a table and at least 4 history columns but got %s",
                series);
        }
        double[][] cols = new double[series.size()][];
        for (int t = 0; t < cols.length; t++) {
            if (!table.contains(series.get(t))) {
                throw new SegmentationException("consumption projection: unknown indicator '%s'; the table has %s",
                    series.get(t), table.indicatorNames());
            }
            cols[t] = table.column(series.get(t));
            for (int i = 0; i < cols[t].length; i++) {
                if (!(cols[t][i] > 0)) {
                    throw new SegmentationException("consumption projection: customer '%s', indicator '%s' must be positive but was %s",
                        table.id(i), series.get(t), cols[t][i]);
                }
            }
        }
        double[] out = new double[table.rowCount()];
        project(cols, steps, out);
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i])) {
                throw new SegmentationException("consumption projection: customer '%s': the GM(1,1) projection of %s"
                    + " is %s; the history spans magnitudes beyond double precision", table.id(i), series, out[i]);
            }
        }
        return out;
    }

    /**
     * The kernel: projects rows of column-major histories into a caller's buffer, without allocation.
     * Values are not checked (a non-positive history gives a meaningless projection).
     *
     * @param series one array per period, oldest first, at least four, each as long as {@code out}; not modified
     * @param steps how many periods ahead, 1 to 100
     * @param out receives one projection per row; modified
     * @throws SegmentationException if the sizes disagree or the steps are out of range
     */
    public static void project(double[][] series, int steps, double[] out) {
        if (series == null || series.length < 4 || out == null) {
            throw new SegmentationException("GM(1,1) projection needs at least 4 history columns and an output buffer");
        }
        if (steps < 1 || steps > 100) {
            throw new SegmentationException("projection steps must be 1 to 100 but was %d", steps);
        }
        for (double[] col : series) {
            if (col == null || col.length != out.length) {
                throw new SegmentationException("every history column must have %d values", out.length);
            }
        }
        project(series, 0, out.length, steps, out);
    }

    /** The kernel on rows {@code [from, to)}; row {@code from} lands at {@code out[0]}. Unchecked. */
    static void project(double[][] series, int from, int to, int steps, double[] out) {
        int n = series.length;
        double t = n + steps - 1;
        for (int i = from; i < to; i++) {
            double cum = series[0][i];
            double zSum = 0;
            double ySum = 0;
            for (int k = 1; k < n; k++) {
                double x = series[k][i];
                double next = cum + x;
                zSum += 0.5 * (cum + next);
                ySum += x;
                cum = next;
            }
            double zMean = zSum / (n - 1);
            double yMean = ySum / (n - 1);
            double szz = 0;
            double szy = 0;
            cum = series[0][i];
            for (int k = 1; k < n; k++) {
                double x = series[k][i];
                double next = cum + x;
                double dz = 0.5 * (cum + next) - zMean;
                szz += dz * dz;
                szy += dz * (x - yMean);
                cum = next;
            }
            double a = -szy / szz;
            double b = yMean + a * zMean;
            out[i - from] = a == 0 ? b : -Math.expm1(a) * (series[0][i] - b / a) * Math.exp(-a * t);
        }
    }
}
