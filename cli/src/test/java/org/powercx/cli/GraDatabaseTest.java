package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gra --jdbc URL --query SQL [--write-table T]} on H2, against the same customers read from CSV. */
class GraDatabaseTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV = Cli.doc("docs/examples/customers.csv").toString();
    private static final String WEIGHTS = Cli.doc("docs/examples/ahp-hierarchy.json").toString();

    @TempDir
    Path dir;

    /** The documented example's URL, with the script's relative CSV path made absolute for the test's directory. */
    private String url(String name) throws IOException {
        Path script = dir.resolve("customers.sql");
        Files.writeString(script, Files.readString(Cli.doc("docs/examples/customers.sql"))
            .replace("'docs/examples/customers.csv'", "'" + CSV + "'"));
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM '" + script + "'";
    }

    @Test
    void gradesFromAQueryEqualThoseFromTheCsvFileAndAreWrittenBack() throws Exception {
        String url = url("gra1");
        Cli db = Cli.run("gra", "--jdbc", url, "--query", "SELECT * FROM customers", "--weights", WEIGHTS,
            "--cost", "consumption_growth", "--write-table", "grades", "-f", "json");
        assertThat(db.status).as(db.toString()).isZero();
        Cli csv = Cli.run("gra", CSV, "--weights", WEIGHTS, "--cost", "consumption_growth", "-f", "json");
        assertThat(csv.status).as(csv.toString()).isZero();
        JsonNode fromDb = JSON.readTree(db.out).get("ranking");
        JsonNode fromCsv = JSON.readTree(csv.out).get("ranking");
        assertThat(fromDb).isEqualTo(fromCsv);
        assertThat(db.out).contains("12 rows written to table grades");
        Map<String, double[]> written = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, grade, rank FROM grades")) {
            while (rs.next()) {
                written.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
            }
        }
        assertThat(written).hasSize(12);
        for (JsonNode row : fromCsv) {
            double[] w = written.get(row.get("id").asText());
            assertThat(w[0]).isEqualTo(row.get("grade").asDouble());
            assertThat(w[1]).isEqualTo(row.get("rank").asDouble());
        }
        // a second run fails on the existing rows and leaves them as they are; --upsert replaces them
        Cli again = Cli.run("gra", "--jdbc", url, "--query", "SELECT * FROM customers", "--write-table", "grades");
        assertThat(again.status).isEqualTo(1);
        assertThat(again.err.strip()).startsWith("powercx gra: option --write-table: ").doesNotContain("\n");
        assertThat(count(url)).isEqualTo(12);
        Cli upsert = Cli.run("gra", "--jdbc", url, "--query", "SELECT * FROM customers", "--write-table", "grades",
            "--upsert");
        assertThat(upsert.status).as(upsert.toString()).isZero();
        assertThat(count(url)).isEqualTo(12);
    }

    @Test
    void theDocumentedH2ExamplePrintsTheCsvExamplesRanking() throws Exception {
        String page = Files.readString(Cli.doc("docs/cli.md"));
        assertThat(page).contains("--jdbc \"jdbc:h2:mem:;INIT=RUNSCRIPT FROM 'docs/examples/customers.sql'\"")
            .contains("--query \"SELECT * FROM customers\" --weights docs/examples/ahp-hierarchy.json --top 5");
        Cli db = Cli.run("gra", "--jdbc", url("gra3"), "--query", "SELECT * FROM customers", "--weights", WEIGHTS,
            "--top", "5");
        Cli csv = Cli.run("gra", CSV, "--weights", WEIGHTS, "--top", "5");
        assertThat(db.status).as(db.toString()).isZero();
        assertThat(db.out).isEqualTo(csv.out);
    }

    @Test
    void badDatabaseOptionsGetOneLine() throws Exception {
        String url = url("gra2");
        assertThat(Cli.run("gra", "--query", "SELECT 1").err.strip())
            .isEqualTo("powercx gra: option --query: needs --jdbc");
        assertThat(Cli.run("gra").err.strip()).isEqualTo("powercx gra: give a CSV file, or --jdbc URL with --query SQL");
        assertThat(Cli.run("gra", CSV, "--jdbc", url, "--query", "SELECT 1").err.strip())
            .isEqualTo("powercx gra: option --jdbc: give either a CSV file or --jdbc, not both");
        assertThat(Cli.run("gra", "--jdbc", url).err.strip()).isEqualTo("powercx gra: option --jdbc: needs --query SQL");
        assertThat(Cli.run("gra", "--jdbc", "jdbc:nosuch://host/db?password=secret", "--query", "SELECT 1").err
            .strip()).isEqualTo("powercx gra: option --jdbc: no driver for 'jdbc:nosuch' (the jar carries PostgreSQL"
                + " and H2; for another database run org.powercx.cli.Main with its driver on the class path)");
        Cli column = Cli.run("gra", "--jdbc", url, "--query", "SELECT * FROM customers", "--cost", "arrears");
        assertThat(column.err.strip()).startsWith("powercx gra: option --cost: 'arrears' is not a column of the query");
        Cli sql = Cli.run("gra", "--jdbc", url, "--query", "SELECT * FROM nosuch");
        assertThat(sql.status).isEqualTo(1);
        assertThat(sql.err.strip()).startsWith("powercx gra: option --query: ").contains("NOSUCH")
            .doesNotContain("\n");
        Cli text = Cli.run("gra", "--jdbc", url, "--query", "SELECT \"customer_id\", 'x' AS channel FROM customers");
        assertThat(text.err.strip()).startsWith("powercx gra: option --query: ").contains("'CHANNEL'");
        Cli stream = Cli.run("gra", "--jdbc", url, "--query", "SELECT * FROM customers", "--stream");
        assertThat(stream.err.strip())
            .isEqualTo("powercx gra: option --stream: streams a CSV file; it cannot be combined with --jdbc");
    }

    private static int count(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM grades")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
