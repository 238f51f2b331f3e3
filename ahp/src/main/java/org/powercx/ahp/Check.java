package org.powercx.ahp;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Argument checks and number formatting shared by the module. */
final class Check {
    private static final MathContext FOUR_DIGITS = new MathContext(4);

    private Check() {
    }

    /** Formats a number with at most four significant digits, e.g. 0.3333. */
    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(FOUR_DIGITS).stripTrailingZeros();
        double abs = Math.abs(v);
        return abs >= 1e-4 && abs < 1e9 ? d.toPlainString() : d.toString();
    }

    /** Validates a list of names: at least one, non-blank, unique; returns an immutable copy. */
    static List<String> names(List<String> names, String what) {
        if (names == null || names.isEmpty()) {
            throw new AhpException("%s need at least one name", what);
        }
        Set<String> seen = new HashSet<>();
        List<String> copy = new ArrayList<>(names.size());
        for (int k = 0; k < names.size(); k++) {
            String n = names.get(k);
            if (n == null || n.isBlank()) {
                throw new AhpException("%s: name %d is blank", what, k);
            }
            if (!seen.add(n)) {
                throw new AhpException("%s: duplicate name '%s'", what, n);
            }
            copy.add(n);
        }
        return List.copyOf(copy);
    }

    /** Checks that a value is finite and positive. */
    static double positive(double v, String what) {
        if (v > 0 && v < Double.POSITIVE_INFINITY) {
            return v;
        }
        throw new AhpException("%s must be positive and finite but was %s", what, v);
    }

    /** Checks that a value is finite and non-negative. */
    static double nonNegative(double v, String what) {
        if (v >= 0 && v < Double.POSITIVE_INFINITY) {
            return v;
        }
        throw new AhpException("%s must be finite and non-negative but was %s", what, v);
    }

    static <T> T notNull(T value, String what) {
        if (value == null) {
            throw new AhpException("%s is null", what);
        }
        return value;
    }
}
