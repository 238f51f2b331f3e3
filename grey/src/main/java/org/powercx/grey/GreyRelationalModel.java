package org.powercx.grey;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjDoubleConsumer;
import org.powercx.core.CoreException;
import org.powercx.core.CsvBlockReader;
import org.powercx.core.Direction;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorStatistics;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Normalisation;
import org.powercx.core.Normaliser;
import org.powercx.core.TextTable;
import org.powercx.core.Weights;
import org.powercx.core.internal.TableColumns;

/**
 * A grey relational analysis fitted on a calibration table: it holds the normalisation bounds, the
 * normalised reference sequence \(x_0\), the weights and the global \(\Delta_{\min}, \Delta_{\max}\), and
 * scores a row, a table or a CSV stream against them (formulae in {@link GreyRelationalAnalysis}).
 *
 * <p><b>Values outside the calibration bounds are clipped.</b> Each normalised value is clipped to the range
 * of that indicator's normalised values in the calibration table (for MIN_MAX and any monotone normalisation
 * this is the same as clipping the raw value to the calibration \([\min_j, \max_j]\)), and each distance
 * \(\Delta_i(k)\) to the calibration \([\Delta_{\min}, \Delta_{\max}]\). A new customer who is better than every
 * calibration customer on an indicator therefore scores like the best calibration customer there, every
 * coefficient stays in \([\xi_{\min}, 1]\), and grades of new customers are comparable with the calibration
 * grades. Both clips leave calibration rows unchanged, so scoring the calibration table reproduces
 * {@link GreyRelationalAnalysis#evaluate(IndicatorTable, Weights)} exactly.
 *
 * <p>The scoring kernel works on primitive column arrays in blocks of {@value #BLOCK} rows and normalises,
 * clips and grades in one pass per column without per-row allocation. With more than one thread the blocks are shared among
 * threads; every grade depends only on its own row, so the results are bit-identical to sequential
 * scoring. Instances are immutable and thread-safe.
 *
 * <p>A model is a value: {@link #parameters()} holds every number and choice its scoring reads (including which
 * columns are normalised inline), {@link #of(Parameters)} rebuilds a model that scores every row to the same
 * bits, and the model is {@link java.io.Serializable} through a serialization proxy holding the parameters.
 *
 * @since 0.1.0
 * @serial exclude
 */
public final class GreyRelationalModel implements java.io.Serializable {
    /** Rows per scoring block. */
    public static final int BLOCK = GradeKernel.BLOCK;

    private final List<Indicator> indicators;
    private final Weights weights;
    private final double[] w;
    private final Normaliser normaliser;
    private final double[] ref;
    private final double rho;
    private final double deltaMin;
    private final double deltaMax;
    private final int threads;
    private final GradeKernel kernel;

    private GreyRelationalModel(List<Indicator> indicators, Weights weights, double[] w, Normaliser normaliser,
            double[] ref, double rho, double deltaMin, double deltaMax, int threads, GradeKernel kernel) {
        this.indicators = indicators;
        this.weights = weights;
        this.w = w;
        this.normaliser = normaliser;
        this.ref = ref;
        this.rho = rho;
        this.deltaMin = deltaMin;
        this.deltaMax = deltaMax;
        this.threads = threads;
        this.kernel = kernel;
    }

    /**
     * Everything a fitted model's arithmetic reads. The fitted indicators are the normaliser's.
     *
     * @param normaliser the fitted normalisation
     * @param weights one weight per fitted indicator (matched by name)
     * @param reference the normalised reference sequence \(x_0\), in fitted indicator order; copied
     * @param lowerBounds the lower clip bound of each indicator's normalised values; copied
     * @param upperBounds the upper clip bound of each indicator's normalised values; copied
     * @param inline per indicator, whether the scoring kernel normalises it inline with the reciprocal of the
     *     scale (true) or through the normaliser's own division (false), as decided at fit time; copied
     * @param distinguishingCoefficient \(\rho \in (0, 1]\)
     * @param deltaMin the global \(\Delta_{\min}\)
     * @param deltaMax the global \(\Delta_{\max}\)
     * @since 0.2.0
     * @serial exclude
     */
    public record Parameters(Normaliser.Parameters normaliser, Weights weights, double[] reference,
            double[] lowerBounds, double[] upperBounds, boolean[] inline, double distinguishingCoefficient,
            double deltaMin, double deltaMax) implements java.io.Serializable {
        /**
         * Validates and copies the components.
         *
         * @param normaliser the fitted normalisation
         * @param weights the weights
         * @param reference the reference sequence
         * @param lowerBounds the lower clip bounds
         * @param upperBounds the upper clip bounds
         * @param inline the normalisation path of each indicator
         * @param distinguishingCoefficient rho
         * @param deltaMin Delta-min
         * @param deltaMax Delta-max
         * @throws GreyException naming the component if one is null, has the wrong length or a non-finite value,
         *     the weights do not match the indicators, a lower bound exceeds its upper bound, rho is outside
         *     (0, 1] or the Deltas are not ordered non-negative numbers
         */
        public Parameters {
            if (normaliser == null || weights == null) {
                throw new GreyException("grey relational model parameters: %s is null",
                    normaliser == null ? "normaliser" : "weights");
            }
            List<Indicator> indicators = normaliser.indicators();
            int m = indicators.size();
            try {
                weights.alignTo(names(indicators));
            } catch (CoreException e) {
                throw new GreyException("grey relational model parameters: " + e.getMessage(), e);
            }
            reference = finite("reference", reference, indicators);
            lowerBounds = finite("lowerBounds", lowerBounds, indicators);
            upperBounds = finite("upperBounds", upperBounds, indicators);
            for (int j = 0; j < m; j++) {
                if (!(lowerBounds[j] <= upperBounds[j])) {
                    throw new GreyException("grey relational model parameters: indicator '%s': lower bound %s "
                        + "exceeds upper bound %s", indicators.get(j).name(), lowerBounds[j], upperBounds[j]);
                }
            }
            if (inline == null || inline.length != m) {
                throw new GreyException("grey relational model parameters: inline has %s values but there are %d "
                    + "indicators", inline == null ? "no" : String.valueOf(inline.length), m);
            }
            inline = inline.clone();
            if (!(distinguishingCoefficient > 0 && distinguishingCoefficient <= 1)) {
                throw new GreyException("grey relational model parameters: distinguishing coefficient rho must be "
                    + "in (0, 1] but was %s", distinguishingCoefficient);
            }
            if (!(deltaMin >= 0 && deltaMin <= deltaMax && Double.isFinite(deltaMax))) {
                throw new GreyException("grey relational model parameters: Delta-min %s and Delta-max %s must be "
                    + "finite with 0 <= Delta-min <= Delta-max", deltaMin, deltaMax);
            }
            checkRho(distinguishingCoefficient, deltaMax);
        }

        private static double[] finite(String field, double[] values, List<Indicator> indicators) {
            if (values == null || values.length != indicators.size()) {
                throw new GreyException("grey relational model parameters: %s has %s values but there are %d "
                    + "indicators", field, values == null ? "no" : String.valueOf(values.length), indicators.size());
            }
            for (int j = 0; j < values.length; j++) {
                if (!Double.isFinite(values[j])) {
                    throw new GreyException("grey relational model parameters: indicator '%s': %s must be finite "
                        + "but was %s", indicators.get(j).name(), field, values[j]);
                }
            }
            return values.clone();
        }

        /**
         * The reference sequence.
         *
         * @return a copy
         */
        @Override
        public double[] reference() {
            return reference.clone();
        }

        /**
         * The lower clip bounds.
         *
         * @return a copy
         */
        @Override
        public double[] lowerBounds() {
            return lowerBounds.clone();
        }

        /**
         * The upper clip bounds.
         *
         * @return a copy
         */
        @Override
        public double[] upperBounds() {
            return upperBounds.clone();
        }

        /**
         * The normalisation path of each indicator.
         *
         * @return a copy
         */
        @Override
        public boolean[] inline() {
            return inline.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Parameters p && normaliser.equals(p.normaliser) && weights.equals(p.weights)
                && java.util.Arrays.equals(reference, p.reference)
                && java.util.Arrays.equals(lowerBounds, p.lowerBounds)
                && java.util.Arrays.equals(upperBounds, p.upperBounds)
                && java.util.Arrays.equals(inline, p.inline)
                && Double.compare(distinguishingCoefficient, p.distinguishingCoefficient) == 0
                && Double.compare(deltaMin, p.deltaMin) == 0 && Double.compare(deltaMax, p.deltaMax) == 0;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(normaliser, weights, java.util.Arrays.hashCode(reference),
                java.util.Arrays.hashCode(lowerBounds), java.util.Arrays.hashCode(upperBounds),
                java.util.Arrays.hashCode(inline), distinguishingCoefficient, deltaMin, deltaMax);
        }

        @Override
        public String toString() {
            return "GreyRelationalModel.Parameters[normaliser=" + normaliser + ", weights=" + weights.asMap()
                + ", reference=" + java.util.Arrays.toString(reference) + ", lowerBounds="
                + java.util.Arrays.toString(lowerBounds) + ", upperBounds=" + java.util.Arrays.toString(upperBounds)
                + ", inline=" + java.util.Arrays.toString(inline) + ", distinguishingCoefficient="
                + distinguishingCoefficient + ", deltaMin=" + deltaMin + ", deltaMax=" + deltaMax + "]";
        }
    }

    private static List<String> names(List<Indicator> indicators) {
        List<String> names = new ArrayList<>(indicators.size());
        for (Indicator ind : indicators) {
            names.add(ind.name());
        }
        return names;
    }

    private static void checkRho(double rho, double dmax) {
        if (dmax > 0 && !(rho * dmax >= Double.MIN_NORMAL && rho >= Double.MIN_NORMAL)) {
            // a subnormal rho or rho * Delta-max loses the coefficients to underflow (grades of 0, or all 1)
            throw new GreyException("distinguishing coefficient rho = %s is too small for Delta-max = %s: "
                + "rho * Delta-max underflows", rho, dmax);
        }
        if (!Double.isFinite(dmax + rho * dmax)) {
            throw new GreyException("Delta-max = %s is too large: Delta + rho * Delta-max overflows a double", dmax);
        }
    }

    /**
     * The parameters of this model: everything its scoring reads.
     *
     * @return the parameters
     * @since 0.2.0
     */
    public Parameters parameters() {
        boolean[] inline = new boolean[w.length];
        for (int j = 0; j < inline.length; j++) {
            inline[j] = kernel.isInline(j);
        }
        return new Parameters(normaliser.parameters(), weights, ref, lowerBounds(), upperBounds(), inline, rho,
            deltaMin, deltaMax);
    }

    /**
     * Rebuilds a model from its parameters, scoring with one thread; every scoring method gives the same bits as
     * the model the parameters were taken from.
     *
     * @param parameters the parameters
     * @return the model
     * @throws GreyException if the parameters are null
     * @since 0.2.0
     */
    public static GreyRelationalModel of(Parameters parameters) {
        if (parameters == null) {
            throw new GreyException("grey relational model parameters are null");
        }
        Normaliser normaliser = Normaliser.of(parameters.normaliser());
        List<Indicator> indicators = normaliser.indicators();
        double[] w = parameters.weights().alignTo(names(indicators));
        double[] ref = parameters.reference();
        double rho = parameters.distinguishingCoefficient();
        GradeKernel kernel = new GradeKernel(normaliser, parameters.lowerBounds(), parameters.upperBounds(), ref, w, rho,
            parameters.deltaMin(), parameters.deltaMax(), parameters.inline());
        return new GreyRelationalModel(indicators, parameters.weights(), w, normaliser, ref, rho,
            parameters.deltaMin(), parameters.deltaMax(), 1, kernel);
    }

    /**
     * This model scoring tables with another number of threads; grades do not depend on the thread count.
     *
     * @param newThreads 1 to {@value org.powercx.core.internal.ParallelRanges#MAX_THREADS}
     * @return a model with the same parameters
     * @throws GreyException if the count is below 1 or above the cap
     * @since 0.2.0
     */
    public GreyRelationalModel withThreads(int newThreads) {
        if (!org.powercx.core.internal.ParallelRanges.isValidThreadCount(newThreads)) {
            throw new GreyException("thread count must be between 1 and %d but was %d",
                org.powercx.core.internal.ParallelRanges.MAX_THREADS, newThreads);
        }
        return new GreyRelationalModel(indicators, weights, w, normaliser, ref, rho, deltaMin, deltaMax, newThreads,
            kernel);
    }

    private Object writeReplace() {
        return new SerializedForm(parameters(), threads);
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("use the serialization proxy");
    }

    /**
     * The serialized form of a model: its parameters and thread count, version 1.
     *
     * @serial exclude
     */
    private static final class SerializedForm implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        /** The parameters. */
        private final Parameters parameters;
        /** The number of scoring threads. */
        private final int threads;

        SerializedForm(Parameters parameters, int threads) {
            this.parameters = parameters;
            this.threads = threads;
        }

        private Object readResolve() {
            return of(parameters).withThreads(threads);
        }
    }

    static void checkTable(IndicatorTable table) {
        if (table == null) {
            throw new GreyException("table must not be null");
        }
        if (table.rowCount() == 0 || table.indicatorCount() == 0) {
            throw new GreyException("table must have at least one customer and one indicator but has %d x %d",
                table.rowCount(), table.indicatorCount());
        }
    }

    static GreyRelationalModel fit(IndicatorTable table, Weights weights, double rho, Normalisation method,
            Reference reference, int threads) {
        checkTable(table);
        IndicatorStatistics statistics = IndicatorStatistics.of(table, threads);
        Normaliser normaliser;
        try {
            normaliser = method == Normalisation.MIN_MAX || method == Normalisation.INITIAL_VALUE
                ? method.fit(statistics) : method.fit(table);
        } catch (CoreException e) {
            throw new GreyException(method + " normalisation failed", e);
        }
        return fit(statistics, table, weights, rho, normaliser, reference, threads);
    }

    static GreyRelationalModel fit(IndicatorStatistics statistics, Weights weights, double rho, Normalisation method,
            Reference reference, int threads) {
        if (statistics == null) {
            throw new GreyException("statistics must not be null");
        }
        if (statistics.count() == 0) {
            throw new GreyException("statistics of indicators %s hold no customers", names(statistics.indicators()));
        }
        Normaliser normaliser;
        try {
            normaliser = method.fit(statistics);
        } catch (CoreException e) {
            throw new GreyException(method + " normalisation failed", e);
        }
        return fit(statistics, null, weights, rho, normaliser, reference, threads);
    }

    /**
     * The fit proper, from the column bounds; the table, when there is one, serves the reference customer and a
     * reference inside a column's range (where the nearest value decides Delta-min).
     */
    private static GreyRelationalModel fit(IndicatorStatistics statistics, IndicatorTable table, Weights weights,
            double rho, Normaliser normaliser, Reference reference, int threads) {
        if (weights == null) {
            throw new GreyException("weights must not be null");
        }
        List<Indicator> indicators = statistics.indicators();
        List<String> names = names(indicators);
        double[] w;
        try {
            w = weights.alignTo(names);
        } catch (CoreException e) {
            throw new GreyException("weights do not match the table's indicators " + names, e);
        }
        int m = indicators.size();
        double[] xMin = statistics.minima();
        double[] xMax = statistics.maxima();
        double[] dMin = statistics.targetDistanceMinima();
        double[] dMax = statistics.targetDistanceMaxima();
        double[] lower = new double[m];
        double[] upper = new double[m];
        for (int j = 0; j < m; j++) {
            java.util.OptionalDouble constant = normaliser.constantValue(j);
            if (constant.isPresent()) {
                lower[j] = constant.getAsDouble();
                upper[j] = lower[j];
            } else if (normaliser.isTargetDistance(j)) {
                // 1 - |x - T| / s falls as |x - T| grows, with the operations of the normaliser
                lower[j] = 1 - dMax[j] / normaliser.scale(j);
                upper[j] = 1 - dMin[j] / normaliser.scale(j);
            } else {
                // (x - l) / s is monotone in x, so the normalised extremes are those of the raw extremes
                double a = normaliser.apply(j, xMin[j]);
                double b = normaliser.apply(j, xMax[j]);
                lower[j] = Math.min(a, b);
                upper[j] = Math.max(a, b);
            }
        }
        double[] ref = reference(indicators, table, normaliser, reference, lower, upper);
        double dmin = Double.POSITIVE_INFINITY;
        double dmax = 0;
        for (int j = 0; j < m; j++) {
            double toLower = Math.abs(ref[j] - lower[j]);
            double toUpper = Math.abs(ref[j] - upper[j]);
            double nearest;
            if (ref[j] >= upper[j]) {
                nearest = toUpper;
            } else if (ref[j] <= lower[j]) {
                nearest = toLower;
            } else {
                nearest = nearest(table, indicators.get(j), j, normaliser, ref[j], lower[j], upper[j]);
            }
            // |ref - y| is monotone in y on each side of ref, so the extremes are at the bounds or nearest ref
            dmin = Math.min(dmin, nearest);
            dmax = Math.max(dmax, Math.max(toLower, toUpper));
            if (!Double.isFinite(dmax)) {
                throw new GreyException("indicator '%s': distances to the reference %s overflow a double",
                    indicators.get(j).name(), ref[j]);
            }
        }
        checkRho(rho, dmax);
        GradeKernel kernel = GradeKernel.fit(normaliser, xMin, xMax, lower, upper, ref, w, rho, dmin, dmax);
        return new GreyRelationalModel(indicators, weights, w, normaliser, ref, rho, dmin, dmax, threads, kernel);
    }

    /** The smallest distance of a column's normalised values to a reference inside their range. */
    private static double nearest(IndicatorTable table, Indicator indicator, int j, Normaliser normaliser, double r,
            double lower, double upper) {
        if (table == null) {
            throw new GreyException("indicator '%s': the reference %s lies inside the normalised calibration range "
                + "[%s, %s]; a fit from statistics needs it at or beyond the range (fit on the table instead)",
                indicator.name(), r, lower, upper);
        }
        int n = table.rowCount();
        double[] buf = new double[Math.min(n, GradeKernel.BLOCK)];
        double best = Double.POSITIVE_INFINITY;
        for (int start = 0; start < n; start += buf.length) {
            int len = Math.min(buf.length, n - start);
            table.copyColumn(j, start, len, buf, 0);
            normaliser.applyToColumn(j, buf, 0, len, buf, 0);
            for (int i = 0; i < len; i++) {
                best = Math.min(best, Math.abs(r - buf[i]));
            }
        }
        return best;
    }

    private static double[] reference(List<Indicator> indicators, IndicatorTable table, Normaliser normaliser,
            Reference reference, double[] lower, double[] upper) {
        int m = indicators.size();
        double[] ref = new double[m];
        switch (reference.kind()) {
            case VALUES -> {
                double[] raw = reference.rawValues();
                if (raw.length != m) {
                    throw new GreyException("reference has %d values but the table has %d indicators %s",
                        raw.length, m, names(indicators));
                }
                for (int j = 0; j < m; j++) {
                    ref[j] = normaliser.apply(j, raw[j]);
                }
            }
            case CUSTOMER -> {
                if (table == null) {
                    throw new GreyException("reference customer '%s' needs the table: a fit from statistics takes "
                        + "the ideal reference or reference values", reference.customerId());
                }
                int row = table.ids().indexOf(reference.customerId());
                if (row < 0) {
                    throw new GreyException("reference customer '%s' is not in the table", reference.customerId());
                }
                for (int j = 0; j < m; j++) {
                    ref[j] = normaliser.apply(j, table.get(row, j));
                }
            }
            default -> {
                List<Indicator> out = normaliser.normalisedIndicators();
                for (int j = 0; j < m; j++) {
                    Indicator ind = out.get(j);
                    if (ind.direction() == Direction.TARGET) {
                        ref[j] = ind.target();
                    } else {
                        ref[j] = ind.direction() == Direction.COST ? lower[j] : upper[j];
                    }
                }
            }
        }
        return ref;
    }

    private int[] columnIndices(IndicatorTable table) {
        if (table == null) {
            throw new GreyException("table must not be null");
        }
        int[] idx = new int[indicators.size()];
        for (int j = 0; j < idx.length; j++) {
            String name = indicators.get(j).name();
            if (!table.contains(name)) {
                throw new GreyException("indicator '%s' was fitted but is missing from the table, which has %s",
                    name, table.indicatorNames());
            }
            idx[j] = table.indexOf(name);
        }
        return idx;
    }

    GradeKernel kernel() {
        return kernel;
    }

    /**
     * Scores a table: the grades and the ranking are computed at once, every coefficient and contribution on
     * request from the table, which the result keeps (tables are immutable). The table must hold every fitted
     * indicator (matched by name; other columns are ignored).
     *
     * @param table the customers; not modified
     * @return the full result
     * @throws GreyException if the table is null or lacks a fitted indicator
     */
    public GreyRelationalResult evaluate(IndicatorTable table) {
        int[] idx = columnIndices(table);
        double[] grades = new double[table.rowCount()];
        kernel.run(TableColumns.views(table, idx), 0, grades.length, grades, 0, threads);
        return new GreyRelationalResult(table, idx, this, grades, Ranking.descending(grades, threads));
    }

    /** The normalised, clipped value of a raw value of fitted column j. */
    double normalisedValue(int j, double x) {
        return kernel.clip(j, kernel.normalise(j, x));
    }

    /** The coefficient of a raw value of fitted column j, with the operations of the scoring kernel. */
    double coefficient(int j, double x) {
        return kernel.coefficient(j, normalisedValue(j, x));
    }

    /** The weight of fitted column j. */
    double weight(int j) {
        return w[j];
    }

    /**
     * Scores one customer.
     *
     * @param row one finite value per fitted indicator, in fitted order; not modified
     * @return the weighted grade in \((0, 1]\)
     * @throws GreyException if the row is null, has the wrong length, or holds a non-finite value
     */
    public double grade(double... row) {
        if (row == null || row.length != w.length) {
            throw new GreyException("row has %s values but the model was fitted on %d indicators %s",
                row == null ? "no" : String.valueOf(row.length), w.length, weights.names());
        }
        double g = 0;
        for (int j = 0; j < row.length; j++) {
            if (!Double.isFinite(row[j])) {
                throw new GreyException("indicator '%s': value must be finite but was %s",
                    indicators.get(j).name(), row[j]);
            }
            g += w[j] * kernel.coefficient(j, kernel.clip(j, kernel.normalise(j, row[j])));
        }
        return GradeKernel.cap(g);
    }

    /**
     * Scores a table, returning only the grades (the memory-lean path for large tables).
     *
     * @param table the customers; holds every fitted indicator; not modified
     * @return one grade per row, in row order
     * @throws GreyException if the table is null or lacks a fitted indicator
     */
    public double[] grades(IndicatorTable table) {
        int[] idx = columnIndices(table);
        double[] out = new double[table.rowCount()];
        kernel.run(TableColumns.views(table, idx), 0, out.length, out, 0, threads);
        return out;
    }

    /**
     * The primitive scoring kernel: grades rows {@code [from, to)} of column arrays into a caller's buffer.
     * Values are not checked for finiteness (a {@code NaN} gives a {@code NaN} grade).
     *
     * @param columns one array per fitted indicator, in fitted order; not modified
     * @param from first row
     * @param to one past the last row
     * @param out destination; modified at {@code out[outPos .. outPos + to - from)}
     * @param outPos first index of {@code out}
     * @throws GreyException if the column count differs from the fitted one, a column is shorter than
     *     {@code to}, or the range does not fit
     */
    public void grades(double[][] columns, int from, int to, double[] out, int outPos) {
        if (columns == null || columns.length != w.length) {
            throw new GreyException("expected %d columns %s but got %s", w.length, weights.names(),
                columns == null ? "null" : String.valueOf(columns.length));
        }
        for (int j = 0; j < columns.length; j++) {
            if (columns[j] == null || columns[j].length < to) {
                throw new GreyException("column %d ('%s') has %s values, fewer than row %d", j,
                    indicators.get(j).name(), columns[j] == null ? "no" : String.valueOf(columns[j].length), to);
            }
        }
        if (out == null || from < 0 || from > to || outPos < 0 || out.length - outPos < to - from) {
            throw new GreyException("rows [%d, %d) do not fit an output of length %s at %d", from, to,
                out == null ? "null" : String.valueOf(out.length), outPos);
        }
        kernel.run(columns, from, to, out, outPos, threads);
    }

    /**
     * Scores a CSV stream block by block in bounded memory, handing each customer's grade to a consumer in
     * file order. The reader is not closed.
     *
     * @param blocks the blocks of core's streaming CSV reader; each block holds every fitted indicator
     * @param sink receives each customer id and grade
     * @return the number of customers scored
     * @throws GreyException if an argument is null or a block lacks a fitted indicator; the reader's own
     *     exceptions for malformed files pass through
     */
    public long score(CsvBlockReader blocks, ObjDoubleConsumer<String> sink) {
        if (blocks == null || sink == null) {
            throw new GreyException("stream and sink must not be null");
        }
        long count = 0;
        while (blocks.hasNext()) {
            IndicatorTable block = blocks.next();
            double[] g = grades(block);
            for (int i = 0; i < g.length; i++) {
                sink.accept(block.id(i), g[i]);
            }
            count += g.length;
        }
        return count;
    }

    /**
     * The fitted indicators, in column order.
     *
     * @return an unmodifiable list
     */
    public List<Indicator> indicators() {
        return indicators;
    }

    /**
     * The weights.
     *
     * @return the weights
     */
    public Weights weights() {
        return weights;
    }

    /**
     * The fitted normaliser.
     *
     * @return the normaliser
     */
    public Normaliser normaliser() {
        return normaliser;
    }

    /**
     * The normalised reference sequence \(x_0\).
     *
     * @return a copy, in fitted indicator order
     */
    public double[] reference() {
        return ref.clone();
    }

    /**
     * The smallest normalised calibration value of each indicator (the lower clip bound).
     *
     * @return a new array, in fitted indicator order
     */
    public double[] lowerBounds() {
        double[] out = new double[w.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = kernel.lower(j);
        }
        return out;
    }

    /**
     * The largest normalised calibration value of each indicator (the upper clip bound).
     *
     * @return a new array, in fitted indicator order
     */
    public double[] upperBounds() {
        double[] out = new double[w.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = kernel.upper(j);
        }
        return out;
    }

    /**
     * The distinguishing coefficient \(\rho\).
     *
     * @return rho
     */
    public double distinguishingCoefficient() {
        return rho;
    }

    /**
     * The global \(\Delta_{\min}\) of the calibration table.
     *
     * @return Delta-min
     */
    public double deltaMin() {
        return deltaMin;
    }

    /**
     * The global \(\Delta_{\max}\) of the calibration table.
     *
     * @return Delta-max
     */
    public double deltaMax() {
        return deltaMax;
    }

    /**
     * The number of scoring threads.
     *
     * @return at least 1
     */
    public int threads() {
        return threads;
    }

    /**
     * The fitted parameters as a text table.
     *
     * @return a readable rendering
     */
    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < w.length; j++) {
            rows.add(List.of(indicators.get(j).name(), indicators.get(j).direction().name(),
                TextTable.number(w[j]), TextTable.number(kernel.lower(j)), TextTable.number(kernel.upper(j)),
                TextTable.number(ref[j])));
        }
        return "Grey relational model (" + normaliser.method() + ", rho " + TextTable.number(rho) + ", Delta-min "
            + TextTable.number(deltaMin) + ", Delta-max " + TextTable.number(deltaMax) + ")\n"
            + TextTable.render(List.of("indicator", "direction", "weight", "clip from", "clip to", "reference"), rows);
    }
}
