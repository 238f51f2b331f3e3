package org.powercx.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.powercx.core.Indicator;

/**
 * One execution of a query with a fetch size honoured by every driver: PostgreSQL fetches with a cursor only
 * inside a transaction, so auto-commit is switched off for the read and restored (after a rollback of the
 * read-only transaction) on close. Not thread-safe.
 */
final class QuerySession implements AutoCloseable {
    private final Connection connection;
    private final boolean restoreAutoCommit;
    private final Statement statement;
    private final QueryColumns columns;

    private QuerySession(Connection connection, boolean restoreAutoCommit, Statement statement,
            QueryColumns columns) {
        this.connection = connection;
        this.restoreAutoCommit = restoreAutoCommit;
        this.statement = statement;
        this.columns = columns;
    }

    static QuerySession open(Connection connection, String query, int fetchSize, String idColumn,
            List<Indicator> selected) {
        boolean restore = false;
        Statement statement = null;
        try {
            if (connection.getAutoCommit()) {
                connection.setAutoCommit(false);
                restore = true;
            }
            statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(fetchSize);
            ResultSet rows = statement.executeQuery(query);
            return new QuerySession(connection, restore, statement, QueryColumns.resolve(rows, idColumn, selected));
        } catch (SQLException | RuntimeException e) {
            end(connection, restore, statement, e);
            if (e instanceof SQLException) {
                throw new JdbcException(e, "query failed: %s", JdbcException.reason((SQLException) e));
            }
            throw (RuntimeException) e;
        }
    }

    QueryColumns columns() {
        return columns;
    }

    @Override
    public void close() {
        end(connection, restoreAutoCommit, statement, null);
    }

    private static void end(Connection connection, boolean restoreAutoCommit, Statement statement,
            Exception pending) {
        try {
            if (statement != null) {
                statement.close();
            }
            if (restoreAutoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (pending != null) {
                pending.addSuppressed(e);
            } else {
                throw new JdbcException(e, "closing the query failed: %s", JdbcException.reason(e));
            }
        }
    }
}
