package org.powercx.samples;

import java.util.Locale;

/**
 * Thrown when an argument given to a sample-data generator is invalid: a customer count out of range, a share
 * outside 0 to 1, an unknown class code. Every message names the offending item and its value.
 *
 * @since 0.1.0
 */
public final class SamplesException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message formatted in {@link Locale#ROOT}.
     *
     * @param format message template, as for {@link String#format(Locale, String, Object...)}
     * @param args values for the template
     */
    public SamplesException(String format, Object... args) {
        super(args.length == 0 ? format : org.powercx.core.internal.Messages.format(format, args));
    }
}
