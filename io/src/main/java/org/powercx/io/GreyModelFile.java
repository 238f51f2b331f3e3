package org.powercx.io;

import java.nio.file.Path;
import org.powercx.grey.GreyModelFit;
import org.powercx.grey.ResidualRange;

/**
 * Saves and loads a fitted GM(1,1) model ({@link GreyModelFit}): the series, the development coefficient
 * {@code a}, the grey input {@code b}, the shift and the residual range. A loaded fit recomputes the same fitted
 * values, checks and forecasts.
 *
 * <p>The file is a PowerCX model file of kind {@code grey-model}, version {@value #VERSION} (envelope and
 * provenance as described in the file-format chapter of the user guide); doubles are written so that they read
 * back with the same bits. Reading checks the kind and version first and never runs Java deserialization; every
 * error names the file, the line and the field.
 *
 * @since 0.2.0
 */
public final class GreyModelFile {
    /** The kind of the file. */
    public static final String KIND = "grey-model";
    /** The newest version this library writes and reads. */
    public static final int VERSION = 1;

    private GreyModelFile() {
    }

    /**
     * Writes a file atomically (a temporary file in the same directory, then a move).
     *
     * @param file the target; its directory must exist
     * @param value the value to save
     * @param provenance where it came from
     * @throws FileFormatException if an argument is null, a parameter is not finite or the file cannot be written
     */
    public static void write(Path file, GreyModelFit value, Provenance provenance) {
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
    public static String toJson(GreyModelFit value, Provenance provenance) {
        return ModelFile.toText(KIND, VERSION, provenance, body(value));
    }

    /**
     * Reads a file.
     *
     * @param file the file
     * @return the value
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static GreyModelFit read(Path file) {
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
    public static GreyModelFit parse(Json root) {
        ModelFile.open(root, KIND, VERSION);
        root.allowOnly(ValueFields.allowed("series", "a", "b", "shift", "residualRange"));
        double[] series = root.get("series").numbers();
        double a = root.get("a").number();
        double b = root.get("b").number();
        double shift = root.get("shift").number();
        ResidualRange range = ValueFields.constant(root.get("residualRange"), ResidualRange.class);
        return ValueFields.build(root, () -> GreyModelFit.of(new GreyModelFit.Parameters(series, a, b, shift, range)));
    }

    private static ModelFile.Body body(GreyModelFit value) {
        if (value == null) {
            throw new FileFormatException("%s: value is null", KIND);
        }
        return out -> {
            GreyModelFit.Parameters p = value.parameters();
            ModelFile.numbers(out, "series", p.series());
            ModelFile.number(out, "a", p.a());
            ModelFile.number(out, "b", p.b());
            ModelFile.number(out, "shift", p.shift());
            out.writeStringField("residualRange", p.residualRange().name());
        };
    }
}
