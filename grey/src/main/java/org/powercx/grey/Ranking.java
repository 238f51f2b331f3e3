package org.powercx.grey;

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
        int n = values.length;
        int[] order = new int[n];
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (double v : values) {
            long key = key(v);
            min = Math.min(min, key);
            max = Math.max(max, key);
        }
        if (n <= SMALL || min == max) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            if (min != max) {
                long[] keys = new long[n];
                for (int i = 0; i < n; i++) {
                    keys[i] = key(values[i]);
                }
                insertion(keys, order, 0, n);
            }
            return order;
        }
        // the keys minus the smallest lie in [0, max - min] as unsigned numbers; keep their leading 32 bits
        int shift = Math.max(0, Long.SIZE - Long.numberOfLeadingZeros(max - min) - Integer.SIZE);
        int[] low = new int[RADIX];
        int[] high = new int[RADIX];
        for (double v : values) {
            long lead = (key(v) - min) >>> shift;
            low[(int) lead & MASK]++;
            high[(int) (lead >>> BITS) & MASK]++;
        }
        // the first pass packs straight from the grades into the places of their low digit
        long[] packed = new long[n];
        if (offsets(low, n)) {
            for (int i = 0; i < n; i++) {
                long lead = (key(values[i]) - min) >>> shift;
                packed[low[(int) lead & MASK]++] = lead << Integer.SIZE | i;
            }
        } else {
            for (int i = 0; i < n; i++) {
                packed[i] = (key(values[i]) - min) >>> shift << Integer.SIZE | i;
            }
        }
        if (offsets(high, n)) {
            long[] other = new long[n];
            for (long p : packed) {
                other[high[(int) (p >>> (Integer.SIZE + BITS)) & MASK]++] = p;
            }
            packed = other;
        }
        if (shift == 0) {
            for (int i = 0; i < n; i++) {
                order[i] = (int) packed[i];
            }
            return order;
        }
        // equal leading bits may hide different keys: order each run of them by the full key, found while the
        // indices are taken out
        long previous = packed[0];
        order[0] = (int) previous;
        int s = 0;
        for (int i = 1; i < n; i++) {
            long p = packed[i];
            order[i] = (int) p;
            if ((p ^ previous) >>> Integer.SIZE != 0) {
                if (i - s > 1) {
                    run(values, order, s, i);
                }
                s = i;
            }
            previous = p;
        }
        if (n - s > 1) {
            run(values, order, s, n);
        }
        return order;
    }

    /**
     * Turns digit counts into the first place of each digit.
     *
     * @return false, and the counts unchanged, if every one of the n values has the same digit
     */
    private static boolean offsets(int[] count, int n) {
        int sum = 0;
        for (int d = 0; d < RADIX; d++) {
            int c = count[d];
            if (c == n) {
                return false;
            }
            count[d] = sum;
            sum += c;
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
