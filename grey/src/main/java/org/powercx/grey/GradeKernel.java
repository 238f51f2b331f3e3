package org.powercx.grey;

import java.util.Arrays;
import org.powercx.core.IndicatorTable;
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
     * A kernel from fitted parameters.
     *
     * @param inline per column, whether it is normalised inline (false: through the normaliser's column kernel)
     */
    GradeKernel(Normaliser normaliser, double[] ref, double[] w, double rho, double deltaMin, double deltaMax,
            double[] lower, double[] upper, boolean[] inline) {
        this.normaliser = normaliser;
        int m = w.length;
        this.kind = new byte[m];
        this.loc = new double[m];
        this.scale = new double[m];
        this.inverse = new double[m];
        this.clampDelta = new boolean[m];
        this.lower = lower.clone();
        this.upper = upper.clone();
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
     * Fits the kernel's clip bounds and normalisation paths on a calibration table: the bounds are the range of
     * each column's normalised values {@code y}, and a column is normalised inline if the inline map agrees with
     * the normaliser's on every calibration value to a few units in the last place.
     */
    static GradeKernel fit(Normaliser normaliser, IndicatorTable table, double[][] y, double[] ref, double[] w,
            double rho, double deltaMin, double deltaMax) {
        int m = w.length;
        double[] lower = new double[m];
        double[] upper = new double[m];
        boolean[] inline = new boolean[m];
        for (int j = 0; j < m; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : y[j]) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            lower[j] = lo;
            upper[j] = hi;
            inline[j] = true;
        }
        GradeKernel candidate = new GradeKernel(normaliser, ref, w, rho, deltaMin, deltaMax, lower, upper, inline);
        for (int j = 0; j < m; j++) {
            double[] x = table.column(j);
            for (int i = 0; i < x.length; i++) {
                double diff = Math.abs(candidate.normalise(j, x[i]) - y[j][i]);
                if (!(diff <= 4 * Math.ulp(Math.abs(y[j][i])) + 4 * Math.ulp(1.0))) {
                    inline[j] = false;
                    break;
                }
            }
        }
        return new GradeKernel(normaliser, ref, w, rho, deltaMin, deltaMax, lower, upper, inline);
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

    /** Grades rows [from, to) of the columns into out[outPos...] with the given number of threads. */
    void run(double[][] columns, int from, int to, double[] out, int outPos, int threads) {
        int blocks = (to - from + BLOCK - 1) / BLOCK;
        ParallelRanges.run(blocks, threads, (b0, b1) -> scoreBlocks(columns, from, to, b0, b1, out, outPos));
    }

    private void scoreBlocks(double[][] columns, int from, int to, int b0, int b1, double[] out, int outPos) {
        // the block's values and sums live in two scratch buffers indexed alike, which lets the JIT vectorise
        double[] buf = new double[BLOCK];
        double[] acc = new double[BLOCK];
        for (int b = b0; b < b1; b++) {
            int start = from + b * BLOCK;
            int len = Math.min(to, start + BLOCK) - start;
            Arrays.fill(acc, 0, len, 0.0);
            for (int j = 0; j < w.length; j++) {
                if (kind[j] == GENERIC) {
                    normaliser.applyToColumn(j, columns[j], start, start + len, buf, 0);
                } else {
                    System.arraycopy(columns[j], start, buf, 0, len);
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
