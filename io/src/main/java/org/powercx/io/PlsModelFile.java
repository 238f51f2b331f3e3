package org.powercx.io;

import java.nio.file.Path;
import org.powercx.satisfaction.PathModel;

/**
 * Reads a PLS path model from a JSON file: {@code constructs} (each with {@code name}, {@code mode} A or B and
 * {@code indicators}) and {@code paths} (each source construct mapped to the constructs it drives). The format
 * is described in the file-format chapter of the user guide. Every error names the file, the line and the
 * field.
 *
 * @since 0.1.0
 */
public final class PlsModelFile {
    private PlsModelFile() {
    }

    /**
     * Reads and validates a model file.
     *
     * @param file the JSON file
     * @return the model
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static PathModel read(Path file) {
        if (file == null) {
            throw new FileFormatException("model file is null");
        }
        return parse(Json.read(file));
    }

    /**
     * Builds a model from a parsed file.
     *
     * @param root the parsed file
     * @return the model
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static PathModel parse(Json root) {
        if (root == null) {
            throw new FileFormatException("parsed model file is null");
        }
        root.allowOnly("constructs", "paths", "description");
        PathModel.Builder b = PathModel.builder();
        PlsModelReader.paths(root, PlsModelReader.constructs(root, b::construct), b::path);
        return PlsModelReader.build(root, b::build);
    }
}
