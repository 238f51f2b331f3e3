package org.powercx.io;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.powercx.ahp.Ahp;
import org.powercx.core.Weights;

/**
 * Reads indicator weights from a JSON file: either a weights file, {@code {"weights": {"name": value, ...}}}
 * with non-negative values rescaled to sum 1, or an AHP matrix or hierarchy file (a file with
 * {@code "criteria"}), whose leaves' global weights are used, evaluated by {@link AhpHierarchyFile}. The formats
 * are described in the user guide's file-format chapter.
 *
 * <p>{@link #write} saves weights as a PowerCX model file of kind {@code weights}, version {@value #VERSION}
 * ({@code "weights": {"name": value, ...}} inside the shared envelope); such a file reads back with the same bits
 * (its weights are not rescaled), while a plain weights file is rescaled to sum 1 as before.
 *
 * @since 0.1.0
 */
public final class WeightsFile {
    /**
     * The kind of a saved weights file.
     *
     * @since 0.2.0
     */
    public static final String KIND = "weights";
    /**
     * The newest version of a saved weights file this library writes and reads.
     *
     * @since 0.2.0
     */
    public static final int VERSION = 1;

    private WeightsFile() {
    }

    /**
     * Writes weights as a model file, atomically (a temporary file in the same directory, then a move).
     *
     * @param file the target; its directory must exist
     * @param weights the weights
     * @param provenance where they came from
     * @throws FileFormatException if an argument is null or the file cannot be written
     * @since 0.2.0
     */
    public static void write(Path file, Weights weights, Provenance provenance) {
        ModelFile.write(file, KIND, VERSION, provenance, body(weights));
    }

    /**
     * The text of a weights model file.
     *
     * @param weights the weights
     * @param provenance where they came from
     * @return the JSON text
     * @throws FileFormatException if an argument is null
     * @since 0.2.0
     */
    public static String toJson(Weights weights, Provenance provenance) {
        return ModelFile.toText(KIND, VERSION, provenance, body(weights));
    }

    private static ModelFile.Body body(Weights weights) {
        if (weights == null) {
            throw new FileFormatException("%s: value is null", KIND);
        }
        return out -> ValueFields.weights(out, "weights", weights);
    }

    /**
     * Reads weights, evaluating an AHP file with {@link Ahp#withDefaults()}.
     *
     * @param file a weights or AHP file
     * @return weights that sum to 1, in file order
     * @throws FileFormatException naming the file, line and field of any bad value
     */
    public static Weights read(Path file) {
        return read(file, Ahp.withDefaults());
    }

    /**
     * Reads weights, evaluating an AHP file with the given calculator.
     *
     * @param file a weights or AHP file
     * @param ahp the calculator for an AHP file's matrices
     * @return weights that sum to 1, in file order
     * @throws FileFormatException naming the file, line and field of any bad value, or if an argument is null
     */
    public static Weights read(Path file, Ahp ahp) {
        if (ahp == null) {
            throw new FileFormatException("AHP calculator is null");
        }
        return parse(Json.read(file), ahp);
    }

    /**
     * Weights from a parsed weights or AHP file.
     *
     * @param root the parsed file
     * @param ahp the calculator for an AHP file's matrices
     * @return weights that sum to 1, in file order
     * @throws FileFormatException naming the file, line and field of any bad value, or if an argument is null
     */
    public static Weights parse(Json root, Ahp ahp) {
        if (root == null || ahp == null) {
            throw new FileFormatException("%s is null", root == null ? "parsed weights file" : "AHP calculator");
        }
        if (root.has("criteria")) {
            return AhpHierarchyFile.evaluate(root, ahp).globalWeights();
        }
        if (root.isObject() && root.has("format")) {
            ModelFile.open(root, KIND, VERSION);
            root.allowOnly(ValueFields.allowed("weights", "description"));
            return ValueFields.weights(root.get("weights"));
        }
        root.allowOnly("weights", "description");
        Json node = root.get("weights");
        Map<String, Double> map = new LinkedHashMap<>();
        for (String name : node.fieldNames()) {
            double v = node.get(name).number();
            if (v < 0) {
                throw node.get(name).error("weight must not be negative");
            }
            map.put(name, v);
        }
        if (map.isEmpty()) {
            throw node.error("no weights given");
        }
        try {
            return Weights.normalised(map);
        } catch (IllegalArgumentException e) {
            throw node.error("%s", e.getMessage());
        }
    }
}
