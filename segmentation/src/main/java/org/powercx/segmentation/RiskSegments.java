package org.powercx.segmentation;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * The result of {@link RiskSegmentation#apply}: for each topic, every customer's score and group.
 * Immutable; accessors return copies.
 *
 * @since 0.1.0
 */
public final class RiskSegments {
    private final List<RiskRule> rules;
    private final double[][] scores;
    private final byte[][] groups;

    RiskSegments(List<RiskRule> rules, double[][] scores, byte[][] groups) {
        this.rules = List.copyOf(rules);
        this.scores = scores;
        this.groups = groups;
    }

    /**
     * The topics, in rule order.
     *
     * @return an unmodifiable list
     */
    public List<String> topics() {
        List<String> topics = new ArrayList<>();
        for (RiskRule r : rules) {
            topics.add(r.topic());
        }
        return List.copyOf(topics);
    }

    /**
     * The rules applied.
     *
     * @return an unmodifiable list
     */
    public List<RiskRule> rules() {
        return rules;
    }

    /**
     * Number of customers.
     *
     * @return the row count
     */
    public int size() {
        return groups[0].length;
    }

    int topicIndex(String topic) {
        for (int t = 0; t < rules.size(); t++) {
            if (rules.get(t).topic().equals(topic)) {
                return t;
            }
        }
        throw new SegmentationException("unknown risk topic '%s'; topics are %s", topic, topics());
    }

    /**
     * Every customer's score on a topic.
     *
     * @param topic a topic
     * @return a new array
     * @throws SegmentationException if the topic is unknown
     */
    public double[] scores(String topic) {
        return scores[topicIndex(topic)].clone();
    }

    /**
     * Every customer's group index on a topic (0 for the first label).
     *
     * @param topic a topic
     * @return a new array
     * @throws SegmentationException if the topic is unknown
     */
    public int[] groups(String topic) {
        byte[] g = groups[topicIndex(topic)];
        int[] out = new int[g.length];
        for (int i = 0; i < g.length; i++) {
            out[i] = g[i];
        }
        return out;
    }

    int group(int topic, int row) {
        return groups[topic][row];
    }

    /**
     * A customer's label on a topic.
     *
     * @param topic a topic
     * @param row row index
     * @return the label
     * @throws SegmentationException if the topic is unknown or the row out of range
     */
    public String label(String topic, int row) {
        int t = topicIndex(topic);
        if (row < 0 || row >= size()) {
            throw new SegmentationException("row %d is not within [0, %d)", row, size());
        }
        return rules.get(t).labels().get(groups[t][row]);
    }

    /**
     * How many customers each label of a topic has.
     *
     * @param topic a topic
     * @return a new array, one count per label
     * @throws SegmentationException if the topic is unknown
     */
    public int[] counts(String topic) {
        int t = topicIndex(topic);
        int[] counts = new int[rules.get(t).labels().size()];
        for (byte g : groups[t]) {
            counts[g]++;
        }
        return counts;
    }

    /**
     * Per topic and label: the customers and the mean score.
     *
     * @return a readable table
     */
    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        for (int t = 0; t < rules.size(); t++) {
            RiskRule r = rules.get(t);
            int k = r.labels().size();
            double[] sum = new double[k];
            int[] count = new int[k];
            for (int i = 0; i < size(); i++) {
                count[groups[t][i]]++;
                sum[groups[t][i]] += scores[t][i];
            }
            for (int g = 0; g < k; g++) {
                rows.add(List.of(r.topic(), r.labels().get(g), Integer.toString(count[g]),
                    count[g] == 0 ? "" : TextTable.number(sum[g] / count[g])));
            }
        }
        return "RiskSegments " + size() + " customers\n"
            + TextTable.render(List.of("topic", "group", "customers", "mean score"), rows);
    }
}
