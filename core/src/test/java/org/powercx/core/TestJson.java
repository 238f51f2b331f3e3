package org.powercx.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON reference files of the tests (published in the core test jar, used by every module's tests).
 *
 * <p>Files are read with Jackson into a {@link JsonNode}; the accessors walk a path of object keys (keys are taken
 * whole, so a key may contain dots or bars) and fail with the full path when a key is missing or a value has the
 * wrong type, rather than returning a default. Numbers are read as doubles by {@link Double#parseDouble}, so a
 * reference value is exactly the double nearest to its decimal text.
 */
public final class TestJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private TestJson() {
    }

    /**
     * The text of a test resource, in UTF-8.
     *
     * @param anchor the class the name is resolved against, as by {@link Class#getResourceAsStream}: a name
     *     starting with a slash is absolute, any other is relative to the anchor's package
     * @param name the resource name
     * @return the text
     */
    public static String text(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name + " (beside "
                    + anchor.getName() + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JSON test resource.
     *
     * @param anchor the class the name is resolved against (see {@link #text})
     * @param name the resource name
     * @return the document's root
     */
    public static JsonNode resource(Class<?> anchor, String name) {
        try {
            return MAPPER.readTree(text(anchor, name));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("test resource " + name + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Parses JSON text.
     *
     * @param json the text
     * @return the document's root
     */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The value at a path of object keys.
     *
     * @param node where to start
     * @param path object keys, outermost first; none for the node itself
     * @return the value, never null and never a JSON null
     * @throws IllegalStateException if a key is missing or a step is not an object
     */
    public static JsonNode at(JsonNode node, String... path) {
        JsonNode cur = node;
        StringBuilder seen = new StringBuilder();
        for (String key : path) {
            seen.append('/').append(key);
            if (cur == null || !cur.isObject()) {
                throw new IllegalStateException("no object above " + seen);
            }
            cur = cur.get(key);
            if (cur == null || cur.isNull()) {
                throw new IllegalStateException("no value at " + seen);
            }
        }
        return cur;
    }

    /**
     * The number at a path.
     *
     * @param node where to start
     * @param path object keys
     * @return the number
     * @throws IllegalStateException if the value is missing or not a number
     */
    public static double number(JsonNode node, String... path) {
        return asNumber(at(node, path), String.join("/", path));
    }

    /**
     * The boolean at a path.
     *
     * @param node where to start
     * @param path object keys
     * @return the boolean
     * @throws IllegalStateException if the value is missing or not a boolean
     */
    public static boolean bool(JsonNode node, String... path) {
        JsonNode v = at(node, path);
        if (!v.isBoolean()) {
            throw new IllegalStateException("not a boolean at " + String.join("/", path) + ": " + v);
        }
        return v.booleanValue();
    }

    /**
     * The string at a path.
     *
     * @param node where to start
     * @param path object keys
     * @return the string
     * @throws IllegalStateException if the value is missing or not a string
     */
    public static String string(JsonNode node, String... path) {
        JsonNode v = at(node, path);
        if (!v.isTextual()) {
            throw new IllegalStateException("not a string at " + String.join("/", path) + ": " + v);
        }
        return v.textValue();
    }

    /**
     * The array of numbers at a path.
     *
     * @param node where to start
     * @param path object keys
     * @return the numbers, in order
     * @throws IllegalStateException if the value is not an array of numbers
     */
    public static double[] vector(JsonNode node, String... path) {
        return toVector(array(node, path), String.join("/", path));
    }

    /**
     * The array of arrays of numbers at a path (rows may differ in length).
     *
     * @param node where to start
     * @param path object keys
     * @return the rows
     * @throws IllegalStateException if the value is not an array of arrays of numbers
     */
    public static double[][] matrix(JsonNode node, String... path) {
        JsonNode rows = array(node, path);
        String where = String.join("/", path);
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            JsonNode row = rows.get(i);
            if (!row.isArray()) {
                throw new IllegalStateException("row " + i + " at " + where + " is not an array: " + row);
            }
            m[i] = toVector(row, where + "/" + i);
        }
        return m;
    }

    /**
     * The array of strings at a path.
     *
     * @param node where to start
     * @param path object keys
     * @return the strings, in order
     * @throws IllegalStateException if the value is not an array of strings
     */
    public static List<String> strings(JsonNode node, String... path) {
        JsonNode a = array(node, path);
        List<String> out = new ArrayList<>(a.size());
        for (JsonNode v : a) {
            if (!v.isTextual()) {
                throw new IllegalStateException("not a string in " + String.join("/", path) + ": " + v);
            }
            out.add(v.textValue());
        }
        return List.copyOf(out);
    }

    /**
     * The object of numbers at a path, in the file's key order.
     *
     * @param node where to start
     * @param path object keys
     * @return key to number
     * @throws IllegalStateException if the value is not an object of numbers
     */
    public static Map<String, Double> numbers(JsonNode node, String... path) {
        JsonNode o = at(node, path);
        String where = String.join("/", path);
        if (!o.isObject()) {
            throw new IllegalStateException("not an object at " + where + ": " + o);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            out.put(e.getKey(), asNumber(e.getValue(), where + "/" + e.getKey()));
        }
        return out;
    }

    /**
     * The keys of the object at a path, in the file's order.
     *
     * @param node where to start
     * @param path object keys
     * @return the keys
     * @throws IllegalStateException if the value is not an object
     */
    public static List<String> keys(JsonNode node, String... path) {
        JsonNode o = at(node, path);
        if (!o.isObject()) {
            throw new IllegalStateException("not an object at " + String.join("/", path) + ": " + o);
        }
        List<String> out = new ArrayList<>();
        o.fieldNames().forEachRemaining(out::add);
        return List.copyOf(out);
    }

    /**
     * The numbers of an object of numbers, in the order of the given keys.
     *
     * @param node an object whose values are numbers
     * @param keys the keys wanted, each of which must be present
     * @return one number per key
     * @throws IllegalStateException if a key is missing or its value is not a number
     */
    public static double[] inOrder(JsonNode node, List<String> keys) {
        double[] out = new double[keys.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = number(node, keys.get(k));
        }
        return out;
    }

    private static JsonNode array(JsonNode node, String... path) {
        JsonNode a = at(node, path);
        if (!a.isArray()) {
            throw new IllegalStateException("not an array at " + String.join("/", path) + ": " + a);
        }
        return a;
    }

    private static double[] toVector(JsonNode array, String where) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = asNumber(array.get(i), where + "/" + i);
        }
        return v;
    }

    private static double asNumber(JsonNode v, String where) {
        if (!v.isNumber()) {
            throw new IllegalStateException("not a number at " + where + ": " + v);
        }
        return v.doubleValue();
    }
}
