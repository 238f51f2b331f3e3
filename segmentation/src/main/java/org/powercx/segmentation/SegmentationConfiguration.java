package org.powercx.segmentation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.powercx.ahp.AhpException;
import org.powercx.ahp.PairwiseMatrix;
import org.powercx.clv.ClvException;
import org.powercx.clv.DiscountedClv;
import org.powercx.core.CoreException;
import org.powercx.core.Direction;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.credit.CreditGrades;
import org.powercx.io.FileFormatException;
import org.powercx.io.Json;
import org.powercx.io.ModelEnvelope;

/**
 * A segmentation configuration file: the whole pipeline of {@link CustomerAnalysis} mapped onto the columns of a
 * utility's own customer file &mdash; the value index system (indicators with their directions, log scales, the
 * AHP judgments of current value, potential value and the goal), the value cut-offs, the credit indicators,
 * label and grades, the risk rules, the lifetime value's margin, discounting and retention source, and the
 * service policy. The format (JSON, kind {@value #KIND}, version {@value #VERSION}) is documented in
 * docs/formats.md; {@link #defaults()} is the bundled file that reproduces {@link CustomerAnalysis#withDefaults()}
 * on the columns of the bundled sample.
 *
 * <p>A malformed file gets one line naming the file, the line and the field; {@link #prepare} names a configured
 * column that the customer table lacks, with the configuration file. Immutable.
 *
 * @since 0.2.0
 */
public final class SegmentationConfiguration {
    /** The file kind. */
    public static final String KIND = "segmentation-configuration";
    /** The newest format version this library reads. */
    public static final int VERSION = 1;
    private static final String DEFAULT_RESOURCE = "default-configuration.json";
    private static final String[] TOP = ModelEnvelope.fields("description", "value", "segments", "credit", "risk",
        "lifetimeValue", "policy");

    private final String source;
    private final CustomerAnalysis analysis;
    private final Map<String, Direction> directions;
    private final Set<String> columns;

    private SegmentationConfiguration(String source, CustomerAnalysis analysis, Map<String, Direction> directions,
            Set<String> columns) {
        this.source = source;
        this.analysis = analysis;
        this.directions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(directions));
        this.columns = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(columns));
    }

    /**
     * The bundled default configuration: the pipeline of {@link CustomerAnalysis#withDefaults()} on the columns of
     * the bundled sample customers.
     *
     * @return the configuration
     */
    public static SegmentationConfiguration defaults() {
        InputStream in = SegmentationConfiguration.class.getResourceAsStream(DEFAULT_RESOURCE);
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(Json.parse(r, DEFAULT_RESOURCE), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a configuration file; a policy file it names is read relative to the file's directory.
     *
     * @param file a UTF-8 JSON file
     * @return the configuration
     * @throws FileFormatException naming the file, the line and the field of a malformed or invalid entry
     */
    public static SegmentationConfiguration read(Path file) {
        Path dir = file == null ? null : file.toAbsolutePath().getParent();
        return parse(Json.read(file), dir);
    }

    /**
     * Builds a configuration from a parsed JSON tree.
     *
     * @param root the tree
     * @param directory where a policy file named in the configuration is looked up, or null for the working
     *     directory
     * @return the configuration
     * @throws FileFormatException naming the file, the line and the field of a malformed or invalid entry
     */
    public static SegmentationConfiguration parse(Json root, Path directory) {
        if (root == null) {
            throw new FileFormatException("parsed %s file is null", KIND);
        }
        ModelEnvelope.open(root, KIND, VERSION);
        root.allowOnly(TOP);
        Map<String, Direction> directions = new LinkedHashMap<>();
        Set<String> columns = new LinkedHashSet<>();
        CustomerAnalysis a = CustomerAnalysis.withDefaults();
        a = a.with(valueEvaluation(root.get("value"), directions, columns));
        if (root.has("segments")) {
            a = a.with(segments(root.get("segments")));
        }
        Json credit = root.get("credit");
        a = a.with(credit(credit, columns));
        a = a.with(risk(root.get("risk"), columns));
        a = lifetime(a, root.get("lifetimeValue"), columns);
        Json policyNode = root.get("policy");
        String policyName = policyNode.text();
        ServicePolicy policy;
        try {
            if (policyName.equals("default")) {
                policy = ServicePolicy.defaults();
            } else {
                Path p = directory == null ? Path.of(policyName) : directory.resolve(policyName);
                policy = ServicePolicy.read(p);
            }
        } catch (SegmentationException | UncheckedIOException e) {
            throw policyNode.error("%s", e.getMessage());
        }
        a = a.with(policy);
        try {
            a.valueEvaluation().weights();
            RiskSegmentation risks = a.riskSegmentation();
            policy.validate(ServicePolicy.labelsOf(ValueSegment.values()), a.creditScoring().gradeNames(),
                risks.topicLabels());
        } catch (SegmentationException e) {
            throw root.error("%s", e.getMessage());
        }
        return new SegmentationConfiguration(root.file(), a, directions, columns);
    }

    private static ValueEvaluation valueEvaluation(Json value, Map<String, Direction> directions, Set<String> columns) {
        value.allowOnly("currentOverPotential", "current", "potential", "logScale", "projectionSeries");
        Json goal = value.get("currentOverPotential");
        double cop = goal.number();
        PairwiseMatrix current = matrix(value.get("current"), directions, columns);
        PairwiseMatrix potential = matrix(value.get("potential"), directions, columns);
        ValueIndexSystem system;
        try {
            system = ValueIndexSystem.of(cop, current, potential);
        } catch (SegmentationException e) {
            throw value.error("%s", e.getMessage());
        }
        if (value.has("projectionSeries")) {
            Json s = value.get("projectionSeries");
            try {
                system = system.withSeries(s.texts());
            } catch (SegmentationException e) {
                throw s.error("%s", e.getMessage());
            }
        }
        if (potential.names().contains(ConsumptionProjection.PROJECTED_CONSUMPTION)) {
            columns.remove(ConsumptionProjection.PROJECTED_CONSUMPTION);
            columns.addAll(system.series());
        }
        if (value.has("logScale")) {
            Json l = value.get("logScale");
            try {
                system = system.withLogScale(l.texts().toArray(new String[0]));
            } catch (SegmentationException e) {
                throw l.error("%s", e.getMessage());
            }
        }
        return ValueEvaluation.withDefaults().with(system);
    }

    private static PairwiseMatrix matrix(Json node, Map<String, Direction> directions, Set<String> columns) {
        node.allowOnly("indicators", "judgments");
        List<String> names = new ArrayList<>();
        for (Json ind : node.get("indicators").items()) {
            String name;
            Direction d = Direction.BENEFIT;
            if (ind.isObject()) {
                ind.allowOnly("column", "direction");
                name = ind.get("column").text();
                if (ind.has("direction")) {
                    Json dn = ind.get("direction");
                    String text = dn.text();
                    if (text.equals("benefit")) {
                        d = Direction.BENEFIT;
                    } else if (text.equals("cost")) {
                        d = Direction.COST;
                    } else {
                        throw dn.error("expected \"benefit\" or \"cost\" but found \"%s\"", text);
                    }
                }
            } else {
                name = ind.text();
            }
            if (names.contains(name)) {
                throw ind.error("column '%s' is listed twice", name);
            }
            names.add(name);
            if (!name.equals(ConsumptionProjection.PROJECTED_CONSUMPTION)) {
                directions.put(name, d);
            }
            columns.add(name);
        }
        Json judgments = node.get("judgments");
        try {
            return PairwiseMatrix.fromUpperTriangle(names, judgments.numbers());
        } catch (AhpException e) {
            throw judgments.error("%s", e.getMessage());
        }
    }

    private static ValueSegmentation segments(Json node) {
        node.allowOnly("method", "current", "potential");
        Json method = node.get("method");
        try {
            switch (method.text()) {
                case "quantile":
                    return ValueSegmentation.withDefaults().withQuantiles(node.get("current").number(),
                        node.get("potential").number());
                case "mean":
                    return ValueSegmentation.withDefaults().withMeanCutoffs();
                case "given":
                    return ValueSegmentation.withDefaults().withCutoffs(node.get("current").number(),
                        node.get("potential").number());
                default:
                    throw method.error("expected \"quantile\", \"mean\" or \"given\" but found \"%s\"", method.text());
            }
        } catch (SegmentationException e) {
            throw node.error("%s", e.getMessage());
        }
    }

    private static CreditScoring credit(Json node, Set<String> columns) {
        node.allowOnly("indicators", "label", "grades", "quantiles", "cutoffs");
        List<String> indicators = node.get("indicators").texts();
        String label = node.get("label").text();
        CreditScoring c;
        try {
            c = CreditScoring.withDefaults().withIndicators(indicators, label);
            List<String> grades = node.has("grades") ? node.get("grades").texts() : CreditGrades.DEFAULT_NAMES;
            if (node.has("cutoffs")) {
                c = c.withGradeCutoffs(grades, node.get("cutoffs").numbers());
            } else if (node.has("quantiles") || node.has("grades")) {
                c = c.withQuantileGrades(grades, node.has("quantiles") ? node.get("quantiles").numbers()
                    : new double[] {0.2, 0.4, 0.6, 0.8});
            }
        } catch (SegmentationException e) {
            throw node.error("%s", e.getMessage());
        }
        columns.addAll(indicators);
        columns.add(label);
        return c;
    }

    private static RiskSegmentation risk(Json node, Set<String> columns) {
        List<RiskRule> rules = new ArrayList<>();
        for (Json r : node.items()) {
            r.allowOnly("topic", "intercept", "coefficients", "cutoffs", "labels");
            Json coef = r.get("coefficients");
            Map<String, Double> coefficients = new LinkedHashMap<>();
            for (String name : coef.fieldNames()) {
                coefficients.put(name, coef.get(name).number());
            }
            try {
                rules.add(new RiskRule(r.get("topic").text(), coefficients,
                    r.has("intercept") ? r.get("intercept").number() : 0, r.get("cutoffs").numbers(),
                    r.get("labels").texts()));
            } catch (SegmentationException e) {
                throw r.error("%s", e.getMessage());
            }
            columns.addAll(coefficients.keySet());
        }
        try {
            return RiskSegmentation.of(rules);
        } catch (SegmentationException e) {
            throw node.error("%s", e.getMessage());
        }
    }

    private static CustomerAnalysis lifetime(CustomerAnalysis a, Json node, Set<String> columns) {
        node.allowOnly("marginColumn", "marginRate", "discountRate", "horizon", "retention");
        String margin = node.get("marginColumn").text();
        DiscountedClv clv;
        Json rateNode = node.get("discountRate");
        try {
            clv = DiscountedClv.of(rateNode.number());
            if (node.has("horizon")) {
                Json h = node.get("horizon");
                clv = h.isArray() || !"infinite".equals(textOrNull(h)) ? clv.withHorizon(h.integer(1, 10_000))
                    : clv.withInfiniteHorizon();
            }
        } catch (ClvException e) {
            throw rateNode.error("%s", e.getMessage());
        }
        Json retention = node.get("retention");
        retention.allowOnly("source", "rate", "indicators", "label");
        Json source = retention.get("source");
        Retention r;
        try {
            switch (source.text()) {
                case "default-probability":
                    r = Retention.fromDefaultProbability(retention.get("rate").number());
                    break;
                case "constant":
                    r = Retention.constant(retention.get("rate").number());
                    break;
                case "churn-model":
                    r = Retention.fromChurnModel(retention.get("indicators").texts(), retention.get("label").text());
                    break;
                default:
                    throw source.error("expected \"default-probability\", \"constant\" or \"churn-model\" but found"
                        + " \"%s\"", source.text());
            }
        } catch (SegmentationException e) {
            throw retention.error("%s", e.getMessage());
        }
        Json mr = node.get("marginRate");
        try {
            a = a.withMargin(margin, mr.number()).with(r);
            a = a.withClv(clv, mr.number(), r.source() == Retention.Source.DEFAULT_PROBABILITY ? r.rate()
                : CustomerAnalysis.DEFAULT_BASE_RETENTION).with(r);
        } catch (SegmentationException e) {
            throw mr.error("%s", e.getMessage());
        }
        columns.add(margin);
        columns.addAll(r.indicators());
        if (r.churnColumn() != null) {
            columns.add(r.churnColumn());
        }
        return a;
    }

    private static String textOrNull(Json j) {
        try {
            return j.text();
        } catch (FileFormatException e) {
            return null;
        }
    }

    /**
     * Where the configuration came from: the file, or the bundled resource's name.
     *
     * @return the source name
     */
    public String source() {
        return source;
    }

    /**
     * The configured pipeline.
     *
     * @return the pipeline
     */
    public CustomerAnalysis analysis() {
        return analysis;
    }

    /**
     * Every column the configuration names, in order of appearance (history columns in place of a projected
     * consumption).
     *
     * @return an unmodifiable set
     */
    public Set<String> columns() {
        return columns;
    }

    /**
     * The direction of each value indicator.
     *
     * @return an unmodifiable map from column to direction
     */
    public Map<String, Direction> directions() {
        return directions;
    }

    /**
     * Checks that a customer table holds every configured column and sets the value indicators' directions.
     *
     * @param customers the customers
     * @return the table with the configured directions (units and descriptions kept)
     * @throws SegmentationException naming the first configured column the table lacks, and this configuration
     */
    public IndicatorTable prepare(IndicatorTable customers) {
        if (customers == null) {
            throw new SegmentationException("customer table is null");
        }
        for (String c : columns) {
            if (!customers.contains(c) && !(c.equals(ConsumptionProjection.PROJECTED_CONSUMPTION))) {
                throw new SegmentationException("column '%s' named by %s is not in the customer table; the table has %s",
                    c, source, customers.indicatorNames());
            }
        }
        List<Indicator> out = new ArrayList<>();
        for (Indicator i : customers.indicators()) {
            Direction d = directions.get(i.name());
            out.add(d == null || d == i.direction() ? i : new Indicator(i.name(), d, Double.NaN, i.unit(), i.description()));
        }
        try {
            return customers.withIndicators(out);
        } catch (CoreException e) {
            throw new SegmentationException(e, "%s: %s", source, e.getMessage());
        }
    }

    /**
     * The source and the pipeline's columns.
     *
     * @return a one-line summary
     */
    @Override
    public String toString() {
        return "SegmentationConfiguration " + source + " on columns " + columns;
    }
}
