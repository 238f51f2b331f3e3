package org.powercx.clv;

/** Argument checks of the form "if valid return, else throw", so that NaN fails. */
final class Checks {
    private Checks() {
    }

    static double finite(String name, double value) {
        if (Double.isFinite(value)) {
            return value;
        }
        throw new ClvException("%s must be finite, got %s", name, value);
    }

    static double positive(String name, double value) {
        if (value > 0 && value < Double.POSITIVE_INFINITY) {
            return value;
        }
        throw new ClvException("%s must be positive and finite, got %s", name, value);
    }

    static double nonNegative(String name, double value) {
        if (value >= 0 && value < Double.POSITIVE_INFINITY) {
            return value;
        }
        throw new ClvException("%s must be non-negative and finite, got %s", name, value);
    }

    static double probability(String name, double value) {
        if (value >= 0 && value <= 1) {
            return value;
        }
        throw new ClvException("%s must lie in [0, 1], got %s", name, value);
    }

    static double discountRate(double value) {
        if (value >= 0 && value < Double.POSITIVE_INFINITY) {
            return value;
        }
        throw new ClvException("discount rate must be non-negative and finite, got %s", value);
    }

    static double[] nonEmpty(String name, double[] values) {
        if (values == null || values.length == 0) {
            throw new ClvException("%s must not be null or empty", name);
        }
        return values;
    }

    static void sameLength(String name1, double[] a, String name2, double[] b) {
        if (a.length != b.length) {
            throw new ClvException("%s has %d values but %s has %d", name1, a.length, name2, b.length);
        }
    }
}
