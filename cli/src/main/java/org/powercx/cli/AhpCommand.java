package org.powercx.cli;

import java.nio.file.Path;
import org.powercx.ahp.Ahp;
import org.powercx.ahp.AhpResult;
import org.powercx.ahp.ConsistencyAdvice;
import org.powercx.ahp.ConsistencyAdvisor;
import org.powercx.ahp.PriorityMethod;
import org.powercx.ahp.RandomIndex;
import org.powercx.ahp.RepairResult;
import org.powercx.core.Weights;
import org.powercx.io.AhpHierarchyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code powercx ahp}: weights, consistency and repair advice for a pairwise comparison matrix or a hierarchy.
 *
 * @since 0.1.0
 */
@Command(name = "ahp", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"AHP weights, consistency ratio and repair advice for a matrix or hierarchy file (JSON).",
        "Advice names, for each node failing the CR test, the judgment a_ij that contributes most to the "
            + "inconsistency (largest |ln a_ij w_j / w_i|), the consistent value w_i / w_j and the CR after "
            + "that change."})
final class AhpCommand extends Base {
    @Parameters(paramLabel = "FILE", description = "Matrix or hierarchy file (see docs/formats.md).")
    private Path file;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "EIGENVECTOR",
        description = "Priority method: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private PriorityMethod method;

    @Option(names = "--random-index", paramLabel = "TABLE", defaultValue = "SAATY_1980",
        description = "Random-index table: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private RandomIndex randomIndex;

    @Option(names = "--threshold", paramLabel = "CR", defaultValue = "0.1",
        description = "Acceptance threshold of the consistency ratio (default: ${DEFAULT-VALUE}).")
    private double threshold;

    @Option(names = "--repair", paramLabel = "CR", arity = "0..1", fallbackValue = "0.1",
        description = "Repair every failing node to this CR (default 0.1) changing as few judgments as possible, "
            + "and list every change.")
    private Double repair;

    @Option(names = "--report", paramLabel = "HTML", description = "Also write an HTML report with charts.")
    private Path report;

    /** Creates the command; picocli calls it. */
    public AhpCommand() {
        // picocli instantiates the command
    }

    @Override
    protected Output compute() {
        Ahp ahp;
        try {
            ahp = Ahp.withDefaults().with(method).with(randomIndex).withConsistencyThreshold(threshold);
        } catch (IllegalArgumentException e) {
            throw new CliException("option --threshold: %s", e.getMessage());
        }
        if (repair != null && !(repair > 0 && repair < 1)) {
            throw new CliException("option --repair: the target CR must be in (0, 1) but was %s", num(repair));
        }
        AhpHierarchyFile h = AhpHierarchyFile.read(file, ahp);
        Output out = describe(h, ahp);
        if (repair != null) {
            out.table("repairs", "node", "row", "column", "old_value", "new_value", "CR_after");
            for (AhpHierarchyFile.Node n : h.nodes()) {
                if (n.result() != null && !n.result().isAcceptable()) {
                    RepairResult fix;
                    try {
                        fix = ConsistencyAdvisor.withDefaults().with(ahp).repair(n.matrix(), repair);
                    } catch (IllegalArgumentException e) {
                        throw n.source().error("repair of node '%s': %s", n.path(), e.getMessage());
                    }
                    for (RepairResult.Change c : fix.changes()) {
                        out.row(n.path(), c.row(), c.column(), c.oldValue(), c.newValue(), c.consistencyRatioAfter());
                    }
                    out.note("Repair of '%s': %d change(s), CR %s -> %s%s", n.path(), fix.changes().size(),
                        num(fix.before().consistencyRatio()), num(fix.after().consistencyRatio()),
                        fix.reached() ? "" : " (target not reached)");
                }
            }
        }
        if (report != null) {
            HtmlReport.create("AHP: " + file.getFileName()).ahp(h).write(report);
        }
        return out;
    }

    /**
     * The tables and advice describing an evaluated hierarchy.
     *
     * @param h the hierarchy
     * @param ahp the calculator used
     * @return the output
     */
    static Output describe(AhpHierarchyFile h, Ahp ahp) {
        Output out = new Output();
        out.table("nodes", "node", "criteria", "lambda_max", "CI", "RI", "CR", "acceptable");
        for (AhpHierarchyFile.Node n : h.nodes()) {
            AhpResult r = n.result();
            if (r == null) {
                out.row(n.path(), n.criteria().size(), "-", "-", "-", "-", "given weights");
            } else {
                out.row(n.path(), n.criteria().size(), r.lambdaMax(), r.consistencyIndex(), r.randomIndex(),
                    r.consistencyRatio(), r.isAcceptable());
            }
        }
        out.table("weights", "node", "criterion", "local", "global");
        for (AhpHierarchyFile.Node n : h.nodes()) {
            for (int i = 0; i < n.criteria().size(); i++) {
                out.row(n.path(), n.criteria().get(i), n.localWeights()[i], n.globalWeight() * n.localWeights()[i]);
            }
        }
        if (h.nodes().size() > 1) {
            out.table("global weights", "criterion", "weight");
            Weights g = h.globalWeights();
            for (String name : g.names()) {
                out.row(name, g.get(name));
            }
            out.note("Hierarchy consistency ratio CR_H = %s", org.powercx.core.TextTable.number(h.consistencyRatio()));
        }
        for (AhpHierarchyFile.Node n : h.nodes()) {
            if (n.result() != null && !n.result().isAcceptable()) {
                out.note("%s", advice(n, ahp));
            }
        }
        return out;
    }

    /**
     * The repair advice for an inconsistent node.
     *
     * @param n the node
     * @param ahp the calculator
     * @return one line
     */
    static String advice(AhpHierarchyFile.Node n, Ahp ahp) {
        ConsistencyAdvice a;
        try {
            a = ConsistencyAdvisor.withDefaults().with(ahp).advise(n.matrix());
        } catch (IllegalArgumentException e) {
            // the weights stand; only the what-if evaluation behind the advice failed (extreme judgments)
            return String.format(java.util.Locale.ROOT,
                "Node '%s' fails the consistency test (CR = %s > %s); no repair advice: %s", n.path(),
                num(n.result().consistencyRatio()), num(n.result().threshold()), e.getMessage());
        }
        return String.format(java.util.Locale.ROOT,
            "Node '%s' fails the consistency test (CR = %s > %s): the judgment a[%s][%s] = %s contributes most; "
                + "the consistent value is %s, which gives CR = %s.",
            n.path(), num(n.result().consistencyRatio()), num(n.result().threshold()), a.worstRow(),
            a.worstColumn(), num(a.currentValue()), num(a.suggestedValue()), num(a.consistencyRatioAfter()));
    }

    private static String num(double v) {
        return org.powercx.core.TextTable.number(v);
    }
}
