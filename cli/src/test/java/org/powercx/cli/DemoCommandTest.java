package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.core.TextTable;
import org.powercx.credit.RocCurve;
import org.powercx.segmentation.CreditAssessment;
import org.powercx.segmentation.CreditScoring;
import org.powercx.samples.SampleData;
import org.w3c.dom.Element;

class DemoCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Cli json;
    static Path html;

    @BeforeAll
    static void runDemoOnce() {
        html = dir.resolve("demo.html");
        json = Cli.run("demo", "-f", "json", "--report", html.toString());
    }

    @Test
    void demoSucceedsAndCoversEveryStep() throws IOException {
        assertThat(json.status).as(json.toString()).isZero();
        JsonNode root = JSON.readTree(json.out);
        assertThat(root.fieldNames()).toIterable().contains("value index weights (AHP)", "value segments",
            "credit grades", "risk topics", "service plan", "satisfaction model (PLS)",
            "importance-performance (target LOY)", "satisfaction index by value segment",
            "top customers by combined value");
        int customers = 0;
        for (JsonNode s : root.get("value segments")) {
            customers += s.get("customers").asInt();
        }
        assertThat(customers).isEqualTo(SampleData.CUSTOMERS);
        double weights = 0;
        for (JsonNode w : root.get("value index weights (AHP)")) {
            weights += w.get("global_weight").asDouble();
        }
        assertThat(weights).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(root.get("satisfaction model (PLS)").size()).isEqualTo(10);
        // lifetime value by segment is the skew-proof median plus the total, never the mean
        double share = 0;
        for (JsonNode s : root.get("value segments")) {
            assertThat(s.has("mean_clv")).isFalse();
            assertThat(s.get("median_clv").asDouble()).isPositive().isLessThan(s.get("total_clv").asDouble());
            share += s.get("clv_share").asDouble();
        }
        assertThat(share).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void creditFiguresAreTheLibrarysOwn() throws IOException {
        CreditAssessment a = CreditScoring.withDefaults().assess(SampleData.customers());
        JsonNode grades = JSON.readTree(json.out).get("credit grades");
        for (int k = 0; k < a.gradeNames().size(); k++) {
            assertThat(grades.get(k).get("grade").asText()).isEqualTo(a.gradeNames().get(k));
            assertThat(grades.get(k).get("customers").asLong()).isEqualTo(a.report().counts()[k]);
            assertThat(grades.get(k).get("defaults").asLong()).isEqualTo(a.report().defaults()[k]);
        }
        double[] y = SampleData.customers().column("defaulted");
        int[] labels = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            labels[i] = (int) y[i];
        }
        double auc = RocCurve.auc(a.defaultProbabilities(), labels);
        assertThat(JSON.readTree(json.out).get("notes").get(1).asText())
            .startsWith("Credit: in-sample AUC " + TextTable.number(auc) + ",");
    }

    @Test
    void reportHasEveryChartAndNoExternalResource() throws IOException {
        String page = Files.readString(html);
        assertThat(page).contains("median lifetime value (kyuan)", "total lifetime value (kyuan)");
        assertThat(page).contains("AHP weights and consistency", "Grey relational ranking", "Value segments",
            "Credit scores and grades", "AUC = ", "KS = ", "Satisfaction index model", "Importance-performance map",
            "Risk topics", "Service plan", "Satisfaction by value segment", "Provenance", "Summary");
        // the only URL is the SVG namespace name, which nothing loads
        assertThat(page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http://")
            .doesNotContain("https://");
        assertThat(page.split("<svg ", -1).length - 1).isGreaterThanOrEqualTo(9);
        assertThat(page).doesNotContain("<script").doesNotContain("http://www.w3.org/1999").doesNotContain("src=")
            .doesNotContain("href=").doesNotContain("NaN");
    }

    @Test
    void reportIsWellFormedWithOneMarkPerDatum() throws IOException {
        String page = Files.readString(html);
        List<Element> sections = HtmlReportStructureTest.sections(page, "PowerCX demo: 5,000 power customers");
        assertThat(sections).extracting(HtmlReportStructureTest::heading).containsExactly("Summary",
            "AHP weights and consistency", "Grey relational ranking", "Value segments", "Credit scores and grades",
            "Risk topics", "Service plan", "Satisfaction by value segment",
            "Satisfaction index model (PLS path model)", "Importance-performance map", "Provenance");
        List<Element> charts = Markup.all(Markup.page(page), "svg");
        assertThat(charts.size()).isGreaterThanOrEqualTo(9);
        Element ranking = chart(charts, "GRA ranking");
        assertThat(HtmlReportStructureTest.bars(ranking)).hasSize(20);
        Element segments = chart(charts, "value segments");
        assertThat(Markup.all(segments, "circle")).hasSize(SampleData.CUSTOMERS);
        assertThat(Markup.all(segments, "line", Markup::dashed)).hasSize(2);
        Element roc = chart(charts, "ROC curve");
        assertThat(Markup.all(roc, "polyline")).hasSize(1);
        Element credit = sections.get(4);
        CreditAssessment a = CreditScoring.withDefaults().assess(SampleData.customers());
        List<Element> rows = Markup.children(Markup.all(credit, "table").get(0), "tr");
        assertThat(rows).hasSize(1 + a.gradeNames().size());
        Element histogram = chart(charts, "score distribution of defaulters and non-defaulters");
        assertThat(Markup.all(histogram, "polygon")).hasSize(2);
        assertThat(Markup.all(roc, "line", l -> l.getAttribute("class").equals("ks"))).hasSize(1);
        Element paths = chart(charts, "PLS path diagram");
        assertThat(Markup.all(paths, "line", l -> l.getAttribute("marker-end").equals("url(#arrow)")))
            .hasSize(JSON.readTree(json.out).get("satisfaction model (PLS)").size());
    }

    private static Element chart(List<Element> charts, String label) {
        List<Element> found = charts.stream().filter(c -> c.getAttribute("aria-label").equals(label)).toList();
        assertThat(found).as(label).hasSize(1);
        return found.get(0);
    }

    @Test
    void textSummaryIsReadable() {
        Cli text = Cli.run("demo");
        assertThat(text.status).isZero();
        assertThat(text.out).contains("value segments\nsegment   customers").contains("key")
            .contains("Satisfaction model: R2(SAT) = ");
    }
}
