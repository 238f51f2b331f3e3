package org.powercx.satisfaction;

import java.util.Locale;

/**
 * Raised when a satisfaction model, its data or an estimation request is invalid, or when the PLS algorithm
 * fails (non-convergence, singular block); the message names the offending construct, indicator or value.
 *
 * @since 0.1.0
 */
public final class SatisfactionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message formatted with {@link Locale#ROOT}.
     *
     * @param format the message template, as in {@link String#format(Locale, String, Object...)}
     * @param args the template arguments
     */
    public SatisfactionException(String format, Object... args) {
        super(args.length == 0 ? format : org.powercx.core.internal.Messages.format(format, args));
    }
}
