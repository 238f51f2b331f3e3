package org.powercx.core;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.powercx.core.internal.ParallelRanges;

/**
 * Reads an {@link IndicatorTable} from CSV: UTF-8 with or without a byte-order mark, a required header
 * line, RFC 4180 quoting, one customer id column (or none, see {@link #withoutIdColumn()}; R's row names under a
 * blank first header are read as ids) and numeric indicator columns. Character streams are parsed by Apache
 * Commons CSV, files by the reader's own byte parser (below), to the same result.
 *
 * <p>Configuration is immutable: start from {@link #withDefaults()} (comma delimiter, first column as id,
 * every other column an indicator, directions BENEFIT, {@link MissingValuePolicy#REJECT}) and change it with
 * the {@code with...} methods, each of which returns a new reader. Instances are thread-safe.
 *
 * <p>Numbers are decimal ({@code 12}, {@code -0.5}, {@code 1.2e3}); {@code NaN}, {@code Infinity}, hex,
 * values beyond the double range and non-zero values too small for a double ({@code 1e-400}) are errors. A cell is missing when empty or equal to a missing token
 * ({@code NA} by default). Every error is a {@link CoreException} naming the file (or source name), the line
 * and the column: a non-numeric cell, a duplicate customer id, a duplicate or blank header, a row with the
 * wrong number of fields, an empty file, an unknown column. Lines are physical lines: blank lines and line breaks
 * inside quoted fields count. To bound memory, a field may have at most 1,000,000 characters, a record
 * 10,000,000 and at most 100,000 fields; a larger one is refused naming its line.
 *
 * <p>{@link #read(Path)} parses the numbers straight from the file's bytes with a correctly rounded parser (the
 * same bits as {@link Double#parseDouble}), decodes only the header, the ids and the cells it reports, and never
 * looks at the columns it was not asked to read; with {@link #withThreads(int)} it parses the file in parts on
 * several threads, with the same result and the same errors for every thread count.
 *
 * <p>{@link #stream(Path, int)} reads a file larger than memory in blocks of rows.
 *
 * @since 0.1.0
 */
public final class CsvTableReader {
    /** Most rows a block of {@link #stream(Path, int)} may hold: 10,000,000. */
    public static final int MAX_BLOCK_ROWS = 10_000_000;

    private static final CsvTableReader DEFAULTS =
        new CsvTableReader(',', null, null, Map.of(), MissingValuePolicy.REJECT, Set.of("NA"), Options.DEFAULTS);

    /** The options added in 0.2.0: row numbers as ids, ragged rows, threads. */
    private record Options(boolean noIdColumn, boolean ragged, int threads) {
        static final Options DEFAULTS = new Options(false, false, 1);
    }

    private final char delimiter;
    private final String idColumn;
    private final List<String> columns;
    private final Map<String, Indicator> indicators;
    private final MissingValuePolicy missingPolicy;
    private final Set<String> missingTokens;
    private final Options options;

    private CsvTableReader(char delimiter, String idColumn, List<String> columns, Map<String, Indicator> indicators,
            MissingValuePolicy missingPolicy, Set<String> missingTokens, Options options) {
        this.options = options;
        this.delimiter = delimiter;
        this.idColumn = idColumn;
        this.columns = columns;
        this.indicators = indicators;
        this.missingPolicy = missingPolicy;
        this.missingTokens = missingTokens;
    }

    /**
     * A reader with the default configuration.
     *
     * @return the reader
     */
    public static CsvTableReader withDefaults() {
        return DEFAULTS;
    }

    /**
     * Uses another field delimiter, for example {@code ';'} or {@code '\t'}.
     *
     * @param newDelimiter the delimiter; not a quote, line break or digit
     * @return a new reader
     * @throws CoreException if the delimiter cannot separate fields
     */
    public CsvTableReader withDelimiter(char newDelimiter) {
        if (newDelimiter == '"' || newDelimiter == '\n' || newDelimiter == '\r' || Character.isDigit(newDelimiter)
            || newDelimiter == '.' || newDelimiter == '-' || newDelimiter == '+') {
            throw new CoreException("'%s' cannot be a CSV delimiter", newDelimiter);
        }
        return new CsvTableReader(newDelimiter, idColumn, columns, indicators, missingPolicy, missingTokens, options);
    }

    /**
     * Takes the customer ids from the named column instead of the first one.
     *
     * @param name header of the id column
     * @return a new reader
     * @throws CoreException if the name is blank
     */
    public CsvTableReader withIdColumn(String name) {
        return new CsvTableReader(delimiter, Indicator.requireName(name), columns, indicators, missingPolicy,
            missingTokens, new Options(false, options.ragged(), options.threads()));
    }

    /**
     * Reads only the named indicator columns, in this order.
     *
     * @param names headers of the columns to take, at least one, no repeats
     * @return a new reader
     * @throws CoreException if there are no names or a name is blank or repeated
     */
    public CsvTableReader withColumns(String... names) {
        if (names == null || names.length == 0) {
            throw new CoreException("withColumns needs at least one column name");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String name : names) {
            if (!unique.add(Indicator.requireName(name))) {
                throw new CoreException("column '%s' is named twice", name);
            }
        }
        return new CsvTableReader(delimiter, idColumn, List.copyOf(unique), indicators, missingPolicy,
            missingTokens, options);
    }

    /**
     * Gives the direction, target, unit and description of indicators, matched by name. Columns with no
     * definition are BENEFIT; a definition whose column is not read is an error at read time.
     *
     * @param definitions indicator definitions
     * @return a new reader
     * @throws CoreException if two definitions share a name
     */
    public CsvTableReader withIndicators(List<Indicator> definitions) {
        Map<String, Indicator> map = new HashMap<>();
        for (Indicator ind : definitions) {
            if (map.put(ind.name(), ind) != null) {
                throw new CoreException("indicator '%s' is defined twice", ind.name());
            }
        }
        return new CsvTableReader(delimiter, idColumn, columns, Map.copyOf(map), missingPolicy, missingTokens,
            options);
    }

    /**
     * Chooses what to do with missing cells.
     *
     * @param policy the policy
     * @return a new reader
     */
    public CsvTableReader withMissingValuePolicy(MissingValuePolicy policy) {
        if (policy == null) {
            throw new CoreException("missing value policy is null");
        }
        return new CsvTableReader(delimiter, idColumn, columns, indicators, policy, missingTokens, options);
    }

    /**
     * Sets the cell texts that mean "missing", besides the empty cell (default {@code NA}).
     *
     * @param tokens the tokens, compared exactly after trimming surrounding spaces
     * @return a new reader
     */
    public CsvTableReader withMissingTokens(String... tokens) {
        for (String t : tokens) {
            if (t == null) {
                throw new CoreException("missing token is null");
            }
        }
        return new CsvTableReader(delimiter, idColumn, columns, indicators, missingPolicy, Set.of(tokens),
            options);
    }

    /**
     * Reads files with no id column, as the data sets of scikit-learn: every column is an indicator and the
     * customer ids are the data row numbers {@code "1"}, {@code "2"}, ... (counting every data row, so a row
     * dropped under {@link MissingValuePolicy#DROP_ROWS} leaves a gap). {@link #withIdColumn(String)} undoes it.
     *
     * <pre>{@code
     * x0,x1
     * 16.13,0.2
     * 16.13,0.4     ->  ids "1", "2"
     * }</pre>
     *
     * @return a new reader
     * @since 0.2.0
     */
    public CsvTableReader withoutIdColumn() {
        return new CsvTableReader(delimiter, null, columns, indicators, missingPolicy, missingTokens,
            new Options(true, options.ragged(), options.threads()));
    }

    /**
     * Accepts rows with fewer fields than the header, as in cohort tables where later periods are not yet
     * observed: the absent trailing cells are missing and handled by the {@linkplain
     * #withMissingValuePolicy(MissingValuePolicy) missing value policy}. A row with more fields than the header
     * is still an error, and so is a row too short to hold its id.
     *
     * @param allowed whether short rows are read
     * @return a new reader
     * @since 0.2.0
     */
    public CsvTableReader withRaggedRows(boolean allowed) {
        return new CsvTableReader(delimiter, idColumn, columns, indicators, missingPolicy, missingTokens,
            new Options(options.noIdColumn(), allowed, options.threads()));
    }

    /**
     * Sets how many threads {@link #read(Path)} parses a file with. The file is cut into one part per thread at
     * line breaks (a line break inside a quoted field is recognised as such), and the table, the line numbers and
     * any error are the same for every thread count. Streaming a file ({@link #stream(Path, int)}) parses each
     * window of the file in parts on these threads; reading from a {@link Reader} uses one thread.
     *
     * @param newThreads 1 to {@value org.powercx.core.internal.ParallelRanges#MAX_THREADS}, the cap shared by
     *     every {@code withThreads} option; 1 by default
     * @return a new reader
     * @throws CoreException if the count is below 1 or above the cap
     * @since 0.2.0
     */
    public CsvTableReader withThreads(int newThreads) {
        if (!ParallelRanges.isValidThreadCount(newThreads)) {
            throw new CoreException("thread count must be between 1 and %d but was %d", ParallelRanges.MAX_THREADS,
                newThreads);
        }
        return new CsvTableReader(delimiter, idColumn, columns, indicators, missingPolicy, missingTokens,
            new Options(options.noIdColumn(), options.ragged(), newThreads));
    }

    /**
     * Reads a UTF-8 file.
     *
     * @param file the file
     * @return the table and the account of missing cells
     * @throws CoreException if the file is malformed (naming file, line and column)
     * @throws UncheckedIOException if the file cannot be read
     */
    public CsvReadResult read(Path file) {
        return read(file, CsvFileReader.MIN_PART_BYTES);
    }

    /** Reads a file in parts of at least {@code minPartBytes} (small in tests, so that small files are cut). */
    CsvReadResult read(Path file, long minPartBytes) {
        if (file == null) {
            throw new CoreException("file is null");
        }
        if (!CsvFileReader.handles(delimiter)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return read(reader, file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": " + e.getMessage(), e);
            }
        }
        List<Indicator> defs;
        CsvFileReader body;
        try (CsvRowSource header = open(file)) {
            defs = definitions(header);
            body = new CsvFileReader(file, file.toString(), delimiter, header, missingTokens, options.ragged(),
                missingPolicy, options.threads(), minPartBytes);
        }
        CsvFileReader.Rows rows = body.read();
        IndicatorTable table = IndicatorTable.owning(defs, rows.ids, rows.columns);
        return new CsvReadResult(table, rows.lines, rows.read, rows.dropped, rows.filled, rows.missing);
    }

    /**
     * Reads from a character stream, which is not closed.
     *
     * @param reader the CSV text
     * @param sourceName how messages name the source, for example a file name
     * @return the table and the account of missing cells
     * @throws CoreException if the text is malformed (naming source, line and column)
     */
    public CsvReadResult read(Reader reader, String sourceName) {
        CsvRowSource rows = open(reader, sourceName);
        List<Indicator> defs = definitions(rows);
        int m = defs.size();
        List<String> ids = new ArrayList<>();
        Map<String, Long> idLines = new HashMap<>();
        // a few rows per column up front: a header of many columns must not reserve memory for rows not yet read
        double[][] cols = new double[m][16];
        long[] lines = new long[16];
        long read = 0;
        long dropped = 0;
        int n = 0;
        while (rows.next()) {
            read++;
            if (missingPolicy != MissingValuePolicy.COLUMN_MEAN && hasMissing(rows)) {
                dropped++;
                continue;
            }
            Long previous = idLines.put(rows.id, rows.line);
            if (previous != null) {
                throw new CoreException("%s:%d: duplicate customer id '%s' (first on line %d)",
                    sourceName, rows.line, rows.id, previous);
            }
            if (n == lines.length) {
                for (int j = 0; j < m; j++) {
                    cols[j] = Arrays.copyOf(cols[j], n * 2);
                }
                lines = Arrays.copyOf(lines, n * 2);
            }
            lines[n] = rows.line;
            for (int j = 0; j < m; j++) {
                cols[j][n] = rows.values[j];
            }
            ids.add(rows.id);
            n++;
        }
        for (int j = 0; j < m; j++) {
            cols[j] = Arrays.copyOf(cols[j], n);
        }
        long filled = 0;
        BitSet[] missing = null;
        if (missingPolicy == MissingValuePolicy.COLUMN_MEAN) {
            double[] means = new double[m];
            for (int j = 0; j < m; j++) {
                ColumnMean mean = new ColumnMean();
                for (double v : cols[j]) {
                    mean.add(v);
                }
                means[j] = mean.value(sourceName, defs.get(j).name());
            }
            missing = missingMask(cols);
            filled = fillMissing(cols, means);
        }
        return new CsvReadResult(IndicatorTable.ofColumns(defs, ids, cols), Arrays.copyOf(lines, n), read, dropped,
            filled, missing);
    }

    /**
     * Reads a file in blocks of at most {@code blockRows} rows, holding only one block at a time. Under
     * {@link MissingValuePolicy#COLUMN_MEAN} a first pass over the file computes the means. Duplicate ids are
     * detected within a block only, since remembering every id would take memory proportional to the file.
     *
     * @param file the file
     * @param blockRows rows per block, 1 to {@value #MAX_BLOCK_ROWS}
     * @return the blocks, to be closed after use
     * @throws CoreException if the header is malformed or {@code blockRows} is out of range
     */
    public CsvBlockReader stream(Path file, int blockRows) {
        return stream(file, blockRows, windowBytes(), CsvFileReader.MIN_PART_BYTES);
    }

    /** Streams a file parsed in windows of {@code windowBytes} cut into parts of at least {@code minPartBytes}. */
    CsvBlockReader stream(Path file, int blockRows, long windowBytes, long minPartBytes) {
        checkBlockRows(blockRows);
        if (file == null) {
            throw new CoreException("file is null");
        }
        double[] means = null;
        if (missingPolicy == MissingValuePolicy.COLUMN_MEAN) {
            means = columnMeans(file);
        }
        if (CsvFileReader.handles(delimiter)) {
            List<Indicator> defs;
            CsvFileReader body;
            try (CsvRowSource header = open(file)) {
                defs = definitions(header);
                body = new CsvFileReader(file, file.toString(), delimiter, header, missingTokens, options.ragged(),
                    missingPolicy, options.threads(), minPartBytes);
            }
            return new CsvBlockReader(body.windows(windowBytes, means), file.toString(), defs, blockRows,
                missingPolicy);
        }
        CsvRowSource rows = open(file);
        try {
            return new CsvBlockReader(rows, definitions(rows), blockRows, missingPolicy, means);
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    /**
     * Reads a character stream in blocks. {@link MissingValuePolicy#COLUMN_MEAN} needs two passes and is
     * not available here; use {@link #stream(Path, int)}.
     *
     * @param reader the CSV text, closed when the block reader is closed
     * @param sourceName how messages name the source
     * @param blockRows rows per block, 1 to {@value #MAX_BLOCK_ROWS}
     * @return the blocks, to be closed after use
     * @throws CoreException if the header is malformed, {@code blockRows} is out of range, or the policy is
     *     COLUMN_MEAN
     */
    public CsvBlockReader stream(Reader reader, String sourceName, int blockRows) {
        checkBlockRows(blockRows);
        checkOnePass(sourceName);
        CsvRowSource rows = open(reader, sourceName);
        return new CsvBlockReader(rows, definitions(rows), blockRows, missingPolicy, null);
    }

    /**
     * Reads a byte stream of UTF-8 CSV (standard input, for example) in blocks of at most {@code blockRows} rows, as
     * {@link #stream(Path, int)} reads a file: the bytes are parsed window by window on this reader's
     * {@linkplain #withThreads(int) threads}, with the same policies, limits and messages, and only the current
     * window is held. The stream is read once, to its end, and not closed. Under
     * {@link MissingValuePolicy#COLUMN_MEAN}, which needs a first pass, the stream is refused.
     *
     * @param in the bytes
     * @param sourceName how messages name the source, for example {@code standard input}
     * @param blockRows rows per block, 1 to {@value #MAX_BLOCK_ROWS}
     * @return the blocks, to be closed after use (which leaves the stream open)
     * @throws CoreException if the stream is null, the header is malformed, {@code blockRows} is out of range, or the
     *     policy is {@link MissingValuePolicy#COLUMN_MEAN}
     * @since 0.2.0
     */
    public CsvBlockReader stream(java.io.InputStream in, String sourceName, int blockRows) {
        return stream(in, sourceName, blockRows, windowBytes(), CsvFileReader.MIN_PART_BYTES, CsvStreamBytes.CHUNK);
    }

    /**
     * Streams bytes parsed in windows of {@code windowBytes} cut into parts of at least {@code minPartBytes}, held in
     * chunks of {@code chunk} bytes.
     */
    CsvBlockReader stream(java.io.InputStream in, String sourceName, int blockRows, long windowBytes,
            long minPartBytes, int chunk) {
        checkBlockRows(blockRows);
        if (in == null) {
            throw new CoreException("input stream is null");
        }
        String name = sourceName == null ? "<csv>" : sourceName;
        java.io.InputStream kept = new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // the caller's stream stays open
            }
        };
        if (!CsvFileReader.handles(delimiter)) {
            return stream(new java.io.BufferedReader(new java.io.InputStreamReader(kept,
                StandardCharsets.UTF_8.newDecoder()), 1 << 16), name, blockRows);
        }
        checkOnePass(name);
        CsvStreamBytes bytes = new CsvStreamBytes(kept, name, chunk);
        List<Indicator> defs;
        CsvFileReader body;
        try (CsvRowSource header = open(new java.io.BufferedReader(new java.io.InputStreamReader(bytes.from(0),
                StandardCharsets.UTF_8.newDecoder()), 1 << 16), name)) {
            defs = definitions(header);
            body = new CsvFileReader(bytes, delimiter, header, missingTokens, options.ragged(), missingPolicy,
                options.threads(), minPartBytes);
        }
        return new CsvBlockReader(body.windows(windowBytes, null), name, defs, blockRows, missingPolicy);
    }

    /**
     * Bytes of a file parsed at a time when streaming: a thirty-second of the heap the JVM may use (a window's
     * numbers, ids and the block cut from them take a few times its bytes), between 256 KB and 16 MB.
     */
    static long windowBytes() {
        return Math.max(CsvFileReader.MIN_PART_BYTES, Math.min(16L << 20, Runtime.getRuntime().maxMemory() / 32));
    }

    /** Refuses COLUMN_MEAN for a source read once (its means need a pass before the first block). */
    private void checkOnePass(String sourceName) {
        if (missingPolicy == MissingValuePolicy.COLUMN_MEAN) {
            throw new CoreException("%s: COLUMN_MEAN needs a first pass over the data; stream from a file instead",
                sourceName);
        }
    }

    private static void checkBlockRows(int blockRows) {
        if (blockRows < 1) {
            throw new CoreException("block size must be at least 1 row but was %d", blockRows);
        }
        if (blockRows > MAX_BLOCK_ROWS) {
            throw new CoreException("block size must be at most %,d rows but was %,d", MAX_BLOCK_ROWS, blockRows);
        }
    }

    private double[] columnMeans(Path file) {
        try (CsvRowSource rows = open(file)) {
            int m = rows.names().size();
            ColumnMean[] means = new ColumnMean[m];
            for (int j = 0; j < m; j++) {
                means[j] = new ColumnMean();
            }
            while (rows.next()) {
                for (int j = 0; j < m; j++) {
                    means[j].add(rows.values[j]);
                }
            }
            double[] result = new double[m];
            for (int j = 0; j < m; j++) {
                result[j] = means[j].value(file.toString(), rows.names().get(j));
            }
            return result;
        }
    }

    /** For each column, the rows whose cell is missing (NaN); null if no cell is. */
    static BitSet[] missingMask(double[][] cols) {
        BitSet[] mask = null;
        for (int j = 0; j < cols.length; j++) {
            double[] col = cols[j];
            for (int i = 0; i < col.length; i++) {
                if (Double.isNaN(col[i])) {
                    if (mask == null) {
                        mask = new BitSet[cols.length];
                    }
                    if (mask[j] == null) {
                        mask[j] = new BitSet(col.length);
                    }
                    mask[j].set(i);
                }
            }
        }
        return mask;
    }

    static long fillMissing(double[][] cols, double[] means) {
        long filled = 0;
        for (int j = 0; j < cols.length; j++) {
            double[] col = cols[j];
            for (int i = 0; i < col.length; i++) {
                if (Double.isNaN(col[i])) {
                    col[i] = means[j];
                    filled++;
                }
            }
        }
        return filled;
    }

    private boolean hasMissing(CsvRowSource rows) {
        for (int k = 0; k < rows.values.length; k++) {
            if (Double.isNaN(rows.values[k])) {
                if (missingPolicy == MissingValuePolicy.REJECT) {
                    throw new CoreException("%s (missing value policy REJECT)", rows.missingCell(k));
                }
                return true;
            }
        }
        return false;
    }

    /** A numerically careful running mean that skips NaN (missing) values. */
    static final class ColumnMean {
        private double mean;
        private long count;

        void add(double v) {
            if (!Double.isNaN(v)) {
                count++;
                mean += (v - mean) / count;
            }
        }

        double value(String source, String column) {
            if (count == 0) {
                throw new CoreException("%s, column '%s': every value is missing, so there is no mean to fill in",
                    source, column);
            }
            return mean;
        }
    }

    private CsvRowSource open(Path file) {
        try {
            return open(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private CsvRowSource open(Reader reader, String sourceName) {
        if (reader == null) {
            throw new CoreException("reader is null");
        }
        return new CsvRowSource(reader, sourceName == null ? "<csv>" : sourceName, delimiter, idColumn, columns,
            missingTokens, options.noIdColumn(), options.ragged());
    }

    private List<Indicator> definitions(CsvRowSource rows) {
        List<Indicator> defs = new ArrayList<>();
        for (String name : rows.names()) {
            defs.add(indicators.getOrDefault(name, Indicator.benefit(name)));
        }
        for (String name : indicators.keySet()) {
            if (!rows.names().contains(name)) {
                throw new CoreException("%s: indicator '%s' is defined but not among the columns read %s",
                    rows.source(), name, rows.names());
            }
        }
        return defs;
    }
}
