package org.powercx.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.powercx.satisfaction.ExtendedPathModel;
import org.powercx.satisfaction.HigherOrderConstruct;
import org.powercx.satisfaction.InteractionTerm;

/** The PLS model file with higher-order constructs and interaction terms: what it builds and how it names errors. */
class PlsExtendedModelFileTest {
    private static final String CONSTRUCTS = "\"constructs\": [{\"name\": \"A\", \"indicators\": [\"a1\", \"a2\"]},"
        + " {\"name\": \"B\", \"mode\": \"b\", \"indicators\": [\"b1\"]}, {\"name\": \"C\", \"indicators\": [\"c1\"]},"
        + " {\"name\": \"D\", \"indicators\": [\"d1\"]}]";

    private static Json parse(String text) {
        return Json.parse(new StringReader(text), "m.json");
    }

    @Test
    void buildsTheSameModelAsTheBuilder() {
        Json root = parse("{" + CONSTRUCTS + ",\n \"higherOrder\": [{\"name\": \"H\", \"mode\": \"B\","
            + " \"dimensions\": [\"A\", \"B\"]}],\n \"interactions\": [{\"iv\": \"H\", \"moderator\": \"C\","
            + " \"method\": \"product_indicator\"}],\n \"paths\": {\"H\": [\"D\"], \"C\": [\"D\"], \"H*C\": [\"D\"]}}");
        assertThat(PlsExtendedModelFile.isExtended(root)).isTrue();
        ExtendedPathModel read = PlsExtendedModelFile.parse(root);
        ExtendedPathModel built = ExtendedPathModel.builder().reflective("A", "a1", "a2").formative("B", "b1")
            .reflective("C", "c1").reflective("D", "d1").higherOrder(HigherOrderConstruct.formative("H", "A", "B"))
            .interaction(InteractionTerm.productIndicator("H", "C"))
            .path("H", "D").path("C", "D").path("H*C", "D").build();
        assertThat(read.toString()).isEqualTo(built.toString());
        assertThat(PlsExtendedModelFile.isExtended(parse("{" + CONSTRUCTS + ", \"paths\": {}}"))).isFalse();
    }

    @Test
    void errorsNameTheFieldAndLine() {
        assertThatThrownBy(() -> PlsExtendedModelFile.parse(parse("{" + CONSTRUCTS + ",\n \"interactions\": [{\"iv\":"
            + " \"A\", \"moderator\": \"C\", \"method\": \"orthogonal\"}], \"paths\": {}}")))
            .isInstanceOf(FileFormatException.class).hasMessageContaining("m.json:2:")
            .hasMessageContaining("two_stage or product_indicator");
        assertThatThrownBy(() -> PlsExtendedModelFile.parse(parse("{" + CONSTRUCTS + ",\n \"higherOrder\":"
            + " [{\"name\": \"H\", \"dimensions\": [\"A\"]}], \"paths\": {\"H\": [\"D\"]}}")))
            .isInstanceOf(FileFormatException.class).hasMessageContaining("'H'");
        assertThatThrownBy(() -> PlsExtendedModelFile.parse(parse("{" + CONSTRUCTS + ",\n \"higherOrder\":"
            + " [{\"name\": \"A\", \"dimensions\": [\"B\", \"C\"]}], \"paths\": {}}")))
            .isInstanceOf(FileFormatException.class).hasMessageContaining("construct 'A' is defined twice");
        assertThatThrownBy(() -> PlsExtendedModelFile.parse(parse("{" + CONSTRUCTS + ",\n \"higherOrder\":"
            + " [{\"name\": \"H\", \"dimensions\": [\"A\", \"B\"]}], \"paths\": {\"A\": [\"D\"], \"H\": [\"C\"]}}")))
            .isInstanceOf(FileFormatException.class).hasMessageContaining("dimension");
        assertThatThrownBy(() -> PlsExtendedModelFile.parse(parse("{" + CONSTRUCTS + ", \"paths\": {\"Z\": []}}")))
            .isInstanceOf(FileFormatException.class).hasMessageContaining("'Z' is not a construct");
        assertThatThrownBy(() -> PlsExtendedModelFile.parse(parse("{" + CONSTRUCTS + ", \"extra\": 1, \"paths\": {}}")))
            .isInstanceOf(FileFormatException.class);
        assertThatThrownBy(() -> PlsExtendedModelFile.parse(null)).isInstanceOf(FileFormatException.class);
        assertThatThrownBy(() -> PlsExtendedModelFile.read(null)).isInstanceOf(FileFormatException.class);
    }

    @Test
    void constructErrorsReadAsInThePlainModelFile() {
        String badMode = "{\"constructs\": [{\"name\": \"A\", \"indicators\": [\"a1\"]},\n {\"name\": \"B\","
            + " \"mode\": \"C\", \"indicators\": [\"b1\"]}], \"paths\": {\"A\": [\"B\"]}}";
        assertThatThrownBy(() -> PlsExtendedModelFile.parse(parse(badMode))).isInstanceOf(FileFormatException.class)
            .hasMessage("m.json:2: field 'constructs[1]': construct 'B': m.json:2: field 'constructs[1].mode': mode"
                + " must be A (reflective) or B (formative)")
            .hasMessage(catchThrowable(() -> PlsModelFile.parse(parse(badMode))).getMessage());
        String badIndicator = "{\"constructs\": [{\"name\": \"A\", \"indicators\": [\"a1\"]},\n {\"name\":"
            + " \"B\", \"indicators\": [3]}], \"paths\": {\"A\": [\"B\"]}}";
        assertThatThrownBy(() -> PlsExtendedModelFile.parse(parse(badIndicator)))
            .hasMessage("m.json:2: field 'constructs[1].indicators[0]': expected a non-blank string but found 3")
            .hasMessage(catchThrowable(() -> PlsModelFile.parse(parse(badIndicator))).getMessage());
        String empty = "{\"constructs\": [{\"name\": \"A\", \"indicators\": [\"a1\"]},\n {\"name\": \"B\","
            + " \"indicators\": []}], \"paths\": {\"A\": [\"B\"]}}";
        assertThatThrownBy(() -> PlsExtendedModelFile.parse(parse(empty)))
            .hasMessageStartingWith("m.json:2: field 'constructs[1]': construct 'B': ")
            .hasMessage(catchThrowable(() -> PlsModelFile.parse(parse(empty))).getMessage());
    }
}
