package org.powercx.credit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TestJson;

/**
 * Loads the reference files of the test resources (sources in the README beside them). The German credit data
 * has its own fixture, {@link GermanCredit}.
 */
final class Reference {
    private Reference() {
    }

    static String text(String name) {
        return TestJson.text(Reference.class, name);
    }

    /** A JSON reference file, read with {@link TestJson}. */
    static JsonNode json(String name) {
        return TestJson.resource(Reference.class, name);
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
}
