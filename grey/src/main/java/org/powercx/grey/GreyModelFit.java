package org.powercx.grey;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * A fitted GM(1,1) model ({@link GreyModel}): parameters, fitted values, forecasts, the level-ratio test
 * and the residual checks.
 *
 * <p>With residuals \(e(k) = x^{(0)}(k) - \hat x^{(0)}(k)\) over the chosen {@link ResidualRange}, relative
 * errors \(\Delta_k = |e(k)|/x^{(0)}(k)\) and \(\mathrm{MAPE} = \operatorname{mean}\Delta_k\); with the
 * population standard deviations \(S_1\) of the series (all n points) and \(S_2\) of the residuals, the
 * posterior variance ratio is \(C = S_2/S_1\) and the small-error probability
 * \(P = \Pr(|e(k) - \bar e| &lt; 0.6745\,S_1)\); {@link AccuracyGrade} grades them. For a constant series
 * (\(S_1 = 0\)) C is 0 when the residuals are 0 and infinite otherwise, and P counts the residuals equal
 * to their mean.
 *
 * <p>Instances are immutable; array accessors return copies. A fit is a value: {@link #parameters()} holds the
 * series, a, b, the shift and the residual range, from which {@link #of(Parameters)} recomputes every fitted
 * value, check and forecast with the same bits; it is {@link java.io.Serializable} through a serialization proxy
 * holding the parameters.
 *
 * @since 0.1.0
 * @serial exclude
 */
public final class GreyModelFit implements java.io.Serializable {
    private final double[] series;
    /** The series times 2^-exponent, on which the model was fitted. */
    private final double[] scaled;
    private final int exponent;
    /** The shift, on the scaled series. */
    private final double shift;
    private final double a;
    /** The grey input, on the scaled series. */
    private final double b;
    private final double lower;
    private final double upper;
    private final ResidualRange range;
    private final double[] fitted;
    private final double[] residuals;
    private final double[] relativeErrors;
    private final double mape;
    private final double c;
    private final double p;

    /**
     * Takes the fit of the series scaled by \(2^{-e}\) (given as {@code scaled}, which the fit then owns): the
     * shift and b are on that scale, and every value reported on the original scale is multiplied by \(2^e\),
     * which is exact.
     */
    GreyModelFit(double[] series, double[] scaled, int exponent, double shift, double a, double b, double lower,
            double upper, ResidualRange range) {
        this.series = series.clone();
        this.exponent = exponent;
        this.shift = shift;
        this.a = a;
        this.b = b;
        this.lower = lower;
        this.upper = upper;
        this.range = range;
        int n = series.length;
        this.scaled = scaled;
        this.fitted = new double[n];
        this.residuals = new double[n];
        this.relativeErrors = new double[n];
        // residuals and the checks on the scaled series (C and P are scale-free), reported on the original scale
        double[] res = new double[n];
        for (int k = 0; k < n; k++) {
            double v = scaledValue(k);
            res[k] = scaled[k] - v;
            fitted[k] = k == 0 ? series[0] : Math.scalb(v, exponent);
            residuals[k] = Math.scalb(res[k], exponent);
            relativeErrors[k] = Math.abs(residuals[k]) / series[k];
            if (!Double.isFinite(fitted[k]) || !Double.isFinite(residuals[k])) {
                throw new GreyException("GM(1,1) fitted value %s at point %d overflows a double (a = %s, b = %s)",
                    fitted[k], k + 1, a, b());
            }
        }
        int first = range == ResidualRange.ALL ? 0 : 1;
        int m = n - first;
        double sumRel = 0;
        double eMean = 0;
        double xMean = 0;
        for (int k = first; k < n; k++) {
            sumRel += relativeErrors[k];
            eMean += res[k];
        }
        for (double v : scaled) {
            xMean += v;
        }
        eMean /= m;
        xMean /= n;
        double s1 = 0;
        double s2 = 0;
        for (double v : scaled) {
            s1 += (v - xMean) * (v - xMean);
        }
        for (int k = first; k < n; k++) {
            s2 += (res[k] - eMean) * (res[k] - eMean);
        }
        s1 = Math.sqrt(s1 / n);
        s2 = Math.sqrt(s2 / m);
        int small = 0;
        for (int k = first; k < n; k++) {
            double dev = Math.abs(res[k] - eMean);
            if (dev < 0.6745 * s1 || s1 == 0 && dev == 0) {
                small++;
            }
        }
        this.mape = sumRel / m;
        this.c = s1 > 0 ? s2 / s1 : (s2 == 0 ? 0 : Double.POSITIVE_INFINITY);
        this.p = (double) small / m;
    }

    /**
     * The parameters of a GM(1,1) fit, on the scale of the series. The fit works on the series times
     * \(2^{-e}\), e the binary exponent of its largest value, so that b and the shift are exact multiples of the
     * fitted ones; for a series whose largest value is below {@link Double#MIN_NORMAL} they can be subnormal and
     * lose bits.
     *
     * @param series the series as given, at least {@value GreyModel#MIN_LENGTH} finite positive values; copied
     * @param a the development coefficient, finite
     * @param b the grey input, finite
     * @param shift the constant added to the series before fitting, finite and non-negative
     * @param residualRange the residual range of the checks
     * @since 0.2.0
     * @serial exclude
     */
    public record Parameters(double[] series, double a, double b, double shift, ResidualRange residualRange)
            implements java.io.Serializable {
        /**
         * Validates and copies the components.
         *
         * @param series the series
         * @param a the development coefficient
         * @param b the grey input
         * @param shift the shift
         * @param residualRange the residual range
         * @throws GreyException naming the component if the series is not a valid GM(1,1) series, a number is
         *     not finite, the shift is negative or the range is null
         */
        public Parameters {
            GreyModel.scaleExponent("GM(1,1)", series);
            series = series.clone();
            if (!Double.isFinite(a) || !Double.isFinite(b)) {
                throw new GreyException("GM(1,1) parameters: a = %s and b = %s must be finite", a, b);
            }
            if (!(shift >= 0) || !Double.isFinite(shift)) {
                throw new GreyException("GM(1,1) parameters: shift must be finite and non-negative but was %s", shift);
            }
            if (residualRange == null) {
                throw new GreyException("GM(1,1) parameters: residual range is null");
            }
        }

        /**
         * The series.
         *
         * @return a copy
         */
        @Override
        public double[] series() {
            return series.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Parameters p && java.util.Arrays.equals(series, p.series)
                && Double.compare(a, p.a) == 0 && Double.compare(b, p.b) == 0
                && Double.compare(shift, p.shift) == 0 && residualRange == p.residualRange;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(java.util.Arrays.hashCode(series), a, b, shift, residualRange);
        }

        @Override
        public String toString() {
            return "GreyModelFit.Parameters[series=" + java.util.Arrays.toString(series) + ", a=" + a + ", b=" + b
                + ", shift=" + shift + ", residualRange=" + residualRange + "]";
        }
    }

    /**
     * The parameters of this fit.
     *
     * @return the series, a, b, the shift and the residual range
     * @since 0.2.0
     */
    public Parameters parameters() {
        return new Parameters(series, a, b(), shift(), range);
    }

    /**
     * Rebuilds a fit from its parameters: fitted values, checks and forecasts are recomputed with the same
     * arithmetic as the fit the parameters were taken from.
     *
     * @param parameters the parameters
     * @return the fit
     * @throws GreyException if the parameters are null or a fitted value overflows a double
     * @since 0.2.0
     */
    public static GreyModelFit of(Parameters parameters) {
        if (parameters == null) {
            throw new GreyException("GM(1,1) parameters are null");
        }
        double[] series = parameters.series();
        int e = GreyModel.scaleExponent("GM(1,1)", series);
        int n = series.length;
        double[] scaled = new double[n];
        for (int k = 0; k < n; k++) {
            scaled[k] = Math.scalb(series[k], -e);
        }
        return new GreyModelFit(series, scaled, e, Math.scalb(parameters.shift(), -e), parameters.a(),
            Math.scalb(parameters.b(), -e), GreyModel.lowerRatio(n), GreyModel.upperRatio(n),
            parameters.residualRange());
    }

    private Object writeReplace() {
        return new SerializedForm(parameters());
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("use the serialization proxy");
    }

    /**
     * The serialized form of a fit: its parameters, version 1.
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

    static boolean admissible(double[] x, double shift, double lower, double upper) {
        for (int k = 1; k < x.length; k++) {
            double s = (x[k - 1] + shift) / (x[k] + shift);
            if (!(s > lower && s < upper)) {
                return false;
            }
        }
        return true;
    }

    /** The model value at 0-based time index t, on the scaled series. */
    private double scaledValue(int t) {
        if (t == 0) {
            return scaled[0];
        }
        double v;
        if (a == 0) {
            v = b;
        } else {
            v = -Math.expm1(a) * (scaled[0] + shift - b / a) * Math.exp(-a * t);
        }
        return v - shift;
    }

    /**
     * The development coefficient a.
     *
     * @return a
     */
    public double a() {
        return a;
    }

    /**
     * The grey input b.
     *
     * @return b
     */
    public double b() {
        return Math.scalb(b, exponent);
    }

    /**
     * The constant added to the series before fitting (0 unless {@link LevelRatioPolicy#SHIFT} applied one).
     *
     * @return the shift
     */
    public double shift() {
        return Math.scalb(shift, exponent);
    }

    /**
     * The series as given.
     *
     * @return a copy
     */
    public double[] series() {
        return series.clone();
    }

    /**
     * The fitted values \(\hat x^{(0)}(1..n)\), on the original scale.
     *
     * @return a copy
     */
    public double[] fitted() {
        return fitted.clone();
    }

    /**
     * Forecasts the next values after the series.
     *
     * @param steps how many values, at least 1
     * @return \(\hat x^{(0)}(n+1..n+steps)\), on the original scale
     * @throws GreyException if steps is below 1 or above 10000, or a forecast overflows a double (naming the
     *     step)
     */
    public double[] forecast(int steps) {
        if (steps < 1 || steps > 10000) {
            throw new GreyException("forecast steps must be in [1, 10000] but was %d", steps);
        }
        double[] out = new double[steps];
        for (int h = 0; h < steps; h++) {
            out[h] = Math.scalb(scaledValue(series.length + h), exponent);
            if (!Double.isFinite(out[h])) {
                throw new GreyException("forecast step %d overflows a double (a = %s)", h + 1, a);
            }
        }
        return out;
    }

    /**
     * The level ratios \(\sigma(k) = x^{(0)}(k-1)/x^{(0)}(k)\), \(k = 2..n\), of the series as given.
     *
     * @return n - 1 ratios
     */
    public double[] levelRatios() {
        double[] out = new double[series.length - 1];
        for (int k = 1; k < series.length; k++) {
            out[k - 1] = series[k - 1] / series[k];
        }
        return out;
    }

    /**
     * The admissible interval \((e^{-2/(n+1)}, e^{2/(n+1)})\) of the level ratios.
     *
     * @return {lower, upper}
     */
    public double[] admissibleInterval() {
        return new double[] {lower, upper};
    }

    /**
     * Whether every level ratio of the series as given lies inside the admissible interval.
     *
     * @return the test's outcome
     */
    public boolean isAdmissible() {
        return admissible(series, 0, lower, upper);
    }

    /**
     * Whether every level ratio of the series actually modelled (after the shift) is admissible.
     *
     * @return the test's outcome after the shift
     */
    public boolean isAdmissibleAfterShift() {
        return admissible(scaled, shift, lower, upper);
    }

    /**
     * The residuals \(x^{(0)}(k) - \hat x^{(0)}(k)\), \(k = 1..n\).
     *
     * @return a copy
     */
    public double[] residuals() {
        return residuals.clone();
    }

    /**
     * The relative errors \(|e(k)|/x^{(0)}(k)\), \(k = 1..n\).
     *
     * @return a copy
     */
    public double[] relativeErrors() {
        return relativeErrors.clone();
    }

    /**
     * The mean absolute percentage error (as a fraction) over the residual range.
     *
     * @return MAPE
     */
    public double mape() {
        return mape;
    }

    /**
     * The posterior variance ratio \(C = S_2/S_1\).
     *
     * @return C
     */
    public double posteriorVarianceRatio() {
        return c;
    }

    /**
     * The small-error probability P.
     *
     * @return P in [0, 1]
     */
    public double smallErrorProbability() {
        return p;
    }

    /**
     * The accuracy grade from C and P.
     *
     * @return the grade
     */
    public AccuracyGrade accuracyGrade() {
        return AccuracyGrade.of(c, p);
    }

    /**
     * The residual range used by the checks.
     *
     * @return the range
     */
    public ResidualRange residualRange() {
        return range;
    }

    /**
     * Parameters, checks and the fitted series as text.
     *
     * @return a readable rendering
     */
    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < series.length; k++) {
            rows.add(List.of(String.valueOf(k + 1), TextTable.number(series[k]), TextTable.number(fitted[k]),
                TextTable.number(relativeErrors[k])));
        }
        return "GM(1,1) a = " + TextTable.number(a) + ", b = " + TextTable.number(b())
            + (shift != 0 ? ", shift = " + TextTable.number(shift()) : "") + "\n"
            + "level ratios " + (isAdmissible() ? "admissible" : "NOT admissible") + " in ("
            + TextTable.number(lower) + ", " + TextTable.number(upper) + ")\n"
            + "MAPE " + TextTable.number(mape) + ", C " + TextTable.number(c) + ", P " + TextTable.number(p)
            + ", grade " + accuracyGrade() + "\n"
            + TextTable.render(List.of("k", "actual", "fitted", "relative error"), rows);
    }
}
