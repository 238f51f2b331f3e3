package org.powercx.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.core.CustomerIndicators;
import org.powercx.core.IndicatorTable;
import org.powercx.io.FileFormatException;
import org.powercx.io.Provenance;
import org.powercx.samples.CustomerGenerator;

/**
 * Customer-model files: every fitted part is saved and read back with the same bits (the re-saved text equals
 * the saved one, and 10^5 customers score identically); bad files get one line naming the file, the line and
 * the field.
 */
class CustomerModelFileTest {
    private static final Provenance PROVENANCE = new Provenance("0.2.0", 20_000,
        Instant.parse("2026-12-04T10:00:00Z"), Map.of("configuration", "bundled"));
    private static final IndicatorTable CALIBRATION = CustomerGenerator.withDefaults().generate(20_000, 5L).table();

    static List<CustomerAnalysis> variants() {
        return List.of(CustomerAnalysis.withDefaults(),
            CustomerAnalysis.withDefaults().with(ValueSegmentation.withDefaults().withMeanCutoffs())
                .with(Retention.constant(0.9)),
            CustomerAnalysis.withDefaults().withMargin(CustomerIndicators.FEE_REVENUE, 0.25)
                .with(Retention.fromChurnModel(List.of(CustomerIndicators.ARREARS_COUNT,
                    CustomerIndicators.ON_TIME_PAYMENT_RATE), CustomerIndicators.DEFAULTED)),
            CustomerAnalysis.withDefaults().with(ValueEvaluation.withDefaults()
                .with(ValueIndexSystem.defaults().withLogScale())),
            SegmentationConfiguration.defaults().analysis());
    }

    @Test
    void everyFittedPartRoundTripsWithIdenticalScoresOn100000Customers(@TempDir Path dir) {
        IndicatorTable customers = CustomerModelScoringMain.table();
        for (CustomerAnalysis a : variants()) {
            CustomerModel model = a.fit(CALIBRATION);
            Path file = dir.resolve("model.json");
            CustomerModelFile.write(file, model, PROVENANCE);
            CustomerModel back = CustomerModelFile.read(file);
            assertThat(CustomerModelFile.toJson(back, PROVENANCE)).isEqualTo(CustomerModelFile.toJson(model,
                PROVENANCE));
            assertThat(back.parameters().policy()).isEqualTo(model.parameters().policy());
            assertThat(back.parameters().riskRules()).isEqualTo(model.parameters().riskRules());
            assertThat(back.parameters().retention()).isEqualTo(model.parameters().retention());
            assertThat(back.inputColumns()).isEqualTo(model.inputColumns());
            assertThat(CustomerModelScoringMain.digest(back.apply(customers)))
                .isEqualTo(CustomerModelScoringMain.digest(model.apply(customers)));
        }
    }

    private static void assertBad(String text, String... parts) {
        assertThatThrownBy(() -> CustomerModelFile.parse(text, "model.json")).isInstanceOf(FileFormatException.class)
            .satisfies(e -> {
                assertThat(e.getMessage()).startsWith("model.json").doesNotContain("\n");
                for (String p : parts) {
                    assertThat(e.getMessage()).contains(p);
                }
            });
    }

    @Test
    void badFilesNameTheFileTheLineAndTheField(@TempDir Path dir) throws Exception {
        String text = CustomerModelFile.toJson(CustomerAnalysis.withDefaults().fit(CALIBRATION), PROVENANCE);
        assertBad(text.replaceFirst("\"customer-model\"", "\"credit-model\""), "customer-model", "credit-model");
        assertBad(text.replaceFirst("\"version\" : 1", "\"version\" : 2"), "newer", "version");
        assertBad(text.substring(0, text.length() / 2));
        assertBad(text.replaceFirst("\"currentCutoff\" : [^,]*,", ""), "currentCutoff");
        assertBad(text.replaceFirst("\"currentCutoff\" : [^,]*,", "\"currentCutoff\" : 1e999,"), "currentCutoff");
        assertBad(text.replaceFirst("\"marginRate\" : [^,]*,", "\"marginRate\" : 2.0,"), "margin");
        assertBad(text.replaceFirst("\"riskRules\"", "\"riskRule\""), "riskRule");
        assertBad(text.replaceFirst("\"deltaMax\" : [^\\n]*\\n", "\"deltaMax\" : \"x\"\n"), "deltaMax");
        assertBad(text.replaceFirst("\"source\" : \"DEFAULT_PROBABILITY\"", "\"source\" : \"GUESS\""), "source");
        assertBad(text.replaceFirst("\"timing\" : \"END_OF_PERIOD\"", "\"timing\" : \"LATE\""), "timing");
        // an embedded model of another kind
        assertBad(text.replaceFirst("\"grey-relational-model\"", "\"grey-model\""), "grey-model");
        // the policy's cells: a rule without measures
        assertBad(text.replaceFirst("(\"cells\" : \\[ \\[[^\\]]*\\], \\[[^\\]]*), \"[^\"]*\" \\]", "$1, \"\" ]"),
            "policy");
        Path file = dir.resolve("model.json");
        Files.writeString(file, text.replaceFirst("\"labels\" : \\[", "\"labels\" : [ \"extra\","),
            StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CustomerModelFile.read(file)).isInstanceOf(FileFormatException.class)
            .hasMessageStartingWith(file.toString()).hasMessageContaining("label");
        assertThatThrownBy(() -> CustomerModelFile.read(null)).isInstanceOf(FileFormatException.class);
        assertThatThrownBy(() -> CustomerModelFile.toJson(null, PROVENANCE)).isInstanceOf(FileFormatException.class);
        // a failed write leaves the target as it was
        Path target = dir.resolve("kept.json");
        Files.writeString(target, "kept", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CustomerModelFile.write(target, null, PROVENANCE))
            .isInstanceOf(FileFormatException.class);
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("kept");
    }
}
