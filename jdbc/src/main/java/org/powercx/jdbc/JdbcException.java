package org.powercx.jdbc;

import java.util.Locale;

/**
 * Thrown when a query's result cannot become an indicator table (a column of the wrong type, a NULL the
 * missing-value policy rejects, a duplicate id), when results cannot be written, or when an argument is invalid.
 * Every message names the column, the row's id and the value, or the database's own reason with its SQL state.
 *
 * @since 0.2.0
 */
public final class JdbcException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message formatted in {@link Locale#ROOT}.
     *
     * @param format message template, as for {@link String#format(Locale, String, Object...)}
     * @param args values for the template
     */
    public JdbcException(String format, Object... args) {
        super(args.length == 0 ? format : org.powercx.core.internal.Messages.format(format, args));
    }

    /**
     * Creates an exception with a cause.
     *
     * @param cause the cause, such as the driver's {@link java.sql.SQLException}
     * @param format message template
     * @param args values for the template
     */
    public JdbcException(Throwable cause, String format, Object... args) {
        this(format, args);
        initCause(cause);
    }

    /**
     * A driver's exception as one line: its message's first line and its SQL state.
     *
     * @param e the exception
     * @return the text
     */
    static String reason(java.sql.SQLException e) {
        String m = String.valueOf(e.getMessage());
        int cut = m.indexOf('\n');
        if (cut >= 0) {
            m = m.substring(0, cut);
        }
        m = m.strip();
        return e.getSQLState() == null ? m : m + " (SQL state " + e.getSQLState() + ")";
    }
}
