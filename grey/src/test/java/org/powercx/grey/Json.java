package org.powercx.grey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A minimal JSON reader for the reference files in test resources (objects, arrays, numbers, strings). */
final class Json {
    private final String s;
    private int pos;

    private Json(String s) {
        this.s = s;
    }

    static Map<String, Object> resource(String name) {
        try (InputStream in = Json.class.getResourceAsStream("refdata/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) new Json(new String(in.readAllBytes(),
                StandardCharsets.UTF_8)).value();
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object o, String... path) {
        Object cur = o;
        for (String p : path) {
            cur = ((Map<String, Object>) cur).get(p);
        }
        return (Map<String, Object>) cur;
    }

    static Object get(Object o, String... path) {
        Object cur = o;
        for (String p : path) {
            cur = ((Map<?, ?>) cur).get(p);
            if (cur == null) {
                throw new IllegalStateException("no key " + p);
            }
        }
        return cur;
    }

    static double num(Object o, String... path) {
        return (Double) get(o, path);
    }

    static double[] vec(Object o, String... path) {
        List<?> list = (List<?>) get(o, path);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Double) list.get(i);
        }
        return out;
    }

    static double[][] mat(Object o, String... path) {
        List<?> list = (List<?>) get(o, path);
        double[][] out = new double[list.size()][];
        for (int i = 0; i < out.length; i++) {
            List<?> row = (List<?>) list.get(i);
            out[i] = new double[row.size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = (Double) row.get(j);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object o, String... path) {
        return (List<String>) get(o, path);
    }

    private void ws() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private Object value() {
        ws();
        char c = s.charAt(pos);
        if (c == '{') {
            pos++;
            Map<String, Object> map = new LinkedHashMap<>();
            ws();
            if (s.charAt(pos) == '}') {
                pos++;
                return map;
            }
            while (true) {
                ws();
                String key = (String) value();
                ws();
                pos++; // ':'
                map.put(key, value());
                ws();
                if (s.charAt(pos++) == '}') {
                    return map;
                }
            }
        }
        if (c == '[') {
            pos++;
            List<Object> list = new ArrayList<>();
            ws();
            if (s.charAt(pos) == ']') {
                pos++;
                return list;
            }
            while (true) {
                list.add(value());
                ws();
                if (s.charAt(pos++) == ']') {
                    return list;
                }
            }
        }
        if (c == '"') {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (s.charAt(pos) != '"') {
                char ch = s.charAt(pos++);
                if (ch == '\\') {
                    char e = s.charAt(pos++);
                    if (e == 'u') {
                        sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        pos += 4;
                    } else {
                        sb.append(e == 'n' ? '\n' : e);
                    }
                } else {
                    sb.append(ch);
                }
            }
            pos++;
            return sb.toString();
        }
        if (s.startsWith("true", pos)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (s.startsWith("false", pos)) {
            pos += 5;
            return Boolean.FALSE;
        }
        if (s.startsWith("null", pos)) {
            pos += 4;
            return null;
        }
        int start = pos;
        while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        return Double.parseDouble(s.substring(start, pos));
    }
}
