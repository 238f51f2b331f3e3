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
 * \( g_k \) (Saaty 1980). Immutable; {@link #toString()} prints the tree. A result is a value:
 * {@link #of(Parameters)} rebuilds it from {@link #parameters()} with identical accessors and print, and it is
 * {@link java.io.Serializable} through a serialization proxy holding the parameters.
 *
 * @since 0.1.0
 * @serial exclude
 */
public final class HierarchyResult implements java.io.Serializable {
    /**
     * One position of a node or leaf in the tree, in the order of the print.
     *
     * @param depth 0 for the goal, 1 for its children, and so on
     * @param name the node or leaf
     * @param localWeight its weight under its parent (1 for the goal)
     * @param globalWeight the product of local weights from the goal
     * @param consistencyRatio the CR of the node's own matrix, NaN for a position without one
     * @since 0.2.0
     * @serial exclude
     */
    public record Position(int depth, String name, double localWeight, double globalWeight, double consistencyRatio)
            implements java.io.Serializable {
        /**
         * Validates the components.
         *
         * @param depth the depth
         * @param name the name
         * @param localWeight the local weight
         * @param globalWeight the global weight
         * @param consistencyRatio the CR, or NaN
         * @throws AhpException if the depth is negative, the name null, a weight is not finite and
         *     non-negative, or the CR is negative or infinite
         */
        public Position {
            if (depth < 0) {
                throw new AhpException("tree position depth must be non-negative but was %d", depth);
            }
            Check.notNull(name, "tree position name");
            Check.nonNegative(localWeight, "local weight of '" + name + "'");
            Check.nonNegative(globalWeight, "global weight of '" + name + "'");
            if (!Double.isNaN(consistencyRatio)) {
                Check.nonNegative(consistencyRatio, "consistency ratio of '" + name + "'");
            }
        }

        Position withCr(double value) {
            return new Position(depth, name, localWeight, globalWeight, value);
        }
    }

    /**
     * The components of a hierarchy's evaluation.
     *
     * @param goal the root node
     * @param leafWeights the global weights of the leaves
     * @param nodeWeights the global weight of every node (goal included), in tree order; copied
     * @param localResults the result of every matrix node, in tree order; copied
     * @param consistencyRatio the overall CR, finite and non-negative
     * @param threshold the largest acceptable overall CR, finite and non-negative
     * @param positions the lines of the tree print, in order; copied
     * @since 0.2.0
     * @serial exclude
     */
    public record Parameters(String goal, Weights leafWeights, Map<String, Double> nodeWeights,
            Map<String, AhpResult> localResults, double consistencyRatio, double threshold, List<Position> positions)
            implements java.io.Serializable {
        /**
         * Validates and copies the components.
         *
         * @param goal the root node
         * @param leafWeights the leaves' global weights
         * @param nodeWeights the nodes' global weights
         * @param localResults the matrix nodes' results
         * @param consistencyRatio the overall CR
         * @param threshold the largest acceptable overall CR
         * @param positions the tree print's lines
         * @throws AhpException if a component is null or holds a null, a number is negative or not finite, or
         *     the goal is missing from the node weights
         */
        public Parameters {
            Check.notNull(goal, "hierarchy goal");
            Check.notNull(leafWeights, "leaf weights");
            Check.notNull(nodeWeights, "node weights");
            Check.notNull(localResults, "local results");
            Check.notNull(positions, "tree positions");
            Map<String, Double> nodes = new LinkedHashMap<>();
            for (Map.Entry<String, Double> e : nodeWeights.entrySet()) {
                Check.notNull(e.getKey(), "node name");
                Check.nonNegative(Check.notNull(e.getValue(), "weight of node '" + e.getKey() + "'"),
                    "global weight of node '" + e.getKey() + "'");
                nodes.put(e.getKey(), e.getValue());
            }
            if (!nodes.containsKey(goal)) {
                throw new AhpException("node weights %s do not include the goal '%s'", nodes.keySet(), goal);
            }
            Map<String, AhpResult> results = new LinkedHashMap<>();
            for (Map.Entry<String, AhpResult> e : localResults.entrySet()) {
                Check.notNull(e.getKey(), "matrix node name");
                results.put(e.getKey(), Check.notNull(e.getValue(), "result of node '" + e.getKey() + "'"));
            }
            for (Position position : positions) {
                Check.notNull(position, "tree position");
            }
            Check.nonNegative(consistencyRatio, "overall consistency ratio");
            Check.nonNegative(threshold, "threshold");
            nodeWeights = java.util.Collections.unmodifiableMap(nodes);
            localResults = java.util.Collections.unmodifiableMap(results);
            positions = List.copyOf(positions);
        }
    }

    /**
     * The components of this result.
     *
     * @return the parameters
     * @since 0.2.0
     */
    public Parameters parameters() {
        return new Parameters(goal, leafWeights, nodeWeights, local, consistencyRatio, threshold, rows);
    }

    /**
     * Rebuilds a result from its components.
     *
     * @param parameters the components
     * @return the result, with the same accessors and print as the one they were taken from
     * @throws AhpException if the parameters are null
     * @since 0.2.0
     */
    public static HierarchyResult of(Parameters parameters) {
        Check.notNull(parameters, "hierarchy result parameters");
        return new HierarchyResult(parameters.goal(), parameters.leafWeights(), parameters.nodeWeights(),
            parameters.localResults(), parameters.consistencyRatio(), parameters.threshold(),
            parameters.positions());
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

    private final String goal;
    private final Weights leafWeights;
    private final Map<String, Double> nodeWeights;
    private final Map<String, AhpResult> local;
    private final double consistencyRatio;
    private final double threshold;
    private final List<Position> rows;

    HierarchyResult(String goal, Weights leafWeights, Map<String, Double> nodeWeights, Map<String, AhpResult> local,
            double consistencyRatio, double threshold, List<Position> rows) {
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
        for (Position r : rows) {
            lines.add(List.of("  ".repeat(r.depth()) + r.name(), TextTable.number(r.localWeight()),
                TextTable.number(r.globalWeight()),
                Double.isNaN(r.consistencyRatio()) ? "" : TextTable.number(r.consistencyRatio())));
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
