package org.powercx.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders rows of cells as an aligned plain-text table; the {@code toString} of PowerCX results uses it so
 * that a result reads well in JShell and in logs.
 *
 * <p>Text cells are left-aligned, columns of cells that parse as numbers (or are empty or "-") right-aligned. Columns are separated by two
 * spaces and the header is underlined with dashes. Columns are aligned by {@linkplain #displayWidth display
 * width}, so Chinese, Japanese and Korean text lines up on a terminal.
 *
 * @since 0.1.0
 */
public final class TextTable {
    private static final MathContext SIX_DIGITS = new MathContext(6);

    private TextTable() {
    }

    /**
     * Formats a number with at most six significant digits, without exponent for ordinary magnitudes and
     * without trailing zeros.
     *
     * @param value any double
     * @return the text, {@code "NaN"} or {@code "Infinity"} for non-finite values
     */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        double abs = Math.abs(value);
        BigDecimal rounded = new BigDecimal(value).round(SIX_DIGITS).stripTrailingZeros();
        if (abs >= 1e-4 && abs < 1e12) {
            return rounded.toPlainString();
        }
        return rounded.toString();
    }

    /**
     * Renders a table.
     *
     * @param header column titles
     * @param rows the cells, each row as long as the header
     * @return lines ending in a newline
     * @throws CoreException if a row's length differs from the header's
     */
    public static String render(List<String> header, List<? extends List<String>> rows) {
        int columns = header.size();
        int[] width = new int[columns];
        boolean[] numeric = new boolean[columns];
        java.util.Arrays.fill(numeric, true);
        for (int c = 0; c < columns; c++) {
            width[c] = displayWidth(header.get(c));
        }
        int r = 0;
        for (List<String> row : rows) {
            if (row.size() != columns) {
                throw new CoreException("table row %d has %d cells but the header has %d", r, row.size(), columns);
            }
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                width[c] = Math.max(width[c], displayWidth(cell));
                numeric[c] &= isNumber(cell);
            }
            r++;
        }
        StringBuilder sb = new StringBuilder();
        appendLine(sb, header, width, new boolean[columns]);
        List<String> rule = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            rule.add("-".repeat(width[c]));
        }
        appendLine(sb, rule, width, new boolean[columns]);
        for (List<String> row : rows) {
            appendLine(sb, row, width, numeric);
        }
        return sb.toString();
    }

    private static void appendLine(StringBuilder sb, List<String> cells, int[] width, boolean[] right) {
        int start = sb.length();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                sb.append("  ");
            }
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - displayWidth(cell));
            sb.append(right[c] ? pad + cell : cell + pad);
        }
        int end = sb.length();
        while (end > start && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        sb.append('\n');
    }

    /**
     * The number of terminal columns a text takes: 2 for each East Asian wide or fullwidth character (Unicode
     * Standard Annex #11, classes W and F: CJK ideographs, kana, hangul syllables, fullwidth forms), 0 for
     * combining marks and zero-width characters, 1 for any other character, as the {@code wcwidth} of Markus
     * Kuhn's reference implementation.
     *
     * @param text any text
     * @return its width in columns
     * @throws CoreException if the text is null
     * @since 0.2.0
     */
    public static int displayWidth(String text) {
        if (text == null) {
            throw new CoreException("text is null");
        }
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            width += codePointWidth(cp);
        }
        return width;
    }

    private static int codePointWidth(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
            || cp == 0x200B || (cp >= 0x1160 && cp <= 0x11FF)) {
            return 0;
        }
        boolean wide = cp >= 0x1100 && (cp <= 0x115F // hangul jamo initials
            || cp == 0x2329 || cp == 0x232A
            || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) // CJK radicals .. Yi
            || (cp >= 0xAC00 && cp <= 0xD7A3) // hangul syllables
            || (cp >= 0xF900 && cp <= 0xFAFF) // CJK compatibility ideographs
            || (cp >= 0xFE10 && cp <= 0xFE19) // vertical forms
            || (cp >= 0xFE30 && cp <= 0xFE6F) // CJK compatibility forms
            || (cp >= 0xFF00 && cp <= 0xFF60) // fullwidth forms
            || (cp >= 0xFFE0 && cp <= 0xFFE6)
            || (cp >= 0x1F300 && cp <= 0x1F64F) // pictographs and emoticons
            || (cp >= 0x1F900 && cp <= 0x1F9FF)
            || (cp >= 0x20000 && cp <= 0x2FFFD) // CJK extensions B..
            || (cp >= 0x30000 && cp <= 0x3FFFD));
        return wide ? 2 : 1;
    }

    private static boolean isNumber(String cell) {
        // "-" stands for a number that does not exist (the median of an empty group)
        if (cell.isEmpty() || cell.equals("-")) {
            return true;
        }
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
