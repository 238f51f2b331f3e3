package org.powercx.ahp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.powercx.core.TestJson;

/** The reference files under test resources {@code refdata/}, and the judgment matrices they write as text. */
final class RefData {
    private RefData() {
    }

    /** The text of a reference file, such as a CSV. */
    static String resource(String name) {
        return TestJson.text(RefData.class, "/refdata/" + name);
    }

    /** A JSON reference file. */
    static JsonNode json(String name) {
        return TestJson.resource(RefData.class, "/refdata/" + name);
    }

    /** The matrix at a path, given as rows of strings such as "1/9" or "1/1.13"; null entries become NaN. */
    static double[][] fractions(JsonNode node, String... path) {
        JsonNode rows = TestJson.at(node, path);
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            JsonNode row = rows.get(i);
            m[i] = new double[row.size()];
            for (int j = 0; j < m[i].length; j++) {
                JsonNode cell = row.get(j);
                if (cell.isNull()) {
                    m[i][j] = Double.NaN;
                    continue;
                }
                String s = cell.textValue();
                if (s == null) {
                    throw new IllegalStateException("not a judgment string at " + String.join("/", path) + "/" + i
                        + "/" + j + ": " + cell);
                }
                if (s.contains("/")) {
                    String[] p = s.split("/");
                    m[i][j] = Double.parseDouble(p[0]) / Double.parseDouble(p[1]);
                } else {
                    m[i][j] = Double.parseDouble(s);
                }
            }
        }
        return m;
    }

    /** The element names of a matrix block. */
    static List<String> elements(JsonNode node) {
        return TestJson.strings(node, "elements");
    }
}
