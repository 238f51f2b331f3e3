package org.powercx.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class JdbcBenchmarkTest {

    @Test
    void everyReadSumsTheSameValuesAndBothWritesStoreTheSameRows() throws Exception {
        JdbcBenchmark b = new JdbcBenchmark();
        b.rows = 70_000; // more than one block
        b.setUp();
        try {
            double baseline = b.baselineResultSetLoop();
            assertThat(baseline).isPositive();
            // the same additions in the same order (row by row, id then the values), so the sums agree exactly
            assertThat(b.readTable()).isEqualTo(baseline);
            assertThat(b.streamBlocks()).isEqualTo(baseline);
            b.emptyScores();
            assertThat(b.baselineBatchInsert()).isEqualTo(70_000);
            String expected = digest(b);
            b.emptyScores();
            assertThat(b.writeResults()).isEqualTo(70_000);
            assertThat(digest(b)).isEqualTo(expected);
        } finally {
            b.tearDown();
        }
    }

    private static String digest(JdbcBenchmark b) throws Exception {
        try (Statement s = b.connection.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*), SUM(score), MIN(grade), MAX(grade), MAX(id) FROM scores")) {
            r.next();
            return r.getLong(1) + " " + r.getDouble(2) + " " + r.getString(3) + " " + r.getString(4) + " "
                + r.getString(5);
        }
    }
}
