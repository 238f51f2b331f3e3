package org.powercx.io;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The shared reading and writing of a model file whose fields are a handful of numbers (the CLV fits): one
 * instance per kind, holding its name, version, fields, writer and builder.
 *
 * @param <F> the fitted type
 */
final class FitFile<F> {
    /** Writes a fit's fields. */
    @FunctionalInterface
    interface Fields<F> {
        /**
         * Writes the fields into the open top-level object.
         *
         * @param out the generator
         * @param fit the fit
         * @throws IOException if writing fails
         */
        void write(JsonGenerator out, F fit) throws IOException;
    }

    private final String kind;
    private final int version;
    private final String[] allowed;
    private final Fields<F> fields;
    private final Function<Json, F> build;

    /**
     * A kind.
     *
     * @param kind the kind's name
     * @param version the newest version written and read
     * @param names the kind's own field names
     * @param fields writes them
     * @param build rebuilds a fit from a parsed file whose envelope is checked
     */
    FitFile(String kind, int version, List<String> names, Fields<F> fields, Function<Json, F> build) {
        this.kind = kind;
        this.version = version;
        this.allowed = ValueFields.allowed(names.toArray(new String[0]));
        this.fields = fields;
        this.build = build;
    }

    void write(Path file, F fit, Provenance provenance) {
        check(fit);
        ModelFile.write(file, kind, version, provenance, out -> fields.write(out, fit));
    }

    String toJson(F fit, Provenance provenance) {
        check(fit);
        return ModelFile.toText(kind, version, provenance, out -> fields.write(out, fit));
    }

    F read(Path file) {
        if (file == null) {
            throw new FileFormatException("%s file is null", kind);
        }
        return parse(Json.read(file));
    }

    F parse(String text, String name) {
        if (text == null) {
            throw new FileFormatException("%s text is null", kind);
        }
        return parse(Json.parse(new StringReader(text), name));
    }

    F parse(Json root) {
        ModelFile.open(root, kind, version);
        root.allowOnly(allowed);
        ModelFile.provenance(root);
        return ValueFields.build(root, () -> build.apply(root));
    }

    private void check(F fit) {
        if (fit == null) {
            throw new FileFormatException("%s: the fit is null", kind);
        }
    }
}
