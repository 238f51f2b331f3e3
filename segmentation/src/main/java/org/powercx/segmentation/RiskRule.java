package org.powercx.segmentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercx.core.IndicatorTable;

/**
 * A risk-topic rule: a linear score on indicators cut into labelled groups.
 *
 * <p>The score of customer {@code i} is \( s_i = b_0 + \sum_k b_k x_{ik} \) and its group is the number of
 * cut-offs \( c_1 &lt; c_2 &lt; \dots \) with \( s_i \ge c_j \): label 0 below \( c_1 \), label 1 from \( c_1 \) to
 * below \( c_2 \), and so on. A rule with one indicator, coefficient 1 and no intercept is a plain threshold
 * rule on that indicator. The defaults of the five topics of the value-evaluation seed are in
 * {@link RiskSegmentation#withDefaults()}.
 *
 * @param topic the topic, for example {@code "fee_recovery"}; also the policy table's column name
 * @param coefficients indicator name to coefficient \( b_k \), in order; at least one, finite
 * @param intercept \( b_0 \), finite
 * @param cutoffs strictly increasing finite cut-offs, at least one
 * @param labels one more label than cut-offs, unique and non-blank, lowest score first
 * @since 0.1.0
 * @serial exclude
 */
public record RiskRule(String topic, Map<String, Double> coefficients, double intercept, double[] cutoffs,
        List<String> labels) implements java.io.Serializable {
    /** The most cut-offs a rule may have. */
    public static final int MAX_CUTOFFS = 100;

    /**
     * Validates and copies the components.
     *
     * @param topic non-blank topic name
     * @param coefficients indicator name to coefficient, at least one, each finite
     * @param intercept finite intercept
     * @param cutoffs strictly increasing finite cut-offs
     * @param labels {@code cutoffs.length + 1} unique non-blank labels
     * @throws SegmentationException naming the rule and the offending item
     */
    public RiskRule {
        if (topic == null || topic.isBlank() || topic.contains("*")) {
            throw new SegmentationException("risk rule topic must be non-blank (and not contain '*') but was %s",
                topic == null ? "null" : "'" + topic + "'");
        }
        if (coefficients == null || coefficients.isEmpty()) {
            throw new SegmentationException("risk rule '%s' needs at least one indicator", topic);
        }
        for (Map.Entry<String, Double> e : coefficients.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new SegmentationException("risk rule '%s': indicator '%s' must have a finite coefficient but has %s",
                    topic, e.getKey(), e.getValue());
            }
        }
        coefficients = Collections.unmodifiableMap(new LinkedHashMap<>(coefficients));
        if (!Double.isFinite(intercept)) {
            throw new SegmentationException("risk rule '%s': intercept must be finite but was %s", topic, intercept);
        }
        if (cutoffs == null || cutoffs.length == 0 || cutoffs.length > MAX_CUTOFFS) {
            throw new SegmentationException("risk rule '%s' needs 1 to %d cut-offs", topic, MAX_CUTOFFS);
        }
        cutoffs = cutoffs.clone();
        for (int j = 0; j < cutoffs.length; j++) {
            if (!Double.isFinite(cutoffs[j]) || j > 0 && !(cutoffs[j] > cutoffs[j - 1])) {
                throw new SegmentationException("risk rule '%s': cut-offs must be finite and strictly increasing but are %s",
                    topic, Arrays.toString(cutoffs));
            }
        }
        if (labels == null || labels.size() != cutoffs.length + 1) {
            throw new SegmentationException("risk rule '%s': %d cut-offs need %d labels but %s were given", topic,
                cutoffs.length, cutoffs.length + 1, labels == null ? "none" : String.valueOf(labels.size()));
        }
        for (int j = 0; j < labels.size(); j++) {
            String label = labels.get(j);
            if (label == null || label.isBlank() || label.contains("*") || label.contains("|")
                || labels.subList(0, j).contains(label)) {
                throw new SegmentationException("risk rule '%s': label %d must be non-blank, unique and free of '*' and '|' but was %s",
                    topic, j, label == null ? "null" : "'" + label + "'");
            }
        }
        labels = List.copyOf(labels);
    }

    /**
     * A rule on one indicator: the indicator's value cut into groups.
     *
     * @param topic topic name
     * @param indicator indicator name
     * @param cutoffs strictly increasing cut-offs
     * @param labels one more label than cut-offs, lowest values first
     * @return the rule
     * @throws SegmentationException as the canonical constructor
     */
    public static RiskRule threshold(String topic, String indicator, double[] cutoffs, String... labels) {
        return new RiskRule(topic, Map.of(indicator, 1.0), 0, cutoffs, labels == null ? null : Arrays.asList(labels));
    }

    /**
     * A linear-score rule.
     *
     * @param topic topic name
     * @param intercept \( b_0 \)
     * @param coefficients indicator name to coefficient, in order
     * @param cutoffs strictly increasing cut-offs
     * @param labels one more label than cut-offs, lowest scores first
     * @return the rule
     * @throws SegmentationException as the canonical constructor
     */
    public static RiskRule linear(String topic, double intercept, Map<String, Double> coefficients, double[] cutoffs,
            String... labels) {
        return new RiskRule(topic, coefficients, intercept, cutoffs, labels == null ? null : Arrays.asList(labels));
    }

    /**
     * The cut-offs.
     *
     * @return a new array
     */
    @Override
    public double[] cutoffs() {
        return cutoffs.clone();
    }

    /**
     * Scores every customer of a table: \( s_i = b_0 + \sum_k b_k x_{ik} \).
     *
     * @param table the customers; must have every indicator the rule names
     * @return a new array of scores, one per row
     * @throws SegmentationException if the table lacks an indicator (the message names rule and indicator)
     */
    public double[] score(IndicatorTable table) {
        check(table);
        int n = table.rowCount();
        double[] score = new double[n];
        Arrays.fill(score, intercept);
        double[] column = new double[n];
        for (Map.Entry<String, Double> e : coefficients.entrySet()) {
            table.copyColumn(table.indexOf(e.getKey()), column, 0);
            double b = e.getValue();
            for (int i = 0; i < n; i++) {
                score[i] += b * column[i];
            }
        }
        return score;
    }

    /**
     * The group of a score: how many cut-offs it reaches.
     *
     * @param score a score
     * @return the label index, 0 to {@code cutoffs.length}
     */
    public int group(double score) {
        // the cut-offs increase strictly, so those the score reaches are a prefix: counting them without a
        // data-dependent exit avoids a mispredicted branch per customer
        int g = 0;
        for (double c : cutoffs) {
            g += score >= c ? 1 : 0;
        }
        return g;
    }

    /**
     * Checks that a table has every indicator the rule names.
     *
     * @param table the customers
     * @throws SegmentationException naming the rule and the first unknown indicator
     */
    public void check(IndicatorTable table) {
        for (String name : coefficients.keySet()) {
            if (!table.contains(name)) {
                throw new SegmentationException("risk rule '%s': unknown indicator '%s'; the table has %s", topic, name,
                    table.indicatorNames());
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RiskRule r && topic.equals(r.topic) && coefficients.equals(r.coefficients)
            && Double.compare(intercept, r.intercept) == 0 && Arrays.equals(cutoffs, r.cutoffs)
            && labels.equals(r.labels);
    }

    @Override
    public int hashCode() {
        return topic.hashCode() * 31 + Arrays.hashCode(cutoffs);
    }

    /**
     * The rule as a formula with its groups.
     *
     * @return for example {@code fee_recovery: 10 - 10 on_time_payment_rate + 1 arrears_count; low < 2 <= medium < 5 <= high}
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(topic).append(": ");
        List<String> terms = new ArrayList<>();
        if (intercept != 0) {
            terms.add(org.powercx.core.TextTable.number(intercept));
        }
        for (Map.Entry<String, Double> e : coefficients.entrySet()) {
            terms.add(org.powercx.core.TextTable.number(e.getValue()) + " " + e.getKey());
        }
        sb.append(String.join(" + ", terms).replace("+ -", "- ")).append("; ").append(labels.get(0));
        for (int j = 0; j < cutoffs.length; j++) {
            sb.append(" < ").append(org.powercx.core.TextTable.number(cutoffs[j])).append(" <= ").append(labels.get(j + 1));
        }
        return sb.toString();
    }
}
