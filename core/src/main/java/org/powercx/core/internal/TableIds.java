package org.powercx.core.internal;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.powercx.core.IndicatorTable;

/**
 * Recognises a table's {@link IndicatorTable#ids()} list, for the results of the other modules that keep a list of
 * ids: such a list is already immutable, its ids non-blank and unique, and a table read from a file makes each
 * string only when it is asked for, so a result keeps the list itself instead of copying it (which would make every
 * string) or checking it again. Internal, not for users: it may change without notice (see the
 * {@linkplain org.powercx.core.internal package}).
 */
public final class TableIds {
    /** Set once, by {@link IndicatorTable}'s class initialiser, which runs before any table exists. */
    private static volatile Predicate<List<?>> recogniser;
    /** Core's selection of a table's ids, installed with the recogniser. */
    private static volatile BiFunction<List<?>, int[], List<String>> selector;

    private TableIds() {
    }

    /**
     * Installs core's recogniser and selection; a second call is refused.
     *
     * @param isTableIds true exactly for a table's ids list
     * @param select the ids of a table's list at given positions, in their order, as a table's list
     * @throws IllegalStateException if they are installed already or an argument is null
     */
    public static synchronized void install(Predicate<List<?>> isTableIds,
            BiFunction<List<?>, int[], List<String>> select) {
        if (recogniser != null || isTableIds == null || select == null) {
            throw new IllegalStateException("table id recognition is installed by core, once");
        }
        selector = select;
        recogniser = isTableIds;
    }

    /**
     * Whether a list is a table's ids list.
     *
     * @param ids a list, possibly null
     * @return true if it is some table's {@link IndicatorTable#ids()}
     */
    public static boolean isTableIds(List<?> ids) {
        Predicate<List<?>> r = recogniser;
        return ids != null && r != null && r.test(ids);
    }

    /**
     * An unmodifiable list of the ids: the list itself if it is a table's, otherwise {@link List#copyOf}.
     *
     * @param ids the ids; not null, no null element
     * @return an unmodifiable list with the same ids
     * @throws NullPointerException as {@link List#copyOf}
     */
    public static List<String> immutable(List<String> ids) {
        return isTableIds(ids) ? ids : List.copyOf(ids);
    }

    /**
     * The ids at the given positions, in their order, as an unmodifiable list. For a table's list the ids are
     * gathered once into one array of their bytes in that order (a table read from a file), so that reading the
     * result from first to last touches memory in order however the positions jump, and the result is again a
     * table's list; any other list is copied.
     *
     * @param ids the ids; not null, no null element
     * @param positions distinct indices into {@code ids}
     * @return the selected ids
     * @throws IndexOutOfBoundsException if a position is outside the list
     * @throws IllegalArgumentException if a position is repeated (the ids of a result are unique)
     */
    public static List<String> select(List<String> ids, int[] positions) {
        java.util.BitSet seen = new java.util.BitSet(ids.size());
        for (int p : positions) {
            if (p < 0 || p >= ids.size()) {
                throw new IndexOutOfBoundsException("position " + p + " of " + ids.size() + " ids");
            }
            if (seen.get(p)) {
                throw new IllegalArgumentException("position " + p + " is selected twice");
            }
            seen.set(p);
        }
        if (isTableIds(ids)) {
            return selector.apply(ids, positions);
        }
        String[] out = new String[positions.length];
        Arrays.setAll(out, k -> ids.get(positions[k]));
        return List.of(out);
    }
}
