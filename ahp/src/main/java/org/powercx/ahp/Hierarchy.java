package org.powercx.ahp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercx.core.Weights;

/**
 * An AHP hierarchy: a goal, criteria and sub-criteria of any depth and, optionally, alternatives at the
 * bottom. Each node is named and holds either a {@link PairwiseMatrix} over its children or given
 * {@link Weights} of them (for example measured values normalised by their sum).
 *
 * <p>A child whose name is itself a node is a sub-criterion; every such node has exactly one parent. A child
 * that is not a node is a leaf; the same leaf (typically an alternative) may sit under many parents, and its
 * global weight is the sum over its paths. The global (composite) weight of a child is the product of the local
 * weights along its path, \( g_c = g_{parent}\, w_c \), with \( g_{goal} = 1 \) (Saaty 1980, weighted-sum
 * synthesis). Instances are immutable.
 *
 * @since 0.1.0
 */
public final class Hierarchy {
    private final String goal;
    private final Map<String, Object> nodes;

    private Hierarchy(String goal, Map<String, Object> nodes) {
        this.goal = goal;
        this.nodes = nodes;
    }

    /**
     * Starts a hierarchy whose goal compares its children pairwise.
     *
     * @param goal the goal's name
     * @param comparisons the comparisons of the goal's children
     * @return a builder
     * @throws AhpException if the name is blank or the matrix null
     */
    public static Builder builder(String goal, PairwiseMatrix comparisons) {
        return new Builder().add(goal, Check.notNull(comparisons, "matrix of node '" + goal + "'"));
    }

    /**
     * Starts a hierarchy whose goal gives its children's weights directly.
     *
     * @param goal the goal's name
     * @param weights the weights of the goal's children
     * @return a builder
     * @throws AhpException if the name is blank or the weights null
     */
    public static Builder builder(String goal, Weights weights) {
        return new Builder().add(goal, Check.notNull(weights, "weights of node '" + goal + "'"));
    }

    /**
     * Collects the nodes of a hierarchy. Not thread-safe; {@link #build()} returns an immutable hierarchy.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final Map<String, Object> nodes = new LinkedHashMap<>();
        private String goal;

        private Builder() {
        }

        private Builder add(String name, Object content) {
            if (name == null || name.isBlank()) {
                throw new AhpException("hierarchy node names must not be blank");
            }
            if (nodes.containsKey(name)) {
                throw new AhpException("hierarchy node '%s' is defined twice", name);
            }
            if (goal == null) {
                goal = name;
            }
            nodes.put(name, content);
            return this;
        }

        /**
         * Adds a node whose children are compared pairwise.
         *
         * @param name the node, a child of an earlier or later node
         * @param comparisons the comparisons of its children
         * @return this builder
         * @throws AhpException if the name is blank or already defined, or the matrix null
         */
        public Builder node(String name, PairwiseMatrix comparisons) {
            return add(name, Check.notNull(comparisons, "matrix of node '" + name + "'"));
        }

        /**
         * Adds a node whose children's weights are given.
         *
         * @param name the node
         * @param weights the weights of its children
         * @return this builder
         * @throws AhpException if the name is blank or already defined, or the weights null
         */
        public Builder node(String name, Weights weights) {
            return add(name, Check.notNull(weights, "weights of node '" + name + "'"));
        }

        /**
         * Checks the structure and builds the hierarchy.
         *
         * @return the hierarchy
         * @throws AhpException if a node is nobody's child, has two parents, or the goal is somebody's child
         */
        public Hierarchy build() {
            Map<String, String> parent = new HashMap<>();
            for (Map.Entry<String, Object> e : nodes.entrySet()) {
                for (String child : children(e.getValue())) {
                    if (child.equals(goal)) {
                        throw new AhpException("the goal '%s' cannot be a child of node '%s'", goal, e.getKey());
                    }
                    if (nodes.containsKey(child)) {
                        String previous = parent.put(child, e.getKey());
                        if (previous != null) {
                            throw new AhpException("node '%s' has two parents, '%s' and '%s'", child, previous,
                                e.getKey());
                        }
                    }
                }
            }
            for (String name : nodes.keySet()) {
                if (!name.equals(goal) && !parent.containsKey(name)) {
                    throw new AhpException("node '%s' is not a child of any node", name);
                }
            }
            // every non-goal node has one parent; reject cycles that do not reach the goal
            for (String name : nodes.keySet()) {
                String cur = name;
                for (int steps = 0; !cur.equals(goal); steps++) {
                    if (steps > nodes.size()) {
                        throw new AhpException("node '%s' lies on a cycle that does not reach the goal '%s'",
                            name, goal);
                    }
                    cur = parent.get(cur);
                }
            }
            return new Hierarchy(goal, new LinkedHashMap<>(nodes));
        }
    }

    static List<String> children(Object content) {
        return content instanceof PairwiseMatrix m ? m.names() : ((Weights) content).names();
    }

    /**
     * The goal's name.
     *
     * @return the root node
     */
    public String goal() {
        return goal;
    }

    /**
     * The names of the nodes (goal first), in the order they were added.
     *
     * @return an unmodifiable list
     */
    public List<String> nodeNames() {
        return List.copyOf(nodes.keySet());
    }

    /**
     * Local and global weights of every node and leaf, and the consistency of every matrix.
     *
     * @param ahp the calculator applied to each matrix
     * @return the result
     * @throws AhpException if the calculator is null or a matrix is beyond its random-index table
     */
    public HierarchyResult evaluate(Ahp ahp) {
        Check.notNull(ahp, "calculator");
        Map<String, AhpResult> local = new LinkedHashMap<>();
        Map<String, Double> global = new LinkedHashMap<>();
        Map<String, Double> leaves = new LinkedHashMap<>();
        List<HierarchyResult.Position> rows = new ArrayList<>();
        double[] sums = new double[2];
        global.put(goal, 1.0);
        rows.add(new HierarchyResult.Position(0, goal, 1, 1, Double.NaN));
        visit(goal, 1.0, 1, ahp, local, global, leaves, rows, sums);
        List<String> leafNames = new ArrayList<>(leaves.keySet());
        double[] leafValues = new double[leafNames.size()];
        for (int k = 0; k < leafValues.length; k++) {
            leafValues[k] = leaves.get(leafNames.get(k));
        }
        double overall = sums[1] > 0 ? sums[0] / sums[1] : 0;
        return new HierarchyResult(goal, Weights.normalised(leafNames, leafValues), global, local, overall,
            ahp.consistencyThreshold(), rows);
    }

    private void visit(String name, double g, int depth, Ahp ahp, Map<String, AhpResult> local,
            Map<String, Double> global, Map<String, Double> leaves, List<HierarchyResult.Position> rows, double[] sums) {
        Object content = nodes.get(name);
        Weights w;
        if (content instanceof PairwiseMatrix m) {
            AhpResult r = ahp.evaluate(m);
            local.put(name, r);
            w = r.weights();
            sums[0] += g * r.consistencyIndex();
            sums[1] += g * r.randomIndex();
            rows.set(rows.size() - 1, rows.get(rows.size() - 1).withCr(r.consistencyRatio()));
        } else {
            w = (Weights) content;
        }
        for (String child : w.names()) {
            double gc = g * w.get(child);
            rows.add(new HierarchyResult.Position(depth, child, w.get(child), gc, Double.NaN));
            if (nodes.containsKey(child)) {
                global.put(child, gc);
                visit(child, gc, depth + 1, ahp, local, global, leaves, rows, sums);
            } else {
                leaves.merge(child, gc, Double::sum);
            }
        }
    }
}
