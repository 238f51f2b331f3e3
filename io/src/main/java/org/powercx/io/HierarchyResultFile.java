package org.powercx.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercx.ahp.AhpResult;
import org.powercx.ahp.HierarchyResult;
import org.powercx.core.Weights;

/**
 * Saves and loads the evaluation of an AHP hierarchy ({@link HierarchyResult}): the goal, the leaves' and the
 * nodes' global weights, each matrix node's {@link AhpResult} (as in an {@link AhpResultFile}), the overall
 * consistency ratio and threshold, and the lines of the tree; a loaded result has the same accessors and print.
 *
 * <p>The file is a PowerCX model file of kind {@code hierarchy-result}, version {@value #VERSION} (envelope and
 * provenance as described in the file-format chapter of the user guide); doubles are written so that they read
 * back with the same bits. Reading checks the kind and version first and never runs Java deserialization; every
 * error names the file, the line and the field.
 *
 * @since 0.2.0
 */
public final class HierarchyResultFile {
    /** The kind of the file. */
    public static final String KIND = "hierarchy-result";
    /** The newest version this library writes and reads. */
    public static final int VERSION = 1;

    private HierarchyResultFile() {
    }

    /**
     * Writes a file atomically (a temporary file in the same directory, then a move).
     *
     * @param file the target; its directory must exist
     * @param value the value to save
     * @param provenance where it came from
     * @throws FileFormatException if an argument is null, a parameter is not finite or the file cannot be written
     */
    public static void write(Path file, HierarchyResult value, Provenance provenance) {
        ModelFile.write(file, KIND, VERSION, provenance, body(value));
    }

    /**
     * The text of a file.
     *
     * @param value the value to save
     * @param provenance where it came from
     * @return the JSON text
     * @throws FileFormatException if an argument is null or a parameter is not finite
     */
    public static String toJson(HierarchyResult value, Provenance provenance) {
        return ModelFile.toText(KIND, VERSION, provenance, body(value));
    }

    /**
     * Reads a file.
     *
     * @param file the file
     * @return the value
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static HierarchyResult read(Path file) {
        if (file == null) {
            throw new FileFormatException("%s file is null", KIND);
        }
        return parse(Json.read(file));
    }

    /**
     * The value in a parsed file.
     *
     * @param root the parsed file
     * @return the value
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static HierarchyResult parse(Json root) {
        ModelFile.open(root, KIND, VERSION);
        root.allowOnly(ValueFields.allowed("goal", "leafWeights", "nodeWeights", "matrices", "consistencyRatio",
            "threshold", "tree"));
        String goal = root.get("goal").text();
        Weights leaves = ValueFields.weights(root.get("leafWeights"));
        Map<String, Double> nodes = ValueFields.numberMap(root.get("nodeWeights"));
        Map<String, AhpResult> matrices = new LinkedHashMap<>();
        for (Json item : root.get("matrices").items()) {
            List<String> allowed = new ArrayList<>(List.of(ValueFields.AHP_RESULT_FIELDS));
            allowed.add("node");
            item.allowOnly(allowed.toArray(new String[0]));
            String node = item.get("node").text();
            if (matrices.put(node, ValueFields.ahpResult(item)) != null) {
                throw item.get("node").error("node '%s' has two matrices", node);
            }
        }
        double cr = root.get("consistencyRatio").number();
        double threshold = root.get("threshold").number();
        List<HierarchyResult.Position> tree = new ArrayList<>();
        for (Json item : root.get("tree").items()) {
            item.allowOnly("depth", "name", "localWeight", "globalWeight", "consistencyRatio");
            int depth = item.get("depth").integer(0, Integer.MAX_VALUE);
            String name = item.get("name").text();
            double local = item.get("localWeight").number();
            double global = item.get("globalWeight").number();
            double nodeCr = item.has("consistencyRatio") ? item.get("consistencyRatio").number() : Double.NaN;
            tree.add(ValueFields.build(item, () -> new HierarchyResult.Position(depth, name, local, global, nodeCr)));
        }
        return ValueFields.build(root, () -> HierarchyResult.of(new HierarchyResult.Parameters(goal, leaves, nodes,
            matrices, cr, threshold, tree)));
    }

    private static ModelFile.Body body(HierarchyResult value) {
        if (value == null) {
            throw new FileFormatException("%s: value is null", KIND);
        }
        return out -> {
            HierarchyResult.Parameters p = value.parameters();
            out.writeStringField("goal", p.goal());
            ValueFields.weights(out, "leafWeights", p.leafWeights());
            out.writeObjectFieldStart("nodeWeights");
            for (Map.Entry<String, Double> e : p.nodeWeights().entrySet()) {
                ModelFile.number(out, e.getKey(), e.getValue());
            }
            out.writeEndObject();
            out.writeArrayFieldStart("matrices");
            for (Map.Entry<String, AhpResult> e : p.localResults().entrySet()) {
                out.writeStartObject();
                out.writeStringField("node", e.getKey());
                ValueFields.ahpResult(out, e.getValue());
                out.writeEndObject();
            }
            out.writeEndArray();
            ModelFile.number(out, "consistencyRatio", p.consistencyRatio());
            ModelFile.number(out, "threshold", p.threshold());
            out.writeArrayFieldStart("tree");
            for (HierarchyResult.Position r : p.positions()) {
                out.writeStartObject();
                out.writeNumberField("depth", r.depth());
                out.writeStringField("name", r.name());
                ModelFile.number(out, "localWeight", r.localWeight());
                ModelFile.number(out, "globalWeight", r.globalWeight());
                if (!Double.isNaN(r.consistencyRatio())) {
                    ModelFile.number(out, "consistencyRatio", r.consistencyRatio());
                }
                out.writeEndObject();
            }
            out.writeEndArray();
        };
    }
}
