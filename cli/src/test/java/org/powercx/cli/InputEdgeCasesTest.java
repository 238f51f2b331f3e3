package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.ahp.Ahp;
import org.powercx.core.CoreException;
import org.powercx.core.IndicatorTable;
import org.powercx.core.MissingValuePolicy;
import org.powercx.io.FileFormatException;
import org.powercx.io.Json;
import org.powercx.io.AhpHierarchyFile;

/**
 * Hostile and extreme input files: deep nesting, numbers beyond the double range, long strings, control
 * characters in names, bytes that are not UTF-8, hierarchies whose node names clash, and CSV errors. Each gives a
 * correct answer or one {@link CliException} or {@link FileFormatException} line that names the file, the line and the offending item.
 */
class InputEdgeCasesTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static Json parse(String text) {
        return Json.parse(new StringReader(text), "t.json");
    }

    @Test
    void nestingUpToTheLimitIsRead() {
        int d = Json.MAX_DEPTH;
        Json j = parse("[".repeat(d) + "7" + "]".repeat(d));
        for (int i = 0; i < d; i++) {
            j = j.items().get(0);
        }
        assertThat(j.number()).isEqualTo(7.0);
        assertThat(j.path()).isEqualTo("[0]".repeat(d));
    }

    @Test
    void deeperNestingIsOneLineErrorNotStackOverflow() {
        // a 200 KB file of opening brackets: bounded by the parser's nesting limit before any recursion
        String deep = "[".repeat(100_000);
        assertThatThrownBy(() -> parse(deep)).isInstanceOf(FileFormatException.class)
            .hasMessageStartingWith("t.json:1: input too large: ")
            .hasMessageContaining("nesting depth (101) exceeds the maximum allowed (100)")
            .hasMessageNotContaining("StreamReadConstraints");
        String objects = "{\"a\":".repeat(100_000);
        assertThatThrownBy(() -> parse(objects)).isInstanceOf(FileFormatException.class)
            .hasMessageContaining("nesting depth (101)");
    }

    @Test
    void numbersBeyondTheDoubleRangeAreRejectedWhereUsed() {
        // regression: number() used to return Infinity for 1e999 although it promises a finite number
        Json j = parse("{\"a\": 1e999, \"b\": -1e999, \"c\": 1" + "0".repeat(400) + ", \"d\": 1e-999, \"e\": 1e308}");
        for (String f : List.of("a", "b", "c")) {
            assertThatThrownBy(() -> j.get(f).number()).isInstanceOf(FileFormatException.class)
                .hasMessage("t.json:1: field '%s': number out of range (magnitude above 1.8e308)", f);
        }
        assertThatThrownBy(() -> j.get("a").integer(0, 10)).isInstanceOf(FileFormatException.class)
            .hasMessageContaining("field 'a': number out of range");
        // an underflow to zero is an error naming the field, as in a CSV cell
        assertThatThrownBy(() -> j.get("d").number()).isInstanceOf(FileFormatException.class)
            .hasMessage("t.json:1: field 'd': number out of range (magnitude below 4.9e-324, it would be read as 0): "
                + "'1e-999'");
        assertThat(j.get("e").number()).isEqualTo(1e308);
    }

    @Test
    void overlongNumberIsRejectedByTheParser() {
        String digits = "1".repeat(Json.MAX_NUMBER_LENGTH + 1);
        assertThatThrownBy(() -> parse("{\"a\": " + digits + "}")).isInstanceOf(FileFormatException.class)
            .hasMessageStartingWith("t.json:1: input too large: Number value length")
            .hasMessageContaining("exceeds the maximum allowed (1000)");
    }

    @Test
    void fractionStringsMustBeFinite() {
        Json j = parse("[\"1/0\", \"0/0\", \"1e999\", \"2/4\", \"1/3/2\"]");
        for (int i = 0; i < 3; i++) {
            Json v = j.items().get(i);
            assertThatThrownBy(v::number).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("field '[" + i + "]': expected a number but found \"");
        }
        assertThat(j.items().get(3).number()).isEqualTo(0.5);
        assertThatThrownBy(() -> j.items().get(4).number()).hasMessageContaining("found \"1/3/2\"");
    }

    @Test
    void longStringsAreReadButShortenedInMessages() {
        String name = "x".repeat(Json.MAX_STRING_LENGTH);
        Json j = parse("{\"a\": \"" + name + "\"}");
        assertThat(j.get("a").text()).hasSize(Json.MAX_STRING_LENGTH);
        assertThatThrownBy(() -> j.get("a").number()).isInstanceOf(FileFormatException.class)
            .hasMessage("t.json:1: field 'a': expected a number but found \"%s...\"", "x".repeat(60));
        String tooLong = "y".repeat(Json.MAX_STRING_LENGTH + 1);
        assertThatThrownBy(() -> parse("[\"" + tooLong + "\"]")).isInstanceOf(FileFormatException.class)
            .hasMessageStartingWith("t.json:1: input too large: String value length")
            .hasMessageContaining("exceeds the maximum allowed (100000)");
    }

    @Test
    void overlongFileIsRejectedByTheParser() {
        // a valid document longer than the limit: the parser stops at the limit instead of reading on
        String big = "[" + "0,".repeat((int) Json.MAX_DOCUMENT_LENGTH / 2) + "0]";
        assertThatThrownBy(() -> parse(big)).isInstanceOf(FileFormatException.class)
            .hasMessageStartingWith("t.json:1: input too large: Document length")
            .hasMessageContaining("exceeds the maximum allowed (2000000)");
    }

    @Test
    void controlCharactersInNamesDoNotBreakTheLine() throws IOException {
        // regression: an escaped carriage return in a field name reached the message, which then printed as
        // two lines
        Path f = write("ctl.json", "{\"weights\": {\"a\\r\\nb\\u001b[31m\": 1}}");
        IndicatorTable t = IndicatorTable.builder(org.powercx.core.Indicator.benefit("a")).row("r1", 1).build();
        assertThatThrownBy(() -> Inputs.weights(t, f, Map.of())).isInstanceOf(CliException.class)
            .hasMessage("%s: weight 'a  b [31m' is not a column of the data (columns: a)", f);
        Cli r = Cli.run("gra", Cli.doc("docs/examples/customers.csv").toString(), "--weights", f.toString());
        assertThat(r.status).isEqualTo(1);
        assertThat(r.err.strip().lines()).singleElement().asString()
            .contains("weight 'a  b [31m' is not a column").doesNotContain("\u001b");
        assertThat(CliException.oneLine("a\rb\nc\u2028d\u0085e\tf")).isEqualTo("a b c d e f");
        assertThat(CliException.oneLine(null)).isEqualTo("null");
    }

    @Test
    void bytesThatAreNotUtf8AreNamedAsSuch() throws IOException {
        Path f = dir.resolve("latin1.json");
        Files.write(f, "{\n\"criteria\": [\"caf\u00e9\"]}".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Json.read(f)).isInstanceOf(FileFormatException.class)
            .hasMessageStartingWith(f + ":").hasMessageEndingWith(": not UTF-8 text");
    }

    @Test
    void criterionNamedLikeTheGoalIsAFileError() throws IOException {
        // regression: the ahp module's "defined twice" error escaped without the file, line and field
        Path f = write("clash.json", "{\"goal\": \"A\", \"criteria\": [\"A\", \"B\"], \"weights\": [1, 1],\n"
            + "  \"children\": {\"A\": {\"criteria\": [\"x\", \"y\"], \"weights\": [1, 2]}}}");
        assertThatThrownBy(() -> AhpHierarchyFile.read(f, Ahp.withDefaults())).isInstanceOf(FileFormatException.class)
            .hasMessage("%s:2: field 'children.A': hierarchy node 'A' is defined twice", f);
    }

    @Test
    void criterionWithChildrenUnderTwoParentsIsAFileError() throws IOException {
        Path f = write("twice.json", "{\"criteria\": [\"p\", \"q\"], \"weights\": [1, 1], \"children\": {\n"
            + "\"p\": {\"criteria\": [\"s\", \"t\"], \"weights\": [1, 1], \"children\": {\"s\": {\"criteria\": [\"u\"]}}},\n"
            + "\"q\": {\"criteria\": [\"s\", \"v\"], \"weights\": [1, 1], \"children\": {\"s\": {\"criteria\": [\"w\"]}}}}}");
        assertThatThrownBy(() -> AhpHierarchyFile.read(f, Ahp.withDefaults())).isInstanceOf(FileFormatException.class)
            .hasMessage("%s:3: field 'children.q.children.s': hierarchy node 's' is defined twice", f);
    }

    @Test
    void sharedLeavesSumTheirPaths() throws IOException {
        // r gets 0.5 * 3/4 + 0.5 * 1/4 = 1/2 through its two parents; s the same
        Path f = write("shared.json", "{\"criteria\": [\"p\", \"q\"], \"weights\": [1, 1], \"children\": {"
            + "\"p\": {\"criteria\": [\"r\", \"s\"], \"upper\": [3]}, \"q\": {\"criteria\": [\"r\", \"s\"], \"upper\": [\"1/3\"]}}}");
        AhpHierarchyFile h = AhpHierarchyFile.read(f, Ahp.withDefaults());
        assertThat(h.globalWeights().names()).containsExactly("r", "s");
        assertThat(h.globalWeights().get("r")).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(h.consistencyRatio()).isEqualTo(0.0);
    }

    @Test
    void extremeJudgmentsGiveAResultOrAnErrorNamingTheFile() throws IOException {
        // regression (found by InputFuzzTest#ahpFile): with these judgments the ahp module evaluated the matrix but
        // the advice's what-if evaluation failed to converge, and its error replaced the whole output without the
        // file name. Now an advice failure becomes a note (the weights stand) and a repair failure names the file
        // and node; whether the ahp module accepts the matrix at all is its own decision.
        Path f = write("extreme.json", "{\"criteria\": [\"a\", \"b\", \"c\"], \"upper\": [2e300, 1e-300, 2]}");
        for (String[] args : List.of(new String[] {"ahp", f.toString()},
                new String[] {"ahp", f.toString(), "--repair"})) {
            Cli r = Cli.run(args);
            if (r.status == 0) {
                assertThat(r.out).contains("Node 'goal' fails the consistency test (CR = ");
            } else {
                assertThat(r.status).isEqualTo(1);
                assertThat(r.err.strip().lines()).singleElement().asString()
                    .startsWith("powercx ahp: " + f + ":1: ")
                    .containsAnyOf(": field 'upper': ", ": repair of node 'goal': ");
            }
        }
    }

    @Test
    void csvErrorsNameTheFile() throws IOException {
        Path f = write("bad.csv", "id,a\nx,1\ny,abc\n");
        assertThatThrownBy(() -> Inputs.csv(f, null, List.of(), List.of(), Map.of(), MissingValuePolicy.REJECT))
            .isInstanceOf(CoreException.class).hasMessageContaining(f.toString()).hasMessageContaining("abc");
        Path none = write("none.csv", "id\nx\n");
        assertThatThrownBy(() -> Inputs.csv(none, null, List.of(), List.of(), Map.of(),
            MissingValuePolicy.REJECT)).isInstanceOf(CoreException.class).hasMessageContaining(none.toString());
        assertThatThrownBy(() -> Inputs.csv(dir.resolve("absent.csv"), null, List.of(), List.of(), Map.of(),
            MissingValuePolicy.REJECT)).isInstanceOf(CliException.class).hasMessageEndingWith("absent.csv: file not found");
    }

    @Test
    void csvBytesThatAreNotUtf8AreAFileError() throws IOException {
        // regression (found by InputFuzzTest#csvFile): the tool printed "I/O error: ... Input length = 1"; core now
        // reports undecodable bytes as bad input naming the file
        Path f = dir.resolve("latin1.csv");
        Files.write(f, "id,a\ncaf\u00e9,1\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Inputs.csv(f, null, List.of(), List.of(), Map.of(), MissingValuePolicy.REJECT))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("%s: not UTF-8 text", f);
        Cli r = Cli.run("gra", f.toString());
        assertThat(r.status).isEqualTo(1);
        assertThat(r.err).isEqualTo("powercx gra: " + f + ": not UTF-8 text" + System.lineSeparator());
    }
}
