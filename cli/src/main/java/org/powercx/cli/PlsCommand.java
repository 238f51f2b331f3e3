package org.powercx.cli;

import java.nio.file.Path;
import java.util.List;
import org.powercx.core.CsvReadResult;
import org.powercx.core.MissingValuePolicy;
import org.powercx.core.internal.ParallelRanges;
import org.powercx.satisfaction.Construct;
import org.powercx.satisfaction.InnerScheme;
import org.powercx.satisfaction.PathModel;
import org.powercx.satisfaction.PlsPm;
import org.powercx.satisfaction.PlsResult;
import org.powercx.satisfaction.Scaling;
import org.powercx.io.Json;
import org.powercx.io.PlsExtendedModelFile;
import org.powercx.io.PlsModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code powercx pls}: estimates a PLS path model (customer satisfaction index) on survey data.
 *
 * @since 0.1.0
 */
@Command(name = "pls", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "PLS path modeling of a satisfaction index model: path coefficients, R2, outer weights and "
        + "loadings, reliability and validity.")
final class PlsCommand extends Base {
    @Parameters(index = "0", paramLabel = "MODEL", description = "Model file (JSON, see docs/formats.md).")
    private Path modelFile;

    @Parameters(index = "1", paramLabel = "CSV", description = "Survey answers: an id column, one column per item.")
    private Path data;

    @Option(names = "--id", paramLabel = "COLUMN", description = "Id column (default: the first column).")
    private String id;

    @Option(names = "--scheme", paramLabel = "SCHEME", defaultValue = "PATH",
        description = "Inner weighting: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private InnerScheme scheme;

    @Option(names = "--scaling", paramLabel = "SCALING", defaultValue = "STANDARDISED",
        description = "Indicators ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Scaling scaling;

    @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "1e-10",
        description = "Convergence tolerance on the outer weights (default: ${DEFAULT-VALUE}).")
    private double tolerance;

    @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "300",
        description = "Iteration limit (default: ${DEFAULT-VALUE}).")
    private int maxIterations;

    @Option(names = "--missing", paramLabel = "POLICY", defaultValue = "REJECT",
        description = "Missing answers: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private MissingValuePolicy missing;

    @Option(names = "--bootstrap", paramLabel = "N",
        description = "Bootstrap N resamples: standard errors, t, p, percentile and BCa intervals of paths, "
            + "total, indirect and specific indirect effects, R2, f2 and HTMT.")
    private Integer bootstrap;

    @Option(names = "--names", paramLabel = "STYLE", defaultValue = "POWERCX",
        description = "Names of the bootstrap parameters: POWERCX (IMAG -> SAT) or SEMINR (IMAG  ->  SAT, as "
            + "seminr prints them) (default: ${DEFAULT-VALUE}).")
    private NameStyle names;

    /** How the bootstrap table names its parameters. */
    enum NameStyle {
        /** {@code "IMAG -> SAT"}. */
        POWERCX,
        /** {@code "IMAG  ->  SAT"}, two spaces either side of the arrow, as seminr's bootstrap summary prints. */
        SEMINR
    }

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
        description = "Bootstrap seed; results are identical for a seed whatever the thread count "
            + "(default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--threads", paramLabel = "N",
        description = "Bootstrap threads, 1 to " + ParallelRanges.MAX_THREADS
            + " (default: all processors, at most " + ParallelRanges.MAX_THREADS + ").")
    private Integer threads;

    // one value MIN,MAX split here, so that the usage line shows --index=MIN,MAX once
    @Option(names = "--index", paramLabel = "MIN,MAX",
        description = "Answer scale bounds: also print the 0-100 satisfaction indices and the "
            + "importance-performance map of --target.")
    private String scaleText;

    @Option(names = "--target", paramLabel = "CONSTRUCT",
        description = "Target construct of the importance-performance map (default: the last construct).")
    private String target;

    @Option(names = "--hoc-method", paramLabel = "METHOD", defaultValue = "TWO_STAGE",
        description = "Higher-order constructs of the model file: ${COMPLETION-CANDIDATES} "
            + "(default: ${DEFAULT-VALUE}).")
    private org.powercx.satisfaction.HocMethod hocMethod;

    @Option(names = "--score-variance", paramLabel = "VARIANCE", defaultValue = "POPULATION",
        description = "Interaction terms multiply scores and items standardised to ${COMPLETION-CANDIDATES} "
            + "variance 1; SAMPLE reproduces seminr (default: ${DEFAULT-VALUE}).")
    private org.powercx.satisfaction.ScoreVariance scoreVariance;

    @Option(names = "--report", paramLabel = "HTML", description = "Also write an HTML report: the path diagram (with --bootstrap, the paths' "
            + "significance), outer loadings and, with --index, the importance-performance map.")
    private Path report;

    @Option(names = "--micom", paramLabel = "COLUMN", description = "Also test the measurement invariance of the "
        + "composites (MICOM, Henseler et al. 2016) between the two groups of this column, by --permutations "
        + "permutations.")
    private String micomColumn;

    @Option(names = "--mga", paramLabel = "COLUMN", description = "Also compare the paths of the two groups of this "
        + "column by PLS-MGA (Henseler's bootstrap probability, parametric and Welch t tests), --resamples per group.")
    private String mgaColumn;

    @Option(names = "--groups", paramLabel = "A,B", description = "The two groups --micom and --mga compare (default: "
        + "the column's two values, in sorted order).")
    private String groups;

    @Option(names = "--permutations", paramLabel = "N", defaultValue = "1000",
        description = "Permutations of --micom (default: ${DEFAULT-VALUE}).")
    private int permutations;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "1000",
        description = "Bootstrap resamples per group of --mga (default: ${DEFAULT-VALUE}).")
    private int resamples;

    /** Creates the command; picocli calls it. */
    public PlsCommand() {
        // picocli instantiates the command
    }

    @Override
    protected Output compute() {
        Json root = Json.read(modelFile);
        if (PlsExtendedModelFile.isExtended(root)) {
            return computeExtended(PlsExtendedModelFile.parse(root));
        }
        PathModel model = PlsModelFile.parse(root);
        CsvReadResult read;
        try {
            read = Inputs.csv(data, id, model.indicatorNames(), List.of(), java.util.Map.of(), missing);
        } catch (IllegalArgumentException e) {
            throw new CliException("%s (indicators of model %s)", e.getMessage(), modelFile);
        }
        PlsPm pls;
        try {
            pls = PlsPm.withDefaults().with(scheme).with(scaling).withTolerance(tolerance)
                .withMaxIterations(maxIterations);
        } catch (IllegalArgumentException e) {
            throw new CliException("options --tolerance/--max-iterations: %s", e.getMessage());
        }
        PlsResult r;
        try {
            r = pls.fit(model, read.table());
        } catch (IllegalArgumentException e) {
            throw new CliException("%s with %s: %s", modelFile, data, e.getMessage());
        }
        Output out = describe(r);
        org.powercx.satisfaction.ImportancePerformance ipma = null;
        if (scaleText != null) {
            double[] scale = bounds(scaleText);
            String t = target != null ? target : model.constructNames().get(model.constructCount() - 1);
            try {
                org.powercx.satisfaction.SatisfactionIndex index =
                    org.powercx.satisfaction.SatisfactionIndex.of(r, scale[0], scale[1]);
                ipma = index.importancePerformance(t);
                double[] unstandardised = index.importancePerformanceUnstandardised(t).importance();
                out.table("satisfaction index", "construct", "index_0_100");
                for (String c : model.constructNames()) {
                    out.row(c, index.index(c));
                }
                out.table("importance-performance (target " + t + ")", "construct", "importance", "performance",
                    "importance_unstandardised");
                for (int k = 0; k < ipma.constructs().size(); k++) {
                    out.row(ipma.constructs().get(k), ipma.importance()[k], ipma.performance()[k],
                        unstandardised[k]);
                }
            } catch (IllegalArgumentException e) {
                throw new CliException("options --index/--target: %s", e.getMessage());
            }
        }
        org.powercx.satisfaction.BootstrapResult b = null;
        if (bootstrap != null) {
            int workers = threads != null ? threads
                : Math.min(Runtime.getRuntime().availableProcessors(), ParallelRanges.MAX_THREADS);
            if (!ParallelRanges.isValidThreadCount(workers)) {
                throw new CliException("option --threads: must be between 1 and %d but was %d",
                    ParallelRanges.MAX_THREADS, workers);
            }
            try {
                org.powercx.satisfaction.PlsBootstrap boot = org.powercx.satisfaction.PlsBootstrap.withDefaults()
                    .with(pls).withResamples(bootstrap).withThreads(workers);
                b = boot.run(model, read.table(), seed);
            } catch (IllegalArgumentException e) {
                throw new CliException("option --bootstrap: %s", e.getMessage());
            }
            out.table("bootstrap", "parameter", "estimate", "mean", "std_error", "t", "p", "ci_lower", "ci_upper",
                "bca_lower", "bca_upper");
            List<List<org.powercx.satisfaction.BootstrapEstimate>> groups = List.of(b.paths(), b.totalEffects(),
                b.indirectEffects(), b.specificIndirectEffects(), b.rSquared(), b.fSquared(), b.htmt());
            List<String> prefixes = List.of("", "total ", "indirect ", "specific ", "R2 ", "f2 ", "HTMT ");
            for (int g = 0; g < groups.size(); g++) {
                for (org.powercx.satisfaction.BootstrapEstimate e : groups.get(g)) {
                    String name = names == NameStyle.SEMINR ? e.name().replace(" -> ", "  ->  ") : e.name();
                    out.row(prefixes.get(g) + name, e.original(), e.mean(), e.standardError(), e.t(), e.p(),
                        e.lower(), e.upper(), e.bcaLower(), e.bcaUpper());
                }
            }
            out.note("Bootstrap: %d resamples, seed %d, %d failed to converge; %s percentile and BCa intervals",
                b.resamples(), seed, b.failedResamples(),
                org.powercx.core.TextTable.number(b.confidenceLevel()));
        }
        if (micomColumn != null || mgaColumn != null) {
            groupTests(model, read.table(), pls, out);
        }
        if (report != null) {
            List<List<Object>> figures = new java.util.ArrayList<>();
            figures.add(List.of("respondents", r.sampleSize(), "survey answers the model was estimated on"));
            for (String c : model.constructNames()) {
                if (!model.predecessors(c).isEmpty()) {
                    figures.add(List.of("R2 (" + c + ")", r.rSquared(c), "share of " + c + "'s variance the "
                        + "model explains"));
                }
            }
            figures.add(List.of("GoF", r.quality().gof(), "goodness of fit: geometric mean of mean communality "
                + "and mean R2"));
            HtmlReport page = HtmlReport.create("PLS path model: " + modelFile.getFileName()).summary(figures)
                .pls(r, b);
            if (ipma != null) {
                page.importancePerformance(ipma.target(), ipma.constructs(), ipma.importance(), ipma.performance());
            }
            page.provenance("model " + modelFile + ", data " + data, b == null ? null : seed).write(report);
        }
        if (read.rowsDropped() > 0 || read.cellsFilled() > 0) {
            out.note("Missing answers: %d rows dropped, %d cells filled with the item mean", read.rowsDropped(),
                read.cellsFilled());
        }
        return out;
    }

    /** A model with higher-order constructs or interaction terms: stages, paths, outer model, bootstrap. */
    private Output computeExtended(org.powercx.satisfaction.ExtendedPathModel model) {
        if (scaleText != null || target != null || report != null || micomColumn != null || mgaColumn != null) {
            throw new CliException("options --index, --target, --report, --micom and --mga are not available for a model with"
                + " higher-order constructs or interaction terms (%s)", modelFile);
        }
        List<String> items = new java.util.ArrayList<>();
        for (Construct c : model.constructs()) {
            items.addAll(c.indicators());
        }
        CsvReadResult read;
        try {
            read = Inputs.csv(data, id, items, List.of(), java.util.Map.of(), missing);
        } catch (IllegalArgumentException e) {
            throw new CliException("%s (indicators of model %s)", e.getMessage(), modelFile);
        }
        org.powercx.satisfaction.ExtendedPls pls;
        try {
            pls = org.powercx.satisfaction.ExtendedPls.withDefaults().with(PlsPm.withDefaults().with(scheme)
                .with(scaling).withTolerance(tolerance).withMaxIterations(maxIterations)).with(hocMethod)
                .with(scoreVariance);
        } catch (IllegalArgumentException e) {
            throw new CliException("options --tolerance/--max-iterations: %s", e.getMessage());
        }
        org.powercx.satisfaction.ExtendedPlsResult r;
        try {
            r = pls.fit(model, read.table());
        } catch (IllegalArgumentException e) {
            throw new CliException("%s with %s: %s", modelFile, data, e.getMessage());
        }
        Output out = new Output();
        out.table("paths", "from", "to", "coefficient");
        for (String[] p : model.paths()) {
            out.row(p[0], p[1], r.pathCoefficient(p[0], p[1]));
        }
        PlsResult fin = r.finalStage();
        PathModel last = fin.model();
        double[] ave = fin.quality().ave();
        double[] rhoC = fin.quality().rhoC();
        out.table("constructs", "construct", "mode", "indicators", "R2", "adjusted_R2", "AVE", "rho_c");
        for (int j = 0; j < last.constructCount(); j++) {
            Construct c = last.constructs().get(j);
            boolean endogenous = !last.predecessors(c.name()).isEmpty();
            out.row(c.name(), c.mode().name(), c.size(), endogenous ? (Object) fin.rSquared(c.name()) : "-",
                endogenous ? (Object) fin.adjustedRSquared(c.name()) : "-", ave[j], rhoC[j]);
        }
        out.table("outer model", "construct", "indicator", "weight", "loading", "stage");
        PlsResult first = r.stages().get(0);
        for (Construct c : first.model().constructs()) {
            if (first != fin && !last.constructNames().contains(c.name())) {
                for (String ind : c.indicators()) {
                    out.row(c.name(), ind, r.weight(c.name(), ind), r.loading(c.name(), ind), "1");
                }
            }
        }
        for (Construct c : last.constructs()) {
            for (String ind : c.indicators()) {
                out.row(c.name(), ind, fin.weight(ind), fin.loading(ind), Integer.toString(r.stages().size()));
            }
        }
        out.note("%d respondents, %d estimation stages, higher-order constructs by %s, interaction terms with %s"
            + " variance", fin.sampleSize(), r.stages().size(), hocMethod, scoreVariance);
        if (bootstrap != null) {
            int workers = threads != null ? threads
                : Math.min(Runtime.getRuntime().availableProcessors(), ParallelRanges.MAX_THREADS);
            if (!ParallelRanges.isValidThreadCount(workers)) {
                throw new CliException("option --threads: must be between 1 and %d but was %d",
                    ParallelRanges.MAX_THREADS, workers);
            }
            List<org.powercx.satisfaction.BootstrapEstimate> b;
            try {
                b = org.powercx.satisfaction.ExtendedBootstrap.withDefaults().with(pls).withResamples(bootstrap)
                    .withThreads(workers).run(model, read.table(), seed);
            } catch (IllegalArgumentException e) {
                throw new CliException("option --bootstrap: %s", e.getMessage());
            }
            out.table("bootstrap", "parameter", "estimate", "mean", "std_error", "t", "p", "ci_lower", "ci_upper",
                "bca_lower", "bca_upper");
            for (org.powercx.satisfaction.BootstrapEstimate e : b) {
                String name = names == NameStyle.SEMINR ? e.name().replace(" -> ", "  ->  ") : e.name();
                out.row(name, e.original(), e.mean(), e.standardError(), e.t(), e.p(), e.lower(), e.upper(),
                    e.bcaLower(), e.bcaUpper());
            }
            out.note("Bootstrap: %d resamples of every stage, seed %d; 95%% percentile and BCa intervals",
                bootstrap, seed);
        }
        if (read.rowsDropped() > 0 || read.cellsFilled() > 0) {
            out.note("Missing answers: %d rows dropped, %d cells filled with the item mean", read.rowsDropped(),
                read.cellsFilled());
        }
        return out;
    }

    private int workers() {
        int workers = threads != null ? threads
            : Math.min(Runtime.getRuntime().availableProcessors(), ParallelRanges.MAX_THREADS);
        if (!ParallelRanges.isValidThreadCount(workers)) {
            throw new CliException("option --threads: must be between 1 and %d but was %d",
                ParallelRanges.MAX_THREADS, workers);
        }
        return workers;
    }

    /** The MICOM and PLS-MGA tables of --micom and --mga. */
    private void groupTests(PathModel model, org.powercx.core.IndicatorTable table, PlsPm pls, Output out) {
        if (micomColumn != null) {
            GroupLabels g = GroupLabels.read(data, id, micomColumn, "--micom", table, groups);
            org.powercx.satisfaction.MicomResult m;
            try {
                m = org.powercx.satisfaction.Micom.withDefaults().with(pls).withPermutations(permutations)
                    .withThreads(workers()).test(model, table, g.labels, g.groupA, g.groupB, seed);
            } catch (IllegalArgumentException e) {
                throw new CliException("option --micom: %s", e.getMessage());
            }
            out.table("MICOM step 2", "construct", "c", "quantile", "p",
                "invariant");
            for (int j = 0; j < m.constructs().size(); j++) {
                String c = m.constructs().get(j);
                out.row(c, m.compositeCorrelations()[j], m.compositeCorrelationQuantiles()[j],
                    m.compositeCorrelationPValues()[j], m.compositionallyInvariant(c) ? "yes" : "no");
            }
            out.table("MICOM step 3", "construct", "mean_difference",
                "mean_lower", "mean_upper", "mean_p", "log_variance_ratio", "variance_lower", "variance_upper",
                "variance_p", "invariance");
            for (int j = 0; j < m.constructs().size(); j++) {
                String c = m.constructs().get(j);
                out.row(c, m.meanDifferences()[j], m.meanDifferenceLower()[j], m.meanDifferenceUpper()[j],
                    m.meanDifferencePValues()[j], m.logVarianceRatios()[j], m.logVarianceRatioLower()[j],
                    m.logVarianceRatioUpper()[j], m.logVarianceRatioPValues()[j], m.invariance(c));
            }
            out.note("MICOM: %s (n = %d) vs %s (n = %d), %d permutations (%d failed), seed %d; quantile: 5%% of the "
                + "permuted c; intervals: 2.5%% and 97.5%% of the permuted differences", g.groupA, m.sizeA(), g.groupB,
                m.sizeB(), m.permutations(), m.failed(), seed);
        }
        if (mgaColumn != null) {
            GroupLabels g = GroupLabels.read(data, id, mgaColumn, "--mga", table, groups);
            org.powercx.satisfaction.MgaResult r;
            try {
                r = org.powercx.satisfaction.PlsMga.withDefaults().with(org.powercx.satisfaction.PlsBootstrap
                    .withDefaults().with(pls).withResamples(resamples).withThreads(workers()))
                    .compare(model, table, g.labels, g.groupA, g.groupB, seed);
            } catch (IllegalArgumentException e) {
                throw new CliException("option --mga: %s", e.getMessage());
            }
            out.table("PLS-MGA", "path", "coefficient_A",
                "coefficient_B", "difference", "henseler_P", "henseler_p_two_sided", "parametric_p",
                "welch_p");
            for (int k = 0; k < r.paths().size(); k++) {
                out.row(r.paths().get(k), r.coefficientsA()[k], r.coefficientsB()[k], r.differences()[k],
                    r.henselerProbabilities()[k], r.henselerTwoSidedPValues()[k], r.parametricPValues()[k],
                    r.welchPValues()[k]);
            }
            out.note("PLS-MGA: %s (n = %d) vs %s (n = %d), %d resamples per group (%d and %d failed), seed %d; "
                + "henseler_P = P(%s <= %s)", g.groupA, r.sizeA(), g.groupB, r.sizeB(), r.resamples(), r.failedA(),
                r.failedB(), seed, g.groupA, g.groupB);
        }
    }

    private static double[] bounds(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 2) {
            throw new CliException("option --index: needs MIN,MAX but got %d values ('%s')", parts.length, text);
        }
        double[] v = new double[2];
        for (int k = 0; k < 2; k++) {
            try {
                v[k] = Double.parseDouble(parts[k].strip());
            } catch (NumberFormatException e) {
                throw new CliException("option --index: '%s' is not a number", parts[k]);
            }
        }
        return v;
    }

    /**
     * The tables of a PLS result.
     *
     * @param r the result
     * @return the output
     */
    static Output describe(PlsResult r) {
        PathModel model = r.model();
        Output out = new Output();
        out.table("paths", "from", "to", "coefficient", "total_effect");
        List<String> names = model.constructNames();
        for (String from : names) {
            for (String to : names) {
                if (model.hasPath(from, to)) {
                    out.row(from, to, r.pathCoefficient(from, to), r.totalEffect(from, to));
                }
            }
        }
        double[] ave = r.quality().ave();
        double[] alpha = r.quality().cronbachAlpha();
        double[] rhoC = r.quality().rhoC();
        out.table("constructs", "construct", "mode", "indicators", "R2", "adjusted_R2", "AVE", "alpha", "rho_c");
        for (int j = 0; j < names.size(); j++) {
            Construct c = model.constructs().get(j);
            boolean endogenous = !model.predecessors(c.name()).isEmpty();
            out.row(c.name(), c.mode().name(), c.size(), endogenous ? (Object) r.rSquared(c.name()) : "-",
                endogenous ? (Object) r.adjustedRSquared(c.name()) : "-", ave[j], alpha[j], rhoC[j]);
        }
        out.table("outer model", "construct", "indicator", "weight", "loading");
        for (Construct c : model.constructs()) {
            for (String ind : c.indicators()) {
                out.row(c.name(), ind, r.weight(ind), r.loading(ind));
            }
        }
        out.note("%d respondents, %d iterations (last change %s), GoF %s", r.sampleSize(), r.iterations(),
            org.powercx.core.TextTable.number(r.lastChange()), org.powercx.core.TextTable.number(r.quality().gof()));
        return out;
    }
}
