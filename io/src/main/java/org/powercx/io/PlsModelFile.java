package org.powercx.io;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.powercx.satisfaction.PathModel;

/**
 * Reads a PLS path model from a JSON file: {@code constructs} (each with {@code name}, {@code mode} A or B and
 * {@code indicators}) and {@code paths} (each source construct mapped to the constructs it drives). The format
 * is described in the file-format chapter of the user guide. Every error names the file, the line and the
 * field.
 *
 * @since 0.1.0
 */
public final class PlsModelFile {
    private PlsModelFile() {
    }

    /**
     * Reads and validates a model file.
     *
     * @param file the JSON file
     * @return the model
     * @throws FileFormatException naming the file, line and field of any error
     */
    public static PathModel read(Path file) {
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
    public static PathModel parse(Json root) {
        if (root == null) {
            throw new FileFormatException("parsed model file is null");
        }
        root.allowOnly("constructs", "paths", "description");
        PathModel.Builder b = PathModel.builder();
        Set<String> names = new LinkedHashSet<>();
        for (Json c : root.get("constructs").items()) {
            c.allowOnly("name", "mode", "indicators");
            String name = c.get("name").text();
            if (!names.add(name)) {
                throw c.get("name").error("construct '%s' is defined twice", name);
            }
            String mode = c.has("mode") ? c.get("mode").text().toUpperCase(Locale.ROOT) : "A";
            String[] indicators = c.get("indicators").texts().toArray(new String[0]);
            try {
                if (mode.equals("A")) {
                    b.reflective(name, indicators);
                } else if (mode.equals("B")) {
                    b.formative(name, indicators);
                } else {
                    throw c.get("mode").error("mode must be A (reflective) or B (formative)");
                }
            } catch (IllegalArgumentException e) {
                throw c.error("construct '%s': %s", name, e.getMessage());
            }
        }
        Json paths = root.get("paths");
        for (String from : paths.fieldNames()) {
            if (!names.contains(from)) {
                throw paths.get(from).error("'%s' is not a construct (constructs: %s)", from,
                    String.join(", ", names));
            }
            for (Json to : paths.get(from).items()) {
                if (!names.contains(to.text())) {
                    throw to.error("'%s' is not a construct (constructs: %s)", to.text(), String.join(", ", names));
                }
                try {
                    b.path(from, to.text());
                } catch (IllegalArgumentException e) {
                    throw to.error("%s", e.getMessage());
                }
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw root.error("%s", e.getMessage());
        }
    }
}
