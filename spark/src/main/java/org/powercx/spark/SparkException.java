package org.powercx.spark;

/**
 * Thrown when an argument given to a Spark-module entry point is invalid: a column that is missing or not
 * numeric, a missing value under the reject policy (naming the column and the row's key), an output column that
 * would overwrite an input, a model that cannot be shipped, and so on. Not to be confused with Spark's own
 * {@code org.apache.spark.SparkException}, which a failed job throws with this exception as its cause.
 *
 * <p>Every message names the offending item and its value.
 *
 * @since 0.2.0
 */
public final class SparkException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message formatted in {@link java.util.Locale#ROOT}.
     *
     * @param format message template, as for {@link String#format(java.util.Locale, String, Object...)}
     * @param args values for the template
     */
    public SparkException(String format, Object... args) {
        super(args.length == 0 ? format : org.powercx.core.internal.Messages.format(format, args));
    }

    /**
     * Wraps an exception of a library kernel, keeping its message.
     *
     * @param context what was being done, prefixed to the message
     * @param cause the exception to wrap
     */
    SparkException(String context, RuntimeException cause) {
        super(context + ": " + cause.getMessage(), cause);
    }
}
