package org.powercx.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
}
