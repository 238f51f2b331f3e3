package org.powercx.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.powercx.clv.HoldoutResult;
import org.powercx.core.CustomerIndicators;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TextTable;
import org.powercx.credit.GradeReport;
import org.powercx.credit.RocCurve;
import org.powercx.grey.GreyRelationalResult;
import org.powercx.satisfaction.BootstrapEstimate;
import org.powercx.satisfaction.BootstrapResult;
import org.powercx.satisfaction.PathModel;
import org.powercx.satisfaction.PlsResult;
import org.powercx.io.AhpHierarchyFile;
import org.powercx.segmentation.AnalysisReport;
import org.powercx.segmentation.RiskSegments;
import org.powercx.segmentation.SatisfactionSegments;
import org.powercx.segmentation.ServicePlan;
import org.powercx.segmentation.ValueSegment;
import org.powercx.segmentation.ValueSegments;

/**
 * A self-contained HTML report: sections of inline SVG charts and small tables, with inline CSS, no script and
 * no external resource, so the file opens offline and can be mailed as it is.
 *
 * @since 0.1.0
 */
final class HtmlReport {
    private static final String CSS = "body{font-family:sans-serif;max-width:980px;margin:24px auto;color:#222;"
        + "padding:0 16px}h1{font-size:24px;border-bottom:2px solid #4e79a7;padding-bottom:6px}"
        + "h2{font-size:18px;margin-top:32px;color:#2b4f73}p.caption{color:#555;font-size:13px;max-width:760px}"
        + "table{border-collapse:collapse;font-size:12px;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px}"
        + "th{background:#eef3f8}td.n{text-align:right;font-variant-numeric:tabular-nums}"
        + ".grid{display:flex;flex-wrap:wrap;gap:12px}.grid>*{min-width:0;max-width:100%}"
        + "svg{max-width:100%;height:auto}table{display:block;max-width:100%;overflow-x:auto}";

    private final String title;
    private final List<String> sections = new ArrayList<>();

    private HtmlReport(String title) {
        this.title = title;
    }

    /**
     * An empty report.
     *
     * @param title the page title
     * @return the report
     */
    public static HtmlReport create(String title) {
        return new HtmlReport(title);
    }

    /**
     * Adds a section.
     *
     * @param heading the section heading
     * @param caption a sentence saying how to read it
     * @param body HTML: SVG charts and tables
     * @return this
     */
    public HtmlReport section(String heading, String caption, String body) {
        sections.add("<section>\n<h2>" + Svg.esc(heading) + "</h2>\n<p class=\"caption\">" + Svg.esc(caption)
            + "</p>\n" + body + "</section>\n");
        return this;
    }

    /**
     * An HTML table; numbers are formatted and right-aligned.
     *
     * @param header column titles
     * @param rows rows of strings or numbers
     * @return the HTML
     */
    public static String table(List<String> header, List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder("<table><tr>");
        for (String h : header) {
            sb.append("<th>").append(Svg.esc(h)).append("</th>");
        }
        sb.append("</tr>\n");
        for (List<Object> r : rows) {
            sb.append("<tr>");
            for (Object o : r) {
                if (o instanceof Number) {
                    sb.append("<td class=\"n\">").append(TextTable.number(((Number) o).doubleValue())).append("</td>");
                } else {
                    sb.append("<td>").append(Svg.esc(String.valueOf(o))).append("</td>");
                }
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    /**
     * Adds the AHP section: the global weights of the leaves and a table of each node's consistency.
     *
     * @param h the evaluated hierarchy
     * @return this
     */
    public HtmlReport ahp(AhpHierarchyFile h) {
        List<String> names = h.globalWeights().names();
        double[] w = h.globalWeights().values();
        List<List<Object>> rows = new ArrayList<>();
        for (AhpHierarchyFile.Node n : h.nodes()) {
            if (n.result() != null) {
                rows.add(List.of(n.path(), n.criteria().size(), n.result().lambdaMax(), n.result().consistencyRatio(),
                    n.result().isAcceptable() ? "yes" : "NO"));
            } else {
                rows.add(List.of(n.path(), n.criteria().size(), "-", "-", "given weights"));
            }
        }
        StringBuilder body = new StringBuilder(Svg.bars("AHP global weights", names, w, null));
        for (AhpHierarchyFile.Node n : h.nodes()) {
            if (h.nodes().size() > 1) {
                String cr = n.result() == null ? "given weights"
                    : String.format(Locale.ROOT, "CR = %.4f%s", n.result().consistencyRatio(),
                        n.result().isAcceptable() ? "" : " (fails)");
                body.append("<h3 style=\"font-size:14px\">").append(Svg.esc(n.path())).append(": local weights, ")
                    .append(Svg.esc(cr)).append("</h3>\n");
                String[] colours = new String[n.criteria().size()];
                java.util.Arrays.fill(colours, n.result() == null || n.result().isAcceptable() ? Svg.PALETTE[3]
                    : Svg.PALETTE[2]);
                body.append(Svg.bars("local weights of " + n.path(), n.criteria(), n.localWeights(), colours));
            }
        }
        body.append(table(List.of("node", "criteria", "lambda max", "CR", "acceptable"), rows));
        return section("AHP weights and consistency",
            String.format(Locale.ROOT, "Global weight of each leaf criterion (product of local weights down the "
                + "hierarchy), then each node's local weights and consistency ratio. Hierarchy CR = %.4f; "
                + "a node passes when CR <= 0.1.", h.consistencyRatio()), body.toString());
    }

    /**
     * Adds the AHP section for a hierarchy evaluated by the ahp module: leaf weights, then each judged node's
     * local weights and consistency ratio.
     *
     * @param h the hierarchy's result
     * @return this
     */
    public HtmlReport ahp(org.powercx.ahp.HierarchyResult h) {
        org.powercx.core.Weights leaves = h.leafWeights();
        StringBuilder body = new StringBuilder(Svg.bars("AHP global weights", leaves.names(), leaves.values(),
            null));
        List<List<Object>> rows = new ArrayList<>();
        for (java.util.Map.Entry<String, org.powercx.ahp.AhpResult> e : h.localResults().entrySet()) {
            org.powercx.ahp.AhpResult r = e.getValue();
            body.append("<h3 style=\"font-size:14px\">").append(Svg.esc(e.getKey())).append(": local weights, ")
                .append(String.format(Locale.ROOT, "CR = %.4f", r.consistencyRatio())).append("</h3>\n");
            String[] colours = new String[r.weights().names().size()];
            java.util.Arrays.fill(colours, r.isAcceptable() ? Svg.PALETTE[3] : Svg.PALETTE[2]);
            body.append(Svg.bars("local weights of " + e.getKey(), r.weights().names(), r.weights().values(),
                colours));
            rows.add(List.of(e.getKey(), r.weights().names().size(), r.lambdaMax(), r.consistencyRatio(),
                r.isAcceptable() ? "yes" : "NO"));
        }
        body.append(table(List.of("node", "criteria", "lambda max", "CR", "acceptable"), rows));
        return section("AHP weights and consistency", String.format(Locale.ROOT, "Global weight of each "
            + "indicator of the value index system, then each node's local weights and consistency ratio. "
            + "Hierarchy CR = %.4f; a node passes when CR <= 0.1.", h.consistencyRatio()), body.toString());
    }

    /**
     * Adds the GRA ranking: the best customers' grades as bars.
     *
     * @param r the result
     * @param top how many customers to show
     * @return this
     */
    public HtmlReport gra(GreyRelationalResult r, int top) {
        List<String> ranking = r.ranking();
        int n = Math.min(top, ranking.size());
        double[] g = new double[n];
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            labels.add((k + 1) + ". " + ranking.get(k));
            g[k] = r.grade(ranking.get(k));
        }
        return section("Grey relational ranking",
            String.format(Locale.ROOT, "The %d customers with the highest weighted grey relational grade "
                + "(closeness to the ideal customer, 1 = ideal) out of %d.", n, r.rowCount()),
            Svg.bars("GRA ranking", labels, g, null));
    }

    /**
     * Adds the PLS path diagram: constructs in causal order, arrows with path coefficients, R2 under each
     * endogenous construct; then the outer loadings of every indicator.
     *
     * @param r the estimated model
     * @return this
     */
    public HtmlReport pls(PlsResult r) {
        return pls(r, null);
    }

    /**
     * Adds the PLS path diagram with the bootstrap significance of each path (two-sided p from the bootstrap t:
     * *** below 0.001, ** below 0.01, * below 0.05; non-significant paths dashed), then the outer loadings of
     * every indicator (bars below 0.708, the level at which a construct explains half an indicator's variance,
     * in orange; Hair et al. 2017, ch. 4).
     *
     * @param r the estimated model
     * @param bootstrap the bootstrap of the same model and data, or null
     * @return this
     */
    public HtmlReport pls(PlsResult r, BootstrapResult bootstrap) {
        PathModel m = r.model();
        List<String> names = m.constructNames();
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = 0; j < names.size(); j++) {
                if (m.hasPath(names.get(i), names.get(j))) {
                    edges.add(new int[] {i, j});
                }
            }
        }
        int[] from = new int[edges.size()];
        int[] to = new int[edges.size()];
        double[] coef = new double[edges.size()];
        String[] stars = new String[edges.size()];
        List<List<Object>> rows = new ArrayList<>();
        for (int e = 0; e < from.length; e++) {
            from[e] = edges.get(e)[0];
            to[e] = edges.get(e)[1];
            coef[e] = r.pathCoefficient(names.get(from[e]), names.get(to[e]));
            if (bootstrap != null) {
                BootstrapEstimate b = BootstrapResult.find(bootstrap.paths(),
                    names.get(from[e]) + " -> " + names.get(to[e]));
                stars[e] = stars(b.p());
                rows.add(List.of(b.name(), b.original(), b.standardError(), b.t(), b.p(), b.lower(), b.upper(),
                    stars[e].isEmpty() ? "n.s." : stars[e]));
            }
        }
        double[] r2 = new double[names.size()];
        for (int j = 0; j < r2.length; j++) {
            r2[j] = m.predecessors(names.get(j)).isEmpty() ? Double.NaN : r.rSquared(names.get(j));
        }
        StringBuilder body = new StringBuilder(Svg.pathDiagram("PLS path diagram", names, new int[][] {from, to},
            coef, r2, bootstrap == null ? null : stars));
        if (bootstrap != null) {
            body.append(table(List.of("path", "coefficient", "std. error", "t", "p", "CI lower", "CI upper",
                "significance"), rows));
        }
        List<String> indicators = new ArrayList<>();
        List<Double> loadings = new ArrayList<>();
        for (org.powercx.satisfaction.Construct c : m.constructs()) {
            for (String ind : c.indicators()) {
                indicators.add(c.name() + ": " + ind);
                loadings.add(r.loading(ind));
            }
        }
        double[] l = new double[loadings.size()];
        String[] colours = new String[l.length];
        for (int k = 0; k < l.length; k++) {
            l[k] = loadings.get(k);
            colours[k] = Math.abs(l[k]) >= LOADING_THRESHOLD ? Svg.PALETTE[0] : Svg.PALETTE[1];
        }
        body.append("<h3 style=\"font-size:14px\">Outer loadings</h3>\n")
            .append(Svg.bars("outer loadings", indicators, l, colours));
        String significance = bootstrap == null ? "" : String.format(Locale.ROOT, " Stars give the bootstrap "
            + "significance (%d resamples, seed %d): *** p < 0.001, ** p < 0.01, * p < 0.05; dashed paths "
            + "are not significant at 0.05.", bootstrap.resamples(), bootstrap.seed());
        return section("Satisfaction index model (PLS path model)",
            String.format(Locale.ROOT, "Path coefficients of the structural model estimated by PLS path modeling on "
                + "%d respondents; line width grows with the coefficient, negative paths in red; R\u00b2 under "
                + "each endogenous construct.%s Below, each indicator's outer loading; loadings under 0.708 "
                + "(orange) share less than half their variance with their construct.", r.sampleSize(),
                significance), body.toString());
    }

    /** Outer loadings from this level on share at least half their variance with the construct (0.708^2 = 0.5). */
    static final double LOADING_THRESHOLD = 0.708;

    /**
     * Significance stars of a two-sided p value.
     *
     * @param p the p value
     * @return "***", "**", "*" or ""
     */
    static String stars(double p) {
        return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : "";
    }

    /**
     * Adds the importance-performance map: each driver's total effect on a target construct against its
     * 0-100 performance index.
     *
     * @param target the target construct
     * @param drivers the driving constructs
     * @param importance their total effects on the target
     * @param performance their indices on 0-100
     * @return this
     */
    public HtmlReport importancePerformance(String target, List<String> drivers, double[] importance,
            double[] performance) {
        return section("Importance-performance map",
            "Each driver's total effect on " + target + " (importance) against its satisfaction index on 0-100 "
                + "(performance). Dashed lines at the means: drivers at the lower right matter most and "
                + "perform worst, the first candidates for improvement.",
            Svg.labelledPoints("importance-performance map", drivers, importance, performance,
                "importance (total effect on " + target + ")", "performance (index 0-100)"));
    }

    /**
     * Adds the summary: a table of the key figures, each with a sentence saying what it measures.
     *
     * @param figures rows of figure name, value (a number or text) and meaning
     * @return this
     */
    public HtmlReport summary(List<List<Object>> figures) {
        return section("Summary", "The key figures of this report; each is explained in its own section below.",
            table(List.of("figure", "value", "meaning"), figures));
    }

    /**
     * Adds the provenance: library version, Java version, date, input and seed, so a reader can reproduce the
     * report.
     *
     * @param input the input files, or a description of the bundled data
     * @param seed the random seed, or null when nothing random was drawn
     * @return this
     */
    public HtmlReport provenance(String input, Long seed) {
        String version;
        try {
            version = new Main.Version().getVersion()[0];
        } catch (IOException e) {
            version = "powercx (version unknown)";
        }
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("library", version));
        rows.add(List.of("Java", System.getProperty("java.version")));
        rows.add(List.of("date (UTC)", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()));
        rows.add(List.of("input", input));
        rows.add(List.of("seed", seed == null ? "none (nothing random)" : seed.toString()));
        return section("Provenance", "What produced this report: the same version, input and seed give the same "
            + "figures.", table(List.of("item", "value"), rows));
    }

    /**
     * Adds the value segments: current against potential value of every customer, coloured by segment, with
     * the cut-offs and each quadrant's segment and customer count; then lifetime value by segment as median and
     * total (the mean misleads: a few very large customers lift it far above a segment's typical customer).
     *
     * @param s the segments
     * @param lifetimeValues each customer's lifetime value in kyuan, or null to leave the table out
     * @return this
     */
    public HtmlReport valueSegments(ValueSegments s, double[] lifetimeValues) {
        int n = s.size();
        String[] seg = new String[n];
        for (int i = 0; i < n; i++) {
            seg[i] = s.segment(i).label();
        }
        int[] counts = s.counts();
        String[] quadrants = new String[4];
        ValueSegment[] order = {ValueSegment.KEY, ValueSegment.DEVELOP, ValueSegment.MAINTAIN, ValueSegment.BASIC};
        for (int q = 0; q < 4; q++) {
            quadrants[q] = order[q].label() + ": " + counts[order[q].ordinal()];
        }
        StringBuilder body = new StringBuilder(Svg.scatter("value segments",
            new double[][] {s.currentValues(), s.potentialValues()}, seg,
            new String[] {"current value", "potential value"}, new double[] {s.currentCutoff(), s.potentialCutoff()},
            quadrants));
        String caption = String.format(Locale.ROOT, "Current against potential value (grey relational grades) of "
            + "every customer, coloured by segment; dashed lines are the cut-offs (current %.3f, potential %.3f, "
            + "%s), each quadrant names its segment and customer count.", s.currentCutoff(), s.potentialCutoff(),
            s.method().name().toLowerCase(Locale.ROOT));
        if (lifetimeValues != null) {
            SegmentValues v = SegmentValues.of(s, lifetimeValues);
            List<List<Object>> rows = new ArrayList<>();
            for (ValueSegment g : ValueSegment.values()) {
                int k = g.ordinal();
                rows.add(List.of(g.label(), v.counts[k], v.counts[k] == 0 ? "-" : (Object) v.medians[k],
                    v.totals[k], v.grandTotal == 0 ? "-" : (Object) (v.totals[k] / v.grandTotal)));
            }
            body.append(table(List.of("segment", "customers", "median lifetime value (kyuan)",
                "total lifetime value (kyuan)", "share of total"), rows));
            caption += " The table gives each segment's median and total lifetime value: the median, because a few "
                + "very large customers lift a segment's mean far above its typical customer.";
        }
        return section("Value segments", caption, body.toString());
    }

    /**
     * Adds the credit section: the score distribution of defaulters against non-defaulters, the grade table with
     * observed default rates when grades are given, and the ROC curve with its AUC and the Kolmogorov-Smirnov
     * distance marked.
     *
     * @param roc the ROC curve of the scores against the outcomes
     * @param scores each customer's score, higher = riskier (a monotone transform of the scores of the curve)
     * @param defaulted each customer's outcome, 1 = defaulted
     * @param scoreLabel what the score is, the histogram's axis title
     * @param grades the grade report, or null
     * @return this
     */
    public HtmlReport credit(RocCurve roc, double[] scores, int[] defaulted, String scoreLabel, GradeReport grades) {
        StringBuilder body = new StringBuilder(Svg.distributions("score distribution of defaulters and "
            + "non-defaulters", scores, defaulted, List.of("not defaulted", "defaulted"), 40, scoreLabel));
        if (grades != null) {
            List<List<Object>> rows = new ArrayList<>();
            for (int k = 0; k < grades.names().size(); k++) {
                rows.add(List.of(grades.names().get(k), grades.counts()[k], grades.defaults()[k],
                    grades.counts()[k] == 0 ? "-" : (Object) grades.defaultRates()[k]));
            }
            body.append(table(List.of("grade", "customers", "defaults", "default rate"), rows));
        }
        body.append(Svg.roc("ROC curve", roc.falsePositiveRates(), roc.truePositiveRates(), roc.auc(), roc.ks()));
        return section("Credit scores and grades", String.format(Locale.ROOT, "Distribution of the %s among "
            + "defaulters and non-defaulters (each as a share of its own group: the less they overlap, the better "
            + "the score separates)%s, and the ROC curve of the score against observed defaults: AUC %s, and the "
            + "Kolmogorov-Smirnov distance KS %s, the largest gap between the two groups' cumulative distributions, "
            + "marked where the curve is farthest above the diagonal.", scoreLabel,
            grades == null ? "" : ", the grade table with observed default rates"
                + (grades.isMonotone() ? " (monotone across grades)" : " (NOT monotone across grades)"),
            TextTable.number(roc.auc()), TextTable.number(roc.ks())), body.toString());
    }

    /**
     * Adds the risk topics: customers per group of each topic.
     *
     * @param r the risk groups
     * @return this
     */
    public HtmlReport riskTopics(RiskSegments r) {
        StringBuilder body = new StringBuilder("<div class=\"grid\">");
        List<List<Object>> rows = new ArrayList<>();
        for (String topic : r.topics()) {
            List<String> labels = r.rules().get(r.topics().indexOf(topic)).labels();
            int[] counts = r.counts(topic);
            double[] v = new double[counts.length];
            String[] colours = new String[counts.length];
            for (int k = 0; k < counts.length; k++) {
                v[k] = counts[k];
                // lowest risk green, the middle groups yellow, the highest red
                colours[k] = k == 0 ? Svg.PALETTE[4] : k == counts.length - 1 ? Svg.PALETTE[2] : Svg.PALETTE[5];
                rows.add(List.of(topic, labels.get(k), counts[k], counts[k] / (double) r.size()));
            }
            body.append(Svg.bars("risk topic " + topic, labels, v, colours));
        }
        body.append("</div>\n").append(table(List.of("topic", "group", "customers", "share"), rows));
        return section("Risk topics", String.format(Locale.ROOT, "Customers per risk group of each of the %d "
            + "topics, the groups in rising order of risk.", r.topics().size()), body.toString());
    }

    /**
     * Adds the service plan: how many customers each measure of the policy reaches, most first.
     *
     * @param plan the plan
     * @return this
     */
    public HtmlReport servicePlan(ServicePlan plan) {
        List<java.util.Map.Entry<String, Integer>> entries = new ArrayList<>(plan.measureCounts().entrySet());
        entries.sort(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()
            .thenComparing(java.util.Map.Entry.comparingByKey()));
        List<String> names = new ArrayList<>();
        double[] v = new double[entries.size()];
        List<List<Object>> rows = new ArrayList<>();
        for (int k = 0; k < v.length; k++) {
            names.add(entries.get(k).getKey());
            v[k] = entries.get(k).getValue();
            rows.add(List.of(entries.get(k).getKey(), entries.get(k).getValue(),
                entries.get(k).getValue() / (double) plan.size()));
        }
        return section("Service plan", String.format(Locale.ROOT, "Customers reached by each measure of the "
            + "differentiated service policy, out of %d; a customer receives every measure whose conditions "
            + "(value segment, credit grade, risk groups) he meets.", plan.size()),
            Svg.bars("service measures", names, v, null) + table(List.of("measure", "customers", "share"), rows));
    }

    /**
     * Adds satisfaction by value segment: each segment's 0-100 construct indices from its own model.
     *
     * @param s the satisfaction segments
     * @return this
     */
    public HtmlReport satisfactionBySegment(SatisfactionSegments s) {
        List<String> constructs = s.overall().model().constructNames();
        List<String> header = new ArrayList<>(List.of("segment", "respondents"));
        header.addAll(constructs);
        header.add("note");
        List<List<Object>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Double> last = new ArrayList<>();
        for (SatisfactionSegments.Segment g : s.segments()) {
            List<Object> row = new ArrayList<>(List.of(g.name(), g.respondents()));
            double[] idx = g.indices();
            for (int j = 0; j < constructs.size(); j++) {
                row.add(j < idx.length && Double.isFinite(idx[j]) ? (Object) idx[j] : "-");
            }
            row.add(g.note());
            rows.add(row);
            int j = constructs.size() - 1;
            if (j < idx.length && Double.isFinite(idx[j])) {
                names.add(g.name() + " (" + g.respondents() + ")");
                last.add(idx[j]);
            }
        }
        String target = constructs.get(constructs.size() - 1);
        double[] v = last.stream().mapToDouble(Double::doubleValue).toArray();
        return section("Satisfaction by value segment", "The satisfaction index (0-100) of each construct, "
            + "estimated for each value segment's respondents; the chart shows " + target + ". A segment with "
            + "too few respondents for a model of its own says so in the note.",
            (v.length == 0 ? "" : Svg.bars("satisfaction by segment", names, v, null)) + table(header, rows));
    }

    /**
     * Adds the validation of a purchase model on a holdout period: mean repeat purchases in the holdout that
     * the model predicted and that were observed, per number of repeat purchases in the calibration period.
     *
     * @param h the holdout comparison
     * @param model the model's name, e.g. "BG/NBD"
     * @return this
     */
    public HtmlReport holdoutValidation(HoldoutResult h, String model) {
        int[] customers = h.customers();
        double[] actual = h.actual();
        double[] predicted = h.predicted();
        int m = customers.length - 1;
        List<String> groups = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (int g = 0; g <= m; g++) {
            String name = g < m ? Integer.toString(g) : m + "+";
            groups.add(name);
            rows.add(List.of(name, customers[g], Double.isFinite(actual[g]) ? (Object) actual[g] : "-",
                Double.isFinite(predicted[g]) ? (Object) predicted[g] : "-"));
        }
        return section("Lifetime value model validation", "Mean repeat purchases per customer in the holdout "
            + "period, as observed and as the " + model + " model fitted on the calibration period predicts them, "
            + "grouped by the customers' repeat purchases in the calibration period (the last group pools the "
            + "rest). Close lines mean the model ranks and sizes future purchases well.",
            Svg.lines("holdout validation", groups, new double[][] {actual, predicted},
                List.of("actual", model + " predicted"), "repeat purchases in the calibration period",
                "mean repeat purchases in the holdout")
                + table(List.of("calibration purchases", "customers", "actual", "predicted"), rows));
    }

    /**
     * Adds the sections of a segmentation analysis on any customer file: value segments with lifetime value,
     * credit (when the customers' defaults are known), risk topics, the service plan and, with a survey,
     * satisfaction by segment.
     *
     * @param r the analysis
     * @param defaulted each customer's observed default (1 = defaulted), or an empty array when unknown
     * @return this
     */
    public HtmlReport analysis(AnalysisReport r, int[] defaulted) {
        valueSegments(r.segments(), r.lifetimeValues());
        if (defaulted.length > 0) {
            double[] pd = r.credit().defaultProbabilities();
            double[] logit = new double[pd.length];
            for (int i = 0; i < pd.length; i++) {
                logit[i] = Math.log(pd[i] / (1 - pd[i]));
            }
            credit(RocCurve.of(pd, defaulted), logit, defaulted, "log-odds of default", r.credit().report());
        }
        riskTopics(r.risks());
        servicePlan(r.plan());
        r.satisfaction().ifPresent(this::satisfactionBySegment);
        return this;
    }

    /**
     * The report of a segmentation analysis on a customer file: a summary, the value index weights, the
     * analysis sections and the provenance.
     *
     * @param title the page title
     * @param r the analysis
     * @param customers the customers analysed, for their observed defaults when the table has that column
     * @param input the input files, for the provenance
     * @return the report
     */
    static HtmlReport ofAnalysis(String title, AnalysisReport r, IndicatorTable customers, String input) {
        int[] defaulted = outcomes(customers, CustomerIndicators.DEFAULTED);
        List<List<Object>> figures = new ArrayList<>();
        figures.add(List.of("customers", r.size(), "customers analysed"));
        if (defaulted.length > 0) {
            RocCurve roc = RocCurve.of(r.credit().defaultProbabilities(), defaulted);
            figures.add(List.of("AUC", roc.auc(), "credit: probability that a defaulter scores riskier than a "
                + "non-defaulter (in-sample)"));
            figures.add(List.of("KS", roc.ks(), "credit: largest gap between the score distributions of "
                + "defaulters and non-defaulters"));
        }
        figures.add(List.of("CR", r.values().weights().consistencyRatio(), "AHP consistency ratio of the value "
            + "index hierarchy (passes <= 0.1)"));
        r.satisfaction().ifPresent(sat -> {
            PlsResult pls = sat.overall();
            for (String c : pls.model().constructNames()) {
                if (!pls.model().predecessors(c).isEmpty()) {
                    figures.add(List.of("R2 (" + c + ")", pls.rSquared(c), "share of " + c + "'s variance the "
                        + "satisfaction model explains"));
                }
            }
        });
        HtmlReport page = create(title).summary(figures).ahp(r.values().weights()).analysis(r, defaulted);
        r.satisfaction().ifPresent(sat -> page.pls(sat.overall()));
        return page.provenance(input, null);
    }

    /**
     * The report of a credit scoring model validated on its training file: a summary, the credit section and the
     * provenance.
     *
     * @param title the page title
     * @param roc the ROC curve of the scores
     * @param scores the discriminant scores, higher = riskier
     * @param defaulted the outcomes, 1 = defaulted
     * @param input the input file, for the provenance
     * @return the report
     */
    static HtmlReport ofCredit(String title, RocCurve roc, double[] scores, int[] defaulted, String input) {
        int defaults = 0;
        for (int d : defaulted) {
            defaults += d;
        }
        return create(title).summary(List.of(
                List.of("customers", scores.length, "customers scored"),
                List.of("defaults", defaults, "customers who defaulted"),
                List.of("AUC", roc.auc(), "probability that a defaulter scores riskier than a non-defaulter "
                    + "(in-sample)"),
                List.of("KS", roc.ks(), "largest gap between the score distributions of the two groups"),
                List.of("Gini", roc.gini(), "2 AUC - 1")))
            .credit(roc, scores, defaulted, "discriminant score", null)
            .provenance(input, null);
    }

    /**
     * A 0/1 outcome column of a table.
     *
     * @param t the table
     * @param column the column name
     * @return the outcomes, or an empty array when the column is absent, holds anything but 0 and 1, or only
     *     one of them
     */
    static int[] outcomes(IndicatorTable t, String column) {
        if (!t.contains(column)) {
            return new int[0];
        }
        double[] y = t.column(column);
        int[] out = new int[y.length];
        int ones = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                return new int[0];
            }
            out[i] = (int) y[i];
            ones += out[i];
        }
        return ones == 0 || ones == y.length ? new int[0] : out;
    }

    /**
     * The whole page.
     *
     * @return the HTML text
     */
    public String html() {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .append(Svg.esc(title)).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n<h1>")
            .append(Svg.esc(title)).append("</h1>\n");
        sections.forEach(sb::append);
        return sb.append("<p class=\"caption\">Generated by PowerCX.</p>\n</body>\n</html>\n").toString();
    }

    /**
     * Writes the page.
     *
     * @param file the output file
     * @throws CliException if the file cannot be written
     */
    public void write(Path file) {
        try {
            org.powercx.core.internal.AtomicFiles.writeString(file, html());
        } catch (IOException e) {
            throw new CliException("%s: cannot write the report: %s", file, e.getMessage());
        }
    }
}
