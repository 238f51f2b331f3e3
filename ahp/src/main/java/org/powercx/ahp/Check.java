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

    /** The largest judgment, \( 2^{1022} \approx 4.5 \times 10^{307} \), the exact reciprocal of the smallest. */
    static final double MAX_JUDGMENT = 1 / Double.MIN_NORMAL;

    /**
     * Whether a judgment is usable: within \( [2^{-1022}, 2^{1022}] \), so that it and its reciprocal are both
     * finite normal doubles (NaN, infinities, zero, negatives and subnormals fail).
     */
    static boolean isJudgment(double v) {
        return v >= Double.MIN_NORMAL && v <= MAX_JUDGMENT;
    }

    /** Checks a judgment as {@link #isJudgment(double)}; the message names it. */
    static double judgment(double v, String what) {
        if (isJudgment(v)) {
            return v;
        }
        throw new AhpException("%s must be positive and finite, between 2.2E-308 and 4.5E307, but was %s", what, v);
    }

    /**
     * The error for a valid matrix whose priorities cannot be computed: they overflow or underflow the double
     * range (failure NaN) or the power iteration does not converge ({@link Priorities#NOT_CONVERGED}); the
     * message names the judgment furthest from 1 (NaN entries, missing judgments, are skipped).
     */
    static AhpException priorityFailure(String what, List<String> names, double[] a, double failure) {
        int n = names.size();
        int worst = 0;
        double far = -1;
        for (int k = 0; k < n * n; k++) {
            double d = Math.abs(Math.log(a[k]));
            if (d > far) {
                far = d;
                worst = k;
            }
        }
        String cause = failure == Priorities.NOT_CONVERGED
            ? "the principal eigenvector did not converge within " + Priorities.MAX_ITERATIONS
                + " power iterations: the judgments are too extreme and inconsistent"
            : "they are not representable in double precision: the judgments span too many orders of magnitude";
        return new AhpException("the priorities of the %s over %s cannot be computed, %s; the most extreme judgment "
            + "is a[%s][%s] = %s", what, names, cause, names.get(worst / n), names.get(worst % n), a[worst]);
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
