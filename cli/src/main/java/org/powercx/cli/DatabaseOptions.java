package org.powercx.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.core.MissingValuePolicy;
import org.powercx.jdbc.JdbcException;
import org.powercx.jdbc.JdbcReadResult;
import org.powercx.jdbc.JdbcResultWriter;
import org.powercx.jdbc.JdbcTableReader;
import org.powercx.jdbc.ResultColumns;
import picocli.CommandLine.Option;

/**
 * The options of a command that reads its customers from a database query instead of a CSV file, and may write
 * its results back into a table. The user name and password come from the URL or from the environment variables
 * {@code POWERCX_JDBC_USER} and {@code POWERCX_JDBC_PASSWORD}, never from the command line (where other users of
 * the machine could read them). The runnable jar carries the PostgreSQL and H2 drivers.
 */
final class DatabaseOptions {
    @Option(names = "--jdbc", paramLabel = "URL",
        description = "Read the customers from this database (jdbc:postgresql://host/db, jdbc:h2:./file) with "
            + "--query instead of a CSV file; credentials from POWERCX_JDBC_USER/POWERCX_JDBC_PASSWORD.")
    String url;

    @Option(names = "--query", paramLabel = "SQL",
        description = "With --jdbc: the query; its first column (or --id) holds the ids, the others the indicators.")
    String query;

    @Option(names = "--write-table", paramLabel = "TABLE",
        description = "With --jdbc: also write the results into this table (created if absent; all rows in one "
            + "transaction).")
    String writeTable;

    @Option(names = "--upsert", description = "With --write-table: replace the rows of customers already in the "
        + "table instead of failing on them.")
    boolean upsert;

    /** Creates the options; picocli fills them. */
    DatabaseOptions() {
        // picocli instantiates the options
    }

    /**
     * Whether the command reads from a database.
     *
     * @param file the CSV file argument, or null
     * @return true with --jdbc
     * @throws CliException if the options do not go together
     */
    boolean inUse(Object file) {
        if (url == null) {
            if (query != null || writeTable != null || upsert) {
                throw new CliException("option %s: needs --jdbc", query != null ? "--query"
                    : writeTable != null ? "--write-table" : "--upsert");
            }
            if (file == null) {
                throw new CliException("give a CSV file, or --jdbc URL with --query SQL");
            }
            return false;
        }
        if (file != null) {
            throw new CliException("option --jdbc: give either a CSV file or --jdbc, not both");
        }
        if (query == null || query.isBlank()) {
            throw new CliException("option --jdbc: needs --query SQL");
        }
        if (upsert && writeTable == null) {
            throw new CliException("option --upsert: needs --write-table");
        }
        return true;
    }

    /**
     * Runs the query into a table.
     *
     * @param idColumn the id column, or null for the first column
     * @param columns the indicator columns to keep, or empty for all
     * @param cost indicators where smaller is better
     * @param targets indicators with a target value
     * @param missing the policy for NULL values
     * @return the table
     * @throws CliException naming the option, column or database reason of any failure
     */
    IndicatorTable read(String idColumn, List<String> columns, List<String> cost, Map<String, Double> targets,
            MissingValuePolicy missing) {
        if (Inputs.ROW_NUMBERS.equals(idColumn)) {
            throw new CliException("option --no-id: for CSV files; a query names its id column with --id");
        }
        JdbcTableReader reader = JdbcTableReader.withDefaults().withMissingValuePolicy(missing);
        if (idColumn != null) {
            reader = reader.withIdColumn(idColumn);
        }
        if (!columns.isEmpty()) {
            reader = reader.withColumns(columns.toArray(new String[0]));
        }
        JdbcReadResult read;
        try (Connection connection = connect()) {
            read = reader.read(connection, query);
        } catch (SQLException e) {
            throw new CliException("option --jdbc: %s", reason(e));
        } catch (JdbcException e) {
            throw new CliException("option --query: %s", e.getMessage());
        }
        IndicatorTable table = read.table();
        List<Indicator> definitions = new ArrayList<>();
        for (String name : table.indicatorNames()) {
            Double target = targets.get(name);
            definitions.add(cost.contains(name) ? Indicator.cost(name)
                : target != null ? Indicator.target(name, target) : Indicator.benefit(name));
        }
        for (String name : cost) {
            requireColumn(table, "--cost", name);
        }
        for (String name : targets.keySet()) {
            requireColumn(table, "--target", name);
        }
        try {
            return table.withIndicators(definitions);
        } catch (IllegalArgumentException e) {
            throw new CliException("option --cost/--target: %s", e.getMessage());
        }
    }

    /**
     * Writes result columns into the --write-table table, if one was given.
     *
     * @param rows the results
     * @return the number of rows written, 0 without --write-table
     * @throws CliException naming the table and the database's reason; nothing is written then
     */
    long write(ResultColumns rows) {
        if (writeTable == null) {
            return 0;
        }
        JdbcResultWriter writer;
        try {
            writer = JdbcResultWriter.into(writeTable).withCreateTable();
            if (upsert) {
                writer = writer.withUpsert();
            }
        } catch (JdbcException e) {
            throw new CliException("option --write-table: %s", e.getMessage());
        }
        try (Connection connection = connect()) {
            return writer.write(connection, rows);
        } catch (SQLException e) {
            throw new CliException("option --jdbc: %s", reason(e));
        } catch (JdbcException e) {
            throw new CliException("option --write-table: %s", e.getMessage());
        }
    }

    private static void requireColumn(IndicatorTable table, String option, String name) {
        if (!table.contains(name)) {
            throw new CliException("option %s: '%s' is not a column of the query (columns: %s)", option, name,
                String.join(", ", table.indicatorNames()));
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        String user = System.getenv("POWERCX_JDBC_USER");
        String password = System.getenv("POWERCX_JDBC_PASSWORD");
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    private String reason(SQLException e) {
        String state = e.getSQLState();
        if ("08001".equals(state) && String.valueOf(e.getMessage()).startsWith("No suitable driver")) {
            int colon = url.indexOf(':', url.indexOf(':') + 1);
            String scheme = colon > 0 ? url.substring(0, colon) : "the URL";
            return String.format(java.util.Locale.ROOT, "no driver for %s (the jar carries PostgreSQL and H2;"
                + " for another database run org.powercx.cli.Main with its driver on the class path)",
                org.powercx.core.internal.Messages.quote(scheme));
        }
        String reason = org.powercx.core.internal.Messages.oneLine(String.valueOf(e.getMessage()));
        return "cannot connect: " + (reason.length() <= 200 ? reason : reason.substring(0, 200) + "...");
    }
}
