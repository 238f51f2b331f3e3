package org.powercx.io;

import java.nio.file.Path;
import org.powercx.core.Normaliser;

/**
 * Saves and loads a fitted {@link Normaliser}: the method, the fitted indicators and each column's location and
 * scale (a scale of 0 marks a degenerate column). A loaded normaliser maps every value to the same bits.
 *
 * <p>The file is a PowerCX model file of kind {@code normaliser}, version {@value #VERSION} (envelope and
 * provenance as described in the file-format chapter of the user guide); doubles are written so that they read
 * back with the same bits. Reading checks the kind and version first and never runs Java deserialization; every
 * error names the file, the line and the field.
 *
 * @since 0.2.0
 */
public final class NormaliserFile {
    /** The kind of the file. */
    public static final String KIND = "normaliser";
    /** The newest version this library writes and reads. */
    public static final int VERSION = 1;

    private NormaliserFile() {
    }

    /**
     * Writes a file atomically (a temporary file in the same directory, then a move).
     *
     * @param file the target; its directory must exist
     * @param value the value to save
     * @param provenance where it came from
     * @throws FileFormatException if an argument is null, a parameter is not finite or the file cannot be written
     */
    public static void write(Path file, Normaliser value, Provenance provenance) {
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
    public static String toJson(Normaliser value, Provenance provenance) {
        return ModelFile.toText(KIND, VERSION, provenance, body(value));
    }

    /**
     * Reads a file.
     *
     * @param file the file
     * @return the value
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static Normaliser read(Path file) {
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
    public static Normaliser parse(Json root) {
        ModelFile.open(root, KIND, VERSION);
        root.allowOnly(ValueFields.allowed("normaliser"));
        return Normaliser.of(ValueFields.normaliser(root.get("normaliser")));
    }

    private static ModelFile.Body body(Normaliser value) {
        if (value == null) {
            throw new FileFormatException("%s: value is null", KIND);
        }
        return out -> {
            ValueFields.normaliser(out, "normaliser", value.parameters());
        };
    }
}
