package org.powercx.grey;

/**
 * Degrees of grey incidence between a reference behaviour sequence \(x_0\) and comparison sequences
 * \(x_i\) of the same length n, for factor analysis over time (for example which kind of consumption moves
 * with total consumption).
 *
 * <p><b>Deng's degree</b> ({@link #deng(double[], double[]...)}): after the {@link SequenceOperator}, with
 * \(\Delta_i(k) = |x_0(k) - x_i(k)|\) and \(\Delta_{\min}, \Delta_{\max}\) global over all comparison
 * sequences, \(\gamma_{0i} = \frac1n\sum_k \frac{\Delta_{\min} + \rho\Delta_{\max}}{\Delta_i(k) +
 * \rho\Delta_{\max}}\). It compares the sequences point by point, depends on the operator and on which
 * other sequences are compared (through the global \(\Delta\)), and fits ranking factors measured on a
 * common scale.
 *
 * <p><b>Liu's absolute degree</b> ({@link #absolute(double[], double[])}): with zero-starting-point images
 * \(x'(k) = x(k) - x(1)\) and \(s = \sum_{k=2}^{n-1} x'(k) + \tfrac12 x'(n)\),
 * \[ \varepsilon_{0i} = \frac{1 + |s_0| + |s_i|}{1 + |s_0| + |s_i| + |s_i - s_0|}. \]
 * It compares the areas swept by the sequences' growth, lies in (0, 1], is 1 for parallel sequences, needs
 * no global \(\Delta\) and no \(\rho\), but is not dimensionless: it depends on the units, so it fits
 * sequences of the same quantity and unit (for example consumption of several customer classes in kWh).
 *
 * <p>References: J. Deng, "Introduction to grey system theory", The Journal of Grey System 1(1) (1989)
 * 1-24; S. Liu, Y. Lin, "Grey Systems: Theory and Applications", Springer
 * (2010), ch. 3, doi:10.1007/978-3-642-16158-2. Instances are immutable.
 *
 * @since 0.1.0
 */
public final class GreyIncidence {
    private static final GreyIncidence DEFAULTS = new GreyIncidence(0.5, SequenceOperator.INITIAL_VALUE);

    private final double rho;
    private final SequenceOperator operator;

    private GreyIncidence(double rho, SequenceOperator operator) {
        this.rho = rho;
        this.operator = operator;
    }

    /**
     * The defaults: \(\rho = 0.5\), {@link SequenceOperator#INITIAL_VALUE}.
     *
     * @return the default instance
     */
    public static GreyIncidence withDefaults() {
        return DEFAULTS;
    }

    /**
     * Sets the distinguishing coefficient of Deng's degree.
     *
     * @param newRho a value in (0, 1]
     * @return a new instance
     * @throws GreyException if rho is NaN or outside (0, 1]
     */
    public GreyIncidence withDistinguishingCoefficient(double newRho) {
        if (newRho > 0 && newRho <= 1) {
            return new GreyIncidence(newRho, operator);
        }
        throw new GreyException("distinguishing coefficient rho must be in (0, 1] but was %s", newRho);
    }

    /**
     * Sets the sequence operator of Deng's degree.
     *
     * @param newOperator the operator
     * @return a new instance
     * @throws GreyException if the operator is null
     */
    public GreyIncidence with(SequenceOperator newOperator) {
        if (newOperator == null) {
            throw new GreyException("sequence operator must not be null");
        }
        return new GreyIncidence(rho, newOperator);
    }

    private static void check(String name, double[] x, int length, int minLength) {
        if (x == null || x.length < minLength) {
            throw new GreyException("sequence '%s' must have at least %d values but has %s", name, minLength,
                x == null ? "none" : String.valueOf(x.length));
        }
        if (length >= 0 && x.length != length) {
            throw new GreyException("sequence '%s' has %d values but the reference has %d", name, x.length, length);
        }
        for (int k = 0; k < x.length; k++) {
            if (!Double.isFinite(x[k])) {
                throw new GreyException("sequence '%s', point %d: value must be finite but was %s", name, k + 1,
                    x[k]);
            }
        }
    }

    /**
     * Deng's degrees of grey incidence of each comparison sequence to the reference.
     *
     * @param reference the reference sequence; not modified
     * @param comparisons at least one sequence as long as the reference; not modified
     * @return one degree in (0, 1] per comparison sequence, in the given order
     * @throws GreyException if a sequence is null, empty, of another length or holds a non-finite value, or
     *     the operator divides by 0, or the distances overflow, or \(\rho\Delta_{\max}\) underflows
     */
    public double[] deng(double[] reference, double[]... comparisons) {
        check("reference", reference, -1, 1);
        if (comparisons == null || comparisons.length == 0) {
            throw new GreyException("at least one comparison sequence is needed");
        }
        int n = reference.length;
        double[] x0 = operator.apply("reference", reference);
        double[][] delta = new double[comparisons.length][];
        double dmin = Double.POSITIVE_INFINITY;
        double dmax = 0;
        for (int i = 0; i < comparisons.length; i++) {
            String name = "comparison " + (i + 1);
            check(name, comparisons[i], n, 1);
            double[] xi = operator.apply(name, comparisons[i]);
            delta[i] = new double[n];
            for (int k = 0; k < n; k++) {
                delta[i][k] = Math.abs(x0[k] - xi[k]);
                dmin = Math.min(dmin, delta[i][k]);
                dmax = Math.max(dmax, delta[i][k]);
            }
        }
        if (!Double.isFinite(dmax)) {
            throw new GreyException("distances between the sequences overflow a double");
        }
        if (dmax > 0 && !(rho * dmax >= Double.MIN_NORMAL && rho >= Double.MIN_NORMAL)) {
            // a subnormal rho or rho * Delta-max loses the coefficients to underflow (grades of 0, or all 1)
            throw new GreyException("distinguishing coefficient rho = %s is too small for Delta-max = %s: "
                + "rho * Delta-max underflows", rho, dmax);
        }
        if (!Double.isFinite(dmax + rho * dmax)) {
            throw new GreyException("Delta-max = %s is too large: Delta + rho * Delta-max overflows a double", dmax);
        }
        double[] degrees = new double[comparisons.length];
        for (int i = 0; i < degrees.length; i++) {
            if (dmax == 0) {
                degrees[i] = 1;
                continue;
            }
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += (dmin + rho * dmax) / (delta[i][k] + rho * dmax);
            }
            degrees[i] = s / n;
        }
        return degrees;
    }

    /**
     * Liu's absolute degree of grey incidence between two sequences.
     *
     * @param reference the reference sequence, at least 2 values; not modified
     * @param comparison a sequence as long as the reference; not modified
     * @return the degree in (0, 1]
     * @throws GreyException if a sequence is null, shorter than 2, of another length, or holds a
     *     non-finite value
     */
    public double absolute(double[] reference, double[] comparison) {
        check("reference", reference, -1, 2);
        check("comparison", comparison, reference.length, 2);
        double s0 = area(reference);
        double si = area(comparison);
        double a0 = Math.abs(s0);
        double ai = Math.abs(si);
        // a0 + ai and |si - s0| are exactly symmetric in the two sequences, so the degree is too
        double both = a0 + ai;
        double den = 1 + both + Math.abs(si - s0);
        double eps;
        if (Double.isFinite(den)) {
            eps = (1 + both) / den;
        } else {
            // |s - s0| overflowed: divide every term by a power of two near the areas (exact), which keeps the
            // ratio instead of returning 0
            int e = Math.getExponent(Math.max(a0, ai));
            double one = Math.scalb(1.0, -e);
            double b0 = Math.scalb(a0, -e);
            double bi = Math.scalb(ai, -e);
            double scaledBoth = b0 + bi;
            eps = (one + scaledBoth) / (one + scaledBoth + Math.abs(Math.scalb(si, -e) - Math.scalb(s0, -e)));
        }
        if (!Double.isFinite(eps)) {
            throw new GreyException("the sequences' areas overflow a double (s0 = %s, s = %s)", s0, si);
        }
        return eps;
    }

    /**
     * The signed area \(s = \sum_{k=2}^{n-1} x'(k) + \tfrac12 x'(n)\) of a sequence's zero-starting-point image
     * \(x'(k) = x(k) - x(1)\).
     *
     * @param x a sequence of at least 2 finite values; not modified
     * @return s
     * @throws GreyException if the sequence is null, shorter than 2 or holds a non-finite value
     */
    public static double area(double[] x) {
        check("sequence", x, -1, 2);
        int n = x.length;
        double s = 0;
        for (int k = 1; k < n - 1; k++) {
            s += x[k] - x[0];
        }
        return s + 0.5 * (x[n - 1] - x[0]);
    }

    /**
     * The distinguishing coefficient.
     *
     * @return rho
     */
    public double distinguishingCoefficient() {
        return rho;
    }

    /**
     * The sequence operator.
     *
     * @return the operator
     */
    public SequenceOperator operator() {
        return operator;
    }
}
