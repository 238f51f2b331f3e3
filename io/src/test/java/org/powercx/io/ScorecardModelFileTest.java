package org.powercx.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.core.IndicatorTable;
import org.powercx.core.testing.ForkedJvm;
import org.powercx.credit.LogisticRegression;
import org.powercx.credit.PointsScaling;
import org.powercx.credit.Scorecard;
import org.powercx.credit.ScorecardModel;

/**
 * Scorecard model files: save, load, equal parameters and identical scores, log-odds and probabilities bit for
 * bit on 10^5 rows; every bad file gets one line naming the file, the line and the field.
 */
class ScorecardModelFileTest {
    private static final Provenance PROVENANCE = new Provenance("0.2.0", 3000,
        Instant.parse("2026-12-04T10:00:00Z"), Map.of("scale", "PDO 20, 600 at 50"));

    static ScorecardModel model() {
        int[] labels = new int[3000];
        IndicatorTable t = CreditAndClvFilesTest.table(3000, 5, labels);
        return Scorecard.withDefaults().withRegression(LogisticRegression.withDefaults().withPenalty(0.1))
            .withScaling(PointsScaling.of(20, 600, 50)).fit(t, labels);
    }

    @Test
    void roundTripsWithIdenticalScoresOn100000Rows(@TempDir Path dir) {
        ScorecardModel m = model();
        assertThat(m.indicatorNames()).hasSizeGreaterThan(1);
        Path file = dir.resolve("card.json");
        ScorecardModelFile.write(file, m, PROVENANCE);
        ScorecardModel back = ScorecardModelFile.read(file);
        assertThat(back.parameters()).isEqualTo(m.parameters());
        assertThat(back.table()).isEqualTo(m.table());
        IndicatorTable t = CreditAndClvFilesTest.table(100_000, 9, null);
        assertThat(ForkedJvm.digest(back.scores(t), back.logits(t), back.defaultProbabilities(t)))
            .isEqualTo(ForkedJvm.digest(m.scores(t), m.logits(t), m.defaultProbabilities(t)));
        assertThat(ScorecardModelFile.toJson(back, PROVENANCE)).isEqualTo(ScorecardModelFile.toJson(m, PROVENANCE));
        assertThat(ModelEnvelope.provenance(Json.read(file))).isEqualTo(PROVENANCE);
    }

    private static void assertBad(String text, String... parts) {
        assertThatThrownBy(() -> ScorecardModelFile.parse(Json.parse(new StringReader(text), "card.json")))
            .isInstanceOf(FileFormatException.class).satisfies(e -> {
                assertThat(e.getMessage()).startsWith("card.json:").doesNotContain("\n");
                for (String p : parts) {
                    assertThat(e.getMessage()).contains(p);
                }
            });
    }

    @Test
    void badFilesNameTheFileLineAndField(@TempDir Path dir) throws Exception {
        String text = ScorecardModelFile.toJson(model(), PROVENANCE);
        assertBad(text.replace("\"scorecard-model\"", "\"credit-model\""), "scorecard-model", "credit-model");
        assertBad(text.replace("\"version\" : 1", "\"version\" : 2"), "newer", "version");
        assertBad(text.substring(0, text.length() / 2));
        assertBad(text.replaceFirst("\"intercept\"", "\"intercep\""), "intercep");
        assertBad(text.replaceFirst("\"penalty\" : [^,]*,", ""), "penalty");
        assertBad(text.replaceFirst("\"penalty\" : [^,]*,", "\"penalty\" : 1e999,"), "penalty");
        assertBad(text.replaceFirst("\"pdo\" : [^,]*,", "\"pdo\" : -20,"), "points to double the odds");
        assertBad(text.replaceFirst("\"goods\" : \\[ [^,]*,", "\"goods\" : [ 2.5,"), "goods", "whole number");
        assertBad(text.replaceFirst("\"goods\" : \\[ [^,]*,", "\"goods\" : [ 0,"), "card[0]", "bin 0");
        assertBad(text.replaceFirst("\"upperBounds\" : \\[ [^,\\]]*", "\"upperBounds\" : [ 1e300"), "card[0]",
            "upper bound");
        assertBad(text.replaceFirst("\"coefficients\" : \\[ [^,\\]]*,?", "\"coefficients\" : ["),
            "coefficients must hold");
        Path file = dir.resolve("card.json");
        Files.writeString(file, text.replaceFirst("\"iterations\" : \\d+", "\"iterations\" : -1"));
        assertThatThrownBy(() -> ScorecardModelFile.read(file)).isInstanceOf(FileFormatException.class)
            .hasMessageContaining(file.toString()).hasMessageContaining("iterations");
        assertThatThrownBy(() -> ScorecardModelFile.read(null)).isInstanceOf(FileFormatException.class);
        assertThatThrownBy(() -> ScorecardModelFile.toJson(null, PROVENANCE)).isInstanceOf(FileFormatException.class)
            .hasMessageContaining("scorecard-model");
    }
}
