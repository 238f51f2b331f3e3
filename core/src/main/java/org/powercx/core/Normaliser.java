package org.powercx.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Normalisation} fitted on a calibration table: it maps every indicator value by
 * \(y = (x - \ell_j)/s_j\) with a location \(\ell_j\) and scale \(s_j\) fixed at fit time, except for a
 * TARGET indicator under {@link Normalisation#MIN_MAX}, which maps by \(y = 1 - |x - \ell_j|/s_j\) with
 * \(\ell_j = T\), and a degenerate column (zero range, zero norm, zero deviation), which maps to a constant.
 *
 * <p>Values of new rows outside the calibration bounds are mapped by the same formula, so MIN_MAX may
 * give values outside [0, 1]; callers that need the unit interval clip (grey relational analysis does).
 * Instances are immutable and thread-safe. A normaliser is a value: {@link #parameters()} holds everything its
 * arithmetic reads and {@link #of(Parameters)} rebuilds it with identical results; it is
 * {@link java.io.Serializable} through a serialization proxy that holds the parameters.
 *
 * @since 0.1.0
 * @serial exclude
 */
public final class Normaliser implements java.io.Serializable {
    /** Rows normalised before their finiteness is checked, so that the check reads from the cache. */
    private static final int CHECK_BLOCK = 2048;
    private final Normalisation method;
    private final List<Indicator> input;
    private final List<Indicator> output;
    private final double[] location;
    private final double[] scale;
    /** NaN unless the column is degenerate, then the value every input maps to. */
    private final double[] constant;
    private final boolean[] absolute;

    private Normaliser(Normalisation method, List<Indicator> input, double[] location, double[] scale,
            double[] constant, boolean[] absolute) {
        this.method = method;
        this.input = input;
        this.location = location;
        this.scale = scale;
        this.constant = constant;
        this.absolute = absolute;
        List<Indicator> out = new ArrayList<>(input.size());
        for (int j = 0; j < input.size(); j++) {
            Indicator ind = input.get(j);
            if (method == Normalisation.MIN_MAX) {
                out.add(new Indicator(ind.name(), Direction.BENEFIT, Double.NaN, "", ind.description()));
            } else if (ind.hasTarget()) {
                out.add(new Indicator(ind.name(), Direction.TARGET, map(j, ind.target()), "", ind.description()));
            } else {
                out.add(new Indicator(ind.name(), ind.direction(), Double.NaN, "", ind.description()));
            }
        }
        this.output = List.copyOf(out);
    }

    /**
     * Everything a fitted normaliser's arithmetic reads: the method, the fitted indicators and each column's
     * location \( l_j \) and scale \( s_j \) (see {@link #location(int)} and {@link #scale(int)}). A scale of 0
     * marks a degenerate calibration column, which maps every value to 1 under MIN_MAX and to 0 otherwise; a
     * MIN_MAX column of a TARGET indicator maps the distance to the location, \( 1 - |x - l_j|/s_j \).
     *
     * @param method the normalisation method
     * @param indicators the fitted indicators, in column order, with unique names
     * @param location one finite location per indicator; copied
     * @param scale one finite scale per indicator, 0 for a degenerate column (never for INITIAL_VALUE or MEAN);
     *     copied
     * @since 0.2.0
     * @serial exclude
     */
    public record Parameters(Normalisation method, List<Indicator> indicators, double[] location, double[] scale)
            implements java.io.Serializable {
        /**
         * Validates and copies the components.
         *
         * @param method the normalisation method
         * @param indicators the fitted indicators
         * @param location the locations
         * @param scale the scales
         * @throws CoreException if a component is null, the lengths differ, a name repeats, a value is not
         *     finite, or an INITIAL_VALUE or MEAN column has scale 0
         */
        public Parameters {
            if (method == null) {
                throw new CoreException("normaliser parameters: method is null");
            }
            if (indicators == null || indicators.isEmpty()) {
                throw new CoreException("normaliser parameters: no indicators");
            }
            for (Indicator ind : indicators) {
                if (ind == null) {
                    throw new CoreException("normaliser parameters: an indicator is null");
                }
            }
            indicators = List.copyOf(indicators);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Indicator ind : indicators) {
                if (!seen.add(ind.name())) {
                    throw new CoreException("normaliser parameters: indicator '%s' appears twice", ind.name());
                }
            }
            location = finiteCopy("location", location, indicators);
            scale = finiteCopy("scale", scale, indicators);
            for (int j = 0; j < scale.length; j++) {
                if (scale[j] == 0 && (method == Normalisation.INITIAL_VALUE || method == Normalisation.MEAN)) {
                    throw new CoreException("normaliser parameters: indicator '%s': %s scale must not be 0",
                        indicators.get(j).name(), method);
                }
            }
        }

        private static double[] finiteCopy(String field, double[] values, List<Indicator> indicators) {
            if (values == null || values.length != indicators.size()) {
                throw new CoreException("normaliser parameters: %s has %s values but there are %d indicators",
                    field, values == null ? "no" : String.valueOf(values.length), indicators.size());
            }
            for (int j = 0; j < values.length; j++) {
                if (!Double.isFinite(values[j])) {
                    throw new CoreException("normaliser parameters: indicator '%s': %s must be finite but was %s",
                        indicators.get(j).name(), field, values[j]);
                }
            }
            return values.clone();
        }

        /**
         * The locations.
         *
         * @return a copy
         */
        @Override
        public double[] location() {
            return location.clone();
        }

        /**
         * The scales.
         *
         * @return a copy
         */
        @Override
        public double[] scale() {
            return scale.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Parameters p && method == p.method && indicators.equals(p.indicators)
                && java.util.Arrays.equals(location, p.location) && java.util.Arrays.equals(scale, p.scale);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(method, indicators, java.util.Arrays.hashCode(location),
                java.util.Arrays.hashCode(scale));
        }

        @Override
        public String toString() {
            return "Normaliser.Parameters[method=" + method + ", indicators=" + indicators + ", location="
                + java.util.Arrays.toString(location) + ", scale=" + java.util.Arrays.toString(scale) + "]";
        }
    }

    /**
     * The parameters of this normaliser.
     *
     * @return the method, indicators, locations and scales
     * @since 0.2.0
     */
    public Parameters parameters() {
        return new Parameters(method, input, location, scale);
    }

    /**
     * Rebuilds a normaliser from its parameters; it maps every value to the same bits as the normaliser the
     * parameters were taken from.
     *
     * @param parameters the parameters
     * @return the normaliser
     * @throws CoreException if the parameters are null
     * @since 0.2.0
     */
    public static Normaliser of(Parameters parameters) {
        if (parameters == null) {
            throw new CoreException("normaliser parameters are null");
        }
        Normalisation method = parameters.method();
        List<Indicator> indicators = parameters.indicators();
        int m = indicators.size();
        double[] scale = parameters.scale();
        double[] constant = new double[m];
        boolean[] absolute = new boolean[m];
        for (int j = 0; j < m; j++) {
            constant[j] = scale[j] != 0 ? Double.NaN : method == Normalisation.MIN_MAX ? 1 : 0;
            absolute[j] = method == Normalisation.MIN_MAX && indicators.get(j).hasTarget();
        }
        return new Normaliser(method, indicators, parameters.location(), scale, constant, absolute);
    }

    private Object writeReplace() {
        return new SerializedForm(parameters());
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("use the serialization proxy");
    }

    /**
     * The serialized form of a normaliser: its parameters, version 1.
     *
     * @serial exclude
     */
    private static final class SerializedForm implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        /** The parameters. */
        private final Parameters parameters;

        SerializedForm(Parameters parameters) {
            this.parameters = parameters;
        }

        private Object readResolve() {
            return of(parameters);
        }
    }

    static Normaliser fit(Normalisation method, IndicatorTable table) {
        if (method == null) {
            throw new CoreException("normalisation method is null");
        }
        int n = table.rowCount();
        int m = table.indicatorCount();
        if (n == 0) {
            throw new CoreException("cannot fit %s normalisation on a table with no rows", method);
        }
        double[] location = new double[m];
        double[] scale = new double[m];
        double[] constant = new double[m];
        boolean[] absolute = new boolean[m];
        java.util.Arrays.fill(constant, Double.NaN);
        double[] x = new double[n];
        for (int j = 0; j < m; j++) {
            Indicator ind = table.indicator(j);
            table.copyColumn(j, x, 0);
            switch (method) {
                case MIN_MAX -> fitMinMax(ind, x, j, location, scale, constant, absolute);
                case INITIAL_VALUE -> {
                    if (x[0] == 0) {
                        throw new CoreException("indicator '%s': INITIAL_VALUE normalisation divides by the first "
                            + "value, which is 0 (customer '%s')", ind.name(), table.id(0));
                    }
                    scale[j] = x[0];
                }
                case MEAN -> {
                    double mean = mean(x);
                    if (mean == 0) {
                        throw new CoreException("indicator '%s': MEAN normalisation divides by the mean, which is 0",
                            ind.name());
                    }
                    scale[j] = mean;
                }
                case VECTOR -> {
                    double norm = norm(x);
                    if (norm == 0) {
                        constant[j] = 0;
                    } else {
                        scale[j] = norm;
                    }
                }
                case Z_SCORE -> {
                    double mean = mean(x);
                    double sd = n > 1 ? standardDeviation(x, mean) : 0;
                    if (sd == 0) {
                        constant[j] = 0;
                    } else {
                        location[j] = mean;
                        scale[j] = sd;
                    }
                }
                default -> throw new IllegalStateException(method.name());
            }
        }
        return new Normaliser(method, table.indicators(), location, scale, constant, absolute);
    }

    private static void fitMinMax(Indicator ind, double[] x, int j, double[] location, double[] scale,
            double[] constant, boolean[] absolute) {
        if (ind.hasTarget()) {
            double maxDev = 0;
            for (double v : x) {
                maxDev = Math.max(maxDev, Math.abs(v - ind.target()));
            }
            absolute[j] = true;
            location[j] = ind.target();
            if (!Double.isFinite(maxDev)) {
                throw new CoreException("indicator '%s': distance to target %s overflows a double",
                    ind.name(), ind.target());
            }
            if (maxDev == 0) {
                constant[j] = 1;
            } else {
                scale[j] = maxDev;
            }
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max - min;
        if (!Double.isFinite(range)) {
            throw new CoreException("indicator '%s': range from %s to %s overflows a double", ind.name(), min, max);
        }
        if (range == 0) {
            constant[j] = 1;
        } else if (ind.direction() == Direction.COST) {
            location[j] = max;
            scale[j] = min - max;
        } else {
            location[j] = min;
            scale[j] = range;
        }
    }

    static Normaliser fit(Normalisation method, IndicatorStatistics statistics) {
        if (method == null) {
            throw new CoreException("normalisation method is null");
        }
        if (statistics == null) {
            throw new CoreException("statistics must not be null");
        }
        if (method != Normalisation.MIN_MAX && method != Normalisation.INITIAL_VALUE) {
            throw new CoreException("%s normalisation cannot be fitted from bounds statistics; fit it on a table "
                + "(MIN_MAX and INITIAL_VALUE can)", method);
        }
        statistics.checkNotEmpty();
        List<Indicator> indicators = statistics.indicators();
        int m = indicators.size();
        double[] location = new double[m];
        double[] scale = new double[m];
        double[] constant = new double[m];
        boolean[] absolute = new boolean[m];
        java.util.Arrays.fill(constant, Double.NaN);
        for (int j = 0; j < m; j++) {
            Indicator ind = indicators.get(j);
            if (method == Normalisation.INITIAL_VALUE) {
                double x0 = statistics.first(j);
                if (x0 == 0) {
                    throw new CoreException("indicator '%s': INITIAL_VALUE normalisation divides by the first "
                        + "value, which is 0 (customer '%s')", ind.name(), statistics.firstId());
                }
                scale[j] = x0;
            } else if (ind.hasTarget()) {
                // the same operations as fitMinMax on the whole column: max(0, max |x - T|)
                double maxDev = Math.max(0, statistics.maxDistance(j));
                absolute[j] = true;
                location[j] = ind.target();
                if (!Double.isFinite(maxDev)) {
                    throw new CoreException("indicator '%s': distance to target %s overflows a double",
                        ind.name(), ind.target());
                }
                if (maxDev == 0) {
                    constant[j] = 1;
                } else {
                    scale[j] = maxDev;
                }
            } else {
                double min = statistics.min(j);
                double max = statistics.max(j);
                double range = max - min;
                if (!Double.isFinite(range)) {
                    throw new CoreException("indicator '%s': range from %s to %s overflows a double", ind.name(),
                        min, max);
                }
                if (range == 0) {
                    constant[j] = 1;
                } else if (ind.direction() == Direction.COST) {
                    location[j] = max;
                    scale[j] = min - max;
                } else {
                    location[j] = min;
                    scale[j] = range;
                }
            }
        }
        return new Normaliser(method, indicators, location, scale, constant, absolute);
    }

    private static double mean(double[] x) {
        double mean = 0;
        for (int i = 0; i < x.length; i++) {
            mean += (x[i] - mean) / (i + 1);
        }
        // one correction pass keeps the mean accurate for large offsets
        double c = 0;
        for (double v : x) {
            c += v - mean;
        }
        return mean + c / x.length;
    }

    /** Sample standard deviation, scaled so that squares of large deviations cannot overflow. */
    private static double standardDeviation(double[] x, double mean) {
        double maxDev = 0;
        for (double v : x) {
            maxDev = Math.max(maxDev, Math.abs(v - mean));
        }
        if (maxDev == 0) {
            return 0;
        }
        double ss = 0;
        for (double v : x) {
            double r = (v - mean) / maxDev;
            ss += r * r;
        }
        return maxDev * Math.sqrt(ss / (x.length - 1));
    }

    private static double norm(double[] x) {
        double maxAbs = 0;
        for (double v : x) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        if (maxAbs == 0) {
            return 0;
        }
        double ss = 0;
        for (double v : x) {
            double r = v / maxAbs;
            ss += r * r;
        }
        return maxAbs * Math.sqrt(ss);
    }

    /**
     * The method this normaliser applies.
     *
     * @return the method
     */
    public Normalisation method() {
        return method;
    }

    /**
     * The location \( l_j \) of a column's map: a value \( x \) maps to \( (x - l_j)/s_j \), or, for a
     * MIN_MAX indicator with a target ({@link #isTargetDistance}), to \( 1 - |x - l_j|/s_j \) with \( l_j \)
     * the target. The location is the minimum (benefit) or maximum (cost) for MIN_MAX, the mean for Z_SCORE,
     * and 0 for INITIAL_VALUE, MEAN and VECTOR. A degenerate column maps to {@link #constantValue} instead.
     *
     * @param column column index in the fitted indicator order
     * @return \( l_j \)
     * @throws CoreException if the column is out of range
     */
    public double location(int column) {
        checkColumn(column);
        return location[column];
    }

    /**
     * The scale \( s_j \) of a column's map (see {@link #location}): the range for MIN_MAX (negative, min - max,
     * for a cost indicator; the largest distance to the target for a target indicator), the first value for
     * INITIAL_VALUE, the mean for MEAN, the Euclidean norm for VECTOR and the sample standard deviation for
     * Z_SCORE; 0 for a degenerate column.
     *
     * @param column column index in the fitted indicator order
     * @return \( s_j \)
     * @throws CoreException if the column is out of range
     */
    public double scale(int column) {
        checkColumn(column);
        return scale[column];
    }

    /**
     * Whether a column maps the distance to a target, \( 1 - |x - l_j|/s_j \) (MIN_MAX with a target
     * indicator), rather than \( (x - l_j)/s_j \).
     *
     * @param column column index in the fitted indicator order
     * @return true for a target distance
     * @throws CoreException if the column is out of range
     */
    public boolean isTargetDistance(int column) {
        checkColumn(column);
        return absolute[column];
    }

    /**
     * The value every input maps to when the calibration column was degenerate: 1 for a constant column under
     * MIN_MAX, 0 for a constant column under Z_SCORE and for an all-zero column under VECTOR.
     *
     * @param column column index in the fitted indicator order
     * @return the constant, or empty if the column maps by location and scale
     * @throws CoreException if the column is out of range
     */
    public java.util.OptionalDouble constantValue(int column) {
        checkColumn(column);
        return Double.isNaN(constant[column]) ? java.util.OptionalDouble.empty()
            : java.util.OptionalDouble.of(constant[column]);
    }

    private void checkColumn(int column) {
        if (column < 0 || column >= scale.length) {
            throw new CoreException("column %d is not within [0, %d)", column, scale.length);
        }
    }

    /**
     * The indicators it was fitted on, in column order.
     *
     * @return an unmodifiable list
     */
    public List<Indicator> indicators() {
        return input;
    }

    /**
     * The indicators of a normalised table: BENEFIT for MIN_MAX, otherwise the input directions with
     * transformed targets; units are dropped because normalised values have none.
     *
     * @return an unmodifiable list
     */
    public List<Indicator> normalisedIndicators() {
        return output;
    }

    /**
     * Maps one value of one column.
     *
     * @param column column index in the fitted indicator order
     * @param x a finite value
     * @return the normalised value
     * @throws CoreException if the column is out of range or x is not finite
     */
    public double apply(int column, double x) {
        checkColumn(column);
        if (!Double.isFinite(x)) {
            throw new CoreException("indicator '%s': value must be finite but was %s", input.get(column).name(), x);
        }
        return map(column, x);
    }

    private double map(int j, double x) {
        if (!Double.isNaN(constant[j])) {
            return constant[j];
        }
        if (absolute[j]) {
            return 1 - Math.abs(x - location[j]) / scale[j];
        }
        return (x - location[j]) / scale[j] + 0.0; // + 0.0 turns -0.0 into 0.0
    }

    /**
     * Maps a column segment into a caller's buffer without allocating; the kernel behind
     * {@link #apply(IndicatorTable)}. Values are not checked for finiteness.
     *
     * @param column column index in the fitted indicator order
     * @param in source values; not modified
     * @param from first index of {@code in}
     * @param to one past the last index of {@code in}
     * @param out destination; modified at {@code out[outPos .. outPos + to - from)}
     * @param outPos first index of {@code out}
     */
    public void applyToColumn(int column, double[] in, int from, int to, double[] out, int outPos) {
        checkColumn(column);
        if (from < 0 || to > in.length || from > to || outPos < 0 || out.length - outPos < to - from) {
            throw new CoreException("range [%d, %d) of %d values does not fit output of length %d at %d",
                from, to, in.length, out.length, outPos);
        }
        double c = constant[column];
        if (!Double.isNaN(c)) {
            java.util.Arrays.fill(out, outPos, outPos + to - from, c);
            return;
        }
        double loc = location[column];
        double sc = scale[column];
        if (absolute[column]) {
            for (int i = from; i < to; i++) {
                out[outPos + i - from] = 1 - Math.abs(in[i] - loc) / sc;
            }
        } else {
            for (int i = from; i < to; i++) {
                out[outPos + i - from] = (in[i] - loc) / sc + 0.0;
            }
        }
    }

    /**
     * Maps one customer's values.
     *
     * @param row one finite value per fitted indicator, in fitted order; not modified
     * @return a new array of normalised values
     * @throws CoreException if the length differs or a value is not finite
     */
    public double[] apply(double[] row) {
        if (row == null || row.length != scale.length) {
            throw new CoreException("row has %s values but the normaliser was fitted on %d indicators",
                row == null ? "no" : String.valueOf(row.length), scale.length);
        }
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = apply(j, row[j]);
        }
        return out;
    }

    /**
     * Normalises a table with the fitted parameters. The table must have every fitted indicator (matched by
     * name); other columns are ignored, and the result has the fitted indicators in fitted order.
     *
     * @param table the table to map
     * @return the normalised table, with {@link #normalisedIndicators()}
     * @throws CoreException if the table is null, a fitted indicator is missing from it, or a normalised value
     *     overflows (naming the customer and indicator)
     */
    public IndicatorTable apply(IndicatorTable table) {
        if (table == null) {
            throw new CoreException("table must not be null");
        }
        int n = table.rowCount();
        double[][] cols = new double[scale.length][];
        for (int j = 0; j < scale.length; j++) {
            String name = input.get(j).name();
            if (!table.contains(name)) {
                throw new CoreException("indicator '%s' was fitted but is missing from the table, which has %s",
                    name, table.indicatorNames());
            }
            // read the table's own column (tables are immutable) and check each block while it is in the cache
            double[] x = table.columnView(table.indexOf(name));
            double[] y = new double[n];
            for (int start = 0; start < n; start += CHECK_BLOCK) {
                int end = Math.min(n, start + CHECK_BLOCK);
                applyToColumn(j, x, start, end, y, start);
                for (int i = start; i < end; i++) {
                    if (!Double.isFinite(y[i])) {
                        throw new CoreException("customer '%s', indicator '%s': value must be finite but was %s",
                            table.id(i), output.get(j).name(), y[i]);
                    }
                }
            }
            cols[j] = y;
        }
        return table.sharingIdsFinite(output, cols);
    }

    /**
     * The parameters as a text table, one row per indicator.
     *
     * @return a readable rendering
     */
    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < scale.length; j++) {
            boolean degenerate = !Double.isNaN(constant[j]);
            rows.add(List.of(input.get(j).name(), input.get(j).direction().name(),
                degenerate ? "" : TextTable.number(location[j]),
                degenerate ? "" : TextTable.number(scale[j]),
                degenerate ? "constant " + TextTable.number(constant[j]) : ""));
        }
        return method + " normaliser\n"
            + TextTable.render(List.of("indicator", "direction", "location", "scale", "note"), rows);
    }
}
