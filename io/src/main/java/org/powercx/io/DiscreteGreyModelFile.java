package org.powercx.io;

import java.nio.file.Path;
import java.util.List;
import org.powercx.grey.DiscreteGreyModel;

/**
 * Saves and loads a fitted DGM(1,1) model ({@link DiscreteGreyModel}), kind {@code discrete-grey-model},
 * version 1: the series and the coefficients {@code beta1} and {@code beta2} of
 * {@link DiscreteGreyModel.Parameters} in the shared envelope. A loaded model gives the same fitted values and
 * forecasts bit for bit. Reading never runs Java deserialization; every error names the file, the line and the
 * field.
 *
 * @since 0.2.0
 */
public final class DiscreteGreyModelFile {
    /** The kind. */
    public static final String KIND = "discrete-grey-model";
    /** The newest version this library writes and reads. */
    public static final int VERSION = 1;

    private static final FitFile<DiscreteGreyModel> FILE = new FitFile<>(KIND, VERSION,
        List.of("series", "beta1", "beta2"),
        (out, model) -> {
            DiscreteGreyModel.Parameters p = model.parameters();
            ModelFile.numbers(out, "series", p.series());
            ModelFile.number(out, "beta1", p.beta1());
            ModelFile.number(out, "beta2", p.beta2());
        },
        root -> DiscreteGreyModel.of(new DiscreteGreyModel.Parameters(root.get("series").numbers(),
            root.get("beta1").number(), root.get("beta2").number())));

    private DiscreteGreyModelFile() {
    }

    /**
     * Writes a DGM(1,1) model atomically (a temporary file in the same directory, then a move).
     *
     * @param file the target file; its directory must exist
     * @param model the model
     * @param provenance where it came from
     * @throws FileFormatException if an argument is null, a parameter is not finite or the file cannot be written
     */
    public static void write(Path file, DiscreteGreyModel model, Provenance provenance) {
        FILE.write(file, model, provenance);
    }

    /**
     * The JSON text of a file.
     *
     * @param model the model
     * @param provenance where it came from
     * @return the text
     * @throws FileFormatException if an argument is null or a parameter is not finite
     */
    public static String toJson(DiscreteGreyModel model, Provenance provenance) {
        return FILE.toJson(model, provenance);
    }

    /**
     * Reads a file.
     *
     * @param file the file
     * @return the model
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static DiscreteGreyModel read(Path file) {
        return FILE.read(file);
    }

    /**
     * Reads a model from JSON text.
     *
     * @param text the text
     * @param name the name errors give the text, such as a file name
     * @return the model
     * @throws FileFormatException naming the line and field of any error
     */
    public static DiscreteGreyModel parse(String text, String name) {
        return FILE.parse(text, name);
    }

    /**
     * Builds a model from a parsed file (or an embedded file's node).
     *
     * @param root the parsed file
     * @return the model
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static DiscreteGreyModel parse(Json root) {
        return FILE.parse(root);
    }
}
