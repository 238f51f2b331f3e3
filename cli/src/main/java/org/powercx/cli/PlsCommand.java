package org.powercx.cli;

import java.nio.file.Path;
import java.util.List;
import org.powercx.core.CsvReadResult;
import org.powercx.core.IndicatorTable;
import org.powercx.core.MissingValuePolicy;
import org.powercx.satisfaction.Construct;
import org.powercx.satisfaction.InnerScheme;
import org.powercx.satisfaction.PathModel;
import org.powercx.satisfaction.PlsPm;
import org.powercx.satisfaction.PlsResult;
import org.powercx.satisfaction.Scaling;
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
public final class PlsCommand extends Base {
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

    @Option(names = "--report", paramLabel = "HTML", description = "Also write an HTML report with the path diagram.")
    private Path report;

    /** Creates the command; picocli calls it. */
    public PlsCommand() {
        // picocli instantiates the command
    }

    @Override
    protected Output compute() {
        PathModel model = PlsModelFile.read(modelFile);
        CsvReadResult read = Inputs.csv(data, id, model.indicatorNames(), List.of(), java.util.Map.of(), missing);
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
        if (report != null) {
            HtmlReport.create("PLS path model: " + modelFile.getFileName()).pls(r).write(report);
        }
        Output out = describe(r);
        if (read.rowsDropped() > 0 || read.cellsFilled() > 0) {
            out.note("Missing answers: %d rows dropped, %d cells filled with the item mean", read.rowsDropped(),
                read.cellsFilled());
        }
        return out;
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
