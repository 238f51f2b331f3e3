package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.core.CsvTableReader;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Weights;
import org.powercx.grey.GreyRelationalAnalysis;
import org.powercx.grey.GreyRelationalResult;
import org.powercx.io.AhpHierarchyFile;

class GraCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static final String CSV = Cli.doc("docs/examples/customers.csv").toString();

    /** A hand-checked case: two indicators, three customers, equal weights, rho 0.5. */
    @Test
    void smallCaseMatchesDengsFormulaByHand() throws IOException {
        Path f = dir.resolve("t.csv");
        // benefit x: 1, 2, 3 -> normalised 0, 0.5, 1; cost y: 10, 30, 20 -> normalised 1, 0, 0.5
        Files.writeString(f, "id,x,y\nA,1,10\nB,2,30\nC,3,20\n");
        Cli r = Cli.run("gra", f.toString(), "--cost", "y", "-f", "json");
        assertThat(r.status).as(r.toString()).isZero();
        // deltas to the ideal (1, 1): A (1, 0), B (0.5, 1), C (0, 0.5); Delta-min 0, Delta-max 1
        // xi = 0.5 / (delta + 0.5): A (1/3, 1), B (1/2, 1/3), C (1, 1/2)
        JsonNode rows = JSON.readTree(r.out).get("ranking");
        assertThat(rows.get(0).get("id").asText()).isEqualTo("C");
        assertThat(rows.get(0).get("grade").asDouble()).isCloseTo(0.75, within(1e-12));
        assertThat(rows.get(1).get("id").asText()).isEqualTo("A");
        assertThat(rows.get(1).get("grade").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(rows.get(2).get("grade").asDouble()).isCloseTo(5.0 / 12, within(1e-12));
        assertThat(rows.get(0).get("rank").asInt()).isEqualTo(1);
    }

    @Test
    void outputFilesAreReplacedWholeOrNotAtAll() throws IOException {
        java.nio.file.Path out = dir.resolve("ranking.txt");
        java.nio.file.Path html = dir.resolve("ranking.html");
        java.nio.file.Files.writeString(out, "previous");
        Cli failed = Cli.run("gra", CSV, "--rho", "7", "-o", out.toString(), "--report", html.toString());
        assertThat(failed.status).isEqualTo(1);
        assertThat(java.nio.file.Files.readString(out)).isEqualTo("previous");
        Cli ok = Cli.run("gra", CSV, "-o", out.toString(), "--report", html.toString());
        assertThat(ok.status).as(ok.toString()).isZero();
        assertThat(java.nio.file.Files.readString(out)).contains("grade");
        assertThat(java.nio.file.Files.readString(html)).endsWith("</html>\n");
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("ranking.txt",
                "ranking.html");
        }
    }

    @Test
    void aTopBelowOneIsRejected() {
        for (String command : new String[] {"gra", "segment"}) {
            Cli r = command.equals("gra") ? Cli.run("gra", CSV, "--top", "-1") : Cli.run("segment", "--sample", "--top",
                "0");
            assertThat(r.status).as(r.toString()).isEqualTo(1);
            assertThat(r.err.strip()).endsWith("option --top: must be at least 1 but was "
                + (command.equals("gra") ? "-1" : "0"));
        }
    }

    @Test
    void ahpHierarchyWeightsDriveTheRankingAsInTheLibrary() throws IOException {
        Cli r = Cli.run("gra", CSV, "--weights", Cli.doc("docs/examples/ahp-hierarchy.json").toString(), "-f",
            "json", "--top", "3");
        assertThat(r.status).as(r.toString()).isZero();
        IndicatorTable t = CsvTableReader.withDefaults().read(Path.of(CSV)).table();
        Weights w = AhpHierarchyFile.read(Cli.doc("docs/examples/ahp-hierarchy.json"),
            org.powercx.ahp.Ahp.withDefaults()).globalWeights();
        GreyRelationalResult expected = GreyRelationalAnalysis.withDefaults().evaluate(t, w);
        JsonNode rows = JSON.readTree(r.out).get("ranking");
        assertThat(rows.size()).isEqualTo(3);
        for (int k = 0; k < 3; k++) {
            String id = expected.ranking().get(k);
            assertThat(rows.get(k).get("id").asText()).isEqualTo(id);
            assertThat(rows.get(k).get("grade").asDouble()).isEqualTo(expected.grade(id));
        }
    }

    @Test
    void weightsFileAndInlineWeightsAgree() {
        Cli file = Cli.run("gra", CSV, "--weights", Cli.doc("docs/examples/weights.json").toString(), "-f", "csv");
        Cli inline = Cli.run("gra", CSV, "-f", "csv", "--weight", "annual_kwh=30,fee_revenue=20,"
            + "on_time_payment_rate=20,load_factor=10,consumption_growth=10,capacity_utilisation=5,"
            + "industry_prospect=5");
        assertThat(file.status).as(file.toString()).isZero();
        assertThat(inline.out).isEqualTo(file.out);
    }

    @Test
    void contributionsSumToTheGrade() throws IOException {
        Cli r = Cli.run("gra", CSV, "--contributions", "-f", "json");
        JsonNode row = JSON.readTree(r.out).get("ranking").get(0);
        double sum = 0;
        for (String name : List.of("annual_kwh", "fee_revenue", "on_time_payment_rate", "load_factor",
            "consumption_growth", "capacity_utilisation", "industry_prospect")) {
            sum += row.get(name).asDouble();
        }
        assertThat(sum).isCloseTo(row.get("grade").asDouble(), within(1e-12));
    }

    @Test
    void reportShowsTheRanking() throws IOException {
        Path html = dir.resolve("gra.html");
        Cli r = Cli.run("gra", CSV, "--report", html.toString());
        assertThat(r.status).isZero();
        assertThat(Files.readString(html)).contains("Grey relational ranking").contains("1. C");
    }

    @Test
    void unicodeIndicatorNamesWorkInDataAndWeightFiles() throws IOException {
        Path csv = dir.resolve("用户.csv");
        Files.writeString(csv, "户号,年用电量,欠费次数\nA,100,0\nB,300,2\nC,200,1\n");
        Path ahp = dir.resolve("权重.json");
        Files.writeString(ahp, "{\"goal\": \"客户价值\", \"criteria\": [\"年用电量\", \"欠费次数\"], \"upper\": [3]}");
        Cli r = Cli.run("gra", csv.toString(), "--cost", "欠费次数", "--weights", ahp.toString(), "-f", "json");
        assertThat(r.status).as(r.toString()).isZero();
        JsonNode w = JSON.readTree(r.out).get("weights");
        assertThat(w.get(0).get("indicator").asText()).isEqualTo("年用电量");
        assertThat(w.get(0).get("weight").asDouble()).isCloseTo(0.75, within(1e-12));
        // A: x 0, cost 1 -> deltas (1, 0); B: (0, 1); C: (0.5, 0.5); xi = 0.5 / (delta + 0.5)
        JsonNode ranking = JSON.readTree(r.out).get("ranking");
        assertThat(ranking.get(0).get("id").asText()).isEqualTo("B");
        assertThat(ranking.get(0).get("grade").asDouble()).isCloseTo(0.75 + 0.25 / 3, within(1e-12));
    }

    @Test
    void errorsNameFileLineAndField() throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "id,x,y\nA,1,10\nB,2,abc\n");
        Cli r = Cli.run("gra", f.toString());
        assertThat(r.status).isEqualTo(1);
        assertThat(r.err).startsWith("powercx gra: ").contains("t.csv").contains("t.csv:3: ").contains("'y'")
            .contains("abc");
        Cli w = Cli.run("gra", CSV, "--weight", "annual_kwh=1,nosuch=2");
        assertThat(w.err.strip()).isEqualTo("powercx gra: option --weight: weight 'nosuch' is not a column of the "
            + "data (columns: annual_kwh, fee_revenue, on_time_payment_rate, load_factor, consumption_growth, "
            + "capacity_utilisation, industry_prospect)");
        Cli rho = Cli.run("gra", CSV, "--rho", "2");
        assertThat(rho.status).isEqualTo(1);
        assertThat(rho.err).startsWith("powercx gra: option --rho:").contains("2");
        Path wf = dir.resolve("w.json");
        Files.writeString(wf, "{\"weights\": {\n \"annual_kwh\": -1}}");
        Cli neg = Cli.run("gra", CSV, "--weights", wf.toString());
        assertThat(neg.err).contains("w.json:2: field 'weights.annual_kwh': weight must not be negative");
    }
}
