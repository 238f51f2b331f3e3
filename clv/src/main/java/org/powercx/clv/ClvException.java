package org.powercx.clv;

import java.util.Locale;

/**
 * Thrown when an argument given to a customer-lifetime-value entry point is invalid (a non-finite margin, a
 * retention outside [0, 1], survival counts that increase, a recency larger than the age, ...) or when a
 * maximum-likelihood fit fails; the message names the offending item and value, or the optimiser's last state.
 *
 * @since 0.1.0
 */
public final class ClvException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message formatted in {@link Locale#ROOT}.
     *
     * @param format message template, as for {@link String#format(Locale, String, Object...)}
     * @param args values for the template
     */
    public ClvException(String format, Object... args) {
        super(args.length == 0 ? format : org.powercx.core.internal.Messages.format(format, args));
    }
}
