package org.powercx.io;

import java.util.Locale;

/**
 * Thrown when a model or specification file cannot be read or is not valid: not found, not UTF-8, not JSON,
 * over a size limit, or a value the methods reject. Its message is one line that names the file, the line and
 * the field path when they are known, for example {@code ahp.json:7: field 'children.cost.upper': ...}; every
 * control character taken from the file becomes a space, so that a name from a file cannot break the line.
 *
 * @since 0.1.0
 */
public final class FileFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * An error with a message formatted with {@link Locale#ROOT}.
     *
     * @param format a {@link String#format} pattern
     * @param args its arguments
     */
    public FileFormatException(String format, Object... args) {
        super(oneLine(args.length == 0 ? format : org.powercx.core.internal.Messages.format(format, args)));
    }

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
