package org.powercx.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.ahp.Ahp;
import org.powercx.core.CsvReadResult;
import org.powercx.core.IndicatorTable;
import org.powercx.core.MissingValuePolicy;
import org.powercx.core.Weights;
import org.powercx.satisfaction.PathModel;
import org.powercx.io.FileFormatException;
import org.powercx.io.Json;
import org.powercx.io.AhpHierarchyFile;
import org.powercx.io.PlsModelFile;

/**
 * Fuzzes every reader of a user file: the JSON tree, the AHP matrix and hierarchy file, the PLS model file, the
 * weights file, the cohorts file and the CSV tables. Any byte sequence either reads to a valid object or raises
 * {@link CliException} (for CSV files, core's {@code CoreException}) whose message is one non-blank line naming
 * the file; the commands then exit with status 0,
 * or 1 and one line on standard error that is never an internal error. Anything else (a NullPointerException, a
 * ClassCastException, a Jackson or ahp exception leaking, a StackOverflowError on deep nesting, an
 * out-of-memory error or a hang) fails the test.
 *
 * <p>In a normal test run each target replays its committed corpus under {@code InputFuzzTestInputs/<method>};
 * with {@code JAZZER_FUZZ=1} it fuzzes for as long as {@code -Djazzer.max_duration} allows.
 */
class InputFuzzTest {
    @TempDir
    static Path dir;

    private static final Path CUSTOMERS = Cli.doc("docs/examples/customers.csv");
    private static final Path SURVEY = Cli.doc("docs/examples/satisfaction.csv");

    /** The customer table the weights files are checked against. */
    private static IndicatorTable customers;

    @FuzzTest(maxDuration = "30s")
    void jsonFile(byte[] data) {
        Path f = write("fuzz.json", data);
        Json root;
        try {
            root = Json.read(f);
        } catch (FileFormatException e) {
            expectOneLine(e, f);
            return;
        }
        visit(root, f, 0);
    }

    @FuzzTest(maxDuration = "30s")
    void ahpFile(byte[] data) {
        Path f = write("ahp.json", data);
        AhpHierarchyFile h;
        try {
            h = AhpHierarchyFile.read(f, Ahp.withDefaults());
        } catch (FileFormatException e) {
            expectOneLine(e, f);
            return;
        }
        check(h.globalWeights(), "global weights");
        double cr = h.consistencyRatio();
        if (!(cr >= 0) || !Double.isFinite(cr)) {
            throw new AssertionError("consistency ratio " + cr);
        }
        if (h.nodes().isEmpty()) {
            throw new AssertionError("no nodes");
        }
        for (AhpHierarchyFile.Node n : h.nodes()) {
            double sum = 0;
            for (double w : n.localWeights()) {
                if (!(w >= 0 && w <= 1)) {
                    throw new AssertionError("node " + n.name() + ": local weight " + w);
                }
                sum += w;
            }
            if (Math.abs(sum - 1) > 1e-9) {
                throw new AssertionError("node " + n.name() + ": local weights sum to " + sum);
            }
        }
        expectCommand(f, "ahp", f.toString());
    }

    @FuzzTest(maxDuration = "30s")
    void plsModelFile(byte[] data) {
        Path f = write("model.json", data);
        PathModel m;
        try {
            m = PlsModelFile.read(f);
        } catch (FileFormatException e) {
            expectOneLine(e, f);
            return;
        }
        if (m.constructCount() < 1 || m.indicatorNames().isEmpty()) {
            throw new AssertionError("empty model accepted: " + m);
        }
        if (SURVEY_COLUMNS.containsAll(m.indicatorNames())) {
            // only models over the survey's columns can be estimated; the others fail on the first lookup
            expectCommand(f, "pls", f.toString(), SURVEY.toString());
        }
    }

    @FuzzTest(maxDuration = "30s")
    void weightsFile(byte[] data) {
        Path f = write("weights.json", data);
        Weights w;
        try {
            w = Inputs.weights(table(), f, Map.of());
        } catch (CliException | FileFormatException e) {
            expectOneLine(e, f);
            return;
        }
        check(w, "weights");
        double[] aligned = w.alignTo(table());
        if (aligned.length != table().indicatorCount()) {
            throw new AssertionError("weights do not cover the table");
        }
    }

    @FuzzTest(maxDuration = "30s")
    void cohortFile(byte[] data) {
        Path f = write("cohorts.json", data);
        expectCommand(f, "clv", "cohort", f.toString());
    }

    @FuzzTest(maxDuration = "30s")
    void csvFile(byte[] data) {
        Path f = write("data.csv", data);
        for (MissingValuePolicy policy : MissingValuePolicy.values()) {
            try {
                CsvReadResult r = Inputs.csv(f, null, List.of(), List.of(), Map.of(), policy);
                IndicatorTable t = r.table();
                for (int j = 0; j < t.indicatorCount(); j++) {
                    for (double v : t.column(j)) {
                        if (!Double.isFinite(v)) {
                            throw new AssertionError("non-finite value accepted: " + v);
                        }
                    }
                }
            } catch (CliException | IllegalArgumentException e) {
                // Inputs.csv passes on core's CoreException, which names the file, line and column
                expectOneLine(e, f);
            }
        }
        expectCommand(f, "gra", f.toString());
    }

    private static final List<String> SURVEY_COLUMNS = List.of("imag1", "imag2", "imag3", "imag4", "imag5",
        "expe1", "expe2", "expe3", "expe4", "expe5", "qual1", "qual2", "qual3", "qual4", "qual5", "val1", "val2",
        "val3", "val4", "sat1", "sat2", "sat3", "sat4", "loy1", "loy2", "loy3", "loy4");

    private static IndicatorTable table() {
        if (customers == null) {
            customers = Inputs.csv(CUSTOMERS, null, List.of(), List.of(), Map.of(), MissingValuePolicy.REJECT)
                .table();
        }
        return customers;
    }

    private static Path write(String name, byte[] data) {
        Path f = dir.resolve(name);
        try {
            Files.write(f, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    /** Calls every accessor on every value of the tree: each returns a valid answer or a one-line error. */
    private static void visit(Json j, Path f, int depth) {
        if (depth > Json.MAX_DEPTH) {
            throw new AssertionError("nesting deeper than the limit was accepted");
        }
        if (j.line() < 1 || !j.file().equals(f.toString())) {
            throw new AssertionError("bad position " + j.file() + ":" + j.line());
        }
        try {
            double v = j.number();
            if (!Double.isFinite(v)) {
                throw new AssertionError("non-finite number " + v + " at " + j.path());
            }
        } catch (FileFormatException e) {
            expectOneLine(e, f);
        }
        try {
            int v = j.integer(-5, 5);
            if (v < -5 || v > 5) {
                throw new AssertionError("integer out of bounds " + v);
            }
        } catch (FileFormatException e) {
            expectOneLine(e, f);
        }
        try {
            if (j.text().isBlank()) {
                throw new AssertionError("blank text accepted");
            }
        } catch (FileFormatException e) {
            expectOneLine(e, f);
        }
        try {
            j.bool();
        } catch (FileFormatException e) {
            expectOneLine(e, f);
        }
        try {
            j.numbers();
        } catch (FileFormatException e) {
            expectOneLine(e, f);
        }
        try {
            j.texts();
        } catch (FileFormatException e) {
            expectOneLine(e, f);
        }
        try {
            j.allowOnly("criteria", "weights");
        } catch (FileFormatException e) {
            expectOneLine(e, f);
        }
        try {
            j.get("criteria");
        } catch (FileFormatException e) {
            expectOneLine(e, f);
        }
        if (j.isObject()) {
            for (String name : j.fieldNames()) {
                if (j.has(name)) {
                    visit(j.get(name), f, depth + 1);
                }
            }
        } else if (j.isArray()) {
            for (Json item : j.items()) {
                visit(item, f, depth + 1);
            }
        }
    }

    private static void check(Weights w, String what) {
        double sum = 0;
        for (double v : w.values()) {
            if (!(v >= 0 && v <= 1)) {
                throw new AssertionError(what + ": weight " + v + " in " + w.asMap());
            }
            sum += v;
        }
        if (w.names().isEmpty() || Math.abs(sum - 1) > 1e-9) {
            throw new AssertionError(what + ": weights sum to " + sum + ": " + w.asMap());
        }
    }

    /** The documented error: one non-blank line that names the file. */
    static void expectOneLine(RuntimeException e, Path f) {
        String m = e.getMessage();
        if (m == null || m.isBlank() || m.indexOf('\n') >= 0 || m.indexOf('\r') >= 0) {
            throw new AssertionError("not a one-line message: " + m, e);
        }
        if (!m.contains(f.toString())) {
            throw new AssertionError("message does not name the file: " + m, e);
        }
    }

    /** The command exits with 0, or with 1 and one line on standard error that names the file. */
    private static void expectCommand(Path f, String... args) {
        Cli r = Cli.run(args);
        if (r.status == 0) {
            return;
        }
        String err = r.err.strip();
        // the prefix Main gives to unexpected exceptions (a field name may contain the same words)
        boolean internal = err.startsWith("powercx " + args[0] + ": internal error (")
            || err.startsWith("powercx " + args[args.length - 2] + ": internal error (");
        if (r.status != 1 || err.isEmpty() || err.lines().count() != 1 || internal
                || !err.contains(f.getFileName().toString())) {
            throw new AssertionError("command " + String.join(" ", args) + ":\n" + r);
        }
    }
}
