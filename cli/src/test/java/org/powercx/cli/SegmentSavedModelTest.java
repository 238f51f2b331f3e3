package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.segmentation.CustomerModelFile;

/**
 * {@code segment fit --save} then {@code segment apply --model}: on the calibration customers the same table as
 * {@code segment}; new customers scored with the saved cut-offs; bad model files and tables missing a fitted
 * column get one line and write nothing.
 */
class SegmentSavedModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG = Cli.doc("docs/examples/sme/sme-configuration.json").toString();
    private static final String CSV = Cli.doc("docs/examples/sme/sme-customers.csv").toString();

    @TempDir
    Path dir;

    private Path fit() {
        Path model = dir.resolve("model.json");
        Cli fit = Cli.run("segment", "fit", "--config", CONFIG, "--save", model.toString(), CSV);
        assertThat(fit.status).as(fit.toString()).isZero();
        assertThat(fit.out).contains("Model saved to").contains("credit grades");
        return model;
    }

    @Test
    void onTheCalibrationCustomersApplyEqualsSegment() throws IOException {
        Path model = fit();
        assertThat(CustomerModelFile.read(model).inputColumns()).contains("pow_max", "net_margin");
        Cli once = Cli.run("segment", "--config", CONFIG, CSV, "-f", "json");
        Cli saved = Cli.run("segment", "apply", "--model", model.toString(), CSV, "-f", "json");
        assertThat(saved.status).as(saved.toString()).isZero();
        JsonNode a = JSON.readTree(once.out);
        JsonNode b = JSON.readTree(saved.out);
        for (String table : List.of("customers", "service measures", "segments")) {
            assertThat(b.get(table)).as(table).isEqualTo(a.get(table));
        }
        Path out = dir.resolve("scores.csv");
        Cli toFile = Cli.run("segment", "apply", "--model", model.toString(), CSV, "-f", "csv", "-o", out.toString());
        assertThat(toFile.status).as(toFile.toString()).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(
            Cli.run("segment", "apply", "--model", model.toString(), CSV, "-f", "csv").out);
    }

    /** Every fifth customer, without the labels the fit needed, columns reversed. */
    private Path newCustomers(String drop) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(CSV), StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i == 0 || i % 5 == 0) {
                String[] f = lines.get(i).split(",");
                List<String> kept = new ArrayList<>(List.of(f[0]));
                for (int c = f.length - 1; c > 0; c--) {
                    if (!List.of("bad_debt", "churn", drop).contains(header[c])) {
                        kept.add(f[c]);
                    }
                }
                out.add(String.join(",", kept));
            }
        }
        Path file = dir.resolve("new.csv");
        Files.write(file, out, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void newCustomersAreScoredWithTheSavedCutoffs() throws IOException {
        Path model = fit();
        Cli all = Cli.run("segment", "apply", "--model", model.toString(), CSV, "-f", "json");
        Cli some = Cli.run("segment", "apply", "--model", model.toString(), newCustomers("").toString(), "-f",
            "json");
        assertThat(some.status).as(some.toString()).isZero();
        JsonNode a = JSON.readTree(all.out).get("customers");
        JsonNode b = JSON.readTree(some.out).get("customers");
        assertThat(b.size()).isEqualTo(80);
        for (int k = 0; k < b.size(); k++) {
            assertThat(b.get(k)).isEqualTo(a.get(5 * (k + 1) - 1));
        }
    }

    @Test
    void badModelFilesAndMissingColumnsAreOneLineAndWriteNothing() throws IOException {
        Path model = fit();
        String text = Files.readString(model, StandardCharsets.UTF_8);
        Path bad = dir.resolve("bad.json");
        Path out = dir.resolve("out.csv");
        for (String[] edit : new String[][] {
            {"\"customer-model\"", "\"credit-model\"", "customer-model"},
            {"\"version\" : 1", "\"version\" : 9", "version"},
            {"\"currentCutoff\"", "\"currentCutof\"", "currentCutof"},
            {"\"marginRate\" : 1.0", "\"marginRate\" : 1e400", "marginRate"}}) {
            assertThat(text).contains(edit[0]);
            Files.writeString(bad, text.replaceFirst(edit[0], edit[1]), StandardCharsets.UTF_8);
            Cli r = Cli.run("segment", "apply", "--model", bad.toString(), CSV, "-o", out.toString());
            assertThat(r.status).as(r.toString()).isNotZero();
            assertThat(r.err.strip()).as(edit[2]).contains(bad.toString()).contains(edit[2]).doesNotContain("\n");
            assertThat(out).doesNotExist();
        }
        Files.writeString(bad, text.substring(0, text.length() / 3), StandardCharsets.UTF_8);
        Cli truncated = Cli.run("segment", "apply", "--model", bad.toString(), CSV, "-o", out.toString());
        assertThat(truncated.status).isNotZero();
        assertThat(truncated.err.strip()).contains(bad.toString()).doesNotContain("\n");
        Path lacking = newCustomers("pow_max");
        Cli missing = Cli.run("segment", "apply", "--model", model.toString(), lacking.toString(), "-o",
            out.toString());
        assertThat(missing.status).isNotZero();
        assertThat(missing.err.strip()).doesNotContain("\n").contains("new.csv").contains("'pow_max'");
        assertThat(out).doesNotExist();
        Cli noSave = Cli.run("segment", "fit", CSV);
        assertThat(noSave.status).isNotZero();
        assertThat(noSave.err).contains("--save");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
