package org.powercx.core;

/**
 * Customer ids added in order, for finding the first repeated one in a single pass: open addressing over a
 * power-of-two array of positions (plus one; 0 is empty), probed linearly from the id's mixed
 * {@link String#hashCode}. About 12 bytes per id against about 50 for a {@code HashMap<String, Integer>}, and no
 * boxing. Not thread-safe.
 */
final class IdIndex {
    private String[] keys;
    private int[] slots;
    private int mask;
    private int size;

    /**
     * An empty index.
     *
     * @param expected how many ids are expected (a hint)
     */
    IdIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, Math.min(1 << 30, 2 * Math.max(1, expected))) - 1) << 1;
        slots = new int[capacity];
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
            int s = slots[i];
            if (s == 0) {
                if (size == keys.length) {
                    grow();
                    return add(id);
                }
                keys[size] = id;
                slots[i] = ++size;
                return -1;
            }
            String other = keys[s - 1];
            if (other.hashCode() == h && other.equals(id)) {
                return s - 1;
            }
            i = (i + 1) & mask;
        }
    }

    /** Doubles the table (kept at most half full) and the keys. */
    private void grow() {
        keys = java.util.Arrays.copyOf(keys, keys.length * 2);
        int[] old = slots;
        slots = new int[old.length * 2];
        mask = slots.length - 1;
        for (int s : old) {
            if (s != 0) {
                int i = mix(keys[s - 1].hashCode()) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = s;
            }
        }
    }

    private static int mix(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
