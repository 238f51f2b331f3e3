package org.powercx.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes whole command lines: a command with its example input files (or a fuzzed file, or a missing one), then
 * up to eight options drawn from the command's own options and a few foreign ones, each with a value drawn from
 * numbers at and beyond every documented bound ({@code --bootstrap 1000000000}, {@code --top -1}, {@code 1e-400},
 * {@code 2147483648}), words, enum names and fuzzed text. Every command line exits with status 0; or with 1 and
 * one line on standard error that is not an internal error; or with 2 (a usage error) and that line followed by
 * the hint to {@code --help}. A stack trace, a second line, an internal error, an out-of-memory error or a hang
 * fails.
 *
 * <p>In a normal test run the committed corpus under {@code CommandFuzzTestInputs/wholeCommands} is replayed; with
 * {@code JAZZER_FUZZ=1} it fuzzes for as long as {@code -Djazzer.max_duration} allows.
 */
class CommandFuzzTest {
    @TempDir
    static Path dir;

    private static final String[][] COMMANDS = {
        {"gra", "@docs/examples/customers.csv"},
        {"ahp", "@docs/examples/ahp-matrix.json"},
        {"ahp", "@docs/examples/ahp-inconsistent.json"},
        {"ahp", "@docs/examples/ahp-hierarchy.json"},
        {"pls", "@docs/examples/pls-model.json", "@docs/examples/satisfaction.csv"},
        {"clv", "discounted", "@docs/examples/margins.csv", "--margin", "annual_margin", "--retention", "retention",
            "--rate", "0.08"},
        {"clv", "cohort", "@docs/examples/cohorts.json"},
        {"credit", "fit", "@docs/examples/credit.csv"},
        {"credit", "validate", "@docs/examples/credit.csv"},
        {"credit", "grade", "@docs/examples/credit.csv"},
    };

    private static final String[][] OPTIONS = {
        {"--top", "--rho", "--weight", "--weights", "--cost", "--target", "--columns", "--id", "--missing",
            "--contributions", "--threads"},
        {"--repair", "--random-index", "--method", "--max-iterations", "--tolerance", "--threshold"},
        {"--repair", "--random-index", "--method", "--threshold"},
        {"--repair", "--random-index", "--method"},
        {"--bootstrap", "--seed", "--threads", "--scheme", "--scaling", "--missing", "--max-iterations",
            "--tolerance", "--report"},
        {"--horizon", "--timing", "--margin", "--retention", "--rate", "--id"},
        {"--periods", "--counts", "--horizon", "--rate"},
        {"--label", "--shrinkage", "--columns", "--priors", "--missing"},
        {"--label", "--folds", "--seed", "--shrinkage", "--roc"},
        {"--label", "--cutoffs", "--quantiles", "--target-rates", "--mean-cutoffs"},
    };

    private static final String[] FOREIGN = {"-f", "-o", "--format", "--output", "--help", "--version", "--", "-x",
        "--bootstrap", "--top"};

    /** Options that write a file: their value is a path under the temporary directory. */
    private static final java.util.Set<String> WRITES = java.util.Set.of("-o", "--output", "--report", "--save");

    private static final String[] VALUES = {"0", "1", "2", "3", "-1", "12", "0.5", "1.5", "-0.0", "1e-400", "1e999",
        "NaN", "Infinity", "1000000000", "2147483648", "2147483647", "-2147483648", "1000001", "0x1p1", "2d", "",
        " ", "x", "a,b", "1,2,3", "0.1,0.2", "json", "csv", "text", "alonso-lamata", "saaty", "eigenvector",
        "geometric-mean", "path", "factorial", "centroid", "standardised", "ledoit-wolf", "reject", "column-mean",
        "drop-row", "start", "end", "annual_margin", "retention", "defaulted", "kwh=1", "annual_kwh",
        "annual_kwh=2,fee_revenue=1", "customer_id", "@missing"};

    @FuzzTest(maxDuration = "30s")
    void wholeCommands(FuzzedDataProvider data) {
        int c = data.consumeInt(0, COMMANDS.length - 1);
        List<String> args = new ArrayList<>();
        for (String token : COMMANDS[c]) {
            if (token.startsWith("@")) {
                int kind = data.consumeInt(0, 9);
                args.add(kind == 0 ? dir.resolve("absent.csv").toString()
                    : kind == 1 ? fuzzedFile(data, token) : Cli.doc(token.substring(1)).toString());
            } else {
                args.add(token);
            }
        }
        int options = data.consumeInt(0, 8);
        for (int k = 0; k < options; k++) {
            String option = data.consumeInt(0, 5) == 0 ? data.pickValue(FOREIGN) : data.pickValue(OPTIONS[c]);
            args.add(option);
            if (data.consumeInt(0, 7) > 0) {
                args.add(WRITES.contains(option) ? output(data) : value(data));
            }
        }
        String[] line = args.toArray(new String[0]);
        Cli r = Cli.run(line);
        expect(r, line);
    }

    private static String value(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 5)) {
            case 0:
                return data.consumeString(12);
            case 1:
                return Integer.toString(data.consumeInt(-3, 50));
            case 2:
                return dir.resolve("out-" + data.consumeInt(0, 3) + (data.consumeBoolean() ? ".html" : ".csv"))
                    .toString();
            default:
                String v = data.pickValue(VALUES);
                return v.equals("@missing") ? dir.resolve("no/such/dir/file.csv").toString() : v;
        }
    }

    /** Where an output option writes: always under the temporary directory, never the working directory. */
    private static String output(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 3)) {
            case 0:
                return dir.toString();
            case 1:
                return dir.resolve("no/such/dir/file.csv").toString();
            case 2:
                return dir.resolve("f" + data.consumeString(12).replaceAll("[^A-Za-z0-9._-]", "_")).toString();
            default:
                return dir.resolve("out-" + data.consumeInt(0, 3) + (data.consumeBoolean() ? ".html" : ".csv"))
                    .toString();
        }
    }

    private static String fuzzedFile(FuzzedDataProvider data, String token) {
        Path f = dir.resolve("fuzzed" + token.substring(token.lastIndexOf('.')));
        try {
            Files.write(f, data.consumeBytes(data.consumeInt(0, 4096)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f.toString();
    }

    /** Status 0; 1 with one line; or 2 with one line and the help hint. Never an internal error. */
    static void expect(Cli r, String[] line) {
        if (r.status == 0) {
            return;
        }
        List<String> err = r.err.strip().lines().toList();
        // the tool's own marker right after "powercx <command>: ", not the same words quoted from a fuzzed file
        String first = err.isEmpty() ? "" : err.get(0);
        int colon = first.indexOf(": ");
        boolean internal = colon >= 0 && first.startsWith("internal error (", colon + 2);
        boolean ok = !err.isEmpty() && !first.isBlank() && !internal
            && (r.status == 1 && err.size() == 1
                || r.status == 2 && err.size() == 2 && err.get(1).startsWith("Try 'powercx"));
        if (!ok) {
            throw new AssertionError("powercx " + String.join(" ", line) + "\n" + r);
        }
    }
}
