package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.io.GreyRelationalModelFile;

/** {@code gra --save} then {@code gra --model}: the saved model scores like fitting in place. */
class GraModelOptionsTest {
    private static final String CSV = Cli.doc("docs/examples/customers.csv").toString();

    @TempDir
    Path dir;

    @Test
    void savedModelScoresLikeFittingInPlace() throws IOException {
        Path model = dir.resolve("model.json");
        Cli inPlace = Cli.run("gra", CSV, "--rho", "0.4", "--contributions", "-f", "csv");
        assertThat(inPlace.status).as(inPlace.toString()).isZero();
        Cli saved = Cli.run("gra", CSV, "--rho", "0.4", "--contributions", "-f", "csv", "--save", model.toString());
        assertThat(saved.status).as(saved.toString()).isZero();
        assertThat(saved.out).isEqualTo(inPlace.out);
        assertThat(Files.readString(model)).contains("\"kind\" : \"grey-relational-model\"");
        assertThat(GreyRelationalModelFile.read(model).distinguishingCoefficient()).isEqualTo(0.4);
        Cli loaded = Cli.run("gra", "--model", model.toString(), CSV, "--contributions", "-f", "csv");
        assertThat(loaded.status).as(loaded.toString()).isZero();
        assertThat(loaded.out).isEqualTo(inPlace.out);
    }

    @Test
    void newCustomersAreScoredAgainstTheCalibration() throws IOException {
        Path model = dir.resolve("model.json");
        assertThat(Cli.run("gra", CSV, "--save", model.toString()).status).isZero();
        // the first three customers only: fitting in place would rescale to their own range, the model does not
        java.util.List<String> lines = Files.readAllLines(Path.of(CSV));
        Path few = dir.resolve("few.csv");
        Files.write(few, lines.subList(0, 4));
        Cli loaded = Cli.run("gra", "--model", model.toString(), few.toString(), "-f", "csv");
        Cli all = Cli.run("gra", "--model", model.toString(), CSV, "-f", "csv");
        assertThat(loaded.status).as(loaded.toString()).isZero();
        for (String line : loaded.out.lines().filter(l -> l.matches("\\d+,.*")).toList()) {
            String id = line.split(",")[1];
            String grade = line.split(",")[2];
            assertThat(all.out.lines().filter(l -> l.matches("\\d+," + id + ",.*")).findFirst().orElseThrow()
                .split(",")[2]).isEqualTo(grade);
        }
    }

    @Test
    void badModelFileGetsOneLineAndWritesNothing() throws IOException {
        Path model = dir.resolve("model.json");
        assertThat(Cli.run("gra", CSV, "--save", model.toString()).status).isZero();
        String text = Files.readString(model);
        Path out = dir.resolve("ranking.csv");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, text.replaceAll("(?m)^  \"deltaMin\" : [^,]*,", "  \"deltaMin\" : 1e999,"));
        Cli r = Cli.run("gra", "--model", bad.toString(), CSV, "-o", out.toString());
        assertThat(r.status).isEqualTo(1);
        assertThat(r.err.strip()).doesNotContain("\n").contains(bad.toString()).contains("field 'deltaMin'");
        assertThat(out).doesNotExist();
        Files.writeString(bad, text.substring(0, text.length() / 3));
        r = Cli.run("gra", "--model", bad.toString(), CSV, "-o", out.toString());
        assertThat(r.status).isEqualTo(1);
        assertThat(r.err.strip()).doesNotContain("\n").contains(bad.toString()).contains("invalid JSON");
        assertThat(out).doesNotExist();
        Files.writeString(bad, text.replace("\"grey-relational-model\"", "\"credit-model\""));
        r = Cli.run("gra", "--model", bad.toString(), CSV, "-o", out.toString());
        assertThat(r.err.strip()).contains(bad.toString()).contains("field 'kind': expected a grey-relational-model "
            + "file but this file holds a credit-model");
        assertThat(out).doesNotExist();
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "id,a,b\nx,1,2\n");
        r = Cli.run("gra", "--model", model.toString(), other.toString(), "-o", out.toString());
        assertThat(r.status).isEqualTo(1);
        assertThat(r.err.strip()).doesNotContain("\n").contains(other.toString()).contains("is missing from the table");
        assertThat(out).doesNotExist();
        r = Cli.run("gra", "--model", model.toString(), CSV, "--weight", "a=1");
        assertThat(r.status).isEqualTo(1);
        assertThat(r.err).contains("option --model: cannot be combined with --weight");
    }
}
