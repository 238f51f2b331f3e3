package org.powercx.io;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.powercx.satisfaction.Construct;
import org.powercx.satisfaction.Mode;

/**
 * The fields that {@link PlsModelFile} and {@link PlsExtendedModelFile} share: the first-order constructs with
 * their modes, the structural paths and the final build, each error naming the file, line and field.
 */
final class PlsModelReader {
    private PlsModelReader() {
    }

    /**
     * Reads the {@code constructs} array in file order and hands each construct to {@code add}; an error of the
     * construct or of {@code add} names the construct.
     *
     * @return the construct names in file order (a new mutable set)
     */
    static Set<String> constructs(Json root, Consumer<Construct> add) {
        Set<String> names = new LinkedHashSet<>();
        for (Json c : root.get("constructs").items()) {
            c.allowOnly("name", "mode", "indicators");
            String name = c.get("name").text();
            if (!names.add(name)) {
                throw c.get("name").error("construct '%s' is defined twice", name);
            }
            String mode = modeText(c);
            List<String> indicators = c.get("indicators").texts();
            try {
                add.accept(new Construct(name, mode(c, mode), indicators));
            } catch (IllegalArgumentException e) {
                throw c.error("construct '%s': %s", name, e.getMessage());
            }
        }
        return names;
    }

    /** The {@code mode} field of a construct object: A (the default) or B, in either case. */
    static Mode mode(Json c) {
        return mode(c, modeText(c));
    }

    private static String modeText(Json c) {
        return c.has("mode") ? c.get("mode").text().toUpperCase(Locale.ROOT) : "A";
    }

    private static Mode mode(Json c, String mode) {
        if (mode.equals("A")) {
            return Mode.A;
        }
        if (mode.equals("B")) {
            return Mode.B;
        }
        throw c.get("mode").error("mode must be A (reflective) or B (formative)");
    }

    /** Reads the {@code paths} object, each source mapped to the constructs it drives, all of them in names. */
    static void paths(Json root, Set<String> names, BiConsumer<String, String> add) {
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
                    add.accept(from, to.text());
                } catch (IllegalArgumentException e) {
                    throw to.error("%s", e.getMessage());
                }
            }
        }
    }

    /** Builds the model; an error of the build is reported at the top level of the file. */
    static <T> T build(Json root, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw root.error("%s", e.getMessage());
        }
    }
}
