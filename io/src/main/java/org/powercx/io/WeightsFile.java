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
 * @since 0.1.0
 */
public final class WeightsFile {
    private WeightsFile() {
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
