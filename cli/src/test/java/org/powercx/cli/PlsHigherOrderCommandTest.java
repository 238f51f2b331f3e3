package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.core.CsvTableReader;
import org.powercx.core.IndicatorTable;
import org.powercx.io.PlsExtendedModelFile;
import org.powercx.satisfaction.ExtendedPathModel;
import org.powercx.satisfaction.ExtendedPls;
import org.powercx.satisfaction.ExtendedPlsResult;
import org.powercx.satisfaction.HocMethod;
import org.powercx.satisfaction.ScoreVariance;

/**
 * The pls command on a model file with a higher-order construct and an interaction term
 * (docs/examples/pls-hoc-model.json): it prints what the library estimates (whose values are checked against
 * seminr and plspm-python in the satisfaction module) with the options it was given.
 */
class PlsHigherOrderCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "docs/examples/pls-hoc-model.json";
    private static final String CSV = "docs/examples/satisfaction.csv";

    @TempDir
    Path dir;

    private static Cli pls(String model, String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "pls";
        args[1] = Cli.doc(model).toString();
        args[2] = Cli.doc(CSV).toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return Cli.run(args);
    }

    private static IndicatorTable survey() {
        return CsvTableReader.withDefaults().read(Cli.doc(CSV)).table();
    }

    @Test
    void printsTheLibraryEstimatesForEitherMethodAndVariance() throws IOException {
        ExtendedPathModel model = PlsExtendedModelFile.read(Cli.doc(MODEL));
        String[][] runs = {{"TWO_STAGE", "POPULATION"}, {"REPEATED_INDICATORS", "SAMPLE"}};
        for (String[] run : runs) {
            Cli r = pls(MODEL, "--hoc-method", run[0], "--score-variance", run[1], "-f", "json");
            assertThat(r.status).as(r.toString()).isZero();
            ExtendedPlsResult expected = ExtendedPls.withDefaults().with(HocMethod.valueOf(run[0]))
                .with(ScoreVariance.valueOf(run[1])).fit(model, survey());
            JsonNode paths = JSON.readTree(r.out).get("paths");
            assertThat(paths).hasSize(7);
            for (JsonNode p : paths) {
                assertThat(p.get("coefficient").asDouble()).as("%s %s", run[0], p)
                    .isCloseTo(expected.pathCoefficient(p.get("from").asText(), p.get("to").asText()),
                        within(1e-12));
            }
            int perf = 0;
            for (JsonNode o : JSON.readTree(r.out).get("outer model")) {
                if (o.get("construct").asText().equals("PERF")) {
                    perf++;
                    assertThat(o.get("weight").asDouble()).isCloseTo(expected.weight("PERF",
                        o.get("indicator").asText()), within(1e-12));
                }
            }
            assertThat(perf).isEqualTo(run[0].equals("TWO_STAGE") ? 2 : 9);
        }
    }

    @Test
    void bootstrapTableNamesEveryPath() throws IOException {
        Cli r = pls(MODEL, "--bootstrap", "30", "--threads", "2", "--seed", "5", "-f", "json");
        assertThat(r.status).as(r.toString()).isZero();
        JsonNode boot = JSON.readTree(r.out).get("bootstrap");
        assertThat(boot).hasSize(7);
        assertThat(boot.get(6).get("parameter").asText()).isEqualTo("SAT*IMAG -> LOY");
        assertThat(boot.get(6).get("std_error").asDouble()).isPositive();
        Cli again = pls(MODEL, "--bootstrap", "30", "--threads", "1", "--seed", "5", "-f", "json");
        assertThat(JSON.readTree(again.out).get("bootstrap")).isEqualTo(boot);
    }

    @Test
    void errorsAreOneLineAndNameTheCause() throws IOException {
        Cli index = pls(MODEL, "--index", "0,10");
        assertThat(index.status).isEqualTo(1);
        assertThat(index.err).contains("--index").contains("higher-order");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(Cli.doc(MODEL)).replace("\"two_stage\"", "\"orthogonal\""));
        Cli r = Cli.run("pls", bad.toString(), Cli.doc(CSV).toString());
        assertThat(r.status).isEqualTo(1);
        assertThat(r.err.strip()).contains("bad.json").contains("two_stage or product_indicator")
            .doesNotContain("\n");
    }
}
