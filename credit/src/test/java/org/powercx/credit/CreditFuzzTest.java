package org.powercx.credit;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

/**
 * Fuzzes the discriminant fit and everything downstream of it (scoring, posteriors, ROC, grades,
 * sensitivity, cross-validation) on small tables built by {@link FuzzedDataProvider}: any input either gives
 * a valid model and valid results (finite coefficients, posteriors summing to 1, AUC in [0, 1]) or raises
 * {@link CreditException} with a non-blank message; any other exception is a failure. The credit module has
 * no reader of untrusted files, so the fit is the entry point fuzzed. In a normal test run this replays the
 * corpus under {@code CreditFuzzTestInputs}; with {@code JAZZER_FUZZ=1} it fuzzes for as long as
 * {@code -Djazzer.max_duration} allows.
 */
class CreditFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyTableFitsOrFailsWithCreditException(FuzzedDataProvider data) {
        int n = data.consumeInt(0, 14);
        int p = data.consumeInt(1, 4);
        int shrink = data.consumeInt(0, 2);
        boolean wide = data.consumeBoolean();
        List<Indicator> inds = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            inds.add(Indicator.benefit("f" + j));
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = wide ? data.consumeInt() : data.consumeInt(0, 2);
        }
        double[][] cols = new double[p][n];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) {
                int kind = data.consumeInt(0, 3);
                cols[j][i] = switch (kind) {
                    case 0 -> data.consumeInt(-4, 4);
                    case 1 -> data.consumeRegularDouble(-10, 10);
                    case 2 -> data.consumeRegularDouble();
                    default -> data.consumeDouble();
                };
            }
        }
        try {
            LinearDiscriminant lda = LinearDiscriminant.withDefaults().withShrinkage(switch (shrink) {
                case 0 -> Shrinkage.none();
                case 1 -> Shrinkage.fixed(data.consumeProbabilityDouble());
                default -> Shrinkage.ledoitWolf();
            });
            DiscriminantModel model = lda.fit(inds, cols, labels);
            check(model, cols, labels, data.consumeLong());
        } catch (CreditException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("blank message", expected);
            }
        }
    }

    private static void check(DiscriminantModel model, double[][] cols, int[] labels, long seed) {
        for (double[] row : model.coefficients()) {
            requireFinite(row, "coefficient");
        }
        requireFinite(model.intercepts(), "intercept");
        requireFinite(model.overallMean(), "overall mean");
        double sum = Arrays.stream(model.priors()).sum();
        if (!(Math.abs(sum - 1) < 1e-9)) {
            throw new AssertionError("priors sum to " + sum);
        }
        double[][] cov = model.pooledCovariance();
        for (int j = 0; j < cov.length; j++) {
            requireFinite(cov[j], "covariance");
            if (!(cov[j][j] > 0)) {
                throw new AssertionError("pooled variance " + cov[j][j]);
            }
        }
        int n = labels.length;
        int p = cols.length;
        for (int i = 0; i < n; i++) {
            double[] row = new double[p];
            for (int j = 0; j < p; j++) {
                row[j] = cols[j][i];
            }
            double[] post;
            try {
                post = model.probabilities(row);
            } catch (CreditException overflow) {
                continue;
            }
            requireFinite(post, "posterior");
            double total = Arrays.stream(post).sum();
            if (!(Math.abs(total - 1) < 1e-9)) {
                throw new AssertionError("posteriors sum to " + total);
            }
            int predicted = model.predict(row);
            if (Arrays.stream(model.classes()).noneMatch(c -> c == predicted)) {
                throw new AssertionError("predicted unknown class " + predicted);
            }
        }
        if (!model.isBinary()) {
            return;
        }
        double[] z = new double[n];
        model.scores(cols, z);
        requireFinite(z, "score");
        int[] outcomes = new int[n];
        int low = model.classes()[0];
        for (int i = 0; i < n; i++) {
            outcomes[i] = labels[i] == low ? 0 : 1;
        }
        RocCurve roc = RocCurve.of(z, outcomes);
        if (!(roc.auc() >= 0 && roc.auc() <= 1)) {
            throw new AssertionError("AUC " + roc.auc());
        }
        CreditGrades grades = CreditGrades.byQuantiles(z);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("c" + i);
        }
        IndicatorTable table = IndicatorTable.ofColumns(model.indicators(), ids, cols);
        SensitivityResult s = SensitivityAnalysis.of(model).withGrades(grades).population(table);
        requireFinite(s.probabilityUp(), "sensitivity");
        requireFinite(s.scoreUp(), "sensitivity");
        CrossValidationResult cv = CrossValidation.stratified(2, seed).run(LinearDiscriminant.withDefaults(), table,
            outcomes);
        requireFinite(cv.outOfFoldScores(), "out-of-fold score");
    }

    private static void requireFinite(double[] values, String what) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new AssertionError(what + " is not finite: " + Arrays.toString(values));
            }
        }
    }
}
