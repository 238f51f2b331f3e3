package org.powercx.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.powercx.core.CsvBlockReader;
import org.powercx.core.CsvReadResult;
import org.powercx.core.CsvTableReader;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.core.MissingValuePolicy;
import org.powercx.core.Weights;
import org.powercx.io.WeightsFile;

/**
 * Reading the tool's inputs: CSV tables with indicator directions from options, and weights from a weights file,
 * an AHP file or {@code name=value} pairs.
 *
 * @since 0.1.0
 */
final class Inputs {
    /** Most threads a streaming pass parses a file with. */
    static final int STREAM_THREADS = 4;

    private Inputs() {
    }

    /**
     * Reads a CSV table; core's reader names the file, line and column of any bad cell.
     *
     * @param file the CSV file
     * @param idColumn the id column, or null for the first column
     * @param columns the indicator columns to take, or empty for all
     * @param cost indicators where smaller is better
     * @param targets indicators with a target value
     * @param missing the missing-value policy
     * @return the read result
     * @throws CliException if the file is missing, cannot be read, is not UTF-8 text or would not fit in the heap
     *     ({@link HeapCheck})
     * @throws IllegalArgumentException (core's {@code CoreException}) if the file is malformed; the message names
     *     the file and, where it applies, the line and the column
     */
    public static CsvReadResult csv(Path file, String idColumn, List<String> columns, List<String> cost,
            Map<String, Double> targets, MissingValuePolicy missing) {
        return csv(file, idColumn, columns, cost, targets, missing, "select fewer --columns");
    }

    /**
     * Reads a CSV table as {@link #csv(Path, String, List, List, Map, MissingValuePolicy)} does, naming another
     * way out (such as the command's {@code --stream}) if the table would not fit in the heap.
     *
     * @param file the CSV file
     * @param idColumn the id column, or null for the first column
     * @param columns the indicator columns to take, or empty for all
     * @param cost indicators where smaller is better
     * @param targets indicators with a target value
     * @param missing the missing-value policy
     * @param advice what to do instead of a larger heap, named in the refusal
     * @return the read result
     */
    public static CsvReadResult csv(Path file, String idColumn, List<String> columns, List<String> cost,
            Map<String, Double> targets, MissingValuePolicy missing, String advice) {
        if (isStandardInput(file) && !Files.isRegularFile(file)) {
            throw new CliException("standard input (-): read only by the streaming commands (--stream); give a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new CliException("%s: file not found", file);
        }
        checkFitsInMemory(file, advice);
        CsvTableReader reader = reader(idColumn, columns, cost, targets, missing);
        try {
            return reader.read(file);
        } catch (java.io.UncheckedIOException e) {
            throw new CliException("%s: cannot read: %s", file, e.getCause().getMessage());
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains(file.toString())) {
                throw e;
            }
            throw new CliException("%s: %s", file, m);
        }
    }

    /** The help of every command's {@code --no-id} option. */
    static final String NO_ID_HELP = "No id column: every column is data, and the customers are numbered 1, 2, ... "
        + "in file order.";

    /**
     * The id column option value that stands for no id column ({@code --no-id}): the customers are numbered. A
     * command-line argument cannot hold its NUL character, so no {@code --id} value equals it.
     */
    static final String ROW_NUMBERS = "\u0000row numbers";

    /**
     * The id column as the readers take it, from a command's {@code --id} and {@code --no-id} options.
     *
     * @param column the {@code --id} value, or null
     * @param none whether {@code --no-id} was given
     * @return null for the first column, {@link #ROW_NUMBERS} for none, else the column
     * @throws CliException if both options are given
     */
    static String idColumn(String column, boolean none) {
        if (none && column != null) {
            throw new CliException("options --id and --no-id exclude each other; give one");
        }
        return none ? ROW_NUMBERS : column;
    }

    /** A reader with the commands' column options. */
    static CsvTableReader reader(String idColumn, List<String> columns, List<String> cost,
            Map<String, Double> targets, MissingValuePolicy missing) {
        List<Indicator> defs = new ArrayList<>();
        for (String c : cost) {
            defs.add(Indicator.cost(c));
        }
        for (Map.Entry<String, Double> t : targets.entrySet()) {
            defs.add(Indicator.target(t.getKey(), t.getValue()));
        }
        CsvTableReader reader = CsvTableReader.withDefaults().withMissingValuePolicy(missing);
        if (ROW_NUMBERS.equals(idColumn)) {
            reader = reader.withoutIdColumn();
        } else if (idColumn != null) {
            reader = reader.withIdColumn(idColumn);
        }
        if (!columns.isEmpty()) {
            reader = reader.withColumns(columns.toArray(new String[0]));
        }
        if (!defs.isEmpty()) {
            reader = reader.withIndicators(defs);
        }
        return reader;
    }

    /** The file argument that names standard input, as in {@code cat}, {@code cut} and most other tools. */
    static final String STANDARD_INPUT = "-";

    /**
     * Whether a file argument names standard input ({@code -}).
     *
     * @param file the argument, possibly null
     * @return true for {@code -}
     */
    static boolean isStandardInput(Path file) {
        return file != null && STANDARD_INPUT.equals(file.toString());
    }

    /**
     * How messages name an input: the file, or {@code standard input} for {@code -}.
     *
     * @param file the file argument
     * @return the name
     */
    static Object source(Path file) {
        return isStandardInput(file) ? "standard input" : file;
    }

    /**
     * Opens a CSV file, or standard input for {@code -}, as blocks of rows for a streaming pass, with the options
     * of {@link #csv}. Standard input is read once, parsed from its bytes window by window as a file is, and is not
     * closed.
     *
     * @param file the CSV file, or {@code -}
     * @param stdin standard input, read for {@code -}
     * @param idColumn the id column, or null for the first column
     * @param columns the indicator columns to take, or empty for all
     * @param cost indicators where smaller is better
     * @param targets indicators with a target value
     * @param missing the missing-value policy
     * @param blockRows rows per block
     * @return the blocks, to be closed
     * @throws CliException if the file is missing or cannot be read
     */
    public static CsvBlockReader stream(Path file, java.io.InputStream stdin, String idColumn, List<String> columns,
            List<String> cost, Map<String, Double> targets, MissingValuePolicy missing, int blockRows) {
        if (isStandardInput(file)) {
            try {
                // parsed from its bytes window by window, as a file is (the stream is not closed)
                return reader(idColumn, columns, cost, targets, missing).withThreads(streamThreads())
                    .stream(stdin, "standard input", blockRows);
            } catch (java.io.UncheckedIOException e) {
                throw new CliException("standard input: cannot read: %s", e.getCause().getMessage());
            } catch (IllegalArgumentException e) {
                String m = String.valueOf(e.getMessage());
                if (m.startsWith("standard input")) {
                    throw e;
                }
                throw new CliException("standard input: %s", m);
            }
        }
        return stream(file, idColumn, columns, cost, targets, missing, blockRows);
    }

    /** Threads a streaming pass parses with. */
    private static int streamThreads() {
        return Math.max(1, Math.min(STREAM_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    private static CsvBlockReader stream(Path file, String idColumn, List<String> columns, List<String> cost,
            Map<String, Double> targets, MissingValuePolicy missing, int blockRows) {
        if (!Files.isRegularFile(file)) {
            throw new CliException("%s: file not found", file);
        }
        // the file is parsed window by window in parallel parts: the same blocks for every thread count
        CsvTableReader reader = reader(idColumn, columns, cost, targets, missing).withThreads(streamThreads());
        try {
            return reader.stream(file, blockRows);
        } catch (java.io.UncheckedIOException e) {
            throw new CliException("%s: cannot read: %s", file, e.getCause().getMessage());
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains(file.toString())) {
                throw e;
            }
            throw new CliException("%s: %s", file, m);
        }
    }

    /**
     * Fails early, in one line, when a file is too large for the heap to hold as a table, instead of running
     * into an out-of-memory error part way (the estimate is {@link HeapCheck}'s).
     *
     * @param file the CSV file
     * @param advice what to do instead, named in the message
     * @throws CliException if the estimate exceeds the heap's maximum size
     */
    public static void checkFitsInMemory(Path file, String advice) {
        HeapCheck.csv(file, advice);
    }

    /**
     * Weights for a table: from a JSON file (a {@code weights} object, or an AHP matrix or hierarchy whose leaf
     * global weights are used), from {@code name=value} pairs (rescaled to sum 1), or equal.
     *
     * @param table the table the weights apply to
     * @param file a weights or AHP file, or null
     * @param pairs name=value pairs, possibly empty
     * @return weights aligned with nothing yet; callers align them to the table
     * @throws CliException for a bad file or a name that is not an indicator
     */
    public static Weights weights(IndicatorTable table, Path file, Map<String, Double> pairs) {
        Weights w;
        if (file != null) {
            w = WeightsFile.read(file);
            check(table, w, file.toString());
        } else if (!pairs.isEmpty()) {
            w = Weights.normalised(pairs);
            check(table, w, "option --weight");
        } else {
            w = Weights.equal(table);
        }
        return w;
    }

    private static void check(IndicatorTable table, Weights w, String where) {
        for (String n : w.names()) {
            if (!table.contains(n)) {
                throw new CliException("%s: weight '%s' is not a column of the data (columns: %s)", where, n,
                    String.join(", ", table.indicatorNames()));
            }
        }
        for (String n : table.indicatorNames()) {
            if (!w.names().contains(n)) {
                throw new CliException("%s: no weight for column '%s'", where, n);
            }
        }
    }
}
