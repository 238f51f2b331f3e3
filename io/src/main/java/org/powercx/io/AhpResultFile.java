package org.powercx.io;

import java.nio.file.Path;
import org.powercx.ahp.AhpResult;

/**
 * Saves and loads the evaluation of one pairwise comparison matrix ({@link AhpResult}): the criteria, the matrix,
 * the priorities and the consistency figures, as computed; a loaded result equals the saved one.
 *
 * <p>The file is a PowerCX model file of kind {@code ahp-result}, version {@value #VERSION} (envelope and
 * provenance as described in the file-format chapter of the user guide); doubles are written so that they read
 * back with the same bits. Reading checks the kind and version first and never runs Java deserialization; every
 * error names the file, the line and the field.
 *
 * @since 0.2.0
 */
public final class AhpResultFile {
    /** The kind of the file. */
    public static final String KIND = "ahp-result";
    /** The newest version this library writes and reads. */
    public static final int VERSION = 1;

    private AhpResultFile() {
    }

    /**
     * Writes a file atomically (a temporary file in the same directory, then a move).
     *
     * @param file the target; its directory must exist
     * @param value the value to save
     * @param provenance where it came from
     * @throws FileFormatException if an argument is null, a parameter is not finite or the file cannot be written
     */
    public static void write(Path file, AhpResult value, Provenance provenance) {
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
    public static String toJson(AhpResult value, Provenance provenance) {
        return ModelFile.toText(KIND, VERSION, provenance, body(value));
    }

    /**
     * Reads a file.
     *
     * @param file the file
     * @return the value
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static AhpResult read(Path file) {
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
    public static AhpResult parse(Json root) {
        ModelFile.open(root, KIND, VERSION);
        root.allowOnly(ValueFields.allowed(ValueFields.AHP_RESULT_FIELDS));
        return ValueFields.ahpResult(root);
    }

    private static ModelFile.Body body(AhpResult value) {
        if (value == null) {
            throw new FileFormatException("%s: value is null", KIND);
        }
        return out -> {
            ValueFields.ahpResult(out, value);
        };
    }
}
