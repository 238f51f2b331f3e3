package org.powercx.ahp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.powercx.core.TextTable;
import org.powercx.core.Weights;

/**
 * The result of {@link GroupAhp#evaluate}: the group's priorities, the geometric-mean (AIJ) matrix of the
 * included experts with its own evaluation, and per expert the consistency ratio, whether the expert was
 * included and the individual priorities, plus the dispersion of the individual priorities per criterion.
 *
 * @since 0.1.0
 */
public final class GroupResult {
    private final Aggregation aggregation;
    private final Weights weights;
    private final PairwiseMatrix aggregatedMatrix;
    private final AhpResult aggregatedResult;
    private final double[] consistencyRatios;
    private final boolean[] included;
    private final double[] individualWeights;
    private final double[] dispersion;

    /**
     * Validates and copies the components.
     *
     * @param aggregation the aggregation method
     * @param weights the group priorities
     * @param aggregatedMatrix the AIJ matrix
     * @param aggregatedResult its evaluation
     * @param consistencyRatios each expert's CR
     * @param included whether each expert took part
     * @param individualWeights the experts' priorities, row-major
     * @param dispersion per criterion
     * @throws AhpException if a component is null or the sizes disagree
     */
    GroupResult(Aggregation aggregation, Weights weights, PairwiseMatrix aggregatedMatrix, AhpResult aggregatedResult,
            double[] consistencyRatios, boolean[] included, double[] individualWeights, double[] dispersion) {
        Check.notNull(aggregation, "aggregation");
        Check.notNull(weights, "weights");
        Check.notNull(aggregatedMatrix, "aggregated matrix");
        Check.notNull(aggregatedResult, "aggregated result");
        consistencyRatios = Check.notNull(consistencyRatios, "consistency ratios").clone();
        included = Check.notNull(included, "included").clone();
        individualWeights = Check.notNull(individualWeights, "individual weights").clone();
        dispersion = Check.notNull(dispersion, "dispersion").clone();
        int n = weights.size();
        if (included.length != consistencyRatios.length || individualWeights.length != n * included.length
                || dispersion.length != n) {
            throw new AhpException("group result sizes disagree: %d criteria, %d consistency ratios, %d flags, "
                + "%d individual weights, %d dispersions", n, consistencyRatios.length, included.length,
                individualWeights.length, dispersion.length);
        }
        this.aggregation = aggregation;
        this.weights = weights;
        this.aggregatedMatrix = aggregatedMatrix;
        this.aggregatedResult = aggregatedResult;
        this.consistencyRatios = consistencyRatios;
        this.included = included;
        this.individualWeights = individualWeights;
        this.dispersion = dispersion;
    }

    /**
     * Returns the aggregation method that produced {@code weights}.
     *
     * @return the aggregation method that produced {@code weights}
     */
    public Aggregation aggregation() {
        return aggregation;
    }

    /**
     * Returns the group priorities.
     *
     * @return the group priorities
     */
    public Weights weights() {
        return weights;
    }

    /**
     * Returns the weighted geometric mean of the included experts' matrices (always computed).
     *
     * @return the weighted geometric mean of the included experts' matrices (always computed)
     */
    public PairwiseMatrix aggregatedMatrix() {
        return aggregatedMatrix;
    }

    /**
     * Returns the evaluation of {@code aggregatedMatrix}, whose CR is the group's.
     *
     * @return the evaluation of {@code aggregatedMatrix}, whose CR is the group's
     */
    public AhpResult aggregatedResult() {
        return aggregatedResult;
    }

    /**
     * Each expert's consistency ratio.
     *
     * @return a new array
     */
    public double[] consistencyRatios() {
        return consistencyRatios.clone();
    }

    /**
     * Whether each expert took part.
     *
     * @return a new array
     */
    public boolean[] included() {
        return included.clone();
    }

    /**
     * All experts' priorities, row-major.
     *
     * @return a new array
     */
    public double[] individualWeights() {
        return individualWeights.clone();
    }

    /**
     * The dispersion per criterion, in the order of the weights' names.
     *
     * @return a new array
     */
    public double[] dispersion() {
        return dispersion.clone();
    }

    /**
     * Number of experts given.
     *
     * @return the count, included or not
     */
    public int expertCount() {
        return included.length;
    }

    /**
     * Number of experts that took part.
     *
     * @return the count
     */
    public int includedCount() {
        int c = 0;
        for (boolean b : included) {
            c += b ? 1 : 0;
        }
        return c;
    }

    /**
     * One expert's priorities.
     *
     * @param expert the expert's index
     * @return the priorities
     * @throws AhpException if the index is out of range
     */
    public Weights individualWeights(int expert) {
        if (expert < 0 || expert >= included.length) {
            throw new AhpException("expert %d is out of range 0..%d", expert, included.length - 1);
        }
        int n = weights.size();
        return Weights.normalised(weights.names(), Arrays.copyOfRange(individualWeights, expert * n, expert * n + n));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupResult g && aggregation == g.aggregation && weights.equals(g.weights)
            && aggregatedMatrix.equals(g.aggregatedMatrix) && Arrays.equals(consistencyRatios, g.consistencyRatios)
            && Arrays.equals(included, g.included) && Arrays.equals(individualWeights, g.individualWeights)
            && Arrays.equals(dispersion, g.dispersion);
    }

    @Override
    public int hashCode() {
        return 31 * weights.hashCode() + Arrays.hashCode(consistencyRatios);
    }

    /**
     * Group priorities with dispersion, and the counts.
     *
     * @return a readable rendering
     */
    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        List<String> names = weights.names();
        for (int i = 0; i < names.size(); i++) {
            rows.add(List.of(names.get(i), TextTable.number(weights.get(names.get(i))), TextTable.number(dispersion[i])));
        }
        return TextTable.render(List.of("criterion", "weight", "dispersion"), rows)
            + aggregation + " of " + includedCount() + " of " + expertCount() + " experts; group CR "
            + TextTable.number(aggregatedResult.consistencyRatio()) + "\n";
    }
}
