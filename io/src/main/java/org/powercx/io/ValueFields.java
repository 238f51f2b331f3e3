package org.powercx.io;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.powercx.ahp.AhpResult;
import org.powercx.ahp.PairwiseMatrix;
import org.powercx.ahp.PriorityMethod;
import org.powercx.core.Direction;
import org.powercx.core.Indicator;
import org.powercx.core.Normalisation;
import org.powercx.core.Normaliser;
import org.powercx.core.Weights;

/** Writing and reading the library values that several model files embed: indicators, weights, normalisers. */
final class ValueFields {
    /** The fields of an embedded normaliser. */
    static final String[] NORMALISER_FIELDS = {"method", "indicators", "location", "scale"};
    /** The fields of an embedded AHP result. */
    static final String[] AHP_RESULT_FIELDS = {"criteria", "matrix", "weights", "lambdaMax", "consistencyIndex",
        "randomIndex", "consistencyRatio", "method", "threshold"};

    private ValueFields() {
    }

    /**
     * Runs a constructor that validates, turning its exception into one naming the file, line and field.
     *
     * @param node the node the value was read from
     * @param build the constructor
     * @param <T> the value
     * @return the value
     */
    static <T> T build(Json node, Supplier<T> build) {
        try {
            return build.get();
        } catch (FileFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw node.error("%s", e.getMessage());
        }
    }

    /** An enum constant by name, the error listing the allowed names. */
    static <E extends Enum<E>> E constant(Json node, Class<E> type) {
        String text = node.text();
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(text.toUpperCase(Locale.ROOT))) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        throw node.error("expected one of %s but found '%s'", String.join(", ", names), text);
    }

    static void indicators(JsonGenerator out, String field, List<Indicator> indicators) throws IOException {
        out.writeArrayFieldStart(field);
        for (Indicator ind : indicators) {
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
    }

    static List<Indicator> indicators(Json node) {
        List<Indicator> list = new ArrayList<>();
        for (Json item : node.items()) {
            item.allowOnly("name", "direction", "target", "unit", "description");
            String name = item.get("name").text();
            Direction direction = constant(item.get("direction"), Direction.class);
            double target = item.has("target") ? item.get("target").number() : Double.NaN;
            String unit = item.has("unit") ? item.get("unit").text() : "";
            String description = item.has("description") ? item.get("description").text() : "";
            list.add(build(item, () -> new Indicator(name, direction, target, unit, description)));
        }
        return list;
    }

    /** Weights as an object from name to value, in order. */
    static void weights(JsonGenerator out, String field, Weights weights) throws IOException {
        out.writeObjectFieldStart(field);
        double[] values = weights.values();
        for (int k = 0; k < values.length; k++) {
            ModelFile.number(out, weights.names().get(k), values[k]);
        }
        out.writeEndObject();
    }

    /** Weights written by {@link #weights(JsonGenerator, String, Weights)}, with their exact values. */
    static Weights weights(Json node) {
        List<String> names = node.fieldNames();
        if (names.isEmpty()) {
            throw node.error("no weights given");
        }
        double[] values = new double[names.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = node.get(names.get(k)).number();
        }
        return build(node, () -> Weights.of(names, values));
    }

    static void normaliser(JsonGenerator out, String field, Normaliser.Parameters p) throws IOException {
        out.writeObjectFieldStart(field);
        out.writeStringField("method", p.method().name());
        indicators(out, "indicators", p.indicators());
        ModelFile.numbers(out, "location", p.location());
        ModelFile.numbers(out, "scale", p.scale());
        out.writeEndObject();
    }

    static Normaliser.Parameters normaliser(Json node) {
        node.allowOnly(NORMALISER_FIELDS);
        Normalisation method = constant(node.get("method"), Normalisation.class);
        List<Indicator> indicators = indicators(node.get("indicators"));
        double[] location = node.get("location").numbers();
        double[] scale = node.get("scale").numbers();
        return build(node, () -> new Normaliser.Parameters(method, indicators, location, scale));
    }

    /** An AHP result's fields, written into the current object. */
    static void ahpResult(JsonGenerator out, AhpResult r) throws IOException {
        ModelFile.texts(out, "criteria", r.matrix().names());
        ModelFile.matrix(out, "matrix", r.matrix().toArray());
        weights(out, "weights", r.weights());
        ModelFile.number(out, "lambdaMax", r.lambdaMax());
        ModelFile.number(out, "consistencyIndex", r.consistencyIndex());
        ModelFile.number(out, "randomIndex", r.randomIndex());
        ModelFile.number(out, "consistencyRatio", r.consistencyRatio());
        out.writeStringField("method", r.method().name());
        ModelFile.number(out, "threshold", r.threshold());
    }

    static AhpResult ahpResult(Json node) {
        List<String> criteria = node.get("criteria").texts();
        double[][] rows = ModelFile.matrix(node.get("matrix"));
        PairwiseMatrix matrix = build(node.get("matrix"), () -> PairwiseMatrix.of(criteria, rows));
        Weights weights = weights(node.get("weights"));
        double lambdaMax = node.get("lambdaMax").number();
        double ci = node.get("consistencyIndex").number();
        double ri = node.get("randomIndex").number();
        double cr = node.get("consistencyRatio").number();
        PriorityMethod method = constant(node.get("method"), PriorityMethod.class);
        double threshold = node.get("threshold").number();
        return build(node, () -> AhpResult.of(new AhpResult.Parameters(matrix, weights, lambdaMax, ci, ri, cr, method,
            threshold)));
    }

    /** The envelope's fields followed by a kind's own. */
    static String[] allowed(String... own) {
        List<String> all = new ArrayList<>(ModelFile.ENVELOPE_FIELDS);
        all.addAll(List.of(own));
        return all.toArray(new String[0]);
    }

    /** An object of numbers, in order. */
    static Map<String, Double> numberMap(Json node) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (String name : node.fieldNames()) {
            map.put(name, node.get(name).number());
        }
        return map;
    }
}
