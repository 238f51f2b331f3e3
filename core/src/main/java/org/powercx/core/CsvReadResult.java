package org.powercx.core;

/**
 * What {@link CsvTableReader#read(java.nio.file.Path)} produced: the table and an account of the missing
 * cells met on the way.
 *
 * @param table the table read
 * @param rowsRead data rows in the source (header excluded)
 * @param rowsDropped rows left out under {@link MissingValuePolicy#DROP_ROWS}
 * @param cellsFilled cells replaced under {@link MissingValuePolicy#COLUMN_MEAN}
 * @since 0.1.0
 */
public record CsvReadResult(IndicatorTable table, long rowsRead, long rowsDropped, long cellsFilled) {

    /**
     * Validates the components.
     *
     * @param table the table read
     * @param rowsRead data rows in the source
     * @param rowsDropped rows left out
     * @param cellsFilled cells replaced
     * @throws CoreException if the table is null or a count is negative
     */
    public CsvReadResult {
        if (table == null) {
            throw new CoreException("table is null");
        }
        if (rowsRead < 0 || rowsDropped < 0 || cellsFilled < 0) {
            throw new CoreException("counts must be non-negative: read %d, dropped %d, filled %d",
                rowsRead, rowsDropped, cellsFilled);
        }
    }

    @Override
    public String toString() {
        return "read " + rowsRead + " rows, dropped " + rowsDropped + ", filled " + cellsFilled + " cells\n" + table;
    }
}
