package org.powercx.core.internal;

import java.util.List;
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

    private TableIds() {
    }

    /**
     * Installs core's recogniser; a second call is refused.
     *
     * @param isTableIds true exactly for a table's ids list
     * @throws IllegalStateException if a recogniser is installed already or the argument is null
     */
    public static synchronized void install(Predicate<List<?>> isTableIds) {
        if (recogniser != null || isTableIds == null) {
            throw new IllegalStateException("table id recognition is installed by core, once");
        }
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
}
