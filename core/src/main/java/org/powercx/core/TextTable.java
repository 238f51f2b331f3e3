package org.powercx.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders rows of cells as an aligned plain-text table; the {@code toString} of PowerCX results uses it so
 * that a result reads well in JShell and in logs.
 *
 * <p>Text cells are left-aligned, cells that parse as numbers right-aligned. Columns are separated by two
 * spaces and the header is underlined with dashes.
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
            width[c] = header.get(c).length();
        }
        int r = 0;
        for (List<String> row : rows) {
            if (row.size() != columns) {
                throw new CoreException("table row %d has %d cells but the header has %d", r, row.size(), columns);
            }
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                width[c] = Math.max(width[c], cell.length());
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
            String pad = " ".repeat(width[c] - cell.length());
            sb.append(right[c] ? pad + cell : cell + pad);
        }
        int end = sb.length();
        while (end > start && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        sb.append('\n');
    }

    private static boolean isNumber(String cell) {
        if (cell.isEmpty()) {
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
