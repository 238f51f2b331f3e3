package org.powercx.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestJsonTest {
    private static final JsonNode DOC = TestJson.parse("{\"a\": {\"b.c\": 0.1, \"x|y\": 3, \"flag\": true},"
        + " \"v\": [1, 2.5, -3e-2], \"m\": [[1, 2], [3]], \"s\": [\"p\", \"q\"], \"t\": \"text\", \"n\": null,"
        + " \"big\": 0.12345678901234567890123}");

    @Test
    void walksKeysWholeAndReadsNumbersAsTheNearestDouble() {
        assertThat(TestJson.number(DOC, "a", "b.c")).isEqualTo(0.1);
        assertThat(TestJson.number(DOC, "a", "x|y")).isEqualTo(3.0);
        assertThat(TestJson.number(DOC, "big")).isEqualTo(Double.parseDouble("0.12345678901234567890123"));
        assertThat(TestJson.bool(DOC, "a", "flag")).isTrue();
        assertThat(TestJson.string(DOC, "t")).isEqualTo("text");
        assertThat(TestJson.vector(DOC, "v")).containsExactly(1, 2.5, -0.03);
        assertThat(TestJson.matrix(DOC, "m")).isDeepEqualTo(new double[][] {{1, 2}, {3}});
        assertThat(TestJson.strings(DOC, "s")).containsExactly("p", "q");
    }

    @Test
    void objectsOfNumbersKeepTheirOrderOrFollowTheGivenKeys() {
        JsonNode o = TestJson.parse("{\"z\": 1, \"a\": 2, \"m\": 3}");
        assertThat(TestJson.numbers(o)).containsExactly(Map.entry("z", 1.0), Map.entry("a", 2.0),
            Map.entry("m", 3.0));
        assertThat(TestJson.inOrder(o, List.of("m", "z"))).containsExactly(3, 1);
        assertThat(TestJson.keys(o)).containsExactly("z", "a", "m");
    }

    @Test
    void failsWithThePathRatherThanReturningADefault() {
        assertThatThrownBy(() -> TestJson.number(DOC, "a", "missing")).hasMessageContaining("/a/missing");
        assertThatThrownBy(() -> TestJson.number(DOC, "n")).hasMessageContaining("no value at /n");
        assertThatThrownBy(() -> TestJson.number(DOC, "t")).hasMessageContaining("not a number at t");
        assertThatThrownBy(() -> TestJson.vector(DOC, "s")).hasMessageContaining("not a number at s/0");
        assertThatThrownBy(() -> TestJson.matrix(DOC, "v")).hasMessageContaining("row 0");
        assertThatThrownBy(() -> TestJson.at(DOC, "v", "x")).hasMessageContaining("no object above /v/x");
        assertThatThrownBy(() -> TestJson.keys(DOC, "s")).hasMessageContaining("not an object at s");
        assertThatThrownBy(() -> TestJson.numbers(DOC, "v")).hasMessageContaining("not an object at v");
        assertThatThrownBy(() -> TestJson.numbers(DOC, "a")).hasMessageContaining("not a number at a/flag");
        assertThatThrownBy(() -> TestJson.parse("{")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestJson.resource(TestJsonTest.class, "absent.json"))
            .hasMessageContaining("missing test resource absent.json");
    }
}
