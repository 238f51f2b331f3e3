package org.powercx.segmentation;

import java.util.Locale;

/**
 * Thrown when an argument given to a segmentation entry point is invalid: an unknown indicator in a rule or
 * index system, a non-finite value, a cut-off out of range, a service policy table with an unknown label or
 * a gap, and so on.
 *
 * <p>Every message names the offending item (rule, indicator, customer, policy line and column) and its value.
 *
 * @since 0.1.0
 */
public final class SegmentationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message formatted in {@link Locale#ROOT}.
     *
     * @param format message template, as for {@link String#format(Locale, String, Object...)}
     * @param args values for the template
     */
    public SegmentationException(String format, Object... args) {
        super(args.length == 0 ? format : org.powercx.core.internal.Messages.format(format, args));
    }

    /**
     * Creates an exception with a formatted message and a cause, for errors of the modules this one uses.
     *
     * @param cause the underlying error
     * @param format message template, as for {@link String#format(Locale, String, Object...)}
     * @param args values for the template
     */
    public SegmentationException(Throwable cause, String format, Object... args) {
        super(args.length == 0 ? format : org.powercx.core.internal.Messages.format(format, args), cause);
    }
}
