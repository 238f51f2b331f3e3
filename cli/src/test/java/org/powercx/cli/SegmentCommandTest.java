package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.segmentation.AnalysisReport;
import org.powercx.segmentation.CustomerAnalysis;
import org.powercx.samples.SampleData;

class SegmentCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void sampleSegmentsMatchTheFacade() throws IOException {
        Cli r = Cli.run("segment", "--sample", "--top", "5", "-f", "json");
        assertThat(r.status).as(r.toString()).isZero();
        AnalysisReport a = CustomerAnalysis.withDefaults().analyse(SampleData.customers(), SampleData.survey());
        JsonNode root = JSON.readTree(r.out);
        JsonNode first = root.get("customers").get(0);
        int best = 0;
        double[] combined = a.values().combined();
        for (int i = 1; i < combined.length; i++) {
            if (combined[i] > combined[best]) {
                best = i;
            }
        }
        assertThat(first.get("id").asText()).isEqualTo(a.ids().get(best));
        assertThat(first.get("combined").asDouble()).isEqualTo(combined[best]);
        assertThat(first.get("segment").asText()).isEqualTo(a.segments().segment(best).label());
        assertThat(first.get("credit_grade").asText()).isEqualTo(a.credit().grade(best));
        assertThat(first.get("clv").asDouble()).isEqualTo(a.lifetimeValues()[best]);
        assertThat(first.get("measures").isInt()).isTrue();
        assertThat(first.get("measures").asInt()).isEqualTo(a.plan().measures(best).size());
        java.util.List<String> measures = new java.util.ArrayList<>();
        for (JsonNode m : root.get("service measures")) {
            if (m.get("id").asText().equals(a.ids().get(best))) {
                measures.add(m.get("measure").asText());
            }
        }
        assertThat(measures).isEqualTo(a.plan().measures(best));
        assertThat(root.get("customers").size()).isEqualTo(5);
        int[] counts = a.segments().counts();
        for (int k = 0; k < 4; k++) {
            assertThat(root.get("segments").get(k).get("customers").asInt()).isEqualTo(counts[k]);
        }
        assertThat(root.get("satisfaction index by segment").size()).isGreaterThan(0);
        double[] clv = a.lifetimeValues();
        for (int k = 0; k < 4; k++) {
            java.util.List<Double> values = new java.util.ArrayList<>();
            double total = 0;
            for (int i = 0; i < clv.length; i++) {
                if (a.segments().segment(i).ordinal() == k) {
                    values.add(clv[i]);
                    total += clv[i];
                }
            }
            java.util.Collections.sort(values);
            int m = values.size() / 2;
            double median = values.size() % 2 == 1 ? values.get(m) : (values.get(m - 1) + values.get(m)) / 2;
            JsonNode row = root.get("segments").get(k);
            assertThat(row.get("median_clv").asDouble()).isEqualTo(median);
            assertThat(row.get("total_clv").asDouble()).isCloseTo(total, org.assertj.core.api.Assertions.within(1e-6));
            assertThat(row.has("mean_clv")).isFalse();
        }
    }

    @Test
    void cutoffOptionsChangeTheSegments() throws IOException {
        Cli r = Cli.run("segment", "--sample", "--top", "1", "--quantiles", "0.5,0.5", "-f", "json");
        assertThat(r.status).as(r.toString()).isZero();
        JsonNode seg = JSON.readTree(r.out).get("segments");
        assertThat(seg.get(0).get("customers").asInt() + seg.get(2).get("customers").asInt()).isEqualTo(2500);
        Cli bad = Cli.run("segment", "--sample", "--quantiles", "0.5");
        assertThat(bad.err.strip()).isEqualTo("powercx segment: option --quantiles: needs two values, current and "
            + "potential, but got 1");
    }

    @Test
    void missingColumnsAndInputsAreNamed() throws IOException {
        Path f = dir.resolve("customers.csv");
        Files.writeString(f, "customer_id,fee_revenue\nA,1\nB,2\n");
        Cli r = Cli.run("segment", f.toString());
        assertThat(r.status).isEqualTo(1);
        assertThat(r.err).startsWith("powercx segment: " + f + ": ").contains("consumption");
        assertThat(Cli.run("segment").err.strip()).isEqualTo(
            "powercx segment: give a customer file or --sample (not both)");
        Path policy = dir.resolve("policy.csv");
        Files.writeString(policy, "value_segment,credit_grade,measures\nkey,*,x\n");
        Cli gap = Cli.run("segment", "--sample", "--policy", policy.toString());
        assertThat(gap.status).isEqualTo(1);
        assertThat(gap.err.strip().lines().count()).isEqualTo(1);
    }

    @Test
    void aRespondentWhoIsNotACustomerIsBlamedOnTheSurveyFile() throws IOException {
        Path customers = dir.resolve("customers.csv");
        Files.writeString(customers, Files.readString(Cli.doc("docs/data/segmentation-customers.csv")));
        Path survey = dir.resolve("survey.csv");
        java.util.List<String> lines = new java.util.ArrayList<>(
            Files.readAllLines(Cli.doc("docs/data/satisfaction-survey.csv")).subList(0, 4));
        for (int i = 1; i < 4; i++) {
            lines.set(i, "C0000000" + i + lines.get(i).substring(lines.get(i).indexOf(',')));
        }
        lines.set(3, "X42" + lines.get(3).substring(lines.get(3).indexOf(',')));
        Files.write(survey, lines);
        Cli r = Cli.run("segment", customers.toString(), "--survey", survey.toString());
        assertThat(r.status).isEqualTo(1);
        assertThat(r.err.strip()).isEqualTo("powercx segment: " + survey + ":4: survey respondent 'X42' is not a "
            + "customer of " + customers);
    }

    @Test
    void aConfigurationSegmentsAUtilitysOwnColumns() throws IOException {
        Path config = Cli.doc("docs/examples/sme/sme-configuration.json");
        Path csv = Cli.doc("docs/examples/sme/sme-customers.csv");
        Cli r = Cli.run("segment", "--config", config.toString(), csv.toString(), "-f", "json");
        assertThat(r.status).as(r.toString()).isZero();
        org.powercx.segmentation.SegmentationConfiguration c =
            org.powercx.segmentation.SegmentationConfiguration.read(config);
        AnalysisReport a = c.analysis().analyse(c.prepare(
            org.powercx.core.CsvTableReader.withDefaults().read(csv).table()));
        JsonNode customers = JSON.readTree(r.out).get("customers");
        assertThat(customers.size()).isEqualTo(400);
        for (int i = 0; i < 400; i += 37) {
            JsonNode row = customers.get(i);
            assertThat(row.get("id").asText()).isEqualTo(a.ids().get(i));
            assertThat(row.get("clv").asDouble()).isEqualTo(a.lifetimeValues()[i]);
            assertThat(row.get("credit_grade").asText()).isEqualTo(a.credit().grade(i));
            assertThat(row.get("payment").asText()).isEqualTo(a.risks().label("payment", i));
            assertThat(row.get("measures").asInt()).isEqualTo(a.plan().measures(i).size());
        }
    }

    @Test
    void withoutAConfigurationTheCommandIsTheBundledDefault() {
        Cli plain = Cli.run("segment", "--sample", "--top", "20", "-f", "csv");
        Path def = dir.resolve("default.json");
        try (java.io.InputStream in = org.powercx.segmentation.SegmentationConfiguration.class
                .getResourceAsStream("default-configuration.json")) {
            Files.copy(in, def);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Cli configured = Cli.run("segment", "--sample", "--top", "20", "-f", "csv", "--config", def.toString());
        assertThat(configured.status).as(configured.toString()).isZero();
        assertThat(configured.out).isEqualTo(plain.out);
    }

    @Test
    void aMissingColumnOrABadConfigurationIsOneLineAndWritesNothing() throws IOException {
        Path config = Cli.doc("docs/examples/sme/sme-configuration.json");
        String csv = Files.readString(Cli.doc("docs/examples/sme/sme-customers.csv"))
            .replace(",pow_max,", ",power_kw,");
        Path file = Files.writeString(dir.resolve("renamed.csv"), csv);
        Path out = dir.resolve("out.csv");
        Cli r = Cli.run("segment", "--config", config.toString(), file.toString(), "-o", out.toString());
        assertThat(r.status).isNotZero();
        assertThat(r.err.strip()).doesNotContain("\n").contains("renamed.csv").contains("'pow_max'")
            .contains("sme-configuration.json");
        assertThat(out).doesNotExist();
        Path bad = Files.writeString(dir.resolve("bad.json"), Files.readString(config)
            .replace("\"horizon\": 5", "\"horizont\": 5"));
        Files.copy(Cli.doc("docs/examples/sme/sme-policy.csv"), dir.resolve("sme-policy.csv"));
        Files.writeString(out, "previous\n");
        Cli b = Cli.run("segment", "--config", bad.toString(), Cli.doc("docs/examples/sme/sme-customers.csv").toString(),
            "-o", out.toString());
        assertThat(b.status).isNotZero();
        assertThat(b.err.strip()).doesNotContain("\n").contains("bad.json:").contains("horizont");
        assertThat(Files.readString(out)).isEqualTo("previous\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
