package org.powercx.ahp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads the reference files under test resources {@code refdata/} with a minimal JSON reader. */
final class RefData {
    private final String text;
    private int pos;

    private RefData(String text) {
        this.text = text;
    }

    static String resource(String name) {
        try (InputStream in = RefData.class.getResourceAsStream("/refdata/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource refdata/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String name) {
        RefData p = new RefData(resource(name));
        return (Map<String, Object>) p.value();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String... path) {
        Object cur = o;
        for (String key : path) {
            cur = ((Map<String, Object>) cur).get(key);
        }
        return (Map<String, Object>) cur;
    }

    @SuppressWarnings("unchecked")
    static double num(Object o, String... path) {
        Object cur = o;
        for (String key : path) {
            cur = ((Map<String, Object>) cur).get(key);
        }
        return (Double) cur;
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object list) {
        return (List<String>) list;
    }

    @SuppressWarnings("unchecked")
    static double[] doubles(Object list) {
        List<Object> l = (List<Object>) list;
        double[] d = new double[l.size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = (Double) l.get(k);
        }
        return d;
    }

    /** A matrix given as strings such as "1/9" or "1/1.13"; null entries become NaN. */
    @SuppressWarnings("unchecked")
    static double[][] fractions(Object rows) {
        List<List<String>> l = (List<List<String>>) rows;
        double[][] m = new double[l.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = new double[l.get(i).size()];
            for (int j = 0; j < m[i].length; j++) {
                String s = l.get(i).get(j);
                if (s == null) {
                    m[i][j] = Double.NaN;
                } else if (s.contains("/")) {
                    String[] p = s.split("/");
                    m[i][j] = Double.parseDouble(p[0]) / Double.parseDouble(p[1]);
                } else {
                    m[i][j] = Double.parseDouble(s);
                }
            }
        }
        return m;
    }

    /** Values of a name-to-number map in the order of the given names. */
    static double[] inOrder(Map<String, Object> byName, List<String> names) {
        double[] d = new double[names.size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = (Double) byName.get(names.get(k));
        }
        return d;
    }

    private Object value() {
        skip();
        char c = text.charAt(pos);
        if (c == '{') {
            pos++;
            Map<String, Object> m = new LinkedHashMap<>();
            skip();
            if (text.charAt(pos) == '}') {
                pos++;
                return m;
            }
            while (true) {
                skip();
                String key = string();
                skip();
                pos++; // ':'
                m.put(key, value());
                skip();
                if (text.charAt(pos++) == '}') {
                    return m;
                }
            }
        }
        if (c == '[') {
            pos++;
            List<Object> l = new ArrayList<>();
            skip();
            if (text.charAt(pos) == ']') {
                pos++;
                return l;
            }
            while (true) {
                l.add(value());
                skip();
                if (text.charAt(pos++) == ']') {
                    return l;
                }
            }
        }
        if (c == '"') {
            return string();
        }
        if (text.startsWith("null", pos)) {
            pos += 4;
            return null;
        }
        if (text.startsWith("true", pos)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", pos)) {
            pos += 5;
            return Boolean.FALSE;
        }
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        return Double.parseDouble(text.substring(start, pos));
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (text.charAt(pos) != '"') {
            char c = text.charAt(pos++);
            if (c == '\\') {
                char e = text.charAt(pos++);
                sb.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
            } else {
                sb.append(c);
            }
        }
        pos++;
        return sb.toString();
    }

    private void skip() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
