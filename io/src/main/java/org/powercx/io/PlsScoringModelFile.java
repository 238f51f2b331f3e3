package org.powercx.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.powercx.satisfaction.PlsScoringModel;
import org.powercx.satisfaction.Scaling;

/**
 * Saves and loads a PLS scoring model ({@link PlsScoringModel}), kind {@code pls-scoring-model}, version 1: the
 * fields of {@link PlsScoringModel.Parameters} ({@code blocks}, an object from each construct to
 * its indicators in model order, {@code weights}, {@code means}, {@code standardDeviations}, {@code scaling},
 * {@code scaleMin}, {@code scaleMax}) in the shared envelope. A loaded model scores new respondents with the same
 * bits. Reading never runs Java deserialization; every error names the file, the line and the field.
 *
 * @since 0.2.0
 */
public final class PlsScoringModelFile {
    /** The kind. */
    public static final String KIND = "pls-scoring-model";
    /** The newest version this library writes and reads. */
    public static final int VERSION = 1;

    private static final FitFile<PlsScoringModel> FILE = new FitFile<>(KIND, VERSION,
        List.of("blocks", "weights", "means", "standardDeviations", "scaling", "scaleMin", "scaleMax"),
        (out, model) -> {
            PlsScoringModel.Parameters p = model.parameters();
            out.writeObjectFieldStart("blocks");
            for (int j = 0; j < p.constructs().size(); j++) {
                ModelFile.texts(out, p.constructs().get(j), p.blocks().get(j));
            }
            out.writeEndObject();
            ModelFile.numbers(out, "weights", p.weights());
            ModelFile.numbers(out, "means", p.means());
            ModelFile.numbers(out, "standardDeviations", p.standardDeviations());
            out.writeStringField("scaling", p.scaling().name());
            ModelFile.number(out, "scaleMin", p.scaleMin());
            ModelFile.number(out, "scaleMax", p.scaleMax());
        },
        root -> blocks(root));

    private PlsScoringModelFile() {
    }

    /**
     * Writes a PLS scoring model atomically (a temporary file in the same directory, then a move).
     *
     * @param file the target file; its directory must exist
     * @param model the model
     * @param provenance where it came from
     * @throws FileFormatException if an argument is null, a parameter is not finite or the file cannot be written
     */
    public static void write(Path file, PlsScoringModel model, Provenance provenance) {
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
    public static String toJson(PlsScoringModel model, Provenance provenance) {
        return FILE.toJson(model, provenance);
    }

    /**
     * Reads a file.
     *
     * @param file the file
     * @return the model
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static PlsScoringModel read(Path file) {
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
    public static PlsScoringModel parse(String text, String name) {
        return FILE.parse(text, name);
    }

    /**
     * Builds a model from a parsed file (or an embedded file's node).
     *
     * @param root the parsed file
     * @return the model
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static PlsScoringModel parse(Json root) {
        return FILE.parse(root);
    }

    private static PlsScoringModel blocks(Json root) {
        Json blocks = root.get("blocks");
        List<String> constructs = blocks.fieldNames();
        List<List<String>> indicators = new ArrayList<>();
        for (String c : constructs) {
            indicators.add(blocks.get(c).texts());
        }
        Scaling scaling = ValueFields.constant(root.get("scaling"), Scaling.class);
        return PlsScoringModel.of(new PlsScoringModel.Parameters(constructs, indicators, root.get("weights").numbers(),
            root.get("means").numbers(), root.get("standardDeviations").numbers(), scaling,
            root.get("scaleMin").number(), root.get("scaleMax").number()));
    }
}
