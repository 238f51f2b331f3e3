package org.powercx.core;

/**
 * What {@link CsvTableReader} does with a missing cell (an empty field or one of the reader's missing
 * tokens, {@code NA} by default). Whatever the policy, the number of rows dropped and cells filled is
 * reported in the {@link CsvReadResult}, never silent.
 *
 * @since 0.1.0
 */
public enum MissingValuePolicy {
    /** Fail on the first missing cell, naming its line and column. The default. */
    REJECT,
    /** Leave out every row with a missing cell in a selected column. */
    DROP_ROWS,
    /**
     * Replace a missing cell by the mean of the column's present values. When streaming from a file the
     * means come from a first pass over the whole file. {@link CsvReadResult#isMissing(int, int)} tells which
     * cells were filled, so that a method that can handle missing values can leave them out.
     */
    COLUMN_MEAN
}
