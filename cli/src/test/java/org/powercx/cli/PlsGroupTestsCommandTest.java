package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.core.CsvTableReader;
import org.powercx.core.IndicatorTable;
import org.powercx.satisfaction.MgaResult;
import org.powercx.satisfaction.MicomResult;
import org.powercx.satisfaction.Micom;
import org.powercx.satisfaction.PathModel;
import org.powercx.satisfaction.PlsBootstrap;
import org.powercx.satisfaction.PlsMga;

/** {@code pls --micom/--mga}: the tables are the library's results, whatever the thread count. */
class PlsGroupTestsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Cli pls(Path data, String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "pls";
        args[1] = Cli.doc("docs/examples/pls-model.json").toString();
        args[2] = data.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return Cli.run(args);
    }

    @Test
    void micomAndMgaTablesAreTheLibrarysResults() throws IOException {
        Path data = Cli.doc("docs/data/satisfaction-survey.csv");
        Cli one = pls(data, "--micom", "female", "--mga", "female", "--groups", "1,0", "--permutations", "60",
            "--resamples", "40", "--seed", "3", "--threads", "1", "-f", "json");
        assertThat(one.status).as(one.toString()).isZero();
        Cli two = pls(data, "--micom", "female", "--mga", "female", "--groups", "1,0", "--permutations", "60",
            "--resamples", "40", "--seed", "3", "--threads", "2", "-f", "json");
        assertThat(two.out).isEqualTo(one.out);
        IndicatorTable survey = CsvTableReader.withDefaults().read(data).table();
        List<String> labels = new ArrayList<>();
        for (double f : survey.column("female")) {
            labels.add(f == 1 ? "1" : "0");
        }
        MicomResult micom = Micom.withDefaults().withPermutations(60).test(PathModel.powerCsi(), survey, labels, "1",
            "0", 3);
        MgaResult mga = PlsMga.withDefaults().with(PlsBootstrap.withDefaults().withResamples(40))
            .compare(PathModel.powerCsi(), survey, labels, "1", "0", 3);
        JsonNode root = JSON.readTree(one.out);
        JsonNode step2 = root.get("MICOM step 2");
        JsonNode step3 = root.get("MICOM step 3");
        assertThat(step2.size()).isEqualTo(6);
        for (int j = 0; j < 6; j++) {
            assertThat(step2.get(j).get("construct").asText()).isEqualTo(micom.constructs().get(j));
            assertThat(step2.get(j).get("c").asDouble()).isEqualTo(micom.compositeCorrelations()[j]);
            assertThat(step2.get(j).get("p").asDouble()).isEqualTo(micom.compositeCorrelationPValues()[j]);
            assertThat(step3.get(j).get("mean_difference").asDouble()).isEqualTo(micom.meanDifferences()[j]);
            assertThat(step3.get(j).get("variance_upper").asDouble()).isEqualTo(micom.logVarianceRatioUpper()[j]);
            assertThat(step3.get(j).get("invariance").asText()).isEqualTo(micom.invariance(micom.constructs().get(j)));
        }
        JsonNode table = root.get("PLS-MGA");
        assertThat(table.size()).isEqualTo(10);
        for (int k = 0; k < 10; k++) {
            assertThat(table.get(k).get("path").asText()).isEqualTo(mga.paths().get(k));
            assertThat(table.get(k).get("henseler_P").asDouble()).isEqualTo(mga.henselerProbabilities()[k]);
            assertThat(table.get(k).get("welch_p").asDouble()).isEqualTo(mga.welchPValues()[k]);
        }
        Cli text = pls(data, "--micom", "female", "--permutations", "20");
        assertThat(text.status).as(text.toString()).isZero();
        assertThat(text.out).contains("MICOM step 2").contains("MICOM: 0 (n = 102) vs 1 (n = 148), 20 permutations");
    }

    @Test
    void badGroupColumnsAreNamed() throws IOException {
        Path data = Cli.doc("docs/data/satisfaction-survey.csv");
        Cli missing = pls(data, "--micom", "gender");
        assertThat(missing.status).isNotZero();
        assertThat(missing.err.strip()).endsWith("option --micom: no column 'gender' in the header");
        Cli many = pls(data, "--mga", "imag1");
        assertThat(many.status).isNotZero();
        assertThat(many.err).contains("column 'imag1' has").contains("--groups A,B");
        Cli groups = pls(data, "--mga", "female", "--groups", "1");
        assertThat(groups.err.strip()).endsWith("option --groups: needs A,B but was '1'");
        Cli absent = pls(data, "--micom", "female", "--groups", "1,9");
        assertThat(absent.err.strip()).contains("option --micom: group '1' has 148 respondents and group '9' has 0");
        Path blank = dir.resolve("blank.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(data));
        lines.set(3, lines.get(3).substring(0, lines.get(3).lastIndexOf(',') + 1));
        Files.write(blank, lines);
        Cli noLabel = pls(blank, "--micom", "female");
        assertThat(noLabel.status).isNotZero();
        assertThat(noLabel.err).contains("has no value in column 'female'");
        Cli bad = pls(data, "--micom", "female", "--permutations", "0");
        assertThat(bad.err).contains("option --micom: permutations must be at least 1 but was 0");
    }
}
