package org.powercx.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.powercx.ahp.Ahp;
import org.powercx.ahp.AhpResult;
import org.powercx.ahp.Hierarchy;
import org.powercx.ahp.HierarchyResult;
import org.powercx.ahp.PairwiseMatrix;
import org.powercx.core.Weights;

/**
 * An AHP hierarchy read from a JSON file and evaluated: every node's local weights and consistency, and, through
 * the ahp module's {@link Hierarchy}, the global (composite) weights of the leaves (a leaf under several parents
 * sums its paths) and the hierarchy's consistency ratio \( CR_H \) (T. L. Saaty 1980, The Analytic Hierarchy
 * Process, McGraw-Hill). The file format is described in the user guide's file-format chapter; a single matrix
 * is a hierarchy of one node. Each matrix is evaluated once, by {@link Hierarchy#evaluate(Ahp)}. Immutable.
 *
 * @since 0.1.0
 */
public final class AhpHierarchyFile {
    /**
     * One evaluated node: its place in the tree, its criteria, its judgments or given weights, and its
     * evaluation. Built only by {@link AhpHierarchyFile}; immutable.
     */
    public static final class Node {
        private final String path;
        private final String name;
        private final double globalWeight;
        private final List<String> criteria;
        private final PairwiseMatrix matrix;
        private final AhpResult result;
        private final double[] localWeights;
        private final Json source;

        Node(String path, String name, double globalWeight, List<String> criteria, PairwiseMatrix matrix,
                AhpResult result, double[] localWeights, Json source) {
            this.path = path;
            this.name = name;
            this.globalWeight = globalWeight;
            this.criteria = List.copyOf(criteria);
            this.matrix = matrix;
            this.result = result;
            this.localWeights = localWeights.clone();
            this.source = source;
        }

        /**
         * The names from the goal down to this node.
         *
         * @return the names joined by {@code " / "}
         */
        public String path() {
            return path;
        }

        /**
         * The node's name.
         *
         * @return the name
         */
        public String name() {
            return name;
        }

        /**
         * The node's weight relative to the goal.
         *
         * @return the product of local weights from the goal, 1 for the goal
         */
        public double globalWeight() {
            return globalWeight;
        }

        /**
         * The names of the node's children.
         *
         * @return an unmodifiable list
         */
        public List<String> criteria() {
            return criteria;
        }

        /**
         * The node's judgments.
         *
         * @return the matrix, or null when weights were given
         */
        public PairwiseMatrix matrix() {
            return matrix;
        }

        /**
         * The evaluation of the node's matrix.
         *
         * @return the result, or null when weights were given
         */
        public AhpResult result() {
            return result;
        }

        /**
         * The children's local weights, in criteria order.
         *
         * @return a copy
         */
        public double[] localWeights() {
            return localWeights.clone();
        }

        /**
         * The JSON node the node was read from, for error messages about it.
         *
         * @return the located JSON value
         */
        public Json source() {
            return source;
        }

        @Override
        public String toString() {
            return path + " " + criteria;
        }
    }

    /** A node as read from the file, before evaluation. */
    private record Parsed(String path, String name, List<String> criteria, PairwiseMatrix matrix, Weights weights,
            Json source, Json judgments) {
    }

    private final List<Node> nodes;
    private final HierarchyResult result;

    private AhpHierarchyFile(List<Node> nodes, HierarchyResult result) {
        this.nodes = nodes;
        this.result = result;
    }

    /**
     * Reads and evaluates a hierarchy or matrix file.
     *
     * @param file the JSON file
     * @param ahp the calculator for every node
     * @return the evaluated hierarchy
     * @throws FileFormatException naming the file, line and field of any bad value, or if an argument is null
     */
    public static AhpHierarchyFile read(Path file, Ahp ahp) {
        if (ahp == null) {
            throw new FileFormatException("AHP calculator is null");
        }
        return evaluate(Json.read(file), ahp);
    }

    /**
     * Evaluates a parsed hierarchy or matrix.
     *
     * @param root the parsed file
     * @param ahp the calculator for every node
     * @return the evaluated hierarchy
     * @throws FileFormatException naming the file, line and field of any bad value, or if an argument is null
     */
    public static AhpHierarchyFile evaluate(Json root, Ahp ahp) {
        if (root == null || ahp == null) {
            throw new FileFormatException("%s is null", root == null ? "parsed AHP file" : "AHP calculator");
        }
        List<Parsed> parsed = new ArrayList<>();
        String goal = root.has("goal") ? root.get("goal").text() : "goal";
        walk(root, goal, goal, parsed, true);
        Hierarchy.Builder b = null;
        for (Parsed n : parsed) {
            try {
                if (b == null) {
                    b = n.matrix() != null ? Hierarchy.builder(n.name(), n.matrix())
                        : Hierarchy.builder(n.name(), n.weights());
                } else if (n.matrix() != null) {
                    b.node(n.name(), n.matrix());
                } else {
                    b.node(n.name(), n.weights());
                }
            } catch (IllegalArgumentException e) {
                // for example a criterion named like the goal or like another node that has children
                throw n.source().error("%s", e.getMessage());
            }
        }
        HierarchyResult result;
        try {
            result = b.build().evaluate(ahp);
        } catch (IllegalArgumentException e) {
            throw locate(parsed, ahp, root, e);
        }
        List<Node> nodes = new ArrayList<>(parsed.size());
        for (Parsed n : parsed) {
            AhpResult local = n.matrix() != null ? result.local(n.name()) : null;
            double[] weights = local != null ? local.weights().values() : n.weights().values();
            nodes.add(new Node(n.path(), n.name(), result.globalWeight(n.name()), n.criteria(), n.matrix(), local,
                weights, n.source()));
        }
        return new AhpHierarchyFile(List.copyOf(nodes), result);
    }

    /**
     * Names the matrix that the calculator rejects. Runs only on the error path, once per matrix until the one
     * that fails is found, so that the message points at its line; an error of the hierarchy as a whole points
     * at the root.
     */
    private static FileFormatException locate(List<Parsed> parsed, Ahp ahp, Json root, IllegalArgumentException e) {
        for (Parsed n : parsed) {
            if (n.matrix() != null) {
                try {
                    ahp.evaluate(n.matrix());
                } catch (IllegalArgumentException local) {
                    return n.judgments().error("%s", local.getMessage());
                }
            }
        }
        return root.error("%s", e.getMessage());
    }

    private static void walk(Json node, String name, String path, List<Parsed> parsed, boolean root) {
        if (root) {
            node.allowOnly("goal", "criteria", "matrix", "upper", "weights", "children", "description");
        } else {
            node.allowOnly("criteria", "matrix", "upper", "weights", "children", "description");
        }
        List<String> criteria = node.get("criteria").texts();
        if (criteria.isEmpty()) {
            throw node.get("criteria").error("needs at least one criterion");
        }
        int given = (node.has("matrix") ? 1 : 0) + (node.has("upper") ? 1 : 0) + (node.has("weights") ? 1 : 0);
        if (given != 1 && criteria.size() > 1) {
            throw node.error("node '%s' needs exactly one of 'matrix', 'upper' or 'weights'", name);
        }
        Json where = node.has("matrix") ? node.get("matrix")
            : node.has("upper") ? node.get("upper") : node.has("weights") ? node.get("weights") : node;
        PairwiseMatrix matrix = null;
        Weights weights = null;
        try {
            if (node.has("matrix")) {
                List<Json> rows = node.get("matrix").items();
                double[][] a = new double[rows.size()][];
                for (int i = 0; i < a.length; i++) {
                    a[i] = rows.get(i).numbers();
                }
                matrix = PairwiseMatrix.of(criteria, a);
            } else if (node.has("upper")) {
                matrix = PairwiseMatrix.fromUpperTriangle(criteria, node.get("upper").numbers());
            } else if (node.has("weights")) {
                weights = Weights.normalised(criteria, node.get("weights").numbers());
            } else {
                weights = Weights.of(criteria, new double[] {1.0});
            }
        } catch (IllegalArgumentException e) {
            throw where.error("%s", e.getMessage());
        }
        parsed.add(new Parsed(path, name, criteria, matrix, weights, node, where));
        Json children = node.has("children") ? node.get("children") : null;
        if (children != null) {
            for (String key : children.fieldNames()) {
                if (!criteria.contains(key)) {
                    throw children.get(key).error("'%s' is not one of the criteria %s", key, criteria);
                }
            }
            for (String c : criteria) {
                if (children.has(c)) {
                    walk(children.get(c), c, path + " / " + c, parsed, false);
                }
            }
        }
    }

    /**
     * The evaluated nodes, goal first, depth first.
     *
     * @return an unmodifiable list
     */
    public List<Node> nodes() {
        return nodes;
    }

    /**
     * The ahp module's evaluation of the whole hierarchy.
     *
     * @return the result
     */
    public HierarchyResult result() {
        return result;
    }

    /**
     * The leaves' global weights; they sum to 1.
     *
     * @return the weights
     */
    public Weights globalWeights() {
        return result.leafWeights();
    }

    /**
     * The hierarchy's consistency ratio, 0 when no node has three or more criteria.
     *
     * @return \( CR_H \)
     */
    public double consistencyRatio() {
        return result.consistencyRatio();
    }
}
