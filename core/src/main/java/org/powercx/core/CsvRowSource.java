package org.powercx.core;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV source record by record: checks the header, resolves the id and indicator columns, and parses
 * each data row into an id and primitive values ({@code NaN} marking a missing cell). Not thread-safe.
 */
final class CsvRowSource implements Closeable {
    private final String source;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Set<String> missingTokens;
    private final int headerSize;
    /** Position of the id column, or -1 when ids are row numbers. */
    private final int idColumn;
    private final boolean ragged;
    private final long headerLine;
    private long dataRows;
    private final int[] valueColumns;
    private final List<String> valueNames;
    private final CsvLineTracker tracker;
    private long lineEnd;

    /** The current row, valid after {@link #next()} returned true. */
    String id;
    /** Start line of the current row, 1-based. */
    long line;
    /** Values of the current row; NaN where missing. Reused between rows. */
    final double[] values;

    CsvRowSource(Reader reader, String source, char delimiter, String idName, List<String> columns,
            Set<String> missingTokens, boolean noIdColumn, boolean ragged) {
        this.source = source;
        this.missingTokens = missingTokens;
        this.ragged = ragged;
        try {
            BufferedReader buffered = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
            skipByteOrderMark(buffered);
            CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .get();
            this.tracker = new CsvLineTracker(buffered, source, delimiter);
            this.parser = format.parse(tracker);
            this.records = parser.iterator();
            if (!records.hasNext()) {
                throw new CoreException("%s: the file is empty; a header line is required", source);
            }
            List<String> header = records.next().toList();
            this.headerLine = tracker.nextRecordLine();
            lineEnd = parser.getCurrentLineNumber();
            this.headerSize = header.size();
            Map<String, Integer> position = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String name = header.get(c);
                if (c == 0 && idName == null && !noIdColumn && name != null && name.isEmpty() && header.size() > 1) {
                    // R's write.csv: an empty first header over the row names
                    continue;
                }
                if (name == null || name.isBlank()) {
                    throw new CoreException("%s:%d: header of column %d is blank", source, headerLine, c + 1);
                }
                Integer previous = position.put(name, c);
                if (previous != null) {
                    throw new CoreException("%s:%d: duplicate header '%s' (columns %d and %d)",
                        source, headerLine, name, previous + 1, c + 1);
                }
            }
            if (noIdColumn) {
                this.idColumn = -1;
            } else if (idName == null) {
                this.idColumn = 0;
            } else {
                Integer c = position.get(idName);
                if (c == null) {
                    throw new CoreException("%s: unknown id column '%s'; the header has %s", source, idName, header);
                }
                this.idColumn = c;
            }
            List<String> wanted = new ArrayList<>();
            if (columns == null) {
                for (int c = 0; c < header.size(); c++) {
                    if (c != idColumn) {
                        wanted.add(header.get(c));
                    }
                }
            } else {
                wanted.addAll(columns);
            }
            if (wanted.isEmpty()) {
                throw new CoreException("%s: no indicator columns besides the id column '%s'",
                    source, header.get(idColumn));
            }
            if (idColumn < 0 && wanted.contains("")) {
                throw new CoreException("%s:%d: header of column 1 is blank", source, headerLine);
            }
            this.valueColumns = new int[wanted.size()];
            for (int k = 0; k < wanted.size(); k++) {
                Integer c = position.get(wanted.get(k));
                if (c == null) {
                    throw new CoreException("%s: unknown column '%s'; the header has %s", source, wanted.get(k), header);
                }
                if (c == idColumn) {
                    throw new CoreException("%s: column '%s' is the id column and cannot be an indicator",
                        source, wanted.get(k));
                }
                valueColumns[k] = c;
            }
            this.valueNames = List.copyOf(wanted);
            this.values = new double[valueColumns.length];
        } catch (java.nio.charset.CharacterCodingException e) {
            throw notText(e);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw malformed(e);
        }
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        int first = reader.read();
        if (first != '\uFEFF' && first != -1) {
            reader.reset();
        }
    }

    private CoreException malformed(RuntimeException e) {
        if (e.getCause() instanceof java.nio.charset.CharacterCodingException coding) {
            return notText(coding);
        }
        String detail = e.getCause() instanceof IOException io ? io.getMessage() : e.getMessage();
        return new CoreException("%s near line %d: malformed CSV: %s", source, lineEnd + 1, detail);
    }

    /** Bytes that the charset cannot decode are bad input, not an I/O failure. */
    private CoreException notText(java.nio.charset.CharacterCodingException e) {
        // the decoder runs ahead of the parser by a buffer, so the line can only be bounded from below
        CoreException error = lineEnd == 0 ? new CoreException("%s: not UTF-8 text", source)
            : new CoreException("%s: not UTF-8 text (an undecodable byte after line %d)", source, lineEnd);
        error.initCause(e);
        return error;
    }

    List<String> names() {
        return valueNames;
    }

    /** Fields a record must have: the header's count. */
    int headerSize() {
        return headerSize;
    }

    /** Position of the id column, -1 when ids are row numbers. */
    int idColumn() {
        return idColumn;
    }

    /** Positions of the value columns, in the order of {@link #names()}. */
    int[] valueColumns() {
        return valueColumns.clone();
    }

    /** The physical line of the header, 1-based. */
    long headerLine() {
        return headerLine;
    }

    String source() {
        return source;
    }

    /**
     * Advances to the next data row.
     *
     * @return false at the end of the source
     */
    boolean next() {
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return false;
            }
            record = records.next();
        } catch (IllegalStateException | UncheckedIOException e) {
            throw malformed(e);
        }
        line = tracker.nextRecordLine();
        lineEnd = parser.getCurrentLineNumber();
        dataRows++;
        int size = record.size();
        if (size != headerSize && (!ragged || size > headerSize)) {
            throw new CoreException("%s:%d: %d fields but the header has %d", source, line, size, headerSize);
        }
        if (idColumn < 0) {
            id = Long.toString(dataRows);
        } else {
            id = idColumn < size ? record.get(idColumn) : "";
            if (id.isBlank()) {
                throw new CoreException("%s:%d: customer id (column %d) is blank", source, line, idColumn + 1);
            }
        }
        for (int k = 0; k < valueColumns.length; k++) {
            values[k] = valueColumns[k] < size ? parse(record.get(valueColumns[k]), k) : Double.NaN;
        }
        return true;
    }

    private double parse(String cell, int k) {
        if (cell.isEmpty() || missingTokens.contains(cell)) {
            return Double.NaN;
        }
        if (isPlainNumber(cell)) {
            double v = Double.parseDouble(cell);
            if (v == 0 && hasNonZeroDigit(cell)) {
                throw new CoreException(
                    "%s:%d: column '%s': '%s' is too small for a double (it would be read as 0)", source, line,
                    valueNames.get(k), cell);
            }
            if (Double.isFinite(v)) {
                return v;
            }
            throw new CoreException("%s:%d: column '%s': '%s' is out of the range of a double",
                source, line, valueNames.get(k), cell);
        }
        throw new CoreException("%s:%d: column '%s': '%s' is not a number", source, line,
            valueNames.get(k), cell);
    }

    /** Decimal notation only: digits with optional sign, point and exponent. */
    static boolean isPlainNumber(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** Whether a decimal literal has a non-zero digit before its exponent. */
    private static boolean hasNonZeroDigit(String number) {
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** Message part naming the current row's missing cell k. */
    String missingCell(int k) {
        return String.format(java.util.Locale.ROOT, "%s:%d: column '%s': value is missing (customer '%s')",
            source, line, valueNames.get(k), id);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
