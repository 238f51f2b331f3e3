package org.powercx.grey;

import java.util.Locale;

/**
 * Thrown when an argument given to a grey-module entry point is invalid: a non-finite value, an empty
 * table or series, a distinguishing coefficient out of range, weights that do not match the indicators, a
 * series with zeros or negative values, and so on.
 *
 * <p>Every message names the offending item (indicator, customer id, position) and its value.
 *
 * @since 0.1.0
 */
public final class GreyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message formatted in {@link Locale#ROOT}.
     *
     * @param format message template, as for {@link String#format(Locale, String, Object...)}
     * @param args values for the template
     */
    public GreyException(String format, Object... args) {
        super(args.length == 0 ? format : org.powercx.core.internal.Messages.format(format, args));
    }

    /**
     * Wraps an exception of another module, keeping its message.
     *
     * @param cause the exception to wrap
     * @param context what was being done, prefixed to the message
     */
    GreyException(String context, RuntimeException cause) {
        super(context + ": " + cause.getMessage(), cause);
    }
}
