package org.powercx.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.powercx.core.internal.Messages;

/**
 * Invariants of the JSON reader over generated values: finite numbers are read back bit for bit (and a fraction
 * string "a/b" as the double quotient a / b), any string comes back unchanged, and every error message is one line
 * whatever the names and values in it.
 */
class JsonPropertiesTest {

    private static Json parse(String text) {
        return Json.parse(new StringReader(text), "p.json");
    }

    private static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    @Provide
    Arbitrary<Double> finite() {
        // every finite double, from its bits (subnormals and extreme exponents included), plus the boundaries
        return Arbitraries.oneOf(
            Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
            Arbitraries.doubles().between(-1e6, 1e6),
            Arbitraries.of(Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL, 0.0, -0.0,
                1e300, 1e-300));
    }

    @Property(tries = 200)
    void finiteNumbersAreReadBackExactly(@ForAll @Size(max = 20) List<@From("finite") Double> values) {
        String text = values.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
        double[] read = parse(text).numbers();
        assertThat(read).hasSize(values.size());
        for (int i = 0; i < read.length; i++) {
            assertThat(Double.doubleToLongBits(read[i])).as(text).isEqualTo(Double.doubleToLongBits(values.get(i)));
        }
    }

    @Example
    void aFractionThatUnderflowsIsRefused() {
        assertThatThrownBy(() -> parse("[\"4.9E-324/2.0\"]").items().get(0).number())
            .isInstanceOf(FileFormatException.class).hasMessageContaining("it would be read as 0");
    }

    @Property(tries = 200)
    void fractionStringsAreTheQuotient(@ForAll("finite") double a, @ForAll("finite") double b) {
        Json j = parse("[\"" + a + "/" + b + "\"]").items().get(0);
        double q = a / b;
        if (q == 0 && a != 0 && Double.isFinite(b)) {
            // a non-zero quotient below the smallest double: an underflow, refused rather than read as 0
            assertThatThrownBy(j::number).isInstanceOf(FileFormatException.class)
                .hasMessageStartingWith("p.json:1: field '[0]': number out of range (magnitude below 4.9e-324");
        } else if (Double.isFinite(q)) {
            assertThat(j.number()).isEqualTo(q);
        } else {
            assertThatThrownBy(j::number).isInstanceOf(FileFormatException.class)
                .hasMessageStartingWith("p.json:1: field '[0]': expected a number but found \"");
        }
    }

    @Property(tries = 200)
    void stringsAreReadBackUnchangedAndErrorsStayOnOneLine(@ForAll @Size(max = 80) String s) {
        Json root = parse("{" + quote(s) + ": [" + quote(s) + "]}");
        Json value = root.get(s).items().get(0);
        assertThat(root.fieldNames()).containsExactly(s);
        if (s.isBlank()) {
            assertThatThrownBy(value::text).isInstanceOf(FileFormatException.class);
        } else {
            assertThat(value.text()).isEqualTo(s);
        }
        // the field path and the value appear in the message; neither may break it over several lines
        assertThatThrownBy(value::bool).isInstanceOf(FileFormatException.class)
            .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1))
            .satisfies(e -> assertThat(e.getMessage().chars()).noneMatch(c -> Character.isISOControl(c)));
    }

    @Property(tries = 200)
    void oneLineOnlyReplacesControlCharacters(@ForAll String s) {
        String line = Messages.oneLine(s);
        assertThat(line).hasSameSizeAs(s);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            assertThat(line.charAt(i)).isEqualTo(control ? ' ' : c);
        }
    }

    @Example
    void negativeZeroAndSubnormalsSurvive() {
        double[] v = parse("[-0.0, 4.9E-324, 1e-320]").numbers();
        assertThat(Double.doubleToLongBits(v[0])).isEqualTo(Double.doubleToLongBits(-0.0));
        assertThat(v[1]).isEqualTo(Double.MIN_VALUE);
        assertThat(v[2]).isEqualTo(1e-320);
    }

    @Property(tries = 200)
    void syntaxErrorsNameFileAndLineWithoutParserInternals(@ForAll("truncated") String text) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(FileFormatException.class)
            .satisfies(e -> assertThat(e.getMessage()).startsWith("p.json:").doesNotContain("Source")
                .doesNotContain("REDACTED").doesNotContain("StreamReadFeature").doesNotContain("column:"));
    }

    @Provide
    Arbitrary<String> truncated() {
        String whole = "{\n  \"a\": [1, 2,\n    {\"b\": \"x\"}],\n  \"c\": true\n}";
        return Arbitraries.integers().between(1, whole.length() - 1).map(n -> whole.substring(0, n));
    }

    @Example
    void anUnclosedObjectNamesTheLineWhereItOpened() {
        assertThatThrownBy(() -> parse("{\n \"a\": {\"b\": 1\n"))
            .hasMessage("p.json:3: invalid JSON: Unexpected end-of-input: expected close marker for Object "
                + "(opened on line 2)");
    }
}
