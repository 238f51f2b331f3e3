package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pls command on docs/examples/satisfaction.csv, which is R plspm's {@code satisfaction} data (250 bank
 * customers, plspm 0.4.x {@code data(satisfaction)}, gender column left out). Expected values: plspm with
 * {@code scaled = FALSE} and the centroid scheme, inner model of SAT and inner summary, as published in the
 * plspm-python test fixtures (GoogleCloudPlatform/plspm-python tests/data satisfaction.inner-model.csv and
 * satisfaction.inner-summary.csv). plspm stops at a loose tolerance, hence 2e-6.
 */
class PlsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Cli pls(String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "pls";
        args[1] = Cli.doc("docs/examples/pls-model.json").toString();
        args[2] = Cli.doc("docs/examples/satisfaction.csv").toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return Cli.run(args);
    }

    @Test
    void reproducesPlspmCentredCentroidEstimates() throws IOException {
        Cli r = pls("--scheme", "centroid", "--scaling", "centred", "-f", "json");
        assertThat(r.status).as(r.toString()).isZero();
        JsonNode root = JSON.readTree(r.out);
        Map<String, Double> toSat = new HashMap<>();
        for (JsonNode p : root.get("paths")) {
            if (p.get("to").asText().equals("SAT")) {
                toSat.put(p.get("from").asText(), p.get("coefficient").asDouble());
            }
        }
        assertThat(toSat).hasSize(4);
        assertThat(toSat.get("IMAG")).isCloseTo(0.200724200280665, within(2e-6));
        assertThat(toSat.get("EXPE")).isCloseTo(-0.00275399457916834, within(2e-6));
        assertThat(toSat.get("QUAL")).isCloseTo(0.122144565609107, within(2e-6));
        assertThat(toSat.get("VAL")).isCloseTo(0.589330650016017, within(2e-6));
        JsonNode constructs = root.get("constructs");
        // an exogenous construct has no R2: null in JSON
        assertThat(constructs.get(0).get("R2").isNull()).isTrue();
        assertThat(constructs.get(1).get("R2").asDouble()).isCloseTo(0.335193672418813, within(2e-6));
        assertThat(constructs.get(2).get("R2").asDouble()).isCloseTo(0.719688235228933, within(2e-6));
        assertThat(constructs.get(0).get("AVE").asDouble()).isCloseTo(0.582269092760334, within(2e-6));
        assertThat(root.get("outer model").size()).isEqualTo(27);
    }

    @Test
    void textOutputAndReport() throws IOException {
        Path html = dir.resolve("pls.html");
        Cli r = pls("--report", html.toString());
        assertThat(r.status).as(r.toString()).isZero();
        assertThat(r.out).contains("paths").contains("IMAG  EXPE").contains("250 respondents");
        String page = Files.readString(html);
        assertThat(page).contains("<svg").contains("R\u00b2 = ").contains(">SAT<").doesNotContain("<script");
    }

    @Test
    void bootstrapIsReproducibleWhateverTheThreadCount() throws IOException {
        Cli one = pls("--bootstrap", "60", "--seed", "11", "--threads", "1", "-f", "json");
        Cli two = pls("--bootstrap", "60", "--seed", "11", "--threads", "2", "-f", "json");
        assertThat(one.status).as(one.toString()).isZero();
        assertThat(two.out).isEqualTo(one.out);
        JsonNode boot = JSON.readTree(one.out).get("bootstrap");
        JsonNode first = boot.get(0);
        assertThat(first.get("parameter").asText()).isEqualTo("IMAG -> EXPE");
        assertThat(first.get("std_error").asDouble()).isPositive();
        assertThat(first.get("ci_lower").asDouble()).isLessThan(first.get("estimate").asDouble());
        assertThat(first.get("t").asDouble()).isCloseTo(
            first.get("estimate").asDouble() / first.get("std_error").asDouble(), within(1e-9));
        Cli other = pls("--bootstrap", "60", "--seed", "12", "--threads", "1", "-f", "json");
        assertThat(other.out).isNotEqualTo(one.out);
    }

    @Test
    void aHugeBootstrapIsRejectedUpFrontOnOneLine() {
        Cli r = pls("--bootstrap", "1000000000");
        assertThat(r.status).as(r.toString()).isEqualTo(1);
        assertThat(r.err.strip()).isEqualTo("powercx pls: option --bootstrap: bootstrap takes at most 1,000,000 "
            + "resamples but was given 1,000,000,000");
    }

    @Test
    void aThreadCountAboveTheSharedCapIsRejectedNamingTheOption() {
        for (String bad : new String[] {"10000", "0", "-3"}) {
            Cli r = pls("--bootstrap", "20", "--threads", bad);
            assertThat(r.status).as(r.toString()).isEqualTo(1);
            assertThat(r.err).contains("option --threads").contains("between 1 and 64").contains("was " + bad);
        }
        // without --threads the bootstrap uses the processors, which gives the one-thread numbers
        Cli auto = pls("--bootstrap", "30", "--seed", "5", "-f", "json");
        Cli one = pls("--bootstrap", "30", "--seed", "5", "--threads", "1", "-f", "json");
        assertThat(auto.status).as(auto.toString()).isZero();
        assertThat(auto.out).isEqualTo(one.out);
    }

    @Test
    void bootstrapRowsCoverMediationEffectSizesAndHtmtWithBcaAndSeminrNames() throws IOException {
        Cli r = pls("--bootstrap", "40", "--seed", "2", "--threads", "1", "-f", "json");
        Cli seminr = pls("--bootstrap", "40", "--seed", "2", "--threads", "1", "-f", "json", "--names", "seminr");
        assertThat(seminr.status).as(seminr.toString()).isZero();
        JsonNode boot = JSON.readTree(r.out).get("bootstrap");
        JsonNode named = JSON.readTree(seminr.out).get("bootstrap");
        assertThat(named.size()).isEqualTo(boot.size());
        List<String> parameters = new java.util.ArrayList<>();
        for (int k = 0; k < boot.size(); k++) {
            String p = boot.get(k).get("parameter").asText();
            parameters.add(p);
            assertThat(named.get(k).get("parameter").asText()).isEqualTo(p.replace(" -> ", "  ->  "));
            assertThat(named.get(k).get("estimate").asDouble()).isEqualTo(boot.get(k).get("estimate").asDouble());
            assertThat(boot.get(k).has("bca_lower")).isTrue();
        }
        assertThat(parameters).contains("SAT -> LOY", "total IMAG -> LOY", "indirect IMAG -> LOY",
            "specific QUAL -> VAL -> SAT", "R2 SAT", "f2 SAT -> LOY", "HTMT IMAG -> EXPE");
        assertThat(named.get(0).get("parameter").asText()).isEqualTo("IMAG  ->  EXPE");
        assertThat(pls("--bootstrap", "40", "--names", "nope").status).isEqualTo(2);
    }

    @Test
    void indexAndImportancePerformance() throws IOException {
        Cli r = pls("--index", "0,10", "--target", "LOY", "-f", "json");
        assertThat(r.status).as(r.toString()).isZero();
        JsonNode root = JSON.readTree(r.out);
        JsonNode ipma = root.get("importance-performance (target LOY)");
        assertThat(ipma.size()).isEqualTo(5);
        for (JsonNode c : ipma) {
            assertThat(c.get("importance_unstandardised").asDouble()).isFinite();
        }
        for (JsonNode c : root.get("satisfaction index")) {
            assertThat(c.get("index_0_100").asDouble()).isBetween(0.0, 100.0);
        }
        Cli bad = pls("--index", "0,10", "--target", "NOPE");
        assertThat(bad.status).isEqualTo(1);
        assertThat(bad.err).contains("NOPE");
    }

    private Cli badModel(String json) throws IOException {
        Path f = dir.resolve("model.json");
        Files.writeString(f, json);
        Cli r = Cli.run("pls", f.toString(), Cli.doc("docs/examples/satisfaction.csv").toString());
        assertThat(r.status).as(r.toString()).isEqualTo(1);
        assertThat(r.err.strip().lines().count()).isEqualTo(1);
        return r;
    }

    @Test
    void badModelFilesNameLineAndField() throws IOException {
        assertThat(badModel("{\"constructs\": [\n {\"name\": \"A\", \"mode\": \"C\", \"indicators\": [\"imag1\"]}],\n"
            + " \"paths\": {}}").err).contains("model.json:2: field 'constructs[0].mode': mode must be A");
        assertThat(badModel("{\"constructs\": [\n {\"name\": \"A\", \"indicators\": [\"imag1\"]},\n"
            + " {\"name\": \"B\", \"indicators\": [\"imag2\"]}],\n \"paths\": {\"A\": [\"C\"]}}").err)
            .contains("model.json:4: field 'paths.A[0]':").contains("C");
        assertThat(badModel("{\"constructs\": [\n {\"name\": \"A\", \"indicators\": [\"nosuch\"]},\n"
            + " {\"name\": \"B\", \"indicators\": [\"imag2\"]}],\n \"paths\": {\"A\": [\"B\"]}}").err)
            .contains("satisfaction.csv").contains("nosuch");
    }
}
