package org.powercx.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

/** Writing results on H2 and on a real PostgreSQL server: exact values, one transaction, nothing half-written. */
class JdbcResultWriterTest {
    private static ResultColumns results(int n, int firstId) {
        SplittableRandom random = new SplittableRandom(7);
        List<String> ids = new ArrayList<>();
        double[] scores = new double[n];
        List<String> grades = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("c" + (firstId + i));
            scores[i] = Double.longBitsToDouble(random.nextLong(0x0010000000000000L, 0x7fe0000000000000L))
                * (random.nextBoolean() ? 1 : -1);
            grades.add(i % 7 == 0 ? null : "A" + (i % 3));
        }
        return ResultColumns.of(ids).withNumbers("score", scores).withTexts("grade", grades);
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.powercx.jdbc.Databases#all")
    void writesExactValuesInOneTransactionAndReadsThemBack(Databases db) throws SQLException {
        try (Connection c = db.connect()) {
            ResultColumns rows = results(2_345, 0);
            long written = JdbcResultWriter.into("scores").withCreateTable().withBatchSize(500).write(c, rows);
            assertThat(written).isEqualTo(2_345);
            assertThat(c.getAutoCommit()).isTrue();
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT id, score, grade FROM scores")) {
                int seen = 0;
                while (r.next()) {
                    int i = Integer.parseInt(r.getString(1).substring(1));
                    assertThat(Double.doubleToRawLongBits(r.getDouble(2))).as("score of c%d", i)
                        .isEqualTo(Double.doubleToRawLongBits(rows.number(0, i)));
                    assertThat(r.getString(3)).isEqualTo(rows.text(1, i));
                    seen++;
                }
                assertThat(seen).isEqualTo(2_345);
            }
            IndicatorTable back = JdbcTableReader.withDefaults()
                .read(c, "SELECT id, score FROM scores ORDER BY id").table();
            assertThat(back.rowCount()).isEqualTo(2_345);
        }
    }

    @ParameterizedTest
    @MethodSource("org.powercx.jdbc.Databases#all")
    void aRefusedRowLeavesNothingWrittenAndIsNamed(Databases db) throws SQLException {
        try (Connection c = db.connect()) {
            JdbcResultWriter writer = JdbcResultWriter.into("scores").withCreateTable().withBatchSize(100);
            writer.write(c, results(10, 1_000));
            // c1005 exists already: a plain insert of 0..1999 fails in the eleventh batch
            assertThatThrownBy(() -> writer.write(c, results(2_000, 0).withNumbers("extra", new double[2_000])))
                .isInstanceOf(JdbcException.class);
            assertThatThrownBy(() -> writer.write(c, results(2_000, 0)))
                .isInstanceOf(JdbcException.class)
                .hasMessageStartingWith("table scores: customer 'c1000' was refused: ")
                .hasMessageEndingWith("(SQL state 23505)");
            assertThat(count(c, "scores")).isEqualTo(10);
            assertThat(c.getAutoCommit()).isTrue();

            long updated = writer.withUpsert().write(c, results(2_000, 0));
            assertThat(updated).isEqualTo(2_000);
            assertThat(count(c, "scores")).isEqualTo(2_000);
        }
    }

    @ParameterizedTest
    @MethodSource("org.powercx.jdbc.Databases#all")
    void aSinkClosedWithoutCommitRollsBackAndACallersTransactionIsTheCallers(Databases db) throws SQLException {
        try (Connection c = db.connect()) {
            JdbcResultWriter writer = JdbcResultWriter.into("scores").withCreateTable();
            try (JdbcResultSink sink = writer.open(c)) {
                sink.append(results(50, 0));
                sink.append(results(50, 50));
                assertThat(sink.rowsWritten()).isEqualTo(100);
                assertThatThrownBy(() -> sink.append(ResultColumns.of(List.of("x")).withNumbers("other",
                    new double[1]))).hasMessage("table scores: block has columns [other] but the first block had "
                        + "[score, grade]");
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS scores (id VARCHAR(1000) PRIMARY KEY, score DOUBLE PRECISION, "
                    + "grade VARCHAR(10000))");
            }
            assertThat(count(c, "scores")).isZero();
            try (JdbcResultSink sink = writer.open(c)) {
                sink.append(results(30, 0)).append(results(30, 30));
                sink.commit();
                assertThatThrownBy(() -> sink.append(results(1, 99)))
                    .hasMessage("table scores: this sink is already committed or closed");
            }
            assertThat(count(c, "scores")).isEqualTo(60);

            c.setAutoCommit(false);
            writer.write(c, results(5, 100));
            c.rollback();
            c.setAutoCommit(true);
            assertThat(count(c, "scores")).isEqualTo(60);
        }
    }

    @Test
    void namesAndValuesAreValidated() {
        assertThatThrownBy(() -> JdbcResultWriter.into("scores; DROP TABLE customers"))
            .isInstanceOf(JdbcException.class)
            .hasMessage("table name 'scores; DROP TABLE customers' is not a plain SQL identifier (letters, digits and "
                + "underscores, not starting with a digit, at most 63 characters)");
        assertThat(JdbcResultWriter.into("analytics.scores").toString()).contains("analytics.scores");
        assertThatThrownBy(() -> JdbcResultWriter.into("a.b.c")).hasMessageStartingWith("table name 'b.c'");
        assertThatThrownBy(() -> JdbcResultWriter.into("s").withBatchSize(0))
            .hasMessage("batch size must be in [1, 1000000] but was 0");
        ResultColumns rows = ResultColumns.of(List.of("a", "b"));
        assertThatThrownBy(() -> rows.withNumbers("score", new double[] {1, Double.NaN}))
            .hasMessage("column 'score', customer 'b': value NaN is not finite");
        assertThatThrownBy(() -> rows.withNumbers("score", new double[3]))
            .hasMessage("column 'score' has 3 values but there are 2 rows");
        assertThatThrownBy(() -> rows.withNumbers("x", new double[2]).withTexts("X", Arrays.asList("a", null)))
            .hasMessage("column 'X' is given twice");
        assertThatThrownBy(() -> rows.withTexts("credit grade", List.of("a", "b")))
            .hasMessageStartingWith("column name 'credit grade' is not a plain SQL identifier");
        assertThatThrownBy(() -> ResultColumns.of(List.of("a", "a"))).hasMessage("duplicate id 'a' in row 2");
        assertThatThrownBy(() -> JdbcResultWriter.into("s").write(null, rows)).hasMessage("connection is null");
        IndicatorTable table = IndicatorTable.builder(Indicator.benefit("v")).row("a", 1).row("b", 2).build();
        assertThat(ResultColumns.of(table).names()).containsExactly("v");
    }

    @ParameterizedTest
    @MethodSource("org.powercx.jdbc.Databases#all")
    void theIdColumnCannotBeWrittenTwice(Databases db) throws SQLException {
        try (Connection c = db.connect()) {
            ResultColumns rows = ResultColumns.of(List.of("a")).withNumbers("id", new double[1]);
            assertThatThrownBy(() -> JdbcResultWriter.into("s").withCreateTable().write(c, rows))
                .hasMessage("table s: column 'id' is also the id column");
            assertThat(c.getAutoCommit()).isTrue();
        }
    }
}
