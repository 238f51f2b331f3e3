package org.powercx.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes an {@link IndicatorTable} as UTF-8 CSV that {@link CsvTableReader} reads back to an equal table:
 * a header line with the id column's name and the indicator names, then one line per customer, numbers in
 * Java's shortest round-trip notation ({@link Double#toString(double)}). Fields are quoted where needed.
 *
 * @since 0.1.0
 */
public final class CsvTableWriter {
    private static final CsvTableWriter DEFAULTS = new CsvTableWriter(',', "id");

    private final char delimiter;
    private final String idHeader;

    private CsvTableWriter(char delimiter, String idHeader) {
        this.delimiter = delimiter;
        this.idHeader = idHeader;
    }

    /**
     * A writer with comma delimiter and id column header {@code id}.
     *
     * @return the writer
     */
    public static CsvTableWriter withDefaults() {
        return DEFAULTS;
    }

    /**
     * Uses another delimiter.
     *
     * @param newDelimiter the delimiter
     * @return a new writer
     */
    public CsvTableWriter withDelimiter(char newDelimiter) {
        CsvTableReader.withDefaults().withDelimiter(newDelimiter);
        return new CsvTableWriter(newDelimiter, idHeader);
    }

    /**
     * Uses another header for the id column.
     *
     * @param header non-blank header
     * @return a new writer
     */
    public CsvTableWriter withIdHeader(String header) {
        return new CsvTableWriter(delimiter, Indicator.requireName(header));
    }

    /**
     * Writes a table to a file, replacing it only once the whole table is written: through a temporary file in
     * the same directory, renamed over the target, so that a failure leaves the previous file intact.
     *
     * @param table the table
     * @param file the file
     * @throws CoreException if an indicator is named like the id column
     * @throws UncheckedIOException if the file cannot be written
     */
    public void write(IndicatorTable table, Path file) {
        try {
            org.powercx.core.internal.AtomicFiles.write(file, out -> write(table, out));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a table to a character stream, which is flushed but not closed.
     *
     * @param table the table
     * @param out the destination
     * @throws CoreException if an indicator is named like the id column
     * @throws UncheckedIOException if writing fails
     */
    public void write(IndicatorTable table, Appendable out) {
        if (table.contains(idHeader)) {
            throw new CoreException("indicator '%s' has the same name as the id column; choose another id header",
                idHeader);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setRecordSeparator('\n').get();
        try {
            CSVPrinter printer = new CSVPrinter(out, format);
            List<String> header = new ArrayList<>();
            header.add(idHeader);
            header.addAll(table.indicatorNames());
            printer.printRecord(header);
            int m = table.indicatorCount();
            double[][] cols = new double[m][];
            for (int j = 0; j < m; j++) {
                cols[j] = table.column(j);
            }
            Object[] record = new Object[m + 1];
            for (int i = 0; i < table.rowCount(); i++) {
                record[0] = table.id(i);
                for (int j = 0; j < m; j++) {
                    record[j + 1] = Double.toString(cols[j][i]);
                }
                printer.printRecord(record);
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
