package org.powercx.ahp;

import java.util.Locale;

/**
 * Thrown when an argument given to an AHP entry point is invalid: a matrix that is not square, not
 * positive, not reciprocal or not finite, an unknown criterion name, a disconnected incomplete matrix and
 * so on. Every message names the offending entry and its value.
 *
 * @since 0.1.0
 */
public final class AhpException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message formatted in {@link Locale#ROOT}.
     *
     * @param format message template, as for {@link String#format(Locale, String, Object...)}
     * @param args values for the template
     */
    public AhpException(String format, Object... args) {
        super(args.length == 0 ? format : org.powercx.core.internal.Messages.format(format, args));
    }
}
