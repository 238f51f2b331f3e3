package org.powercx.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree that remembers, for every value, the file, the line and the field path it came from, so that an
 * error about any value names all three. Values are parsed with Jackson's streaming parser under fixed limits,
 * so that a small hostile file cannot exhaust the stack or the memory: at most {@value #MAX_DEPTH} nested
 * arrays and objects, {@value #MAX_NUMBER_LENGTH} characters in a number, {@value #MAX_STRING_LENGTH}
 * characters in a string or field name and {@value #MAX_DOCUMENT_LENGTH} characters in the whole file. A
 * number too large for a double (such as {@code 1e999}) is rejected where it is used. The model and
 * specification files of this package ({@link AhpHierarchyFile}, {@link PlsModelFile}, {@link WeightsFile}) are
 * read through it; it serves for other small JSON inputs too.
 *
 * @since 0.1.0
 */
public final class Json {
    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 100;
    /** The longest number accepted, in characters. */
    public static final int MAX_NUMBER_LENGTH = 1000;
    /** The longest string or field name accepted, in characters. */
    public static final int MAX_STRING_LENGTH = 100_000;
    /** The longest file accepted, in characters. */
    public static final long MAX_DOCUMENT_LENGTH = 2_000_000L;

    /** A decimal number as docs/formats.md allows it: no hexadecimal, no type suffix, no NaN or Infinity. */
    private static final java.util.regex.Pattern DECIMAL =
        java.util.regex.Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private static final JsonFactory FACTORY = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNameLength(MAX_STRING_LENGTH)
            .maxDocumentLength(MAX_DOCUMENT_LENGTH)
            .build())
        .build();
    private static final int MAX_SHOWN = 60;

    private final String file;
    private final String path;
    private final int line;
    private final Object value;

    private Json(String file, String path, int line, Object value) {
        this.file = file;
        this.path = path;
        this.line = line;
        this.value = value;
    }

    /**
     * Parses a UTF-8 JSON file.
     *
     * @param file the file
     * @return the root value
     * @throws FileFormatException if the file cannot be read, is not UTF-8 text, is not valid JSON or exceeds a limit
     */
    public static Json read(Path file) {
        if (file == null) {
            throw new FileFormatException("JSON file is null");
        }
        String name = file.toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, name);
        } catch (NoSuchFileException e) {
            throw new FileFormatException("%s: file not found", name);
        } catch (IOException e) {
            throw new FileFormatException("%s: cannot read: %s", name, e.getMessage());
        }
    }

    /**
     * Parses JSON text.
     *
     * @param reader the text
     * @param name the name used in error messages
     * @return the root value
     * @throws FileFormatException if the text is not valid JSON, exceeds a limit or cannot be read
     */
    public static Json parse(Reader reader, String name) {
        if (reader == null || name == null) {
            throw new FileFormatException("JSON %s is null", reader == null ? "reader" : "name");
        }
        JsonParser parser;
        try {
            parser = FACTORY.createParser(withoutByteOrderMark(reader));
        } catch (IOException e) {
            throw new FileFormatException("%s: cannot read: %s", name, e.getMessage());
        }
        try (parser) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new FileFormatException("%s: empty file, expected a JSON object", name);
            }
            Json root = value(parser, name, "");
            if (parser.nextToken() != null) {
                throw new FileFormatException("%s:%d: unexpected text after the JSON value", name,
                    parser.currentTokenLocation().getLineNr());
            }
            return root;
        } catch (StreamConstraintsException e) {
            // the limits above; drop Jackson's "from `StreamReadConstraints...`" hint
            String message = e.getOriginalMessage().replaceAll(",? from `[^`]*`", "");
            throw new FileFormatException("%s:%d: input too large: %s", name, line(e, parser), message);
        } catch (JsonProcessingException e) {
            throw new FileFormatException("%s:%d: invalid JSON: %s", name, line(e, parser),
                readable(e.getOriginalMessage()));
        } catch (CharacterCodingException e) {
            throw new FileFormatException("%s:%d: not UTF-8 text", name, parser.currentLocation().getLineNr());
        } catch (IOException e) {
            throw new FileFormatException("%s: cannot read: %s", name, e.getMessage());
        }
    }

    /**
     * The parser's message without its internals: the first line only, a start marker's location as its line,
     * and no {@code [Source: ...]} location, which names the parser's input object, not the file.
     *
     * @param original the parser's message without location
     * @return the message for the user
     */
    static String readable(String original) {
        String message = String.valueOf(original);
        int cut = message.indexOf('\n');
        if (cut >= 0) {
            message = message.substring(0, cut);
        }
        message = message.replaceAll("\\s*\\(start marker at \\[Source: [^;\\]]*; line: (\\d+)[^\\]]*\\]\\)",
            " (opened on line $1)");
        return message.replaceAll("\\s*\\[Source: [^\\]]*\\]", "").strip();
    }

    /**
     * Drops a leading byte-order mark, as the CSV reader does. It reads nothing ahead, so that a decoding error
     * still surfaces inside the parser, which names its line.
     */
    private static Reader withoutByteOrderMark(Reader reader) {
        return new java.io.FilterReader(reader) {
            private boolean started;

            @Override
            public int read() throws IOException {
                char[] one = new char[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0];
            }

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (!started && n > 0) {
                    started = true;
                    if (buffer[offset] == '\uFEFF') {
                        System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                        return n == 1 ? read(buffer, offset, length) : n - 1;
                    }
                }
                return n;
            }
        };
    }

    private static int line(JsonProcessingException e, JsonParser parser) {
        JsonLocation where = e.getLocation();
        if (where == null || where.getLineNr() < 1) {
            where = parser.currentLocation();
        }
        return Math.max(1, where.getLineNr());
    }

    private static Json value(JsonParser p, String file, String path) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Json> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    Json child = value(p, file, path.isEmpty() ? key : path + "." + key);
                    if (fields.put(key, child) != null) {
                        throw new FileFormatException("%s:%d: field '%s' is given twice", file, keyLine, child.path);
                    }
                }
                return new Json(file, path, line, Collections.unmodifiableMap(fields));
            }
            case START_ARRAY: {
                List<Json> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p, file, path + "[" + items.size() + "]"));
                }
                return new Json(file, path, line, Collections.unmodifiableList(items));
            }
            case VALUE_STRING:
                return new Json(file, path, line, p.getText());
            case VALUE_NUMBER_INT:
                return new Json(file, path, line, p.getDoubleValue());
            case VALUE_NUMBER_FLOAT: {
                double v = p.getDoubleValue();
                // a non-zero literal below the smallest double (1e-999) would silently read as 0
                return new Json(file, path, line, v == 0 && underflows(p.getText()) ? new Underflow(p.getText()) : v);
            }
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Json(file, path, line, p.getBooleanValue());
            default:
                return new Json(file, path, line, null);
        }
    }

    /**
     * An error about this value: {@code file:line: field 'path': message}.
     *
     * @param format message pattern
     * @param args its arguments
     * @return the exception, to throw
     */
    public FileFormatException error(String format, Object... args) {
        String what = org.powercx.core.internal.Messages.format(format, args);
        if (path.isEmpty()) {
            return new FileFormatException("%s:%d: %s", file, line, what);
        }
        return new FileFormatException("%s:%d: field '%s': %s", file, line, path, what);
    }

    /**
     * The file this value came from.
     *
     * @return the file name
     */
    public String file() {
        return file;
    }

    /**
     * The line where this value starts.
     *
     * @return 1-based line
     */
    public int line() {
        return line;
    }

    /**
     * The field path, for example {@code criteria[2].matrix}.
     *
     * @return the path, empty for the root
     */
    public String path() {
        return path;
    }

    /**
     * Whether this is an object.
     *
     * @return true for an object
     */
    public boolean isObject() {
        return value instanceof Map;
    }

    /**
     * Whether this is an array.
     *
     * @return true for an array
     */
    public boolean isArray() {
        return value instanceof List;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Json> object() {
        if (!isObject()) {
            throw error("expected an object");
        }
        return (Map<String, Json>) value;
    }

    /**
     * Whether an object has a field.
     *
     * @param name field name
     * @return true if present (and not null)
     * @throws FileFormatException if this is not an object
     */
    public boolean has(String name) {
        Json j = object().get(name);
        return j != null && j.value != null;
    }

    /**
     * A required field of an object.
     *
     * @param name field name
     * @return its value
     * @throws FileFormatException if this is not an object or the field is missing
     */
    public Json get(String name) {
        Json j = object().get(name);
        if (j == null || j.value == null) {
            throw new FileFormatException("%s:%d: %s: missing field '%s'", file, line,
                path.isEmpty() ? "top level" : "field '" + path + "'", name);
        }
        return j;
    }

    /**
     * The field names of an object, in file order.
     *
     * @return names
     * @throws FileFormatException if this is not an object
     */
    public List<String> fieldNames() {
        return List.copyOf(object().keySet());
    }

    /**
     * Rejects fields other than the allowed ones, to catch misspellings.
     *
     * @param allowed the allowed field names
     * @return this
     * @throws FileFormatException naming the first unknown field
     */
    public Json allowOnly(String... allowed) {
        List<String> ok = List.of(allowed);
        for (Map.Entry<String, Json> e : object().entrySet()) {
            if (!ok.contains(e.getKey())) {
                throw e.getValue().error("unknown field (expected one of %s)", String.join(", ", ok));
            }
        }
        return this;
    }

    /**
     * The items of an array.
     *
     * @return the items
     * @throws FileFormatException if this is not an array
     */
    @SuppressWarnings("unchecked")
    public List<Json> items() {
        if (!isArray()) {
            throw error("expected an array");
        }
        return (List<Json>) value;
    }

    /**
     * A non-blank string.
     *
     * @return the text
     * @throws FileFormatException if this is not a non-blank string
     */
    public String text() {
        if (!(value instanceof String) || ((String) value).isBlank()) {
            throw error("expected a non-blank string but found %s", describe());
        }
        return (String) value;
    }

    /**
     * A finite number; a string such as {@code "1/3"} is read as a fraction, for AHP judgments.
     *
     * @return the number
     * @throws FileFormatException if this is not a finite number or fraction
     */
    public double number() {
        if (value instanceof Underflow) {
            throw error("number out of range (magnitude below 4.9e-324, it would be read as 0): '%s'",
                ((Underflow) value).text);
        }
        if (value instanceof Double) {
            double v = (Double) value;
            if (Double.isFinite(v)) {
                return v;
            }
            throw error("number out of range (magnitude above 1.8e308)");
        }
        if (value instanceof String) {
            String s = ((String) value).trim();
            int slash = s.indexOf('/');
            String top = slash < 0 ? s : s.substring(0, slash);
            String bottom = slash < 0 ? "1" : s.substring(slash + 1);
            if (DECIMAL.matcher(top).matches() && DECIMAL.matcher(bottom).matches()) {
                double v = Double.parseDouble(top) / Double.parseDouble(bottom);
                if (v == 0 && underflows(top) || Double.parseDouble(bottom) == 0 && underflows(bottom)) {
                    throw error("number out of range (magnitude below 4.9e-324, it would be read as 0): %s",
                        describe());
                }
                if (Double.isFinite(v)) {
                    return v;
                }
            }
        }
        throw error("expected a number but found %s", describe());
    }

    /**
     * A boolean.
     *
     * @return the value
     * @throws FileFormatException if this is not a boolean
     */
    public boolean bool() {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        throw error("expected true or false but found %s", describe());
    }

    /**
     * A whole number within bounds.
     *
     * @param min smallest allowed
     * @param max largest allowed
     * @return the value
     * @throws FileFormatException if this is not a whole number within bounds
     */
    public int integer(int min, int max) {
        double v = number();
        if (v != Math.rint(v) || v < min || v > max) {
            throw error("expected a whole number in [%d, %d] but found %s", min, max, describe());
        }
        return (int) v;
    }

    /**
     * An array of numbers.
     *
     * @return the numbers
     * @throws FileFormatException if this is not an array of numbers
     */
    public double[] numbers() {
        List<Json> items = items();
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = items.get(i).number();
        }
        return out;
    }

    /**
     * An array of non-blank strings.
     *
     * @return the strings
     * @throws FileFormatException if this is not an array of strings
     */
    public List<String> texts() {
        List<String> out = new ArrayList<>();
        for (Json j : items()) {
            out.add(j.text());
        }
        return out;
    }

    private String describe() {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            String s = (String) value;
            return "\"" + (s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "...") + "\"";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof Double) {
            return org.powercx.core.TextTable.number((Double) value);
        }
        if (value instanceof Underflow) {
            return ((Underflow) value).text;
        }
        return String.valueOf(value);
    }

    /** Whether a decimal literal has a non-zero digit before its exponent, so that reading it as 0 loses it. */
    private static boolean underflows(String literal) {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** A non-zero number literal too small for a double, kept as text so that reading it is an error. */
    private static final class Underflow {
        private final String text;

        Underflow(String text) {
            this.text = text;
        }
    }
}
