package org.powercx.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.powercx.credit.ScorecardModel;

/**
 * Saves and loads a fitted logistic scorecard ({@link ScorecardModel}): the bins of each indicator on the card
 * (upper bounds, goods and defaults per bin, from which the weights of evidence are recomputed), the bins of the
 * indicators left off, the logistic regression on the WoE design and the points scale. A loaded scorecard scores,
 * bit for bit, as the saved one.
 *
 * <p>The file is a PowerCX model file of kind {@code scorecard-model}, version {@value #VERSION}, written through
 * {@link ModelEnvelope} (envelope and provenance as described in the file-format chapter of the user guide);
 * doubles are written so that they read back with the same bits. Reading checks the kind and version first and
 * never runs Java deserialization; every error names the file, the line and the field.
 *
 * @since 0.2.0
 */
public final class ScorecardModelFile {
    /** The kind of the file. */
    public static final String KIND = "scorecard-model";
    /** The newest version this library writes and reads. */
    public static final int VERSION = 1;

    private static final String[] FIELDS = ModelEnvelope.fields("card", "dropped", "intercept", "coefficients",
        "penalty", "iterations", "passes", "scaling");
    private static final String[] BIN_FIELDS = {"indicator", "upperBounds", "goods", "defaults"};
    /** Counts up to 2^53 are whole doubles. */
    private static final double MAX_COUNT = 0x1p53;

    private ScorecardModelFile() {
    }

    /**
     * Writes a file atomically (a temporary file in the same directory, then a move).
     *
     * @param file the target; its directory must exist
     * @param model the scorecard
     * @param provenance where it came from
     * @throws FileFormatException if an argument is null or the file cannot be written
     */
    public static void write(Path file, ScorecardModel model, Provenance provenance) {
        ModelEnvelope.write(file, KIND, VERSION, provenance, body(model));
    }

    /**
     * The text of a file.
     *
     * @param model the scorecard
     * @param provenance where it came from
     * @return the JSON text
     * @throws FileFormatException if an argument is null
     */
    public static String toJson(ScorecardModel model, Provenance provenance) {
        return ModelEnvelope.toJson(KIND, VERSION, provenance, body(model));
    }

    /**
     * Reads a file.
     *
     * @param file the file
     * @return the scorecard
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static ScorecardModel read(Path file) {
        if (file == null) {
            throw new FileFormatException("%s file is null", KIND);
        }
        return parse(Json.read(file));
    }

    /**
     * The scorecard in a parsed file.
     *
     * @param root the parsed file
     * @return the scorecard
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static ScorecardModel parse(Json root) {
        if (root == null) {
            throw new FileFormatException("parsed %s file is null", KIND);
        }
        ModelEnvelope.open(root, KIND, VERSION);
        root.allowOnly(FIELDS);
        List<ScorecardModel.Bins> card = bins(root.get("card"));
        List<ScorecardModel.Bins> dropped = bins(root.get("dropped"));
        double intercept = root.get("intercept").number();
        double[] coefficients = root.get("coefficients").numbers();
        double penalty = root.get("penalty").number();
        int iterations = root.get("iterations").integer(0, Integer.MAX_VALUE);
        int passes = root.get("passes").integer(0, Integer.MAX_VALUE);
        Json scaling = root.get("scaling").allowOnly("pdo", "basePoints", "baseOdds");
        double pdo = scaling.get("pdo").number();
        double basePoints = scaling.get("basePoints").number();
        double baseOdds = scaling.get("baseOdds").number();
        return ValueFields.build(root, () -> ScorecardModel.of(new ScorecardModel.Parameters(card, dropped,
            intercept, coefficients, penalty, iterations, passes, pdo, basePoints, baseOdds)));
    }

    private static List<ScorecardModel.Bins> bins(Json array) {
        List<ScorecardModel.Bins> out = new ArrayList<>();
        for (Json item : array.items()) {
            item.allowOnly(BIN_FIELDS);
            String indicator = item.get("indicator").text();
            double[] upper = item.get("upperBounds").numbers();
            long[] goods = counts(item.get("goods"));
            long[] defaults = counts(item.get("defaults"));
            out.add(ValueFields.build(item, () -> new ScorecardModel.Bins(indicator, upper, goods, defaults)));
        }
        return out;
    }

    private static long[] counts(Json array) {
        List<Json> items = array.items();
        long[] out = new long[items.size()];
        for (int i = 0; i < out.length; i++) {
            double c = items.get(i).number();
            if (c != Math.rint(c) || c < 0 || c > MAX_COUNT) {
                throw items.get(i).error("expected a whole number of at least 0 but found %s", c);
            }
            out[i] = (long) c;
        }
        return out;
    }

    private static ModelEnvelope.Body body(ScorecardModel model) {
        if (model == null) {
            throw new FileFormatException("%s: model is null", KIND);
        }
        ScorecardModel.Parameters p = model.parameters();
        return out -> {
            writeBins(out, "card", p.card());
            writeBins(out, "dropped", p.dropped());
            out.number("intercept", p.intercept());
            out.numbers("coefficients", p.coefficients());
            out.number("penalty", p.penalty());
            out.integer("iterations", p.iterations());
            out.integer("passes", p.passes());
            out.startObject("scaling");
            out.number("pdo", p.pdo());
            out.number("basePoints", p.basePoints());
            out.number("baseOdds", p.baseOdds());
            out.endObject();
        };
    }

    private static void writeBins(ModelWriter out, String field, List<ScorecardModel.Bins> bins) {
        out.startArray(field);
        for (ScorecardModel.Bins b : bins) {
            out.startItem();
            out.text("indicator", b.indicator());
            out.numbers("upperBounds", b.upperBounds());
            out.numbers("goods", toDoubles(b.goods()));
            out.numbers("defaults", toDoubles(b.defaults()));
            out.endObject();
        }
        out.endArray();
    }

    private static double[] toDoubles(long[] counts) {
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i];
        }
        return out;
    }
}
