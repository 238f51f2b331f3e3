package org.powercx.grey;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.powercx.core.CoreException;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Normalisation;
import org.powercx.core.Weights;

/**
 * Fuzzes the grey module's entry points on values built by {@link FuzzedDataProvider}: GM(1,1) and DGM(1,1) on
 * arbitrary series, grey relational analysis on arbitrary tables, configurations, references and new
 * customers, and the degrees of grey incidence. Any input either gives a valid result (finite values, grades and
 * degrees in (0, 1]) or raises {@link GreyException} with a non-blank message; any other exception is a failure.
 * Tables and weights are built with core first: inputs that core itself rejects are not the grey module's and
 * are skipped. In a normal test run this replays the corpus under {@code GreyFuzzTestInputs}; with
 * {@code JAZZER_FUZZ=1} it fuzzes for as long as {@code -Djazzer.max_duration} allows.
 */
class GreyFuzzTest {

    private static double value(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 4)) {
            case 0 -> data.consumeInt(-3, 9);
            case 1 -> data.consumeRegularDouble(0, 100);
            case 2 -> data.consumeRegularDouble(-1e3, 1e3);
            case 3 -> data.consumeRegularDouble();
            default -> data.consumeDouble();
        };
    }

    private static double[] values(FuzzedDataProvider data, int n) {
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = value(data);
        }
        return x;
    }

    private static void expected(GreyException e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError("blank message", e);
        }
    }

    private static void requireFinite(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new AssertionError(what + " is " + v);
        }
    }

    private static void requireUnit(double v, String what) {
        if (!(v > 0 && v <= 1)) {
            throw new AssertionError(what + " is " + v + ", not in (0, 1]");
        }
    }

    @FuzzTest(maxDuration = "30s")
    void forecastingModelsFitOrFailWithGreyException(FuzzedDataProvider data) {
        GreyModel gm = GreyModel.withDefaults()
            .with(data.consumeBoolean() ? LevelRatioPolicy.SHIFT : LevelRatioPolicy.REPORT)
            .with(data.consumeBoolean() ? ResidualRange.ALL : ResidualRange.FROM_SECOND);
        int steps = data.consumeInt(-1, 40);
        double[] x = values(data, data.consumeInt(0, 12));
        try {
            GreyModelFit fit = gm.fit(x);
            requireFinite(fit.a(), "a");
            requireFinite(fit.b(), "b");
            requireFinite(fit.shift(), "shift");
            for (double v : fit.fitted()) {
                requireFinite(v, "fitted value");
            }
            for (double v : fit.residuals()) {
                requireFinite(v, "residual");
            }
            if (!(fit.mape() >= 0) || !(fit.posteriorVarianceRatio() >= 0)) {
                throw new AssertionError("MAPE " + fit.mape() + ", C " + fit.posteriorVarianceRatio());
            }
            double p = fit.smallErrorProbability();
            if (!(p >= 0 && p <= 1)) {
                throw new AssertionError("P is " + p);
            }
            if (fit.toString().isBlank()) {
                throw new AssertionError("blank rendering");
            }
            for (double v : fit.forecast(steps)) {
                requireFinite(v, "forecast");
            }
        } catch (GreyException e) {
            expected(e);
        }
        try {
            DiscreteGreyModel dgm = DiscreteGreyModel.fit(x);
            requireFinite(dgm.beta1(), "beta1");
            requireFinite(dgm.beta2(), "beta2");
            for (double v : dgm.forecast(steps)) {
                requireFinite(v, "DGM forecast");
            }
        } catch (GreyException e) {
            expected(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void relationalAnalysisScoresOrFailsWithGreyException(FuzzedDataProvider data) {
        int n = data.consumeInt(0, 8);
        int m = data.consumeInt(1, 4);
        List<Indicator> inds = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            inds.add(switch (data.consumeInt(0, 2)) {
                case 0 -> Indicator.benefit("i" + j);
                case 1 -> Indicator.cost("i" + j);
                default -> Indicator.target("i" + j, data.consumeRegularDouble(-1e3, 1e3));
            });
        }
        List<String> ids = new ArrayList<>();
        double[][] columns = new double[m][n];
        for (int i = 0; i < n; i++) {
            ids.add("c" + i);
            for (int j = 0; j < m; j++) {
                columns[j][i] = value(data);
            }
        }
        double[] rawWeights = new double[m];
        for (int j = 0; j < m; j++) {
            rawWeights[j] = data.consumeRegularDouble(0, 10);
        }
        IndicatorTable table;
        Weights weights;
        try {
            table = IndicatorTable.ofColumns(inds, ids, columns);
            weights = Weights.normalised(table.indicatorNames(), rawWeights);
        } catch (CoreException notOurs) {
            return;
        }
        Normalisation method = data.pickValue(Normalisation.values());
        double rho = data.consumeBoolean() ? data.consumeDouble() : data.consumeRegularDouble(0, 1);
        int referenceKind = data.consumeInt(0, 2);
        double[] newRow = values(data, data.consumeBoolean() ? m : data.consumeInt(0, 5));
        try {
            Reference reference = switch (referenceKind) {
                case 0 -> Reference.ideal();
                case 1 -> Reference.values(values(data, data.consumeInt(0, 5)));
                default -> Reference.customer(data.consumeString(4));
            };
            GreyRelationalModel model = GreyRelationalAnalysis.withDefaults().with(method).with(reference)
                .withDistinguishingCoefficient(rho).withThreads(data.consumeInt(1, 3)).fit(table, weights);
            GreyRelationalResult r = model.evaluate(table);
            double[] grades = model.grades(table);
            for (int i = 0; i < n; i++) {
                requireUnit(r.grades()[i], "grade of " + table.id(i));
                if (grades[i] != r.grades()[i]) {
                    throw new AssertionError("grades(table) and evaluate(table) differ at row " + i);
                }
                for (double xi : r.coefficients()[i]) {
                    requireUnit(xi, "coefficient");
                }
            }
            if (r.toString().isBlank() || model.toString().isBlank()) {
                throw new AssertionError("blank rendering");
            }
            requireUnit(model.grade(newRow), "grade of a new customer");
        } catch (GreyException e) {
            expected(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void incidenceDegreesLieInTheUnitIntervalOrFailWithGreyException(FuzzedDataProvider data) {
        int n = data.consumeInt(0, 8);
        double[] reference = values(data, n);
        double[][] comparisons = new double[data.consumeInt(0, 3)][];
        for (int i = 0; i < comparisons.length; i++) {
            comparisons[i] = values(data, data.consumeBoolean() ? n : data.consumeInt(0, 8));
        }
        SequenceOperator operator = data.pickValue(SequenceOperator.values());
        double rho = data.consumeBoolean() ? data.consumeDouble() : data.consumeRegularDouble(0, 1);
        try {
            for (double d : GreyIncidence.withDefaults().with(operator).withDistinguishingCoefficient(rho)
                    .deng(reference, comparisons)) {
                requireUnit(d, "Deng's degree");
            }
        } catch (GreyException e) {
            expected(e);
        }
        try {
            requireUnit(GreyIncidence.withDefaults().absolute(reference,
                comparisons.length > 0 ? comparisons[0] : null), "absolute degree");
        } catch (GreyException e) {
            expected(e);
        }
    }
}
