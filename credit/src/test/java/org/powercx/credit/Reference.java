package org.powercx.credit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

/** Loads the reference files of the test resources (sources in the README beside them). */
final class Reference {
    private Reference() {
    }

    static String text(String name) {
        try (InputStream in = Reference.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** German credit numeric: 24 attributes a1..a24; labels 1 = bad (class 2), 0 = good. */
    static IndicatorTable german(int[] labelsOut) {
        String[] lines = text("german.data-numeric").strip().split("\n");
        double[][] rows = new double[lines.length][24];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            for (int j = 0; j < 24; j++) {
                rows[i][j] = Double.parseDouble(f[j]);
            }
            labelsOut[i] = Integer.parseInt(f[24]) == 2 ? 1 : 0;
            ids.add("g" + i);
        }
        List<Indicator> ind = new ArrayList<>();
        for (int j = 1; j <= 24; j++) {
            ind.add(Indicator.benefit("a" + j));
        }
        return IndicatorTable.ofRows(ind, ids, rows);
    }

    static IndicatorTable iris(int[] labelsOut) {
        String[] lines = text("iris.csv").strip().split("\n");
        double[][] rows = new double[lines.length - 1][4];
        List<String> ids = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split(",");
            for (int j = 0; j < 4; j++) {
                rows[i - 1][j] = Double.parseDouble(f[j]);
            }
            labelsOut[i - 1] = Integer.parseInt(f[4]);
            ids.add("iris" + (i - 1));
        }
        String[] names = lines[0].trim().split(",");
        List<Indicator> ind = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
            ind.add(Indicator.benefit(names[j]));
        }
        return IndicatorTable.ofRows(ind, ids, rows);
    }

    /** A CSV with a header as numeric columns by name. */
    static Map<String, double[]> csv(String name) {
        String[] lines = text(name).strip().split("\n");
        String[] header = lines[0].trim().split(",");
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String h : header) {
            out.put(h, new double[lines.length - 1]);
        }
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split(",");
            for (int j = 0; j < header.length; j++) {
                out.get(header[j])[i - 1] = Double.parseDouble(f[j]);
            }
        }
        return out;
    }

    /** Minimal JSON reader: objects, arrays, numbers, strings, true/false/null. */
    static Object json(String name) {
        return new Parser(text(name)).value();
    }

    @SuppressWarnings("unchecked")
    static Object at(Object json, String path) {
        Object o = json;
        for (String key : path.split("\\.")) {
            o = ((Map<String, Object>) o).get(key);
            if (o == null) {
                throw new IllegalStateException("no " + path);
            }
        }
        return o;
    }

    static double number(Object json, String path) {
        return ((Number) at(json, path)).doubleValue();
    }

    static double[] vector(Object json, String path) {
        return toVector((List<?>) at(json, path));
    }

    static double[][] matrix(Object json, String path) {
        List<?> rows = (List<?>) at(json, path);
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = toVector((List<?>) rows.get(i));
        }
        return m;
    }

    private static double[] toVector(List<?> list) {
        double[] v = new double[list.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((Number) list.get(i)).doubleValue();
        }
        return v;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Object value() {
            skip();
            char c = s.charAt(pos);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                pos++;
                skip();
                if (s.charAt(pos) == '}') {
                    pos++;
                    return m;
                }
                while (true) {
                    skip();
                    String key = (String) value();
                    skip();
                    pos++; // ':'
                    m.put(key, value());
                    skip();
                    if (s.charAt(pos++) == '}') {
                        return m;
                    }
                }
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                pos++;
                skip();
                if (s.charAt(pos) == ']') {
                    pos++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    skip();
                    if (s.charAt(pos++) == ']') {
                        return l;
                    }
                }
            }
            if (c == '"') {
                int end = s.indexOf('"', pos + 1);
                String str = s.substring(pos + 1, end);
                pos = end + 1;
                return str;
            }
            int start = pos;
            while (pos < s.length() && ",]} \n\r\t".indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
            String tok = s.substring(start, pos);
            switch (tok) {
                case "true": return Boolean.TRUE;
                case "false": return Boolean.FALSE;
                case "null": return null;
                case "NaN": return Double.NaN;
                default: return Double.parseDouble(tok);
            }
        }

        private void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }
    }
}
