package org.powercx.grey;

/**
 * The order of grades from largest to smallest, equal grades in index order: a stable least-significant-digit
 * radix sort on the grades' bit patterns (16-bit digits, digits that every grade shares skipped), linear in the
 * number of grades, with the order of {@code Double.compare}.
 */
final class Ranking {
    private static final int BITS = 16;
    private static final int RADIX = 1 << BITS;
    /** Below this size a comparison sort is as fast. */
    private static final int SMALL = 256;

    private Ranking() {
    }

    /**
     * The indices of the values from largest to smallest; equal values keep index order.
     *
     * @param values not modified
     * @return a new array of indices
     */
    static int[] descending(double[] values) {
        int n = values.length;
        long[] keys = new long[n];
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToLongBits(values[i]);
            // ascending signed order equal to Double.compare's, then reversed, then shifted to unsigned order
            long ordered = bits ^ ((bits >> 63) & Long.MAX_VALUE);
            keys[i] = ~ordered ^ Long.MIN_VALUE;
            idx[i] = i;
        }
        if (n < SMALL) {
            insertion(keys, idx);
            return idx;
        }
        long[] keys2 = new long[n];
        int[] idx2 = new int[n];
        int[] count = new int[RADIX];
        for (int shift = 0; shift < Long.SIZE; shift += BITS) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) (keys[i] >>> shift) & (RADIX - 1)]++;
            }
            if (count[(int) (keys[0] >>> shift) & (RADIX - 1)] == n) {
                continue; // every key has this digit
            }
            int sum = 0;
            for (int d = 0; d < RADIX; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int d = (int) (keys[i] >>> shift) & (RADIX - 1);
                int to = count[d]++;
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

    private static void insertion(long[] keys, int[] idx) {
        for (int i = 1; i < keys.length; i++) {
            long k = keys[i];
            int v = idx[i];
            int j = i - 1;
            while (j >= 0 && Long.compareUnsigned(keys[j], k) > 0) {
                keys[j + 1] = keys[j];
                idx[j + 1] = idx[j];
                j--;
            }
            keys[j + 1] = k;
            idx[j + 1] = v;
        }
    }
}
