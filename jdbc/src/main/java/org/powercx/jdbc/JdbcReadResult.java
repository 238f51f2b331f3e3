package org.powercx.jdbc;

import org.powercx.core.IndicatorTable;

/**
 * A table read from a query, with what the missing-value policy did to it: rows read, rows dropped and cells
 * filled, so that no NULL is handled silently. Immutable.
 *
 * @since 0.2.0
 */
public final class JdbcReadResult {
    private final IndicatorTable table;
    private final long rowsRead;
    private final long rowsDropped;
    private final long cellsFilled;

    JdbcReadResult(IndicatorTable table, long rowsRead, long rowsDropped, long cellsFilled) {
        this.table = table;
        this.rowsRead = rowsRead;
        this.rowsDropped = rowsDropped;
        this.cellsFilled = cellsFilled;
    }

    /**
     * The table.
     *
     * @return the table
     */
    public IndicatorTable table() {
        return table;
    }

    /**
     * Rows the query returned.
     *
     * @return the count
     */
    public long rowsRead() {
        return rowsRead;
    }

    /**
     * Rows left out for a NULL, under {@link org.powercx.core.MissingValuePolicy#DROP_ROWS}.
     *
     * @return the count
     */
    public long rowsDropped() {
        return rowsDropped;
    }

    /**
     * NULL cells replaced by their column's mean, under {@link org.powercx.core.MissingValuePolicy#COLUMN_MEAN}.
     *
     * @return the count
     */
    public long cellsFilled() {
        return cellsFilled;
    }

    @Override
    public String toString() {
        return "JdbcReadResult[" + table.rowCount() + " x " + table.indicatorCount() + ", read " + rowsRead
            + ", dropped " + rowsDropped + ", filled " + cellsFilled + "]";
    }
}
