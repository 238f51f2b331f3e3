package org.powercx.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.powercx.core.IndicatorTable;
import org.powercx.jdbc.JdbcBlockReader;
import org.powercx.jdbc.JdbcResultWriter;
import org.powercx.jdbc.JdbcTableReader;
import org.powercx.jdbc.ResultColumns;

/**
 * Reading and writing through JDBC on an in-memory H2 database: a {@code rows x 16} table of doubles read whole
 * ({@link JdbcTableReader#read}) and in blocks ({@link JdbcTableReader#stream}) against the in-run baseline of a
 * bare {@link ResultSet} loop that sums every value with {@code getDouble}; results (a score and a grade per
 * customer) written in one transaction ({@link JdbcResultWriter#write}) against a bare batched
 * {@link PreparedStatement} loop. The ratios are the library's cost over plain JDBC on the same driver.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
public class JdbcBenchmark {
    /** Indicators per customer. */
    static final int COLUMNS = 16;
    /** Rows per streamed block and per write batch. */
    static final int BLOCK_ROWS = 65_536;
    static final String QUERY = query();

    /** Number of customers. */
    @Param({"1000000"})
    public int rows;

    Connection connection;
    ResultColumns results;
    int database;

    private static String query() {
        StringBuilder q = new StringBuilder("SELECT id");
        for (int j = 0; j < COLUMNS; j++) {
            q.append(", x").append(j);
        }
        return q.append(" FROM customers ORDER BY id").toString();
    }

    /**
     * Creates the database and fills the customers table with seeded values.
     *
     * @throws SQLException if the database fails
     */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        database++;
        connection = DriverManager.getConnection("jdbc:h2:mem:bench" + System.identityHashCode(this) + database
            + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");
        StringBuilder ddl = new StringBuilder("CREATE TABLE customers (id VARCHAR(20) PRIMARY KEY");
        StringBuilder marks = new StringBuilder("?");
        for (int j = 0; j < COLUMNS; j++) {
            ddl.append(", x").append(j).append(" DOUBLE PRECISION");
            marks.append(", ?");
        }
        List<String> ids = new ArrayList<>(rows);
        double[] scores = new double[rows];
        List<String> grades = new ArrayList<>(rows);
        SplittableRandom random = new SplittableRandom(20261204L);
        try (Statement s = connection.createStatement()) {
            s.execute(ddl.append(')').toString());
        }
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customers VALUES (" + marks + ")")) {
            for (int i = 0; i < rows; i++) {
                String id = "c" + i;
                insert.setString(1, id);
                for (int j = 0; j < COLUMNS; j++) {
                    insert.setDouble(j + 2, random.nextDouble() * 100);
                }
                insert.addBatch();
                if (i % 10_000 == 9_999) {
                    insert.executeBatch();
                }
                ids.add(id);
                scores[i] = random.nextDouble();
                grades.add(scores[i] < 0.2 ? "C" : scores[i] < 0.5 ? "B" : "A");
            }
            insert.executeBatch();
        }
        connection.commit();
        connection.setAutoCommit(true);
        results = ResultColumns.of(ids).withNumbers("score", scores).withTexts("grade", grades);
        scoreCache = scores;
        gradeCache = grades.toArray(new String[0]);
    }

    /**
     * Closes the database.
     *
     * @throws SQLException if closing fails
     */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SHUTDOWN");
        }
        connection.close();
    }

    /**
     * Empties the scores table before each write.
     *
     * @throws SQLException if the database fails
     */
    @Setup(Level.Invocation)
    public void emptyScores() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS scores");
            s.execute("CREATE TABLE scores (id VARCHAR(20) PRIMARY KEY, score DOUBLE PRECISION, grade VARCHAR(5))");
        }
    }

    /**
     * Baseline: a bare result-set loop summing every value.
     *
     * @return the sum
     * @throws SQLException if the query fails
     */
    @Benchmark
    public double baselineResultSetLoop() throws SQLException {
        double sum = 0;
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.setFetchSize(JdbcTableReader.DEFAULT_FETCH_SIZE);
            try (ResultSet r = s.executeQuery(QUERY)) {
                while (r.next()) {
                    sum += r.getString(1).length();
                    for (int j = 2; j <= COLUMNS + 1; j++) {
                        sum += r.getDouble(j);
                    }
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        return sum;
    }

    /**
     * Reads the whole table.
     *
     * @return the sum of the values
     */
    @Benchmark
    public double readTable() {
        return sum(0, JdbcTableReader.withDefaults().read(connection, QUERY).table());
    }

    /**
     * Streams the table in blocks.
     *
     * @return the sum of the values
     */
    @Benchmark
    public double streamBlocks() {
        double sum = 0;
        try (JdbcBlockReader blocks = JdbcTableReader.withDefaults().stream(connection, QUERY, BLOCK_ROWS)) {
            while (blocks.hasNext()) {
                sum = sum(sum, blocks.next());
            }
        }
        return sum;
    }

    static double sum(double start, IndicatorTable table) {
        double sum = start;
        for (int i = 0; i < table.rowCount(); i++) {
            sum += table.id(i).length();
            for (int j = 0; j < table.indicatorCount(); j++) {
                sum += table.get(i, j);
            }
        }
        return sum;
    }

    /**
     * Baseline: a bare batched insert of the same results in one transaction.
     *
     * @return rows written
     * @throws SQLException if the insert fails
     */
    @Benchmark
    public long baselineBatchInsert() throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO scores VALUES (?, ?, ?)")) {
            List<String> ids = results.ids();
            for (int i = 0; i < ids.size(); i++) {
                insert.setString(1, ids.get(i));
                insert.setDouble(2, scoreOf(i));
                insert.setString(3, gradeOf(i));
                insert.addBatch();
                if (i % JdbcResultWriter.DEFAULT_BATCH_SIZE == JdbcResultWriter.DEFAULT_BATCH_SIZE - 1) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
        return results.rowCount();
    }

    private double[] scoreCache;
    private String[] gradeCache;

    private double scoreOf(int i) {
        return scoreCache[i];
    }

    private String gradeOf(int i) {
        return gradeCache[i];
    }

    /**
     * Writes the results with the library's writer in one transaction.
     *
     * @return rows written
     */
    @Benchmark
    public long writeResults() {
        return JdbcResultWriter.into("scores").write(connection, results);
    }
}
