package org.powercx.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.powercx.core.TextTable;
import org.powercx.grey.GreyRelationalResult;
import org.powercx.satisfaction.PathModel;
import org.powercx.satisfaction.PlsResult;
import org.powercx.io.AhpHierarchyFile;

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
     * Adds the PLS path diagram: constructs in columns by their depth in the structural model, arrows with path
     * coefficients, R2 under each endogenous construct.
     *
     * @param r the estimated model
     * @return this
     */
    public HtmlReport pls(PlsResult r) {
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
        for (int e = 0; e < from.length; e++) {
            from[e] = edges.get(e)[0];
            to[e] = edges.get(e)[1];
            coef[e] = r.pathCoefficient(names.get(from[e]), names.get(to[e]));
        }
        double[] r2 = new double[names.size()];
        for (int j = 0; j < r2.length; j++) {
            r2[j] = m.predecessors(names.get(j)).isEmpty() ? Double.NaN : r.rSquared(names.get(j));
        }
        return section("Satisfaction index model (PLS path model)",
            String.format(Locale.ROOT, "Path coefficients of the structural model estimated by PLS path modeling on "
                + "%d respondents; line width grows with the coefficient, negative paths in red; R\u00b2 under "
                + "each endogenous construct.", r.sampleSize()),
            Svg.pathDiagram("PLS path diagram", names, from, to, coef, r2));
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
