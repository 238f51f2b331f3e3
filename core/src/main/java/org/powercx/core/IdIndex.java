package org.powercx.core;

import java.util.Arrays;

/**
 * Customer ids added in order, for finding the first repeated one in a single pass: open addressing over a
 * power-of-two array of slots, each holding an id's {@link String#hashCode} (high half) and its position plus one
 * (low half; 0 is empty), probed linearly from the mixed hash. A probe compares hashes before it looks at a
 * string, so adding a new id touches one or two slots and no other memory. About 20 bytes per id against about 50
 * for a {@code HashMap<String, Integer>}, and no boxing. Not thread-safe.
 */
final class IdIndex {
    private String[] keys;
    private long[] slots;
    private int mask;
    private int size;

    /**
     * An empty index.
     *
     * @param expected how many ids are expected (a hint)
     */
    IdIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, Math.min(1 << 30, 2 * Math.max(1, expected))) - 1) << 1;
        slots = new long[capacity];
        mask = capacity - 1;
        keys = new String[capacity >>> 1];
    }

    /**
     * Adds an id unless an equal one is already present. The ids added get positions 0, 1, 2, ... in order.
     *
     * @param id the id
     * @return the position of the equal id already present, or -1 if there was none (then this one was added)
     */
    int add(String id) {
        int h = id.hashCode();
        int i = mix(h) & mask;
        while (true) {
            long s = slots[i];
            if (s == 0) {
                if (size == keys.length) {
                    grow();
                    return add(id);
                }
                keys[size] = id;
                slots[i] = (long) h << 32 | ++size;
                return -1;
            }
            if ((int) (s >>> 32) == h) {
                int position = (int) s - 1;
                if (keys[position].equals(id)) {
                    return position;
                }
            }
            i = (i + 1) & mask;
        }
    }

    /** Doubles the table (kept at most half full) and the keys. */
    private void grow() {
        keys = Arrays.copyOf(keys, keys.length * 2);
        long[] old = slots;
        slots = new long[old.length * 2];
        mask = slots.length - 1;
        for (long s : old) {
            if (s != 0) {
                int i = mix((int) (s >>> 32)) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = s;
            }
        }
    }

    /** Spreads a hash's bits (a Fibonacci multiply, then the high half folded into the low). */
    static int mix(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
