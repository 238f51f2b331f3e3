package org.powercx.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.powercx.satisfaction.ExtendedPathModel;
import org.powercx.satisfaction.HigherOrderConstruct;
import org.powercx.satisfaction.InteractionMethod;
import org.powercx.satisfaction.InteractionTerm;

/**
 * Reads a PLS path model with higher-order constructs and interaction terms from a JSON file: the fields of
 * {@link PlsModelFile} plus {@code higherOrder} (each with {@code name}, {@code mode} A or B and
 * {@code dimensions}, the first-order constructs it is measured by) and {@code interactions} (each with
 * {@code iv}, {@code moderator} and {@code method} {@code two_stage} or {@code product_indicator}); an interaction
 * term is named {@code iv*moderator} in {@code paths}. Every error names the file, the line and the field.
 *
 * @since 0.2.0
 */
public final class PlsExtendedModelFile {
    private PlsExtendedModelFile() {
    }

    /**
     * Whether a parsed model file declares higher-order constructs or interaction terms.
     *
     * @param root the parsed file
     * @return true if it has a {@code higherOrder} or {@code interactions} field
     * @throws FileFormatException if the root is null
     */
    public static boolean isExtended(Json root) {
        if (root == null) {
            throw new FileFormatException("parsed model file is null");
        }
        return root.has("higherOrder") || root.has("interactions");
    }

    /**
     * Reads and validates a model file.
     *
     * @param file the JSON file
     * @return the model
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static ExtendedPathModel read(Path file) {
        if (file == null) {
            throw new FileFormatException("model file is null");
        }
        return parse(Json.read(file));
    }

    /**
     * Builds a model from a parsed file.
     *
     * @param root the parsed file
     * @return the model
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static ExtendedPathModel parse(Json root) {
        if (root == null) {
            throw new FileFormatException("parsed model file is null");
        }
        root.allowOnly("constructs", "higherOrder", "interactions", "paths", "description");
        ExtendedPathModel.Builder b = ExtendedPathModel.builder();
        Set<String> names = PlsModelReader.constructs(root, b::construct);
        if (root.has("higherOrder")) {
            for (Json h : root.get("higherOrder").items()) {
                h.allowOnly("name", "mode", "dimensions");
                String name = h.get("name").text();
                if (!names.add(name)) {
                    throw h.get("name").error("construct '%s' is defined twice", name);
                }
                try {
                    b.higherOrder(new HigherOrderConstruct(name, PlsModelReader.mode(h),
                        h.get("dimensions").texts()));
                } catch (IllegalArgumentException e) {
                    throw h.error("higher-order construct '%s': %s", name, e.getMessage());
                }
            }
        }
        if (root.has("interactions")) {
            for (Json t : root.get("interactions").items()) {
                t.allowOnly("iv", "moderator", "method");
                String method = t.has("method") ? t.get("method").text().toUpperCase(Locale.ROOT) : "TWO_STAGE";
                InteractionMethod m;
                if (method.equals("TWO_STAGE")) {
                    m = InteractionMethod.TWO_STAGE;
                } else if (method.equals("PRODUCT_INDICATOR")) {
                    m = InteractionMethod.PRODUCT_INDICATOR;
                } else {
                    throw t.get("method").error("method must be two_stage or product_indicator");
                }
                InteractionTerm term;
                try {
                    term = new InteractionTerm(t.get("iv").text(), t.get("moderator").text(), m);
                    b.interaction(term);
                } catch (IllegalArgumentException e) {
                    throw t.error("%s", e.getMessage());
                }
                if (!names.add(term.name())) {
                    throw t.error("construct '%s' is defined twice", term.name());
                }
            }
        }
        PlsModelReader.paths(root, names, b::path);
        return PlsModelReader.build(root, b::build);
    }
}
