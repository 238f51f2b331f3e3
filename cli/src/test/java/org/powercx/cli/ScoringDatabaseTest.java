package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code credit score --model M} and {@code segment apply --model M} with {@code --jdbc URL --query SQL
 * [--write-table T [--upsert]]} on H2: the same tables as from the CSV file, and the written rows equal them.
 */
class ScoringDatabaseTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREDIT = Cli.doc("docs/examples/credit.csv").toString();
    private static final String CONFIG = Cli.doc("docs/examples/sme/sme-configuration.json").toString();
    private static final String SME = Cli.doc("docs/examples/sme/sme-customers.csv").toString();

    @TempDir
    Path dir;

    /** The documented credit example's URL, with the script's relative CSV path made absolute. */
    private String creditUrl(String name) throws IOException {
        Path script = dir.resolve("credit.sql");
        Files.writeString(script, Files.readString(Cli.doc("docs/examples/credit.sql"))
            .replace("'docs/examples/credit.csv'", "'" + CREDIT + "'"));
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM '" + script + "'";
    }

    /** Loads a CSV file (id text, every other column a double) into a table of an H2 database. */
    private static String load(String name, String csv, String table) throws IOException, SQLException {
        return loadInto("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", csv, table);
    }

    /** Loads a CSV file (id text, every other column a double) into a new table of a database. */
    static String loadInto(String url, String csv, String table) throws IOException, SQLException {
        List<String> lines = Files.readAllLines(Path.of(csv), StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",");
        StringBuilder create = new StringBuilder("CREATE TABLE " + table + " (\"" + header[0] + "\" VARCHAR(64)");
        StringBuilder insert = new StringBuilder("INSERT INTO " + table + " VALUES (?");
        for (int c = 1; c < header.length; c++) {
            create.append(", \"").append(header[c]).append("\" DOUBLE PRECISION");
            insert.append(", ?");
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(create.append(')').toString());
            try (PreparedStatement p = c.prepareStatement(insert.append(')').toString())) {
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.split(",");
                    p.setString(1, f[0]);
                    for (int k = 1; k < f.length; k++) {
                        p.setDouble(k + 1, Double.parseDouble(f[k]));
                    }
                    p.addBatch();
                }
                p.executeBatch();
            }
        }
        return url;
    }

    @Test
    void creditScoresFromAQueryEqualThoseFromTheCsvFileAndAreWrittenBack() throws Exception {
        Path model = dir.resolve("credit-model.json");
        Cli fit = Cli.run("credit", "fit", CREDIT, "--target-rates", "0.02,0.05,0.1,0.3", "--save", model.toString());
        assertThat(fit.status).as(fit.toString()).isZero();
        String url = creditUrl("credit1");
        Cli db = Cli.run("credit", "score", "--model", model.toString(), "--jdbc", url, "--query",
            "SELECT * FROM credit", "--write-table", "scores", "-f", "json");
        assertThat(db.status).as(db.toString()).isZero();
        Cli csv = Cli.run("credit", "score", "--model", model.toString(), CREDIT, "-f", "json");
        assertThat(csv.status).as(csv.toString()).isZero();
        JsonNode fromDb = JSON.readTree(db.out).get("scores");
        JsonNode fromCsv = JSON.readTree(csv.out).get("scores");
        assertThat(fromCsv).hasSize(600);
        assertThat(fromDb).isEqualTo(fromCsv);
        assertThat(db.out).contains("600 rows written to table scores");
        Map<String, Object[]> written = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, score, default_probability, predicted, grade FROM scores")) {
            while (rs.next()) {
                written.put(rs.getString(1), new Object[] {rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                    rs.getString(5)});
            }
        }
        assertThat(written).hasSize(600);
        for (JsonNode row : fromCsv) {
            Object[] w = written.get(row.get("id").asText());
            assertThat(w[0]).isEqualTo(row.get("score").asDouble());
            assertThat(w[1]).isEqualTo(row.get("default_probability").asDouble());
            assertThat(w[2]).isEqualTo(row.get("predicted").asDouble());
            assertThat(w[3]).isEqualTo(row.get("grade").asText());
        }
        // a second run fails on the existing rows and leaves them; --upsert replaces them
        String[] again = {"credit", "score", "--model", model.toString(), "--jdbc", url, "--query",
            "SELECT * FROM credit WHERE \"customer_id\" < 'C00000100'", "--write-table", "scores"};
        Cli twice = Cli.run(again);
        assertThat(twice.status).isEqualTo(1);
        assertThat(twice.err.strip()).startsWith("powercx credit score: option --write-table: ")
            .doesNotContain("\n");
        assertThat(count(url, "scores")).isEqualTo(600);
        String[] upsert = java.util.Arrays.copyOf(again, again.length + 1);
        upsert[again.length] = "--upsert";
        Cli replaced = Cli.run(upsert);
        assertThat(replaced.status).as(replaced.toString()).isZero();
        assertThat(count(url, "scores")).isEqualTo(600);
    }

    @Test
    void theDocumentedCreditExamplePrintsTheCsvScores() throws Exception {
        String page = Files.readString(Cli.doc("docs/cli.md"));
        assertThat(page).contains("credit score --model model.json --jdbc \"jdbc:h2:mem:;INIT=RUNSCRIPT FROM "
            + "'docs/examples/credit.sql'\" --query \"SELECT * FROM credit\"");
        Path model = dir.resolve("model.json");
        assertThat(Cli.run("credit", "fit", CREDIT, "--save", model.toString()).status).isZero();
        Cli db = Cli.run("credit", "score", "--model", model.toString(), "--jdbc", creditUrl("credit2"), "--query",
            "SELECT * FROM credit");
        Cli csv = Cli.run("credit", "score", "--model", model.toString(), CREDIT);
        assertThat(db.status).as(db.toString()).isZero();
        assertThat(db.out).isEqualTo(csv.out);
    }

    @Test
    void segmentApplyFromAQueryEqualsTheCsvFileAndIsWrittenBack() throws Exception {
        Path model = dir.resolve("customer-model.json");
        Cli fit = Cli.run("segment", "fit", "--config", CONFIG, "--save", model.toString(), SME);
        assertThat(fit.status).as(fit.toString()).isZero();
        String url = load("sme1", SME, "sme");
        Cli db = Cli.run("segment", "apply", "--model", model.toString(), "--jdbc", url, "--query",
            "SELECT * FROM sme", "--write-table", "segments", "-f", "json");
        assertThat(db.status).as(db.toString()).isZero();
        Cli csv = Cli.run("segment", "apply", "--model", model.toString(), SME, "-f", "json");
        assertThat(csv.status).as(csv.toString()).isZero();
        JsonNode a = JSON.readTree(csv.out);
        JsonNode b = JSON.readTree(db.out);
        for (String table : List.of("customers", "service measures", "segments")) {
            assertThat(b.get(table)).as(table).isEqualTo(a.get(table));
        }
        assertThat(db.out).contains("400 rows written to table segments");
        Map<String, List<String>> measures = new HashMap<>();
        for (JsonNode m : a.get("service measures")) {
            measures.computeIfAbsent(m.get("id").asText(), k -> new java.util.ArrayList<>()).add(
                m.get("measure").asText());
        }
        JsonNode customers = a.get("customers");
        List<String> columns = new java.util.ArrayList<>();
        customers.get(0).fieldNames().forEachRemaining(columns::add);
        Map<String, Map<String, Object>> written = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM segments")) {
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (String column : columns) {
                    row.put(column, rs.getObject(column.replaceAll("[^A-Za-z0-9_]", "_")));
                }
                written.put(rs.getString("id"), row);
            }
        }
        assertThat(written).hasSize(400);
        for (JsonNode row : customers) {
            String id = row.get("id").asText();
            Map<String, Object> w = written.get(id);
            for (String column : columns) {
                JsonNode cell = row.get(column);
                if (column.equals("measures")) {
                    assertThat(w.get(column)).as(id).isEqualTo(String.join("; ", measures.getOrDefault(id,
                        List.of())));
                } else if (cell.isNumber()) {
                    assertThat(((Number) w.get(column)).doubleValue()).as(id + " " + column)
                        .isEqualTo(cell.asDouble());
                } else {
                    assertThat(w.get(column)).as(id + " " + column).isEqualTo(cell.asText());
                }
            }
        }
        Cli again = Cli.run("segment", "apply", "--model", model.toString(), "--jdbc", url, "--query",
            "SELECT * FROM sme", "--write-table", "segments");
        assertThat(again.status).isEqualTo(1);
        assertThat(again.err.strip()).startsWith("powercx segment apply: option --write-table: ")
            .doesNotContain("\n");
        Cli upsert = Cli.run("segment", "apply", "--model", model.toString(), "--jdbc", url, "--query",
            "SELECT * FROM sme", "--write-table", "segments", "--upsert");
        assertThat(upsert.status).as(upsert.toString()).isZero();
        assertThat(count(url, "segments")).isEqualTo(400);
    }

    @Test
    void badDatabaseOptionsGetOneLine() throws Exception {
        Path credit = dir.resolve("credit-model.json");
        assertThat(Cli.run("credit", "fit", CREDIT, "--save", credit.toString()).status).isZero();
        Path customer = dir.resolve("customer-model.json");
        assertThat(Cli.run("segment", "fit", "--config", CONFIG, "--save", customer.toString(), SME).status)
            .isZero();
        String url = creditUrl("credit3");
        assertThat(Cli.run("credit", "score", "--jdbc", url, "--query", "SELECT * FROM credit").err.strip())
            .isEqualTo("powercx credit score: option --jdbc: scores with a saved model; give --model FILE");
        assertThat(Cli.run("credit", "score", "--model", credit.toString()).err.strip())
            .isEqualTo("powercx credit score: give a CSV file, or --jdbc URL with --query SQL");
        assertThat(Cli.run("credit", "score", "--model", credit.toString(), CREDIT, "--write-table", "t").err.strip())
            .isEqualTo("powercx credit score: option --write-table: needs --jdbc");
        assertThat(Cli.run("credit", "score", "--model", credit.toString(), "--jdbc", url, "--query",
            "SELECT * FROM credit", "--stream").err.strip())
            .isEqualTo("powercx credit score: option --stream: streams a CSV file; it cannot be combined with --jdbc");
        Cli lacking = Cli.run("credit", "score", "--model", credit.toString(), "--jdbc", url, "--query",
            "SELECT \"customer_id\", \"arrears_count\" FROM credit");
        assertThat(lacking.status).isEqualTo(1);
        assertThat(lacking.err.strip()).startsWith("powercx credit score: option --query: ")
            .contains("on_time_payment_rate").doesNotContain("\n");
        Cli empty = Cli.run("credit", "score", "--model", credit.toString(), "--jdbc", url, "--query",
            "SELECT * FROM credit WHERE 1 = 0");
        assertThat(empty.err.strip()).isEqualTo("powercx credit score: option --query: query returned no rows");
        assertThat(Cli.run("credit", "fit").err.strip()).contains("CSV");
        assertThat(Cli.run("segment", "apply", "--model", customer.toString(), "--jdbc", url).err.strip())
            .isEqualTo("powercx segment apply: option --jdbc: needs --query SQL");
        assertThat(Cli.run("segment", "apply", "--model", customer.toString(), SME, "--jdbc", url, "--query",
            "SELECT 1").err.strip())
            .isEqualTo("powercx segment apply: option --jdbc: give either a CSV file or --jdbc, not both");
        Cli wrong = Cli.run("segment", "apply", "--model", customer.toString(), "--jdbc", url, "--query",
            "SELECT * FROM credit");
        assertThat(wrong.status).isEqualTo(1);
        assertThat(wrong.err.strip()).startsWith("powercx segment apply: option --query: ").doesNotContain("\n");
    }

    private static int count(String url, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
