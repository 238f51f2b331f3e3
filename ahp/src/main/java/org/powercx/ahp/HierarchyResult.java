package org.powercx.ahp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercx.core.TextTable;
import org.powercx.core.Weights;

/**
 * The evaluation of a {@link Hierarchy}: the global weights of its leaves (alternatives, or the lowest
 * criteria when there are no alternatives), the global weight of every node, each matrix's
 * {@link AhpResult}, and the hierarchy's overall consistency ratio
 * \( CR_H = \sum_k g_k CI_k / \sum_k g_k RI_k \) over the matrix nodes \( k \) with global weights
 * \( g_k \) (Saaty 1980). Immutable; {@link #toString()} prints the tree.
 *
 * @since 0.1.0
 */
public final class HierarchyResult {
    /** One line of the tree print. */
    record Row(int depth, String name, double local, double global, double cr) {
        Row withCr(double value) {
            return new Row(depth, name, local, global, value);
        }
    }

    private final String goal;
    private final Weights leafWeights;
    private final Map<String, Double> nodeWeights;
    private final Map<String, AhpResult> local;
    private final double consistencyRatio;
    private final double threshold;
    private final List<Row> rows;

    HierarchyResult(String goal, Weights leafWeights, Map<String, Double> nodeWeights, Map<String, AhpResult> local,
            double consistencyRatio, double threshold, List<Row> rows) {
        this.goal = goal;
        this.leafWeights = leafWeights;
        this.nodeWeights = new LinkedHashMap<>(nodeWeights);
        this.local = new LinkedHashMap<>(local);
        this.consistencyRatio = consistencyRatio;
        this.threshold = threshold;
        this.rows = List.copyOf(rows);
    }

    /**
     * The global weights of the leaves, summed over all paths.
     *
     * @return weights summing to 1
     */
    public Weights leafWeights() {
        return leafWeights;
    }

    /**
     * The global weight of a node or a leaf.
     *
     * @param name a node or leaf
     * @return the product of local weights from the goal (summed over paths for a shared leaf)
     * @throws AhpException if the name is in no position of the hierarchy
     */
    public double globalWeight(String name) {
        Double g = nodeWeights.get(name);
        if (g != null) {
            return g;
        }
        if (leafWeights.contains(name)) {
            return leafWeights.get(name);
        }
        throw new AhpException("'%s' is neither a node nor a leaf of the hierarchy '%s'", name, goal);
    }

    /**
     * The evaluation of a node's matrix.
     *
     * @param node a node that holds a pairwise matrix
     * @return its result
     * @throws AhpException if the node is unknown or holds given weights
     */
    public AhpResult local(String node) {
        AhpResult r = local.get(node);
        if (r == null) {
            throw new AhpException("node '%s' has no pairwise matrix in the hierarchy '%s'; matrices: %s", node,
                goal, local.keySet());
        }
        return r;
    }

    /**
     * The results of every matrix node, in tree order.
     *
     * @return an unmodifiable map from node name to result
     */
    public Map<String, AhpResult> localResults() {
        return java.util.Collections.unmodifiableMap(local);
    }

    /**
     * The nodes whose own matrix fails the consistency test.
     *
     * @return node names in tree order
     */
    public List<String> inconsistentNodes() {
        List<String> bad = new ArrayList<>();
        local.forEach((k, v) -> {
            if (!v.isAcceptable()) {
                bad.add(k);
            }
        });
        return bad;
    }

    /**
     * The overall consistency ratio \( CR_H \).
     *
     * @return a non-negative number, 0 when every matrix has order 2 or less
     */
    public double consistencyRatio() {
        return consistencyRatio;
    }

    /**
     * Whether the overall consistency ratio is within the calculator's threshold.
     *
     * @return true if \( CR_H \le \) threshold
     */
    public boolean isAcceptable() {
        return consistencyRatio <= threshold;
    }

    /**
     * The tree, one line per node and leaf position, with local and global weights and each matrix's CR,
     * followed by the leaves' global weights.
     *
     * @return a readable rendering
     */
    @Override
    public String toString() {
        List<List<String>> lines = new ArrayList<>();
        for (Row r : rows) {
            lines.add(List.of("  ".repeat(r.depth()) + r.name(), TextTable.number(r.local()),
                TextTable.number(r.global()), Double.isNaN(r.cr()) ? "" : TextTable.number(r.cr())));
        }
        List<List<String>> leafLines = new ArrayList<>();
        for (String name : leafWeights.names()) {
            leafLines.add(List.of(name, TextTable.number(leafWeights.get(name))));
        }
        return TextTable.render(List.of("node", "local", "global", "CR"), lines)
            + "overall CR " + TextTable.number(consistencyRatio) + (isAcceptable() ? " (acceptable)" : " (NOT acceptable)")
            + "\n\n" + TextTable.render(List.of("leaf", "global weight"), leafLines);
    }
}
