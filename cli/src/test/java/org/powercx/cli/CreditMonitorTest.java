package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code credit monitor}: stability of scores, grades and indicators, and grade migration, under a saved model. */
class CreditMonitorTest {
    private static final String CSV = Cli.doc("docs/examples/credit.csv").toString();

    @TempDir
    Path dir;

    /** The example's header and the data rows (0-based) the predicate keeps. */
    private Path rows(String name, IntPredicate keep) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(CSV), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        for (int i = 1; i < lines.size(); i++) {
            if (keep.test(i - 1)) {
                out.add(lines.get(i));
            }
        }
        Path file = dir.resolve(name);
        Files.write(file, out, StandardCharsets.UTF_8);
        return file;
    }

    private Path model() {
        Path model = dir.resolve("model.json");
        Cli fit = Cli.run("credit", "fit", CSV, "--save", model.toString());
        assertThat(fit.status).as(fit.toString()).isZero();
        return model;
    }

    @Test
    void theSameCustomersAreStableAndKeepTheirGrades() {
        Cli r = Cli.run("credit", "monitor", CSV, CSV, "--model", model().toString());
        assertThat(r.status).as(r.toString()).isZero();
        assertThat(r.out).contains("score bins").contains("characteristic stability").contains("grade migration")
            .contains("600 customers in both files: 1 unchanged, 0 improved, 0 deteriorated");
        assertThat(r.out.lines().filter(l -> l.matches("scores\\s+0\\s+stable"))).hasSize(1);
        assertThat(r.out.lines().filter(l -> l.matches("grades\\s+0\\s+stable"))).hasSize(1);
    }

    @Test
    void aBatchOfDefaultersIsAMajorShiftAndOverlapGivesTheMigration() throws IOException {
        Path base = rows("base.csv", i -> i < 400);
        List<String> lines = Files.readAllLines(Path.of(CSV), StandardCharsets.UTF_8);
        List<Integer> defaulters = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).endsWith(",1")) {
                defaulters.add(i - 1);
            }
        }
        Path batch = rows("batch.csv", defaulters::contains);
        Cli r = Cli.run("credit", "monitor", base.toString(), batch.toString(), "--model", model().toString(),
            "-f", "csv");
        assertThat(r.status).as(r.toString()).isZero();
        assertThat(r.out).contains("scores,").contains("major shift");
        long inBoth = defaulters.stream().filter(i -> i < 400).count();
        assertThat(r.out).contains(inBoth + " customers in both files: 1 unchanged");
        Cli disjoint = Cli.run("credit", "monitor", base.toString(), rows("late.csv", i -> i >= 400).toString(),
            "--model", model().toString());
        assertThat(disjoint.status).as(disjoint.toString()).isZero();
        assertThat(disjoint.out).contains("No customer id is in both files");
    }

    @Test
    void badInputGetsOneLineWithTheCommandPrefix() throws IOException {
        Path model = model();
        Cli noModel = Cli.run("credit", "monitor", CSV, CSV);
        assertThat(noModel.status).isEqualTo(2);
        assertThat(noModel.err).startsWith("powercx credit monitor: ").contains("--model");
        Cli bins = Cli.run("credit", "monitor", CSV, CSV, "--model", model.toString(), "--bins", "1");
        assertThat(bins.status).isEqualTo(1);
        assertThat(bins.err.strip()).isEqualTo("powercx credit monitor: option --bins: bins must lie in [2, 1000], "
            + "got 1");
        Cli eps = Cli.run("credit", "monitor", CSV, CSV, "--model", model.toString(), "--epsilon", "0");
        assertThat(eps.err.strip()).startsWith("powercx credit monitor: option --epsilon: epsilon");
        List<String> lines = Files.readAllLines(Path.of(CSV), StandardCharsets.UTF_8);
        List<String> cut = new ArrayList<>();
        for (String l : lines) {
            cut.add(l.substring(0, l.lastIndexOf(',', l.lastIndexOf(',') - 1)));
        }
        Path lacking = dir.resolve("lacking.csv");
        Files.write(lacking, cut, StandardCharsets.UTF_8);
        Cli missing = Cli.run("credit", "monitor", CSV, lacking.toString(), "--model", model.toString());
        assertThat(missing.status).isEqualTo(1);
        assertThat(missing.err.strip()).startsWith("powercx credit monitor: ").contains("lacking.csv")
            .contains("social_credit_score").doesNotContain("\n");
    }
}
