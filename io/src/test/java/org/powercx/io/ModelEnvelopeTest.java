package org.powercx.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.ahp.Ahp;
import org.powercx.core.Weights;

/** The public envelope for kinds defined above io: every writer method, exact doubles, embedded files, errors. */
class ModelEnvelopeTest {
    private static final Provenance PROVENANCE = new Provenance("0.2.0", 7, Instant.parse("2026-12-04T10:00:00Z"),
        Map.of("k", "v"));
    private static final double[] VALUES = {0.1, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1.0 / 3, 4.9e-324};

    private static String text(Weights w) {
        String embedded = WeightsFile.toJson(w, PROVENANCE);
        return ModelEnvelope.toJson("toy-model", 2, PROVENANCE, out -> out.text("name", "toy").number("x", 0.1)
            .integer("n", 42).numbers("values", VALUES).matrix("rows", new double[][] {{1, 2}, {3, 4}})
            .texts("labels", List.of("a", "b")).startObject("nested").number("y", -0.0).endObject()
            .startArray("items").startItem().text("t", "one").endObject().textItem(List.of("c", "d")).endArray()
            .embed("weights", embedded));
    }

    @Test
    void aKindOfAnotherModuleRoundTripsWithExactDoublesAndEmbeddedFiles(@TempDir Path dir) {
        Weights w = Weights.of(List.of("a", "b"), new double[] {0.3, 0.7});
        Path file = dir.resolve("toy.json");
        ModelEnvelope.write(file, "toy-model", 2, PROVENANCE, out -> out.embed("weights", WeightsFile.toJson(w,
            PROVENANCE)));
        Json written = Json.read(file);
        assertThat(ModelEnvelope.open(written, "toy-model", 2)).isEqualTo(2);
        assertThat(WeightsFile.parse(written.get("weights"), Ahp.withDefaults()).values()).containsExactly(w.values());
        Json root = Json.parse(new StringReader(text(w)), "toy.json");
        assertThat(ModelEnvelope.open(root, "toy-model", 3)).isEqualTo(2);
        assertThat(ModelEnvelope.provenance(root)).isEqualTo(PROVENANCE);
        root.allowOnly(ModelEnvelope.fields("name", "x", "n", "values", "rows", "labels", "nested", "items",
            "weights"));
        double[] back = root.get("values").numbers();
        for (int k = 0; k < VALUES.length; k++) {
            assertThat(Double.doubleToRawLongBits(back[k])).isEqualTo(Double.doubleToRawLongBits(VALUES[k]));
        }
        assertThat(root.get("n").integer(0, 100)).isEqualTo(42);
        assertThat(root.get("labels").texts()).containsExactly("a", "b");
        assertThat(Double.doubleToRawLongBits(root.get("nested").get("y").number()))
            .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(root.get("items").items().get(1).texts()).containsExactly("c", "d");
        assertThat(root.get("rows").items().get(1).numbers()).containsExactly(3, 4);
        Weights embedded = WeightsFile.parse(root.get("weights"), Ahp.withDefaults());
        assertThat(embedded.values()).containsExactly(w.values());
        // the embedded file is indented one level deeper than its field
        assertThat(text(w)).contains("\n  \"weights\" : {\n    \"format\" : \"powercx\"");
    }

    @Test
    void badEnvelopesAndValuesAreOneLine(@TempDir Path dir) throws Exception {
        String text = text(Weights.of(List.of("a"), new double[] {1}));
        assertThatThrownBy(() -> ModelEnvelope.open(Json.parse(new StringReader(text), "toy.json"), "other", 1))
            .isInstanceOf(FileFormatException.class).hasMessageStartingWith("toy.json:")
            .hasMessageContaining("other").hasMessageContaining("toy-model");
        assertThatThrownBy(() -> ModelEnvelope.open(Json.parse(new StringReader(text), "toy.json"), "toy-model", 1))
            .hasMessageContaining("newer");
        assertThatThrownBy(() -> ModelEnvelope.open(Json.parse(new StringReader(text.replace("\"format\" : "
            + "\"powercx\"", "\"format\" : \"x\"")), "toy.json"), "toy-model", 2)).hasMessageContaining("format");
        assertThatThrownBy(() -> ModelEnvelope.toJson("toy", 1, PROVENANCE, out -> out.number("x", Double.NaN)))
            .isInstanceOf(FileFormatException.class).hasMessageContaining("'x'");
        assertThatThrownBy(() -> ModelEnvelope.toJson("toy", 1, PROVENANCE, out -> out.embed("e", "[1]")))
            .hasMessageContaining("'e'");
        assertThatThrownBy(() -> ModelEnvelope.toJson("toy", 1, PROVENANCE, out -> out.text("t", null)))
            .hasMessageContaining("'t'");
        assertThatThrownBy(() -> ModelEnvelope.toJson("", 1, PROVENANCE, out -> { })).hasMessageContaining("kind");
        assertThatThrownBy(() -> ModelEnvelope.toJson("toy", 0, PROVENANCE, out -> { })).hasMessageContaining("0");
        assertThatThrownBy(() -> ModelEnvelope.toJson("toy", 1, PROVENANCE, null)).hasMessageContaining("null");
        assertThatThrownBy(() -> ModelEnvelope.provenance(null)).isInstanceOf(FileFormatException.class);
        Path target = dir.resolve("kept.json");
        Files.writeString(target, "kept", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ModelEnvelope.write(target, "toy", 1, PROVENANCE, out -> out.number("x",
            Double.POSITIVE_INFINITY))).isInstanceOf(FileFormatException.class);
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("kept");
    }
}
