package org.powercx.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    private static final Provenance PROVENANCE = new Provenance("0.2.0", 12,
        Instant.parse("2026-12-04T10:00:00.123Z"), Map.of("rho", "0.5"));

    private static Json parse(String text) {
        return Json.parse(new StringReader(text), "m.json");
    }

    @Test
    void doublesRoundTripBitForBit() {
        SplittableRandom random = new SplittableRandom(20261204L);
        double[] values = new double[10_000];
        for (int i = 0; i < values.length; i++) {
            double v;
            do {
                v = Double.longBitsToDouble(random.nextLong());
            } while (!Double.isFinite(v));
            values[i] = v;
        }
        values[0] = -0.0;
        values[1] = Double.MIN_VALUE;
        values[2] = Double.MAX_VALUE;
        values[3] = 0.1 + 0.2;
        String text = ModelFile.toText("test-model", 1, PROVENANCE, out -> ModelFile.numbers(out, "v", values));
        Json root = parse(text);
        assertThat(ModelFile.open(root, "test-model", 1)).isEqualTo(1);
        double[] back = root.get("v").numbers();
        for (int i = 0; i < values.length; i++) {
            assertThat(Double.doubleToRawLongBits(back[i])).as("value %d", i)
                .isEqualTo(Double.doubleToRawLongBits(values[i]));
        }
    }

    @Test
    void doublesAreTheShortestDecimalOnEveryJavaVersion() {
        // Double.toString of Java 25 for these doubles; Java 17's prints 9.999999999999999E22 and
        // 4.2661722296074304E16 (more digits than needed, the same doubles)
        double[] values = {1.0e23, Double.longBitsToDouble(0x4362f213885ed808L), 0.1, -0.0, 4.9e-324};
        String text = ModelFile.toText("test-model", 1, PROVENANCE, out -> ModelFile.numbers(out, "v", values));
        assertThat(text.replaceAll("\\s+", "")).contains("\"v\":[1.0E23,4.26617222960743E16,0.1,-0.0,4.9E-324]");
    }

    @Test
    void provenanceRoundTrips() {
        String text = ModelFile.toText("test-model", 1, PROVENANCE, out -> { });
        Provenance back = ModelFile.provenance(parse(text));
        assertThat(back).isEqualTo(new Provenance("0.2.0", 12, Instant.parse("2026-12-04T10:00:00Z"),
            Map.of("rho", "0.5")));
        assertThat(text).startsWith("{").contains("\"format\" : \"powercx\"").endsWith("}\n");
    }

    @Test
    void envelopeErrorsNameFileLineAndField() {
        String other = ModelFile.toText("credit-model", 1, PROVENANCE, out -> { });
        assertThatThrownBy(() -> ModelFile.open(parse(other), "test-model", 1))
            .isInstanceOf(FileFormatException.class)
            .hasMessage("m.json:3: field 'kind': expected a test-model file but this file holds a credit-model");
        String newer = ModelFile.toText("test-model", 3, PROVENANCE, out -> { });
        assertThatThrownBy(() -> ModelFile.open(parse(newer), "test-model", 2))
            .hasMessageStartingWith("m.json:4: field 'version': version 3 was written by a newer PowerCX");
        assertThatThrownBy(() -> ModelFile.open(parse("{\"kind\": \"x\"}"), "test-model", 1))
            .hasMessage("m.json:1: not a PowerCX model file: expected \"format\": \"powercx\"");
        assertThatThrownBy(() -> ModelFile.open(parse("[1]"), "test-model", 1))
            .hasMessage("m.json:1: expected a PowerCX test-model file (a JSON object)");
        assertThatThrownBy(() -> ModelFile.open(parse("{\"format\": \"powercx\", \"kind\": \"test-model\"}"),
            "test-model", 1)).hasMessage("m.json:1: top level: missing field 'version'");
        String truncated = other.substring(0, other.length() / 2);
        assertThatThrownBy(() -> parse(truncated)).isInstanceOf(FileFormatException.class)
            .hasMessageStartingWith("m.json:").hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> ModelFile.provenance(parse("{\"provenance\": {\"library\": \"1\", "
            + "\"fittedRows\": -1, \"created\": \"2026-12-04T10:00:00Z\"}}")))
            .hasMessage("m.json:1: field 'provenance.fittedRows': expected a whole number of at least 0 but found -1.0");
        assertThatThrownBy(() -> ModelFile.provenance(parse("{\"provenance\": {\"library\": \"1\", "
            + "\"fittedRows\": 1, \"created\": \"yesterday\"}}")))
            .hasMessageContaining("field 'provenance.created': expected a time such as");
    }

    @Test
    void nonFiniteParametersAreRefused() {
        assertThatThrownBy(() -> ModelFile.toText("test-model", 1, PROVENANCE,
            out -> ModelFile.matrix(out, "m", new double[][] {{1, 2}, {3, Double.NaN}})))
            .isInstanceOf(FileFormatException.class)
            .hasMessage("cannot save 'm[1][1]' = NaN: model parameters must be finite");
        assertThatThrownBy(() -> ModelFile.matrix(parse("{\"m\": [[1, 2], [3]]}").get("m")))
            .hasMessage("m.json:1: field 'm[1]': row has 1 values but row 0 has 2");
        assertThatThrownBy(() -> parse("{\"m\": [1e999]}").get("m").numbers())
            .hasMessageContaining("field 'm[0]'");
    }

    @Test
    void writesAtomically(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.json");
        ModelFile.write(file, "test-model", 1, PROVENANCE, out -> ModelFile.number(out, "x", 1.5));
        String before = Files.readString(file);
        assertThatThrownBy(() -> ModelFile.write(file, "test-model", 1, PROVENANCE,
            out -> ModelFile.number(out, "x", Double.POSITIVE_INFINITY)))
            .isInstanceOf(FileFormatException.class);
        assertThat(Files.readString(file)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(parse(before).get("x").number()).isEqualTo(1.5);
        assertThatThrownBy(() -> ModelFile.write(dir.resolve("missing/model.json"), "test-model", 1, PROVENANCE,
            out -> { })).hasMessageContaining("cannot write");
    }
}
