package org.powercx.io;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes the fields of one model file's kind inside the shared envelope of {@link ModelEnvelope}: numbers
 * (finite only, in Java's shortest round-trip form, so that they read back with the same bits), texts, arrays,
 * nested objects and whole embedded model files of another kind (for example a {@code grey-relational-model}
 * inside a customer model). A writer belongs to one {@link ModelEnvelope.Body} call; it is not thread-safe.
 *
 * @since 0.2.0
 */
public final class ModelWriter {
    private final JsonGenerator out;
    /** Open objects and arrays, the top-level object included: the indentation of an embedded file. */
    private int depth = 1;

    ModelWriter(JsonGenerator out) {
        this.out = out;
    }

    private static UncheckedIOException failed(IOException e) {
        return new UncheckedIOException(e);
    }

    /**
     * Writes a text field.
     *
     * @param field the field name
     * @param value the text, not null
     * @return this writer
     * @throws FileFormatException if the value is null
     */
    public ModelWriter text(String field, String value) {
        if (value == null) {
            throw new FileFormatException("cannot save '%s': the value is null", field);
        }
        try {
            out.writeStringField(field, value);
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }

    /**
     * Writes a finite number.
     *
     * @param field the field name
     * @param value the value
     * @return this writer
     * @throws FileFormatException if the value is not finite
     */
    public ModelWriter number(String field, double value) {
        try {
            ModelFile.number(out, field, value);
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }

    /**
     * Writes a whole number (without a decimal point).
     *
     * @param field the field name
     * @param value the value
     * @return this writer
     */
    public ModelWriter integer(String field, long value) {
        try {
            out.writeNumberField(field, value);
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }

    /**
     * Writes an array of finite numbers.
     *
     * @param field the field name
     * @param values the values
     * @return this writer
     * @throws FileFormatException if a value is not finite
     */
    public ModelWriter numbers(String field, double[] values) {
        try {
            ModelFile.numbers(out, field, values);
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }

    /**
     * Writes a matrix of finite numbers as an array of rows.
     *
     * @param field the field name
     * @param rows the rows
     * @return this writer
     * @throws FileFormatException if a value is not finite
     */
    public ModelWriter matrix(String field, double[][] rows) {
        try {
            ModelFile.matrix(out, field, rows);
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }

    /**
     * Writes an array of texts.
     *
     * @param field the field name
     * @param values the texts
     * @return this writer
     */
    public ModelWriter texts(String field, List<String> values) {
        try {
            ModelFile.texts(out, field, values);
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }

    /**
     * Writes an array of texts as an item of the open array (for a table of texts, one array per row).
     *
     * @param values the texts
     * @return this writer
     */
    public ModelWriter textItem(List<String> values) {
        try {
            out.writeStartArray();
            for (String v : values) {
                out.writeString(v);
            }
            out.writeEndArray();
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }

    /**
     * Opens a nested object field; close it with {@link #endObject()}.
     *
     * @param field the field name
     * @return this writer
     */
    public ModelWriter startObject(String field) {
        try {
            out.writeObjectFieldStart(field);
        } catch (IOException e) {
            throw failed(e);
        }
        depth++;
        return this;
    }

    /**
     * Opens an array field; close it with {@link #endArray()}. Its items are objects opened with
     * {@link #startItem()} or arrays of texts written by {@link #textItem}.
     *
     * @param field the field name
     * @return this writer
     */
    public ModelWriter startArray(String field) {
        try {
            out.writeArrayFieldStart(field);
        } catch (IOException e) {
            throw failed(e);
        }
        depth++;
        return this;
    }

    /**
     * Opens an object item of the open array; close it with {@link #endObject()}.
     *
     * @return this writer
     */
    public ModelWriter startItem() {
        try {
            out.writeStartObject();
        } catch (IOException e) {
            throw failed(e);
        }
        depth++;
        return this;
    }

    /**
     * Closes the innermost open object.
     *
     * @return this writer
     */
    public ModelWriter endObject() {
        try {
            out.writeEndObject();
        } catch (IOException e) {
            throw failed(e);
        }
        depth--;
        return this;
    }

    /**
     * Closes the innermost open array.
     *
     * @return this writer
     */
    public ModelWriter endArray() {
        try {
            out.writeEndArray();
        } catch (IOException e) {
            throw failed(e);
        }
        depth--;
        return this;
    }

    /**
     * Embeds a whole model file of another kind as the value of a field, as written by that kind's
     * {@code toJson} (for example {@link GreyRelationalModelFile#toJson}); its text is copied unchanged, so its
     * numbers keep their bits. Read it back by passing the field's {@link Json} node to that kind's
     * {@code parse(Json)}.
     *
     * @param field the field name
     * @param document the embedded file's JSON text, a JSON object
     * @return this writer
     * @throws FileFormatException if the document is null or not a JSON object
     */
    public ModelWriter embed(String field, String document) {
        String text = document == null ? "" : document.strip();
        if (!text.startsWith("{") || !text.endsWith("}")) {
            throw new FileFormatException("cannot save '%s': the embedded model file is not a JSON object", field);
        }
        try {
            out.writeFieldName(field);
            // JSON strings hold no raw line breaks: indenting every line keeps the embedded file's own layout
            out.writeRawValue(text.replace("\n", "\n" + "  ".repeat(depth)));
        } catch (IOException e) {
            throw failed(e);
        }
        return this;
    }
}
