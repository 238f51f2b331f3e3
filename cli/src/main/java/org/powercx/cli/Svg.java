package org.powercx.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.powercx.core.TextTable;

/**
 * Small SVG chart drawing for the HTML report: horizontal bars, scatter plots, stacked histograms, line charts
 * and a path diagram. Everything is plain inline SVG with no script, so the report works offline.
 *
 * @since 0.1.0
 */
final class Svg {
    /** Category colours (Tableau 10). */
    static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
        "#ff9da7", "#9c755f", "#bab0ac"};

    private static final int W = 640;

    private Svg() {
    }

    /**
     * Escapes text for HTML and SVG.
     *
     * @param s text
     * @return escaped text
     */
    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Up to this many points a scatter draws every dot. */
    private static final int DRAW_EVERY_DOT = 20_000;

    /** The side in pixels of the square within which a scatter draws one dot per group (its dots' radius is 2.5). */
    private static final double DOT_CELL = 2;

    /** Half a pixel: how far a thinned curve may move. */
    private static final double HALF_PIXEL = 0.5;

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String num(double v) {
        return TextTable.number(Double.parseDouble(String.format(Locale.ROOT, "%.4g", v)));
    }

    private static StringBuilder open(int w, int h, String label) {
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(w).append("\" height=\"")
            .append(h).append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
            // the natural size is the largest: on a narrower page the chart shrinks, keeping its proportions
            .append("\" preserveAspectRatio=\"xMinYMin meet\" style=\"max-width:100%;height:auto\" aria-label=\"")
            .append(esc(label)).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        return sb;
    }

    private static void text(StringBuilder sb, double x, double y, String anchor, String s, String extra) {
        sb.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" text-anchor=\"").append(anchor)
            .append('"').append(extra).append('>').append(esc(s)).append("</text>\n");
    }

    /**
     * Horizontal bars, one per label, with the value written at the end of the bar.
     *
     * @param label accessible label
     * @param labels bar labels
     * @param values non-negative values
     * @param colours one colour per bar, or null for the first palette colour
     * @return the SVG element
     */
    public static String bars(String label, List<String> labels, double[] values, String[] colours) {
        int n = labels.size();
        int rowH = 22;
        int left = 10 + Math.min(260, 7 * labels.stream().mapToInt(String::length).max().orElse(4));
        int h = n * rowH + 30;
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        if (max <= 0) {
            max = 1;
        }
        double span = W - left - 80;
        StringBuilder sb = open(W, h, label);
        for (int i = 0; i < n; i++) {
            double y = 10 + i * rowH;
            double bw = Math.max(0, values[i] / max * span);
            text(sb, left - 6, y + 15, "end", labels.get(i), "");
            sb.append("<rect x=\"").append(left).append("\" y=\"").append(f(y + 2)).append("\" width=\"").append(f(bw))
                .append("\" height=\"").append(rowH - 6).append("\" fill=\"")
                .append(colours == null ? PALETTE[0] : colours[i]).append("\"/>\n");
            text(sb, left + bw + 4, y + 15, "start", num(values[i]), "");
        }
        sb.append("<line x1=\"").append(left).append("\" y1=\"6\" x2=\"").append(left).append("\" y2=\"")
            .append(h - 20).append("\" stroke=\"#333\"/>\n");
        return sb.append("</svg>\n").toString();
    }

    private static double[] range(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (Double.isFinite(x)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        if (!(hi > lo)) {
            lo = lo - 0.5;
            hi = lo + 1;
        }
        double pad = (hi - lo) * 0.04;
        return new double[] {lo - pad, hi + pad};
    }

    /**
     * Widens a range to the tightest axis of 3 to 8 intervals of a round step (1, 2, 2.5 or 5 times a power of
     * ten) that covers it.
     *
     * @return the axis minimum, maximum and number of intervals
     */
    static double[] nice(double[] r) {
        double best = Double.POSITIVE_INFINITY;
        double[] out = {r[0], r[1], 4};
        double mag = Math.pow(10, Math.floor(Math.log10((r[1] - r[0]) / 8)));
        for (double m : new double[] {mag, 10 * mag}) {
            for (double f : new double[] {1, 2, 2.5, 5}) {
                double step = f * m;
                double lo = Math.floor(r[0] / step + 1e-9) * step;
                double hi = Math.ceil(r[1] / step - 1e-9) * step;
                long intervals = Math.round((hi - lo) / step);
                if (intervals >= 3 && intervals <= 8 && hi - lo < best * (1 - 1e-12)) {
                    best = hi - lo;
                    out = new double[] {lo, hi, intervals};
                }
            }
        }
        return out;
    }

    private static void axes(StringBuilder sb, int x0, int y0, int x1, int y1, double[] xr, double[] yr,
            String xLabel, String yLabel) {
        sb.append("<rect x=\"").append(x0).append("\" y=\"").append(y1).append("\" width=\"").append(x1 - x0)
            .append("\" height=\"").append(y0 - y1).append("\" fill=\"none\" stroke=\"#333\"/>\n");
        int nx = xr.length > 2 ? (int) xr[2] : 4;
        int ny = yr.length > 2 ? (int) yr[2] : 4;
        for (int k = 0; k <= nx; k++) {
            double fx = x0 + (x1 - x0) * k / (double) nx;
            text(sb, fx, y0 + 15, "middle", num(xr[0] + (xr[1] - xr[0]) * k / nx), "");
            sb.append("<line x1=\"").append(f(fx)).append("\" y1=\"").append(y0).append("\" x2=\"").append(f(fx))
                .append("\" y2=\"").append(y0 + 4).append("\" stroke=\"#333\"/>\n");
        }
        for (int k = 0; k <= ny; k++) {
            double fy = y0 - (y0 - y1) * k / (double) ny;
            text(sb, x0 - 5, fy + 4, "end", num(yr[0] + (yr[1] - yr[0]) * k / ny), "");
        }
        text(sb, (x0 + x1) / 2.0, y0 + 32, "middle", xLabel, "");
        text(sb, 14, (y0 + y1) / 2.0, "middle", yLabel,
            " transform=\"rotate(-90 14 " + f((y0 + y1) / 2.0) + ")\"");
    }

    private static void legend(StringBuilder sb, List<String> groups, int x, int y) {
        for (int g = 0; g < groups.size(); g++) {
            sb.append("<rect x=\"").append(x).append("\" y=\"").append(y + g * 18).append("\" width=\"12\" height=\"12\""
                + " fill=\"").append(PALETTE[g % PALETTE.length]).append("\"/>\n");
            text(sb, x + 17, y + g * 18 + 10, "start", groups.get(g), "");
        }
    }

    /**
     * A scatter plot coloured by group, with optional dashed cut-off lines.
     *
     * @param label accessible label
     * @param x x values
     * @param y y values
     * @param group each point's group
     * @param xLabel x axis title
     * @param yLabel y axis title
     * @param xCut a vertical reference line, or NaN
     * @param yCut a horizontal reference line, or NaN
     * @return the SVG element
     */
    public static String scatter(String label, double[] x, double[] y, String[] group, String xLabel, String yLabel,
            double xCut, double yCut) {
        return scatter(label, new double[][] {x, y}, group, new String[] {xLabel, yLabel}, new double[] {xCut, yCut},
            null);
    }

    /**
     * A scatter plot coloured by group, with dashed cut-off lines and a label in each quadrant they make. Up to
     * 20,000 points every point has its dot; beyond, a point whose dot would fall in the same 2-pixel square as an
     * earlier dot of its group is not drawn again, so that the picture of a million customers stays small, and every
     * point is within 2 pixels of a drawn dot of its colour.
     *
     * @param label accessible label
     * @param xy the x values and the y values
     * @param group each point's group
     * @param axisLabels the x and the y axis title
     * @param cuts the vertical and the horizontal reference line, each NaN for none
     * @param quadrants labels of the upper right, upper left, lower right and lower left quadrants, or null
     * @return the SVG element
     */
    public static String scatter(String label, double[][] xy, String[] group, String[] axisLabels, double[] cuts,
            String[] quadrants) {
        double[] x = xy[0];
        double[] y = xy[1];
        String xLabel = axisLabels[0];
        String yLabel = axisLabels[1];
        double xCut = cuts[0];
        double yCut = cuts[1];
        int h = 400;
        int x0 = 60;
        int y0 = h - 45;
        int x1 = W - 150;
        int y1 = 10;
        double[] xr = nice(range(x));
        double[] yr = nice(range(y));
        StringBuilder sb = open(W, h, label);
        axes(sb, x0, y0, x1, y1, xr, yr, xLabel, yLabel);
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (String g : group) {
            groups.putIfAbsent(g, groups.size());
        }
        List<String> names = new ArrayList<>(groups.keySet());
        java.util.Collections.sort(names);
        for (int i = 0; i < names.size(); i++) {
            groups.put(names.get(i), i);
        }
        // beyond DRAW_EVERY_DOT points, a point whose dot falls in the same DOT_CELL-pixel square as a drawn dot of
        // its group is not drawn again (less than the dot's radius away): a million customers make tens of
        // thousands of dots, not a million
        java.util.Set<Long> drawn = new java.util.HashSet<>();
        for (int i = 0; i < x.length; i++) {
            double px = x0 + (x[i] - xr[0]) / (xr[1] - xr[0]) * (x1 - x0);
            double py = y0 - (y[i] - yr[0]) / (yr[1] - yr[0]) * (y0 - y1);
            int g = groups.get(group[i]);
            if (x.length > DRAW_EVERY_DOT && !drawn.add(
                    ((long) Math.floor(px / DOT_CELL) << 40) ^ ((long) Math.floor(py / DOT_CELL) << 16) ^ g)) {
                continue;
            }
            sb.append("<circle cx=\"").append(f(px)).append("\" cy=\"").append(f(py)).append("\" r=\"2.5\" fill=\"")
                .append(PALETTE[g % PALETTE.length]).append("\" fill-opacity=\"0.7\"/>\n");
        }
        if (Double.isFinite(xCut)) {
            double px = x0 + (xCut - xr[0]) / (xr[1] - xr[0]) * (x1 - x0);
            sb.append("<line x1=\"").append(f(px)).append("\" y1=\"").append(y1).append("\" x2=\"").append(f(px))
                .append("\" y2=\"").append(y0).append("\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>\n");
        }
        if (Double.isFinite(yCut)) {
            double py = y0 - (yCut - yr[0]) / (yr[1] - yr[0]) * (y0 - y1);
            sb.append("<line x1=\"").append(x0).append("\" y1=\"").append(f(py)).append("\" x2=\"").append(x1)
                .append("\" y2=\"").append(f(py)).append("\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>\n");
        }
        if (quadrants != null && Double.isFinite(xCut) && Double.isFinite(yCut)) {
            String halo = " font-weight=\"bold\" fill=\"#222\" stroke=\"#fff\" stroke-width=\"3\" "
                + "paint-order=\"stroke\" class=\"quadrant\"";
            text(sb, x1 - 6, y1 + 16, "end", quadrants[0], halo);
            text(sb, x0 + 6, y1 + 16, "start", quadrants[1], halo);
            text(sb, x1 - 6, y0 - 8, "end", quadrants[2], halo);
            text(sb, x0 + 6, y0 - 8, "start", quadrants[3], halo);
        }
        legend(sb, names, x1 + 15, y1 + 10);
        return sb.append("</svg>\n").toString();
    }

    /**
     * A labelled scatter (one label per point), for the importance-performance map.
     *
     * @param label accessible label
     * @param names point labels
     * @param x x values
     * @param y y values
     * @param xLabel x axis title
     * @param yLabel y axis title
     * @return the SVG element
     */
    public static String labelledPoints(String label, List<String> names, double[] x, double[] y, String xLabel,
            String yLabel) {
        int h = 380;
        int x0 = 60;
        int y0 = h - 45;
        int x1 = W - 40;
        int y1 = 10;
        double[] xr = range(x);
        double[] yr = range(y);
        double xs = (xr[1] - xr[0]) * 0.15;
        xr = nice(new double[] {xr[0] - xs, xr[1] + xs});
        yr = nice(yr);
        StringBuilder sb = open(W, h, label);
        axes(sb, x0, y0, x1, y1, xr, yr, xLabel, yLabel);
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double pmx = x0 + (mx - xr[0]) / (xr[1] - xr[0]) * (x1 - x0);
        double pmy = y0 - (my - yr[0]) / (yr[1] - yr[0]) * (y0 - y1);
        sb.append("<line x1=\"").append(f(pmx)).append("\" y1=\"").append(y1).append("\" x2=\"").append(f(pmx))
            .append("\" y2=\"").append(y0).append("\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n");
        sb.append("<line x1=\"").append(x0).append("\" y1=\"").append(f(pmy)).append("\" x2=\"").append(x1)
            .append("\" y2=\"").append(f(pmy)).append("\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n");
        for (int i = 0; i < x.length; i++) {
            double px = x0 + (x[i] - xr[0]) / (xr[1] - xr[0]) * (x1 - x0);
            double py = y0 - (y[i] - yr[0]) / (yr[1] - yr[0]) * (y0 - y1);
            sb.append("<circle cx=\"").append(f(px)).append("\" cy=\"").append(f(py)).append("\" r=\"5\" fill=\"")
                .append(PALETTE[i % PALETTE.length]).append("\"/>\n");
            text(sb, px + 8, py - 6, "start", names.get(i), "");
        }
        return sb.append("</svg>\n").toString();
    }

    /**
     * A stacked histogram of values by group over equal-width bins.
     *
     * @param label accessible label
     * @param values the values
     * @param group each value's group
     * @param groupOrder the groups in legend and stacking order
     * @param bins number of bins
     * @param xLabel x axis title
     * @return the SVG element
     */
    public static String stackedHistogram(String label, double[] values, String[] group, List<String> groupOrder,
            int bins, String xLabel) {
        int h = 360;
        int x0 = 60;
        int y0 = h - 45;
        int x1 = W - 110;
        int y1 = 10;
        double[] xr = nice(range(values));
        int[][] counts = new int[bins][groupOrder.size()];
        for (int i = 0; i < values.length; i++) {
            int b = (int) Math.min(bins - 1, Math.max(0, (values[i] - xr[0]) / (xr[1] - xr[0]) * bins));
            int g = groupOrder.indexOf(group[i]);
            if (g >= 0) {
                counts[b][g]++;
            }
        }
        int max = 1;
        for (int[] c : counts) {
            int s = 0;
            for (int v : c) {
                s += v;
            }
            max = Math.max(max, s);
        }
        double[] yr = nice(new double[] {0, max});
        double yTop = yr[1];
        StringBuilder sb = open(W, h, label);
        axes(sb, x0, y0, x1, y1, xr, yr, xLabel, "customers");
        double bw = (x1 - x0) / (double) bins;
        for (int b = 0; b < bins; b++) {
            double top = y0;
            for (int g = 0; g < groupOrder.size(); g++) {
                double hh = counts[b][g] / yTop * (y0 - y1);
                if (hh > 0) {
                    top -= hh;
                    sb.append("<rect x=\"").append(f(x0 + b * bw + 0.5)).append("\" y=\"").append(f(top))
                        .append("\" width=\"").append(f(bw - 1)).append("\" height=\"").append(f(hh))
                        .append("\" fill=\"").append(PALETTE[g % PALETTE.length]).append("\"/>\n");
                }
            }
        }
        legend(sb, groupOrder, x1 + 15, y1 + 10);
        return sb.append("</svg>\n").toString();
    }

    /**
     * A ROC curve with the diagonal.
     *
     * @param label accessible label
     * @param fpr false positive rates, increasing
     * @param tpr true positive rates
     * @param auc the area under the curve, written on the chart
     * @return the SVG element
     */
    public static String roc(String label, double[] fpr, double[] tpr, double auc) {
        return roc(label, fpr, tpr, auc, Double.NaN);
    }

    /**
     * A ROC curve with the diagonal and the Kolmogorov-Smirnov distance marked: a vertical segment where the
     * curve is farthest above the diagonal, its length being KS = max(TPR - FPR).
     *
     * @param label accessible label
     * @param fpr false positive rates, increasing
     * @param tpr true positive rates
     * @param auc the area under the curve, written on the chart
     * @param ks the KS statistic, written on the chart; NaN to mark nothing
     * @return the SVG element
     */
    public static String roc(String label, double[] fpr, double[] tpr, double auc, double ks) {
        int h = 380;
        int x0 = 60;
        int y0 = h - 45;
        int x1 = x0 + (y0 - 10);
        int y1 = 10;
        StringBuilder sb = open(W, h, label);
        axes(sb, x0, y0, x1, y1, new double[] {0, 1}, new double[] {0, 1}, "false positive rate",
            "true positive rate");
        sb.append("<line x1=\"").append(x0).append("\" y1=\"").append(y0).append("\" x2=\"").append(x1)
            .append("\" y2=\"").append(y1).append("\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n");
        // a vertex within half a pixel of the last one drawn is left out (not the last): the drawn curve moves by
        // at most that, and a curve of a million thresholds stays a few thousand vertices
        StringBuilder pts = new StringBuilder();
        double lastX = Double.NaN;
        double lastY = Double.NaN;
        for (int i = 0; i < fpr.length; i++) {
            double x = x0 + fpr[i] * (x1 - x0);
            double y = y0 - tpr[i] * (y0 - y1);
            if (i > 0 && i < fpr.length - 1 && Math.abs(x - lastX) < HALF_PIXEL && Math.abs(y - lastY) < HALF_PIXEL) {
                continue;
            }
            pts.append(f(x)).append(',').append(f(y)).append(' ');
            lastX = x;
            lastY = y;
        }
        sb.append("<polyline points=\"").append(pts.toString().trim()).append("\" fill=\"none\" stroke=\"")
            .append(PALETTE[2]).append("\" stroke-width=\"2\"/>\n");
        text(sb, x1 + 20, y0 - 40, "start", "AUC = " + num(auc), " font-size=\"14\"");
        if (Double.isFinite(ks) && fpr.length > 0) {
            int best = 0;
            for (int i = 1; i < fpr.length; i++) {
                if (tpr[i] - fpr[i] > tpr[best] - fpr[best]) {
                    best = i;
                }
            }
            double px = x0 + fpr[best] * (x1 - x0);
            sb.append("<line class=\"ks\" x1=\"").append(f(px)).append("\" y1=\"").append(f(y0 - fpr[best] * (y0 - y1)))
                .append("\" x2=\"").append(f(px)).append("\" y2=\"").append(f(y0 - tpr[best] * (y0 - y1)))
                .append("\" stroke=\"").append(PALETTE[0]).append("\" stroke-width=\"2\"/>\n");
            text(sb, px + 5, y0 - (fpr[best] + tpr[best]) / 2 * (y0 - y1), "start", "KS = " + num(ks),
                " fill=\"" + PALETTE[0] + "\"");
            text(sb, x1 + 20, y0 - 20, "start", "KS = " + num(ks), " font-size=\"14\"");
        }
        return sb.append("</svg>\n").toString();
    }

    /**
     * A path diagram: constructs as boxes around an ellipse in causal order (so arrows never cross a box), arrows
     * labelled with path coefficients, R2 written under each endogenous construct.
     *
     * @param label accessible label
     * @param constructs construct names
     * @param from path sources (indices into constructs)
     * @param to path targets
     * @param coefficients path coefficients
     * @param r2 R2 per construct (NaN for exogenous ones)
     * @return the SVG element
     */
    public static String pathDiagram(String label, List<String> constructs, int[] from, int[] to,
            double[] coefficients, double[] r2) {
        return pathDiagram(label, constructs, new int[][] {from, to}, coefficients, r2, null);
    }

    /**
     * A path diagram with the bootstrap significance of each path: the coefficient is followed by its stars
     * and a path whose label has no star is drawn dashed.
     *
     * @param label accessible label
     * @param constructs construct names
     * @param edges path sources and path targets (indices into constructs)
     * @param coefficients path coefficients
     * @param r2 R2 per construct (NaN for exogenous ones)
     * @param stars significance marks per path ("***", "**", "*" or "" when not significant), or null
     * @return the SVG element
     */
    public static String pathDiagram(String label, List<String> constructs, int[][] edges, double[] coefficients,
            double[] r2, String[] stars) {
        int[] from = edges[0];
        int[] to = edges[1];
        int n = constructs.size();
        int[] depth = new int[n];
        for (int pass = 0; pass < n; pass++) {
            for (int e = 0; e < from.length; e++) {
                depth[to[e]] = Math.max(depth[to[e]], depth[from[e]] + 1);
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> depth[a] != depth[b] ? Integer.compare(depth[a], depth[b])
            : Integer.compare(a, b));
        int bw = 120;
        int bh = 42;
        int w = W;
        int h = n <= 3 ? 220 : 420;
        double[] cx = new double[n];
        double[] cy = new double[n];
        double rx = (w - bw - 20) / 2.0;
        double ry = (h - bh - 40) / 2.0;
        for (int k = 0; k < n; k++) {
            // constructs around an ellipse in causal order, from the left over the top: edges are chords,
            // so no arrow passes through another construct
            double angle = Math.PI - 2 * Math.PI * k / n;
            cx[order[k]] = w / 2.0 + rx * Math.cos(angle);
            cy[order[k]] = h / 2.0 - ry * Math.sin(angle);
        }
        StringBuilder sb = open(w, h, label);
        sb.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"10\" "
            + "markerHeight=\"10\" markerUnits=\"userSpaceOnUse\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/>"
            + "</marker></defs>\n");
        for (int e = 0; e < from.length; e++) {
            double ax = cx[from[e]];
            double ay = cy[from[e]];
            double bx = cx[to[e]];
            double by = cy[to[e]];
            double[] a = clip(ax, ay, bx, by, bw / 2.0, bh / 2.0);
            double[] b = clip(bx, by, ax, ay, bw / 2.0, bh / 2.0);
            double width = 1 + 3 * Math.min(1, Math.abs(coefficients[e]));
            sb.append("<line x1=\"").append(f(a[0])).append("\" y1=\"").append(f(a[1])).append("\" x2=\"")
                .append(f(b[0])).append("\" y2=\"").append(f(b[1])).append("\" stroke=\"")
                .append(coefficients[e] < 0 ? PALETTE[2] : "#333").append("\" stroke-width=\"").append(f(width))
                .append('"').append(stars != null && stars[e].isEmpty() ? " stroke-dasharray=\"6 4\"" : "")
                .append(" marker-end=\"url(#arrow)\"/>\n");
            double mx = (a[0] + b[0]) / 2;
            double my = (a[1] + b[1]) / 2;
            String coefficient = String.format(Locale.ROOT, "%.3f", coefficients[e])
                + (stars == null ? "" : stars[e]);
            int lw = stars == null ? 44 : Math.max(44, 8 + 7 * coefficient.length());
            sb.append("<rect x=\"").append(f(mx - lw / 2.0)).append("\" y=\"").append(f(my - 10))
                .append("\" width=\"").append(lw)
                .append("\" height=\"16\" rx=\"3\" fill=\"#fff\" fill-opacity=\"0.9\"/>\n");
            text(sb, mx, my + 2, "middle", coefficient, " font-weight=\"bold\"");
        }
        for (int i = 0; i < n; i++) {
            sb.append("<rect x=\"").append(f(cx[i] - bw / 2.0)).append("\" y=\"").append(f(cy[i] - bh / 2.0))
                .append("\" width=\"").append(bw).append("\" height=\"").append(bh)
                .append("\" rx=\"18\" fill=\"#e8f0f8\" stroke=\"").append(PALETTE[0]).append("\" stroke-width=\"2\"/>\n");
            boolean hasR2 = Double.isFinite(r2[i]);
            text(sb, cx[i], cy[i] + (hasR2 ? -2 : 4), "middle", constructs.get(i), " font-weight=\"bold\"");
            if (hasR2) {
                text(sb, cx[i], cy[i] + 13, "middle", String.format(Locale.ROOT, "R\u00b2 = %.3f", r2[i]),
                    " fill=\"#555\" font-size=\"11\"");
            }
        }
        return sb.append("</svg>\n").toString();
    }

    /**
     * The distribution of a score in two groups (e.g. non-defaulters and defaulters) as outlined histograms over
     * common bins, each scaled to its own group's size so that groups of very different size compare.
     *
     * @param label accessible label
     * @param values the scores
     * @param group each score's group, 0 or 1
     * @param names the names of groups 0 and 1
     * @param bins number of bins
     * @param xLabel x axis title
     * @return the SVG element
     */
    public static String distributions(String label, double[] values, int[] group, List<String> names, int bins,
            String xLabel) {
        int h = 340;
        int x0 = 60;
        int y0 = h - 45;
        int x1 = W - 150;
        int y1 = 10;
        double[] xr = nice(range(values));
        double[][] share = new double[2][bins];
        int[] size = new int[2];
        for (int i = 0; i < values.length; i++) {
            int b = (int) Math.min(bins - 1, Math.max(0, (values[i] - xr[0]) / (xr[1] - xr[0]) * bins));
            share[group[i]][b]++;
            size[group[i]]++;
        }
        double max = 0;
        for (int g = 0; g < 2; g++) {
            for (int b = 0; b < bins; b++) {
                share[g][b] = size[g] == 0 ? 0 : 100 * share[g][b] / size[g];
                max = Math.max(max, share[g][b]);
            }
        }
        double[] yr = nice(new double[] {0, Math.max(max, 1e-9)});
        double yTop = yr[1];
        StringBuilder sb = open(W, h, label);
        axes(sb, x0, y0, x1, y1, xr, yr, xLabel, "% of group");
        double bw = (x1 - x0) / (double) bins;
        String[] colours = {PALETTE[0], PALETTE[2]};
        for (int g = 0; g < 2; g++) {
            StringBuilder pts = new StringBuilder().append(x0).append(',').append(y0);
            for (int b = 0; b < bins; b++) {
                double py = y0 - share[g][b] / yTop * (y0 - y1);
                pts.append(' ').append(f(x0 + b * bw)).append(',').append(f(py)).append(' ')
                    .append(f(x0 + (b + 1) * bw)).append(',').append(f(py));
            }
            pts.append(' ').append(x1).append(',').append(y0);
            sb.append("<polygon class=\"group\" points=\"").append(pts).append("\" fill=\"").append(colours[g])
                .append("\" fill-opacity=\"0.25\" stroke=\"").append(colours[g]).append("\" stroke-width=\"1.5\"/>\n");
        }
        for (int g = 0; g < 2; g++) {
            sb.append("<rect x=\"").append(x1 + 15).append("\" y=\"").append(y1 + 10 + g * 18)
                .append("\" width=\"12\" height=\"12\" fill=\"").append(colours[g]).append("\"/>\n");
            text(sb, x1 + 32, y1 + 20 + g * 18, "start", names.get(g) + " (" + size[g] + ")", "");
        }
        return sb.append("</svg>\n").toString();
    }

    /**
     * Lines over categories, one per series, with a dot at each finite value (NaN values are left out).
     *
     * @param label accessible label
     * @param categories the x axis categories
     * @param series one row of values per series, one value per category
     * @param names the series names for the legend
     * @param xLabel x axis title
     * @param yLabel y axis title
     * @return the SVG element
     */
    public static String lines(String label, List<String> categories, double[][] series, List<String> names,
            String xLabel, String yLabel) {
        int h = 340;
        int x0 = 60;
        int y0 = h - 45;
        int x1 = W - 150;
        int y1 = 10;
        double max = 0;
        for (double[] row : series) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        double[] yr = nice(new double[] {0, max > 0 ? max * 1.04 : 1});
        double yTop = yr[1];
        int ny = (int) yr[2];
        int n = categories.size();
        StringBuilder sb = open(W, h, label);
        sb.append("<rect x=\"").append(x0).append("\" y=\"").append(y1).append("\" width=\"").append(x1 - x0)
            .append("\" height=\"").append(y0 - y1).append("\" fill=\"none\" stroke=\"#333\"/>\n");
        double step = (x1 - x0) / (double) n;
        for (int c = 0; c < n; c++) {
            text(sb, x0 + (c + 0.5) * step, y0 + 15, "middle", categories.get(c), "");
        }
        for (int k = 0; k <= ny; k++) {
            double fy = y0 - (y0 - y1) * k / (double) ny;
            text(sb, x0 - 5, fy + 4, "end", num(yTop * k / ny), "");
        }
        text(sb, (x0 + x1) / 2.0, y0 + 32, "middle", xLabel, "");
        text(sb, 14, (y0 + y1) / 2.0, "middle", yLabel, " transform=\"rotate(-90 14 " + f((y0 + y1) / 2.0) + ")\"");
        for (int s = 0; s < series.length; s++) {
            String colour = PALETTE[s % PALETTE.length];
            StringBuilder pts = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (int c = 0; c < n; c++) {
                double v = series[s][c];
                if (Double.isFinite(v)) {
                    double px = x0 + (c + 0.5) * step;
                    double py = y0 - v / yTop * (y0 - y1);
                    pts.append(f(px)).append(',').append(f(py)).append(' ');
                    dots.append("<circle cx=\"").append(f(px)).append("\" cy=\"").append(f(py))
                        .append("\" r=\"3.5\" fill=\"").append(colour).append("\"/>\n");
                }
            }
            sb.append("<polyline points=\"").append(pts.toString().trim()).append("\" fill=\"none\" stroke=\"")
                .append(colour).append("\" stroke-width=\"2\"").append(s > 0 ? " stroke-dasharray=\"6 4\"" : "")
                .append("/>\n").append(dots);
        }
        legend(sb, names, x1 + 15, y1 + 10);
        return sb.append("</svg>\n").toString();
    }

    private static double[] clip(double ax, double ay, double bx, double by, double hw, double hh) {
        double dx = bx - ax;
        double dy = by - ay;
        double t = 1;
        if (dx != 0) {
            t = Math.min(t, hw / Math.abs(dx));
        }
        if (dy != 0) {
            t = Math.min(t, hh / Math.abs(dy));
        }
        return new double[] {ax + dx * t, ay + dy * t};
    }
}
