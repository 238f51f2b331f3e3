package org.powercx.io;

import java.util.Locale;
import org.powercx.core.internal.Messages;

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
        super(Messages.oneLine(args.length == 0 ? format : Messages.format(format, args)));
    }
}
