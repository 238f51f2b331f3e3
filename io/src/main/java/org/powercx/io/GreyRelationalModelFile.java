package org.powercx.io;

import java.nio.file.Path;
import java.util.List;
import org.powercx.core.Normaliser;
import org.powercx.core.Weights;
import org.powercx.grey.GreyRelationalModel;

/**
 * Saves and loads a fitted {@link GreyRelationalModel}: its normaliser (method, indicators, locations, scales),
 * weights, normalised reference, clip bounds, the per-indicator normalisation path ({@code inline}), rho and
 * the calibration Delta-min and Delta-max. A loaded model scores every row with the same bits as the saved one.
 *
 * <p>The file is a PowerCX model file of kind {@code grey-relational-model}, version {@value #VERSION} (envelope and
 * provenance as described in the file-format chapter of the user guide); doubles are written so that they read
 * back with the same bits. Reading checks the kind and version first and never runs Java deserialization; every
 * error names the file, the line and the field.
 *
 * @since 0.2.0
 */
public final class GreyRelationalModelFile {
    /** The kind of the file. */
    public static final String KIND = "grey-relational-model";
    /** The newest version this library writes and reads. */
    public static final int VERSION = 1;

    private GreyRelationalModelFile() {
    }

    /**
     * Writes a file atomically (a temporary file in the same directory, then a move).
     *
     * @param file the target; its directory must exist
     * @param value the value to save
     * @param provenance where it came from
     * @throws FileFormatException if an argument is null, a parameter is not finite or the file cannot be written
     */
    public static void write(Path file, GreyRelationalModel value, Provenance provenance) {
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
    public static String toJson(GreyRelationalModel value, Provenance provenance) {
        return ModelFile.toText(KIND, VERSION, provenance, body(value));
    }

    /**
     * Reads a file.
     *
     * @param file the file
     * @return the value
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static GreyRelationalModel read(Path file) {
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
    public static GreyRelationalModel parse(Json root) {
        ModelFile.open(root, KIND, VERSION);
        root.allowOnly(ValueFields.allowed("normaliser", "weights", "reference", "lowerBounds", "upperBounds",
            "inline", "distinguishingCoefficient", "deltaMin", "deltaMax"));
        Normaliser.Parameters normaliser = ValueFields.normaliser(root.get("normaliser"));
        Weights weights = ValueFields.weights(root.get("weights"));
        double[] reference = root.get("reference").numbers();
        double[] lower = root.get("lowerBounds").numbers();
        double[] upper = root.get("upperBounds").numbers();
        List<Json> items = root.get("inline").items();
        boolean[] inline = new boolean[items.size()];
        for (int j = 0; j < inline.length; j++) {
            inline[j] = items.get(j).bool();
        }
        double rho = root.get("distinguishingCoefficient").number();
        double deltaMin = root.get("deltaMin").number();
        double deltaMax = root.get("deltaMax").number();
        return ValueFields.build(root, () -> GreyRelationalModel.of(new GreyRelationalModel.Parameters(normaliser,
            weights, reference, lower, upper, inline, rho, deltaMin, deltaMax)));
    }

    private static ModelFile.Body body(GreyRelationalModel value) {
        if (value == null) {
            throw new FileFormatException("%s: value is null", KIND);
        }
        return out -> {
            GreyRelationalModel.Parameters p = value.parameters();
            ValueFields.normaliser(out, "normaliser", p.normaliser());
            ValueFields.weights(out, "weights", p.weights());
            ModelFile.numbers(out, "reference", p.reference());
            ModelFile.numbers(out, "lowerBounds", p.lowerBounds());
            ModelFile.numbers(out, "upperBounds", p.upperBounds());
            out.writeArrayFieldStart("inline");
            for (boolean b : p.inline()) {
                out.writeBoolean(b);
            }
            out.writeEndArray();
            ModelFile.number(out, "distinguishingCoefficient", p.distinguishingCoefficient());
            ModelFile.number(out, "deltaMin", p.deltaMin());
            ModelFile.number(out, "deltaMax", p.deltaMax());
        };
    }
}
