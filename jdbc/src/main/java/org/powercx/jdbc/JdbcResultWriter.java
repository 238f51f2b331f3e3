package org.powercx.jdbc;

import java.sql.Connection;

/**
 * Writes results (scores, grades, segments, service measures) to a database table in batches inside one
 * transaction, so that a failure leaves nothing half-written.
 *
 * <p>The rows are inserted, or, {@link #withUpsert() with upsert}, inserted or updated by id (PostgreSQL's
 * {@code INSERT ... ON CONFLICT (id) DO UPDATE}, H2's {@code MERGE INTO ... KEY (id)}; other databases are
 * refused by name). {@link #withCreateTable()} creates the table if it does not exist, with the id as primary
 * key, numbers as {@code DOUBLE PRECISION} and texts as {@code VARCHAR}. Table and column names must be plain
 * SQL identifiers; they are not quoted, so the database folds their case as it does for names typed in SQL.
 *
 * <p>Transactions: if the connection is in auto-commit mode, the writer switches it off, commits when all rows
 * are written (or rolls back on failure) and restores it. If auto-commit is already off, the caller owns the
 * transaction: the rows are written in it, and committing or rolling back is the caller's. Immutable and
 * thread-safe; a connection is used by one call at a time.
 *
 * @since 0.2.0
 */
public final class JdbcResultWriter {
    /** Rows sent per batch by default. */
    public static final int DEFAULT_BATCH_SIZE = 1_000;

    private final String table;
    private final String idColumn;
    private final int batchSize;
    private final boolean upsert;
    private final boolean create;

    private JdbcResultWriter(String table, String idColumn, int batchSize, boolean upsert, boolean create) {
        this.table = table;
        this.idColumn = idColumn;
        this.batchSize = batchSize;
        this.upsert = upsert;
        this.create = create;
    }

    /**
     * A writer into a table, ids in column {@code id}, plain inserts into an existing table.
     *
     * @param table the table, optionally schema-qualified ({@code schema.table})
     * @return the writer
     * @throws JdbcException if the name is not a plain SQL identifier
     */
    public static JdbcResultWriter into(String table) {
        SqlNames.checkTable(table);
        return new JdbcResultWriter(table, "id", DEFAULT_BATCH_SIZE, false, false);
    }

    /**
     * Writes the ids into another column.
     *
     * @param name the column
     * @return a new writer
     * @throws JdbcException if the name is not a plain SQL identifier
     */
    public JdbcResultWriter withIdColumn(String name) {
        SqlNames.checkIdentifier(name, "id column");
        return new JdbcResultWriter(table, name, batchSize, upsert, create);
    }

    /**
     * Sends this many rows per batch.
     *
     * @param rows the batch size, in [1, 1,000,000]
     * @return a new writer
     * @throws JdbcException if out of range
     */
    public JdbcResultWriter withBatchSize(int rows) {
        if (rows < 1 || rows > 1_000_000) {
            throw new JdbcException("batch size must be in [1, 1000000] but was %d", rows);
        }
        return new JdbcResultWriter(table, idColumn, rows, upsert, create);
    }

    /**
     * Inserts new ids and updates the columns of existing ones.
     *
     * @return a new writer
     */
    public JdbcResultWriter withUpsert() {
        return new JdbcResultWriter(table, idColumn, batchSize, true, create);
    }

    /**
     * Creates the table if it does not exist.
     *
     * @return a new writer
     */
    public JdbcResultWriter withCreateTable() {
        return new JdbcResultWriter(table, idColumn, batchSize, upsert, true);
    }

    /**
     * Writes rows in one transaction.
     *
     * @param connection an open connection; used, not closed
     * @param rows the rows
     * @return the number of rows written
     * @throws JdbcException if an argument is null, a column name clashes with the id column, or the database
     *     refuses a row (naming the row's id and the database's reason); nothing is written then
     */
    public long write(Connection connection, ResultColumns rows) {
        try (JdbcResultSink sink = open(connection)) {
            sink.append(rows);
            sink.commit();
            return sink.rowsWritten();
        }
    }

    /**
     * Opens a transaction to write blocks of rows into, for results scored block by block.
     *
     * @param connection an open connection; used until the sink is closed, not closed
     * @return the sink; append blocks, then {@link JdbcResultSink#commit()}; closing it without committing rolls
     *     back
     * @throws JdbcException if the connection is null or the transaction cannot be started
     */
    public JdbcResultSink open(Connection connection) {
        if (connection == null) {
            throw new JdbcException("connection is null");
        }
        return JdbcResultSink.open(connection, table, idColumn, batchSize, upsert, create);
    }

    @Override
    public String toString() {
        return "JdbcResultWriter[" + table + ", id " + idColumn + ", batch " + batchSize
            + (upsert ? ", upsert" : "") + (create ? ", create" : "") + "]";
    }
}
