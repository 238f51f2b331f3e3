package org.powercx.grey;

import static org.powercx.core.internal.ParallelRanges.start;

import org.powercx.core.internal.ParallelRanges;

/**
 * The order of grades from largest to smallest, equal grades in index order, with the order of
 * {@code Double.compare}: a stable least-significant-digit radix sort, linear in the number of grades.
 *
 * <p>Each grade's bit pattern becomes a 64-bit key whose ascending order is the grades' descending order. The
 * leading 32 bits of the key's distance above the smallest key (which carry all of it when the keys span at most
 * 2<sup>32</sup> values) are packed above the grade's index in one {@code long}, and the packed values are sorted
 * by those 32 bits in two passes of 16-bit digits (a digit that every key shares is skipped). Packing keeps the
 * record at eight bytes and the sort stable. Grades whose leading bits tie but whose keys differ, rare for real
 * grades, are then put in order run by run: an insertion sort for short runs, a full-key radix sort for long ones.
 */
final class Ranking {
    private static final int BITS = 16;
    private static final int RADIX = 1 << BITS;
    private static final int MASK = RADIX - 1;
    /** Up to this size a comparison sort is as fast. */
    private static final int SMALL = 64;

    private Ranking() {
    }

    /** The sort key: ascending signed order of keys is the descending order of {@code Double.compare}. */
    private static long key(double value) {
        long bits = Double.doubleToLongBits(value);
        return ~(bits ^ ((bits >> 63) & Long.MAX_VALUE));
    }

    /**
     * The indices of the values from largest to smallest; equal values keep index order.
     *
     * @param values not modified
     * @return a new array of indices
     */
    static int[] descending(double[] values) {
        return descending(values, 1);
    }

    /**
     * The indices of the values from largest to smallest, equal values in index order, sorted on up to
     * {@code threads} threads. Each pass splits the array into the same contiguous parts and every part scatters
     * to places counted for it in advance, so the sort stays stable and the order is the same for any count.
     *
     * @param values not modified
     * @param threads the largest number of threads, 1 to {@link ParallelRanges#MAX_THREADS}
     * @return a new array of indices
     */
    static int[] descending(double[] values, int threads) {
        int n = values.length;
        int parts = Math.min(threads, Math.max(1, n / ROWS_PER_THREAD));
        int[] order = new int[n];
        long[][] bounds = new long[parts][];
        ParallelRanges.run(parts, parts, (p0, p1) -> {
            for (int p = p0; p < p1; p++) {
                long lo = Long.MAX_VALUE;
                long hi = Long.MIN_VALUE;
                for (int i = start(n, parts, p), e = start(n, parts, p + 1); i < e; i++) {
                    long key = key(values[i]);
                    lo = Math.min(lo, key);
                    hi = Math.max(hi, key);
                }
                bounds[p] = new long[] {lo, hi};
            }
        });
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        for (long[] b : bounds) {
            lowest = Math.min(lowest, b[0]);
            highest = Math.max(highest, b[1]);
        }
        long min = lowest;
        if (n <= SMALL || min == highest) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            if (min != highest) {
                long[] keys = new long[n];
                for (int i = 0; i < n; i++) {
                    keys[i] = key(values[i]);
                }
                insertion(keys, order, 0, n);
            }
            return order;
        }
        // the keys minus the smallest lie in [0, max - min] as unsigned numbers; keep their leading 32 bits
        int shift = Math.max(0, Long.SIZE - Long.numberOfLeadingZeros(highest - min) - Integer.SIZE);
        int[][] low = new int[parts][RADIX];
        int[][] high = new int[parts][RADIX];
        ParallelRanges.run(parts, parts, (p0, p1) -> {
            for (int p = p0; p < p1; p++) {
                int[] lowCount = low[p];
                int[] highCount = high[p];
                for (int i = start(n, parts, p), e = start(n, parts, p + 1); i < e; i++) {
                    long lead = (key(values[i]) - min) >>> shift;
                    lowCount[(int) lead & MASK]++;
                    highCount[(int) (lead >>> BITS) & MASK]++;
                }
            }
        });
        // the first pass packs straight from the values into the places of their low digit
        long[] packed = new long[n];
        boolean lowVaries = offsets(low, n);
        ParallelRanges.run(parts, parts, (p0, p1) -> {
            for (int p = p0; p < p1; p++) {
                int[] to = low[p];
                int e = start(n, parts, p + 1);
                if (lowVaries) {
                    for (int i = start(n, parts, p); i < e; i++) {
                        long lead = (key(values[i]) - min) >>> shift;
                        packed[to[(int) lead & MASK]++] = lead << Integer.SIZE | i;
                    }
                } else {
                    for (int i = start(n, parts, p); i < e; i++) {
                        packed[i] = (key(values[i]) - min) >>> shift << Integer.SIZE | i;
                    }
                }
            }
        });
        if (parts > 1 && lowVaries) {
            // the second pass reads the packed values in parts of places, not of indices: count their high digits
            ParallelRanges.run(parts, parts, (p0, p1) -> {
                for (int p = p0; p < p1; p++) {
                    int[] highCount = high[p];
                    java.util.Arrays.fill(highCount, 0);
                    for (int i = start(n, parts, p), e = start(n, parts, p + 1); i < e; i++) {
                        highCount[(int) (packed[i] >>> (Integer.SIZE + BITS)) & MASK]++;
                    }
                }
            });
        }
        long[] sorted = packed;
        if (offsets(high, n)) {
            long[] other = new long[n];
            ParallelRanges.run(parts, parts, (p0, p1) -> {
                for (int p = p0; p < p1; p++) {
                    int[] to = high[p];
                    for (int i = start(n, parts, p), e = start(n, parts, p + 1); i < e; i++) {
                        long q = packed[i];
                        other[to[(int) (q >>> (Integer.SIZE + BITS)) & MASK]++] = q;
                    }
                }
            });
            sorted = other;
        }
        long[] last = sorted;
        ParallelRanges.run(parts, parts, (p0, p1) -> {
            for (int p = p0; p < p1; p++) {
                takeOut(values, last, order, start(n, parts, p), start(n, parts, p + 1), shift > 0);
            }
        });
        return order;
    }

    /** Rows per thread below which a sort runs on fewer threads. */
    private static final int ROWS_PER_THREAD = 1 << 16;

    /**
     * Takes the indices out of sorted packed values at places [s, e). With {@code ties}, equal leading bits may
     * hide different keys: each run of them that starts in [s, e) is put in order by the full key, even where it
     * reaches past e; a run that started before s belongs to the part before.
     */
    private static void takeOut(double[] values, long[] packed, int[] order, int s, int e, boolean ties) {
        if (!ties) {
            for (int i = s; i < e; i++) {
                order[i] = (int) packed[i];
            }
            return;
        }
        int n = packed.length;
        int i = s;
        if (s > 0) {
            long before = packed[s - 1] >>> Integer.SIZE;
            while (i < e && packed[i] >>> Integer.SIZE == before) {
                i++;
            }
        }
        if (i >= e) {
            return;
        }
        long previous = packed[i];
        order[i] = (int) previous;
        int r = i;
        for (i++; i < e; i++) {
            long p = packed[i];
            order[i] = (int) p;
            if ((p ^ previous) >>> Integer.SIZE != 0) {
                if (i - r > 1) {
                    run(values, order, r, i);
                }
                r = i;
            }
            previous = p;
        }
        // the last run may reach into the next part
        int end = e;
        while (end < n && (packed[end] ^ previous) >>> Integer.SIZE == 0) {
            order[end] = (int) packed[end];
            end++;
        }
        if (end - r > 1) {
            run(values, order, r, end);
        }
    }

    /**
     * Turns the digit counts of each part into the first place of each digit for that part: the places of a
     * digit go to the parts in order, so a scatter part by part stays stable.
     *
     * @return false, and the counts unchanged, if every one of the n values has the same digit
     */
    private static boolean offsets(int[][] count, int n) {
        int parts = count.length;
        for (int d = 0; d < RADIX; d++) {
            int c = 0;
            for (int p = 0; p < parts; p++) {
                c += count[p][d];
            }
            if (c == n) {
                return false;
            }
        }
        int sum = 0;
        for (int d = 0; d < RADIX; d++) {
            for (int p = 0; p < parts; p++) {
                int c = count[p][d];
                count[p][d] = sum;
                sum += c;
            }
        }
        return true;
    }

    /** Orders rows {@code order[s, e)}, which are in index order, by their full keys, stably. */
    private static void run(double[] values, int[] order, int s, int e) {
        int len = e - s;
        long[] keys = new long[len];
        int[] idx = java.util.Arrays.copyOfRange(order, s, e);
        boolean equal = true;
        for (int k = 0; k < len; k++) {
            keys[k] = key(values[idx[k]]);
            equal &= keys[k] == keys[0];
        }
        if (equal) {
            return;
        }
        if (len <= SMALL) {
            insertion(keys, idx, 0, len);
        } else {
            idx = lsd(keys, idx);
        }
        System.arraycopy(idx, 0, order, s, len);
    }

    /** A stable radix sort of signed keys with their indices, in four passes of 16-bit digits. */
    private static int[] lsd(long[] keys, int[] idx) {
        int n = keys.length;
        for (int i = 0; i < n; i++) {
            keys[i] ^= Long.MIN_VALUE; // signed order as unsigned digits
        }
        long[] keys2 = new long[n];
        int[] idx2 = new int[n];
        int[] count = new int[RADIX];
        for (int shift = 0; shift < Long.SIZE; shift += BITS) {
            java.util.Arrays.fill(count, 0);
            for (long k : keys) {
                count[(int) (k >>> shift) & MASK]++;
            }
            if (count[(int) (keys[0] >>> shift) & MASK] == n) {
                continue; // every key has this digit
            }
            int sum = 0;
            for (int d = 0; d < RADIX; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int to = count[(int) (keys[i] >>> shift) & MASK]++;
                keys2[to] = keys[i];
                idx2[to] = idx[i];
            }
            long[] k = keys;
            keys = keys2;
            keys2 = k;
            int[] t = idx;
            idx = idx2;
            idx2 = t;
        }
        return idx;
    }

    /** Stable insertion sort of keys {@code [from, to)} with their indices. */
    private static void insertion(long[] keys, int[] idx, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long k = keys[i];
            int v = idx[i];
            int j = i - 1;
            while (j >= from && keys[j] > k) {
                keys[j + 1] = keys[j];
                idx[j + 1] = idx[j];
                j--;
            }
            keys[j + 1] = k;
            idx[j + 1] = v;
        }
    }
}
