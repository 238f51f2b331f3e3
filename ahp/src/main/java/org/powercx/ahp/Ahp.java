package org.powercx.ahp;

import org.powercx.core.Weights;

/**
 * The Analytic Hierarchy Process calculator: priority weights and consistency of a pairwise comparison
 * matrix.
 *
 * <p>For a matrix \( A \) of order \( n \) with priorities \( w \) and principal eigenvalue
 * \( \lambda_{max} \), the consistency index is \( CI = (\lambda_{max} - n)/(n - 1) \) (clamped at 0 against
 * rounding), the consistency ratio \( CR = CI / RI_n \) with a {@link RandomIndex} table, and the
 * judgments are acceptable when \( CR \le \) the threshold (0.1 by default, Saaty 1980). For
 * \( n \le 2 \), \( CR = 0 \) by definition. Saaty, T. L. (1977), A scaling method for priorities in
 * hierarchical structures, Journal of Mathematical Psychology 15(3), 234-281,
 * doi:10.1016/0022-2496(77)90033-5.
 *
 * <p>Instances are immutable and thread-safe; {@code with...} methods return new instances.
 *
 * @since 0.1.0
 */
public final class Ahp {
    /** Saaty's acceptance threshold for the consistency ratio. */
    public static final double DEFAULT_THRESHOLD = 0.1;

    private static final Ahp DEFAULT = new Ahp(PriorityMethod.EIGENVECTOR, RandomIndex.SAATY_1980,
        DEFAULT_THRESHOLD);

    private final PriorityMethod method;
    private final RandomIndex randomIndex;
    private final double threshold;

    private Ahp(PriorityMethod method, RandomIndex randomIndex, double threshold) {
        this.method = method;
        this.randomIndex = randomIndex;
        this.threshold = threshold;
    }

    /**
     * The default calculator: principal eigenvector, Saaty's 1980 random indices, threshold 0.1.
     *
     * @return the calculator
     */
    public static Ahp withDefaults() {
        return DEFAULT;
    }

    /**
     * A calculator using another priority method.
     *
     * @param priorityMethod the method
     * @return a new calculator
     * @throws AhpException if the method is null
     */
    public Ahp with(PriorityMethod priorityMethod) {
        return new Ahp(Check.notNull(priorityMethod, "priority method"), randomIndex, threshold);
    }

    /**
     * A calculator using another random-index table.
     *
     * @param table the table
     * @return a new calculator
     * @throws AhpException if the table is null
     */
    public Ahp with(RandomIndex table) {
        return new Ahp(method, Check.notNull(table, "random index"), threshold);
    }

    /**
     * A calculator with another acceptance threshold for the consistency ratio.
     *
     * @param maxConsistencyRatio the largest acceptable CR, finite and non-negative
     * @return a new calculator
     * @throws AhpException if the threshold is negative, NaN or infinite
     */
    public Ahp withConsistencyThreshold(double maxConsistencyRatio) {
        return new Ahp(method, randomIndex, Check.nonNegative(maxConsistencyRatio, "consistency threshold"));
    }

    /**
     * The priority method.
     *
     * @return the method
     */
    public PriorityMethod priorityMethod() {
        return method;
    }

    /**
     * The random-index table.
     *
     * @return the table
     */
    public RandomIndex randomIndex() {
        return randomIndex;
    }

    /**
     * The acceptance threshold.
     *
     * @return the largest acceptable CR
     */
    public double consistencyThreshold() {
        return threshold;
    }

    /**
     * Priorities and consistency of a matrix.
     *
     * @param matrix the pairwise comparisons
     * @return the result
     * @throws AhpException if the matrix is null, its order is beyond the random-index table, or its judgments
     *     span so many orders of magnitude that a priority or \( \lambda_{max} \) leaves the double range (the
     *     message names the most extreme judgment)
     */
    public AhpResult evaluate(PairwiseMatrix matrix) {
        Check.notNull(matrix, "pairwise matrix");
        int n = matrix.size();
        double ri = randomIndex.value(n);
        double[] a = matrix.data();
        double[] w = new double[n];
        double lambda = Priorities.compute(method, a, n, w, Priorities.workspace(n));
        if (!(lambda > 0)) {
            throw Check.priorityFailure("pairwise matrix", matrix.names(), a, lambda);
        }
        double ci = Priorities.ci(lambda, n);
        double cr = n <= 2 ? 0 : ci / ri;
        return new AhpResult(matrix, Weights.normalized(matrix.names(), w), lambda, ci, ri, cr, method, threshold);
    }

    /**
     * Completes an incomplete matrix and evaluates the completed matrix. With the eigenvector method and
     * {@link CompletionMethod#HARKER} the weights are Harker's and \( \lambda_{max} \) is that of Harker's
     * matrix.
     *
     * @param matrix the incomplete comparisons
     * @param completion how to fill in the missing judgments
     * @return the completed matrix and its evaluation
     * @throws AhpException if an argument is null, the comparison graph is disconnected (the message names
     *     the groups) or the judgments span more than the double range (the message names the most extreme)
     */
    public CompletionResult evaluate(IncompleteMatrix matrix, CompletionMethod completion) {
        Check.notNull(matrix, "incomplete matrix");
        PairwiseMatrix completed = matrix.complete(completion);
        return new CompletionResult(completion, completed, evaluate(completed));
    }

    /**
     * The consistency ratio of a row-major matrix without building a result: the kernel behind
     * {@link #evaluate(PairwiseMatrix)} for bulk use.
     *
     * @param matrix row-major \( n \times n \) valid reciprocal matrix; not modified
     * @param n the order
     * @param weights output, at least \( n \) long; modified (receives the priorities)
     * @param scratch work space, at least \( n^2 + 3n \) long; modified
     * @return the consistency ratio, or the failure code of {@link Priorities#compute} (NaN or negative)
     */
    double consistencyRatio(double[] matrix, int n, double[] weights, double[] scratch) {
        double lambda = Priorities.compute(method, matrix, n, weights, scratch);
        if (!(lambda > 0)) {
            return lambda;
        }
        return n <= 2 ? 0 : Priorities.ci(lambda, n) / randomIndex.value(n);
    }

    @Override
    public String toString() {
        return "Ahp[" + method + ", " + randomIndex + ", CR <= " + threshold + "]";
    }
}
