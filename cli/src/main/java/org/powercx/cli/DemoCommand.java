package org.powercx.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercx.ahp.HierarchyResult;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TextTable;
import org.powercx.core.Weights;
import org.powercx.credit.GradeReport;
import org.powercx.credit.RocCurve;
import org.powercx.satisfaction.BootstrapResult;
import org.powercx.satisfaction.ImportancePerformance;
import org.powercx.satisfaction.PlsBootstrap;
import org.powercx.satisfaction.PathModel;
import org.powercx.satisfaction.PlsResult;
import org.powercx.satisfaction.SatisfactionIndex;
import org.powercx.segmentation.AnalysisReport;
import org.powercx.segmentation.CreditAssessment;
import org.powercx.segmentation.CustomerAnalysis;
import org.powercx.core.CustomerIndicators;
import org.powercx.segmentation.RiskSegments;
import org.powercx.samples.SampleData;
import org.powercx.segmentation.ServicePlan;
import org.powercx.samples.SurveyGenerator;
import org.powercx.segmentation.ValueScores;
import org.powercx.segmentation.ValueSegment;
import org.powercx.segmentation.ValueSegments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code powercx demo}: the whole pipeline on the bundled sample of 5,000 customers and 500 survey answers.
 *
 * @since 0.1.0
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Runs the whole pipeline on the bundled sample (5,000 customers, 500 survey answers): AHP "
        + "weights of the value index system, grey relational current and potential value, value segments, "
        + "lifetime value, credit scoring and grades, risk topics, the differentiated service plan and the "
        + "satisfaction index model, through the segmentation module's CustomerAnalysis facade."})
final class DemoCommand extends Base {
    @Option(names = "--report", paramLabel = "HTML", description = "Also write the HTML report with charts.")
    private Path report;

    /** Creates the command; picocli calls it. */
    public DemoCommand() {
        // picocli instantiates the command
    }

    /** Everything the demo computes. */
    static final class Pipeline {
        IndicatorTable customers;
        IndicatorTable survey;
        ValueScores value;
        ValueSegments segments;
        double[] clv;
        CreditAssessment credit;
        int[] defaulted;
        RocCurve roc;
        RiskSegments risks;
        ServicePlan plan;
        PlsResult pls;
        SatisfactionIndex index;
        ImportancePerformance ipma;
        AnalysisReport analysis;

        static Pipeline run() {
            Pipeline p = new Pipeline();
            p.customers = SampleData.customers();
            p.survey = SampleData.survey();
            AnalysisReport a = CustomerAnalysis.withDefaults().analyse(p.customers, p.survey);
            p.analysis = a;
            p.value = a.values();
            p.segments = a.segments();
            p.credit = a.credit();
            p.clv = a.lifetimeValues();
            p.risks = a.risks();
            p.plan = a.plan();
            double[] label = p.customers.column(CustomerIndicators.DEFAULTED);
            p.defaulted = new int[label.length];
            for (int i = 0; i < label.length; i++) {
                p.defaulted[i] = (int) label[i];
            }
            p.roc = RocCurve.of(p.credit.defaultProbabilities(), p.defaulted);
            p.pls = a.satisfaction().orElseThrow().overall();
            p.index = SatisfactionIndex.of(p.pls, SurveyGenerator.SCALE_MIN, SurveyGenerator.SCALE_MAX);
            p.ipma = p.index.importancePerformance("LOY");
            return p;
        }
    }

    @Override
    protected Output compute() {
        Pipeline p = Pipeline.run();
        if (report != null) {
            report(p).write(report);
        }
        return summary(p);
    }

    private static String num(double v) {
        return TextTable.number(v);
    }

    /**
     * The printed summary.
     *
     * @param p the pipeline's results
     * @return the output
     */
    static Output summary(Pipeline p) {
        Output out = new Output();
        HierarchyResult h = p.value.weights();
        Weights leaves = h.leafWeights();
        out.table("value index weights (AHP)", "indicator", "global_weight");
        for (String n : leaves.names()) {
            out.row(n, leaves.get(n));
        }
        int n = p.segments.size();
        int[] counts = p.segments.counts();
        double[] cur = new double[ValueSegment.values().length];
        double[] pot = new double[cur.length];
        double[] current = p.value.current();
        double[] potential = p.value.potential();
        for (int i = 0; i < n; i++) {
            int s = p.segments.segment(i).ordinal();
            cur[s] += current[i];
            pot[s] += potential[i];
        }
        SegmentValues clv = SegmentValues.of(p.segments, p.clv);
        out.table("value segments", "segment", "customers", "mean_current", "mean_potential", "median_clv",
            "total_clv", "clv_share");
        for (ValueSegment s : ValueSegment.values()) {
            int k = s.ordinal();
            int c = Math.max(1, counts[k]);
            out.row(s.label(), counts[k], cur[k] / c, pot[k] / c, counts[k] == 0 ? "-" : (Object) clv.medians[k],
                clv.totals[k], clv.totals[k] / clv.grandTotal);
        }
        GradeReport g = p.credit.report();
        out.table("credit grades", "grade", "customers", "defaults", "default_rate");
        double[] rates = g.defaultRates();
        for (int k = 0; k < g.names().size(); k++) {
            out.row(g.names().get(k), g.counts()[k], g.defaults()[k], rates[k]);
        }
        out.table("risk topics", "topic", "group", "customers");
        for (String topic : p.risks.topics()) {
            int[] groups = p.risks.groups(topic);
            Map<String, Integer> byLabel = new LinkedHashMap<>();
            for (int i = 0; i < groups.length; i++) {
                byLabel.merge(p.risks.label(topic, i), 1, Integer::sum);
            }
            byLabel.forEach((label, c) -> out.row(topic, label, c));
        }
        out.table("service plan", "measure", "customers");
        p.plan.measureCounts().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .forEach(e -> out.row(e.getKey(), e.getValue()));
        PathModel m = p.pls.model();
        out.table("satisfaction model (PLS)", "from", "to", "path");
        for (String from : m.constructNames()) {
            for (String to : m.constructNames()) {
                if (m.hasPath(from, to)) {
                    out.row(from, to, p.pls.pathCoefficient(from, to));
                }
            }
        }
        out.table("importance-performance (target " + p.ipma.target() + ")", "construct",
            "importance_total_effect", "performance_index");
        for (int k = 0; k < p.ipma.constructs().size(); k++) {
            out.row(p.ipma.constructs().get(k), p.ipma.importance()[k], p.ipma.performance()[k]);
        }
        out.table("satisfaction index by value segment", "segment", "respondents", "SAT_index");
        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < p.customers.rowCount(); i++) {
            row.put(p.customers.id(i), i);
        }
        double[] sat = p.index.respondentIndices("SAT");
        double[] sum = new double[cur.length];
        int[] cnt = new int[cur.length];
        for (int r = 0; r < p.survey.rowCount(); r++) {
            Integer i = row.get(p.survey.id(r));
            if (i != null) {
                int s = p.segments.segment(i).ordinal();
                sum[s] += sat[r];
                cnt[s]++;
            }
        }
        for (ValueSegment s : ValueSegment.values()) {
            int k = s.ordinal();
            out.row(s.label(), cnt[k], cnt[k] == 0 ? "-" : (Object) (sum[k] / cnt[k]));
        }
        out.table("top customers by combined value", "rank", "id", "segment", "credit_grade", "current", "potential",
            "clv", "service_measures");
        double[] combined = p.value.combined();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -combined[i]).thenComparing(i -> i));
        for (int k = 0; k < 5; k++) {
            int i = order[k];
            out.row(k + 1, p.customers.id(i), p.segments.segment(i).label(), p.credit.grade(i), current[i],
                potential[i], p.clv[i], p.plan.measures(i).size());
        }
        out.note("%d customers, %d survey answers. Value index hierarchy CR = %s; value cut-offs: current %s, "
            + "potential %s.", n, p.survey.rowCount(), num(h.consistencyRatio()), num(p.segments.currentCutoff()),
            num(p.segments.potentialCutoff()));
        out.note("Credit: in-sample AUC %s, KS %s; default rates %s monotone across grades.", num(p.roc.auc()),
            num(p.roc.ks()), g.isMonotone() ? "are" : "are NOT");
        out.note("Satisfaction model: R2(SAT) = %s, R2(LOY) = %s; indices (0-100): %s.", num(p.pls.rSquared("SAT")),
            num(p.pls.rSquared("LOY")), indices(p));
        out.note("Lifetime value (kyuan): discounted margin (%s of fee revenue) with retention from the base rate %s "
            + "and each customer's default probability, as the segmentation module's CustomerAnalysis computes it; "
            + "per segment the median and the total, as a few very large customers make the mean misleading.",
            num(CustomerAnalysis.DEFAULT_MARGIN_RATE), num(CustomerAnalysis.DEFAULT_BASE_RETENTION));
        return out;
    }

    private static String indices(Pipeline p) {
        List<String> parts = new ArrayList<>();
        for (String c : p.pls.model().constructNames()) {
            parts.add(c + " " + String.format(java.util.Locale.ROOT, "%.1f", p.index.index(c)));
        }
        return String.join(", ", parts);
    }

    /** Bootstrap resamples and seed of the path significance in the demo report. */
    static final int BOOTSTRAP_RESAMPLES = 200;
    static final long BOOTSTRAP_SEED = 1L;

    /**
     * The HTML report of the demo.
     *
     * @param p the pipeline's results
     * @return the report
     */
    static HtmlReport report(Pipeline p) {
        HtmlReport r = HtmlReport.create("PowerCX demo: 5,000 power customers");
        HierarchyResult h = p.value.weights();
        r.summary(List.of(
            List.of("customers", p.customers.rowCount(), "customers analysed"),
            List.of("survey answers", p.survey.rowCount(), "respondents of the satisfaction survey"),
            List.of("AUC", p.roc.auc(), "credit: probability that a defaulter scores riskier than a non-defaulter"),
            List.of("KS", p.roc.ks(), "credit: largest gap between the score distributions of the two groups"),
            List.of("CR", h.consistencyRatio(), "AHP consistency ratio of the value index hierarchy (passes <= 0.1)"),
            List.of("R2 (SAT)", p.pls.rSquared("SAT"), "share of satisfaction's variance the model explains"),
            List.of("R2 (LOY)", p.pls.rSquared("LOY"), "share of loyalty's variance the model explains")));
        r.ahp(h);
        double[] combined = p.value.combined();
        int n = combined.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -combined[i]).thenComparing(i -> i));
        List<String> labels = new ArrayList<>();
        double[] top = new double[20];
        for (int k = 0; k < 20; k++) {
            labels.add((k + 1) + ". " + p.customers.id(order[k]) + " (" + p.segments.segment(order[k]).label() + ")");
            top[k] = combined[order[k]];
        }
        r.section("Grey relational ranking", "The 20 customers with the highest combined value: current and "
            + "potential grey relational grades weighted by the AHP weights of the two value dimensions.",
            Svg.bars("GRA ranking", labels, top, null));
        r.analysis(p.analysis, p.defaulted);
        BootstrapResult boot = PlsBootstrap.withDefaults().with(p.pls.estimator()).withResamples(BOOTSTRAP_RESAMPLES)
            .withThreads(1).run(p.pls.model(), p.survey, BOOTSTRAP_SEED);
        r.pls(p.pls, boot);
        r.importancePerformance(p.ipma.target(), p.ipma.constructs(), p.ipma.importance(), p.ipma.performance());
        r.provenance(String.format(java.util.Locale.ROOT, "bundled sample: %d customers (generated with seed %d), "
            + "%d survey answers (seed %d)", p.customers.rowCount(), SampleData.CUSTOMER_SEED, p.survey.rowCount(),
            SampleData.SURVEY_SEED), BOOTSTRAP_SEED);
        return r;
    }
}
