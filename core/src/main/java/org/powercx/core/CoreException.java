package org.powercx.core;

import java.util.Locale;

/**
 * Thrown when an argument given to a core entry point is invalid: a non-finite value, an empty or
 * mismatched table, an unknown indicator, a malformed CSV file and so on.
 *
 * <p>Every message names the offending item (indicator, customer id, row, column, file and line) and
 * its value. Being an {@link IllegalArgumentException}, it needs no {@code throws} clause; callers
 * who want to tell PowerCX's input errors apart from others can catch this type.
 *
 * @since 0.1.0
 */
public final class CoreException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message formatted in {@link Locale#ROOT}.
     *
     * @param format message template, as for {@link String#format(Locale, String, Object...)}
     * @param args values for the template
     */
    public CoreException(String format, Object... args) {
        super(args.length == 0 ? format : org.powercx.core.internal.Messages.format(format, args));
    }
}
