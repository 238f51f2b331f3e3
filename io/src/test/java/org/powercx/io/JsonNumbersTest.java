package org.powercx.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class JsonNumbersTest {
    private static Json first(String array) {
        return Json.parse(new StringReader(array), "j.json").items().get(0);
    }

    @Test
    void numberStringsAreDecimalsOrFractionsOnly() {
        assertThat(first("[\"2\"]").number()).isEqualTo(2);
        assertThat(first("[\" 1/3 \"]").number()).isEqualTo(1 / 3.0);
        assertThat(first("[\"-1.5e1/.5\"]").number()).isEqualTo(-30);
        for (String lenient : new String[] {"0x1p1", "2d", "2f", "NaN", "Infinity", "1/0x2", "1/", "/2", "1/2/3",
            "\u0662", "1e", "+"}) {
            assertThatThrownBy(() -> first("[\"" + lenient + "\"]").number()).as(lenient)
                .isInstanceOf(FileFormatException.class)
                .hasMessageStartingWith("j.json:1: field '[0]': expected a number but found \"");
        }
    }

    @Test
    void aNonZeroNumberThatUnderflowsToZeroIsAnError() {
        assertThatThrownBy(() -> first("[1e-999]").number()).isInstanceOf(FileFormatException.class)
            .hasMessage("j.json:1: field '[0]': number out of range (magnitude below 4.9e-324, it would be read as 0): "
                + "'1e-999'");
        assertThatThrownBy(() -> first("[-0.5e-400]").number()).hasMessageContaining("'-0.5e-400'");
        assertThatThrownBy(() -> first("[\"1e-999/2\"]").number()).isInstanceOf(FileFormatException.class)
            .hasMessage("j.json:1: field '[0]': number out of range (magnitude below 4.9e-324, it would be read as 0): "
                + "\"1e-999/2\"");
        // zeros written any way, and the smallest subnormal, are read as they are
        for (String zero : new String[] {"0", "0.0", "-0e-999", "0.000e5", "\"0/3\""}) {
            assertThat(first("[" + zero + "]").number()).as(zero).isZero();
        }
        assertThat(first("[4.9e-324]").number()).isEqualTo(Double.MIN_VALUE);
    }

    @Test
    void aByteOrderMarkIsSkippedAsInCsv(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        assertThat(Json.parse(new StringReader("\uFEFF{\"a\": [1]}"), "b.json").get("a").numbers()).containsExactly(1);
        java.nio.file.Path file = dir.resolve("bom.json");
        java.nio.file.Files.write(file, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
        assertThat(Json.read(file).fieldNames()).isEmpty();
        assertThatThrownBy(() -> Json.parse(new StringReader("\uFEFF\uFEFF{}"), "b.json"))
            .isInstanceOf(FileFormatException.class).hasMessageStartingWith("b.json:1: invalid JSON");
    }

    @Test
    void aLongKeyIsQuotedByItsStart() {
        String key = "k".repeat(100_000);
        Json root = Json.parse(new StringReader("{\"" + key + "\": 1}"), "k.json");
        assertThatThrownBy(() -> root.allowOnly("a")).isInstanceOf(FileFormatException.class)
            .hasMessage("k.json:1: field '" + "k".repeat(80) + "...' (100,000 characters): unknown field (expected one "
                + "of a)");
        assertThatThrownBy(() -> Json.parse(new StringReader("{\"" + key + "\": 1, \"" + key + "\": 2}"), "k.json"))
            .isInstanceOf(FileFormatException.class).message().hasSizeLessThan(200);
    }
}
