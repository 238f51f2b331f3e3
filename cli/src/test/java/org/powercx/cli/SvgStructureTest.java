package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.powercx.cli.Markup.all;
import static org.powercx.cli.Markup.dashed;
import static org.powercx.cli.Markup.num;
import static org.powercx.cli.Markup.texts;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The structure of every {@link Svg} chart, read back with an XML parser: a sized {@code <svg>} with a matching
 * view box and accessible label, a plot frame, tick marks and tick labels, axis titles, and exactly one mark
 * (bar, point, polyline vertex, box, arrow) per datum, placed in the order of the data.
 */
class SvgStructureTest {
    /** Coordinates are written with one decimal. */
    private static final double PX = 0.051;

    /** A sized, labelled chart whose view box is its size; returns it. */
    private static Element chart(String svg, String label) {
        Element root = Markup.svg(svg);
        assertThat(root.getAttribute("xmlns")).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-label")).isEqualTo(label);
        double w = num(root, "width");
        double h = num(root, "height");
        assertThat(w).isPositive();
        assertThat(h).isPositive();
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 " + (int) w + " " + (int) h);
        // scales down with the page, keeping its proportions, instead of overflowing a narrow screen
        assertThat(root.getAttribute("style")).contains("max-width:100%").contains("height:auto");
        assertThat(root.getAttribute("preserveAspectRatio")).isEqualTo("xMinYMin meet");
        return root;
    }

    /** The plot frame of a chart with axes: the one unfilled rectangle. */
    private static Element frame(Element svg) {
        List<Element> frames = all(svg, "rect", r -> r.getAttribute("fill").equals("none"));
        assertThat(frames).hasSize(1);
        return frames.get(0);
    }

    private static boolean inside(Element frame, double x, double y) {
        double fx = num(frame, "x");
        double fy = num(frame, "y");
        return x >= fx - 3 * PX && x <= fx + num(frame, "width") + 3 * PX && y >= fy - 3 * PX
            && y <= fy + num(frame, "height") + 3 * PX;
    }

    /**
     * Checks the axes drawn around a frame: five tick marks under the x axis, five increasing tick labels on each
     * axis spanning the data, and the two titles, the y title turned upright. Returns the remaining texts.
     */
    private static List<Element> axes(Element svg, double[] x, double[] y, String xTitle, String yTitle) {
        Element frame = frame(svg);
        double bottom = num(frame, "y") + num(frame, "height");
        double left = num(frame, "x");
        List<Element> ticks = all(svg, "line", l -> !dashed(l) && num(l, "x1") == num(l, "x2")
            && num(l, "y1") == bottom && num(l, "y2") == bottom + 4);
        // 3 to 8 round intervals, the tightest that cover the data
        assertThat(ticks.size()).isBetween(4, 9);
        int n = ticks.size() - 1;
        for (int k = 0; k <= n; k++) {
            assertThat(num(ticks.get(k), "x1")).isCloseTo(left + num(frame, "width") * k / n, within(PX));
        }
        List<Element> rest = new ArrayList<>(all(svg, "text"));
        List<Element> xLabels = new ArrayList<>();
        List<Element> yLabels = new ArrayList<>();
        for (Element t : all(svg, "text")) {
            if (t.getAttribute("text-anchor").equals("middle") && num(t, "y") == bottom + 15) {
                xLabels.add(t);
            } else if (t.getAttribute("text-anchor").equals("end") && num(t, "x") == left - 5) {
                yLabels.add(t);
            }
        }
        assertThat(xLabels).hasSize(ticks.size());
        assertThat(yLabels.size()).isBetween(4, 9);
        rest.removeAll(xLabels);
        rest.removeAll(yLabels);
        checkScale(xLabels, x);
        checkScale(yLabels, y);
        List<Element> xTitles = rest.stream().filter(t -> t.getTextContent().equals(xTitle)).toList();
        List<Element> yTitles = rest.stream().filter(t -> t.getTextContent().equals(yTitle)).toList();
        assertThat(xTitles).hasSize(1);
        assertThat(num(xTitles.get(0), "y")).isGreaterThan(bottom + 15);
        assertThat(yTitles).hasSize(1);
        assertThat(yTitles.get(0).getAttribute("transform")).startsWith("rotate(-90 ");
        rest.removeAll(xTitles);
        rest.removeAll(yTitles);
        return rest;
    }

    /** Tick labels are numbers, evenly spaced, increasing, and cover the data. */
    private static void checkScale(List<Element> labels, double[] data) {
        double[] v = labels.stream().mapToDouble(t -> Double.parseDouble(t.getTextContent())).toArray();
        for (int k = 1; k < v.length; k++) {
            assertThat(v[k]).isGreaterThan(v[k - 1]);
            assertThat(v[k] - v[k - 1]).isCloseTo(v[1] - v[0], within(1e-9 * Math.max(1, Math.abs(v[v.length - 1]))));
        }
        for (double d : data) {
            assertThat(d).isBetween(v[0], v[v.length - 1]);
        }
        // fitted: the data reach into the first and the last two intervals (labelled points leave room for labels)
        double step = v[1] - v[0];
        double lo = java.util.Arrays.stream(data).min().orElseThrow();
        double hi = java.util.Arrays.stream(data).max().orElseThrow();
        assertThat(lo).isLessThan(v[0] + 2 * step);
        assertThat(hi).isGreaterThan(v[v.length - 1] - 2 * step);
    }

    @Test
    void barsHaveOneRectanglePerValueWithLengthsInProportionAndAnAxis() {
        List<String> labels = List.of("north", "R&D <east>", "south \"2\"", "west");
        double[] values = {2, 8, 4, 0};
        Element svg = chart(Svg.bars("bars & more", labels, values, null), "bars & more");
        assertThat(num(svg, "width")).isEqualTo(640);
        assertThat(num(svg, "height")).isEqualTo(labels.size() * 22 + 30);
        List<Element> bars = all(svg, "rect");
        assertThat(bars).hasSize(values.length);
        List<Element> axis = all(svg, "line");
        assertThat(axis).hasSize(1);
        double axisX = num(axis.get(0), "x1");
        assertThat(num(axis.get(0), "x2")).isEqualTo(axisX);
        double longest = num(bars.get(1), "width");
        assertThat(longest).isPositive();
        double previousY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            Element bar = bars.get(i);
            assertThat(num(bar, "x")).isEqualTo(axisX);
            assertThat(num(bar, "width")).as("bar %d", i).isCloseTo(longest * values[i] / 8, within(2 * PX));
            assertThat(num(bar, "y")).isGreaterThan(previousY).isBetween(num(axis.get(0), "y1"),
                num(axis.get(0), "y2"));
            previousY = num(bar, "y");
            assertThat(bar.getAttribute("fill")).isEqualTo(Svg.PALETTE[0]);
        }
        List<String> text = texts(svg, "text");
        assertThat(text).hasSize(2 * values.length);
        List<String> names = all(svg, "text", t -> t.getAttribute("text-anchor").equals("end")).stream()
            .map(Element::getTextContent).toList();
        assertThat(names).isEqualTo(labels);
        assertThat(all(svg, "text", t -> t.getAttribute("text-anchor").equals("start")).stream()
            .map(Element::getTextContent)).containsExactly("2", "8", "4", "0");
    }

    @Test
    void barsTakeOneColourEachAndSurviveAllZeroValues() {
        String[] colours = {"#111111", "#222222"};
        Element svg = chart(Svg.bars("zero", List.of("a", "b"), new double[] {0, 0}, colours), "zero");
        List<Element> bars = all(svg, "rect");
        assertThat(bars).extracting(b -> b.getAttribute("fill")).containsExactly("#111111", "#222222");
        assertThat(bars).allSatisfy(b -> assertThat(num(b, "width")).isZero());
    }

    @Test
    void aScatterOfManyCustomersDrawsEachWithinTwoPixelsOfADotOfItsColour() {
        int n = 100_000;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        double[] x = new double[n];
        double[] y = new double[n];
        String[] group = new String[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble();
            y[i] = Math.max(-3, Math.min(3, rnd.nextGaussian()));
            group[i] = x[i] > 0.5 ? "high" : "low";
        }
        // the first two customers at opposite corners, each the first of its group: their dots fix the pixel scale
        x[0] = 0;
        y[0] = -3;
        group[0] = "low";
        x[1] = 1;
        y[1] = 3;
        group[1] = "high";
        Element svg = chart(Svg.scatter("customers", x, y, group, "current value", "potential value", 0.5, 0),
            "customers");
        Element frame = frame(svg);
        List<Element> dots = all(svg, "circle");
        double width = num(frame, "width");
        double height = num(frame, "height");
        // at most one dot per 2-pixel square and colour
        assertThat(dots.size()).isLessThan(n / 4).isLessThanOrEqualTo((int) ((width / 2 + 1) * (height / 2 + 1)) * 2);
        double ax = num(dots.get(0), "cx");
        double ay = num(dots.get(0), "cy");
        double bx = num(dots.get(1), "cx");
        double by = num(dots.get(1), "cy");
        String low = dots.get(0).getAttribute("fill");
        String high = dots.get(1).getAttribute("fill");
        assertThat(low).isNotEqualTo(high);
        for (int i = 0; i < n; i += 499) {
            double px = ax + x[i] * (bx - ax);
            double py = ay + (y[i] + 3) / 6 * (by - ay);
            String colour = group[i].equals("low") ? low : high;
            double nearest = Double.MAX_VALUE;
            for (Element d : dots) {
                if (d.getAttribute("fill").equals(colour)) {
                    nearest = Math.min(nearest, Math.max(Math.abs(num(d, "cx") - px), Math.abs(num(d, "cy") - py)));
                }
            }
            // within the 2-pixel square, with the rounding of the coordinates (0.05 px each) and of the scale's ends
            assertThat(nearest).as("customer %d", i).isLessThan(2.2);
        }
    }

    @Test
    void scatterHasOnePointPerCustomerInsideTheFrameWithCutOffsAndALegend() {
        double[] x = {0.1, 0.35, 0.5, 0.72, 0.9, 0.2};
        double[] y = {3, 7, 1, 9, 5, 4};
        String[] group = {"low", "high", "low", "high", "mid", "low"};
        Element svg = chart(Svg.scatter("customers", x, y, group, "current value", "potential value", 0.6, 4.5),
            "customers");
        Element frame = frame(svg);
        List<Element> points = all(svg, "circle");
        assertThat(points).hasSize(x.length);
        for (int i = 0; i < x.length; i++) {
            Element p = points.get(i);
            assertThat(inside(frame, num(p, "cx"), num(p, "cy"))).as("point %d inside the frame", i).isTrue();
            for (int j = 0; j < x.length; j++) {
                Element q = points.get(j);
                if (x[i] < x[j]) {
                    assertThat(num(p, "cx")).isLessThan(num(q, "cx"));
                }
                if (y[i] < y[j]) {
                    assertThat(num(p, "cy")).as("higher values are drawn higher").isGreaterThan(num(q, "cy"));
                }
                assertThat(p.getAttribute("fill").equals(q.getAttribute("fill")))
                    .isEqualTo(group[i].equals(group[j]));
            }
        }
        List<Element> cuts = all(svg, "line", Markup::dashed);
        assertThat(cuts).hasSize(2);
        Element vertical = cuts.get(0);
        assertThat(num(vertical, "x1")).isEqualTo(num(vertical, "x2"));
        for (int i = 0; i < x.length; i++) {
            assertThat(num(points.get(i), "cx") < num(vertical, "x1")).isEqualTo(x[i] < 0.6);
        }
        Element horizontal = cuts.get(1);
        assertThat(num(horizontal, "y1")).isEqualTo(num(horizontal, "y2"));
        for (int i = 0; i < x.length; i++) {
            assertThat(num(points.get(i), "cy") > num(horizontal, "y1")).isEqualTo(y[i] < 4.5);
        }
        List<Element> rest = axes(svg, x, y, "current value", "potential value");
        List<Element> legend = all(svg, "rect", r -> r.getAttribute("width").equals("12"));
        assertThat(rest).extracting(Element::getTextContent).containsExactly("high", "low", "mid");
        assertThat(legend).hasSize(3);
        assertThat(legend.get(1).getAttribute("fill")).isEqualTo(points.get(0).getAttribute("fill"));
    }

    @Test
    void scatterWithoutCutOffsDrawsNoDashedLine() {
        Element svg = chart(Svg.scatter("s", new double[] {1, 2}, new double[] {2, 1}, new String[] {"a", "a"}, "x",
            "y", Double.NaN, Double.NaN), "s");
        assertThat(all(svg, "line", Markup::dashed)).isEmpty();
        assertThat(all(svg, "circle")).hasSize(2);
    }

    @Test
    void labelledPointsNameEveryPointAndMarkTheMeans() {
        List<String> names = List.of("IMAG", "EXPE", "QUAL", "VAL");
        double[] x = {0.1, 0.4, 0.25, 0.05};
        double[] y = {70, 55, 80, 62};
        Element svg = chart(Svg.labelledPoints("map", names, x, y, "importance", "performance"), "map");
        Element frame = frame(svg);
        List<Element> points = all(svg, "circle");
        assertThat(points).hasSize(names.size());
        List<Element> rest = axes(svg, x, y, "importance", "performance");
        assertThat(rest).extracting(Element::getTextContent).containsExactlyElementsOf(names);
        for (int i = 0; i < names.size(); i++) {
            Element p = points.get(i);
            assertThat(inside(frame, num(p, "cx"), num(p, "cy"))).isTrue();
            // each name is written just right of and above its point
            assertThat(num(rest.get(i), "x")).isCloseTo(num(p, "cx") + 8, within(2 * PX));
            assertThat(num(rest.get(i), "y")).isCloseTo(num(p, "cy") - 6, within(2 * PX));
        }
        List<Element> means = all(svg, "line", Markup::dashed);
        assertThat(means).hasSize(2);
        double meanX = (0.1 + 0.4 + 0.25 + 0.05) / 4;
        for (int i = 0; i < names.size(); i++) {
            assertThat(num(points.get(i), "cx") < num(means.get(0), "x1")).isEqualTo(x[i] < meanX);
        }
    }

    @Test
    void stackedHistogramStacksOneBarPerNonEmptyBinAndGroup() {
        double[] values = {1, 1, 1, 1, 9, 9, 5};
        String[] group = {"a", "a", "a", "b", "b", "b", "not listed"};
        Element svg = chart(Svg.stackedHistogram("hist", values, group, List.of("a", "b"), 4, "score"), "hist");
        Element frame = frame(svg);
        List<Element> legend = all(svg, "rect", r -> r.getAttribute("width").equals("12"));
        assertThat(legend).extracting(r -> r.getAttribute("fill")).containsExactly(Svg.PALETTE[0], Svg.PALETTE[1]);
        List<Element> bars = all(svg, "rect", r -> !r.getAttribute("fill").equals("none")
            && !r.getAttribute("width").equals("12"));
        // bin of 1: a (3) with b (1) on top; bin of 9: b (2); the unlisted group is left out
        assertThat(bars).hasSize(3);
        Element a1 = bars.get(0);
        Element b1 = bars.get(1);
        Element b9 = bars.get(2);
        assertThat(a1.getAttribute("fill")).isEqualTo(Svg.PALETTE[0]);
        assertThat(b1.getAttribute("fill")).isEqualTo(Svg.PALETTE[1]);
        assertThat(b9.getAttribute("fill")).isEqualTo(Svg.PALETTE[1]);
        assertThat(num(b1, "x")).isEqualTo(num(a1, "x"));
        assertThat(num(b9, "x")).isGreaterThan(num(a1, "x"));
        double unit = num(b1, "height");
        assertThat(num(a1, "height")).isCloseTo(3 * unit, within(3 * PX));
        assertThat(num(b9, "height")).isCloseTo(2 * unit, within(3 * PX));
        double bottom = num(frame, "y") + num(frame, "height");
        assertThat(num(a1, "y") + num(a1, "height")).isCloseTo(bottom, within(3 * PX));
        assertThat(num(b1, "y") + num(b1, "height")).isCloseTo(num(a1, "y"), within(3 * PX));
        assertThat(num(b9, "y") + num(b9, "height")).isCloseTo(bottom, within(3 * PX));
        for (Element bar : bars) {
            assertThat(inside(frame, num(bar, "x"), num(bar, "y"))).isTrue();
            assertThat(inside(frame, num(bar, "x") + num(bar, "width"), num(bar, "y") + num(bar, "height")))
                .isTrue();
        }
        List<Element> rest = axes(svg, values, new double[] {0, 4}, "score", "customers");
        assertThat(rest).extracting(Element::getTextContent).containsExactly("a", "b");
    }

    @Test
    void aRocOfManyThresholdsIsDrawnWithinHalfAPixelByFewVertices() {
        int n = 200_001;
        double[] fpr = new double[n];
        double[] tpr = new double[n];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int i = 1; i < n - 1; i++) {
            // a fine staircase: one rate or the other moves at each threshold
            boolean up = rnd.nextBoolean();
            fpr[i] = Math.min(1, fpr[i - 1] + (up ? 0 : 1e-5));
            tpr[i] = Math.min(1, tpr[i - 1] + (up ? 1e-5 : 0));
        }
        fpr[n - 1] = 1;
        tpr[n - 1] = 1;
        Element svg = chart(Svg.roc("roc", fpr, tpr, 0.5), "roc");
        Element frame = frame(svg);
        String[] vertices = all(svg, "polyline").get(0).getAttribute("points").split(" ");
        double left = num(frame, "x");
        double top = num(frame, "y");
        double width = num(frame, "width");
        double height = num(frame, "height");
        // at most one vertex per half pixel of the curve's length (it is monotone), both corners kept
        assertThat(vertices.length).isBetween(3, (int) (2 * (width + height)) + 2);
        assertThat(vertices[0]).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f,%.1f", left, top + height));
        assertThat(vertices[vertices.length - 1])
            .isEqualTo(String.format(java.util.Locale.ROOT, "%.1f,%.1f", left + width, top));
        // every threshold's point lies within half a pixel (and the 0.05 px of rounding) of a drawn vertex
        double[][] drawn = new double[vertices.length][];
        for (int k = 0; k < vertices.length; k++) {
            String[] xy = vertices[k].split(",");
            drawn[k] = new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
        }
        int k = 0;
        for (int i = 0; i < n; i++) {
            double x = left + fpr[i] * width;
            double y = top + height - tpr[i] * height;
            while (k + 1 < drawn.length && drawn[k + 1][0] <= x + 0.05 && drawn[k + 1][1] >= y - 0.05) {
                k++;
            }
            assertThat(Math.max(Math.abs(drawn[k][0] - x), Math.abs(drawn[k][1] - y))).as("point %d", i)
                .isLessThan(0.55);
        }
    }

    @Test
    void rocHasOneVertexPerThresholdFromCornerToCornerAndTheDiagonal() {
        double[] fpr = {0, 0, 0.25, 0.5, 1};
        double[] tpr = {0, 0.5, 0.75, 1, 1};
        Element svg = chart(Svg.roc("roc", fpr, tpr, 0.84375), "roc");
        Element frame = frame(svg);
        List<Element> curves = all(svg, "polyline");
        assertThat(curves).hasSize(1);
        String[] vertices = curves.get(0).getAttribute("points").split(" ");
        assertThat(vertices).hasSize(fpr.length);
        double left = num(frame, "x");
        double top = num(frame, "y");
        double width = num(frame, "width");
        double height = num(frame, "height");
        for (int i = 0; i < vertices.length; i++) {
            String[] xy = vertices[i].split(",");
            assertThat(Double.parseDouble(xy[0])).isCloseTo(left + fpr[i] * width, within(PX));
            assertThat(Double.parseDouble(xy[1])).isCloseTo(top + height - tpr[i] * height, within(PX));
        }
        List<Element> diagonal = all(svg, "line", Markup::dashed);
        assertThat(diagonal).hasSize(1);
        assertThat(num(diagonal.get(0), "x1")).isEqualTo(left);
        assertThat(num(diagonal.get(0), "y1")).isEqualTo(top + height);
        assertThat(num(diagonal.get(0), "x2")).isEqualTo(left + width);
        assertThat(num(diagonal.get(0), "y2")).isEqualTo(top);
        List<Element> rest = axes(svg, fpr, tpr, "false positive rate", "true positive rate");
        assertThat(all(svg, "text", t -> t.getAttribute("text-anchor").equals("middle")
            && num(t, "y") == top + height + 15)).extracting(Element::getTextContent)
            .containsExactly("0", "0.25", "0.5", "0.75", "1");
        assertThat(rest).extracting(Element::getTextContent).containsExactly("AUC = 0.8438");
    }

    @Test
    void pathDiagramDrawsOneBoxPerConstructAndOneLabelledArrowPerPath() {
        List<String> constructs = List.of("IMAG", "EXPE", "QUAL", "SAT");
        int[] from = {0, 0, 1, 2};
        int[] to = {1, 2, 3, 3};
        double[] coefficients = {0.5, -0.3, 0.8, 0.2};
        double[] r2 = {Double.NaN, 0.25, 0.09, 0.7};
        Element svg = chart(Svg.pathDiagram("paths", constructs, from, to, coefficients, r2), "paths");
        assertThat(all(svg, "marker")).extracting(m -> m.getAttribute("id")).containsExactly("arrow");
        List<Element> boxes = all(svg, "rect", r -> r.getAttribute("rx").equals("18"));
        assertThat(boxes).hasSize(constructs.size());
        List<Element> arrows = all(svg, "line", l -> l.getAttribute("marker-end").equals("url(#arrow)"));
        assertThat(arrows).hasSize(from.length);
        assertThat(all(svg, "line")).hasSameSizeAs(arrows);
        for (int e = 0; e < from.length; e++) {
            Element arrow = arrows.get(e);
            assertThat(onBorder(boxes.get(from[e]), num(arrow, "x1"), num(arrow, "y1"))).as("start of %d", e)
                .isTrue();
            assertThat(onBorder(boxes.get(to[e]), num(arrow, "x2"), num(arrow, "y2"))).as("end of %d", e)
                .isTrue();
            assertThat(arrow.getAttribute("stroke")).isEqualTo(coefficients[e] < 0 ? Svg.PALETTE[2] : "#333");
        }
        assertThat(num(arrows.get(2), "stroke-width")).isGreaterThan(num(arrows.get(0), "stroke-width"));
        assertThat(all(svg, "rect", r -> r.getAttribute("width").equals("44"))).hasSize(from.length);
        List<String> bold = all(svg, "text", t -> t.getAttribute("font-weight").equals("bold")).stream()
            .map(Element::getTextContent).toList();
        assertThat(bold).containsExactly("0.500", "-0.300", "0.800", "0.200", "IMAG", "EXPE", "QUAL", "SAT");
        assertThat(texts(svg, "text")).filteredOn(t -> t.startsWith("R\u00b2"))
            .containsExactly("R\u00b2 = 0.250", "R\u00b2 = 0.090", "R\u00b2 = 0.700");
        for (Element box : boxes) {
            assertThat(num(box, "x")).isBetween(0.0, num(svg, "width") - num(box, "width"));
            assertThat(num(box, "y")).isBetween(0.0, num(svg, "height") - num(box, "height"));
        }
    }

    private static boolean onBorder(Element box, double x, double y) {
        double bx = num(box, "x");
        double by = num(box, "y");
        double bw = num(box, "width");
        double bh = num(box, "height");
        boolean within = x >= bx - 2 * PX && x <= bx + bw + 2 * PX && y >= by - 2 * PX && y <= by + bh + 2 * PX;
        boolean edge = Math.abs(x - bx) < 2 * PX || Math.abs(x - bx - bw) < 2 * PX || Math.abs(y - by) < 2 * PX
            || Math.abs(y - by - bh) < 2 * PX;
        return within && edge;
    }

    @Test
    void textIsEscapedSoTheChartStaysWellFormed() {
        Element svg = chart(Svg.bars("a <b> & \"c\"", List.of("<x> & y"), new double[] {1}, null),
            "a <b> & \"c\"");
        assertThat(texts(svg, "text")).contains("<x> & y");
        assertThat(Svg.esc("<&>\"")).isEqualTo("&lt;&amp;&gt;&quot;");
    }
}
