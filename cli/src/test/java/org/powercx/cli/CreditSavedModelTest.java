package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.io.CreditModelFile;

/** {@code credit fit --save} then {@code credit score --model}: the same scores as fitting and scoring at once. */
class CreditSavedModelTest {
    private static final String CSV = Cli.doc("docs/examples/credit.csv").toString();

    @TempDir
    Path dir;

    /** The example's customers without the label, columns in another order, every third row. */
    private Path newCustomers() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(CSV), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i == 0 || i % 3 == 0) {
                String[] f = lines.get(i).split(",");
                out.add(String.join(",", f[0], f[6], f[5], f[4], f[3], f[2], f[1]));
            }
        }
        Path file = dir.resolve("new.csv");
        Files.write(file, out, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void savedModelScoresLikeFittingAndScoringAtOnce() throws IOException {
        Path model = dir.resolve("model.json");
        Cli fit = Cli.run("credit", "fit", CSV, "--shrinkage", "0.1", "--target-rates", "0.02,0.05,0.1,0.3",
            "--save", model.toString());
        assertThat(fit.status).as(fit.toString()).isZero();
        assertThat(CreditModelFile.read(model).grades().names()).containsExactly("AAA", "AA", "A", "B", "C");
        Path fresh = newCustomers();
        for (String format : List.of("json", "csv", "text")) {
            Cli once = Cli.run("credit", "score", CSV, "--shrinkage", "0.1", "--target-rates", "0.02,0.05,0.1,0.3",
                "--data", fresh.toString(), "-f", format);
            Cli saved = Cli.run("credit", "score", "--model", model.toString(), fresh.toString(), "-f", format);
            assertThat(once.status).as(once.toString()).isZero();
            assertThat(saved.status).as(saved.toString()).isZero();
            assertThat(saved.out).isEqualTo(once.out);
        }
        Path out = dir.resolve("scores.csv");
        Cli toFile = Cli.run("credit", "score", "--model", model.toString(), CSV, "-f", "csv", "-o", out.toString());
        assertThat(toFile.status).as(toFile.toString()).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8))
            .isEqualTo(Cli.run("credit", "score", CSV, "--shrinkage", "0.1", "--target-rates", "0.02,0.05,0.1,0.3",
                "-f", "csv").out);
    }

    @Test
    void badModelFilesGetOneLineNamingFileAndFieldAndWriteNothing() throws IOException {
        Path model = dir.resolve("model.json");
        assertThat(Cli.run("credit", "fit", CSV, "--save", model.toString()).status).isZero();
        String text = Files.readString(model, StandardCharsets.UTF_8);
        Path bad = dir.resolve("bad.json");
        Path out = dir.resolve("out.csv");
        for (String[] edit : new String[][] {
            {"\"priors\"", "\"prior\"", "prior"},
            {"\"credit-model\"", "\"grey-relational-model\"", "kind"},
            {"\"version\" : 1", "\"version\" : 9", "version"},
            {"\"shrinkageIntensity\" : 0.0", "\"shrinkageIntensity\" : 1e400", "shrinkageIntensity"}}) {
            Files.writeString(bad, text.replace(edit[0], edit[1]), StandardCharsets.UTF_8);
            Cli r = Cli.run("credit", "score", "--model", bad.toString(), CSV, "-o", out.toString());
            assertThat(r.status).as(r.toString()).isNotZero();
            assertThat(r.err.strip()).as(edit[2]).contains(bad.toString()).contains(edit[2]).doesNotContain("\n");
            assertThat(out).doesNotExist();
        }
        Files.writeString(bad, text.substring(0, text.length() / 3), StandardCharsets.UTF_8);
        Cli truncated = Cli.run("credit", "score", "--model", bad.toString(), CSV, "-o", out.toString());
        assertThat(truncated.status).isNotZero();
        assertThat(truncated.err.strip()).contains(bad.toString()).doesNotContain("\n");
        assertThat(out).doesNotExist();
        Path missing = dir.resolve("missing.csv");
        Files.writeString(missing, "customer_id,on_time_payment_rate\nC1,0.9\n", StandardCharsets.UTF_8);
        Cli column = Cli.run("credit", "score", "--model", model.toString(), missing.toString(), "-o",
            out.toString());
        assertThat(column.status).isNotZero();
        assertThat(column.err.strip()).contains("arrears_count").doesNotContain("\n");
        assertThat(out).doesNotExist();
        Cli mixed = Cli.run("credit", "score", "--model", model.toString(), CSV, "--cutoffs", "1,2,3,4");
        assertThat(mixed.status).isNotZero();
        assertThat(mixed.err).contains("--model");
    }
}
