package org.powercx.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.ahp.Ahp;
import org.powercx.core.Weights;
import org.powercx.satisfaction.PathModel;

/** The PLS path model and weights formats: what they build and how they name an error. */
class ModelFilesTest {
    private static Json parse(String text) {
        return Json.parse(new StringReader(text), "m.json");
    }

    @Test
    void ecsiModelFileBuildsTheSameModelAsTheBuilder(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("ecsi.json");
        Files.writeString(f, """
            {"description": "ECSI S6 (Tenenhaus et al. 2005)",
             "constructs": [
               {"name": "IMAG", "mode": "A", "indicators": ["imag1", "imag2", "imag3"]},
               {"name": "EXPE", "indicators": ["expe1", "expe2"]},
               {"name": "SAT", "mode": "b", "indicators": ["sat1", "sat2"]}
             ],
             "paths": {"IMAG": ["EXPE", "SAT"], "EXPE": ["SAT"]}}
            """);
        PathModel read = PlsModelFile.read(f);
        PathModel built = PathModel.builder().reflective("IMAG", "imag1", "imag2", "imag3")
            .reflective("EXPE", "expe1", "expe2").formative("SAT", "sat1", "sat2")
            .path("IMAG", "EXPE").path("IMAG", "SAT").path("EXPE", "SAT").build();
        assertThat(read.toString()).isEqualTo(built.toString());
        assertThat(read.adjacency()).isDeepEqualTo(built.adjacency());
        assertThat(read.indicatorNames()).isEqualTo(built.indicatorNames());
    }

    @Test
    void modelErrorsNameTheField() {
        assertThatThrownBy(() -> PlsModelFile.parse(parse("{\"constructs\": [{\"name\": \"A\", \"indicators\": [\"a\"]},\n"
            + "{\"name\": \"A\", \"indicators\": [\"b\"]}], \"paths\": {}}")))
            .isInstanceOf(FileFormatException.class).hasMessageContaining("m.json:2:")
            .hasMessageContaining("construct 'A' is defined twice");
        assertThatThrownBy(() -> PlsModelFile.parse(parse("{\"constructs\": [{\"name\": \"A\", \"mode\": \"C\","
            + " \"indicators\": [\"a\"]}], \"paths\": {}}"))).hasMessageContaining("mode must be A");
        assertThatThrownBy(() -> PlsModelFile.parse(parse("{\"constructs\": [{\"name\": \"A\", \"indicators\": [\"a\"]}],"
            + " \"paths\": {\"B\": [\"A\"]}}"))).hasMessageContaining("'B' is not a construct (constructs: A)");
        assertThatThrownBy(() -> PlsModelFile.parse(parse("{\"constructs\": [{\"name\": \"A\", \"indicators\": [\"a\"]}],"
            + " \"paths\": {\"A\": [\"Z\"]}}"))).hasMessageContaining("'Z' is not a construct");
        assertThatThrownBy(() -> PlsModelFile.parse(parse("{\"constructs\": [{\"name\": \"A\", \"indicators\": [\"a\"]},"
            + " {\"name\": \"B\", \"indicators\": [\"b\"]}], \"paths\": {\"A\": [\"A\"]}}")))
            .isInstanceOf(FileFormatException.class);
        assertThatThrownBy(() -> PlsModelFile.parse(parse("{\"constructs\": [{\"name\": \"A\", \"indicators\": []}],"
            + " \"paths\": {}}"))).isInstanceOf(FileFormatException.class).hasMessageContaining("construct 'A'");
        assertThatThrownBy(() -> PlsModelFile.parse(parse("{\"constructs\": [], \"paths\": {}, \"x\": 1}")))
            .hasMessageContaining("'x'");
        assertThatThrownBy(() -> PlsModelFile.parse(null)).isInstanceOf(FileFormatException.class);
        assertThatThrownBy(() -> PlsModelFile.read(null)).isInstanceOf(FileFormatException.class);
    }

    @Test
    void weightsFileRescalesGivenWeights(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("w.json");
        Files.writeString(f, "{\"description\": \"d\", \"weights\": {\"a\": 3, \"b\": 1}}");
        Weights w = WeightsFile.read(f);
        assertThat(w.names()).containsExactly("a", "b");
        assertThat(w.values()).containsExactly(0.75, 0.25);
    }

    @Test
    void weightsFromAnAhpFileAreItsLeafWeights() {
        Path car = AhpHierarchyFileTest.resource("car-hierarchy.json");
        Weights w = WeightsFile.read(car, Ahp.withDefaults());
        assertThat(w.get("Odyssey")).isCloseTo(0.219133494381, within(1e-8));
        assertThat(w).isEqualTo(AhpHierarchyFile.read(car, Ahp.withDefaults()).globalWeights());
    }

    @Test
    void weightErrorsNameTheField() {
        assertThatThrownBy(() -> WeightsFile.parse(parse("{\"weights\": {\"a\": 1,\n \"b\": -1}}"), Ahp.withDefaults()))
            .isInstanceOf(FileFormatException.class).hasMessage("m.json:2: field 'weights.b': weight must not be negative");
        assertThatThrownBy(() -> WeightsFile.parse(parse("{\"weights\": {}}"), Ahp.withDefaults()))
            .hasMessageContaining("no weights given");
        assertThatThrownBy(() -> WeightsFile.parse(parse("{\"weights\": {\"a\": 0}}"), Ahp.withDefaults()))
            .isInstanceOf(FileFormatException.class).hasMessageContaining("field 'weights'");
        assertThatThrownBy(() -> WeightsFile.parse(parse("{\"w\": 1}"), Ahp.withDefaults()))
            .hasMessageContaining("'w'");
        assertThatThrownBy(() -> WeightsFile.parse(null, Ahp.withDefaults())).isInstanceOf(FileFormatException.class);
        assertThatThrownBy(() -> WeightsFile.read(Path.of("w.json"), null)).hasMessageContaining("calculator is null");
    }

    @Test
    void jsonNullArgumentsAndControlCharacters() {
        assertThatThrownBy(() -> Json.read(null)).isInstanceOf(FileFormatException.class);
        assertThatThrownBy(() -> Json.parse(null, "x")).hasMessageContaining("reader is null");
        assertThatThrownBy(() -> Json.parse(new StringReader("{}"), null)).hasMessageContaining("name is null");
        assertThat(new FileFormatException("a%sb", "\n\u2028").getMessage()).isEqualTo("a  b");
        assertThat(new FileFormatException("100% sure").getMessage()).isEqualTo("100% sure");
    }
}
