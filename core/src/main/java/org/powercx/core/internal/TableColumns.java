package org.powercx.core.internal;

import org.powercx.core.IndicatorTable;

/**
 * Read-only access to a table's own column arrays for the kernels of the other modules, which would otherwise
 * copy every column of an immutable table before reading it once. Internal, not for users: it may change without
 * notice (see the {@linkplain org.powercx.core.internal package}), and a caller must never write into an array
 * it returns.
 */
public final class TableColumns {
    /** Set once, by {@link IndicatorTable}'s class initialiser, which runs before any table exists. */
    private static volatile Access access;

    /** How core hands out a column; implemented inside core only. */
    @FunctionalInterface
    public interface Access {
        /**
         * The column's own array.
         *
         * @param table the table
         * @param column a valid column index
         * @return the array, not a copy
         */
        double[] column(IndicatorTable table, int column);
    }

    private TableColumns() {
    }

    /**
     * Installs core's access; a second call is refused.
     *
     * @param coreAccess the access
     * @throws IllegalStateException if access is already installed or the argument is null
     */
    public static synchronized void install(Access coreAccess) {
        if (access != null || coreAccess == null) {
            throw new IllegalStateException("table column access is installed by core, once");
        }
        access = coreAccess;
    }

    /**
     * A column of a table without a copy, for reading only.
     *
     * @param table the table; not null
     * @param column the column index, checked
     * @return the table's own array of that column, of length {@code table.rowCount()}; must not be modified
     * @throws org.powercx.core.CoreException if the index is out of range
     */
    public static double[] view(IndicatorTable table, int column) {
        table.indicator(column); // checks the index, with core's message; the class is initialised: a table exists
        return access.column(table, column);
    }

    /**
     * Every column of a table in the given order, without copies, for reading only.
     *
     * @param table the table; not null
     * @param columns column indices, checked
     * @return the table's own arrays; none may be modified
     * @throws org.powercx.core.CoreException if an index is out of range
     */
    public static double[][] views(IndicatorTable table, int... columns) {
        double[][] out = new double[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            out[j] = view(table, columns[j]);
        }
        return out;
    }
}
