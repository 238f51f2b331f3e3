package org.powercx.cli;

import java.util.Locale;

/**
 * A user error: bad input file, bad option value or an input the methods reject. Its message is one line that
 * names the file, the line and the field when they are known; the tool prints it and exits with status 1.
 *
 * @since 0.1.0
 */
public class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An error with a message formatted with {@link Locale#ROOT}.
     *
     * @param format a {@link String#format} pattern
     * @param args its arguments
     */
    public CliException(String format, Object... args) {
        super(String.format(Locale.ROOT, format, args).replace('\n', ' '));
    }
}
