package org.powercx.segmentation;

import org.powercx.core.CustomerIndicators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercx.core.IndicatorTable;

/**
 * Risk-topic segmentation: applies a set of {@link RiskRule}s, one per topic, to a customer table.
 *
 * <p>The defaults implement the five topics along which the value-evaluation seed subdivides customers, on
 * the columns of {@link CustomerIndicators}:
 * <ul>
 * <li>{@value #FEE_RECOVERY} (electricity fee arrears risk): \( 10 (1 - \text{on-time rate}) +
 *     \text{arrears months} \); low below 2, medium below 5, high from 5;</li>
 * <li>{@value #INSPECTION} (electricity theft): \( \text{meter anomalies} + 0.5\,\text{line loss \%} \);
 *     normal below 3, watch below 5, inspect from 5;</li>
 * <li>{@value #SERVICE_CHANNEL} (preferred channel): online-service share; counter below 0.3, mixed below
 *     0.7, online from 0.7;</li>
 * <li>{@value #KEY_CUSTOMER} (key-customer service): fee revenue in thousand yuan; ordinary below 100,
 *     important below 1,000, key from 1,000;</li>
 * <li>{@value #OUTAGE_SENSITIVITY}: the load survey's outage sensitivity; low below 4, medium below 7, high
 *     from 7.</li>
 * </ul>
 * The calculator is immutable; {@link #with(RiskRule)} adds or replaces the rule of a topic.
 *
 * @since 0.1.0
 */
public final class RiskSegmentation {
    /** Topic of electricity fee recovery (arrears) risk. */
    public static final String FEE_RECOVERY = "fee_recovery";
    /** Topic of inspection (electricity theft) risk. */
    public static final String INSPECTION = "inspection";
    /** Topic of service-channel preference. */
    public static final String SERVICE_CHANNEL = "service_channel";
    /** Topic of key-customer service. */
    public static final String KEY_CUSTOMER = "key_customer";
    /** Topic of outage sensitivity. */
    public static final String OUTAGE_SENSITIVITY = "outage_sensitivity";

    private static final RiskSegmentation DEFAULTS = new RiskSegmentation(List.of(
        RiskRule.linear(FEE_RECOVERY, 10, ordered(CustomerIndicators.ON_TIME_PAYMENT_RATE, -10.0,
            CustomerIndicators.ARREARS_COUNT, 1.0), new double[] {2, 5}, "low", "medium", "high"),
        RiskRule.linear(INSPECTION, 0, ordered(CustomerIndicators.METER_ANOMALY_COUNT, 1.0,
            CustomerIndicators.LINE_LOSS_RATE, 0.5), new double[] {3, 5}, "normal", "watch", "inspect"),
        RiskRule.threshold(SERVICE_CHANNEL, CustomerIndicators.ONLINE_SERVICE_SHARE, new double[] {0.3, 0.7},
            "counter", "mixed", "online"),
        RiskRule.threshold(KEY_CUSTOMER, CustomerIndicators.FEE_REVENUE, new double[] {100, 1000},
            "ordinary", "important", "key"),
        RiskRule.threshold(OUTAGE_SENSITIVITY, CustomerIndicators.OUTAGE_SENSITIVITY, new double[] {4, 7},
            "low", "medium", "high")));

    private final List<RiskRule> rules;

    private RiskSegmentation(List<RiskRule> rules) {
        this.rules = List.copyOf(rules);
    }

    private static Map<String, Double> ordered(String a, double ca, String b, double cb) {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put(a, ca);
        map.put(b, cb);
        return map;
    }

    /**
     * The five documented default rules.
     *
     * @return the calculator
     */
    public static RiskSegmentation withDefaults() {
        return DEFAULTS;
    }

    /**
     * A calculator with exactly the given rules.
     *
     * @param rules at least one rule, one per topic
     * @return the calculator
     * @throws SegmentationException if there is no rule, a rule is null or two rules share a topic
     */
    public static RiskSegmentation of(List<RiskRule> rules) {
        if (rules == null || rules.isEmpty()) {
            throw new SegmentationException("risk segmentation needs at least one rule");
        }
        List<String> topics = new ArrayList<>();
        for (RiskRule r : rules) {
            if (r == null) {
                throw new SegmentationException("risk rule %d is null", topics.size());
            }
            if (topics.contains(r.topic())) {
                throw new SegmentationException("two risk rules for topic '%s'", r.topic());
            }
            topics.add(r.topic());
        }
        return new RiskSegmentation(rules);
    }

    /**
     * A copy with the given rule added, or replacing the rule of the same topic.
     *
     * @param rule the rule
     * @return a new calculator
     * @throws SegmentationException if the rule is null
     */
    public RiskSegmentation with(RiskRule rule) {
        if (rule == null) {
            throw new SegmentationException("risk rule is null");
        }
        List<RiskRule> list = new ArrayList<>(rules);
        boolean replaced = false;
        for (int k = 0; k < list.size(); k++) {
            if (list.get(k).topic().equals(rule.topic())) {
                list.set(k, rule);
                replaced = true;
            }
        }
        if (!replaced) {
            list.add(rule);
        }
        return new RiskSegmentation(list);
    }

    /**
     * The rules, in order.
     *
     * @return an unmodifiable list
     */
    public List<RiskRule> rules() {
        return rules;
    }

    /**
     * The labels of each topic, as the service policy validates against.
     *
     * @return an unmodifiable map from topic to labels, in rule order
     */
    public Map<String, List<String>> topicLabels() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (RiskRule r : rules) {
            map.put(r.topic(), r.labels());
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /**
     * Checks that a table has every indicator the rules name.
     *
     * @param table the customers
     * @throws SegmentationException naming the rule and the unknown indicator
     */
    public void check(IndicatorTable table) {
        if (table == null) {
            throw new SegmentationException("customer table is null");
        }
        for (RiskRule r : rules) {
            r.check(table);
        }
    }

    /**
     * Scores and groups every customer on every topic.
     *
     * @param table the customers, with every indicator the rules name
     * @return the groups
     * @throws SegmentationException if an indicator is unknown (naming rule and indicator) or the table is empty
     */
    public RiskSegments apply(IndicatorTable table) {
        check(table);
        if (table.rowCount() == 0) {
            throw new SegmentationException("customer table has no rows");
        }
        int n = table.rowCount();
        double[][] scores = new double[rules.size()][];
        byte[][] groups = new byte[rules.size()][n];
        for (int t = 0; t < rules.size(); t++) {
            RiskRule rule = rules.get(t);
            scores[t] = rule.score(table);
            byte[] g = groups[t];
            double[] s = scores[t];
            for (int i = 0; i < n; i++) {
                g[i] = (byte) rule.group(s[i]);
            }
        }
        return new RiskSegments(rules, scores, groups);
    }
}
