package org.powercx.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.powercx.core.internal.Messages;

/**
 * A transaction log read from a CSV file with a header: one row per transaction, a customer id column and a date
 * column (ISO {@code 2024-03-31} or basic {@code 20240331}); other columns are ignored. Errors name the file, the
 * line and the column.
 */
final class TransactionLog {
    private final String[] customers;
    private final LocalDate[] dates;

    private TransactionLog(String[] customers, LocalDate[] dates) {
        this.customers = customers;
        this.dates = dates;
    }

    /**
     * Reads a log.
     *
     * @param file the CSV file
     * @param customerColumn the header of the customer id column
     * @param dateColumn the header of the date column
     * @return the log, in file order
     * @throws CliException naming the file, line and column of any error
     */
    static TransactionLog read(Path file, String customerColumn, String dateColumn) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setCommentMarker('#').get();
        List<String> customers = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = format.parse(skipByteOrderMark(reader))) {
            Map<String, Integer> header = parser.getHeaderMap();
            int customer = column(file, header, customerColumn, "--customer");
            int date = column(file, header, dateColumn, "--date");
            for (CSVRecord row : parser) {
                long line = row.getParser().getCurrentLineNumber();
                if (row.size() <= Math.max(customer, date)) {
                    throw new CliException("%s:%d: the row has %d fields but the header has %d", file, line,
                        row.size(), header.size());
                }
                String id = row.get(customer);
                if (id.isEmpty()) {
                    throw new CliException("%s:%d: column '%s': the customer id is blank", file, line,
                        customerColumn);
                }
                customers.add(id);
                dates.add(date(file, line, dateColumn, row.get(date)));
            }
        } catch (NoSuchFileException e) {
            throw new CliException("%s: no such file", file);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CliException("%s: %s", file, Messages.oneLine(String.valueOf(e.getMessage())));
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (e instanceof CliException c) {
                throw c;
            }
            throw new CliException("%s: %s", file, Messages.oneLine(String.valueOf(e.getMessage())));
        }
        if (customers.isEmpty()) {
            throw new CliException("%s: no transactions", file);
        }
        return new TransactionLog(customers.toArray(new String[0]), dates.toArray(new LocalDate[0]));
    }

    private static Reader skipByteOrderMark(Reader reader) throws IOException {
        java.io.PushbackReader in = new java.io.PushbackReader(reader, 1);
        int first = in.read();
        if (first != -1 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }

    private static int column(Path file, Map<String, Integer> header, String name, String option) {
        Integer index = header == null ? null : header.get(name);
        if (index == null) {
            throw new CliException("%s: option %s: no column '%s' in the header", file, option, name);
        }
        return index;
    }

    private static LocalDate date(Path file, long line, String column, String text) {
        try {
            return LocalDate.parse(text, text.length() == 8 ? DateTimeFormatter.BASIC_ISO_DATE
                : DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new CliException("%s:%d: column '%s': '%s' is not a date (yyyy-mm-dd or yyyymmdd)", file, line,
                column, text);
        }
    }

    /** The customer id of each transaction; the caller must not modify it. */
    String[] customers() {
        return customers;
    }

    /** The date of each transaction; the caller must not modify it. */
    LocalDate[] dates() {
        return dates;
    }
}
