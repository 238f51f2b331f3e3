package org.powercx.grey;

/**
 * The sequence operator that makes behaviour sequences of different units comparable before Deng's degree
 * of grey incidence is taken: each sequence is divided by its own first value or its own mean.
 *
 * @since 0.1.0
 */
public enum SequenceOperator {
    /** No operator: the sequences are compared as given. */
    NONE,
    /** Initialing operator \(x(k)/x(1)\). */
    INITIAL_VALUE,
    /** Averaging operator \(x(k)/\bar{x}\). */
    MEAN;

    /**
     * Applies the operator to a sequence.
     *
     * @param name the sequence's name, for messages
     * @param x the sequence; not modified
     * @return a new array
     * @throws GreyException if the divisor (first value or mean) is 0
     */
    double[] apply(String name, double[] x) {
        double divisor = 1;
        if (this == INITIAL_VALUE) {
            divisor = x[0];
        } else if (this == MEAN) {
            double s = 0;
            for (double v : x) {
                s += v;
            }
            divisor = s / x.length;
            if (!Double.isFinite(divisor)) {
                // the sum overflowed: average the values divided by n instead
                divisor = 0;
                for (double v : x) {
                    divisor += v / x.length;
                }
            }
        }
        if (divisor == 0) {
            throw new GreyException("sequence '%s': the %s operator divides by 0", name, this);
        }
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = x[k] / divisor;
        }
        return out;
    }
}
