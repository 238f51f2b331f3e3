package org.powercx.ahp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * A pairwise comparison matrix with missing judgments. Known entries are positive, finite and reciprocal
 * as in {@link PairwiseMatrix}; a missing entry is NaN, together with its mirror. Weights can be derived
 * only while the comparison graph (criteria as vertices, known judgments as edges) is connected; otherwise
 * completion fails with a message naming the groups that are never compared. Immutable.
 *
 * @since 0.1.0
 */
public final class IncompleteMatrix {
    private static final double LOG_BOUND = Math.log(1e6);
    private static final double SWEEP_TOLERANCE = 1e-8;
    private static final int MAX_SWEEPS = 10_000;

    private final List<String> names;
    private final double[] a;

    private IncompleteMatrix(List<String> names, double[] a) {
        this.names = names;
        this.a = a;
    }

    /**
     * A matrix with NaN for the missing judgments.
     *
     * @param names the criteria, non-blank and unique; not modified
     * @param matrix the square matrix, NaN where a judgment is missing; not modified
     * @return the matrix
     * @throws AhpException if the shape is wrong, a known entry is not positive and finite, a diagonal entry
     *     is not 1, only one of \( a_{ij}, a_{ji} \) is missing, or a known pair is not reciprocal
     */
    public static IncompleteMatrix of(List<String> names, double[][] matrix) {
        List<String> ns = Check.names(names, "incomplete matrix");
        int n = ns.size();
        if (matrix == null || matrix.length != n) {
            throw new AhpException("incomplete matrix over %d criteria %s needs %d rows but has %s", n, ns, n,
                matrix == null ? "none" : String.valueOf(matrix.length));
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            if (matrix[i] == null || matrix[i].length != n) {
                throw new AhpException("row '%s' of the incomplete matrix must have %d entries but has %s",
                    ns.get(i), n, matrix[i] == null ? "none" : String.valueOf(matrix[i].length));
            }
            System.arraycopy(matrix[i], 0, a, i * n, n);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = a[i * n + j];
                if (i == j ? !(Math.abs(v - 1) <= PairwiseMatrix.RECIPROCAL_TOLERANCE)
                        : !Double.isNaN(v) && !Check.isJudgment(v)) {
                    throw new AhpException(i == j ? "diagonal entry a[%s][%s] must be 1 but was %s"
                        : "a[%s][%s] must be positive and finite, between 2.2E-308 and 4.5E307, (or NaN if missing) but was %s",
                        ns.get(i), ns.get(j), v);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double x = a[i * n + j];
                double y = a[j * n + i];
                if (Double.isNaN(x) != Double.isNaN(y)) {
                    int mi = Double.isNaN(x) ? i : j;
                    int mj = Double.isNaN(x) ? j : i;
                    throw new AhpException("a[%s][%s] is missing but a[%s][%s] = %s; give both or neither",
                        ns.get(mi), ns.get(mj), ns.get(mj), ns.get(mi), Check.fmt(a[mj * n + mi]));
                }
                if (!Double.isNaN(x) && !(Math.abs(x * y - 1) <= PairwiseMatrix.RECIPROCAL_TOLERANCE)) {
                    throw new AhpException("matrix is not reciprocal: a[%s][%s] = %s but a[%s][%s] = %s, expected %s",
                        ns.get(i), ns.get(j), Check.fmt(x), ns.get(j), ns.get(i), Check.fmt(y), Check.fmt(1 / x));
                }
            }
        }
        return new IncompleteMatrix(ns, a);
    }

    /** The complete matrix with one judgment pair left out. */
    static IncompleteMatrix without(PairwiseMatrix m, int i, int j) {
        int n = m.size();
        double[] a = m.data().clone();
        a[i * n + j] = Double.NaN;
        a[j * n + i] = Double.NaN;
        return new IncompleteMatrix(m.names(), a);
    }

    /**
     * A matrix with no judgments yet; add them with {@link #with(String, String, double)}.
     *
     * @param names the criteria, non-blank and unique; not modified
     * @return the matrix
     * @throws AhpException if the names are invalid
     */
    public static IncompleteMatrix empty(List<String> names) {
        List<String> ns = Check.names(names, "incomplete matrix");
        int n = ns.size();
        double[] a = new double[n * n];
        Arrays.fill(a, Double.NaN);
        for (int i = 0; i < n; i++) {
            a[i * n + i] = 1;
        }
        return new IncompleteMatrix(ns, a);
    }

    /**
     * The same matrix with one judgment set: \( a_{ij} = v \), \( a_{ji} = 1/v \).
     *
     * @param row criterion \( i \)
     * @param column criterion \( j \ne i \)
     * @param value the judgment, positive and finite
     * @return a new matrix
     * @throws AhpException if a name is unknown, the names are equal or the value invalid
     */
    public IncompleteMatrix with(String row, String column, double value) {
        int i = indexOf(row);
        int j = indexOf(column);
        if (i == j) {
            throw new AhpException("cannot set the diagonal entry a[%s][%s]", row, column);
        }
        Check.judgment(value, "judgment a[" + row + "][" + column + "]");
        int n = names.size();
        double[] b = a.clone();
        b[i * n + j] = value;
        b[j * n + i] = 1 / value;
        return new IncompleteMatrix(names, b);
    }

    private int indexOf(String name) {
        int k = names.indexOf(name);
        if (k < 0) {
            throw new AhpException("unknown criterion '%s'; the matrix compares %s", name, names);
        }
        return k;
    }

    /**
     * The criteria.
     *
     * @return an unmodifiable list
     */
    public List<String> names() {
        return names;
    }

    /**
     * The pairs \( (i, j), i &lt; j \) without a judgment.
     *
     * @return each pair as a two-name list, in row order
     */
    public List<List<String>> missingPairs() {
        int n = names.size();
        List<List<String>> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Double.isNaN(a[i * n + j])) {
                    missing.add(List.of(names.get(i), names.get(j)));
                }
            }
        }
        return missing;
    }

    /**
     * The connected groups of the comparison graph.
     *
     * @return the groups, each in row order, ordered by their first criterion; one group if connected
     */
    public List<List<String>> groups() {
        int n = names.size();
        int[] root = new int[n];
        for (int i = 0; i < n; i++) {
            root[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (!Double.isNaN(a[i * n + j])) {
                    root[find(root, i)] = find(root, j);
                }
            }
        }
        Map<Integer, List<String>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(root, i), k -> new ArrayList<>()).add(names.get(i));
        }
        return new ArrayList<>(groups.values());
    }

    private static int find(int[] root, int i) {
        while (root[i] != i) {
            root[i] = root[root[i]];
            i = root[i];
        }
        return i;
    }

    /**
     * Whether every criterion is compared, directly or through others, with every other.
     *
     * @return true if the comparison graph is connected
     */
    public boolean isConnected() {
        return groups().size() == 1;
    }

    /**
     * Fills in the missing judgments.
     *
     * @param method the completion method
     * @return the completed reciprocal matrix; known judgments are unchanged
     * @throws AhpException if the method is null, the comparison graph is disconnected (the message names
     *     the groups), or the judgments span so many orders of magnitude that the completion leaves the double
     *     range (the message names the most extreme judgment)
     */
    public PairwiseMatrix complete(CompletionMethod method) {
        Check.notNull(method, "completion method");
        List<List<String>> groups = groups();
        if (groups.size() > 1) {
            throw new AhpException("the comparison graph is disconnected: the groups %s are never compared with "
                + "each other; add a judgment between them", groups);
        }
        int n = names.size();
        double[] w = harker();
        double[] b = a.clone();
        List<int[]> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Double.isNaN(a[i * n + j])) {
                    b[i * n + j] = w[i] / w[j];
                    b[j * n + i] = w[j] / w[i];
                    if (!Check.isJudgment(b[i * n + j])) {
                        throw Check.priorityFailure("incomplete matrix", names, a, Double.NaN);
                    }
                    missing.add(new int[] {i, j});
                }
            }
        }
        if (method == CompletionMethod.LAMBDA_MAX_OPTIMAL && !missing.isEmpty()) {
            minimiseLambda(b, n, missing);
            double lambda = Priorities.eigen(b, n, new double[n], Priorities.workspace(n));
            if (!(lambda > 0)) {
                throw Check.priorityFailure("incomplete matrix", names, a, lambda);
            }
        }
        return PairwiseMatrix.trusted(names, b);
    }

    /** Harker's weights: Perron vector of the matrix with zeros for missing and 1 + #missing on the diagonal. */
    private double[] harker() {
        int n = names.size();
        double[] h = a.clone();
        for (int i = 0; i < n; i++) {
            int missing = 0;
            for (int j = 0; j < n; j++) {
                if (Double.isNaN(h[i * n + j])) {
                    h[i * n + j] = 0;
                    missing++;
                }
            }
            h[i * n + i] = 1 + missing;
        }
        double[] w = new double[n];
        double lambda = Priorities.eigen(h, n, w, Priorities.workspace(n));
        if (!(lambda > 0)) {
            throw Check.priorityFailure("incomplete matrix", names, a, lambda);
        }
        return w;
    }

    private static void minimiseLambda(double[] b, int n, List<int[]> missing) {
        double[] w = new double[n];
        double[] tmp = Priorities.workspace(n);
        BrentOptimizer brent = new BrentOptimizer(1e-13, 1e-14);
        try {
            for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
                double moved = 0;
                for (int[] p : missing) {
                    int ij = p[0] * n + p[1];
                    int ji = p[1] * n + p[0];
                    double start = Math.log(b[ij]);
                    UnivariateObjectiveFunction f = new UnivariateObjectiveFunction(x -> {
                        b[ij] = Math.exp(x);
                        b[ji] = Math.exp(-x);
                        double lambda = Priorities.eigen(b, n, w, tmp);
                        // a trial entry whose priorities leave the double range is never optimal
                        return lambda > 0 ? lambda : Double.MAX_VALUE;
                    });
                    // the search interval always contains the start, which can lie beyond the default bound
                    // when the known judgments are extreme
                    double best = brent.optimize(new MaxEval(10_000), f, GoalType.MINIMIZE,
                        new SearchInterval(Math.min(-LOG_BOUND, start - 1), Math.max(LOG_BOUND, start + 1), start))
                        .getPoint();
                    b[ij] = Math.exp(best);
                    b[ji] = Math.exp(-best);
                    moved = Math.max(moved, Math.abs(best - start));
                }
                if (moved <= SWEEP_TOLERANCE) {
                    return;
                }
            }
        } catch (MathIllegalStateException | MathIllegalArgumentException e) {
            throw new AhpException("lambda-max-optimal completion failed: %s", e.getMessage());
        }
    }

    /**
     * The matrix as text, blank where a judgment is missing.
     *
     * @return a readable rendering
     */
    @Override
    public String toString() {
        return PairwiseMatrix.render(names, a);
    }
}
