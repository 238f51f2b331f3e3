package org.powercx.cli;

/**
 * Output formats of the command-line tool.
 *
 * @since 0.1.0
 */
enum Format {
    /** Aligned text tables for people. */
    TEXT,
    /**
     * Comma-separated values; with several tables each is preceded by a {@code # title} line; notes follow as
     * {@code # } comment lines.
     */
    CSV,
    /**
     * One JSON object: each table is an array of row objects under its title, notes under {@code notes}; numbers
     * and booleans typed, null for a value that does not exist or is not finite.
     */
    JSON
}
