package org.powercx.examples.consumer;

import java.util.List;
import org.powercx.ahp.Ahp;
import org.powercx.ahp.AhpResult;
import org.powercx.ahp.PairwiseMatrix;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Normalisation;
import org.powercx.core.Weights;

/**
 * Weights four criteria by AHP (powercx-ahp), min-max normalises three customers (powercx-core), scores them,
 * prints the result and checks it. Exits with status 1 if anything differs from what PowerCX documents.
 *
 * <p>Argument: {@code class-path} or {@code module-path}, where the program expects to be running.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "class-path";
        List<String> criteria = List.of("consumption", "revenue", "overdue_days", "load_factor");
        PairwiseMatrix judgments = PairwiseMatrix.fromUpperTriangle(criteria, 2, 3, 5, 2, 3, 2);
        AhpResult ahp = Ahp.withDefaults().evaluate(judgments);
        Weights weights = ahp.weights();

        IndicatorTable customers = IndicatorTable.builder(
                        Indicator.benefit("consumption"), Indicator.benefit("revenue"),
                        Indicator.cost("overdue_days"), Indicator.benefit("load_factor"))
                .row("C001", 1_250_000, 610_000, 0, 0.82)
                .row("C002", 86_000, 41_000, 45, 0.35)
                .row("C003", 420_000, 300_000, 12, 0.64)
                .build();
        IndicatorTable normalised = Normalisation.MIN_MAX.apply(customers);
        double[] w = weights.alignTo(normalised);
        double[] scores = new double[normalised.rowCount()];
        for (int row = 0; row < scores.length; row++) {
            double[] values = normalised.row(row);
            for (int column = 0; column < values.length; column++) {
                scores[row] += w[column] * values[column];
            }
        }

        System.out.println(ahp);
        for (int row = 0; row < scores.length; row++) {
            System.out.printf("%s score %.6f%n", normalised.id(row), scores[row]);
        }

        check(Math.abs(weights.get("consumption") - 0.482886) < 1e-6, "AHP weight of consumption");
        check(Math.abs(weights.get("load_factor") - 0.0881501) < 1e-6, "AHP weight of load_factor");
        check(ahp.isAcceptable(), "AHP consistency");
        check(Math.abs(scores[0] - 1.0) < 1e-12, "C001, best on every criterion, scores 1");
        check(Math.abs(scores[1]) < 1e-12, "C002, worst on every criterion, scores 0");
        check(scores[2] > 0.0 && scores[2] < 1.0, "C003 scores between them");

        Module own = Main.class.getModule();
        Module core = Weights.class.getModule();
        Module ahpModule = Ahp.class.getModule();
        if (mode.equals("module-path")) {
            check(own.isNamed() && own.getName().equals("org.powercx.examples.consumer"), "named consumer module");
            check("org.powercx.core".equals(core.getName()), "powercx-core is module org.powercx.core");
            check("org.powercx.ahp".equals(ahpModule.getName()), "powercx-ahp is module org.powercx.ahp");
        } else {
            check(!own.isNamed() && !core.isNamed() && !ahpModule.isNamed(), "everything on the class path");
        }
        System.out.printf("PowerCX consumer OK on the %s: %s, %s%n", mode,
                core.isNamed() ? core.getName() : "core (unnamed)",
                ahpModule.isNamed() ? ahpModule.getName() : "ahp (unnamed)");
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            System.err.println("PowerCX consumer check failed: " + what);
            System.exit(1);
        }
    }
}
