package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercx.clv.BgNbd;
import org.powercx.clv.CalibrationHoldout;
import org.powercx.clv.HoldoutResult;
import org.junit.jupiter.api.io.TempDir;

class ClvCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void cohortFileReproducesFaderHardieRegularSegment() throws IOException {
        Cli r = Cli.run("clv", "cohort", Cli.doc("docs/examples/cohorts.json").toString(), "-f", "json",
            "--periods", "12");
        assertThat(r.status).as(r.toString()).isZero();
        JsonNode root = JSON.readTree(r.out);
        JsonNode regular = root.get("fit").get(0);
        assertThat(regular.get("cohort").asText()).isEqualTo("regular");
        assertThat(regular.get("alpha").asDouble()).isCloseTo(0.704077, within(1e-5));
        assertThat(regular.get("beta").asDouble()).isCloseTo(1.182043, within(1e-5));
        assertThat(regular.get("log_likelihood").asDouble()).isCloseTo(-1680.2652, within(1e-4));
        // infinite (alpha <= 1): JSON has no infinity, so null
        assertThat(regular.get("expected_lifetime").isNull()).isTrue();
        assertThat(regular.get("DEL").asDouble()).isCloseTo(3.694909, within(1e-5));
        assertThat(regular.get("DERL_1").asDouble()).isCloseTo(4.103140, within(1e-5));
        // projected percent alive at years 8 and 12 (out of sample), Fader & Hardie 2007
        JsonNode survival = root.get("survival");
        assertThat(survival.get(7).get("regular").asDouble() * 100).isCloseTo(23.90, within(0.005));
        assertThat(survival.get(8).get("regular").asDouble() * 100).isCloseTo(22.01, within(0.005));
        assertThat(survival.get(12).get("regular").asDouble() * 100).isCloseTo(17.00, within(0.005));
    }

    @Test
    void countsOptionFitsOneCohort() {
        Cli r = Cli.run("clv", "cohort", "--counts", "1000,631,468,382,326,289,262,241", "--periods", "3");
        assertThat(r.status).as(r.toString()).isZero();
        assertThat(r.out).contains("cohort  0.704077  1.18204").contains("Infinity");
    }

    @Test
    void badCohortIsNamed() {
        Cli r = Cli.run("clv", "cohort", "--counts", "1000,631,700");
        assertThat(r.status).isEqualTo(1);
        assertThat(r.err).startsWith("powercx clv cohort: option --counts: cohort 'cohort':").contains("700");
        Cli none = Cli.run("clv", "cohort");
        assertThat(none.err.strip()).isEqualTo("powercx clv cohort: give a cohorts file or --counts");
    }

    @Test
    void discountedClvPerCustomerMatchesClosedForm() throws IOException {
        Path csv = dir.resolve("c.csv");
        Files.writeString(csv, "id,margin,retention\nA,100,0.8\nB,50,0.5\n");
        Cli r = Cli.run("clv", "discounted", csv.toString(), "--margin", "margin", "--retention", "retention",
            "--rate", "0.1", "-f", "json");
        assertThat(r.status).as(r.toString()).isZero();
        JsonNode rows = JSON.readTree(r.out).get("clv");
        // m r / (1 + d - r), payments at the end of each period (Fader & Hardie reference convention)
        assertThat(rows.get(0).get("clv").asDouble()).isCloseTo(266.666667, within(1e-6));
        assertThat(rows.get(1).get("clv").asDouble()).isCloseTo(50 * 0.5 / 0.6, within(1e-9));
        Cli start = Cli.run("clv", "discounted", csv.toString(), "--margin", "margin", "--retention", "retention",
            "--rate", "0.1", "--horizon", "5", "--timing", "start_of_period", "-f", "csv");
        assertThat(start.out).contains("A,100,0.8,292.06338");
    }

    @Test
    void discountedClvErrorsNameFileAndColumn() throws IOException {
        Path csv = dir.resolve("c.csv");
        Files.writeString(csv, "id,margin,retention\nA,100,0.8\nB,fifty,0.5\n");
        Cli r = Cli.run("clv", "discounted", csv.toString(), "--margin", "margin", "--retention", "retention",
            "--rate", "0.1");
        assertThat(r.status).isEqualTo(1);
        assertThat(r.err).contains("c.csv:3: column 'margin'").contains("margin").contains("fifty");
        Cli missing = Cli.run("clv", "discounted", csv.toString(), "--margin", "margin", "--rate", "0.1");
        assertThat(missing.status).isEqualTo(2);
        assertThat(missing.err).contains("--retention");
    }

    @Test
    void holdoutReproducesFaderHardieLeeFitAndTheLibrarysValidationTable() throws IOException {
        Path log = Cli.doc("docs/examples/cdnow-transactions.csv");
        Path report = dir.resolve("holdout.html");
        Cli r = Cli.run("clv", "holdout", log.toString(), "--calibration-end", "1997-09-30", "--observation-end",
            "1998-06-30", "-f", "json", "--report", report.toString());
        assertThat(r.status).as(r.toString()).isZero();
        JsonNode root = JSON.readTree(r.out);
        // Fader, Hardie and Lee (2005), Table 1 / section 4: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426,
        // LL = -9582.4, published to the digits shown
        JsonNode fit = root.get("fit").get(0);
        assertThat(fit.get("r").asDouble()).isCloseTo(0.243, within(5e-4));
        assertThat(fit.get("alpha").asDouble()).isCloseTo(4.414, within(5e-4));
        assertThat(fit.get("a").asDouble()).isCloseTo(0.793, within(5e-4));
        assertThat(fit.get("b").asDouble()).isCloseTo(2.426, within(5e-4));
        assertThat(fit.get("log_likelihood").asDouble()).isCloseTo(-9582.4, within(0.05));
        assertThat(fit.get("customers").asInt()).isEqualTo(2357);
        // the table is the library's, on the same log read from the original whitespace file
        List<String[]> lines = Files.readAllLines(Cli.doc("clv/src/test/resources/clv/CDNOW_sample.txt")).stream()
            .map(l -> l.strip().split("\\s+")).toList();
        String[] customers = lines.stream().map(f -> Integer.toString(Integer.parseInt(f[1])))
            .toArray(String[]::new);
        LocalDate[] dates = lines.stream().map(f -> LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE))
            .toArray(LocalDate[]::new);
        CalibrationHoldout split = CalibrationHoldout.fromTransactions(customers, dates, LocalDate.of(1997, 9, 30),
            LocalDate.of(1998, 6, 30), 7);
        HoldoutResult expected = split.evaluate(BgNbd.fit(split.frequency(), split.recency(), split.age()).model(),
            7);
        JsonNode table = root.get("holdout");
        assertThat(table).hasSize(8);
        for (int g = 0; g < 8; g++) {
            JsonNode row = table.get(g);
            assertThat(row.get("calibration_purchases").asText()).isEqualTo(g < 7 ? Integer.toString(g) : "7+");
            assertThat(row.get("customers").asInt()).isEqualTo(expected.customers()[g]);
            assertThat(row.get("actual").asDouble()).isEqualTo(expected.actual()[g]);
            assertThat(row.get("predicted").asDouble()).isEqualTo(expected.predicted()[g]);
        }
        // 1,882 repeat transactions in the 39-week holdout (Fader, Hardie and Lee 2005)
        assertThat(Arrays.stream(split.holdoutFrequency()).sum()).isEqualTo(1882);
        String html = Files.readString(report);
        assertThat(html).contains("Lifetime value model validation").contains("<svg").contains("Provenance")
            .contains("calibration to 1997-09-30");
    }

    @Test
    void holdoutErrorsNameFileLineAndColumn() throws IOException {
        Path csv = dir.resolve("log.csv");
        Files.writeString(csv, "customer,date\nA,2024-01-05\n\nA,2024-02-30\n");
        Cli r = Cli.run("clv", "holdout", csv.toString(), "--calibration-end", "2024-03-31", "--observation-end",
            "2024-06-30");
        assertThat(r.status).isEqualTo(1);
        assertThat(r.err.strip()).isEqualTo("powercx clv holdout: " + csv + ":4: column 'date': '2024-02-30' is not a"
            + " date (yyyy-mm-dd or yyyymmdd)");
        Cli column = Cli.run("clv", "holdout", csv.toString(), "--customer", "client", "--calibration-end",
            "2024-03-31", "--observation-end", "2024-06-30");
        assertThat(column.err.strip()).isEqualTo("powercx clv holdout: " + csv
            + ": option --customer: no column 'client' in the header");
        Cli day = Cli.run("clv", "holdout", csv.toString(), "--calibration-end", "31.03.2024", "--observation-end",
            "2024-06-30");
        assertThat(day.err.strip()).isEqualTo("powercx clv holdout: option --calibration-end: '31.03.2024' is not a"
            + " date (yyyy-mm-dd)");
        Cli order = Cli.run("clv", "holdout", csv.toString(), "--calibration-end", "2024-06-30", "--observation-end",
            "2024-03-31");
        assertThat(order.status).isEqualTo(1);
        assertThat(order.err.strip()).isEqualTo("powercx clv holdout: option --observation-end: 2024-03-31 must be"
            + " after the calibration end 2024-06-30");
        Cli groups = Cli.run("clv", "holdout", csv.toString(), "--calibration-end", "2024-03-31",
            "--observation-end", "2024-06-30", "--groups", "0");
        assertThat(groups.err.strip()).isEqualTo("powercx clv holdout: option --groups: must be in [1, 1000] but was 0");
    }
}
