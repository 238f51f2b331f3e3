package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Damaged versions of the example files (truncated, or with one character replaced, from a fixed seed) must
 * either work or give exit status 1 and one line on standard error: never a stack trace or an internal error.
 */
class MalformedInputTest {
    @TempDir
    Path dir;

    private static final List<String> REPLACEMENTS = List.of("", "x", "\"", "-", "0", "]", "}", ",", "{", "/",
        "1e999", "null", "\"1/0\"");

    @ParameterizedTest
    @CsvSource({"docs/examples/ahp-hierarchy.json, ahp", "docs/examples/ahp-matrix.json, ahp",
        "docs/examples/cohorts.json, clv cohort", "docs/examples/pls-model.json, pls",
        "docs/examples/weights.json, gra", "docs/examples/customers.csv, gra"})
    void damagedFilesGiveOneLineErrors(String example, String command) throws IOException {
        String text = Files.readString(Cli.doc(example), StandardCharsets.UTF_8);
        SplittableRandom random = new SplittableRandom(20261123L);
        String name = Path.of(example).getFileName().toString();
        for (int trial = 0; trial < 20; trial++) {
            String damaged;
            if (trial % 4 == 0) {
                damaged = text.substring(0, random.nextInt(text.length()));
            } else {
                int at = random.nextInt(text.length());
                damaged = text.substring(0, at) + REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size()))
                    + text.substring(at + 1);
            }
            Path f = dir.resolve(name);
            Files.writeString(f, damaged, StandardCharsets.UTF_8);
            Cli r = run(command, f);
            assertThat(r.status).as(damaged + "\n" + r).isIn(0, 1);
            if (r.status == 1) {
                assertThat(r.err.strip().lines().count()).as(r.err).isEqualTo(1);
                assertThat(r.err).as(damaged).startsWith("powercx ").contains(name)
                    .doesNotContain("internal error").doesNotContain("Exception");
            }
        }
    }

    private static Cli run(String command, Path f) {
        switch (command) {
            case "ahp":
                return Cli.run("ahp", f.toString());
            case "clv cohort":
                return Cli.run("clv", "cohort", f.toString());
            case "pls":
                return Cli.run("pls", f.toString(), Cli.doc("docs/examples/satisfaction.csv").toString());
            default:
                if (f.toString().endsWith(".csv")) {
                    return Cli.run("gra", f.toString());
                }
                return Cli.run("gra", Cli.doc("docs/examples/customers.csv").toString(), "--weights", f.toString());
        }
    }
}
