package org.powercx.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercx.ahp.Ahp;
import org.powercx.ahp.AhpResult;
import org.powercx.ahp.Hierarchy;
import org.powercx.ahp.HierarchyResult;
import org.powercx.ahp.PairwiseMatrix;
import org.powercx.core.Weights;

/**
 * An AHP hierarchy read from a JSON file and evaluated: every node's local weights and consistency, and, through
 * the ahp module's {@link Hierarchy}, the global (composite) weights of the leaves (a leaf under several parents
 * sums its paths) and the hierarchy's consistency ratio \( CR_H \) (Saaty 1980). The file format is described in docs/formats.md; a single matrix is a hierarchy of one node.
 *
 * @since 0.1.0
 */
public final class AhpHierarchy {
    /**
     * One evaluated node.
     *
     * @param path names from the goal down to this node, joined by {@code " / "}
     * @param name the node's name
     * @param globalWeight the node's weight relative to the goal
     * @param criteria the names of its children
     * @param matrix its judgments, or null when weights were given
     * @param result its evaluation, or null when weights were given
     * @param localWeights the children's local weights
     * @param source the JSON node, for error messages
     */
    public record Node(String path, String name, double globalWeight, List<String> criteria, PairwiseMatrix matrix,
            AhpResult result, double[] localWeights, Json source) {
    }

    private final List<Node> nodes;
    private final Map<String, Double> leaves;
    private final double consistencyRatio;

    private AhpHierarchy(List<Node> nodes, Map<String, Double> leaves, double consistencyRatio) {
        this.nodes = nodes;
        this.leaves = leaves;
        this.consistencyRatio = consistencyRatio;
    }

    /**
     * Reads and evaluates a hierarchy or matrix file.
     *
     * @param file the JSON file
     * @param ahp the calculator for every node
     * @return the evaluated hierarchy
     * @throws CliException naming the file, line and field of any bad value
     */
    public static AhpHierarchy read(Path file, Ahp ahp) {
        return evaluate(Json.read(file), ahp);
    }

    /**
     * Evaluates a parsed hierarchy or matrix.
     *
     * @param root the parsed file
     * @param ahp the calculator for every node
     * @return the evaluated hierarchy
     * @throws CliException naming the file, line and field of any bad value
     */
    public static AhpHierarchy evaluate(Json root, Ahp ahp) {
        List<Node> nodes = new ArrayList<>();
        Map<String, Double> leaves = new LinkedHashMap<>();
        String goal = root.has("goal") ? root.get("goal").text() : "goal";
        walk(root, goal, goal, 1.0, ahp, nodes, leaves, true);
        // synthesis and the hierarchy's CR by the ahp module, over the nodes read and checked above
        Hierarchy.Builder b = null;
        for (Node n : nodes) {
            try {
                Weights given = Weights.of(n.criteria(), n.localWeights());
                if (b == null) {
                    b = n.matrix() != null ? Hierarchy.builder(n.name(), n.matrix())
                        : Hierarchy.builder(n.name(), given);
                } else if (n.matrix() != null) {
                    b.node(n.name(), n.matrix());
                } else {
                    b.node(n.name(), given);
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
            throw root.error("%s", e.getMessage());
        }
        Map<String, Double> global = new LinkedHashMap<>();
        Weights w = result.leafWeights();
        for (String leaf : leaves.keySet()) {
            global.put(leaf, w.get(leaf));
        }
        return new AhpHierarchy(List.copyOf(nodes), global, result.consistencyRatio());
    }

    private static void walk(Json node, String name, String path, double global, Ahp ahp, List<Node> nodes,
            Map<String, Double> leaves, boolean root) {
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
        PairwiseMatrix matrix = null;
        AhpResult result = null;
        double[] local;
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
            }
            if (matrix != null) {
                result = ahp.evaluate(matrix);
                local = result.weights().values();
            } else if (node.has("weights")) {
                local = Weights.normalised(criteria, node.get("weights").numbers()).values();
            } else {
                local = new double[] {1.0};
            }
        } catch (IllegalArgumentException e) {
            Json where = node.has("matrix") ? node.get("matrix")
                : node.has("upper") ? node.get("upper") : node.has("weights") ? node.get("weights") : node;
            throw where.error("%s", e.getMessage());
        }
        nodes.add(new Node(path, name, global, criteria, matrix, result, local, node));
        Json children = node.has("children") ? node.get("children") : null;
        if (children != null) {
            for (String key : children.fieldNames()) {
                if (!criteria.contains(key)) {
                    throw children.get(key).error("'%s' is not one of the criteria %s", key, criteria);
                }
            }
        }
        for (int i = 0; i < criteria.size(); i++) {
            String c = criteria.get(i);
            double g = global * local[i];
            if (children != null && children.has(c)) {
                walk(children.get(c), c, path + " / " + c, g, ahp, nodes, leaves, false);
            } else {
                leaves.merge(c, g, Double::sum);
            }
        }
    }

    /**
     * The evaluated nodes, goal first, depth first.
     *
     * @return the nodes
     */
    public List<Node> nodes() {
        return nodes;
    }

    /**
     * The leaves' global weights in file order; they sum to 1.
     *
     * @return the weights
     */
    public Weights globalWeights() {
        return Weights.normalised(leaves);
    }

    /**
     * The hierarchy's consistency ratio, 0 when no node has three or more criteria.
     *
     * @return \( CR_H \)
     */
    public double consistencyRatio() {
        return consistencyRatio;
    }
}
