package org.powercx.core;

import java.util.Arrays;
import org.powercx.core.internal.ParallelRanges;

/**
 * The first repeated customer id of a whole column of ids, found from their hashes in a way that stays in the
 * processor's cache: the positions are grouped by the top bits of their mixed {@link String#hashCode} into
 * buckets of 1,024 to 2,048 ids (one counting pass and one scattering pass, both sequential), and each bucket is
 * checked on its own with a small open-addressing table of hashes and positions, the buckets shared out among
 * threads. Strings are compared only when two hashes are equal. The answer is that of adding the ids in order to an
 * {@link IdIndex}: the first position whose id equals an earlier one, with that earlier one (an id's equal ids all
 * fall in one bucket, kept there in position order, so each bucket's first repeat is its earliest and the smallest
 * of those is the column's). Not changed by {@link #first}, which may be called more than once.
 */
final class IdDuplicates {
    /** Below this many ids the positions are not bucketed. */
    private static final int BUCKET_IDS = 1 << 10;

    private final int n;
    private final int buckets;
    /** Bucket b's entries are entries[starts[b], starts[b + 1]). */
    private final int[] starts;
    /** Each entry: an id's hash in the high half, its position in the low half; in position order per bucket. */
    private final long[] entries;
    private final int largest;

    /**
     * Groups the positions by hash; this is where the memory is taken.
     *
     * @param hashes {@code hashes[i]}: the {@link String#hashCode} of the id at position i, for the first n
     * @param n how many ids there are
     */
    IdDuplicates(int[] hashes, int n) {
        this.n = n;
        int bits = n < 4 * BUCKET_IDS ? 0 : 31 - Integer.numberOfLeadingZeros(n / BUCKET_IDS);
        buckets = 1 << bits;
        int shift = 32 - bits;
        starts = new int[buckets + 1];
        for (int i = 0; i < n; i++) {
            starts[bucket(hashes[i], shift) + 1]++;
        }
        int most = 0;
        for (int b = 0; b < buckets; b++) {
            most = Math.max(most, starts[b + 1]);
            starts[b + 1] += starts[b];
        }
        largest = most;
        entries = new long[n];
        int[] fill = Arrays.copyOf(starts, buckets);
        for (int i = 0; i < n; i++) {
            int h = hashes[i];
            entries[fill[bucket(h, shift)]++] = (long) h << 32 | i;
        }
    }

    /**
     * Finds the first id equal to an earlier one.
     *
     * @param ids the ids, {@code ids.get(i).hashCode()} the hash given for position i
     * @param threads threads to check the buckets on
     * @return {@code {position, earlier position}} of the first repeated id, or null if the ids are all different
     */
    int[] first(CustomerIds ids, int threads) {
        if (n < 2) {
            return null;
        }
        int[] repeat = new int[buckets];
        int[] earlier = new int[buckets];
        int capacity = Integer.highestOneBit(Math.max(1, largest)) << 2;
        ParallelRanges.run(buckets, threads, (from, to) -> {
            long[] table = new long[capacity];
            for (int b = from; b < to; b++) {
                repeat[b] = -1;
                int size = starts[b + 1] - starts[b];
                int mask = (Integer.highestOneBit(Math.max(1, size)) << 2) - 1;
                Arrays.fill(table, 0, mask + 1, 0L);
                for (int k = starts[b]; k < starts[b + 1]; k++) {
                    long e = entries[k];
                    int h = (int) (e >>> 32);
                    int position = (int) e;
                    int slot = IdIndex.mix(h) & mask;
                    long s;
                    while ((s = table[slot]) != 0) {
                        if ((int) (s >>> 32) == h && ids.same((int) s - 1, position)) {
                            break;
                        }
                        slot = (slot + 1) & mask;
                    }
                    if (s != 0) {
                        repeat[b] = position;
                        earlier[b] = (int) s - 1;
                        break;
                    }
                    table[slot] = (long) h << 32 | (position + 1L);
                }
            }
        });
        int best = -1;
        for (int b = 0; b < buckets; b++) {
            if (repeat[b] >= 0 && (best < 0 || repeat[b] < repeat[best])) {
                best = b;
            }
        }
        return best < 0 ? null : new int[] {repeat[best], earlier[best]};
    }

    private static int bucket(int h, int shift) {
        return (int) ((IdIndex.mix(h) & 0xFFFF_FFFFL) >>> shift);
    }
}
