package org.powercx.cli;

import java.util.Locale;

/**
 * A user error: bad input file, bad option value or an input the methods reject. Its message is one line that
 * names the file, the line and the field when they are known; the tool prints it and exits with status 1.
 *
 * @since 0.1.0
 */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An error with a message formatted with {@link Locale#ROOT}.
     *
     * @param format a {@link String#format} pattern
     * @param args its arguments
     */
    public CliException(String format, Object... args) {
        super(oneLine(org.powercx.core.internal.Messages.format(format, args)));
    }

    /**
     * The text on one line: every control character (line feed, carriage return, tab, escape...) becomes a
     * space, so that a field name or value taken from a file cannot break the message over several lines or
     * send terminal escapes.
     *
     * @param text the text, possibly null
     * @return the text without control characters, {@code "null"} for null
     */
    static String oneLine(String text) {
        String s = String.valueOf(text);
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                if (b == null) {
                    b = new StringBuilder(s);
                }
                b.setCharAt(i, ' ');
            }
        }
        return b == null ? s : b.toString();
    }
}
