package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.powercx.cli.Markup.all;
import static org.powercx.cli.Markup.children;
import static org.powercx.cli.Markup.texts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.clv.BgNbd;
import org.powercx.clv.CalibrationHoldout;
import org.powercx.clv.HoldoutResult;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TextTable;
import org.powercx.credit.RocCurve;
import org.powercx.samples.SampleData;
import org.powercx.segmentation.AnalysisReport;
import org.powercx.segmentation.CustomerAnalysis;
import org.powercx.segmentation.ValueSegment;
import org.powercx.segmentation.ValueSegments;
import org.w3c.dom.Element;

/**
 * The report's building blocks and the reports the segment, credit and pls commands write on a user's files:
 * sections present, numbers equal to the computed results, charts that mark what the captions say, every SVG with
 * a viewBox, no script and no URL but the SVG namespace name.
 */
class ReportSectionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The page's sections, after the frame checks, with no URL but the SVG namespace. */
    static List<Element> sections(String html, String title) {
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http://")
            .doesNotContain("https://").doesNotContain("<script");
        return HtmlReportStructureTest.sections(html, title);
    }

    private static Element section(List<Element> sections, String heading) {
        List<Element> found = sections.stream().filter(s -> HtmlReportStructureTest.heading(s).equals(heading))
            .toList();
        assertThat(found).as(heading).hasSize(1);
        return found.get(0);
    }

    private static List<List<String>> rows(Element table) {
        List<List<String>> out = new ArrayList<>();
        for (Element tr : children(table, "tr")) {
            if (!children(tr, "td").isEmpty()) {
                out.add(texts(tr, "td"));
            }
        }
        return out;
    }

    /** The first rows of the bundled sample as a file of the user's. */
    private Path customerFile(int customers) throws IOException {
        String text;
        try (InputStream in = SampleData.class.getResourceAsStream(SampleData.CUSTOMERS_RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = text.lines().limit(customers + 1L).toList();
        Path f = dir.resolve("my customers.csv");
        Files.write(f, lines);
        return f;
    }

    @Test
    void valueSegmentsNameEachQuadrantWithItsCountAndGiveMedianAndTotal() {
        AnalysisReport a = CustomerAnalysis.withDefaults().analyse(SampleData.customers());
        ValueSegments s = a.segments();
        List<Element> sections = sections(HtmlReport.create("v").valueSegments(s, a.lifetimeValues()).html(), "v");
        Element svg = all(sections.get(0), "svg").get(0);
        int[] counts = s.counts();
        assertThat(all(svg, "text", t -> t.getAttribute("class").equals("quadrant")))
            .extracting(Element::getTextContent).containsExactly("key: " + counts[0], "develop: " + counts[1],
                "maintain: " + counts[2], "basic: " + counts[3]);
        // axes fitted to the data: the lowest and highest tick are within one tick step of the data
        // the x tick labels sit 15 px under the plot, whose bottom is at y = 355
        List<Double> ticks = all(svg, "text", t -> t.getAttribute("text-anchor").equals("middle")
            && t.getAttribute("y").equals("370.0")).stream().map(t -> Double.parseDouble(t.getTextContent())).toList();
        double[] current = s.currentValues();
        double lo = java.util.Arrays.stream(current).min().orElseThrow();
        double hi = java.util.Arrays.stream(current).max().orElseThrow();
        assertThat(ticks).isNotEmpty();
        double step = ticks.get(1) - ticks.get(0);
        assertThat(ticks.get(0)).isLessThanOrEqualTo(lo).isGreaterThan(lo - step);
        assertThat(ticks.get(ticks.size() - 1)).isGreaterThanOrEqualTo(hi).isLessThan(hi + step);
        List<List<String>> rows = rows(all(sections.get(0), "table").get(0));
        double[] median = s.medians(a.lifetimeValues());
        double[] total = s.totals(a.lifetimeValues());
        for (ValueSegment g : ValueSegment.values()) {
            List<String> row = rows.get(g.ordinal());
            assertThat(row.get(0)).isEqualTo(g.label());
            assertThat(row.get(1)).isEqualTo(Integer.toString(counts[g.ordinal()]));
            assertThat(row.get(2)).isEqualTo(TextTable.number(median[g.ordinal()]));
            assertThat(row.get(3)).isEqualTo(TextTable.number(total[g.ordinal()]));
        }
    }

    @Test
    void creditShowsBothGroupsAndMarksTheKsDistanceOnTheRoc() {
        double[] scores = {0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.55, 0.3, 0.7, 0.05};
        int[] defaulted = {0, 0, 1, 1, 0, 1, 0, 0, 1, 0};
        RocCurve roc = RocCurve.of(scores, defaulted);
        List<Element> sections = sections(HtmlReport.create("c").credit(roc, scores, defaulted, "score", null)
            .html(), "c");
        Element s = sections.get(0);
        assertThat(children(s, "p").get(0).getTextContent()).contains("AUC " + TextTable.number(roc.auc()))
            .contains("KS " + TextTable.number(roc.ks()));
        Element histogram = all(s, "svg").get(0);
        assertThat(all(histogram, "polygon")).hasSize(2);
        assertThat(all(histogram, "text")).extracting(Element::getTextContent)
            .contains("not defaulted (6)", "defaulted (4)");
        Element rocChart = all(s, "svg").get(1);
        Element ks = all(rocChart, "line", l -> l.getAttribute("class").equals("ks")).get(0);
        // the plot is 325 px high (y from 335 down to 10): the segment's length is KS in those units
        double length = Markup.num(ks, "y1") - Markup.num(ks, "y2");
        assertThat(length / 325).isCloseTo(roc.ks(), within(0.1 / 325 * 2));
        assertThat(all(rocChart, "text")).extracting(Element::getTextContent)
            .contains("KS = " + TextTable.number(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.4g",
                roc.ks()))));
    }

    @Test
    void holdoutValidationPlotsActualAgainstPredictedPerFrequency() {
        // a small transaction log, weeks as the time unit; the model is the BG/NBD fitted to CDNOW by
        // Fader, Hardie and Lee (2005): r = 0.243, alpha = 4.414, a = 0.793, b = 2.426
        List<String> ids = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (int c = 0; c < 30; c++) {
            for (int k = 0; k <= c % 5; k++) {
                ids.add("c" + c);
                dates.add(start.plusDays(c + 20L * k + (c % 3) * 7L));
            }
        }
        CalibrationHoldout split = CalibrationHoldout.fromTransactions(ids.toArray(new String[0]),
            dates.toArray(new LocalDate[0]), start.plusDays(50), start.plusDays(120), 7);
        HoldoutResult h = split.evaluate(BgNbd.of(0.243, 4.414, 0.793, 2.426), 3);
        List<Element> sections = sections(HtmlReport.create("h").holdoutValidation(h, "BG/NBD").html(), "h");
        Element s = sections.get(0);
        assertThat(HtmlReportStructureTest.heading(s)).isEqualTo("Lifetime value model validation");
        List<List<String>> rows = rows(all(s, "table").get(0));
        assertThat(rows).hasSize(4);
        for (int g = 0; g < 4; g++) {
            assertThat(rows.get(g).get(0)).isEqualTo(g < 3 ? Integer.toString(g) : "3+");
            assertThat(rows.get(g).get(1)).isEqualTo(Integer.toString(h.customers()[g]));
            assertThat(rows.get(g).get(2)).isEqualTo(Double.isNaN(h.actual()[g]) ? "-"
                : TextTable.number(h.actual()[g]));
            assertThat(rows.get(g).get(3)).isEqualTo(Double.isNaN(h.predicted()[g]) ? "-"
                : TextTable.number(h.predicted()[g]));
        }
        Element svg = all(s, "svg").get(0);
        assertThat(all(svg, "polyline")).hasSize(2);
        long finite = java.util.Arrays.stream(h.actual()).filter(Double::isFinite).count()
            + java.util.Arrays.stream(h.predicted()).filter(Double::isFinite).count();
        assertThat(all(svg, "circle")).hasSize((int) finite);
    }

    @Test
    void segmentReportOnAUsersFileHasEveryAnalysisSection() throws IOException {
        Path customers = customerFile(800);
        Path html = dir.resolve("segment.html");
        Cli r = Cli.run("segment", customers.toString(), "--report", html.toString(), "-o",
            dir.resolve("out.txt").toString());
        assertThat(r.status).as(r.toString()).isZero();
        String page = Files.readString(html);
        List<Element> sections = sections(page, "Customer segmentation: my customers.csv");
        assertThat(sections).extracting(HtmlReportStructureTest::heading).containsExactly("Summary",
            "AHP weights and consistency", "Value segments", "Credit scores and grades", "Risk topics",
            "Service plan", "Provenance");
        IndicatorTable t = Inputs.csv(customers, null, List.of(), List.of(), java.util.Map.of(),
            org.powercx.core.MissingValuePolicy.REJECT).table();
        AnalysisReport a = CustomerAnalysis.withDefaults().analyse(t.withIndicators(
            org.powercx.core.CustomerIndicators.all().stream().filter(i -> t.contains(i.name())).toList()));
        int[] y = HtmlReport.outcomes(t, "defaulted");
        RocCurve roc = RocCurve.of(a.credit().defaultProbabilities(), y);
        List<List<String>> summary = rows(all(section(sections, "Summary"), "table").get(0));
        assertThat(summary.get(0)).startsWith("customers", "800");
        assertThat(summary.get(1)).startsWith("AUC", TextTable.number(roc.auc()));
        assertThat(summary.get(2)).startsWith("KS", TextTable.number(roc.ks()));
        assertThat(summary.get(3)).startsWith("CR", TextTable.number(a.values().weights().consistencyRatio()));
        List<List<String>> provenance = rows(all(section(sections, "Provenance"), "table").get(0));
        assertThat(provenance.get(3)).containsExactly("input", customers.toString());
        assertThat(provenance.get(2).get(1)).matches("\\d{4}-\\d{2}-\\d{2}");
        List<List<String>> plan = rows(all(section(sections, "Service plan"), "table").get(0));
        assertThat(plan).hasSize(a.plan().measureCounts().size());
        for (List<String> row : plan) {
            assertThat(row.get(1)).isEqualTo(Integer.toString(a.plan().measureCounts().get(row.get(0))));
        }
        List<List<String>> risks = rows(all(section(sections, "Risk topics"), "table").get(0));
        int total = 0;
        for (String topic : a.risks().topics()) {
            for (int c : a.risks().counts(topic)) {
                assertThat(risks.get(total).get(2)).isEqualTo(Integer.toString(c));
                total++;
            }
        }
        assertThat(risks).hasSize(total);
    }

    @Test
    void segmentReportWithASurveyHasSatisfactionBySegment() throws IOException {
        Path html = dir.resolve("sample.html");
        Cli r = Cli.run("segment", "--sample", "--top", "1", "--report", html.toString());
        assertThat(r.status).as(r.toString()).isZero();
        List<Element> sections = sections(Files.readString(html), "Customer segmentation: bundled sample");
        AnalysisReport a = CustomerAnalysis.withDefaults().analyse(SampleData.customers(), SampleData.survey());
        List<List<String>> rows = rows(all(section(sections, "Satisfaction by value segment"), "table").get(0));
        var segments = a.satisfaction().orElseThrow().segments();
        assertThat(rows).hasSize(segments.size());
        for (int k = 0; k < segments.size(); k++) {
            assertThat(rows.get(k).get(0)).isEqualTo(segments.get(k).name());
            assertThat(rows.get(k).get(1)).isEqualTo(Integer.toString(segments.get(k).respondents()));
            assertThat(rows.get(k).get(2)).isEqualTo(TextTable.number(segments.get(k).indices()[0]));
        }
        assertThat(sections).extracting(HtmlReportStructureTest::heading)
            .contains("Satisfaction index model (PLS path model)");
    }

    @Test
    void creditValidateReportHasTheInSampleFigures() throws IOException {
        Path html = dir.resolve("credit.html");
        String csv = Cli.doc("docs/examples/credit.csv").toString();
        Cli r = Cli.run("credit", "validate", csv, "--folds", "4", "-f", "json", "--report", html.toString());
        assertThat(r.status).as(r.toString()).isZero();
        JsonNode inSample = JSON.readTree(r.out).get("in-sample").get(0);
        List<Element> sections = sections(Files.readString(html), "Credit scoring: credit.csv");
        assertThat(sections).extracting(HtmlReportStructureTest::heading).containsExactly("Summary",
            "Credit scores and grades", "Provenance");
        List<List<String>> summary = rows(all(section(sections, "Summary"), "table").get(0));
        assertThat(summary.get(2)).startsWith("AUC", TextTable.number(inSample.get("AUC").asDouble()));
        assertThat(summary.get(3)).startsWith("KS", TextTable.number(inSample.get("KS").asDouble()));
        assertThat(summary.get(4)).startsWith("Gini", TextTable.number(inSample.get("Gini").asDouble()));
    }

    @Test
    void plsReportMarksBootstrapSignificanceAndShowsEveryLoading() throws IOException {
        Path html = dir.resolve("pls.html");
        Cli r = Cli.run("pls", Cli.doc("docs/examples/pls-model.json").toString(),
            Cli.doc("docs/examples/satisfaction.csv").toString(), "--bootstrap", "100", "--seed", "3",
            "--threads", "1", "-f", "json", "--report", html.toString());
        assertThat(r.status).as(r.toString()).isZero();
        JsonNode root = JSON.readTree(r.out);
        List<Element> sections = sections(Files.readString(html), "PLS path model: pls-model.json");
        assertThat(sections).extracting(HtmlReportStructureTest::heading).containsExactly("Summary",
            "Satisfaction index model (PLS path model)", "Provenance");
        Element pls = sections.get(1);
        List<List<String>> paths = rows(all(pls, "table").get(0));
        int k = 0;
        for (JsonNode b : root.get("bootstrap")) {
            String parameter = b.get("parameter").asText();
            // paths only: the other rows start with a prefix (total, indirect, specific, R2, f2, HTMT)
            if (!parameter.contains(" -> ") || parameter.indexOf(' ') < parameter.indexOf(" -> ")) {
                continue;
            }
            List<String> row = paths.get(k++);
            assertThat(row.get(0)).isEqualTo(b.get("parameter").asText());
            assertThat(row.get(4)).isEqualTo(TextTable.number(b.get("p").asDouble()));
            assertThat(row.get(7)).isEqualTo(HtmlReport.stars(b.get("p").asDouble()).isEmpty() ? "n.s."
                : HtmlReport.stars(b.get("p").asDouble()));
        }
        assertThat(k).isEqualTo(paths.size()).isEqualTo(root.get("paths").size());
        Element diagram = all(pls, "svg").get(0);
        long dashed = paths.stream().filter(p -> p.get(7).equals("n.s.")).count();
        assertThat(all(diagram, "line", Markup::dashed)).hasSize((int) dashed);
        Element loadings = all(pls, "svg").get(1);
        assertThat(HtmlReportStructureTest.bars(loadings)).hasSize(root.get("outer model").size());
        List<List<String>> provenance = rows(all(sections.get(2), "table").get(0));
        assertThat(provenance.get(4)).containsExactly("seed", "3");
        assertThat(HtmlReport.stars(0.0009)).isEqualTo("***");
        assertThat(HtmlReport.stars(0.001)).isEqualTo("**");
        assertThat(HtmlReport.stars(0.049)).isEqualTo("*");
        assertThat(HtmlReport.stars(0.05)).isEmpty();
    }

    @Test
    void jsonIsTypedAndCsvKeepsNotesAsComments() throws IOException {
        Cli ahp = Cli.run("ahp", Cli.doc("docs/examples/ahp-hierarchy.json").toString(), "-f", "json");
        assertThat(ahp.status).as(ahp.toString()).isZero();
        JsonNode node = JSON.readTree(ahp.out).get("nodes").get(0);
        assertThat(node.get("acceptable").isBoolean()).isTrue();
        assertThat(node.get("CR").isNumber()).isTrue();
        Cli cohort = Cli.run("clv", "cohort", Cli.doc("docs/examples/cohorts.json").toString(), "-f", "json");
        assertThat(cohort.status).as(cohort.toString()).isZero();
        for (JsonNode c : JSON.readTree(cohort.out).get(JSON.readTree(cohort.out).fieldNames().next())) {
            JsonNode life = c.get("expected_lifetime");
            assertThat(life.isNull() || life.isNumber()).as(c.toString()).isTrue();
        }
        Output out = new Output().table("t", "name", "value", "ok").row("a", 1.5, true).row("b", Output.NONE, false)
            .row("c", Double.POSITIVE_INFINITY, true).note("first note").note("second, with a comma");
        String csv = out.render(Format.CSV);
        assertThat(csv).isEqualTo("name,value,ok\na,1.5,true\nb,,false\nc,Infinity,true\n\n# first note\n"
            + "# second, with a comma\n");
        JsonNode json = JSON.readTree(out.render(Format.JSON));
        assertThat(json.get("t").get(0).get("value").isDouble()).isTrue();
        assertThat(json.get("t").get(0).get("ok").isBoolean()).isTrue();
        assertThat(json.get("t").get(1).get("value").isNull()).isTrue();
        assertThat(json.get("t").get(2).get("value").isNull()).isTrue();
        assertThat(json.get("notes")).hasSize(2);
        assertThat(out.render(Format.TEXT)).contains("a          1.5  yes\n").contains("b            -  NO\n")
            .contains("c     Infinity  yes\n").endsWith("\nfirst note\nsecond, with a comma\n");
    }

    @Test
    void plsIndexOptionShowsOnceInTheUsageAndNamesABadValue() {
        Cli help = Cli.run("pls", "--help");
        // the usage wraps at 80 columns, so compare without the line breaks
        assertThat(help.out.replaceAll("\\s+", "")).contains("[--index=MIN,MAX]").doesNotContain("MIN,MAX...");
        String model = Cli.doc("docs/examples/pls-model.json").toString();
        String data = Cli.doc("docs/examples/satisfaction.csv").toString();
        Cli one = Cli.run("pls", model, data, "--index", "10");
        assertThat(one.status).isEqualTo(1);
        assertThat(one.err.strip()).isEqualTo("powercx pls: option --index: needs MIN,MAX but got 1 values ('10')");
        Cli word = Cli.run("pls", model, data, "--index", "0,ten");
        assertThat(word.err.strip()).isEqualTo("powercx pls: option --index: 'ten' is not a number");
    }
}
