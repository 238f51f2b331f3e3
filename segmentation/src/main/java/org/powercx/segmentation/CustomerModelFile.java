package org.powercx.segmentation;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.powercx.clv.DiscountedClv;
import org.powercx.clv.PaymentTiming;
import org.powercx.credit.DiscriminantModel;
import org.powercx.grey.GreyRelationalModel;
import org.powercx.io.CreditModelFile;
import org.powercx.io.FileFormatException;
import org.powercx.io.GreyRelationalModelFile;
import org.powercx.io.Json;
import org.powercx.io.ModelEnvelope;
import org.powercx.io.ModelWriter;
import org.powercx.io.Provenance;

/**
 * Saves and loads a fitted {@link CustomerModel}, kind {@value #KIND}, version {@value #VERSION}, in the shared
 * envelope of {@link ModelEnvelope}. Every fitted part is written: {@code value} (the current and potential
 * grey relational models as embedded {@code grey-relational-model} files, the log-scale indicators, the
 * projection's history columns, the goal's weights and the segment cut-offs), {@code credit} (an embedded
 * {@code credit-model} file: the discriminant and its grades), {@code riskRules}, {@code lifetimeValue} (margin
 * column and rate, discount rate, horizon, payment timing, retention source and, for a churn-model retention,
 * the churn discriminant as an embedded {@code credit-model} file whose grades are not used) and {@code policy}
 * (the service policy's cells). The configuration the model was fitted with goes into the provenance.
 *
 * <p>A loaded model scores every customer with the same bits as the saved one. Reading never runs Java
 * deserialization; a file of another kind, a newer version, a truncated file, a missing field or a non-finite
 * parameter gets one line naming the file, the line and the field.
 *
 * @since 0.2.0
 */
public final class CustomerModelFile {
    /** The kind. */
    public static final String KIND = "customer-model";
    /** The newest version this library writes and reads. */
    public static final int VERSION = 1;

    private CustomerModelFile() {
    }

    /**
     * Writes a model atomically (a temporary file in the same directory, then a move).
     *
     * @param file the target; its directory must exist
     * @param model the model
     * @param provenance where the model came from
     * @throws FileFormatException if an argument is null or the file cannot be written (the target is then left
     *     as it was)
     */
    public static void write(Path file, CustomerModel model, Provenance provenance) {
        ModelEnvelope.write(file, KIND, VERSION, provenance, body(model, provenance));
    }

    /**
     * The JSON text of a model file.
     *
     * @param model the model
     * @param provenance where the model came from
     * @return the text
     * @throws FileFormatException if an argument is null
     */
    public static String toJson(CustomerModel model, Provenance provenance) {
        return ModelEnvelope.toJson(KIND, VERSION, provenance, body(model, provenance));
    }

    /**
     * Reads a model file.
     *
     * @param file the file
     * @return the model
     * @throws FileFormatException naming the file, the line and the field of any error
     */
    public static CustomerModel read(Path file) {
        if (file == null) {
            throw new FileFormatException("%s file is null", KIND);
        }
        return parse(Json.read(file));
    }

    /**
     * Reads a model from JSON text.
     *
     * @param text the text
     * @param name the name errors give the text, such as a file name
     * @return the model
     * @throws FileFormatException naming the line and the field of any error
     */
    public static CustomerModel parse(String text, String name) {
        if (text == null) {
            throw new FileFormatException("%s text is null", KIND);
        }
        return parse(Json.parse(new StringReader(text), name));
    }

    /**
     * Builds a model from a parsed file.
     *
     * @param root the parsed file
     * @return the model
     * @throws FileFormatException naming the file, the line and the field of any error
     */
    public static CustomerModel parse(Json root) {
        ModelEnvelope.open(root, KIND, VERSION);
        root.allowOnly(ModelEnvelope.fields("value", "credit", "riskRules", "lifetimeValue", "policy"));
        Json value = root.get("value").allowOnly("current", "potential", "logScale", "series", "currentWeight",
            "potentialWeight", "currentCutoff", "potentialCutoff");
        GreyRelationalModel current = GreyRelationalModelFile.parse(value.get("current"));
        GreyRelationalModel potential = GreyRelationalModelFile.parse(value.get("potential"));
        List<String> logScale = value.get("logScale").texts();
        List<String> series = value.get("series").texts();
        double currentWeight = value.get("currentWeight").number();
        double potentialWeight = value.get("potentialWeight").number();
        double currentCutoff = value.get("currentCutoff").number();
        double potentialCutoff = value.get("potentialCutoff").number();
        CreditModelFile.CreditModel credit = CreditModelFile.parse(root.get("credit"));
        List<RiskRule> rules = new ArrayList<>();
        for (Json r : root.get("riskRules").items()) {
            r.allowOnly("topic", "intercept", "coefficients", "cutoffs", "labels");
            Json coef = r.get("coefficients");
            Map<String, Double> coefficients = new LinkedHashMap<>();
            for (String name : coef.fieldNames()) {
                coefficients.put(name, coef.get(name).number());
            }
            String topic = r.get("topic").text();
            double intercept = r.get("intercept").number();
            double[] cutoffs = r.get("cutoffs").numbers();
            List<String> labels = r.get("labels").texts();
            rules.add(build(r, () -> new RiskRule(topic, coefficients, intercept, cutoffs, labels)));
        }
        Json life = root.get("lifetimeValue").allowOnly("marginColumn", "marginRate", "discountRate", "horizon",
            "timing", "retention", "churnModel");
        String marginColumn = life.get("marginColumn").text();
        double marginRate = life.get("marginRate").number();
        double discountRate = life.get("discountRate").number();
        Integer horizon = life.has("horizon") ? life.get("horizon").integer(1, Integer.MAX_VALUE) : null;
        Json timingNode = life.get("timing");
        PaymentTiming timing = build(timingNode, () -> PaymentTiming.valueOf(timingNode.text()));
        DiscountedClv clv = build(life, () -> {
            DiscountedClv c = DiscountedClv.of(discountRate);
            return (horizon == null ? c.withInfiniteHorizon() : c.withHorizon(horizon)).with(timing);
        });
        Json ret = life.get("retention").allowOnly("source", "rate", "indicators", "churnColumn");
        Json sourceNode = ret.get("source");
        Retention.Source source = build(sourceNode, () -> Retention.Source.valueOf(sourceNode.text()));
        double rate = ret.has("rate") ? ret.get("rate").number() : Double.NaN;
        List<String> indicators = ret.has("indicators") ? ret.get("indicators").texts() : List.of();
        String churnColumn = ret.has("churnColumn") ? ret.get("churnColumn").text() : null;
        Retention retention = build(ret, () -> new Retention(source, rate, indicators, churnColumn));
        DiscriminantModel churn = life.has("churnModel") ? CreditModelFile.parse(life.get("churnModel")).discriminant()
            : null;
        Json policyNode = root.get("policy").allowOnly("cells");
        List<List<String>> cells = new ArrayList<>();
        for (Json row : policyNode.get("cells").items()) {
            cells.add(row.texts());
        }
        ServicePolicy policy = build(policyNode, () -> ServicePolicy.ofCells(cells, "the saved policy"));
        CustomerModel.Parameters p = build(root, () -> new CustomerModel.Parameters(current, potential, logScale,
            series, currentWeight, potentialWeight, currentCutoff, potentialCutoff, credit.discriminant(),
            credit.grades(), rules, policy, marginColumn, marginRate, clv, retention, churn));
        return build(root, () -> CustomerModel.of(p));
    }

    private static <T> T build(Json node, Supplier<T> build) {
        try {
            return build.get();
        } catch (FileFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw node.error("%s", e.getMessage());
        }
    }

    private static ModelEnvelope.Body body(CustomerModel model, Provenance provenance) {
        if (model == null || provenance == null) {
            throw new FileFormatException("%s: %s is null", KIND, model == null ? "model" : "provenance");
        }
        CustomerModel.Parameters p = model.parameters();
        // the embedded files are built before the writer starts, so that a failure leaves nothing half-written
        String current = GreyRelationalModelFile.toJson(p.currentModel(), provenance);
        String potential = GreyRelationalModelFile.toJson(p.potentialModel(), provenance);
        String credit = CreditModelFile.toJson(p.creditModel(), p.creditGrades(), provenance);
        String churn = p.churnModel() == null ? null : CreditModelFile.toJson(p.churnModel(), p.creditGrades(),
            provenance);
        return out -> {
            out.startObject("value").embed("current", current).embed("potential", potential)
                .texts("logScale", p.logScale()).texts("series", p.series())
                .number("currentWeight", p.currentWeight()).number("potentialWeight", p.potentialWeight())
                .number("currentCutoff", p.currentCutoff()).number("potentialCutoff", p.potentialCutoff())
                .endObject();
            out.embed("credit", credit);
            out.startArray("riskRules");
            for (RiskRule r : p.riskRules()) {
                out.startItem().text("topic", r.topic()).number("intercept", r.intercept()).startObject("coefficients");
                for (Map.Entry<String, Double> e : r.coefficients().entrySet()) {
                    out.number(e.getKey(), e.getValue());
                }
                out.endObject().numbers("cutoffs", r.cutoffs()).texts("labels", r.labels()).endObject();
            }
            out.endArray();
            lifetime(out, p, churn);
            out.startObject("policy").startArray("cells");
            for (List<String> row : p.policy().cells()) {
                out.textItem(row);
            }
            out.endArray().endObject();
        };
    }

    private static void lifetime(ModelWriter out, CustomerModel.Parameters p, String churn) {
        DiscountedClv clv = p.clv();
        out.startObject("lifetimeValue").text("marginColumn", p.marginColumn()).number("marginRate", p.marginRate())
            .number("discountRate", clv.discountRate());
        OptionalInt horizon = clv.horizon();
        if (horizon.isPresent()) {
            out.integer("horizon", horizon.getAsInt());
        }
        out.text("timing", clv.timing().name());
        Retention r = p.retention();
        out.startObject("retention").text("source", r.source().name());
        if (!Double.isNaN(r.rate())) {
            out.number("rate", r.rate());
        }
        if (!r.indicators().isEmpty()) {
            out.texts("indicators", r.indicators());
        }
        if (r.churnColumn() != null) {
            out.text("churnColumn", r.churnColumn());
        }
        out.endObject();
        if (churn != null) {
            out.embed("churnModel", churn);
        }
        out.endObject();
    }
}
