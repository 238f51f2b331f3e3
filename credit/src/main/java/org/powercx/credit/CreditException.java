package org.powercx.credit;

import java.util.Locale;

/**
 * Invalid input to a credit calculation. Messages name the offending indicator, customer, class or value.
 *
 * @since 0.1.0
 */
public final class CreditException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message formatted in {@link Locale#ROOT}.
     *
     * @param format message template, as for {@link String#format(Locale, String, Object...)}
     * @param args values for the template
     */
    public CreditException(String format, Object... args) {
        super(args.length == 0 ? format : org.powercx.core.internal.Messages.format(format, args));
    }
}
