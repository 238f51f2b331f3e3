package org.powercx.io;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.powercx.core.Direction;
import org.powercx.core.Indicator;
import org.powercx.credit.CreditGrades;
import org.powercx.credit.DiscriminantModel;
import org.powercx.credit.WilksTest;

/**
 * A saved credit model, kind {@code credit-model}, version 1: a fitted {@link DiscriminantModel} (every component
 * of {@link DiscriminantModel.Parameters}, including the fit-time Wilks test) together with the
 * {@link CreditGrades} scale cut on its calibration scores, since scoring new customers needs both. The format is
 * described in the file-format chapter of the user guide. Reading never runs Java deserialization; doubles
 * round-trip exactly; every error names the file, the line and the field.
 *
 * @since 0.2.0
 */
public final class CreditModelFile {
    /** The kind. */
    public static final String KIND = "credit-model";
    /** The newest version this library writes and reads. */
    public static final int VERSION = 1;

    private static final List<String> FIELDS = List.of("indicators", "classes", "classCounts", "priors",
        "classMeans", "centredMeans", "pooledCovariance", "withinStandardDeviations", "shrinkageIntensity",
        "overallMean", "scalings", "explainedVarianceRatio", "eigenvalues", "wilks", "droppedDirections", "grades");

    private CreditModelFile() {
    }

    /**
     * A credit model read back from a file: the discriminant and its grade scale.
     *
     * @param discriminant the fitted discriminant
     * @param grades the grade scale over its decision values
     */
    public record CreditModel(DiscriminantModel discriminant, CreditGrades grades) {
        /**
         * Checks the components.
         *
         * @param discriminant the fitted discriminant, not null
         * @param grades the grade scale, not null
         * @throws FileFormatException if a component is null
         */
        public CreditModel {
            if (discriminant == null || grades == null) {
                throw new FileFormatException("credit model: %s is null",
                    discriminant == null ? "discriminant" : "grades");
            }
        }
    }

    /**
     * Writes a credit model atomically.
     *
     * @param file the target file; its directory must exist
     * @param discriminant the fitted discriminant
     * @param grades its grade scale
     * @param provenance where the model came from
     * @throws FileFormatException if an argument is null or the file cannot be written
     */
    public static void write(Path file, DiscriminantModel discriminant, CreditGrades grades, Provenance provenance) {
        check(discriminant, grades);
        ModelFile.write(file, KIND, VERSION, provenance, out -> body(out, discriminant, grades));
    }

    /**
     * The JSON text of a credit model file.
     *
     * @param discriminant the fitted discriminant
     * @param grades its grade scale
     * @param provenance where the model came from
     * @return the text
     * @throws FileFormatException if an argument is null
     */
    public static String toJson(DiscriminantModel discriminant, CreditGrades grades, Provenance provenance) {
        check(discriminant, grades);
        return ModelFile.toText(KIND, VERSION, provenance, out -> body(out, discriminant, grades));
    }

    /**
     * Reads a credit model file.
     *
     * @param file the file
     * @return the model and its grades
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static CreditModel read(Path file) {
        if (file == null) {
            throw new FileFormatException("credit model file is null");
        }
        return parse(Json.read(file));
    }

    /**
     * Reads a credit model from JSON text.
     *
     * @param text the text
     * @param name the name errors give the text, such as a file name
     * @return the model and its grades
     * @throws FileFormatException naming the line and field of any error
     */
    public static CreditModel parse(String text, String name) {
        if (text == null) {
            throw new FileFormatException("credit model text is null");
        }
        return parse(Json.parse(new StringReader(text), name));
    }

    /**
     * Builds a credit model from a parsed file.
     *
     * @param root the parsed file
     * @return the model and its grades
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static CreditModel parse(Json root) {
        ModelFile.open(root, KIND, VERSION);
        List<String> allowed = new ArrayList<>(ModelFile.ENVELOPE_FIELDS);
        allowed.addAll(FIELDS);
        root.allowOnly(allowed.toArray(new String[0]));
        ModelFile.provenance(root);
        List<Indicator> indicators = new ArrayList<>();
        for (Json item : root.get("indicators").items()) {
            item.allowOnly("name", "direction", "target", "unit", "description");
            Json dir = item.get("direction");
            Direction direction;
            try {
                direction = Direction.valueOf(dir.text().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw dir.error("expected BENEFIT, COST or TARGET but found '%s'", dir.text());
            }
            double target = item.has("target") ? item.get("target").number() : Double.NaN;
            try {
                indicators.add(new Indicator(item.get("name").text(), direction, target,
                    item.has("unit") ? item.get("unit").text() : "",
                    item.has("description") ? item.get("description").text() : ""));
            } catch (IllegalArgumentException e) {
                throw item.error("%s", e.getMessage());
            }
        }
        Json classesNode = root.get("classes");
        List<Json> classItems = classesNode.items();
        int[] classes = new int[classItems.size()];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = classItems.get(i).integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        List<Json> countItems = root.get("classCounts").items();
        long[] counts = new long[countItems.size()];
        for (int i = 0; i < counts.length; i++) {
            double c = countItems.get(i).number();
            if (c != Math.rint(c) || c < 0 || c > 9.0e15) {
                throw countItems.get(i).error("expected a whole number of at least 0 but found %s", c);
            }
            counts[i] = (long) c;
        }
        WilksTest wilks = null;
        if (root.has("wilks")) {
            Json w = root.get("wilks").allowOnly("lambda", "chiSquare", "degreesOfFreedom", "pValue");
            try {
                wilks = WilksTest.of(w.get("lambda").number(), w.get("chiSquare").number(),
                    w.get("degreesOfFreedom").integer(1, Integer.MAX_VALUE), w.get("pValue").number());
            } catch (IllegalArgumentException e) {
                if (e instanceof FileFormatException f) {
                    throw f;
                }
                throw w.error("%s", e.getMessage());
            }
        }
        DiscriminantModel.Parameters p;
        try {
            p = new DiscriminantModel.Parameters(indicators, classes, counts, root.get("priors").numbers(),
                ModelFile.matrix(root.get("classMeans")), ModelFile.matrix(root.get("centredMeans")),
                ModelFile.matrix(root.get("pooledCovariance")), root.get("withinStandardDeviations").numbers(),
                root.get("shrinkageIntensity").number(), root.get("overallMean").numbers(),
                ModelFile.matrix(root.get("scalings")), root.get("explainedVarianceRatio").numbers(),
                root.get("eigenvalues").numbers(), wilks,
                root.has("droppedDirections") ? ModelFile.matrix(root.get("droppedDirections")) : null);
        } catch (FileFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw root.error("%s", e.getMessage());
        }
        Json g = root.get("grades").allowOnly("names", "cutoffs");
        CreditGrades grades;
        try {
            grades = CreditGrades.of(new CreditGrades.Parameters(g.get("names").texts(), g.get("cutoffs").numbers()));
        } catch (FileFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw g.error("%s", e.getMessage());
        }
        return new CreditModel(DiscriminantModel.of(p), grades);
    }

    private static void check(DiscriminantModel discriminant, CreditGrades grades) {
        if (discriminant == null || grades == null) {
            throw new FileFormatException("credit model: %s is null", discriminant == null ? "discriminant"
                : "grades");
        }
    }

    private static void body(JsonGenerator out, DiscriminantModel discriminant, CreditGrades grades)
            throws IOException {
        DiscriminantModel.Parameters p = discriminant.parameters();
        out.writeArrayFieldStart("indicators");
        for (Indicator ind : p.indicators()) {
            out.writeStartObject();
            out.writeStringField("name", ind.name());
            out.writeStringField("direction", ind.direction().name());
            if (ind.hasTarget()) {
                ModelFile.number(out, "target", ind.target());
            }
            if (!ind.unit().isEmpty()) {
                out.writeStringField("unit", ind.unit());
            }
            if (!ind.description().isEmpty()) {
                out.writeStringField("description", ind.description());
            }
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("classes");
        for (int c : p.classes()) {
            out.writeNumber(c);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("classCounts");
        for (long c : p.classCounts()) {
            out.writeNumber(c);
        }
        out.writeEndArray();
        ModelFile.numbers(out, "priors", p.priors());
        ModelFile.matrix(out, "classMeans", p.classMeans());
        ModelFile.matrix(out, "centredMeans", p.centredMeans());
        ModelFile.matrix(out, "pooledCovariance", p.pooledCovariance());
        ModelFile.numbers(out, "withinStandardDeviations", p.withinStandardDeviations());
        ModelFile.number(out, "shrinkageIntensity", p.shrinkageIntensity());
        ModelFile.numbers(out, "overallMean", p.overallMean());
        ModelFile.matrix(out, "scalings", p.scalings());
        ModelFile.numbers(out, "explainedVarianceRatio", p.explainedVarianceRatio());
        ModelFile.numbers(out, "eigenvalues", p.eigenvalues());
        if (p.wilks() != null) {
            out.writeObjectFieldStart("wilks");
            ModelFile.number(out, "lambda", p.wilks().lambda());
            ModelFile.number(out, "chiSquare", p.wilks().chiSquare());
            out.writeNumberField("degreesOfFreedom", p.wilks().degreesOfFreedom());
            ModelFile.number(out, "pValue", p.wilks().pValue());
            out.writeEndObject();
        }
        if (p.droppedDirections().length > 0) {
            ModelFile.matrix(out, "droppedDirections", p.droppedDirections());
        }
        out.writeObjectFieldStart("grades");
        ModelFile.texts(out, "names", grades.names());
        ModelFile.numbers(out, "cutoffs", grades.cutoffs());
        out.writeEndObject();
    }
}
