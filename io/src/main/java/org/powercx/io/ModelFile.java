package org.powercx.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The envelope every saved model and specification of this package shares:
 *
 * <pre>{@code
 * {"format": "powercx", "kind": "grey-relational-model", "version": 1,
 *  "provenance": {"library": "0.2.0", "fittedRows": 1000, "created": "2026-12-04T10:00:00Z",
 *                 "configuration": {"distinguishing coefficient": "0.5"}},
 *  ... the kind's own fields ...}
 * }</pre>
 *
 * <p>Doubles are written in Java's shortest round-trip form and read back with the same bits (including
 * {@code -0.0}); a non-finite parameter is refused on writing and on reading. A file is written to a temporary
 * file in the same directory and then moved over the target, so that a failure never leaves a truncated file.
 * Reading checks the format, the kind and the version before anything else: a file of another kind or written
 * by a newer library gets one line naming the file.
 */
final class ModelFile {
    /** The value of the {@code format} field. */
    static final String FORMAT = "powercx";
    /** The envelope's own fields, which a kind's reader allows beside its own. */
    static final List<String> ENVELOPE_FIELDS = List.of("format", "kind", "version", "provenance");

    /**
     * Doubles written as the shortest decimal that reads back as the same double, as Java 19 and later's
     * {@code Double.toString} prints them, so that a model file has the same text on every Java version (Java 17's
     * {@code Double.toString} prints some doubles with extra digits, such as {@code 9.999999999999999E22}).
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
        .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    private ModelFile() {
    }

    /** Writes a kind's own fields into the open top-level object. */
    @FunctionalInterface
    interface Body {
        /**
         * Writes the fields.
         *
         * @param out the generator, inside the top-level object
         * @throws IOException if writing fails
         */
        void write(JsonGenerator out) throws IOException;
    }

    /**
     * Writes a model file atomically.
     *
     * @param file the target; its directory must exist
     * @param kind the kind, such as {@code grey-relational-model}
     * @param version the kind's format version
     * @param provenance where the model came from
     * @param body the kind's fields
     * @throws FileFormatException if an argument is null, a value is not finite or the file cannot be written
     */
    static void write(Path file, String kind, int version, Provenance provenance, Body body) {
        if (file == null) {
            throw new FileFormatException("%s file is null", kind);
        }
        String text = toText(kind, version, provenance, body);
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path name = target.getFileName();
        if (dir == null || name == null) {
            throw new FileFormatException("%s: cannot write: not a file path", file);
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + name, ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new FileFormatException("%s: cannot write: %s", file, e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed; that is the error to report
                }
            }
        }
    }

    /**
     * The text of a model file.
     *
     * @param kind the kind
     * @param version the kind's format version
     * @param provenance where the model came from
     * @param body the kind's fields
     * @return the JSON text, ending with a line break
     * @throws FileFormatException if an argument is null or a value is not finite
     */
    static String toText(String kind, int version, Provenance provenance, Body body) {
        if (provenance == null || body == null) {
            throw new FileFormatException("%s: %s is null", kind, provenance == null ? "provenance" : "model");
        }
        StringWriter text = new StringWriter();
        try (JsonGenerator out = FACTORY.createGenerator(text).useDefaultPrettyPrinter()) {
            out.writeStartObject();
            out.writeStringField("format", FORMAT);
            out.writeStringField("kind", kind);
            out.writeNumberField("version", version);
            out.writeObjectFieldStart("provenance");
            out.writeStringField("library", provenance.library());
            out.writeNumberField("fittedRows", provenance.fittedRows());
            out.writeStringField("created", provenance.created().toString());
            out.writeObjectFieldStart("configuration");
            for (Map.Entry<String, String> e : provenance.configuration().entrySet()) {
                out.writeStringField(e.getKey(), e.getValue());
            }
            out.writeEndObject();
            out.writeEndObject();
            body.write(out);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.append('\n').toString();
    }

    /**
     * Checks a parsed file's envelope.
     *
     * @param root the parsed file
     * @param kind the expected kind
     * @param version the newest version this library reads
     * @return the version of the file, in [1, version]
     * @throws FileFormatException naming the file, line and field if the format, kind or version do not match
     */
    static int open(Json root, String kind, int version) {
        if (root == null) {
            throw new FileFormatException("parsed %s file is null", kind);
        }
        if (!root.isObject()) {
            throw root.error("expected a PowerCX %s file (a JSON object)", kind);
        }
        String format = root.has("format") ? root.get("format").text() : null;
        if (!FORMAT.equals(format)) {
            throw root.error("not a PowerCX model file: expected \"format\": \"%s\"", FORMAT);
        }
        Json kindNode = root.get("kind");
        String found = kindNode.text();
        if (!found.equals(kind)) {
            throw kindNode.error("expected a %s file but this file holds a %s", kind, found);
        }
        Json versionNode = root.get("version");
        double v = versionNode.number();
        if (v != Math.rint(v) || v < 1) {
            throw versionNode.error("expected a whole number of at least 1 but found %s", v);
        }
        if (v > version) {
            throw versionNode.error("version %.0f was written by a newer PowerCX; this library (%s) reads up to "
                + "version %d", v, Provenance.libraryVersion(), version);
        }
        return (int) v;
    }

    /**
     * A parsed file's provenance.
     *
     * @param root the parsed file, its envelope checked by {@link #open}
     * @return the provenance
     * @throws FileFormatException naming the file, line and field of a bad value
     */
    static Provenance provenance(Json root) {
        Json p = root.get("provenance").allowOnly("library", "fittedRows", "created", "configuration");
        Json rowsNode = p.get("fittedRows");
        double rows = rowsNode.number();
        if (rows != Math.rint(rows) || rows < 0 || rows > Long.MAX_VALUE) {
            throw rowsNode.error("expected a whole number of at least 0 but found %s", rows);
        }
        Json createdNode = p.get("created");
        Instant created;
        try {
            created = Instant.parse(createdNode.text());
        } catch (DateTimeParseException e) {
            throw createdNode.error("expected a time such as 2026-12-04T10:00:00Z but found '%s'",
                createdNode.text());
        }
        Map<String, String> configuration = new LinkedHashMap<>();
        if (p.has("configuration")) {
            Json c = p.get("configuration");
            for (String name : c.fieldNames()) {
                configuration.put(name, c.get(name).text());
            }
        }
        return new Provenance(p.get("library").text(), (long) rows, created, configuration);
    }

    /**
     * Writes an array of finite numbers.
     *
     * @param out the generator
     * @param field the field name
     * @param values the values
     * @throws IOException if writing fails
     * @throws FileFormatException if a value is not finite
     */
    static void numbers(JsonGenerator out, String field, double[] values) throws IOException {
        out.writeArrayFieldStart(field);
        for (int i = 0; i < values.length; i++) {
            out.writeNumber(finite(field + "[" + i + "]", values[i]));
        }
        out.writeEndArray();
    }

    /**
     * Writes a matrix of finite numbers as an array of rows.
     *
     * @param out the generator
     * @param field the field name
     * @param rows the rows
     * @throws IOException if writing fails
     * @throws FileFormatException if a value is not finite
     */
    static void matrix(JsonGenerator out, String field, double[][] rows) throws IOException {
        out.writeArrayFieldStart(field);
        for (int i = 0; i < rows.length; i++) {
            out.writeStartArray();
            for (int j = 0; j < rows[i].length; j++) {
                out.writeNumber(finite(field + "[" + i + "][" + j + "]", rows[i][j]));
            }
            out.writeEndArray();
        }
        out.writeEndArray();
    }

    /**
     * Writes an array of strings.
     *
     * @param out the generator
     * @param field the field name
     * @param values the strings
     * @throws IOException if writing fails
     */
    static void texts(JsonGenerator out, String field, List<String> values) throws IOException {
        out.writeArrayFieldStart(field);
        for (String v : values) {
            out.writeString(v);
        }
        out.writeEndArray();
    }

    /**
     * Writes one finite number.
     *
     * @param out the generator
     * @param field the field name
     * @param value the value
     * @throws IOException if writing fails
     * @throws FileFormatException if the value is not finite
     */
    static void number(JsonGenerator out, String field, double value) throws IOException {
        out.writeNumberField(field, finite(field, value));
    }

    /**
     * Reads a matrix written by {@link #matrix}: an array of rows of equal length.
     *
     * @param node the array
     * @return the rows
     * @throws FileFormatException naming the file, line and field of a bad value or a ragged row
     */
    static double[][] matrix(Json node) {
        List<Json> items = node.items();
        double[][] rows = new double[items.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = items.get(i).numbers();
            if (i > 0 && rows[i].length != rows[0].length) {
                throw items.get(i).error("row has %d values but row 0 has %d", rows[i].length, rows[0].length);
            }
        }
        return rows;
    }

    private static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new FileFormatException("cannot save '%s' = %s: model parameters must be finite", field, value);
        }
        return value;
    }
}
