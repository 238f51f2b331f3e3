package org.powercx.segmentation;

import java.util.List;

/**
 * The result of {@link CustomerModel#apply(org.powercx.core.IndicatorTable)}: every customer's values, value
 * segment, default probability and credit grade, risk groups, retention, lifetime value and service measures.
 * Immutable; accessors return copies.
 *
 * @since 0.2.0
 */
public final class CustomerScores {
    private final List<String> ids;
    private final ValueSegments segments;
    private final double[] combined;
    private final double[] projected;
    private final double[] defaultProbabilities;
    private final int[] grades;
    private final List<String> gradeNames;
    private final RiskSegments risks;
    private final double[] retention;
    private final double[] lifetimeValues;
    private final ServicePlan plan;

    CustomerScores(List<String> ids, ValueSegments segments, double[] combined, double[] projected,
            double[] defaultProbabilities, int[] grades, List<String> gradeNames, RiskSegments risks,
            double[] retention, double[] lifetimeValues, ServicePlan plan) {
        this.ids = org.powercx.core.internal.TableIds.immutable(ids);
        this.segments = segments;
        this.combined = combined;
        this.projected = projected;
        this.defaultProbabilities = defaultProbabilities;
        this.grades = grades;
        this.gradeNames = List.copyOf(gradeNames);
        this.risks = risks;
        this.retention = retention;
        this.lifetimeValues = lifetimeValues;
        this.plan = plan;
    }

    /**
     * Number of customers.
     *
     * @return the count
     */
    public int size() {
        return ids.size();
    }

    /**
     * The customer ids, in row order.
     *
     * @return an unmodifiable list
     */
    public List<String> ids() {
        return ids;
    }

    /**
     * Current and potential values and the value segments by the fitted cut-offs.
     *
     * @return the segments
     */
    public ValueSegments segments() {
        return segments;
    }

    /**
     * Combined values \( g_c V^c_i + g_p V^p_i \).
     *
     * @return a new array
     */
    public double[] combined() {
        return combined.clone();
    }

    /**
     * The GM(1,1) consumption projections, when the model computes them.
     *
     * @return a new array, empty when the model reads the projection as a column or does not use it
     */
    public double[] projectedConsumption() {
        return projected.clone();
    }

    /**
     * Default probabilities.
     *
     * @return a new array
     */
    public double[] defaultProbabilities() {
        return defaultProbabilities.clone();
    }

    /**
     * Credit grade indices (0 = best).
     *
     * @return a new array
     */
    public int[] grades() {
        return grades.clone();
    }

    /**
     * A customer's credit grade name.
     *
     * @param row row index
     * @return the grade
     * @throws SegmentationException if the row is out of range
     */
    public String grade(int row) {
        if (row < 0 || row >= grades.length) {
            throw new SegmentationException("row %d is not within [0, %d)", row, grades.length);
        }
        return gradeNames.get(grades[row]);
    }

    /**
     * The risk groups.
     *
     * @return the groups
     */
    public RiskSegments risks() {
        return risks;
    }

    /**
     * Yearly retentions used by the lifetime values.
     *
     * @return a new array
     */
    public double[] retention() {
        return retention.clone();
    }

    /**
     * Lifetime values.
     *
     * @return a new array
     */
    public double[] lifetimeValues() {
        return lifetimeValues.clone();
    }

    /**
     * The service measures of every customer.
     *
     * @return the plan
     */
    public ServicePlan plan() {
        return plan;
    }

    /**
     * The segment counts, grades and measures in brief.
     *
     * @return a readable summary
     */
    @Override
    public String toString() {
        return "CustomerScores " + size() + " customers\n" + segments + "\n" + risks + "\n" + plan;
    }
}
