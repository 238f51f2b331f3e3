package org.powercx.grey;

/**
 * The discrete grey model DGM(1,1) of Xie and Liu, fitted to a positive series: the accumulated series obeys
 * \(x^{(1)}(k+1) = \beta_1 x^{(1)}(k) + \beta_2\), with \([\beta_1, \beta_2]\) the least-squares solution over
 * \(k = 1..n-1\). It is free of GM(1,1)'s discretisation error for exactly exponential series.
 *
 * <p>Conventions, as R greyforecasting's {@code dgm()}: fitted values are one-step-ahead predictions from the
 * actual accumulated series, \(\hat x^{(1)}(k+1) = \beta_1 x^{(1)}(k) + \beta_2\), so \(\hat x^{(0)}(1) =
 * x^{(0)}(1)\), \(\hat x^{(0)}(2) = \hat x^{(1)}(2) - x^{(1)}(1)\) and \(\hat x^{(0)}(k+1) = \beta_1 x^{(0)}(k)\) for
 * \(k \ge 2\); forecasts continue the recursion from the last fitted \(\hat x^{(1)}(n)\), so
 * \(\hat x^{(0)}(n+h) = \beta_1^{h-1}(\hat x^{(1)}(n+1) - \hat x^{(1)}(n))\).
 *
 * <p>Reference: N. Xie, S. Liu, "Discrete grey forecasting model and its optimization", Applied Mathematical
 * Modelling 33(2) (2009) 1173-1186, doi:10.1016/j.apm.2008.01.011. Instances are immutable. A fitted model is a
 * value: {@link #of(Parameters)} rebuilds it from {@link #parameters()} with the same fitted values and
 * forecasts, and it is {@link java.io.Serializable} through a serialization proxy holding the parameters.
 *
 * @since 0.1.0
 * @serial exclude
 */
public final class DiscreteGreyModel implements java.io.Serializable {
    private final double[] series;
    private final double beta1;
    private final double beta2;
    private final double lastFitted;

    private DiscreteGreyModel(double[] series, double beta1, double beta2) {
        this.series = series;
        this.beta1 = beta1;
        this.beta2 = beta2;
        double cum = 0;
        for (int k = 0; k < series.length - 1; k++) {
            cum += series[k];
        }
        this.lastFitted = beta1 * cum + beta2;
    }

    /**
     * The parameters of a fitted DGM(1,1).
     *
     * @param series the series as given, at least {@value GreyModel#MIN_LENGTH} finite positive values; copied
     * @param beta1 the coefficient, finite
     * @param beta2 the constant, finite
     * @since 0.2.0
     * @serial exclude
     */
    public record Parameters(double[] series, double beta1, double beta2) implements java.io.Serializable {
        /**
         * Validates and copies the components.
         *
         * @param series the series
         * @param beta1 the coefficient
         * @param beta2 the constant
         * @throws GreyException if the series is not a valid DGM(1,1) series or a coefficient is not finite
         */
        public Parameters {
            GreyModel.scaleExponent("DGM(1,1)", series);
            series = series.clone();
            if (!Double.isFinite(beta1) || !Double.isFinite(beta2)) {
                throw new GreyException("DGM(1,1) parameters: beta1 = %s and beta2 = %s must be finite", beta1,
                    beta2);
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
                && Double.compare(beta1, p.beta1) == 0 && Double.compare(beta2, p.beta2) == 0;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(java.util.Arrays.hashCode(series), beta1, beta2);
        }

        @Override
        public String toString() {
            return "DiscreteGreyModel.Parameters[series=" + java.util.Arrays.toString(series) + ", beta1=" + beta1
                + ", beta2=" + beta2 + "]";
        }
    }

    /**
     * The parameters of this model.
     *
     * @return the series and the coefficients
     * @since 0.2.0
     */
    public Parameters parameters() {
        return new Parameters(series, beta1, beta2);
    }

    /**
     * Rebuilds a model from its parameters.
     *
     * @param parameters the parameters
     * @return the model, with the same fitted values and forecasts as the one the parameters were taken from
     * @throws GreyException if the parameters are null
     * @since 0.2.0
     */
    public static DiscreteGreyModel of(Parameters parameters) {
        if (parameters == null) {
            throw new GreyException("DGM(1,1) parameters are null");
        }
        return new DiscreteGreyModel(parameters.series(), parameters.beta1(), parameters.beta2());
    }

    private Object writeReplace() {
        return new SerializedForm(parameters());
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("use the serialization proxy");
    }

    /**
     * The serialized form of a model: its parameters, version 1.
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

    /**
     * Fits DGM(1,1) to a series.
     *
     * @param series at least {@value GreyModel#MIN_LENGTH} finite, positive values in time order; not modified
     * @return the fitted model
     * @throws GreyException if the series is null, shorter than {@value GreyModel#MIN_LENGTH}, or holds a value
     *     that is not finite or not positive (naming its position and value)
     */
    public static DiscreteGreyModel fit(double... series) {
        // DGM(1,1) is scale-equivariant: fit the series times 2^-e (exact), which keeps the sums of squares in
        // range for magnitudes from 1e-300 to 1e300, and scale beta2 back
        int e = GreyModel.scaleExponent("DGM(1,1)", series);
        int n = series.length;
        double[] x1 = new double[n];
        double cum = 0;
        for (int k = 0; k < n; k++) {
            cum += Math.scalb(series[k], -e);
            x1[k] = cum;
        }
        // least squares of x1(k+1) on [x1(k), 1], in centred form
        double mx = 0;
        double my = 0;
        for (int k = 0; k < n - 1; k++) {
            mx += x1[k];
            my += x1[k + 1];
        }
        mx /= n - 1;
        my /= n - 1;
        double sxx = 0;
        double sxy = 0;
        for (int k = 0; k < n - 1; k++) {
            sxx += (x1[k] - mx) * (x1[k] - mx);
            sxy += (x1[k] - mx) * (x1[k + 1] - my);
        }
        double beta1 = sxy / sxx;
        double beta2 = Math.scalb(my - beta1 * mx, e);
        if (!Double.isFinite(beta1) || !Double.isFinite(beta2)) {
            throw new GreyException("DGM(1,1) parameters are not finite (beta1 = %s, beta2 = %s)", beta1, beta2);
        }
        return new DiscreteGreyModel(series.clone(), beta1, beta2);
    }

    /**
     * The coefficient \(\beta_1\).
     *
     * @return beta1
     */
    public double beta1() {
        return beta1;
    }

    /**
     * The constant \(\beta_2\).
     *
     * @return beta2
     */
    public double beta2() {
        return beta2;
    }

    /**
     * The fitted values \(\hat x^{(0)}(1..n)\).
     *
     * @return a new array
     */
    public double[] fitted() {
        double[] out = new double[series.length];
        out[0] = series[0];
        out[1] = beta1 * series[0] + beta2 - series[0];
        for (int k = 2; k < out.length; k++) {
            out[k] = beta1 * series[k - 1];
        }
        return out;
    }

    /**
     * Forecasts the next values after the series.
     *
     * @param steps how many values, in [1, 10000]
     * @return \(\hat x^{(0)}(n+1..n+steps)\)
     * @throws GreyException if steps is outside [1, 10000], or a forecast overflows a double (naming the step)
     */
    public double[] forecast(int steps) {
        if (steps < 1 || steps > 10000) {
            throw new GreyException("forecast steps must be in [1, 10000] but was %d", steps);
        }
        double[] out = new double[steps];
        double prev = lastFitted;
        for (int h = 0; h < steps; h++) {
            double next = beta1 * prev + beta2;
            out[h] = next - prev;
            if (!Double.isFinite(out[h])) {
                throw new GreyException("forecast step %d overflows a double (beta1 = %s)", h + 1, beta1);
            }
            prev = next;
        }
        return out;
    }
}
