package org.powercx.grey;

import java.util.Arrays;
import org.powercx.core.Normaliser;
import org.powercx.core.internal.ParallelRanges;

/**
 * The arithmetic of a fitted grey relational analysis on primitive arrays: normalise, clip, coefficient and
 * weighted grade in one pass per column and block of rows, without per-row allocation.
 *
 * <p>Columns are normalised inline with the location, scale and constant that core's {@link Normaliser} exposes,
 * multiplying by the reciprocal of the scale instead of dividing (the values agree with the normaliser's to a few
 * units in the last place, checked on every calibration value at fit time); a column that fails the check goes
 * through the normaliser's column kernel into a scratch buffer. Every path computes a value's coefficient with the same
 * floating-point operations, so grades do not depend on the path, the block or the thread.
 */
final class GradeKernel {
    /** Rows per block. */
    static final int BLOCK = 1024;

    private static final byte AFFINE = 0;
    private static final byte ABSOLUTE = 1;
    private static final byte CONSTANT = 2;
    private static final byte GENERIC = 3;

    private final Normaliser normaliser;
    private final byte[] kind;
    private final double[] loc;
    private final double[] scale;
    private final double[] inverse;
    /** Whether distances of column j need clipping to [Delta-min, Delta-max] after the value clip. */
    private final boolean[] clampDelta;
    private final double[] lower;
    private final double[] upper;
    private final double[] ref;
    private final double[] w;
    private final double deltaMin;
    private final double deltaMax;
    private final double numerator;
    private final double rhoDeltaMax;

    /**
     * A kernel from fitted parameters, the normalisation path of each column given.
     *
     * @param normaliser the fitted normaliser
     * @param lower each column's smallest normalised calibration value; not copied, not modified
     * @param upper each column's largest normalised calibration value; not copied, not modified
     * @param ref the normalised reference
     * @param w the weights
     * @param rho the distinguishing coefficient
     * @param deltaMin the global Delta-min
     * @param deltaMax the global Delta-max
     * @param inline per column, whether it is normalised inline (false: through the normaliser's column kernel)
     */
    GradeKernel(Normaliser normaliser, double[] lower, double[] upper, double[] ref, double[] w, double rho,
            double deltaMin, double deltaMax, boolean[] inline) {
        this.normaliser = normaliser;
        int m = w.length;
        this.kind = new byte[m];
        this.loc = new double[m];
        this.scale = new double[m];
        this.inverse = new double[m];
        this.clampDelta = new boolean[m];
        this.lower = lower;
        this.upper = upper;
        this.ref = ref;
        this.w = w;
        this.deltaMin = deltaMin;
        this.deltaMax = deltaMax;
        this.rhoDeltaMax = rho * deltaMax;
        this.numerator = deltaMin + rhoDeltaMax;
        for (int j = 0; j < m; j++) {
            inline(j);
            inverse[j] = 1 / scale[j];
            // after the value clip, |ref - y| <= max(|ref - lower|, |ref - upper|) <= Delta-max, both bounds being
            // calibration values; it can fall below Delta-min only if Delta-min > 0 and ref lies inside the range
            clampDelta[j] = deltaMin > 0 && ref[j] > lower[j] && ref[j] < upper[j];
            if (!inline[j]) {
                kind[j] = GENERIC;
            }
        }
    }

    /**
     * A kernel for fitted bounds, choosing each column's normalisation path: inline unless the inline map
     * disagrees with the normaliser's at the column's calibration extremes (the maps are monotone in x, or in
     * |x - T|, so the extremes show the largest differences between the reciprocal and the division).
     *
     * @param normaliser the fitted normaliser
     * @param xMin each column's smallest calibration value
     * @param xMax each column's largest calibration value
     * @param lower each column's smallest normalised calibration value
     * @param upper each column's largest normalised calibration value
     * @param ref the normalised reference
     * @param w the weights
     * @param rho the distinguishing coefficient
     * @param deltaMin the global Delta-min
     * @param deltaMax the global Delta-max
     * @return the kernel
     */
    static GradeKernel fit(Normaliser normaliser, double[] xMin, double[] xMax, double[] lower, double[] upper,
            double[] ref, double[] w, double rho, double deltaMin, double deltaMax) {
        boolean[] inline = new boolean[w.length];
        Arrays.fill(inline, true);
        GradeKernel candidate = new GradeKernel(normaliser, lower, upper, ref, w, rho, deltaMin, deltaMax, inline);
        for (int j = 0; j < w.length; j++) {
            inline[j] = candidate.kind[j] == CONSTANT || (Double.isFinite(candidate.inverse[j])
                && candidate.agrees(j, xMin[j]) && candidate.agrees(j, xMax[j]));
        }
        return new GradeKernel(normaliser, lower, upper, ref, w, rho, deltaMin, deltaMax, inline);
    }

    private boolean agrees(int j, double x) {
        double exact = normaliser.apply(j, x);
        double diff = Math.abs(normalise(j, x) - exact);
        return diff <= 4 * Math.ulp(Math.abs(exact)) + 4 * Math.ulp(1.0);
    }

    /**
     * Takes the inline normalisation of a column from the normaliser's location and scale; a degenerate column
     * keeps its constant in {@code loc}.
     */
    private void inline(int j) {
        java.util.OptionalDouble constant = normaliser.constantValue(j);
        if (constant.isPresent()) {
            kind[j] = CONSTANT;
            loc[j] = constant.getAsDouble();
            return;
        }
        kind[j] = normaliser.isTargetDistance(j) ? ABSOLUTE : AFFINE;
        loc[j] = normaliser.location(j);
        scale[j] = normaliser.scale(j);
    }

    /** The normalised value of x in column j, before clipping. */
    double normalise(int j, double x) {
        return switch (kind[j]) {
            case AFFINE -> (x - loc[j]) * inverse[j] + 0.0; // as core: + 0.0 turns -0.0 into 0.0
            case ABSOLUTE -> 1 - Math.abs(x - loc[j]) * inverse[j];
            case CONSTANT -> loc[j];
            default -> normaliser.apply(j, x);
        };
    }

    /** Clips a normalised value to the calibration range of column j. */
    double clip(int j, double y) {
        return Math.min(Math.max(y, lower[j]), upper[j]);
    }

    /** The coefficient of a clipped normalised value. */
    double coefficient(int j, double y) {
        if (rhoDeltaMax == 0) {
            return 1;
        }
        double d = Math.abs(ref[j] - y);
        if (clampDelta[j]) {
            d = Math.min(Math.max(d, deltaMin), deltaMax);
        }
        return numerator / (d + rhoDeltaMax);
    }

    /**
     * Caps a weighted grade at 1. The weights sum to 1 only within rounding (and within core's tolerance of
     * 1e-9), so a customer with every coefficient 1 could otherwise get a grade such as 1.0000000000000002.
     */
    static double cap(double grade) {
        return Math.min(grade, 1.0);
    }

    /** Whether column j is normalised inline (false: through the normaliser's column kernel). */
    boolean isInline(int j) {
        return kind[j] != GENERIC;
    }

    double lower(int j) {
        return lower[j];
    }

    double upper(int j) {
        return upper[j];
    }

    /** A source of column segments: copies rows [start, start + len) of fitted column j into buf[0..len). */
    @FunctionalInterface
    interface Columns {
        void copy(int j, int start, int len, double[] buf);
    }

    /** Grades rows [from, to) of the columns into out[outPos...] with the given number of threads. */
    void run(double[][] columns, int from, int to, double[] out, int outPos, int threads) {
        run((j, start, len, buf) -> System.arraycopy(columns[j], start, buf, 0, len), from, to, out, outPos,
            threads);
    }

    /** Grades rows [from, to) of a column source into out[outPos...] with the given number of threads. */
    void run(Columns columns, int from, int to, double[] out, int outPos, int threads) {
        int blocks = (to - from + BLOCK - 1) / BLOCK;
        ParallelRanges.run(blocks, threads, (b0, b1) -> scoreBlocks(columns, from, to, b0, b1, out, outPos));
    }

    private void scoreBlocks(Columns columns, int from, int to, int b0, int b1, double[] out, int outPos) {
        // the block's values and sums live in two scratch buffers indexed alike, which lets the JIT vectorise
        double[] buf = new double[BLOCK];
        double[] acc = new double[BLOCK];
        for (int b = b0; b < b1; b++) {
            int start = from + b * BLOCK;
            int len = Math.min(to, start + BLOCK) - start;
            Arrays.fill(acc, 0, len, 0.0);
            for (int j = 0; j < w.length; j++) {
                columns.copy(j, start, len, buf);
                if (kind[j] == GENERIC) {
                    normaliser.applyToColumn(j, buf, 0, len, buf, 0);
                }
                accumulate(j, buf, len, acc);
            }
            for (int i = 0; i < len; i++) {
                acc[i] = cap(acc[i]);
            }
            System.arraycopy(acc, 0, out, outPos + start - from, len);
        }
    }

    private void accumulate(int j, double[] buf, int len, double[] acc) {
        double wj = w[j];
        if (rhoDeltaMax == 0 || kind[j] == CONSTANT) {
            double add = wj * coefficient(j, clip(j, normalise(j, 0)));
            for (int i = 0; i < len; i++) {
                acc[i] += add;
            }
            return;
        }
        double l = loc[j];
        double s = inverse[j];
        double lo = lower[j];
        double hi = upper[j];
        double r = ref[j];
        double num = numerator;
        double rd = rhoDeltaMax;
        if (clampDelta[j]) {
            clamped(j, buf, len, acc);
        } else if (kind[j] == AFFINE) {
            for (int i = 0; i < len; i++) {
                double y = Math.min(Math.max((buf[i] - l) * s + 0.0, lo), hi);
                double d = Math.abs(r - y);
                acc[i] += wj * (num / (d + rd));
            }
        } else if (kind[j] == ABSOLUTE) {
            for (int i = 0; i < len; i++) {
                double y = Math.min(Math.max(1 - Math.abs(buf[i] - l) * s, lo), hi);
                double d = Math.abs(r - y);
                acc[i] += wj * (num / (d + rd));
            }
        } else {
            for (int i = 0; i < len; i++) {
                double y = Math.min(Math.max(buf[i], lo), hi);
                double d = Math.abs(r - y);
                acc[i] += wj * (num / (d + rd));
            }
        }
    }

    /** The general loop, with every clip; normalises like {@link #normalise(int, double)}. */
    private void clamped(int j, double[] buf, int len, double[] acc) {
        if (kind[j] == GENERIC) {
            double wj = w[j];
            for (int i = 0; i < len; i++) {
                acc[i] += wj * coefficient(j, clip(j, buf[i]));
            }
            return;
        }
        double wj = w[j];
        for (int i = 0; i < len; i++) {
            acc[i] += wj * coefficient(j, clip(j, normalise(j, buf[i])));
        }
    }
}
