package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * Importance-performance map of a target construct: for each construct that affects it, its total effect on the
 * target (importance) and its 0-100 index (performance). Constructs of high importance and low performance are
 * the first candidates for improvement.
 *
 * @param target the target construct
 * @param constructs the constructs with an effect on the target; copied
 * @param importance their total effects; copied
 * @param performance their 0-100 indices; copied
 * @since 0.1.0
 */
public record ImportancePerformance(String target, List<String> constructs, double[] importance,
        double[] performance) {

    /**
     * Validates and copies the components.
     *
     * @param target the target construct
     * @param constructs the constructs with an effect on the target; copied
     * @param importance their total effects; copied
     * @param performance their 0-100 indices; copied
     * @throws SatisfactionException if a component is null or the sizes differ
     */
    public ImportancePerformance {
        if (target == null || constructs == null || importance == null || performance == null) {
            throw new SatisfactionException("importance-performance map has a null component");
        }
        if (constructs.size() != importance.length || constructs.size() != performance.length) {
            throw new SatisfactionException("importance-performance map of '%s': %d constructs, %d importances, %d"
                + " performances", target, constructs.size(), importance.length, performance.length);
        }
        constructs = List.copyOf(constructs);
        importance = importance.clone();
        performance = performance.clone();
    }

    /**
     * The total effects on the target.
     *
     * @return a new array
     */
    @Override
    public double[] importance() {
        return importance.clone();
    }

    /**
     * The 0-100 indices.
     *
     * @return a new array
     */
    @Override
    public double[] performance() {
        return performance.clone();
    }

    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < importance.length; r++) {
            rows.add(List.of(constructs.get(r), TextTable.number(importance[r]), TextTable.number(performance[r])));
        }
        return "Importance-performance map for " + target + "\n"
            + TextTable.render(List.of("construct", "importance", "performance"), rows);
    }
}
