package org.powercx.segmentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.powercx.core.TextTable;

/**
 * Everything {@link CustomerAnalysis} found: values and value segments, lifetime values, credit grades, risk
 * groups, the service plan and, given a survey, satisfaction by value segment. Immutable.
 *
 * @since 0.1.0
 */
public final class AnalysisReport {
    private final List<String> ids;
    private final ValueScores values;
    private final ValueSegments segments;
    private final CreditAssessment credit;
    private final RiskSegments risks;
    private final ServicePlan plan;
    private final double[] lifetimeValues;
    private final SatisfactionSegments satisfaction;

    AnalysisReport(List<String> ids, ValueScores values, ValueSegments segments, CreditAssessment credit,
            RiskSegments risks, ServicePlan plan, double[] lifetimeValues, SatisfactionSegments satisfaction) {
        this.ids = ids;
        this.values = values;
        this.segments = segments;
        this.credit = credit;
        this.risks = risks;
        this.plan = plan;
        this.lifetimeValues = lifetimeValues;
        this.satisfaction = satisfaction;
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
     * Current, potential and combined values with the AHP weights.
     *
     * @return the value scores
     */
    public ValueScores values() {
        return values;
    }

    /**
     * The value segments.
     *
     * @return the segments
     */
    public ValueSegments segments() {
        return segments;
    }

    /**
     * Default probabilities and credit grades.
     *
     * @return the credit assessment
     */
    public CreditAssessment credit() {
        return credit;
    }

    /**
     * The risk-topic groups.
     *
     * @return the groups
     */
    public RiskSegments risks() {
        return risks;
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
     * Each customer's lifetime value, in thousand yuan.
     *
     * @return a new array
     */
    public double[] lifetimeValues() {
        return lifetimeValues.clone();
    }

    /**
     * Satisfaction by value segment, when a survey was given.
     *
     * @return the satisfaction segments, or empty
     */
    public Optional<SatisfactionSegments> satisfaction() {
        return Optional.ofNullable(satisfaction);
    }

    /**
     * One customer's profile: values, segment, lifetime value, credit, risk groups and measures.
     *
     * @param id a customer id
     * @return a readable two-column table
     * @throws SegmentationException if the id is unknown
     */
    public String profile(String id) {
        int row = ids.indexOf(id);
        if (row < 0) {
            throw new SegmentationException("unknown customer id '%s'", id);
        }
        double[] cur = values.current();
        double[] pot = values.potential();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("customer", id));
        rows.add(List.of("current value", TextTable.number(cur[row])));
        rows.add(List.of("potential value", TextTable.number(pot[row])));
        rows.add(List.of("value segment", segments.segment(row).label()));
        rows.add(List.of("lifetime value (kyuan)", TextTable.number(lifetimeValues[row])));
        rows.add(List.of("default probability", TextTable.number(credit.defaultProbabilities()[row])));
        rows.add(List.of("credit grade", credit.grade(row)));
        for (String topic : risks.topics()) {
            rows.add(List.of(topic, risks.label(topic, row)));
        }
        rows.add(List.of("measures", String.join("; ", plan.measures(row))));
        return TextTable.render(List.of("item", "value"), rows);
    }

    /**
     * The segments with their median and total lifetime value, the credit grades, the risk groups, the service plan and
     * the satisfaction indices.
     *
     * @return a readable report
     */
    @Override
    public String toString() {
        int[] count = segments.counts();
        // the median, not the mean: a few very large customers lift a segment's mean far above its typical one
        double[] median = segments.medians(lifetimeValues);
        double[] total = segments.totals(lifetimeValues);
        List<List<String>> rows = new ArrayList<>();
        for (ValueSegment s : ValueSegment.values()) {
            int o = s.ordinal();
            rows.add(List.of(s.label(), Integer.toString(count[o]),
                count[o] == 0 ? "" : TextTable.number(median[o]), TextTable.number(total[o])));
        }
        StringBuilder sb = new StringBuilder("AnalysisReport ").append(size()).append(" customers\n\n")
            .append(segments).append('\n')
            .append(TextTable.render(List.of("segment", "customers", "median CLV (kyuan)", "total CLV (kyuan)"), rows)).append('\n')
            .append(credit).append('\n').append(risks).append('\n').append(plan);
        if (satisfaction != null) {
            sb.append('\n').append(satisfaction);
        }
        return sb.toString();
    }
}
