package org.powercx.cli;

import java.util.Locale;
import org.powercx.core.internal.Messages;

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
     * The text on one line, see {@link Messages#oneLine(String)}.
     *
     * @param text the text, possibly null
     * @return the text without control characters, {@code "null"} for null
     */
    static String oneLine(String text) {
        return Messages.oneLine(text);
    }
}
