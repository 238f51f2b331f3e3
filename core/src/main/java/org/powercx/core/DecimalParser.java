package org.powercx.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;

/**
 * The fast path of number parsing for the CSV reader: a plain decimal ({@code [+-]digits[.digits][(e|E)[+-]digits]},
 * at most 19 significant digits) parsed from bytes to the correctly rounded double, the same bits as
 * {@link Double#parseDouble}. Anything else, and the rare inputs the fast algorithm cannot decide, are left to the
 * general parser (the caller's fallback), which also produces every error message.
 *
 * <p>The digits are accumulated into a 64-bit integer {@code w} with a decimal exponent {@code q}; small exact
 * cases use Clinger's fast path (W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990: when
 * {@code w} &lt; 2<sup>53</sup> and |q| &lt;= 22 one correctly rounded multiplication or division by an exact power of
 * ten), the rest the Eisel-Lemire algorithm (D. Lemire, "Number parsing at a gigabyte per second", Software:
 * Practice and Experience 51(8), 2021; in the form of the Go standard library's {@code eiselLemire64}): the
 * normalised {@code w} times a 128-bit truncation of {@code 10^q}, giving up (to the fallback) whenever the
 * truncation could change the rounding.
 *
 * <p>Not thread-safe: {@link #end()} is the state of the last call; one instance per parsing thread.
 */
final class DecimalParser {
    private static final int MIN_EXP10 = -348;
    private static final int MAX_EXP10 = 347;
    /** POW10[2k] the high and POW10[2k + 1] the low 64 bits of 10^(k + MIN_EXP10), normalised, rounded down. */
    private static final long[] POW10 = powersOfTen();
    private static final double[] EXACT = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    /** Longest number (in bytes) this path takes. */
    private static final int MAX_LENGTH = 64;

    /** Eight bytes read as one little-endian long, for eight digits at a time. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
        ByteOrder.LITTLE_ENDIAN);

    /** Bytes readable from a number's start for {@link #shortForm}, which reads at most 33 of them. */
    private static final int SHORT_FORM_BYTES = 40;
    /** Eight ASCII zeros. */
    private static final long ZEROS = 0x3030_3030_3030_3030L;

    private static final long[] POW10_LONG = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L};

    private int end;
    /** The digits accumulated by {@link #digitRun} (wrapping past 19 digits, which the caller then refuses). */
    private long runValue;
    private int runDigits;

    /**
     * The index after the last byte the last {@link #parse} call looked at as part of the number.
     *
     * @return an index
     */
    int end() {
        return end;
    }

    /**
     * Parses the plain decimal starting at {@code b[s]}, stopping at the first byte that cannot continue it (or at
     * {@code limit}); {@link #end()} is then that byte's index.
     *
     * @return the double, or NaN if this path does not decide it (the caller then parses the cell the general way)
     */
    double parse(byte[] b, int s, int limit) {
        if (limit - s >= SHORT_FORM_BYTES) {
            double v = shortForm(b, s);
            if (v == v) {
                return v;
            }
        }
        return anyForm(b, s, limit);
    }

    /**
     * The common form {@code [+-]d.ddd} (one to seven digits before the point, at least one after it, at most 19
     * in all, counting leading zeros, and no exponent) parsed without a loop: one eight-byte word for the integer
     * digits and up to three for the fraction, each word's digit count read from its non-digit flags and its digits
     * combined by {@link #combine} (the bytes after the last digit shifted out), so that the varying lengths of
     * numbers cost no branches. Reads at most the {@value #SHORT_FORM_BYTES} bytes from {@code s}, which the caller
     * guarantees are inside the data.
     *
     * @return the double, or NaN if the number is not in this form (then {@link #anyForm} parses it)
     */
    private double shortForm(byte[] b, int s) {
        int i = s;
        byte sign = b[i];
        boolean negative = sign == '-';
        if (negative || sign == '+') {
            i++;
        }
        long word = (long) LONGS.get(b, i);
        int n = Long.numberOfTrailingZeros(nonDigits(word)) >>> 3;
        if (n == 0 || n == 8 || b[i + n] != '.') {
            return Double.NaN;
        }
        int f = i + n + 1;
        long a = (long) LONGS.get(b, f);
        long c = (long) LONGS.get(b, f + 8);
        int k = Long.numberOfTrailingZeros(nonDigits(a)) >>> 3;
        // the second word's digits count only when the first word is all digits (k == 8)
        int kc = (Long.numberOfTrailingZeros(nonDigits(c)) >>> 3) & -(k >>> 3);
        int fraction = k + kc;
        if (k == 0 || fraction == 16 || n + fraction > 19) {
            return Double.NaN;
        }
        long w = (digits(word, n) * POW10_LONG[k] + digits(a, k)) * POW10_LONG[kc] + digits(c, kc);
        int e = f + fraction;
        byte after = b[e];
        if (after == 'e' || after == 'E') {
            return Double.NaN;
        }
        end = e;
        return toDouble(w, -fraction, negative);
    }

    /** The value of the first {@code n} (0 to 8) digits of the word, the later bytes shifted out. */
    private static long digits(long word, int n) {
        // two half shifts, so that n == 0 shifts everything out (a shift by 64 would shift nothing)
        int half = (8 - n) << 2;
        return combine(((word - ZEROS) << half) << half);
    }

    /** Any plain decimal, with loops over its parts; see {@link #parse}. */
    private double anyForm(byte[] b, int s, int limit) {
        int i = s;
        int stop = Math.min(limit, s + MAX_LENGTH);
        boolean negative = false;
        if (i < stop && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        int intStart = i;
        while (i < stop && b[i] == '0') {
            i++;
        }
        runValue = 0;
        runDigits = 0;
        i = digitRun(b, i, stop);
        long w = runValue;
        int digits = runDigits;
        if (i == intStart) {
            end = i;
            return Double.NaN;
        }
        int exp10 = 0;
        if (i < stop && b[i] == '.') {
            i++;
            int fracStart = i;
            if (digits == 0) {
                while (i < stop && b[i] == '0') {
                    i++;
                }
            }
            i = digitRun(b, i, stop);
            w = runValue;
            digits = runDigits;
            if (i == fracStart) {
                end = i;
                return Double.NaN;
            }
            exp10 = fracStart - i;
        }
        if (i < stop && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < stop && (b[i] == '-' || b[i] == '+')) {
                expNegative = b[i] == '-';
                i++;
            }
            int expStart = i;
            int e = 0;
            int c;
            while (i < stop && (c = b[i] - '0') >= 0 && c <= 9) {
                if (e < 100_000) {
                    e = e * 10 + c;
                }
                i++;
            }
            if (i == expStart) {
                end = i;
                return Double.NaN;
            }
            exp10 += expNegative ? -e : e;
        }
        end = i;
        if (digits > 19 || i == stop && stop < limit) {
            return Double.NaN;
        }
        return toDouble(w, exp10, negative);
    }

    /**
     * Reads the digits from {@code b[i]} on, eight bytes at a time while eight can be read before {@code stop},
     * adding them to {@link #runValue} and {@link #runDigits}.
     *
     * @return the index of the first byte that is not a digit (or {@code stop})
     */
    private int digitRun(byte[] b, int from, int stop) {
        int i = from;
        long w = runValue;
        int digits = runDigits;
        while (i + 8 <= stop) {
            long v = (long) LONGS.get(b, i);
            long nonDigits = nonDigits(v);
            if (nonDigits == 0) {
                w = w * 100_000_000L + combine(v - 0x3030_3030_3030_3030L);
                digits += 8;
                i += 8;
                continue;
            }
            // the lowest flagged byte is the first that is not a digit: the n before it are digits; shifted to
            // the top of the word (zeros below them) they read as an eight-digit number with leading zeros
            int n = Long.numberOfTrailingZeros(nonDigits) >>> 3;
            if (n > 0) {
                w = w * POW10_LONG[n] + combine((v - 0x3030_3030_3030_3030L) << ((8 - n) << 3));
                digits += n;
                i += n;
            }
            runValue = w;
            runDigits = digits;
            return i;
        }
        int c;
        while (i < stop && (c = b[i] - '0') >= 0 && c <= 9) {
            w = w * 10 + c;
            digits++;
            i++;
        }
        runValue = w;
        runDigits = digits;
        return i;
    }

    /**
     * The top bit of each byte of {@code v} that is not an ASCII digit (a byte above '9' sets it in the sum, one
     * below '0' in the difference; digits carry and borrow nothing, so the lowest flag is exact).
     */
    static long nonDigits(long v) {
        return (v + 0x4646_4646_4646_4646L | v - 0x3030_3030_3030_3030L) & 0x8080_8080_8080_8080L;
    }

    /** The value of eight digit values (0 to 9, one per byte, the first in the lowest byte). */
    private static long combine(long digitBytes) {
        long x = digitBytes * 10 + (digitBytes >>> 8);
        long mask = 0x0000_00FF_0000_00FFL;
        return ((x & mask) * (100 + (1_000_000L << 32)) + ((x >>> 16) & mask) * (1 + (10_000L << 32))) >>> 32;
    }

    /** Whether all eight bytes are ASCII digits (above 9 sets a top bit in the sum, below 0 in the difference). */
    static boolean eightDigits(long v) {
        return nonDigits(v) == 0;
    }

    /** The value of eight ASCII digits read little-endian (the first digit in the lowest byte). */
    static long eightDigitsValue(long v) {
        return combine(v - 0x3030_3030_3030_3030L);
    }

    /**
     * The double nearest {@code w * 10^q} (ties to even), or NaN if it cannot be decided here.
     *
     * @param w the significand, at most 19 decimal digits, as an unsigned 64-bit integer
     * @param q the decimal exponent
     * @param negative the sign
     */
    static double toDouble(long w, int q, boolean negative) {
        if (w == 0) {
            return negative ? -0.0 : 0.0;
        }
        if (w + Long.MIN_VALUE < (1L << 53) + Long.MIN_VALUE && q >= -22 && q <= 22) {
            double d = (double) w;
            d = q < 0 ? d / EXACT[-q] : d * EXACT[q];
            return negative ? -d : d;
        }
        return eiselLemire(w, q, negative);
    }

    /** The Eisel-Lemire rounding of {@code w * 10^q}, {@code w} non-zero; see {@link #toDouble}. */
    private static double eiselLemire(long w, int q, boolean negative) {
        if (q < MIN_EXP10 || q > MAX_EXP10) {
            return Double.NaN;
        }
        int clz = Long.numberOfLeadingZeros(w);
        long man = w << clz;
        long exp2 = ((217_706L * q) >> 16) + 64 + 1023 - clz;
        int k = 2 * (q - MIN_EXP10);
        long hiPow = POW10[k];
        // the unsigned high half of man * hiPow: both have their top bit set, so each adds the other to the
        // signed high half
        long xHi = Math.multiplyHigh(man, hiPow) + man + hiPow;
        long xLo = man * hiPow;
        // unsigned comparisons written out (a + MIN < b + MIN), as Long.compareUnsigned does
        if ((xHi & 0x1FF) == 0x1FF && xLo + man + Long.MIN_VALUE < man + Long.MIN_VALUE) {
            return widened(man, POW10[k + 1], xHi, xLo, exp2, negative);
        }
        return rounded(xHi, xLo, exp2, negative);
    }

    /**
     * The rare case where the product with the high 64 bits of the power of ten may be too small in its last
     * bits: the product with the low 64 bits added, or NaN if even that cannot decide.
     */
    private static double widened(long man, long loPow, long xHi, long xLo, long exp2, boolean negative) {
        long yHi = Math.multiplyHigh(man, loPow) + ((loPow >> 63) & man) + ((man >> 63) & loPow);
        long yLo = man * loPow;
        long mergedHi = xHi;
        long mergedLo = xLo + yHi;
        if (mergedLo + Long.MIN_VALUE < xLo + Long.MIN_VALUE) {
            mergedHi++;
        }
        if ((mergedHi & 0x1FF) == 0x1FF && mergedLo + 1 == 0
            && yLo + man + Long.MIN_VALUE < man + Long.MIN_VALUE) {
            return Double.NaN;
        }
        return rounded(mergedHi, mergedLo, exp2, negative);
    }

    /** The double of the 128-bit product's top bits, rounded to even; NaN for a halfway case or out of range. */
    private static double rounded(long xHi, long xLo, long exp2In, boolean negative) {
        long exp2 = exp2In;
        long msb = xHi >>> 63;
        long mantissa = xHi >>> (msb + 9);
        exp2 -= 1 ^ msb;
        if (xLo == 0 && (xHi & 0x1FF) == 0 && (mantissa & 3) == 1) {
            return Double.NaN;
        }
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if ((mantissa >>> 53) > 0) {
            mantissa >>>= 1;
            exp2 += 1;
        }
        if (exp2 - 1 < 0 || exp2 - 1 >= 0x7FF - 1) {
            // subnormal, zero, or out of range: left to the general parser
            return Double.NaN;
        }
        long bits = exp2 << 52 | mantissa & 0x000F_FFFF_FFFF_FFFFL;
        if (negative) {
            bits |= 0x8000_0000_0000_0000L;
        }
        return Double.longBitsToDouble(bits);
    }

    /** 10^q for q in [MIN_EXP10, MAX_EXP10], each as 128 bits with the top bit set, rounded down. */
    private static long[] powersOfTen() {
        long[] table = new long[2 * (MAX_EXP10 - MIN_EXP10 + 1)];
        BigInteger ten = BigInteger.TEN;
        BigInteger mask = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        for (int q = MIN_EXP10; q <= MAX_EXP10; q++) {
            BigInteger v;
            if (q >= 0) {
                BigInteger p = ten.pow(q);
                int bl = p.bitLength();
                v = bl > 128 ? p.shiftRight(bl - 128) : p.shiftLeft(128 - bl);
            } else {
                BigInteger d = ten.pow(-q);
                v = BigInteger.ONE.shiftLeft(127 + d.bitLength()).divide(d);
            }
            int k = 2 * (q - MIN_EXP10);
            table[k] = v.shiftRight(64).longValue();
            table[k + 1] = v.and(mask).longValue();
        }
        return table;
    }
}
