package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CSV and JSON output print each double as Java 19 and later's {@code Double.toString} does, on any Java version:
 * checked against that method's text on Java 25 for 1,992 doubles (test resource {@code double-text-java25.tsv},
 * see the README beside it), 910 of which Java 17's {@code Double.toString} prints differently.
 */
class DecimalTextTest {
    private static List<String[]> reference() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                DecimalTextTest.class.getResourceAsStream("double-text-java25.tsv"), StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(line.split("\t"));
            }
        }
        return rows;
    }

    @Test
    void everyDoubleIsPrintedAsJava25PrintsIt() throws IOException {
        List<String[]> rows = reference();
        assertThat(rows).hasSize(1992);
        int differsFromThisJava = 0;
        for (String[] r : rows) {
            double v = Double.longBitsToDouble(Long.parseUnsignedLong(r[0], 16));
            String text = DecimalText.of(v);
            assertThat(text).as(r[0]).isEqualTo(r[1]);
            assertThat(DecimalText.append(new StringBuilder("x"), v).toString()).isEqualTo("x" + r[1]);
            if (v == v) {
                assertThat(Double.doubleToRawLongBits(Double.parseDouble(text))).as(r[0])
                    .isEqualTo(Double.doubleToRawLongBits(v));
            }
            if (!Double.toString(v).equals(r[1])) {
                differsFromThisJava++;
            }
        }
        // the file holds the doubles Java 17 and 18 print with extra digits
        assertThat(differsFromThisJava).isEqualTo(Runtime.version().feature() >= 19 ? 0 : 910);
    }

    @Test
    void csvAndJsonOutputUseIt() {
        double v = 1.0e23;
        Output out = new Output().table("t", "id", "x").row("a", v).row("b", 0.1);
        assertThat(out.render(Format.CSV)).isEqualTo("id,x\na,1.0E23\nb,0.1\n");
        assertThat(out.render(Format.JSON)).contains("\"x\" : 1.0E23").contains("\"x\" : 0.1");
    }
}
