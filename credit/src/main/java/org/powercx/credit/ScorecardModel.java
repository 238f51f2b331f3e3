package org.powercx.credit;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TextTable;
import org.powercx.core.internal.ParallelRanges;

/**
 * A fitted logistic scorecard: the bins of each retained indicator with their weights of evidence and points,
 * the logistic model on the WoE design and the points scale. Immutable and thread-safe; fitted by
 * {@link Scorecard}.
 *
 * <p>A customer's score is the sum over indicators of the points of the bin its value falls in,
 * \( s = \sum_j \text{points}_{j, b_j(x_j)} = \text{offset} - \text{factor}\,\eta \), higher = better; its
 * default probability is \( 1/(1+e^{-\eta}) \).
 *
 * <p>A model is a value: {@link #parameters()} holds the bins' bounds and counts, the regression and the scale,
 * and {@link #of(Parameters)} rebuilds a model whose every method returns the same bits (WoE, points and the
 * scoring grid are recomputed from them by the same arithmetic). It is {@link java.io.Serializable} through a
 * serialization proxy holding the parameters alone: the {@linkplain #withThreads(int) thread count} is a runtime
 * setting, so a deserialized model scores with one thread.
 *
 * @serial exclude
 * @since 0.2.0
 */
public final class ScorecardModel implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final int BLOCK = 1024;

    private final transient List<BinnedIndicator> bins;
    private final transient List<BinnedIndicator> dropped;
    private final transient LogisticModel regression;
    private final transient PointsScaling scaling;
    private final double[][] upper;
    private final double[][] points;
    /** Per indicator, the scoring table of the kernel. */
    private final transient Grid[] grids;
    private final transient int threads;

    /**
     * The bins of one indicator: its name, the upper bounds and the goods and defaults of each bin, from which
     * the weights of evidence are computed ({@link BinnedIndicator}).
     *
     * @param indicator the indicator's name, not blank
     * @param upperBounds finite, strictly increasing, one fewer than the bins
     * @param goods goods per bin, positive unless there is a single bin
     * @param defaults defaults per bin, positive unless there is a single bin
     * @serial exclude
     * @since 0.2.0
     */
    public record Bins(String indicator, double[] upperBounds, long[] goods, long[] defaults)
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Validates and copies the components.
         *
         * @param indicator the indicator's name
         * @param upperBounds the upper bounds
         * @param goods the goods per bin
         * @param defaults the defaults per bin
         * @throws CreditException naming the indicator and the bin if a component is invalid
         */
        public Bins {
            if (indicator == null || indicator.isBlank()) {
                throw new CreditException("scorecard bins: the indicator name is %s",
                    indicator == null ? "null" : "blank");
            }
            BinnedIndicator checked = new BinnedIndicator(indicator, upperBounds, goods, defaults);
            upperBounds = checked.upperBounds();
            goods = checked.goods();
            defaults = checked.defaults();
        }

        static Bins of(BinnedIndicator b) {
            return new Bins(b.name(), b.upperBounds(), b.goods(), b.defaults());
        }

        BinnedIndicator binned() {
            return new BinnedIndicator(indicator, upperBounds, goods, defaults);
        }

        /**
         * The {@code upperBounds} component.
         *
         * @return a copy
         */
        @Override
        public double[] upperBounds() {
            return upperBounds.clone();
        }

        /**
         * The {@code goods} component.
         *
         * @return a copy
         */
        @Override
        public long[] goods() {
            return goods.clone();
        }

        /**
         * The {@code defaults} component.
         *
         * @return a copy
         */
        @Override
        public long[] defaults() {
            return defaults.clone();
        }

        /**
         * Equal when the names, the bounds' bits and the counts are equal.
         *
         * @param other another object
         * @return whether equal
         */
        @Override
        public boolean equals(Object other) {
            return other instanceof Bins o && indicator.equals(o.indicator)
                && java.util.Arrays.equals(upperBounds, o.upperBounds) && java.util.Arrays.equals(goods, o.goods)
                && java.util.Arrays.equals(defaults, o.defaults);
        }

        /**
         * A hash code consistent with {@link #equals}.
         *
         * @return the hash code
         */
        @Override
        public int hashCode() {
            return java.util.Objects.hash(indicator, java.util.Arrays.hashCode(upperBounds),
                java.util.Arrays.hashCode(goods), java.util.Arrays.hashCode(defaults));
        }

        /**
         * A short description.
         *
         * @return the text
         */
        @Override
        public String toString() {
            return "Bins[" + indicator + ", upperBounds=" + java.util.Arrays.toString(upperBounds) + ", goods="
                + java.util.Arrays.toString(goods) + ", defaults=" + java.util.Arrays.toString(defaults) + "]";
        }
    }

    /**
     * Everything a scorecard is built from: the bins of the indicators on the card and of those left off, the
     * logistic regression on the WoE design and the points scale.
     *
     * @param card the bins of the indicators on the card, in card order, at least one
     * @param dropped the bins of the indicators left off the card, possibly none
     * @param intercept the regression's intercept \( \beta_0 \), finite
     * @param coefficients one finite coefficient per indicator on the card
     * @param penalty the L2 penalty of the fit, finite and non-negative
     * @param iterations the IRLS iterations of the fit, non-negative
     * @param passes the passes over the data of the fit, non-negative
     * @param pdo points to double the odds, positive and finite
     * @param basePoints the score at the base odds, finite
     * @param baseOdds the good:bad odds of the base points, positive and finite
     * @serial exclude
     * @since 0.2.0
     */
    public record Parameters(List<Bins> card, List<Bins> dropped, double intercept, double[] coefficients,
            double penalty, int iterations, int passes, double pdo, double basePoints, double baseOdds)
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Validates and copies the components.
         *
         * @param card the bins on the card
         * @param dropped the bins left off
         * @param intercept the intercept
         * @param coefficients the coefficients
         * @param penalty the penalty
         * @param iterations the iterations
         * @param passes the passes
         * @param pdo points to double the odds
         * @param basePoints the base points
         * @param baseOdds the base odds
         * @throws CreditException naming the component and value if one is null, of the wrong length, not finite
         *     or out of range, or an indicator is repeated
         */
        public Parameters {
            if (card == null || card.isEmpty() || card.stream().anyMatch(java.util.Objects::isNull)) {
                throw new CreditException("scorecard parameters: card must hold the bins of at least one indicator, "
                    + "got %s", card == null ? "null" : card.isEmpty() ? "none" : "a null entry");
            }
            if (dropped == null || dropped.stream().anyMatch(java.util.Objects::isNull)) {
                throw new CreditException("scorecard parameters: dropped must be a list without nulls, got %s",
                    dropped == null ? "null" : "a null entry");
            }
            card = List.copyOf(card);
            dropped = List.copyOf(dropped);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Bins b : card) {
                if (!seen.add(b.indicator())) {
                    throw new CreditException("scorecard parameters: indicator '%s' is repeated", b.indicator());
                }
            }
            for (Bins b : dropped) {
                if (!seen.add(b.indicator())) {
                    throw new CreditException("scorecard parameters: indicator '%s' is repeated", b.indicator());
                }
            }
            if (!Double.isFinite(intercept)) {
                throw new CreditException("scorecard parameters: intercept must be finite, got %s", intercept);
            }
            if (coefficients == null || coefficients.length != card.size()) {
                throw new CreditException("scorecard parameters: coefficients must hold %d values, got %s",
                    card.size(), coefficients == null ? "null" : String.valueOf(coefficients.length));
            }
            coefficients = coefficients.clone();
            for (int j = 0; j < coefficients.length; j++) {
                if (!Double.isFinite(coefficients[j])) {
                    throw new CreditException("scorecard parameters: coefficients[%d] ('%s') must be finite, got %s",
                        j, card.get(j).indicator(), coefficients[j]);
                }
            }
            if (!(penalty >= 0 && penalty < Double.POSITIVE_INFINITY)) {
                throw new CreditException("scorecard parameters: penalty must be finite and non-negative, got %s",
                    penalty);
            }
            if (iterations < 0 || passes < 0) {
                throw new CreditException("scorecard parameters: iterations and passes must be non-negative, got %d "
                    + "and %d", iterations, passes);
            }
            PointsScaling.of(pdo, basePoints, baseOdds);
        }

        /**
         * The {@code coefficients} component.
         *
         * @return a copy
         */
        @Override
        public double[] coefficients() {
            return coefficients.clone();
        }

        /**
         * Equal when every component is equal, doubles bit for bit.
         *
         * @param other another object
         * @return whether equal
         */
        @Override
        public boolean equals(Object other) {
            return other instanceof Parameters o && card.equals(o.card) && dropped.equals(o.dropped)
                && Double.compare(intercept, o.intercept) == 0 && java.util.Arrays.equals(coefficients, o.coefficients)
                && Double.compare(penalty, o.penalty) == 0 && iterations == o.iterations && passes == o.passes
                && Double.compare(pdo, o.pdo) == 0 && Double.compare(basePoints, o.basePoints) == 0
                && Double.compare(baseOdds, o.baseOdds) == 0;
        }

        /**
         * A hash code consistent with {@link #equals}.
         *
         * @return the hash code
         */
        @Override
        public int hashCode() {
            return java.util.Objects.hash(card, dropped, intercept, java.util.Arrays.hashCode(coefficients), penalty,
                iterations, passes, pdo, basePoints, baseOdds);
        }

        /**
         * A short description.
         *
         * @return the text
         */
        @Override
        public String toString() {
            return "ScorecardModel.Parameters[card=" + card + ", dropped=" + dropped + ", intercept=" + intercept
                + ", coefficients=" + java.util.Arrays.toString(coefficients) + ", penalty=" + penalty
                + ", iterations=" + iterations + ", passes=" + passes + ", pdo=" + pdo + ", basePoints="
                + basePoints + ", baseOdds=" + baseOdds + "]";
        }
    }

    /**
     * The bins, regression and scale of this scorecard.
     *
     * @return the parameters
     * @since 0.2.0
     */
    public Parameters parameters() {
        List<Bins> card = new ArrayList<>();
        bins.forEach(b -> card.add(Bins.of(b)));
        List<Bins> off = new ArrayList<>();
        dropped.forEach(b -> off.add(Bins.of(b)));
        return new Parameters(card, off, regression.intercept(), regression.coefficients(), regression.penalty(),
            regression.iterations(), regression.passes(), scaling.pdo(), scaling.basePoints(), scaling.baseOdds());
    }

    /**
     * Rebuilds a scorecard from its parameters; every method of the result returns the same bits as the model
     * the parameters came from.
     *
     * @param parameters the parameters
     * @return the scorecard
     * @throws CreditException if the parameters are null
     * @since 0.2.0
     */
    public static ScorecardModel of(Parameters parameters) {
        if (parameters == null) {
            throw new CreditException("scorecard parameters are null");
        }
        List<BinnedIndicator> card = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Bins b : parameters.card) {
            card.add(b.binned());
            names.add(b.indicator);
        }
        List<BinnedIndicator> off = new ArrayList<>();
        parameters.dropped.forEach(b -> off.add(b.binned()));
        LogisticModel regression = new LogisticModel(names, parameters.intercept, parameters.coefficients,
            parameters.penalty, parameters.iterations, parameters.passes);
        return new ScorecardModel(card, off, regression,
            PointsScaling.of(parameters.pdo, parameters.basePoints, parameters.baseOdds));
    }

    private Object writeReplace() {
        return new SerializedForm(parameters());
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("use the serialization proxy");
    }

    /**
     * The serialized form: the parameters, validated again when read. The thread count is a runtime setting, not
     * part of the model: a model is read back scoring with one thread (a {@code threads} field written by an
     * earlier form is ignored).
     */
    private static final class SerializedForm implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final Parameters parameters;

        SerializedForm(Parameters parameters) {
            this.parameters = parameters;
        }

        private Object readResolve() {
            return of(parameters);
        }
    }

    /**
     * The scoring table of one indicator: a uniform grid over the bounds with at most one bound per cell. Cell
     * \( k = \min(K-1, \max(0, \lfloor (x - u_1)\,s \rfloor)) \) is monotone in \( x \), so the bin of \( x \) is the
     * number of bounds in lower cells plus one if \( x \) exceeds the bound in its own cell (+inf when there is none);
     * {@code pair[2k]} and {@code pair[2k + 1]} hold the points of those two bins, so that one sign bit picks the
     * points. The cuts hold the bounds plus 0.0, so that a bound of -0.0 compares as 0.0 does (u - x is -0.0 for
     * u = -0.0 and x = 0.0, yet x is not above u). A single bound is a grid of one cell. With {@code cut == null}
     * (2^16 cells do not separate the bounds) the kernel counts the bounds below each value instead.
     */
    private static final class Grid {
        final double lo;
        final double scale;
        final int last;
        final double[] cut;
        final double[] pair;

        private Grid(double lo, double scale, int cells) {
            this.lo = lo;
            this.scale = scale;
            this.last = cells - 1;
            this.cut = cells == 0 ? null : new double[cells];
            this.pair = new double[2 * cells];
        }

        int cell(double x) {
            return Math.min(last, Math.max(0, (int) ((x - lo) * scale)));
        }

        /** The table of bounds {@code u} and points {@code pts}, or a grid without cells to count the bounds. */
        static Grid of(double[] u, double[] pts) {
            if (u.length == 1) {
                Grid g = new Grid(u[0], 0, 1);
                g.cut[0] = u[0] + 0.0;
                g.pair[0] = pts[0];
                g.pair[1] = pts[1];
                return g;
            }
            double span = u[u.length - 1] - u[0];
            for (int cells = 4 * u.length; span > 0 && span < Double.POSITIVE_INFINITY && cells <= 1 << 16;
                    cells *= 2) {
                Grid g = new Grid(u[0], cells / span, cells);
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
                    g.pair[2 * k] = pts[next];
                    if (next < u.length && g.cell(u[next]) == k) {
                        g.cut[k] = u[next] + 0.0;
                        next++;
                    }
                    g.pair[2 * k + 1] = pts[next];
                }
                return g;
            }
            return new Grid(0, 0, 0);
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
        this.threads = 1;
        for (int j = 0; j < m; j++) {
            upper[j] = bins.get(j).upperBounds();
            double[] woe = bins.get(j).woe();
            points[j] = new double[woe.length];
            for (int b = 0; b < woe.length; b++) {
                points[j][b] = -(beta[j] * woe[b] + b0 / m) * scaling.factor() + scaling.offset() / m;
            }
            grids[j] = Grid.of(upper[j], points[j]);
        }
    }

    private ScorecardModel(ScorecardModel model, int threads) {
        this.bins = model.bins;
        this.dropped = model.dropped;
        this.regression = model.regression;
        this.scaling = model.scaling;
        this.upper = model.upper;
        this.points = model.points;
        this.grids = model.grids;
        this.threads = threads;
    }

    /**
     * This scorecard scoring with another number of threads: {@link #scores(double[][], double[])} and
     * {@link #scores(IndicatorTable)} split the rows into fixed blocks shared among the threads; every score
     * depends only on its own row, so the scores are bit-identical for any thread count. The count is not part of
     * the model's value: {@link #parameters()}, model files and Java serialization leave it out.
     *
     * @param newThreads 1 to {@value org.powercx.core.internal.ParallelRanges#MAX_THREADS}
     * @return a scorecard with the same parameters
     * @throws CreditException if the count is below 1 or above the cap
     * @since 0.2.0
     */
    public ScorecardModel withThreads(int newThreads) {
        if (!ParallelRanges.isValidThreadCount(newThreads)) {
            throw new CreditException("threads must lie in [1, %d], got %d", ParallelRanges.MAX_THREADS,
                newThreads);
        }
        return new ScorecardModel(this, newThreads);
    }

    /**
     * The number of scoring threads (1 unless set by {@link #withThreads(int)}).
     *
     * @return the thread count
     * @since 0.2.0
     */
    public int threads() {
        return threads;
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
            // read in place: scoring never writes into its columns
            cols[j] = org.powercx.core.internal.TableColumns.view(table, table.indexOf(name));
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
     * Scores columns of customers into {@code out}, without per-row allocation: block by block of rows, each
     * column in card order adds to the block's scores the points of each value's bin, found without branches (a
     * uniform grid over the bounds with at most one bound per cell, then the sign bit of \( u - x \), which is
     * negative exactly when \( x &gt; u \)). Each score is the sum, in card order from 0, of the points of its
     * bins, whatever the {@linkplain #withThreads(int) thread count}.
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
        int blocks = (n + BLOCK - 1) / BLOCK;
        boolean[] flagged = new boolean[blocks];
        ParallelRanges.run(blocks, threads, (b0, b1) -> scoreBlocks(columns, n, b0, b1, out, flagged));
        for (boolean f : flagged) {
            if (f) {
                throw notFinite(columns);
            }
        }
    }

    /**
     * Scores the row blocks [b0, b1): per block, the block of {@code out} stays in L1 while every column adds its
     * points in card order; a block holding a value that is not finite is flagged.
     */
    private void scoreBlocks(double[][] columns, int n, int b0, int b1, double[] out, boolean[] flagged) {
        int[] bin = new int[BLOCK];
        for (int b = b0; b < b1; b++) {
            int r0 = b * BLOCK;
            int r1 = Math.min(n, r0 + BLOCK);
            java.util.Arrays.fill(out, r0, r1, 0.0);
            double check = 0;
            for (int j = 0; j < columns.length; j++) {
                double[] c = columns[j];
                Grid g = grids[j];
                double[] cut = g.cut;
                if (cut != null) {
                    double[] pair = g.pair;
                    double lo = g.lo;
                    double scale = g.scale;
                    int last = g.last;
                    for (int i = r0; i < r1; i++) {
                        double v = c[i];
                        int k = Math.min(last, Math.max(0, (int) ((v - lo) * scale)));
                        // v > cut[k] exactly when cut[k] - v is negative: its sign bit picks the upper bin
                        out[i] += pair[2 * k + (int) (Double.doubleToRawLongBits(cut[k] - v) >>> 63)];
                        check += v - v;
                    }
                } else {
                    double[] pts = points[j];
                    java.util.Arrays.fill(bin, 0);
                    for (double bound : upper[j]) {
                        double u = bound + 0.0;
                        for (int i = r0; i < r1; i++) {
                            bin[i - r0] += (int) (Double.doubleToRawLongBits(u - c[i]) >>> 63);
                        }
                    }
                    for (int i = r0; i < r1; i++) {
                        double v = c[i];
                        check += v - v;
                        out[i] += pts[bin[i - r0]];
                    }
                }
            }
            // v - v is 0 for finite v and NaN otherwise
            flagged[b] = check != 0;
        }
    }

    /** The first value, column by column, that is not finite. */
    private CreditException notFinite(double[][] columns) {
        for (int j = 0; j < columns.length; j++) {
            double[] c = columns[j];
            for (int i = 0; i < c.length; i++) {
                if (!Double.isFinite(c[i])) {
                    return new CreditException("indicator '%s' row %d is not finite: %s", bins.get(j).name(), i,
                        c[i]);
                }
            }
        }
        throw new IllegalStateException("a flagged block holds only finite values");
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
