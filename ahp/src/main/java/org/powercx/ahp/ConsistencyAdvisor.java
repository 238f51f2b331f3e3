package org.powercx.ahp;

import java.util.ArrayList;
import java.util.List;

/**
 * Advice on inconsistent judgments. With priorities \( w \) from the configured {@link Ahp}, the
 * consistency-error matrix is \( e_{ij} = a_{ij} w_j / w_i \), which is all ones exactly when the matrix is
 * consistent; the judgment that contributes most to inconsistency is the one with the largest
 * \( e_{ij} \) (equivalently the largest \( |\ln e_{ij}| \)), and the value that would make it agree with
 * the priorities is \( w_i / w_j \) (Saaty 2003, Decision-making with the AHP: why is the principal
 * eigenvector necessary, European Journal of Operational Research 145(1), 85-91,
 * doi:10.1016/S0377-2217(02)00227-8).
 *
 * <p>{@link #repair(PairwiseMatrix, double)} reaches a target CR greedily. At each step it takes the four
 * judgments of largest consistency error \( |\ln e_{ij}| \) and tries, for each, the value the other judgments
 * imply: \( \tilde w_i / \tilde w_j \) with \( \tilde w \) Harker's priorities of the matrix with
 * \( a_{ij} \) left out (Harker 1987, doi:10.1016/0270-0255(87)90492-1); it keeps the change that lowers CR
 * most and stops as soon as CR is at or below the target, when no tried change lowers it, or after
 * \( n(n-1) \) changes. Each change thus costs eight eigenproblems of order \( n \), \( O(n^3) \), and a
 * repair at most \( O(n^5) \); a random 50 x 50 matrix is repaired to CR 0.1 in about 600 changes and a few
 * seconds. A single mistaken judgment in an otherwise consistent matrix is thus restored in
 * one change. Greedy best-improvement keeps the number of changed judgments small
 * but is not guaranteed minimal. Immutable.
 *
 * @since 0.1.0
 */
public final class ConsistencyAdvisor {
    /** Judgments tried at each step of a repair: those with the largest consistency errors. */
    static final int CANDIDATES = 4;

    private final Ahp ahp;

    private ConsistencyAdvisor(Ahp ahp) {
        this.ahp = ahp;
    }

    /**
     * An advisor using the default {@link Ahp} calculator.
     *
     * @return the advisor
     */
    public static ConsistencyAdvisor withDefaults() {
        return new ConsistencyAdvisor(Ahp.withDefaults());
    }

    /**
     * An advisor using another calculator (priority method, random index and threshold).
     *
     * @param calculator the calculator
     * @return a new advisor
     * @throws AhpException if the calculator is null
     */
    public ConsistencyAdvisor with(Ahp calculator) {
        return new ConsistencyAdvisor(Check.notNull(calculator, "calculator"));
    }

    /**
     * The error matrix, the worst judgment, the value that would make it consistent and the CR after that
     * change.
     *
     * @param matrix the judgments
     * @return the advice
     * @throws AhpException if the matrix is null or has a single criterion (there is no judgment)
     */
    public ConsistencyAdvice advise(PairwiseMatrix matrix) {
        Check.notNull(matrix, "pairwise matrix");
        int n = matrix.size();
        if (n < 2) {
            throw new AhpException("matrix over %s has no judgments to advise on", matrix.names());
        }
        AhpResult before = ahp.evaluate(matrix);
        double[] w = before.weights().values();
        double[] a = matrix.data();
        double[] e = new double[n * n];
        int wi = 0;
        int wj = 1;
        double worst = -1;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                e[i * n + j] = a[i * n + j] * w[j] / w[i];
                if (i != j && e[i * n + j] > worst) {
                    worst = e[i * n + j];
                    wi = i;
                    wj = j;
                }
            }
        }
        List<String> names = matrix.names();
        double suggested = w[wi] / w[wj];
        AhpResult after = ahp.evaluate(matrix.with(names.get(wi), names.get(wj), suggested));
        return new ConsistencyAdvice(before, e, names.get(wi),
            names.get(wj), a[wi * n + wj], suggested, after.consistencyRatio());
    }

    /**
     * Changes judgments one at a time, greedily, until the consistency ratio is at or below a target.
     *
     * @param matrix the judgments
     * @param targetCr the target CR, finite and non-negative
     * @return every change in order, the repaired matrix and whether the target was reached within
     *     \( n(n-1) \) changes
     * @throws AhpException if the matrix is null or the target negative or not finite
     */
    public RepairResult repair(PairwiseMatrix matrix, double targetCr) {
        Check.notNull(matrix, "pairwise matrix");
        Check.nonNegative(targetCr, "target consistency ratio");
        AhpResult start = ahp.evaluate(matrix);
        PairwiseMatrix current = matrix;
        AhpResult result = start;
        List<String> names = matrix.names();
        int n = names.size();
        List<RepairResult.Change> changes = new ArrayList<>();
        int maxChanges = n * (n - 1);
        int[] candidates = new int[Math.min(CANDIDATES, n * (n - 1) / 2)];
        while (result.consistencyRatio() > targetCr && changes.size() < maxChanges) {
            worstJudgments(current, result.weights().values(), candidates);
            PairwiseMatrix best = null;
            double bestValue = 0;
            AhpResult bestResult = null;
            int bi = -1;
            int bj = -1;
            for (int c : candidates) {
                int i = c / n;
                int j = c % n;
                double implied = IncompleteMatrix.without(current, i, j).complete(CompletionMethod.HARKER)
                    .get(i, j);
                PairwiseMatrix candidate = current.with(names.get(i), names.get(j), implied);
                AhpResult r = ahp.evaluate(candidate);
                if (bestResult == null || r.consistencyRatio() < bestResult.consistencyRatio()) {
                    best = candidate;
                    bestValue = implied;
                    bestResult = r;
                    bi = i;
                    bj = j;
                }
            }
            if (!(bestResult.consistencyRatio() < result.consistencyRatio())) {
                break;
            }
            changes.add(new RepairResult.Change(names.get(bi), names.get(bj), current.get(bi, bj), bestValue,
                bestResult.consistencyRatio()));
            current = best;
            result = bestResult;
        }
        return new RepairResult(start, current, result, changes, targetCr);
    }

    /**
     * Fills {@code out} with the judgments above the diagonal of largest error \( |\ln(a_{ij} w_j / w_i)| \),
     * largest first, each as {@code i * n + j}; ties go to the earlier judgment in row order.
     */
    private static void worstJudgments(PairwiseMatrix matrix, double[] w, int[] out) {
        int n = matrix.size();
        double[] a = matrix.data();
        double[] top = new double[out.length];
        int filled = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double error = Math.abs(Math.log(a[i * n + j] * w[j] / w[i]));
                if (filled == out.length && !(error > top[filled - 1])) {
                    continue;
                }
                int k = filled == out.length ? filled - 1 : filled++;
                while (k > 0 && error > top[k - 1]) {
                    top[k] = top[k - 1];
                    out[k] = out[k - 1];
                    k--;
                }
                top[k] = error;
                out[k] = i * n + j;
            }
        }
    }
}
