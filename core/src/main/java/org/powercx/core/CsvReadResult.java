package org.powercx.core;

import java.util.BitSet;
import java.util.Objects;

/**
 * What {@link CsvTableReader#read(java.nio.file.Path)} produced: the table and an account of the missing
 * cells met on the way.
 *
 * @since 0.1.0
 */
public final class CsvReadResult {
    private final IndicatorTable table;
    private final long[] lines;
    private final long rowsRead;
    private final long rowsDropped;
    private final long cellsFilled;
    private final BitSet[] missing;

    /**
     * Validates the components.
     *
     * @param table the table read
     * @param lines the source line on which each row of the table starts
     * @param rowsRead data rows in the source
     * @param rowsDropped rows left out
     * @param cellsFilled cells replaced
     * @throws CoreException if the table is null or a count is negative
     */
    CsvReadResult(IndicatorTable table, long[] lines, long rowsRead, long rowsDropped, long cellsFilled) {
        this(table, lines, rowsRead, rowsDropped, cellsFilled, null);
    }

    /** As above, with the cells that were missing: per column, the rows; null when none. Not copied. */
    CsvReadResult(IndicatorTable table, long[] lines, long rowsRead, long rowsDropped, long cellsFilled,
            BitSet[] missing) {
        if (table == null) {
            throw new CoreException("table is null");
        }
        if (lines.length != table.rowCount()) {
            throw new CoreException("%d line numbers for %d rows", lines.length, table.rowCount());
        }
        if (rowsRead < 0 || rowsDropped < 0 || cellsFilled < 0) {
            throw new CoreException("counts must be non-negative: read %d, dropped %d, filled %d",
                rowsRead, rowsDropped, cellsFilled);
        }
        this.table = table;
        this.lines = lines.clone();
        this.rowsRead = rowsRead;
        this.rowsDropped = rowsDropped;
        this.cellsFilled = cellsFilled;
        this.missing = missing;
    }

    /**
     * Whether a cell of the table was missing in the source. Only {@link MissingValuePolicy#COLUMN_MEAN} keeps
     * such cells (filled with the column mean); under the other policies no cell of the table was missing. A
     * method that can handle missing values uses this mask to leave the filled cells out.
     *
     * @param row the row of {@link #table()}, 0-based
     * @param column the column of {@link #table()}, 0-based
     * @return true if the cell was empty or a missing token and holds the column mean
     * @throws CoreException if the row or column is out of range
     * @since 0.2.0
     */
    public boolean isMissing(int row, int column) {
        if (row < 0 || row >= lines.length) {
            throw new CoreException("row %d is out of range; the table has %d rows", row, lines.length);
        }
        if (column < 0 || column >= table.indicatorCount()) {
            throw new CoreException("column %d is out of range; the table has %d columns", column,
                table.indicatorCount());
        }
        return missing != null && missing[column] != null && missing[column].get(row);
    }

    /**
     * The rows of one column whose cell was missing in the source, as a mask (see {@link #isMissing(int, int)}).
     *
     * @param column the column of {@link #table()}, 0-based
     * @return a new array of {@link IndicatorTable#rowCount()} flags
     * @throws CoreException if the column is out of range
     * @since 0.2.0
     */
    public boolean[] missingMask(int column) {
        if (column < 0 || column >= table.indicatorCount()) {
            throw new CoreException("column %d is out of range; the table has %d columns", column,
                table.indicatorCount());
        }
        boolean[] mask = new boolean[lines.length];
        if (missing != null && missing[column] != null) {
            for (int i = missing[column].nextSetBit(0); i >= 0; i = missing[column].nextSetBit(i + 1)) {
                mask[i] = true;
            }
        }
        return mask;
    }

    /**
     * Returns the table read.
     *
     * @return the table read
     */
    public IndicatorTable table() {
        return table;
    }

    /**
     * Returns the line of the source on which a row of the table starts (1-based, counting the header, blank
     * lines and the line breaks inside quoted fields), for messages about a row found wrong after reading.
     *
     * @param row the row of {@link #table()}, 0-based
     * @return the line
     * @throws CoreException if the row is out of range
     * @since 0.1.0
     */
    public long line(int row) {
        if (row < 0 || row >= lines.length) {
            throw new CoreException("row %d is out of range; the table has %d rows", row, lines.length);
        }
        return lines[row];
    }

    /**
     * Returns the number of data rows in the source (header excluded).
     *
     * @return data rows in the source (header excluded)
     */
    public long rowsRead() {
        return rowsRead;
    }

    /**
     * Returns the number of rows left out under {@link MissingValuePolicy#DROP_ROWS}.
     *
     * @return rows left out under {@link MissingValuePolicy#DROP_ROWS}
     */
    public long rowsDropped() {
        return rowsDropped;
    }

    /**
     * Returns the number of cells replaced under {@link MissingValuePolicy#COLUMN_MEAN}.
     *
     * @return cells replaced under {@link MissingValuePolicy#COLUMN_MEAN}
     */
    public long cellsFilled() {
        return cellsFilled;
    }

    @Override
    public String toString() {
        return "read " + rowsRead + " rows, dropped " + rowsDropped + ", filled " + cellsFilled + " cells\n" + table;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CsvReadResult o && Objects.equals(table, o.table)
            && rowsRead == o.rowsRead
            && rowsDropped == o.rowsDropped
            && cellsFilled == o.cellsFilled;
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, rowsRead, rowsDropped, cellsFilled);
    }
}
