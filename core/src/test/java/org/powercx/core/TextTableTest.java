package org.powercx.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void displayWidthFollowsTheEastAsianWidthClasses() {
        // classes from the Unicode Character Database, EastAsianWidth.txt (Unicode 15):
        // 4E2D;W 3042;W AC00;W FF21;F 3000;F 20000;W are wide; FF61;H 0041;Na 00E9;A take one column;
        // 0301 is a combining mark (Mn) and takes none, as in Markus Kuhn's wcwidth
        assertThat(TextTable.displayWidth("\u4e2d")).isEqualTo(2);
        assertThat(TextTable.displayWidth("\u3042")).isEqualTo(2);
        assertThat(TextTable.displayWidth("\uac00")).isEqualTo(2);
        assertThat(TextTable.displayWidth("\uff21")).isEqualTo(2);
        assertThat(TextTable.displayWidth("\u3000")).isEqualTo(2);
        assertThat(TextTable.displayWidth(new String(Character.toChars(0x20000)))).isEqualTo(2);
        assertThat(TextTable.displayWidth("\uff61")).isEqualTo(1);
        assertThat(TextTable.displayWidth("A")).isEqualTo(1);
        assertThat(TextTable.displayWidth("\u00e9")).isEqualTo(1);
        assertThat(TextTable.displayWidth("e\u0301")).isEqualTo(1);
        assertThat(TextTable.displayWidth("")).isZero();
        assertThat(TextTable.displayWidth("\u5ba2\u6237 id")).isEqualTo(7);
        assertThatThrownBy(() -> TextTable.displayWidth(null)).isInstanceOf(CoreException.class);
    }

    @Test
    void chineseHeadersAndCellsLineUp() {
        String t = TextTable.render(List.of("\u5ba2\u6237", "\u7535\u91cf"),
            List.of(List.of("C1", "12"), List.of("\u5317\u4eac\u7535\u529b", "3")));
        List<String> lines = t.lines().toList();
        // the second column starts at the same terminal column in every line
        int start = TextTable.displayWidth("\u5317\u4eac\u7535\u529b") + 2;
        for (String line : lines) {
            int cut = 0;
            int w = 0;
            while (w < start) {
                w += TextTable.displayWidth(line.substring(cut, cut + 1));
                cut++;
            }
            assertThat(w).as(line).isEqualTo(start);
        }
        assertThat(lines.get(0)).isEqualTo("\u5ba2\u6237      \u7535\u91cf");
        assertThat(lines.get(1)).isEqualTo("--------  ----");
        assertThat(lines.get(2)).isEqualTo("C1          12");
        assertThat(lines.get(3)).isEqualTo("\u5317\u4eac\u7535\u529b     3");
    }

    /** The definition the formatter follows: java.math's exact decimal value rounded half up to six digits. */
    private static String reference(double v) {
        if (v == 0) {
            return "0";
        }
        BigDecimal r = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        double abs = Math.abs(v);
        return abs >= 1e-4 && abs < 1e12 ? r.toPlainString() : r.toString();
    }

    @Test
    void numbersAreTheExactValueRoundedToSixDigits() {
        List<Double> values = new ArrayList<>(List.of(1.0, -1.0, 0.5, 1e-4, 9.99995e-5, 1e12, 999999999999.9,
            999999.5, 999999.4999999999, 99999.95, 0.1, 0.3, 2.0 / 3, 123456.5, 123457.5, 1234565.0, 1234575.0,
            1234565000.0, 12345650.0, 100000.5, 0.000123456, 0.00012345650000000001, 1e11, 99999999999.99998,
            Double.MIN_VALUE, Double.MAX_VALUE, 123.0, 120.0, 1e6, 1e-3));
        for (int k = -5; k <= 13; k++) {
            double p = Math.pow(10, k);
            values.add(p);
            values.add(Math.nextUp(p));
            values.add(Math.nextDown(p));
            values.add(p * 0.9999995);
            values.add(p * 0.99999949999);
        }
        SplittableRandom rnd = new SplittableRandom(20261205);
        for (int i = 0; i < 400_000; i++) {
            double magnitude = Math.pow(10, rnd.nextInt(-7, 15));
            double v = switch (i % 4) {
                case 0 -> rnd.nextDouble() * magnitude;
                // six digits and a half at the seventh, where the exact value decides (ties are exact for
                // integers and halves)
                case 1 -> (rnd.nextLong(100_000, 1_000_000) * 10 + 5) * (i % 8 == 1 ? 1 : 0.5);
                case 2 -> Math.rint(rnd.nextDouble() * 1e9) / 1e3;
                default -> Double.longBitsToDouble(rnd.nextLong() & 0x7fefffffffffffffL);
            };
            values.add(rnd.nextBoolean() ? v : -v);
        }
        for (double v : values) {
            assertThat(TextTable.number(v)).as("%s", v).isEqualTo(reference(v));
        }
        assertThat(TextTable.number(1234565.0)).isEqualTo("1234570");
        assertThat(TextTable.number(2.0 / 3)).isEqualTo("0.666667");
        assertThat(TextTable.number(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void aTableWrittenLineByLineEqualsTheRenderedText() throws IOException {
        int[] made = new int[1];
        List<List<String>> rows = new AbstractList<>() {
            @Override
            public List<String> get(int i) {
                made[0]++;
                return List.of("c" + i, TextTable.number(i * 1.5), i % 3 == 0 ? "\u5317\u4eac" : "x");
            }

            @Override
            public int size() {
                return 1000;
            }
        };
        List<String> header = List.of("id", "value", "city");
        StringBuilder out = new StringBuilder();
        TextTable.render(header, rows, out);
        // read twice: once for the widths, once to write
        assertThat(made[0]).isEqualTo(2000);
        assertThat(out.toString()).isEqualTo(TextTable.render(header, List.copyOf(rows)));
        assertThat(out.toString().lines().skip(2).findFirst()).hasValue("c0         0  \u5317\u4eac");
        assertThatThrownBy(() -> TextTable.render(header, rows, null)).isInstanceOf(CoreException.class)
            .hasMessageContaining("null");
    }
}
