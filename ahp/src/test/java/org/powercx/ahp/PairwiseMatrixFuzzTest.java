package org.powercx.ahp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.powercx.core.CoreException;
import org.powercx.core.Weights;

/**
 * Fuzzes the public factories of the module (pairwise matrices from an upper triangle, a full array or by
 * replacing judgments; incomplete matrices; hierarchies and expert groups built from fuzzed names and
 * judgments) and evaluates whatever they accept. Every input either gives a valid result (finite positive
 * weights summing to 1, finite non-negative consistency figures, a reciprocal completion that keeps the known
 * judgments) or raises {@link AhpException} with a message; any other exception fails. In a normal test run
 * the committed corpus under {@code PairwiseMatrixFuzzTestInputs} is replayed; with {@code JAZZER_FUZZ=1} it
 * fuzzes for as long as {@code -Djazzer.max_duration} allows.
 */
class PairwiseMatrixFuzzTest {
    private static final double[] SCALE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1.0 / 2, 1.0 / 3, 1.0 / 5, 1.0 / 9};
    private static final List<String> POOL = List.of("g", "a", "b", "c", "d", "x", "y", " ", "");

    /** A judgment: any double, a Saaty value, or a value from 1e-320 to 1e320. */
    private static double judgment(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 3)) {
            case 0:
                return data.consumeDouble();
            case 1:
                return Math.exp(data.consumeRegularDouble(-737, 737));
            default:
                return SCALE[data.consumeInt(0, SCALE.length - 1)];
        }
    }

    private static List<String> names(FuzzedDataProvider data, int n) {
        List<String> names = new ArrayList<>();
        boolean fuzzed = data.consumeBoolean();
        for (int k = 0; k < n; k++) {
            names.add(fuzzed ? data.consumeString(4) : "c" + k);
        }
        return names;
    }

    private static void expected(AhpException e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError("AhpException without a message", e);
        }
    }

    private static void check(boolean condition, String what, Object value) {
        if (!condition) {
            throw new AssertionError(what + ": " + value);
        }
    }

    private static void checkWeights(Weights w, boolean positive) {
        double sum = 0;
        for (double v : w.values()) {
            check(Double.isFinite(v) && (positive ? v > 0 : v >= 0), "weight", v);
            sum += v;
        }
        check(Math.abs(sum - 1) <= 1e-9, "weights sum", sum);
    }

    private static void checkResult(AhpResult r, PairwiseMatrix m) {
        checkWeights(r.weights(), true);
        check(r.weights().names().equals(m.names()), "weight names", r.weights().names());
        check(Double.isFinite(r.lambdaMax()) && r.lambdaMax() > 0, "lambda max", r.lambdaMax());
        check(Double.isFinite(r.consistencyIndex()) && r.consistencyIndex() >= 0, "CI", r.consistencyIndex());
        check(Double.isFinite(r.consistencyRatio()) && r.consistencyRatio() >= 0, "CR", r.consistencyRatio());
        double gci = r.geometricConsistencyIndex();
        check(gci >= 0 && gci <= Double.POSITIVE_INFINITY, "GCI", gci);
        check(!r.toString().isBlank(), "toString", r);
    }

    private static void checkMatrix(PairwiseMatrix m) {
        int n = m.size();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = m.get(i, j);
                check(v > 0 && Double.isFinite(v) && Double.isFinite(1 / v), "entry", v);
                check(Math.abs(v * m.get(j, i) - 1) <= 1e-9, "reciprocity", v);
            }
        }
        check(!m.toString().isBlank(), "toString", m);
    }

    private static PairwiseMatrix matrix(FuzzedDataProvider data, List<String> names) {
        int n = names.size();
        switch (data.consumeInt(0, 2)) {
            case 0: {
                int size = n * (n - 1) / 2;
                if (data.consumeInt(0, 9) == 0) {
                    size = Math.max(0, size + data.consumeInt(-1, 1));
                }
                double[] upper = new double[size];
                for (int k = 0; k < upper.length; k++) {
                    upper[k] = judgment(data);
                }
                return PairwiseMatrix.fromUpperTriangle(names, upper);
            }
            case 1: {
                double[][] a = new double[n + (data.consumeInt(0, 9) == 0 ? 1 : 0)][];
                for (int i = 0; i < a.length; i++) {
                    a[i] = new double[data.consumeInt(0, 15) == 0 ? data.consumeInt(0, n + 1) : n];
                    for (int j = 0; j < a[i].length; j++) {
                        if (i == j) {
                            a[i][j] = data.consumeInt(0, 15) == 0 ? judgment(data) : 1;
                        } else if (j < i && i < a[j].length && data.consumeInt(0, 7) != 0) {
                            a[i][j] = 1 / a[j][i];
                        } else {
                            a[i][j] = judgment(data);
                        }
                    }
                }
                return PairwiseMatrix.of(names, a);
            }
            default: {
                PairwiseMatrix m = PairwiseMatrix.fromUpperTriangle(names, ones(n * (n - 1) / 2));
                int changes = data.consumeInt(0, 6);
                for (int k = 0; k < changes && n > 0; k++) {
                    String row = names.get(data.consumeInt(0, n - 1));
                    String column = data.consumeBoolean() ? names.get(data.consumeInt(0, n - 1)) : data.consumeString(3);
                    m = m.with(row, column, judgment(data));
                }
                return m;
            }
        }
    }

    private static double[] ones(int k) {
        double[] v = new double[k];
        java.util.Arrays.fill(v, 1);
        return v;
    }

    private static Ahp calculator(FuzzedDataProvider data) {
        return Ahp.withDefaults().with(data.pickValue(PriorityMethod.values()))
            .with(data.pickValue(RandomIndex.values()));
    }

    /**
     * The repair the command line runs with {@code --repair}, on matrices of up to {@value #CHEAP_REPAIR}
     * criteria: cheap enough (at most 30 changes of order-6 eigenproblems) to run a million times. See
     * {@link #repair(FuzzedDataProvider, int)} for what it checks; {@link #repairOfUpToTwentyCriteria} checks
     * the same on larger matrices.
     */
    @FuzzTest(maxDuration = "30s")
    void repairIsBoundedAndReportsEveryChange(FuzzedDataProvider data) {
        repair(data, CHEAP_REPAIR);
    }

    /**
     * The same checks as {@link #repairIsBoundedAndReportsEveryChange} on matrices of up to 20 criteria (up to
     * 380 changes): a deep target, tens of milliseconds to a second per input, fuzzed for a time rather than to
     * a number of executions.
     */
    @FuzzTest(maxDuration = "30s")
    void repairOfUpToTwentyCriteria(FuzzedDataProvider data) {
        repair(data, 20);
    }

    /** Criteria of the high-volume repair target. */
    static final int CHEAP_REPAIR = 6;

    /**
     * On a random matrix of up to {@code maxCriteria} criteria (Saaty values, or any judgment from 1e-320 to
     * 1e320) under a fuzzed random-index table and target, the repair stops within the documented \( n(n-1) \)
     * changes, each change lowers the consistency ratio it reports, replaying the changes gives the repaired
     * matrix, and {@code reached()} says whether the target was met. The order is capped so that every judgment
     * comes from the input (\( n(n-1)/2 \) at most the bytes left): the work grows with the input, not with a
     * single fuzzed byte.
     */
    private static void repair(FuzzedDataProvider data, int maxCriteria) {
        int n = data.consumeInt(1, maxCriteria);
        while (n > 1 && n * (n - 1) / 2 > data.remainingBytes()) {
            n--;
        }
        List<String> names = names(data, n);
        double[] upper = new double[n * (n - 1) / 2];
        boolean saaty = data.consumeBoolean();
        for (int k = 0; k < upper.length; k++) {
            upper[k] = saaty ? SCALE[data.consumeInt(0, SCALE.length - 1)] : judgment(data);
        }
        double target = data.consumeBoolean() ? data.consumeDouble() : data.consumeInt(0, 20) / 100.0;
        try {
            PairwiseMatrix m = PairwiseMatrix.fromUpperTriangle(names, upper);
            Ahp ahp = Ahp.withDefaults().with(data.pickValue(RandomIndex.values()));
            RepairResult r = ConsistencyAdvisor.withDefaults().with(ahp).repair(m, target);
            check(r.changes().size() <= n * (n - 1), "changes", r.changes().size());
            double before = r.before().consistencyRatio();
            PairwiseMatrix replay = m;
            for (RepairResult.Change c : r.changes()) {
                check(c.consistencyRatioAfter() < before, "CR after a change", c);
                before = c.consistencyRatioAfter();
                replay = replay.with(c.row(), c.column(), c.newValue());
            }
            check(replay.equals(r.repaired()), "replayed changes", r);
            double after = r.after().consistencyRatio();
            check(r.reached() == (after <= target), "reached", r);
            check(!r.reached() || r.changes().isEmpty() || r.changes().get(r.changes().size() - 1)
                .consistencyRatioAfter() <= target, "last change", r);
        } catch (AhpException e) {
            expected(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void pairwiseMatrixFactoriesAcceptOrRejectWithAhpException(FuzzedDataProvider data) {
        try {
            List<String> names = names(data, data.consumeInt(0, 16));
            PairwiseMatrix m = matrix(data, names);
            checkMatrix(m);
            Ahp ahp = calculator(data);
            AhpResult r = ahp.evaluate(m);
            checkResult(r, m);
            if (m.size() >= 2 && data.consumeBoolean()) {
                ConsistencyAdvice advice = ConsistencyAdvisor.withDefaults().with(ahp).advise(m);
                check(!advice.toString().isBlank(), "advice", advice);
            }
        } catch (AhpException e) {
            expected(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void incompleteMatrixFactoriesAcceptOrRejectWithAhpException(FuzzedDataProvider data) {
        try {
            int n = data.consumeInt(0, 8);
            List<String> names = names(data, n);
            IncompleteMatrix im;
            double[][] known = new double[n][n];
            for (double[] row : known) {
                java.util.Arrays.fill(row, Double.NaN);
            }
            if (data.consumeBoolean()) {
                double[][] a = new double[n][];
                for (int i = 0; i < n; i++) {
                    a[i] = new double[data.consumeInt(0, 15) == 0 ? data.consumeInt(0, n + 1) : n];
                    for (int j = 0; j < a[i].length; j++) {
                        boolean missing = i != j && data.consumeInt(0, 2) == 0;
                        a[i][j] = i == j ? 1 : missing ? Double.NaN
                            : j < i && j < a.length && a[j] != null && i < a[j].length && data.consumeInt(0, 7) != 0
                                ? 1 / a[j][i] : judgment(data);
                    }
                }
                im = IncompleteMatrix.of(names, a);
                known = a;
            } else {
                im = IncompleteMatrix.empty(names);
                int judgments = data.consumeInt(0, 12);
                for (int k = 0; k < judgments && n > 0; k++) {
                    String row = names.get(data.consumeInt(0, n - 1));
                    String column = data.consumeBoolean() ? names.get(data.consumeInt(0, n - 1)) : data.consumeString(3);
                    double v = judgment(data);
                    im = im.with(row, column, v);
                    known[names.indexOf(row)][names.indexOf(column)] = v;
                    known[names.indexOf(column)][names.indexOf(row)] = 1 / v;
                }
            }
            check(!im.toString().isBlank(), "toString", im);
            check(im.isConnected() == (im.groups().size() == 1), "groups", im.groups());
            CompletionMethod method = n <= 5 ? data.pickValue(CompletionMethod.values()) : CompletionMethod.HARKER;
            CompletionResult r = calculator(data).evaluate(im, method);
            PairwiseMatrix c = r.completed();
            checkMatrix(c);
            checkResult(r.result(), c);
            List<List<String>> missing = im.missingPairs();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i == j) {
                        check(c.get(i, i) == 1, "diagonal", c.get(i, i));
                    } else if (!Double.isNaN(known[i][j])) {
                        check(c.get(i, j) == known[i][j], "known judgment changed", c.get(i, j));
                    } else {
                        check(missing.contains(i < j ? List.of(names.get(i), names.get(j))
                            : List.of(names.get(j), names.get(i))), "missing pair not listed", names.get(i));
                    }
                }
            }
        } catch (AhpException e) {
            expected(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void hierarchiesAndGroupsAcceptOrRejectWithAhpException(FuzzedDataProvider data) {
        try {
            if (data.consumeBoolean()) {
                hierarchy(data);
            } else {
                group(data);
            }
        } catch (AhpException e) {
            expected(e);
        }
    }

    private static List<String> pick(FuzzedDataProvider data, int count) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            names.add(data.consumeInt(0, 15) == 0 ? data.consumeString(3) : data.pickValue(POOL));
        }
        return names;
    }

    private static Object content(FuzzedDataProvider data, List<String> children) {
        if (data.consumeBoolean()) {
            return matrix(data, children);
        }
        double[] values = new double[children.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = data.consumeRegularDouble(0, 10);
        }
        try {
            return Weights.normalised(children, values);
        } catch (CoreException e) {
            return null; // the harness could not build the given weights; not a module input
        }
    }

    private static void hierarchy(FuzzedDataProvider data) {
        String goal = data.pickValue(POOL);
        Object top = content(data, pick(data, data.consumeInt(1, 5)));
        if (top == null) {
            return;
        }
        Hierarchy.Builder b = top instanceof PairwiseMatrix m ? Hierarchy.builder(goal, m)
            : Hierarchy.builder(goal, (Weights) top);
        int nodes = data.consumeInt(0, 5);
        for (int k = 0; k < nodes; k++) {
            String name = data.pickValue(POOL);
            Object c = content(data, pick(data, data.consumeInt(1, 5)));
            if (c == null) {
                return;
            }
            b = c instanceof PairwiseMatrix m ? b.node(name, m) : b.node(name, (Weights) c);
        }
        Hierarchy h = b.build();
        HierarchyResult r = h.evaluate(calculator(data));
        checkWeights(r.leafWeights(), false);
        check(Double.isFinite(r.consistencyRatio()) && r.consistencyRatio() >= 0, "hierarchy CR", r.consistencyRatio());
        for (String node : h.nodeNames()) {
            double g = r.globalWeight(node);
            check(g >= 0 && g <= 1 + 1e-9, "global weight", g);
        }
        check(!r.toString().isBlank(), "toString", r);
    }

    private static void group(FuzzedDataProvider data) {
        int experts = data.consumeInt(0, 6);
        int n = data.consumeInt(1, 7);
        List<String> names = names(data, n);
        List<PairwiseMatrix> judgments = new ArrayList<>();
        double[] weights = new double[data.consumeInt(0, 9) == 0 ? data.consumeInt(0, 7) : experts];
        for (int k = 0; k < experts; k++) {
            judgments.add(matrix(data, data.consumeInt(0, 9) == 0 ? names(data, n) : names));
        }
        for (int k = 0; k < weights.length; k++) {
            weights[k] = data.consumeBoolean() ? data.consumeDouble() : data.consumeInt(0, 5);
        }
        GroupAhp g = GroupAhp.withDefaults().with(data.pickValue(Aggregation.values())).with(calculator(data))
            .withInconsistentExcluded(data.consumeBoolean());
        GroupResult r = g.evaluate(judgments, weights);
        checkWeights(r.weights(), true);
        checkMatrix(r.aggregatedMatrix());
        checkResult(r.aggregatedResult(), r.aggregatedMatrix());
        for (double s : r.dispersion()) {
            check(Double.isFinite(s) && s >= 0, "dispersion", s);
        }
        check(r.includedCount() >= 1, "included", r.includedCount());
        check(!r.toString().isBlank(), "toString", r);
    }
}
