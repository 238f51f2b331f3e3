package org.powercx.ahp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.powercx.core.TextTable;
import org.powercx.core.Weights;

/**
 * Priorities and consistency of one pairwise comparison matrix, as computed by {@link Ahp#evaluate}.
 *
 * <p>The geometric consistency index (Aguaron and Moreno-Jimenez 2003, doi:10.1016/S0377-2217(02)00255-2)
 * is \( GCI = \frac{2}{(n-1)(n-2)} \sum_{i &lt; j} \ln^2 (a_{ij} w_j / w_i) \) (0 for \( n \le 2 \)); it is the
 * natural index for {@link PriorityMethod#GEOMETRIC_MEAN}, with thresholds 0.31 (\( n = 3 \)), 0.35
 * (\( n = 4 \)) and 0.37 (\( n > 4 \)), see {@link #gciThreshold(int)}.
 *
 * <p>A result is a value: {@link #of(Parameters)} rebuilds it from {@link #parameters()} with identical
 * accessors, and it is {@link java.io.Serializable} through a serialization proxy holding the parameters.
 *
 * @since 0.1.0
 * @serial exclude
 */
public final class AhpResult implements java.io.Serializable {
    private final PairwiseMatrix matrix;
    private final Weights weights;
    private final double lambdaMax;
    private final double consistencyIndex;
    private final double randomIndex;
    private final double consistencyRatio;
    private final PriorityMethod method;
    private final double threshold;

    /**
     * Validates the components.
     *
     * @param matrix the evaluated matrix
     * @param weights the priorities
     * @param lambdaMax the principal eigenvalue or its estimate
     * @param consistencyIndex CI
     * @param randomIndex RI
     * @param consistencyRatio CR
     * @param method the priority method
     * @param threshold the largest acceptable CR
     * @throws AhpException if a component is null, negative or not finite, or the weights' names differ
     *     from the matrix's
     */
    AhpResult(PairwiseMatrix matrix, Weights weights, double lambdaMax, double consistencyIndex, double randomIndex,
            double consistencyRatio, PriorityMethod method, double threshold) {
        check(matrix, weights, lambdaMax, consistencyIndex, randomIndex, consistencyRatio, method, threshold);
        this.matrix = matrix;
        this.weights = weights;
        this.lambdaMax = lambdaMax;
        this.consistencyIndex = consistencyIndex;
        this.randomIndex = randomIndex;
        this.consistencyRatio = consistencyRatio;
        this.method = method;
        this.threshold = threshold;
    }

    /**
     * The components of a result.
     *
     * @param matrix the evaluated matrix
     * @param weights the priorities, over the matrix's names in the same order
     * @param lambdaMax the principal eigenvalue or its estimate, positive and finite
     * @param consistencyIndex CI, finite and non-negative
     * @param randomIndex RI, finite and non-negative
     * @param consistencyRatio CR, finite and non-negative
     * @param method the priority method
     * @param threshold the largest acceptable CR, finite and non-negative
     * @since 0.2.0
     * @serial exclude
     */
    public record Parameters(PairwiseMatrix matrix, Weights weights, double lambdaMax, double consistencyIndex,
            double randomIndex, double consistencyRatio, PriorityMethod method, double threshold)
            implements java.io.Serializable {
        /**
         * Validates the components.
         *
         * @param matrix the evaluated matrix
         * @param weights the priorities
         * @param lambdaMax the principal eigenvalue
         * @param consistencyIndex CI
         * @param randomIndex RI
         * @param consistencyRatio CR
         * @param method the priority method
         * @param threshold the largest acceptable CR
         * @throws AhpException if a component is null, negative or not finite, or the weights' names differ
         *     from the matrix's
         */
        public Parameters {
            check(matrix, weights, lambdaMax, consistencyIndex, randomIndex, consistencyRatio, method, threshold);
        }
    }

    private static void check(PairwiseMatrix matrix, Weights weights, double lambdaMax, double consistencyIndex,
            double randomIndex, double consistencyRatio, PriorityMethod method, double threshold) {
        Check.notNull(matrix, "matrix");
        Check.notNull(weights, "weights");
        if (!weights.names().equals(matrix.names())) {
            throw new AhpException("weights over %s do not match the matrix over %s", weights.names(), matrix.names());
        }
        Check.notNull(method, "method");
        Check.positive(lambdaMax, "lambda max");
        Check.nonNegative(consistencyIndex, "consistency index");
        Check.nonNegative(randomIndex, "random index");
        Check.nonNegative(consistencyRatio, "consistency ratio");
        Check.nonNegative(threshold, "threshold");
    }

    /**
     * The components of this result.
     *
     * @return the parameters
     * @since 0.2.0
     */
    public Parameters parameters() {
        return new Parameters(matrix, weights, lambdaMax, consistencyIndex, randomIndex, consistencyRatio, method,
            threshold);
    }

    /**
     * Rebuilds a result from its components.
     *
     * @param parameters the components
     * @return the result, equal to the one they were taken from
     * @throws AhpException if the parameters are null
     * @since 0.2.0
     */
    public static AhpResult of(Parameters parameters) {
        Check.notNull(parameters, "AHP result parameters");
        return new AhpResult(parameters.matrix(), parameters.weights(), parameters.lambdaMax(),
            parameters.consistencyIndex(), parameters.randomIndex(), parameters.consistencyRatio(),
            parameters.method(), parameters.threshold());
    }

    private Object writeReplace() {
        return new SerializedForm(parameters());
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("use the serialization proxy");
    }

    /**
     * The serialized form of a result: its parameters, version 1.
     *
     * @serial exclude
     */
    private static final class SerializedForm implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        /** The parameters. */
        private final Parameters parameters;

        SerializedForm(Parameters parameters) {
            this.parameters = parameters;
        }

        private Object readResolve() {
            return of(parameters);
        }
    }

    /**
     * Returns the evaluated matrix.
     *
     * @return the evaluated matrix
     */
    public PairwiseMatrix matrix() {
        return matrix;
    }

    /**
     * Returns the priorities.
     *
     * @return the priorities
     */
    public Weights weights() {
        return weights;
    }

    /**
     * Returns the principal eigenvalue, or its estimate \( \frac1n \sum_i (Aw)_i / w_i \) for the
     * non-eigenvector methods.
     *
     * @return \( \lambda_{max} \)
     */
    public double lambdaMax() {
        return lambdaMax;
    }

    /**
     * Returns \( CI = \max(0, (\lambda_{max} - n)/(n-1)) \).
     *
     * @return \( CI = \max(0, (\lambda_{max} - n)/(n-1)) \)
     */
    public double consistencyIndex() {
        return consistencyIndex;
    }

    /**
     * Returns \( RI_n \).
     *
     * @return \( RI_n \)
     */
    public double randomIndex() {
        return randomIndex;
    }

    /**
     * Returns \( CR = CI / RI_n \), 0 for \( n \le 2 \).
     *
     * @return \( CR = CI / RI_n \), 0 for \( n \le 2 \)
     */
    public double consistencyRatio() {
        return consistencyRatio;
    }

    /**
     * Returns the priority method used.
     *
     * @return the priority method used
     */
    public PriorityMethod method() {
        return method;
    }

    /**
     * Returns the largest acceptable CR.
     *
     * @return the largest acceptable CR
     */
    public double threshold() {
        return threshold;
    }

    /**
     * The geometric consistency index of the matrix and these priorities,
     * \( \frac{2}{(n-1)(n-2)} \sum_{i &lt; j} \ln^2 (a_{ij} w_j / w_i) \), computed on request.
     *
     * @return the GCI, 0 for \( n \le 2 \)
     */
    public double geometricConsistencyIndex() {
        return Priorities.gci(matrix.data(), matrix.size(), weights.values());
    }

    /**
     * Whether the judgments pass the consistency test \( CR \le \) threshold.
     *
     * @return true if acceptable
     */
    public boolean isAcceptable() {
        return consistencyRatio <= threshold;
    }

    /**
     * Whether the GCI is within Aguaron and Moreno-Jimenez's threshold for the matrix order.
     *
     * @return true if acceptable
     */
    public boolean isGciAcceptable() {
        return geometricConsistencyIndex() <= gciThreshold(weights.size());
    }

    /**
     * Aguaron and Moreno-Jimenez's GCI thresholds, equivalent to \( CR = 0.1 \).
     *
     * @param n the matrix order, at least 1
     * @return 0.31 for \( n = 3 \), 0.35 for \( n = 4 \), 0.37 for \( n > 4 \), infinity for \( n \le 2 \)
     * @throws AhpException if \( n &lt; 1 \)
     */
    public static double gciThreshold(int n) {
        if (n < 1) {
            throw new AhpException("the GCI threshold needs an order n >= 1 but n = %d", n);
        }
        return n <= 2 ? Double.POSITIVE_INFINITY : n == 3 ? 0.31 : n == 4 ? 0.35 : 0.37;
    }

    /**
     * The priorities and the consistency figures as text.
     *
     * @return a readable rendering
     */
    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        for (String name : weights.names()) {
            rows.add(List.of(name, TextTable.number(weights.get(name))));
        }
        return TextTable.render(List.of("criterion", "weight"), rows)
            + "lambda max " + TextTable.number(lambdaMax) + ", CI " + TextTable.number(consistencyIndex)
            + ", RI " + TextTable.number(randomIndex) + ", CR " + TextTable.number(consistencyRatio)
            + (isAcceptable() ? " (acceptable, <= " : " (NOT acceptable, > ") + TextTable.number(threshold)
            + ")\n";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AhpResult o && Objects.equals(matrix, o.matrix)
            && Objects.equals(weights, o.weights)
            && Double.compare(lambdaMax, o.lambdaMax) == 0
            && Double.compare(consistencyIndex, o.consistencyIndex) == 0
            && Double.compare(randomIndex, o.randomIndex) == 0
            && Double.compare(consistencyRatio, o.consistencyRatio) == 0
            && Objects.equals(method, o.method)
            && Double.compare(threshold, o.threshold) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(matrix, weights, lambdaMax, consistencyIndex, randomIndex, consistencyRatio, method,
            threshold);
    }
}
