package org.powercx.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.powercx.core.CsvTableReader;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.core.MissingValuePolicy;

/** Reading query results on H2 and on a real PostgreSQL server, checked against the CSV reader on the same data. */
class JdbcTableReaderTest {
    private static final int ROWS = 500;

    /** The same customers as a CSV text and as SQL inserts; values in shortest round-trip form. */
    private static String[] sample(Connection c) throws SQLException {
        SplittableRandom random = new SplittableRandom(20261204L);
        StringBuilder csv = new StringBuilder("id,consumption,arrears,payments\n");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id VARCHAR(20) PRIMARY KEY, consumption DOUBLE PRECISION, "
                + "arrears NUMERIC(12,3), payments INTEGER, channel VARCHAR(20))");
            StringBuilder insert = new StringBuilder();
            for (int i = 0; i < ROWS; i++) {
                String id = String.format(Locale.ROOT, "c%04d", i);
                double consumption = random.nextDouble() * 1e4 - 10;
                String arrears = String.format(Locale.ROOT, "%.3f", random.nextDouble() * 1000);
                int payments = random.nextInt(-5, 13);
                csv.append(id).append(',').append(consumption).append(',').append(arrears).append(',')
                    .append(payments).append('\n');
                insert.append(insert.length() == 0 ? "" : ", ").append("('").append(id).append("', ")
                    .append(consumption).append(", ").append(arrears).append(", ").append(payments)
                    .append(", 'web')");
            }
            s.execute("INSERT INTO customers VALUES " + insert);
        }
        return new String[] {csv.toString()};
    }

    private static void assertSameBits(IndicatorTable actual, IndicatorTable expected) {
        assertThat(actual.ids()).isEqualTo(expected.ids());
        assertThat(actual.indicators()).isEqualTo(expected.indicators());
        for (int j = 0; j < expected.indicatorCount(); j++) {
            double[] a = actual.column(j);
            double[] e = expected.column(j);
            for (int i = 0; i < e.length; i++) {
                assertThat(Double.doubleToRawLongBits(a[i])).as("row %d column %d", i, j)
                    .isEqualTo(Double.doubleToRawLongBits(e[i]));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.powercx.jdbc.Databases#all")
    void readsWhatTheCsvReaderReadsBitForBit(Databases db) throws SQLException {
        try (Connection c = db.connect()) {
            String csv = sample(c)[0];
            IndicatorTable expected = CsvTableReader.withDefaults().read(new StringReader(csv), "customers.csv")
                .table();
            JdbcReadResult result = JdbcTableReader.withDefaults().withFetchSize(64)
                .read(c, "SELECT id, consumption, arrears, payments FROM customers ORDER BY id");
            assertSameBits(result.table(), expected);
            assertThat(result.rowsRead()).isEqualTo(ROWS);
            assertThat(c.getAutoCommit()).isTrue();

            List<IndicatorTable> blocks = new ArrayList<>();
            try (JdbcBlockReader reader = JdbcTableReader.withDefaults().withFetchSize(50).withIdColumn("ID")
                    .withIndicators(List.of(Indicator.benefit("consumption"), Indicator.cost("arrears"),
                        Indicator.benefit("payments")))
                    .stream(c, "SELECT channel, payments, arrears, consumption, id FROM customers ORDER BY id", 77)) {
                reader.forEachRemaining(blocks::add);
                assertThat(reader.rowsRead()).isEqualTo(ROWS);
            }
            assertThat(blocks).hasSize((ROWS + 76) / 77);
            assertThat(blocks.get(0).rowCount()).isEqualTo(77);
            assertThat(blocks.get(0).indicator("arrears").direction())
                .isEqualTo(Indicator.cost("arrears").direction());
            int row = 0;
            for (IndicatorTable block : blocks) {
                assertSameBits(block.withIndicators(expected.indicators()),
                    expected.rows(row, row + block.rowCount()));
                row += block.rowCount();
            }
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("org.powercx.jdbc.Databases#all")
    void columnsAndTypesAreCheckedBeforeAnyRow(Databases db) throws SQLException {
        try (Connection c = db.connect()) {
            sample(c);
            JdbcTableReader reader = JdbcTableReader.withDefaults();
            assertThatThrownBy(() -> reader.read(c, "SELECT id, consumption, channel FROM customers"))
                .isInstanceOf(JdbcException.class)
                .hasMessageMatching("(?i)query result: column 'channel' has SQL type (varchar|character varying); "
                    + "an indicator must be numeric");
            assertThatThrownBy(() -> reader.withColumns("consumption", "tariff").read(c, "SELECT * FROM customers"))
                .hasMessageMatching("query result: no indicator 'tariff'; the result has \\[(?i)id, consumption, "
                    + "arrears, payments, channel\\]");
            assertThatThrownBy(() -> reader.read(c, "SELECT id, consumption, arrears AS consumption FROM customers"))
                .hasMessageMatching("query result: column '(?i)consumption' appears twice.*");
            assertThatThrownBy(() -> reader.read(c, "SELECT id FROM customers"))
                .hasMessageMatching("query result: no indicator columns besides the id column '(?i)id'");
            assertThatThrownBy(() -> reader.read(c, "SELEKT 1")).hasMessageStartingWith("query failed: ")
                .hasMessageContaining("SQL state 42");
            assertThatThrownBy(() -> reader.read(c, "SELECT id, consumption FROM customers WHERE 1 = 0"))
                .hasMessage("query returned no rows");
            assertThat(c.getAutoCommit()).isTrue();
            IndicatorTable numbered = reader.withRowNumberIds()
                .read(c, "SELECT consumption, payments FROM customers ORDER BY id").table();
            assertThat(numbered.ids().subList(0, 3)).containsExactly("1", "2", "3");
            assertThat(numbered.indicatorCount()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("org.powercx.jdbc.Databases#all")
    void nullsFollowTheMissingValuePolicy(Databases db) throws SQLException {
        try (Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE m (id VARCHAR(5), a DOUBLE PRECISION, b DOUBLE PRECISION)");
                s.execute("INSERT INTO m VALUES ('x1', 1, 10), ('x2', NULL, 20), ('x3', 4, NULL), ('x4', 7, 30)");
            }
            String q = "SELECT id, a, b FROM m ORDER BY id";
            assertThatThrownBy(() -> JdbcTableReader.withDefaults().read(c, q))
                .hasMessage("customer 'x2': column 'a' is NULL (missing-value policy REJECT; choose DROP_ROWS or "
                    + "COLUMN_MEAN to accept it)".replace("'a'", "'" + label(c, "a") + "'"));
            JdbcReadResult dropped = JdbcTableReader.withDefaults().withMissingValuePolicy(MissingValuePolicy.DROP_ROWS)
                .read(c, q);
            assertThat(dropped.table().ids()).containsExactly("x1", "x4");
            assertThat(dropped.rowsDropped()).isEqualTo(2);
            JdbcReadResult filled = JdbcTableReader.withDefaults()
                .withMissingValuePolicy(MissingValuePolicy.COLUMN_MEAN).read(c, q);
            assertThat(filled.table().column(0)).containsExactly(1, 4, 4, 7);
            assertThat(filled.table().column(1)).containsExactly(10, 20, 20, 30);
            assertThat(filled.cellsFilled()).isEqualTo(2);
            try (JdbcBlockReader blocks = JdbcTableReader.withDefaults()
                    .withMissingValuePolicy(MissingValuePolicy.COLUMN_MEAN).stream(c, q, 3)) {
                assertThat(blocks.next().column(0)).containsExactly(1, 4, 4);
                assertThat(blocks.next().column(1)).containsExactly(30);
                assertThat(blocks.hasNext()).isFalse();
                assertThat(blocks.cellsFilled()).isEqualTo(2);
            }
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    private static String label(Connection c, String name) throws SQLException {
        return c.getMetaData().storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
    }

    @ParameterizedTest
    @MethodSource("org.powercx.jdbc.Databases#all")
    void badValuesAndIdsAreNamed(Databases db) throws SQLException {
        try (Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE v (id VARCHAR(5), a DOUBLE PRECISION)");
                s.execute("INSERT INTO v VALUES ('x1', 1), ('x1', 2)");
            }
            assertThatThrownBy(() -> JdbcTableReader.withDefaults().read(c, "SELECT id, a FROM v"))
                .hasMessageContaining("query result: ").hasMessageContaining("'x1'");
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO v VALUES (NULL, 3)");
            }
            assertThatThrownBy(() -> JdbcTableReader.withDefaults().read(c, "SELECT id, a FROM v WHERE id IS NULL"))
                .hasMessage("query result row 1: id column is NULL");
            if (db == Databases.POSTGRESQL) {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO v VALUES ('x9', 'NaN')");
                }
                assertThatThrownBy(() -> JdbcTableReader.withDefaults().read(c, "SELECT id, a FROM v WHERE id = 'x9'"))
                    .hasMessage("customer 'x9': column 'a' is NaN; indicator values must be finite");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.powercx.jdbc.Databases#all")
    void argumentsAreValidated(Databases db) throws SQLException {
        JdbcTableReader reader = JdbcTableReader.withDefaults();
        assertThatThrownBy(() -> reader.read(null, "SELECT 1")).hasMessage("connection is null");
        assertThatThrownBy(() -> reader.withFetchSize(0)).hasMessage("fetch size must be in [1, 1000000] but was 0");
        assertThatThrownBy(() -> reader.withIdColumn(" ")).hasMessage("id column name is blank");
        assertThatThrownBy(() -> reader.withColumns("a", "A")).hasMessage("indicator 'A' is given twice");
        assertThatThrownBy(() -> reader.withMissingValuePolicy(null)).hasMessage("missing-value policy is null");
        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> reader.read(c, " ")).hasMessage("query is blank");
            assertThatThrownBy(() -> reader.stream(c, "SELECT 1", Integer.MAX_VALUE))
                .hasMessage("block size must be in [1, 10000000] but was 2147483647");
        }
    }
}
