package org.powercx.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.powercx.core.IndicatorTable;
import org.powercx.segmentation.AnalysisReport;
import org.powercx.segmentation.CustomerAnalysis;
import org.powercx.segmentation.CustomerModel;
import org.powercx.segmentation.CustomerModelFile;
import org.powercx.segmentation.CustomerScores;
import org.powercx.core.CustomerIndicators;
import org.powercx.segmentation.RiskSegments;
import org.powercx.samples.SampleData;
import org.powercx.segmentation.SatisfactionSegments;
import org.powercx.segmentation.SegmentationConfiguration;
import org.powercx.segmentation.ServicePlan;
import org.powercx.segmentation.ServicePolicy;
import org.powercx.segmentation.ValueSegment;
import org.powercx.segmentation.ValueSegmentation;
import org.powercx.segmentation.ValueSegments;
import org.powercx.io.Provenance;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code powercx segment}: the segmentation pipeline on a customer file: values, segments, lifetime value,
 * credit grade, risk groups and service measures for every customer.
 *
 * @since 0.1.0
 */
@Command(name = "segment", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Segments customers: current and potential value (AHP-weighted grey relational grades), "
        + "value segment, lifetime value, credit grade, risk groups and the service measures of the policy.",
        "Without --config the customer file needs the columns of the bundled sample (see docs/formats.md); "
            + "--sample uses the bundled 5,000 customers and 500 survey answers.",
        "'segment fit --save model.json' fits the pipeline once; 'segment apply --model model.json' scores other "
            + "customers with it without refitting."},
    subcommands = {SegmentCommand.Fit.class, SegmentCommand.Apply.class})
final class SegmentCommand extends Base {
    @Parameters(paramLabel = "CSV", arity = "0..1", description = "Customer file.")
    private Path file;

    @Option(names = "--sample", description = "Use the bundled sample customers and survey.")
    private boolean sample;

    @Option(names = "--survey", paramLabel = "CSV",
        description = "Survey answers (items imag1..loy4 on 1-10; ids are customer ids) for satisfaction by segment.")
    private Path survey;

    /** The survey as read, for its line numbers. */
    private org.powercx.core.CsvReadResult surveyLines;

    @Option(names = "--config", paramLabel = "JSON",
        description = "Segmentation configuration mapping the pipeline onto the file's own columns (docs/formats.md;"
            + " default: the bundled one, on the columns of the sample).")
    private Path config;

    @Option(names = "--policy", paramLabel = "CSV", description = "Service policy file (default: the bundled one).")
    private Path policy;

    @ArgGroup(exclusive = true)
    private Cutoffs cutoffs;

    @Option(names = "--top", paramLabel = "N", description = "List only the N customers of highest combined value.")
    private Integer top;

    @Option(names = "--report", paramLabel = "HTML", description = "Also write an HTML report with charts.")
    private Path report;

    /** How value segments are cut. */
    static final class Cutoffs {
        @Option(names = "--quantiles", paramLabel = "QC,QP",
            description = "Cut current and potential value at these quantiles (default: 0.8,0.5).")
        String quantiles;

        @Option(names = "--mean-cutoffs", description = "Cut at the mean current and potential value.")
        boolean mean;

        @Option(names = "--cutoffs", paramLabel = "C,P", description = "Cut at these values.")
        String values;
    }

    /** Creates the command; picocli calls it. */
    public SegmentCommand() {
        // picocli instantiates the command
    }

    @Override
    protected Output compute() {
        Checked.atLeastOne("--top", top);
        IndicatorTable customers;
        IndicatorTable answers = null;
        if (sample == (file != null)) {
            throw new CliException("give a customer file or --sample (not both)");
        }
        if (sample) {
            customers = SampleData.customers();
            answers = survey == null ? SampleData.survey() : null;
        } else {
            customers = Inputs.csv(file, null, List.of(), List.of(), java.util.Map.of(),
                org.powercx.core.MissingValuePolicy.REJECT).table();
            if (config == null) {
                customers = customers.withIndicators(mergeDirections(customers));
            }
        }
        if (survey != null) {
            surveyLines = Inputs.csv(survey, null, List.of(), List.of(), java.util.Map.of(),
                org.powercx.core.MissingValuePolicy.REJECT);
            answers = surveyLines.table();
        }
        CustomerAnalysis analysis = CustomerAnalysis.withDefaults();
        if (config != null) {
            SegmentationConfiguration c = configuration(config);
            customers = prepare(c, customers, sample ? "sample" : file.toString());
            analysis = c.analysis();
        }
        analysis = configure(analysis, policy, cutoffs);
        if (survey != null) {
            checkRespondents(customers, answers);
        }
        AnalysisReport r;
        try {
            r = analysis.analyse(customers, answers);
        } catch (IllegalArgumentException e) {
            throw new CliException("%s: %s", sample ? "sample" : file.toString(), e.getMessage());
        }
        if (report != null) {
            HtmlReport.ofAnalysis("Customer segmentation: " + (sample ? "bundled sample" : file.getFileName()), r,
                customers, (sample ? "bundled sample" : file.toString()) + (survey == null ? "" : ", survey " + survey))
                .write(report);
        }
        return describe(r, top);
    }

    private static SegmentationConfiguration configuration(Path config) {
        try {
            return SegmentationConfiguration.read(config);
        } catch (IllegalArgumentException e) {
            throw new CliException("%s", e.getMessage());
        }
    }

    private static IndicatorTable prepare(SegmentationConfiguration c, IndicatorTable customers, String source) {
        return Checked.input(source, () -> c.prepare(customers));
    }

    /** The pipeline with the policy file and the value cut-offs of the options. */
    private static CustomerAnalysis configure(CustomerAnalysis analysis, Path policy, Cutoffs cutoffs) {
        CustomerAnalysis a = analysis;
        try {
            if (policy != null) {
                a = a.with(ServicePolicy.read(policy));
            }
            if (cutoffs != null) {
                ValueSegmentation vs = ValueSegmentation.withDefaults();
                if (cutoffs.quantiles != null) {
                    double[] q = requireTwo(CommaValues.numbers("--quantiles", cutoffs.quantiles), "--quantiles");
                    vs = vs.withQuantiles(q[0], q[1]);
                } else if (cutoffs.values != null) {
                    double[] c = requireTwo(CommaValues.numbers("--cutoffs", cutoffs.values), "--cutoffs");
                    vs = vs.withCutoffs(c[0], c[1]);
                } else {
                    vs = vs.withMeanCutoffs();
                }
                a = a.with(vs);
            }
        } catch (IllegalArgumentException e) {
            throw new CliException("%s", e.getMessage());
        }
        return a;
    }

    private static IndicatorTable customers(Path file) {
        return Inputs.csv(file, null, List.of(), List.of(), java.util.Map.of(),
            org.powercx.core.MissingValuePolicy.REJECT).table();
    }

    /** {@code powercx segment fit}: fits the pipeline on calibration customers and saves it. */
    @Command(name = "fit", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Fits the segmentation pipeline on calibration customers (value models, cut-offs, credit "
            + "model and grades, churn model) and saves it as a customer-model file for 'segment apply --model'.")
    static final class Fit extends Base {
        @Parameters(paramLabel = "CSV", description = "Calibration customer file.")
        private Path file;

        @Option(names = "--config", paramLabel = "JSON",
            description = "Segmentation configuration (docs/formats.md; default: the bundled one).")
        private Path config;

        @Option(names = "--policy", paramLabel = "CSV", description = "Service policy file (default: the bundled one).")
        private Path policy;

        @ArgGroup(exclusive = true)
        private Cutoffs cutoffs;

        @Option(names = "--save", paramLabel = "FILE", required = true,
            description = "Save the fitted model as a customer-model file (written atomically).")
        private Path save;

        /** Creates the command; picocli calls it. */
        Fit() {
            // picocli instantiates the command
        }

        @Override
        protected Output compute() {
            IndicatorTable customers = customers(file);
            CustomerAnalysis analysis;
            if (config == null) {
                customers = customers.withIndicators(mergeDirections(customers));
                analysis = CustomerAnalysis.withDefaults();
            } else {
                SegmentationConfiguration c = configuration(config);
                customers = prepare(c, customers, file.toString());
                analysis = c.analysis();
            }
            analysis = configure(analysis, policy, cutoffs);
            CustomerModel model;
            try {
                model = analysis.fit(customers);
            } catch (IllegalArgumentException e) {
                throw new CliException("%s: %s", file, e.getMessage());
            }
            java.util.Map<String, String> provenance = new java.util.LinkedHashMap<>();
            provenance.put("customers", String.valueOf(file.getFileName()));
            provenance.put("configuration", config == null ? "bundled" : String.valueOf(config.getFileName()));
            provenance.put("policy", policy == null ? "configured" : String.valueOf(policy.getFileName()));
            try {
                CustomerModelFile.write(save, model, Provenance.of(customers.rowCount(), provenance));
            } catch (IllegalArgumentException e) {
                throw new CliException("option --save: %s", e.getMessage());
            }
            CustomerModel.Parameters p = model.parameters();
            Output out = new Output().table("fitted model", "part", "value");
            out.row("customers", customers.rowCount());
            out.row("input columns", String.join(" ", model.inputColumns()));
            out.row("current value cut-off", p.currentCutoff());
            out.row("potential value cut-off", p.potentialCutoff());
            out.row("credit grades", CreditCommand.cutoffs(p.creditGrades()));
            out.row("risk topics", String.join(" ", model.topics()));
            out.row("retention", p.retention().source().name().toLowerCase(java.util.Locale.ROOT));
            out.note("Model saved to %s", save);
            return out;
        }
    }

    /** {@code powercx segment apply}: scores customers with a saved model. */
    @Command(name = "apply", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Scores customers with a model saved by 'segment fit --save', without refitting: values, "
            + "segment by the fitted cut-offs, lifetime value, credit grade, risk groups and service measures.")
    static final class Apply extends Base {
        @Parameters(paramLabel = "CSV", arity = "0..1", description = "Customers to score (or --jdbc with --query).")
        private Path file;

        @picocli.CommandLine.Mixin
        private DatabaseOptions database = new DatabaseOptions();

        @Option(names = "--model", paramLabel = "FILE", required = true,
            description = "A customer-model file saved by 'segment fit --save'.")
        private Path model;

        @Option(names = "--top", paramLabel = "N", description = "List only the N customers of highest combined value.")
        private Integer top;

        @Option(names = "--stream", description = {"Read the CSV in blocks and write each block's customers before "
            + "reading the next, in bounded memory, for files larger than the heap: the customers and service "
            + "measures tables of -f csv, byte for byte (the segment summary needs all customers at once)."})
        private boolean stream;

        /** Creates the command; picocli calls it. */
        Apply() {
            // picocli instantiates the command
        }

        @Override
        public Integer call() throws Exception {
            boolean fromDatabase = database.inUse(file);
            if (!stream) {
                return super.call();
            }
            if (fromDatabase) {
                throw new CliException("option --stream: streams a CSV file; it cannot be combined with --jdbc");
            }
            if (top != null || format == Format.JSON) {
                throw new CliException("option --stream: writes every customer as CSV; it cannot be combined with %s",
                    top != null ? "--top" : "--format json");
            }
            CustomerModel m = savedModel();
            ScoreStreams.write(this, out -> ScoreStreams.segments(Inputs.stream(file, standardInput(), null,
                m.inputColumns(), List.of(), java.util.Map.of(), org.powercx.core.MissingValuePolicy.REJECT,
                GraCommand.STREAM_BLOCK), m, Inputs.source(file), out));
            return 0;
        }

        private CustomerModel savedModel() {
            try {
                return CustomerModelFile.read(model);
            } catch (IllegalArgumentException e) {
                throw new CliException("%s", e.getMessage());
            }
        }

        @Override
        protected Output compute() {
            Checked.atLeastOne("--top", top);
            CustomerModel m = savedModel();
            boolean fromDatabase = database.url != null;
            IndicatorTable customers;
            if (fromDatabase) {
                customers = database.read(null, m.inputColumns(), List.of(), java.util.Map.of(),
                    org.powercx.core.MissingValuePolicy.REJECT);
            } else {
                customers = Inputs.csv(file, null, List.of(), List.of(), java.util.Map.of(),
                    org.powercx.core.MissingValuePolicy.REJECT, "use --stream").table();
            }
            CustomerScores s = Checked.input(fromDatabase ? "query" : file, () -> m.apply(customers));
            Output out = describe(s, top);
            if (database.writeTable != null) {
                org.powercx.jdbc.ResultColumns columns = Checked.option("--write-table",
                    () -> resultColumns(CustomerRows.of(s)));
                long written = database.write(columns);
                out.note("%d rows written to table %s", written, database.writeTable);
            }
            return out;
        }
    }

    /**
     * The customers table as database columns: numbers as numbers, labels as text, the service measures joined
     * by "; ", and each risk topic in a column named after it (characters other than letters, digits and
     * underscores replaced by underscores).
     */
    static org.powercx.jdbc.ResultColumns resultColumns(CustomerRows rows) {
        List<String> header = rows.header();
        int n = rows.size();
        List<List<Object>> table = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            table.add(rows.row(i));
        }
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(rows.id(i));
        }
        org.powercx.jdbc.ResultColumns out = org.powercx.jdbc.ResultColumns.of(ids);
        for (int c = 1; c < header.size(); c++) {
            String name = header.get(c).replaceAll("[^A-Za-z0-9_]", "_");
            if (c == header.size() - 1) {
                List<String> measures = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    measures.add(String.join("; ", rows.measures(i)));
                }
                out = out.withTexts(name, measures);
            } else if (table.get(0).get(c) instanceof Number) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = ((Number) table.get(i).get(c)).doubleValue();
                }
                out = out.withNumbers(name, v);
            } else {
                List<String> v = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    v.add(String.valueOf(table.get(i).get(c)));
                }
                out = out.withTexts(name, v);
            }
        }
        return out;
    }

    /** Blames a respondent who is not a customer on the survey file, with the line, before any work. */
    private void checkRespondents(IndicatorTable customers, IndicatorTable answers) {
        java.util.Set<String> ids = new java.util.HashSet<>(customers.ids());
        for (int i = 0; i < answers.rowCount(); i++) {
            if (!ids.contains(answers.id(i))) {
                throw new CliException("%s:%d: survey respondent '%s' is not a customer of %s", survey,
                    surveyLines.line(i), answers.id(i), sample ? "the bundled sample" : file.toString());
            }
        }
    }

    private static double[] requireTwo(double[] v, String option) {
        if (v.length != 2) {
            throw new CliException("option %s: needs two values, current and potential, but got %d", option,
                v.length);
        }
        return v;
    }

    /** Directions and units of the known customer columns; other columns stay benefit indicators. */
    private static List<org.powercx.core.Indicator> mergeDirections(IndicatorTable t) {
        List<org.powercx.core.Indicator> out = new ArrayList<>();
        for (org.powercx.core.Indicator i : t.indicators()) {
            org.powercx.core.Indicator known = CustomerIndicators.all().stream()
                .filter(k -> k.name().equals(i.name())).findFirst().orElse(i);
            out.add(known);
        }
        return out;
    }

    /**
     * The per-customer table and the segment summary.
     *
     * @param r the analysis
     * @param top how many customers, or null for all
     * @return the output
     */
    static Output describe(AnalysisReport r, Integer top) {
        Output out = customerTables(new CustomerRows(r.ids(), r.values().combined(), r.segments(),
            r.lifetimeValues(), r.credit().defaultProbabilities(), r.credit()::grade, r.risks(), r.plan()), top);
        if (r.satisfaction().isPresent()) {
            SatisfactionSegments sat = r.satisfaction().get();
            List<String> constructs = sat.overall().model().constructNames();
            List<String> h = new ArrayList<>(List.of("segment", "respondents"));
            h.addAll(constructs);
            out.table("satisfaction index by segment", h.toArray(new String[0]));
            for (SatisfactionSegments.Segment s : sat.segments()) {
                List<Object> row = new ArrayList<>(List.of(s.name(), s.respondents()));
                for (int j = 0; j < constructs.size(); j++) {
                    row.add(s.indices()[j]);
                }
                out.row(row.toArray());
            }
        }
        out.note("Value cut-offs: current %s, potential %s (%s); credit AUC %s", num(r.segments().currentCutoff()),
            num(r.segments().potentialCutoff()), r.segments().method().name().toLowerCase(java.util.Locale.ROOT),
            num(r.credit().auc()));
        return out;
    }

    /**
     * The per-customer table and the segment summary of a saved model's scores.
     *
     * @param s the scores
     * @param top how many customers, or null for all
     * @return the output
     */
    static Output describe(CustomerScores s, Integer top) {
        Output out = customerTables(CustomerRows.of(s), top);
        ValueSegments seg = s.segments();
        out.note("Value cut-offs of the saved model: current %s, potential %s", num(seg.currentCutoff()),
            num(seg.potentialCutoff()));
        return out;
    }

    /** The per-customer columns of an analysis or of a saved model's scores, as the tables print them. */
    static final class CustomerRows {
        private final List<String> ids;
        private final double[] cur;
        private final double[] pot;
        private final double[] comb;
        private final ValueSegments seg;
        private final double[] clv;
        private final double[] pd;
        private final java.util.function.IntFunction<String> grade;
        private final RiskSegments risks;
        private final ServicePlan plan;

        CustomerRows(List<String> ids, double[] comb, ValueSegments seg, double[] clv, double[] pd,
                java.util.function.IntFunction<String> grade, RiskSegments risks, ServicePlan plan) {
            this.ids = ids;
            this.cur = seg.currentValues();
            this.pot = seg.potentialValues();
            this.comb = comb;
            this.seg = seg;
            this.clv = clv;
            this.pd = pd;
            this.grade = grade;
            this.risks = risks;
            this.plan = plan;
        }

        static CustomerRows of(CustomerScores s) {
            return new CustomerRows(s.ids(), s.combined(), s.segments(), s.lifetimeValues(), s.defaultProbabilities(),
                s::grade, s.risks(), s.plan());
        }

        int size() {
            return ids.size();
        }

        String id(int i) {
            return ids.get(i);
        }

        /** The header of the customers table. */
        List<String> header() {
            List<String> header = new ArrayList<>(List.of("id", "current", "potential", "combined", "segment", "clv",
                "default_probability", "credit_grade"));
            header.addAll(risks.topics());
            header.add("measures");
            return header;
        }

        /** Customer i's row of the customers table. */
        List<Object> row(int i) {
            List<Object> row = new ArrayList<>(List.of(ids.get(i), cur[i], pot[i], comb[i],
                seg.segment(i).label(), clv[i], pd[i], grade.apply(i)));
            for (String topic : risks.topics()) {
                row.add(risks.label(topic, i));
            }
            row.add(plan.measures(i).size());
            return row;
        }

        /** Customer i's service measures. */
        List<String> measures(int i) {
            return plan.measures(i);
        }
    }

    /**
     * The per-customer table, one row per customer and service measure, and the value segments with their
     * lifetime value: the tables an analysis and a saved model's scores share.
     *
     * @param top how many customers, or null for all (then in file order; else by combined value)
     * @return the output with these three tables
     */
    private static Output customerTables(CustomerRows rows, Integer top) {
        int n = rows.size();
        double[] comb = rows.comb;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (top != null) {
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -comb[i]).thenComparing(i -> i));
        }
        int shown = top == null ? n : Math.max(0, Math.min(top, n));
        Output out = new Output().table("customers", rows.header().toArray(new String[0]));
        out.rows(shown, k -> rows.row(order[k]).toArray());
        // one row per customer and measure: a readable column, and tidy data for CSV and JSON
        out.table("service measures", "id", "measure");
        // rows made on demand from each row's customer and measure (the plan's own strings)
        int total = 0;
        for (int k = 0; k < shown; k++) {
            total += rows.measures(order[k]).size();
        }
        int[] customer = new int[total];
        String[] measure = new String[total];
        int at = 0;
        for (int k = 0; k < shown; k++) {
            for (String s : rows.measures(order[k])) {
                customer[at] = order[k];
                measure[at++] = s;
            }
        }
        out.rows(total, t -> new Object[] {rows.id(customer[t]), measure[t]});
        out.table("segments", "segment", "customers", "share", "median_clv", "total_clv");
        SegmentValues values = SegmentValues.of(rows.seg, rows.clv);
        for (ValueSegment v : ValueSegment.values()) {
            int k = v.ordinal();
            out.row(v.label(), values.counts[k], values.counts[k] / (double) n,
                values.counts[k] == 0 ? "-" : (Object) values.medians[k], values.totals[k]);
        }
        return out;
    }

    private static String num(double v) {
        return org.powercx.core.TextTable.number(v);
    }
}
