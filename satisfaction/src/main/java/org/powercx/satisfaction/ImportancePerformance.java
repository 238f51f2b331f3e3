package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.powercx.core.TextTable;

/**
 * Importance-performance map of a target construct: for each construct that affects it, its total effect on the
 * target (importance) and its 0-100 index (performance). Constructs of high importance and low performance are
 * the first candidates for improvement. The importance is the standardised total effect, or, for the map as
 * SmartPLS draws it ({@link #unstandardised()}; Ringle and Sarstedt 2016,
 * <a href="https://doi.org/10.1108/IMDS-10-2015-0449">doi:10.1108/IMDS-10-2015-0449</a>), the unstandardised
 * total effect on the 0-100 scale: the points the target's index gains when the construct's index gains one.
 *
 * @since 0.1.0
 */
public final class ImportancePerformance {
    private final String target;
    private final List<String> constructs;
    private final double[] importance;
    private final double[] performance;
    private final boolean unstandardised;

    /**
     * Validates and copies the components.
     *
     * @param target the target construct
     * @param constructs the constructs with an effect on the target; copied
     * @param importance their total effects; copied
     * @param performance their 0-100 indices; copied
     * @throws SatisfactionException if a component is null or the sizes differ
     */
    ImportancePerformance(String target, List<String> constructs, double[] importance, double[] performance) {
        this(target, constructs, importance, performance, false);
    }

    /** As above, saying whether the importances are unstandardised total effects. */
    ImportancePerformance(String target, List<String> constructs, double[] importance, double[] performance,
            boolean unstandardised) {
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
        this.target = target;
        this.constructs = constructs;
        this.importance = importance;
        this.performance = performance;
        this.unstandardised = unstandardised;
    }

    /**
     * Whether the importances are unstandardised total effects on the 0-100 scale (SmartPLS's IPMA) rather than
     * standardised ones.
     *
     * @return true for unstandardised importances
     * @since 0.2.0
     */
    public boolean unstandardised() {
        return unstandardised;
    }

    /**
     * Returns the target construct.
     *
     * @return the target construct
     */
    public String target() {
        return target;
    }

    /**
     * Returns the constructs with an effect on the target.
     *
     * @return the constructs with an effect on the target
     */
    public List<String> constructs() {
        return constructs;
    }

    /**
     * The total effects on the target, standardised or ({@link #unstandardised()}) on the 0-100 scale.
     *
     * @return a new array
     */
    public double[] importance() {
        return importance.clone();
    }

    /**
     * The 0-100 indices.
     *
     * @return a new array
     */
    public double[] performance() {
        return performance.clone();
    }

    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < importance.length; r++) {
            rows.add(List.of(constructs.get(r), TextTable.number(importance[r]), TextTable.number(performance[r])));
        }
        return "Importance-performance map for " + target + (unstandardised ? " (unstandardised)" : "") + "\n"
            + TextTable.render(List.of("construct", "importance", "performance"), rows);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImportancePerformance o && Objects.equals(target, o.target)
            && unstandardised == o.unstandardised
            && Objects.equals(constructs, o.constructs)
            && Arrays.equals(importance, o.importance)
            && Arrays.equals(performance, o.performance);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(target, constructs, unstandardised);
        h = 31 * h + Arrays.hashCode(importance);
        return 31 * h + Arrays.hashCode(performance);
    }
}
