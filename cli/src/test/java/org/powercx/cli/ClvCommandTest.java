package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
        assertThat(r.err).contains("c.csv").contains("line 3").contains("margin").contains("fifty");
        Cli missing = Cli.run("clv", "discounted", csv.toString(), "--margin", "margin", "--rate", "0.1");
        assertThat(missing.status).isEqualTo(2);
        assertThat(missing.err).contains("--retention");
    }
}
