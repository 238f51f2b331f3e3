package org.powercx.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.powercx.core.CsvReadResult;
import org.powercx.core.IndicatorTable;
import org.powercx.core.MissingValuePolicy;
import org.powercx.core.Weights;
import org.powercx.grey.GreyRelationalAnalysis;
import org.powercx.grey.GreyRelationalResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code powercx gra}: weighted grey relational grades and ranking of the customers in a CSV file.
 *
 * @since 0.1.0
 */
@Command(name = "gra", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Grey relational analysis: each customer's weighted grade against the ideal customer, "
        + "and the ranking.", "Columns are benefit indicators unless named by --cost or --target."})
final class GraCommand extends Base {
    @Parameters(paramLabel = "CSV", arity = "0..1",
        description = "Customers: an id column and one column per indicator (or --jdbc with --query); with "
            + "--stream, - reads standard input.")
    private Path file;

    @picocli.CommandLine.Mixin
    private DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--id", paramLabel = "COLUMN", description = "Id column (default: the first column).")
    private String id;

    @Option(names = "--no-id", description = Inputs.NO_ID_HELP)
    private boolean noId;

    /** The id column option as the readers take it: null for the first column. */
    private String idColumn() {
        return Inputs.idColumn(id, noId);
    }

    @Option(names = "--columns", paramLabel = "NAME,...", description = "Indicator columns to use.")
    private String columnsText;

    @Option(names = "--cost", paramLabel = "NAME,...", description = "Indicators where smaller is better.")
    private String costText;

    @Option(names = "--target", paramLabel = "NAME=VALUE,...",
        description = "Indicators best at a target value.")
    private String targetsText;

    @Option(names = "--weights", paramLabel = "JSON",
        description = "Weights file, or an AHP matrix/hierarchy file whose leaf weights are used.")
    private Path weightsFile;

    @Option(names = "--weight", paramLabel = "NAME=VALUE,...",
        description = "Weights given inline (rescaled to sum 1). Default: equal weights.")
    private String weightPairsText;

    @Option(names = "--rho", paramLabel = "RHO", defaultValue = "0.5",
        description = "Distinguishing coefficient in (0, 1] (default: ${DEFAULT-VALUE}).")
    private double rho;

    @Option(names = "--missing", paramLabel = "POLICY", defaultValue = "REJECT",
        description = "Missing cells: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private MissingValuePolicy missing;

    @Option(names = "--top", paramLabel = "N", description = "Print only the N best customers.")
    private Integer top;

    @Option(names = "--contributions", description = "Also print each indicator's contribution to each grade.")
    private boolean contributions;

    @Option(names = "--report", paramLabel = "HTML", description = "Also write an HTML report with charts.")
    private Path report;

    @Option(names = "--save", paramLabel = "JSON", description = "Also save the fitted model to this file.")
    private Path save;

    @Option(names = "--model", paramLabel = "JSON",
        description = "Score with a saved model instead of fitting one (its indicators, weights and rho).")
    private Path model;

    @Option(names = "--stream", description = {"Read the file in blocks in bounded memory, for files larger than "
        + "the heap: a statistics pass that also spools the parsed rows to a temporary file (see --spool-dir), then "
        + "a scoring pass over the spool; writes id,grade as CSV in file order, or with --top N the N best "
        + "customers. The grades equal those of the in-memory run. The file - is standard input, read once and "
        + "spooled."})
    private boolean stream;

    @Option(names = "--spool-dir", paramLabel = "DIR", description = {"With --stream: where the first pass spools "
        + "the parsed rows (ids and values in binary, about 8 bytes per indicator plus twice the id length plus 4 "
        + "per row: 1.4 GB for 10^7 rows of 16 indicators) for the second pass to read instead of parsing the file "
        + "again. The file is deleted at the end. Default: the system's temporary directory (java.io.tmpdir). "
        + "Before reading a file the command estimates the spool from the file's first 256 KB scaled to its size "
        + "and refuses if the directory's free space is below 80%% of that estimate."})
    private Path spoolDirectory;

    @Option(names = "--no-spool", description = "With --stream: parse the file twice instead of spooling it "
        + "(no temporary disk space, more CPU time); not for standard input, which can be read only once.")
    private boolean noSpool;

    /** Rows per block of the streaming passes. */
    static final int STREAM_BLOCK = 16_384;

    /** Creates the command; picocli calls it. */
    public GraCommand() {
        // picocli instantiates the command
    }

    @Override
    public Integer call() throws Exception {
        boolean fromDatabase = database.inUse(file);
        if (!stream) {
            if (spoolDirectory != null || noSpool) {
                throw new CliException("option %s: applies to --stream only",
                    spoolDirectory != null ? "--spool-dir" : "--no-spool");
            }
            return super.call();
        }
        if (spoolDirectory != null && noSpool) {
            throw new CliException("option --no-spool: cannot be combined with --spool-dir");
        }
        if (fromDatabase) {
            throw new CliException("option --stream: streams a CSV file; it cannot be combined with --jdbc");
        }
        if (noSpool && Inputs.isStandardInput(file)) {
            throw new CliException("option --no-spool: parses the input twice, but standard input (-) can be read "
                + "only once; spool it, or give a file");
        }
        if (top != null && top < 1) {
            throw new CliException("option --top: must be at least 1 but was %d", top);
        }
        if (model != null || save != null) {
            throw new CliException("option --stream: fits and scores in two passes; it cannot be combined with %s",
                model != null ? "--model" : "--save");
        }
        if (contributions || report != null || format == Format.JSON) {
            throw new CliException("option --stream: writes id,grade as CSV; it cannot be combined with %s",
                contributions ? "--contributions" : report != null ? "--report" : "--format json");
        }
        GreyRelationalAnalysis gra = analysis();
        if (output != null) {
            try {
                org.powercx.core.internal.AtomicFiles.write(output, out -> GraStream.run(this, gra, out));
            } catch (java.io.IOException e) {
                throw new CliException("%s: cannot write: %s", output, e.getMessage());
            }
        } else {
            java.io.PrintWriter out = spec.commandLine().getOut();
            GraStream.run(this, gra, out);
            out.flush();
        }
        return 0;
    }

    private GreyRelationalAnalysis analysis() {
        return Checked.option("--rho", () -> GreyRelationalAnalysis.withDefaults().withDistinguishingCoefficient(rho));
    }

    Path file() {
        return file;
    }

    /** How messages name the input: the file, or standard input. */
    Object source() {
        return Inputs.source(file);
    }

    Integer top() {
        return top;
    }

    /** The directory of the streaming passes' spool, or null for none (--no-spool). */
    Path spoolDirectory() {
        if (noSpool) {
            return null;
        }
        return spoolDirectory != null ? spoolDirectory : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Opens the blocks of the file (or of standard input) with the command's column options. */
    org.powercx.core.CsvBlockReader blocks() {
        return Inputs.stream(file, standardInput(), idColumn(), columns(), cost(), targets(), missing, STREAM_BLOCK);
    }

    /** A reader with the command's column options, for the spool's estimate. */
    org.powercx.core.CsvTableReader reader() {
        return Inputs.reader(idColumn(), columns(), cost(), targets(), missing);
    }

    /** The weights for the indicators of the first block. */
    Weights weights(IndicatorTable first) {
        return Inputs.weights(first, weightsFile, weightPairs());
    }

    @Override
    protected Output compute() {
        Checked.atLeastOne("--top", top);
        boolean fromDatabase = database.url != null;
        CsvReadResult read = null;
        IndicatorTable table;
        if (fromDatabase) {
            table = database.read(idColumn(), columns(), cost(), targets(), missing);
        } else {
            Inputs.checkFitsInMemory(file, "use --stream");
            read = Inputs.csv(file, idColumn(), columns(), cost(), targets(), missing);
            table = read.table();
        }
        Object source = fromDatabase ? "query" : file;
        if (table.rowCount() == 0) {
            throw new CliException("%s: no customer rows", source);
        }
        if (model != null) {
            rejectWithModel();
        }
        Weights w = model != null ? null : Inputs.weights(table, weightsFile, weightPairs());
        GreyRelationalAnalysis gra = analysis();
        GreyRelationalResult r;
        if (model != null) {
            r = GraModels.score(model, table, source);
        } else if (save != null) {
            r = GraModels.fitAndSave(gra, table, w, save, source);
        } else {
            r = Checked.input(source, () -> gra.evaluate(table, w));
        }
        if (report != null) {
            HtmlReport.create("Grey relational analysis: " + (fromDatabase ? "database query" : file.getFileName()))
                .gra(r, top == null ? 20 : top).write(report);
        }
        Output out = describe(r, top, contributions, read);
        if (database.writeTable != null) {
            double[] ranks = new double[r.rowCount()];
            int[] order = r.order();
            for (int k = 0; k < order.length; k++) {
                ranks[order[k]] = k + 1;
            }
            long written = database.write(org.powercx.jdbc.ResultColumns.of(r.ids()).withNumbers("grade", r.grades())
                .withNumbers("rank", ranks));
            out.note("%d rows written to table %s", written, database.writeTable);
        }
        return out;
    }

    private void rejectWithModel() {
        String other = save != null ? "--save" : weightsFile != null ? "--weights" : weightPairsText != null
            ? "--weight" : costText != null ? "--cost" : targetsText != null ? "--target" : Double.compare(rho, 0.5) != 0 ? "--rho" : null;
        if (other != null) {
            throw new CliException("option --model: cannot be combined with %s (the saved model fixes it)", other);
        }
    }

    /**
     * The ranking table of a GRA result.
     *
     * @param r the result
     * @param top how many rows, or null for all
     * @param contributions whether to add the contribution columns
     * @param read the CSV read summary, or null
     * @return the output
     */
    static Output describe(GreyRelationalResult r, Integer top, boolean contributions, CsvReadResult read) {
        Output out = new Output();
        List<String> names = r.indicatorNames();
        List<String> header = new ArrayList<>(List.of("rank", "id", "grade"));
        if (contributions) {
            header.addAll(names);
        }
        out.table("ranking", header.toArray(new String[0]));
        // rows made as they are written, from the ranking's row indices: no per-id lookups, no copy of the ids
        int[] order = r.order();
        List<String> ids = r.ids();
        int n = top == null ? order.length : Math.min(top, order.length);
        // the shown grades too, so that no pass jumps through the table's order
        double[] grades = r.grades();
        double[] rankedGrades = new double[n];
        for (int k = 0; k < n; k++) {
            rankedGrades[k] = grades[order[k]];
        }
        // the shown ids gathered once in rank order: the text is read twice (widths, then lines), each time in order
        List<String> ranked = org.powercx.core.internal.TableIds.select(ids,
            n == order.length ? order : java.util.Arrays.copyOf(order, n));
        // every customer's contributions as one matrix, copied in rank order into one array; a few customers' one
        // by one
        int m = names.size();
        double[] shownParts = contributions && n == order.length && (long) n * m <= Integer.MAX_VALUE - 8
            ? inRankOrder(r.contributions(), order, m) : null;
        int width = header.size();
        out.rows(n, k -> {
            int i = order[k];
            Object[] row = new Object[width];
            row[0] = k + 1;
            row[1] = ranked.get(k);
            row[2] = rankedGrades[k];
            for (int j = 3; j < width; j++) {
                row[j] = shownParts != null ? shownParts[k * m + j - 3]
                    : r.contribution(ids.get(i), names.get(j - 3));
            }
            return row;
        });
        out.table("weights", "indicator", "weight");
        double[] w = r.weights();
        for (int j = 0; j < names.size(); j++) {
            out.row(names.get(j), w[j]);
        }
        out.note("%d customers, %d indicators; rho = %s, Delta-min = %s, Delta-max = %s", r.rowCount(), names.size(),
            num(r.distinguishingCoefficient()), num(r.deltaMin()), num(r.deltaMax()));
        if (read != null && (read.rowsDropped() > 0 || read.cellsFilled() > 0)) {
            out.note("Missing cells: %d rows dropped, %d cells filled with the column mean", read.rowsDropped(),
                read.cellsFilled());
        }
        return out;
    }

    /** The rows of an n x m matrix in the given order, one after another in one array. */
    private static double[] inRankOrder(double[][] rows, int[] order, int m) {
        double[] out = new double[order.length * m];
        for (int k = 0; k < order.length; k++) {
            System.arraycopy(rows[order[k]], 0, out, k * m, m);
        }
        return out;
    }

    private static String num(double v) {
        return org.powercx.core.TextTable.number(v);
    }

    private List<String> columns() {
        return CommaValues.names("--columns", columnsText);
    }

    private List<String> cost() {
        return CommaValues.names("--cost", costText);
    }

    private Map<String, Double> targets() {
        return CommaValues.pairs("--target", targetsText);
    }

    private Map<String, Double> weightPairs() {
        return CommaValues.pairs("--weight", weightPairsText);
    }
}
