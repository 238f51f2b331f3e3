package org.powercx.core;

import java.io.IOException;
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
    /** 10^0 .. 10^12, each exact as a double. */
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12};
    /** The doubles nearest 10^-1 .. 10^-4. */
    private static final double[] FRACTIONS = {1e-1, 1e-2, 1e-3, 1e-4};

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
        if (abs >= 1e-4 && abs < 1e12) {
            String quick = plainSixDigits(value, abs);
            return quick != null ? quick : exactSixDigits(value);
        }
        return exactSixDigits(value);
    }

    /** The decimal expansion of the double rounded half up to six significant digits: the definition. */
    static String exactSixDigits(double value) {
        BigDecimal rounded = new BigDecimal(value).round(SIX_DIGITS).stripTrailingZeros();
        double abs = Math.abs(value);
        return abs >= 1e-4 && abs < 1e12 ? rounded.toPlainString() : rounded.toString();
    }

    /**
     * {@link #exactSixDigits} for 1e-4 <= |value| < 1e12 in double arithmetic, or null where that could differ.
     * The value scaled into [10^5, 10^6) by one exact power of ten carries one rounding, at most 1.2e-10 at that
     * size; so unless its fraction lies within 1e-9 of one half (a possible tie, left to the definition) it
     * rounds to the same six digits as the exact value.
     */
    private static String plainSixDigits(double value, double abs) {
        // the decimal exponent k, 10^k <= abs < 10^(k+1), as a first guess (10^-1 .. 10^-4 are not exact doubles)
        int k = 0;
        if (abs >= 1) {
            while (k < 11 && abs >= POWERS[k + 1]) {
                k++;
            }
        } else {
            k = -1;
            while (k > -4 && abs < FRACTIONS[-k - 1]) {
                k--;
            }
        }
        long n = -1;
        for (int attempt = 0; attempt < 3 && n < 0; attempt++) {
            int shift = 5 - k;
            double scaled = shift >= 0 ? abs * POWERS[shift] : abs / POWERS[-shift];
            if (scaled < 1e5) {
                k--;
            } else if (scaled >= 1e6) {
                k++;
            } else {
                double whole = Math.floor(scaled);
                double fraction = scaled - whole;
                if (Math.abs(fraction - 0.5) < 1e-9) {
                    return null;
                }
                n = (long) whole + (fraction > 0.5 ? 1 : 0);
            }
        }
        if (n < 0) {
            return null;
        }
        int exponent = k - 5;
        while (n % 10 == 0) {
            n /= 10;
            exponent++;
        }
        String digits = Long.toString(n);
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (value < 0) {
            sb.append('-');
        }
        if (exponent >= 0) {
            sb.append(digits);
            for (int z = 0; z < exponent; z++) {
                sb.append('0');
            }
        } else {
            int point = digits.length() + exponent;
            if (point > 0) {
                sb.append(digits, 0, point).append('.').append(digits, point, digits.length());
            } else {
                sb.append("0.");
                for (int z = point; z < 0; z++) {
                    sb.append('0');
                }
                sb.append(digits);
            }
        }
        return sb.toString();
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
        StringBuilder sb = new StringBuilder();
        try {
            render(header, rows, sb);
        } catch (IOException e) {
            throw new AssertionError("a StringBuilder does not fail", e);
        }
        return sb.toString();
    }

    /**
     * Writes a table line by line, as {@link #render(List, List)} renders it, without holding its text. The rows
     * are read twice, once for the column widths and alignment and once to write them, so rows made on demand
     * (a view over a million customers' grades) take the memory of one row at a time.
     *
     * @param header column titles
     * @param rows the cells, each row as long as the header; iterated twice
     * @param out where the lines go, each ending in a newline
     * @throws CoreException if an argument is null or a row's length differs from the header's
     * @throws IOException if {@code out} fails
     * @since 0.2.0
     */
    public static void render(List<String> header, Iterable<? extends List<String>> rows, Appendable out)
            throws IOException {
        if (header == null || rows == null || out == null) {
            throw new CoreException("header, rows and destination must not be null");
        }
        int columns = header.size();
        int[] width = new int[columns];
        boolean[] numeric = new boolean[columns];
        java.util.Arrays.fill(numeric, true);
        for (int c = 0; c < columns; c++) {
            width[c] = displayWidth(header.get(c));
        }
        int r = 0;
        for (List<String> row : rows) {
            checkLength(row, r, columns);
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                width[c] = Math.max(width[c], displayWidth(cell));
                if (numeric[c]) {
                    numeric[c] = isNumber(cell);
                }
            }
            r++;
        }
        StringBuilder line = new StringBuilder();
        appendLine(line, header, width, new boolean[columns]);
        List<String> rule = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            rule.add("-".repeat(width[c]));
        }
        appendLine(line, rule, width, new boolean[columns]);
        out.append(line);
        r = 0;
        for (List<String> row : rows) {
            checkLength(row, r, columns);
            line.setLength(0);
            appendLine(line, row, width, numeric);
            out.append(line);
            r++;
        }
    }

    private static void checkLength(List<String> row, int r, int columns) {
        if (row.size() != columns) {
            throw new CoreException("table row %d has %d cells but the header has %d", r, row.size(), columns);
        }
    }

    private static void appendLine(StringBuilder sb, List<String> cells, int[] width, boolean[] right) {
        int start = sb.length();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                sb.append("  ");
            }
            String cell = cells.get(c);
            int pad = width[c] - displayWidth(cell);
            if (!right[c]) {
                sb.append(cell);
            }
            for (int k = 0; k < pad; k++) {
                sb.append(' ');
            }
            if (right[c]) {
                sb.append(cell);
            }
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
        int i = 0;
        // below U+00AD (the first character of width 0) every character takes one column
        while (i < text.length() && text.charAt(i) < 0xAD) {
            i++;
            width++;
        }
        while (i < text.length()) {
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

    /** Whether a text is {@code [-]digits[.digits]}, which {@link Double#parseDouble} reads, without parsing it. */
    private static boolean isPlainDecimal(String cell) {
        int i = cell.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        boolean point = false;
        for (; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point && digits > 0) {
                point = true;
                digits = 0;
            } else {
                return false;
            }
        }
        return digits > 0;
    }

    private static boolean isNumber(String cell) {
        // "-" stands for a number that does not exist (the median of an empty group)
        if (cell.isEmpty() || cell.equals("-")) {
            return true;
        }
        if (isPlainDecimal(cell)) {
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
