package org.powercx.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.powercx.core.CoreException;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.core.MissingValuePolicy;

/**
 * Reads a SQL query's result into an {@link IndicatorTable}, whole ({@link #read}) or in blocks of rows
 * ({@link #stream}), through plain JDBC with the user's own driver and connection.
 *
 * <p>By default the first column holds the customer ids and every other column is a benefit indicator named by
 * its label; {@link #withIdColumn}, {@link #withRowNumberIds()} and {@link #withIndicators} change that. Columns
 * are checked against the result's metadata before any row is read: an indicator must have a numeric SQL type
 * (integer, decimal or floating point), and a column of another type is named with its type. A SQL {@code NULL}
 * is a missing value and follows the same {@link MissingValuePolicy} as the CSV reader (reject, drop the row, or
 * fill with the column mean; when streaming, the means come from a first execution of the query). NaN or
 * infinite values are rejected, naming the customer and the column. Rows are fetched {@value #DEFAULT_FETCH_SIZE}
 * at a time unless {@link #withFetchSize} says otherwise; auto-commit is switched off while reading, as
 * PostgreSQL needs to fetch with a cursor, and restored afterwards. Immutable and thread-safe; a connection is
 * used by one call at a time.
 *
 * @since 0.2.0
 */
public final class JdbcTableReader {
    /** Rows fetched per round trip by default. */
    public static final int DEFAULT_FETCH_SIZE = 10_000;
    /** The largest block of rows {@link #stream} accepts. */
    public static final int MAX_BLOCK_ROWS = 10_000_000;
    private static final String ROW_NUMBERS = "";
    private static final JdbcTableReader DEFAULTS =
        new JdbcTableReader(null, null, MissingValuePolicy.REJECT, DEFAULT_FETCH_SIZE);

    private final String idColumn;
    private final List<Indicator> indicators;
    private final MissingValuePolicy policy;
    private final int fetchSize;

    private JdbcTableReader(String idColumn, List<Indicator> indicators, MissingValuePolicy policy, int fetchSize) {
        this.idColumn = idColumn;
        this.indicators = indicators;
        this.policy = policy;
        this.fetchSize = fetchSize;
    }

    /**
     * Ids from the first column, every other column a benefit indicator, NULLs rejected.
     *
     * @return the reader
     */
    public static JdbcTableReader withDefaults() {
        return DEFAULTS;
    }

    /**
     * Takes the ids from a named column (matched ignoring case, as SQL does for unquoted names).
     *
     * @param name the column's label
     * @return a new reader
     * @throws JdbcException if the name is null or blank
     */
    public JdbcTableReader withIdColumn(String name) {
        if (name == null || name.isBlank()) {
            throw new JdbcException("id column name is %s", name == null ? "null" : "blank");
        }
        return new JdbcTableReader(name, indicators, policy, fetchSize);
    }

    /**
     * Uses the row numbers 1, 2, ... as ids, so that every column can be an indicator.
     *
     * @return a new reader
     */
    public JdbcTableReader withRowNumberIds() {
        return new JdbcTableReader(ROW_NUMBERS, indicators, policy, fetchSize);
    }

    /**
     * Reads only these indicators, with their directions, units and descriptions; other columns are ignored.
     *
     * @param definitions the indicators, named as the result's columns
     * @return a new reader
     * @throws JdbcException if the list is null or empty, or holds a null or a duplicate name
     */
    public JdbcTableReader withIndicators(List<Indicator> definitions) {
        if (definitions == null || definitions.isEmpty()) {
            throw new JdbcException("indicator list is %s", definitions == null ? "null" : "empty");
        }
        List<String> seen = new ArrayList<>();
        for (Indicator d : definitions) {
            if (d == null) {
                throw new JdbcException("indicator %d is null", seen.size() + 1);
            }
            if (seen.stream().anyMatch(d.name()::equalsIgnoreCase)) {
                throw new JdbcException("indicator '%s' is given twice", d.name());
            }
            seen.add(d.name());
        }
        return new JdbcTableReader(idColumn, List.copyOf(definitions), policy, fetchSize);
    }

    /**
     * Reads only these columns, as benefit indicators.
     *
     * @param names the columns
     * @return a new reader
     * @throws JdbcException if no name is given, or a name is null, blank or given twice
     */
    public JdbcTableReader withColumns(String... names) {
        if (names == null || names.length == 0) {
            throw new JdbcException("no columns given");
        }
        List<Indicator> list = new ArrayList<>();
        for (String n : names) {
            if (n == null || n.isBlank()) {
                throw new JdbcException("column %d name is %s", list.size() + 1, n == null ? "null" : "blank");
            }
            list.add(Indicator.benefit(n));
        }
        return withIndicators(list);
    }

    /**
     * Handles NULL values by this policy.
     *
     * @param newPolicy the policy
     * @return a new reader
     * @throws JdbcException if the policy is null
     */
    public JdbcTableReader withMissingValuePolicy(MissingValuePolicy newPolicy) {
        if (newPolicy == null) {
            throw new JdbcException("missing-value policy is null");
        }
        return new JdbcTableReader(idColumn, indicators, newPolicy, fetchSize);
    }

    /**
     * Fetches this many rows per round trip.
     *
     * @param rows the fetch size, in [1, 1,000,000]
     * @return a new reader
     * @throws JdbcException if out of range
     */
    public JdbcTableReader withFetchSize(int rows) {
        if (rows < 1 || rows > 1_000_000) {
            throw new JdbcException("fetch size must be in [1, 1000000] but was %d", rows);
        }
        return new JdbcTableReader(idColumn, indicators, policy, rows);
    }

    /**
     * Reads a query's whole result.
     *
     * @param connection an open connection; used, not closed
     * @param query the query
     * @return the table and what the missing-value policy did
     * @throws JdbcException if an argument is null, the query fails (with the database's reason), or a column or
     *     value is invalid (naming it)
     */
    public JdbcReadResult read(Connection connection, String query) {
        check(connection, query);
        try (QuerySession session = QuerySession.open(connection, query, fetchSize, idColumn, indicators)) {
            QueryColumns columns = session.columns();
            int m = columns.indicators().size();
            double[][] data = new double[m][1024];
            List<String> ids = new ArrayList<>();
            double[] row = new double[m];
            long read = 0;
            long dropped = 0;
            while (columns.next()) {
                read++;
                String id = columns.id();
                int missing = columns.read(id, row);
                if (missing > 0) {
                    if (policy == MissingValuePolicy.DROP_ROWS) {
                        dropped++;
                        continue;
                    }
                    if (policy == MissingValuePolicy.REJECT) {
                        throw rejected(columns, id, row);
                    }
                }
                int i = ids.size();
                if (i == Integer.MAX_VALUE - 8) {
                    throw new JdbcException("query result has more than %d rows; use stream(...)", i);
                }
                if (i == data[0].length) {
                    int capacity = (int) Math.min(Integer.MAX_VALUE - 8L, i + (i >> 1));
                    for (int j = 0; j < m; j++) {
                        data[j] = Arrays.copyOf(data[j], capacity);
                    }
                }
                for (int j = 0; j < m; j++) {
                    data[j][i] = row[j];
                }
                ids.add(id);
            }
            int n = ids.size();
            if (n == 0) {
                throw new JdbcException("query returned no rows%s", dropped > 0 ? " without NULLs (" + dropped
                    + " dropped)" : "");
            }
            long filled = 0;
            for (int j = 0; j < m; j++) {
                data[j] = Arrays.copyOf(data[j], n);
                filled += fillWithMean(columns.name(j), data[j], n);
            }
            return new JdbcReadResult(table(columns.indicators(), ids, data), read, dropped, filled);
        } catch (SQLException e) {
            throw new JdbcException(e, "reading the query result failed: %s", JdbcException.reason(e));
        }
    }

    /**
     * Streams a query's result in blocks of rows, holding one block at a time. Under
     * {@link MissingValuePolicy#COLUMN_MEAN} the query runs twice: first for the column means, then for the rows.
     *
     * @param connection an open connection; used until the block reader is closed, not closed
     * @param query the query
     * @param blockRows rows per block, in [1, {@value #MAX_BLOCK_ROWS}]
     * @return the blocks; close it (try-with-resources)
     * @throws JdbcException if an argument is null or out of range, or the query fails
     */
    public JdbcBlockReader stream(Connection connection, String query, int blockRows) {
        check(connection, query);
        if (blockRows < 1 || blockRows > MAX_BLOCK_ROWS) {
            throw new JdbcException("block size must be in [1, %d] but was %d", MAX_BLOCK_ROWS, blockRows);
        }
        double[] means = policy == MissingValuePolicy.COLUMN_MEAN ? means(connection, query) : null;
        return new JdbcBlockReader(QuerySession.open(connection, query, fetchSize, idColumn, indicators), blockRows,
            policy, means);
    }

    private double[] means(Connection connection, String query) {
        try (QuerySession session = QuerySession.open(connection, query, fetchSize, idColumn, indicators)) {
            QueryColumns columns = session.columns();
            int m = columns.indicators().size();
            double[] sums = new double[m];
            long[] counts = new long[m];
            double[] row = new double[m];
            while (columns.next()) {
                columns.read(columns.id(), row);
                for (int j = 0; j < m; j++) {
                    if (!Double.isNaN(row[j])) {
                        sums[j] += row[j];
                        counts[j]++;
                    }
                }
            }
            for (int j = 0; j < m; j++) {
                if (counts[j] == 0) {
                    throw new JdbcException("column '%s' is NULL in every row; no mean to fill with", columns.name(j));
                }
                sums[j] /= counts[j];
            }
            return sums;
        } catch (SQLException e) {
            throw new JdbcException(e, "reading the query result failed: %s", JdbcException.reason(e));
        }
    }

    static JdbcException rejected(QueryColumns columns, String id, double[] row) {
        int j = 0;
        while (!Double.isNaN(row[j])) {
            j++;
        }
        return new JdbcException("customer '%s': column '%s' is NULL (missing-value policy REJECT; choose "
            + "DROP_ROWS or COLUMN_MEAN to accept it)", id, columns.name(j));
    }

    private static long fillWithMean(String name, double[] column, int n) {
        double sum = 0;
        int present = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(column[i])) {
                sum += column[i];
                present++;
            }
        }
        if (present == n) {
            return 0;
        }
        if (present == 0) {
            throw new JdbcException("column '%s' is NULL in every row; no mean to fill with", name);
        }
        double mean = sum / present;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(column[i])) {
                column[i] = mean;
            }
        }
        return n - present;
    }

    static IndicatorTable table(List<Indicator> indicators, List<String> ids, double[][] columns) {
        try {
            return IndicatorTable.ofColumns(indicators, ids, columns);
        } catch (CoreException e) {
            throw new JdbcException(e, "query result: %s", e.getMessage());
        }
    }

    private static void check(Connection connection, String query) {
        if (connection == null) {
            throw new JdbcException("connection is null");
        }
        if (query == null || query.isBlank()) {
            throw new JdbcException("query is %s", query == null ? "null" : "blank");
        }
    }
}
