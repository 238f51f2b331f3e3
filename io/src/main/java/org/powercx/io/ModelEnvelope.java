package org.powercx.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The envelope every PowerCX model file shares, for the kinds defined in modules above this one (such as the
 * customer model of powercx-segmentation):
 *
 * <pre>{@code
 * {"format": "powercx", "kind": "customer-model", "version": 1,
 *  "provenance": {"library": "0.2.0", "fittedRows": 1000, "created": "2026-12-04T10:00:00Z",
 *                 "configuration": {...}},
 *  ... the kind's own fields ...}
 * }</pre>
 *
 * <p>The compatibility rules: {@code format} is always {@value #FORMAT}; {@code kind} names the kind
 * (lower-case, hyphenated); a kind's {@code version} is raised whenever a reader of the previous version
 * would misread a new file, and a library reads every version of a kind up to the newest it knows, refusing a
 * newer one with a line naming the file. Writing is atomic (a temporary file in the same directory, then a
 * move), doubles are written in Java's shortest round-trip form and read back with the same bits, and a
 * non-finite number is refused. Reading never runs Java deserialization; every error names the file, the line
 * and the field.
 *
 * @since 0.2.0
 */
public final class ModelEnvelope {
    /** The value of the {@code format} field. */
    public static final String FORMAT = ModelFile.FORMAT;

    private ModelEnvelope() {
    }

    /**
     * Writes a kind's own fields.
     *
     * @since 0.2.0
     */
    @FunctionalInterface
    public interface Body {
        /**
         * Writes the fields into the open top-level object.
         *
         * @param out the writer
         */
        void write(ModelWriter out);
    }

    /**
     * The envelope's fields followed by a kind's own, for {@link Json#allowOnly}.
     *
     * @param own the kind's field names
     * @return the allowed field names
     */
    public static String[] fields(String... own) {
        List<String> all = new ArrayList<>(ModelFile.ENVELOPE_FIELDS);
        all.addAll(List.of(own));
        return all.toArray(new String[0]);
    }

    /**
     * Writes a model file atomically.
     *
     * @param file the target; its directory must exist
     * @param kind the kind
     * @param version the kind's version, at least 1
     * @param provenance where the model came from
     * @param body the kind's fields
     * @throws FileFormatException if an argument is null, a number is not finite or the file cannot be written
     *     (the target is then left as it was)
     */
    public static void write(Path file, String kind, int version, Provenance provenance, Body body) {
        check(kind, version, body);
        ModelFile.write(file, kind, version, provenance, out -> body.write(new ModelWriter(out)));
    }

    /**
     * The text of a model file.
     *
     * @param kind the kind
     * @param version the kind's version, at least 1
     * @param provenance where the model came from
     * @param body the kind's fields
     * @return the JSON text, ending with a line break
     * @throws FileFormatException if an argument is null or a number is not finite
     */
    public static String toJson(String kind, int version, Provenance provenance, Body body) {
        check(kind, version, body);
        return ModelFile.toText(kind, version, provenance, out -> body.write(new ModelWriter(out)));
    }

    /**
     * Checks a parsed file's envelope and reads its provenance.
     *
     * @param root the parsed file (or an embedded file's node)
     * @param kind the expected kind
     * @param version the newest version of the kind the caller reads
     * @return the file's version, in [1, version]
     * @throws FileFormatException naming the file, the line and the field if the format, kind, version or
     *     provenance are wrong
     */
    public static int open(Json root, String kind, int version) {
        int v = ModelFile.open(root, kind, version);
        if (root.has("provenance")) {
            ModelFile.provenance(root);
        }
        return v;
    }

    /**
     * A parsed file's provenance.
     *
     * @param root the parsed file, opened by {@link #open}
     * @return the provenance
     * @throws FileFormatException naming the file, the line and the field of a bad or missing value
     */
    public static Provenance provenance(Json root) {
        if (root == null) {
            throw new FileFormatException("parsed file is null");
        }
        return ModelFile.provenance(root);
    }

    private static void check(String kind, int version, Body body) {
        if (kind == null || kind.isBlank() || version < 1) {
            throw new FileFormatException("a model file needs a kind and a version of at least 1 but got '%s' and %d",
                kind, version);
        }
        if (body == null) {
            throw new FileFormatException("%s: model is null", kind);
        }
    }
}
