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
import org.powercx.ahp.Ahp;
import org.powercx.ahp.AhpResult;
import org.powercx.ahp.PairwiseMatrix;

class AhpCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String resource(String name) {
        return Path.of("src/test/resources/org/powercx/cli", name).toString();
    }

    @Test
    void drinksMatrixReproducesSaatysEigenvectorWeights() throws IOException {
        Cli r = Cli.run("ahp", resource("drinks.json"), "--format", "json");
        assertThat(r.status).as(r.toString()).isZero();
        JsonNode root = JSON.readTree(r.out);
        JsonNode node = root.get("nodes").get(0);
        assertThat(node.get("lambda_max").asDouble()).isCloseTo(7.17662903933, within(1e-9));
        assertThat(node.get("CR").asDouble()).isCloseTo(0.02230164638, within(1e-9));
        assertThat(node.get("acceptable").isBoolean()).isTrue();
        assertThat(node.get("acceptable").asBoolean()).isTrue();
        double[] expected = {0.177456747446, 0.019149476024, 0.041831181662, 0.116417031735, 0.189572375326,
            0.128780548539, 0.326792639268};
        List<String> names = List.of("coffee", "wine", "tea", "beer", "soda", "milk", "water");
        JsonNode weights = root.get("weights");
        assertThat(weights.size()).isEqualTo(7);
        for (int i = 0; i < 7; i++) {
            assertThat(weights.get(i).get("criterion").asText()).isEqualTo(names.get(i));
            assertThat(weights.get(i).get("local").asDouble()).isCloseTo(expected[i], within(1e-9));
        }
        assertThat(root.has("notes")).isFalse();
    }

    @Test
    void textOutputIsAnAlignedTable() {
        Cli r = Cli.run("ahp", resource("drinks.json"));
        assertThat(r.status).isZero();
        assertThat(r.out).contains("lambda_max").contains("7.17663").contains("goal  coffee      0.177457");
    }

    @Test
    void hierarchyGlobalWeightsAreProductsOfLocalWeights() throws IOException {
        Cli r = Cli.run("ahp", Cli.doc("docs/examples/ahp-hierarchy.json").toString(), "-f", "json");
        assertThat(r.status).as(r.toString()).isZero();
        JsonNode root = JSON.readTree(r.out);
        Ahp ahp = Ahp.withDefaults();
        AhpResult top = ahp.evaluate(PairwiseMatrix.fromUpperTriangle(List.of("current value", "potential value"), 2));
        AhpResult current = ahp.evaluate(PairwiseMatrix.fromUpperTriangle(
            List.of("annual_kwh", "fee_revenue", "on_time_payment_rate", "load_factor"), 2, 3, 5, 2, 3, 2));
        JsonNode global = root.get("global weights");
        assertThat(global.get(0).get("criterion").asText()).isEqualTo("annual_kwh");
        assertThat(global.get(0).get("weight").asDouble()).isCloseTo(
            top.weights().get("current value") * current.weights().get("annual_kwh"), within(1e-12));
        double sum = 0;
        for (JsonNode w : global) {
            sum += w.get("weight").asDouble();
        }
        assertThat(sum).isCloseTo(1.0, within(1e-12));
        assertThat(global.size()).isEqualTo(7);
        assertThat(root.get("nodes").size()).isEqualTo(3);
        // overall CR: global-weighted CI over global-weighted RI
        double gc = top.weights().get("current value");
        double gp = top.weights().get("potential value");
        AhpResult potential = ahp.evaluate(PairwiseMatrix.fromUpperTriangle(
            List.of("consumption_growth", "capacity_utilisation", "industry_prospect"), 2, 3, 1.5));
        double crh = (gc * current.consistencyIndex() + gp * potential.consistencyIndex())
            / (gc * current.randomIndex() + gp * potential.randomIndex());
        assertThat(root.get("notes").get(0).asText()).isEqualTo(
            "Hierarchy consistency ratio CR_H = " + org.powercx.core.TextTable.number(crh));
    }

    @Test
    void inconsistentMatrixGetsAdviceThatLowersTheRatio() {
        Cli r = Cli.run("ahp", Cli.doc("docs/examples/ahp-inconsistent.json").toString());
        assertThat(r.status).isZero();
        Ahp ahp = Ahp.withDefaults();
        PairwiseMatrix m = PairwiseMatrix.fromUpperTriangle(
            List.of("annual_kwh", "fee_revenue", "on_time_payment_rate", "load_factor"), 3, 0.2, 5, 2, 7, 3);
        AhpResult before = ahp.evaluate(m);
        double[] w = before.weights().values();
        // the judgment with the largest |ln(a_ij w_j / w_i)|, computed independently here
        int bi = -1;
        int bj = -1;
        double worst = -1;
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                double e = Math.abs(Math.log(m.get(i, j) * w[j] / w[i]));
                if (e > worst) {
                    worst = e;
                    bi = i;
                    bj = j;
                }
            }
        }
        assertThat(bi).isEqualTo(0);
        assertThat(bj).isEqualTo(2);
        double after = ahp.evaluate(m.with("annual_kwh", "on_time_payment_rate", w[0] / w[2])).consistencyRatio();
        assertThat(after).isLessThan(before.consistencyRatio());
        // reported on the side where the error e_ij exceeds 1: a[on_time][annual_kwh] = 5, consistent w_2 / w_0
        assertThat(r.out).contains("NO").contains("fails the consistency test")
            .contains("a[on_time_payment_rate][annual_kwh] = 5 contributes most")
            .contains("the consistent value is " + org.powercx.core.TextTable.number(w[2] / w[0]) + ",")
            .contains("gives CR = " + org.powercx.core.TextTable.number(after));
    }

    @Test
    void repairReachesTheTargetWithTheLibrarysChanges() throws IOException {
        Cli r = Cli.run("ahp", Cli.doc("docs/examples/ahp-inconsistent.json").toString(), "--repair", "0.1", "-f",
            "json");
        assertThat(r.status).as(r.toString()).isZero();
        PairwiseMatrix m = PairwiseMatrix.fromUpperTriangle(
            List.of("annual_kwh", "fee_revenue", "on_time_payment_rate", "load_factor"), 3, 0.2, 5, 2, 7, 3);
        org.powercx.ahp.RepairResult fix = org.powercx.ahp.ConsistencyAdvisor.withDefaults().repair(m, 0.1);
        JsonNode repairs = JSON.readTree(r.out).get("repairs");
        assertThat(repairs.size()).isEqualTo(fix.changes().size());
        JsonNode last = repairs.get(repairs.size() - 1);
        assertThat(last.get("CR_after").asDouble()).isLessThanOrEqualTo(0.1)
            .isEqualTo(fix.after().consistencyRatio());
        assertThat(Cli.run("ahp", resource("drinks.json"), "--repair", "-1").err).contains("option --repair");
    }

    @Test
    void optionsChangeMethodAndRandomIndex() throws IOException {
        Cli r = Cli.run("ahp", resource("drinks.json"), "--method", "geometric_mean", "--random-index",
            "donegan_dodd", "-f", "json");
        assertThat(r.status).as(r.toString()).isZero();
        JsonNode w = JSON.readTree(r.out).get("weights");
        assertThat(w.get(0).get("local").asDouble()).isCloseTo(0.178723384591, within(1e-9));
    }

    @Test
    void csvOutputHasOneCommentedBlockPerTable() {
        Cli r = Cli.run("ahp", resource("drinks.json"), "-f", "csv");
        assertThat(r.out).startsWith("# nodes\nnode,criteria,lambda_max,CI,RI,CR,acceptable\ngoal,7,7.17662903")
            .contains("\n# weights\nnode,criterion,local,global\ngoal,coffee,0.17745674744");
    }

    @Test
    void reportIsWritten() throws IOException {
        Path html = dir.resolve("ahp.html");
        Cli r = Cli.run("ahp", Cli.doc("docs/examples/ahp-hierarchy.json").toString(), "--report", html.toString());
        assertThat(r.status).isZero();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<svg").contains("annual_kwh")
            .doesNotContain("<script");
    }

    @Test
    void outputOptionWritesAFile() throws IOException {
        Path out = dir.resolve("w.csv");
        Cli r = Cli.run("ahp", resource("drinks.json"), "-f", "csv", "-o", out.toString());
        assertThat(r.status).isZero();
        assertThat(r.out).isEmpty();
        assertThat(Files.readString(out)).contains("goal,water,0.326792639");
    }

    private Cli bad(String json) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, json);
        Cli r = Cli.run("ahp", f.toString());
        assertThat(r.status).as(r.toString()).isEqualTo(1);
        assertThat(r.out).isEmpty();
        assertThat(r.err.strip().lines().count()).as(r.err).isEqualTo(1);
        assertThat(r.err).startsWith("powercx ahp: " + f).doesNotContain("Exception").doesNotContain("\tat ");
        return r;
    }

    @Test
    void badFilesGiveOneLineNamingFileLineAndField() throws IOException {
        assertThat(bad("{\n \"criteria\": [\"a\", \"b\", \"c\"],\n \"upper\": [2, \"x\", 3]\n}").err)
            .contains("bad.json:3: field 'upper[1]': expected a number but found \"x\"");
        assertThat(bad("{\n \"criteria\": [\"a\", \"b\"],\n \"matrix\": [[1, 2], [2, 1]]\n}").err)
            .contains("bad.json:3: field 'matrix':").contains("a[a][b]").contains("reciprocal");
        assertThat(bad("{\n \"criteria\": [\"a\", \"b\"],\n \"uper\": [2]\n}").err)
            .contains("bad.json:3: field 'uper': unknown field");
        assertThat(bad("{\n \"criteria\": [\"a\", \"b\"]\n}").err)
            .contains("bad.json:1:").contains("exactly one of 'matrix', 'upper' or 'weights'");
        assertThat(bad("{\n \"criteria\": [\"a\", \"b\"],\n \"upper\": [2,\n}").err)
            .contains("bad.json:4: invalid JSON: Unexpected character");
        assertThat(bad("").err).contains("empty file");
        assertThat(bad("{\"criteria\": [\"a\", \"b\"], \"upper\": [2], \"children\": {\"c\": {}}}").err)
            .contains("field 'children.c'").contains("not one of the criteria");
        assertThat(bad("{\"criteria\": [\"a\", \"b\"], \"upper\": [-2]}").err).contains("field 'upper'")
            .contains("-2");
    }

    @Test
    void missingFileIsNamed() {
        Cli r = Cli.run("ahp", "no-such-file.json");
        assertThat(r.status).isEqualTo(1);
        assertThat(r.err.strip()).isEqualTo("powercx ahp: no-such-file.json: file not found");
    }
}
