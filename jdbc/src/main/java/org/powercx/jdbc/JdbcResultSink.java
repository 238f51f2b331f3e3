package org.powercx.jdbc;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Locale;

/**
 * An open transaction that blocks of rows are written into, from {@link JdbcResultWriter#open}. Every block
 * must have the same columns as the first. {@link #commit()} ends it; {@link #close()} without a commit rolls
 * back, so that an interrupted scoring run leaves nothing half-written. Not thread-safe.
 *
 * @since 0.2.0
 */
public final class JdbcResultSink implements AutoCloseable {
    private final Connection connection;
    private final boolean ownsTransaction;
    private final String table;
    private final String idColumn;
    private final int batchSize;
    private final boolean upsert;
    private final boolean create;
    private final String product;
    private List<String> columns;
    private PreparedStatement statement;
    private long rowsWritten;
    private boolean done;

    private JdbcResultSink(Connection connection, boolean ownsTransaction, String table, String idColumn,
            int batchSize, boolean upsert, boolean create, String product) {
        this.connection = connection;
        this.ownsTransaction = ownsTransaction;
        this.table = table;
        this.idColumn = idColumn;
        this.batchSize = batchSize;
        this.upsert = upsert;
        this.create = create;
        this.product = product;
    }

    static JdbcResultSink open(Connection connection, String table, String idColumn, int batchSize,
            boolean upsert, boolean create) {
        try {
            boolean owns = connection.getAutoCommit();
            if (owns) {
                connection.setAutoCommit(false);
            }
            String product = connection.getMetaData().getDatabaseProductName();
            return new JdbcResultSink(connection, owns, table, idColumn, batchSize, upsert, create, product);
        } catch (SQLException e) {
            throw new JdbcException(e, "cannot start a transaction: %s", JdbcException.reason(e));
        }
    }

    /**
     * Writes a block of rows (not yet committed).
     *
     * @param rows the rows, with the same columns as every earlier block
     * @return this sink
     * @throws JdbcException if the sink is closed or committed, the rows are null or have other columns, or the
     *     database refuses a row (naming its id); the transaction is rolled back then
     */
    public JdbcResultSink append(ResultColumns rows) {
        if (done) {
            throw new JdbcException("table %s: this sink is already committed or closed", table);
        }
        if (rows == null) {
            throw new JdbcException("rows are null");
        }
        try {
            if (statement == null) {
                start(rows);
            } else if (!columns.equals(rows.names())) {
                throw new JdbcException("table %s: block has columns %s but the first block had %s", table,
                    rows.names(), columns);
            }
            int pendingFrom = 0;
            for (int i = 0; i < rows.rowCount(); i++) {
                bind(rows, i);
                statement.addBatch();
                if (i - pendingFrom + 1 == batchSize) {
                    execute(rows, pendingFrom);
                    pendingFrom = i + 1;
                }
            }
            if (pendingFrom < rows.rowCount()) {
                execute(rows, pendingFrom);
            }
            rowsWritten += rows.rowCount();
            return this;
        } catch (SQLException e) {
            abort(e);
            throw new JdbcException(e, "table %s: %s", table, JdbcException.reason(e));
        } catch (JdbcException e) {
            abort(e);
            throw e;
        }
    }

    private void execute(ResultColumns rows, int from) throws SQLException {
        try {
            statement.executeBatch();
        } catch (BatchUpdateException e) {
            int[] counts = e.getUpdateCounts();
            int failed = counts == null ? -1 : counts.length;
            for (int k = 0; counts != null && k < counts.length; k++) {
                if (counts[k] == Statement.EXECUTE_FAILED) {
                    failed = k;
                    break;
                }
            }
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            if (failed >= 0 && from + failed < rows.rowCount()) {
                throw new JdbcException(e, "table %s: customer '%s' was refused: %s", table,
                    rows.ids().get(from + failed), JdbcException.reason(cause));
            }
            throw new JdbcException(e, "table %s: %s", table, JdbcException.reason(cause));
        }
    }

    private void start(ResultColumns first) throws SQLException {
        List<String> names = first.names();
        for (String n : names) {
            if (n.equalsIgnoreCase(idColumn)) {
                throw new JdbcException("table %s: column '%s' is also the id column", table, n);
            }
        }
        columns = names;
        if (create) {
            createTable(first);
        }
        statement = connection.prepareStatement(insertSql(names));
    }

    private void createTable(ResultColumns first) throws SQLException {
        List<String> names = first.names();
        StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(table).append(" (")
            .append(idColumn).append(" VARCHAR(1000) PRIMARY KEY");
        for (int j = 0; j < names.size(); j++) {
            sql.append(", ").append(names.get(j)).append(' ')
                .append(first.isNumber(j) ? "DOUBLE PRECISION" : "VARCHAR(10000)");
        }
        try (Statement s = connection.createStatement()) {
            s.execute(sql.append(')').toString());
        }
    }

    private String insertSql(List<String> names) {
        StringBuilder cols = new StringBuilder(idColumn);
        StringBuilder marks = new StringBuilder("?");
        for (String n : names) {
            cols.append(", ").append(n);
            marks.append(", ?");
        }
        if (!upsert) {
            return "INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ")";
        }
        String p = product.toLowerCase(Locale.ROOT);
        if (p.contains("postgres")) {
            StringBuilder set = new StringBuilder();
            for (String n : names) {
                set.append(set.length() == 0 ? "" : ", ").append(n).append(" = EXCLUDED.").append(n);
            }
            return "INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ") ON CONFLICT (" + idColumn
                + ") " + (names.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + set);
        }
        if (p.equals("h2")) {
            return "MERGE INTO " + table + " (" + cols + ") KEY (" + idColumn + ") VALUES (" + marks + ")";
        }
        throw new JdbcException("table %s: upsert is supported on PostgreSQL and H2, not on %s", table, product);
    }

    private void bind(ResultColumns rows, int i) throws SQLException {
        statement.setString(1, rows.ids().get(i));
        for (int j = 0; j < columns.size(); j++) {
            if (rows.isNumber(j)) {
                statement.setDouble(j + 2, rows.number(j, i));
            } else {
                String text = rows.text(j, i);
                if (text == null) {
                    statement.setNull(j + 2, Types.VARCHAR);
                } else {
                    statement.setString(j + 2, text);
                }
            }
        }
    }

    /**
     * Commits the rows written (if this sink started the transaction) and ends the sink.
     *
     * @throws JdbcException if already ended, or the commit fails (the transaction is rolled back then)
     */
    public void commit() {
        if (done) {
            throw new JdbcException("table %s: this sink is already committed or closed", table);
        }
        try {
            if (statement != null) {
                statement.close();
            }
            if (ownsTransaction) {
                connection.commit();
                connection.setAutoCommit(true);
            }
            done = true;
        } catch (SQLException e) {
            abort(e);
            throw new JdbcException(e, "table %s: commit failed: %s", table, JdbcException.reason(e));
        }
    }

    /**
     * Rows written so far.
     *
     * @return the count
     */
    public long rowsWritten() {
        return rowsWritten;
    }

    /** Rolls back unless committed, and ends the sink. */
    @Override
    public void close() {
        if (!done) {
            abort(null);
        }
    }

    private void abort(Exception pending) {
        done = true;
        try {
            if (statement != null) {
                statement.close();
            }
            if (ownsTransaction) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (pending != null) {
                pending.addSuppressed(e);
            }
        }
    }
}
