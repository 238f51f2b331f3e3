package org.powercx.core;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A table's customer ids in row order, held in whichever form they were made in: strings (ids a caller gave),
 * UTF-8 bytes (ids read from a file: one byte array and one array of end offsets per part of the file, about 14
 * bytes per short id against about 60 for a {@code String} and its slot), or row numbers (files without an id
 * column). The bytes and numbers are primitive arrays, so a collection neither traces nor copies them, and one
 * that is no longer used is freed at the next young collection however large it is; a string is made only when an
 * id is asked for. Immutable once made; thread-safe.
 */
abstract class CustomerIds {

    /** The ids as a list (a view: no copy is made). */
    private final List<String> list = new View(this);

    /**
     * Ids given as strings.
     *
     * @param ids the ids, already checked; owned from now on
     * @return the ids
     */
    static CustomerIds of(String[] ids) {
        return new Strings(ids);
    }

    /**
     * Ids given as UTF-8 bytes in parts: part c's row r (counted within the part) has the bytes
     * {@code bytes[c][ends[c][r - 1], ends[c][r])} (from 0 for r = 0).
     *
     * @param bytes each part's bytes, the canonical UTF-8 encoding of each id (so that equal ids have equal bytes);
     *     owned from now on
     * @param ends each part's end offsets, at least as many as its rows; owned from now on
     * @param rows each part's number of rows
     * @return the ids
     */
    static CustomerIds utf8(byte[][] bytes, int[][] ends, int[] rows) {
        return new Utf8(bytes, ends, rows);
    }

    /**
     * Row-number ids: id i is the decimal form of {@code numbers[i]}.
     *
     * @param numbers distinct positive numbers; owned from now on
     * @return the ids
     */
    static CustomerIds numbers(long[] numbers) {
        return new Numbers(numbers);
    }

    /**
     * The ids of a list that is a table's {@link #asList()}, or null for any other list.
     *
     * @param list a list of ids
     * @return its ids, or null
     */
    static CustomerIds behind(List<?> list) {
        return list instanceof View ? ((View) list).ids : null;
    }

    /** The number of ids. */
    abstract int size();

    /** Id i (a new string for ids not held as strings). */
    abstract String get(int i);

    /** Whether ids i and j are equal. */
    boolean same(int i, int j) {
        return get(i).equals(get(j));
    }

    /** The ids at the given positions, in their order. */
    abstract CustomerIds select(int[] positions);

    /** Ids {@code from} (inclusive) to {@code to} (exclusive). */
    CustomerIds range(int from, int to) {
        int[] positions = new int[to - from];
        for (int k = 0; k < positions.length; k++) {
            positions[k] = from + k;
        }
        return select(positions);
    }

    /** The ids as an unmodifiable list, a view. */
    final List<String> asList() {
        return list;
    }

    /** Ids held as strings. */
    private static final class Strings extends CustomerIds {
        private final String[] ids;

        Strings(String[] ids) {
            this.ids = ids;
        }

        @Override
        int size() {
            return ids.length;
        }

        @Override
        String get(int i) {
            return ids[i];
        }

        @Override
        CustomerIds select(int[] positions) {
            String[] out = new String[positions.length];
            for (int k = 0; k < positions.length; k++) {
                out[k] = ids[positions[k]];
            }
            return new Strings(out);
        }

        @Override
        CustomerIds range(int from, int to) {
            return new Strings(Arrays.copyOfRange(ids, from, to));
        }
    }

    /** Ids held as UTF-8 bytes, part by part. */
    private static final class Utf8 extends CustomerIds {
        private final byte[][] bytes;
        private final int[][] ends;
        /** starts[c]: the position of part c's first id; starts[parts] = size. */
        private final int[] starts;

        Utf8(byte[][] bytes, int[][] ends, int[] rows) {
            this.bytes = bytes;
            this.ends = ends;
            starts = new int[rows.length + 1];
            for (int c = 0; c < rows.length; c++) {
                starts[c + 1] = starts[c] + rows[c];
            }
        }

        @Override
        int size() {
            return starts[starts.length - 1];
        }

        /** The part holding position i. */
        private int part(int i) {
            if (starts.length == 2) {
                return 0;
            }
            int c = Arrays.binarySearch(starts, i);
            if (c >= 0) {
                // i starts part c, unless parts before it are empty: take the last part that starts at i
                while (c + 1 < starts.length - 1 && starts[c + 1] == i) {
                    c++;
                }
                return c;
            }
            return -c - 2;
        }

        private int from(int c, int r) {
            return r == 0 ? 0 : ends[c][r - 1];
        }

        @Override
        String get(int i) {
            int c = part(i);
            int r = i - starts[c];
            int from = from(c, r);
            return new String(bytes[c], from, ends[c][r] - from, StandardCharsets.UTF_8);
        }

        @Override
        boolean same(int i, int j) {
            int ci = part(i);
            int ri = i - starts[ci];
            int cj = part(j);
            int rj = j - starts[cj];
            return Arrays.equals(bytes[ci], from(ci, ri), ends[ci][ri], bytes[cj], from(cj, rj), ends[cj][rj]);
        }

        @Override
        CustomerIds select(int[] positions) {
            long total = 0;
            for (int i : positions) {
                int c = part(i);
                int r = i - starts[c];
                total += ends[c][r] - from(c, r);
            }
            if (total > Integer.MAX_VALUE - 16) {
                throw new CoreException("more than %,d bytes of customer ids do not fit in one table",
                    Integer.MAX_VALUE - 16);
            }
            byte[] out = new byte[(int) total];
            int[] outEnds = new int[positions.length];
            int at = 0;
            for (int k = 0; k < positions.length; k++) {
                int c = part(positions[k]);
                int r = positions[k] - starts[c];
                int from = from(c, r);
                int len = ends[c][r] - from;
                System.arraycopy(bytes[c], from, out, at, len);
                at += len;
                outEnds[k] = at;
            }
            return new Utf8(new byte[][] {out}, new int[][] {outEnds}, new int[] {positions.length});
        }
    }

    /** Row-number ids. */
    private static final class Numbers extends CustomerIds {
        private final long[] numbers;

        Numbers(long[] numbers) {
            this.numbers = numbers;
        }

        @Override
        int size() {
            return numbers.length;
        }

        @Override
        String get(int i) {
            return Long.toString(numbers[i]);
        }

        @Override
        boolean same(int i, int j) {
            return numbers[i] == numbers[j];
        }

        @Override
        CustomerIds select(int[] positions) {
            long[] out = new long[positions.length];
            for (int k = 0; k < positions.length; k++) {
                out[k] = numbers[positions[k]];
            }
            return new Numbers(out);
        }

        @Override
        CustomerIds range(int from, int to) {
            return new Numbers(Arrays.copyOfRange(numbers, from, to));
        }
    }

    /** The unmodifiable list view of the ids. */
    private static final class View extends AbstractList<String> implements RandomAccess {
        private final CustomerIds ids;

        View(CustomerIds ids) {
            this.ids = ids;
        }

        @Override
        public String get(int index) {
            if (index < 0 || index >= ids.size()) {
                throw new IndexOutOfBoundsException("index " + index + " is not within [0, " + ids.size() + ")");
            }
            return ids.get(index);
        }

        @Override
        public int size() {
            return ids.size();
        }
    }
}
