package org.powercx.satisfaction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

/** Loads the reference CSV files of src/test/resources/org/powercx/satisfaction (see the README there). */
final class RefData {
    private RefData() {
    }

    static List<String[]> lines(String resource) {
        InputStream in = RefData.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] cells = line.split(",", -1);
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].replace("\"", "").trim();
                }
                out.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static double num(String cell) {
        return cell.isEmpty() || cell.equals("NA") ? Double.NaN : Double.parseDouble(cell);
    }

    /** Rows keyed by their first cell, values from column {@code from} on (R write.csv layout). */
    static Map<String, double[]> table(String resource, int from) {
        Map<String, double[]> out = new LinkedHashMap<>();
        List<String[]> lines = lines(resource);
        for (String[] cells : lines.subList(1, lines.size())) {
            double[] v = new double[cells.length - from];
            for (int i = from; i < cells.length; i++) {
                v[i - from] = num(cells[i]);
            }
            out.put(cells[0], v);
        }
        return out;
    }

    /** Header of an R write.csv file. */
    static String[] header(String resource) {
        return lines(resource).get(0);
    }

    /** ADANCO sheet: rows keyed by the second cell, values from the third cell on, after {@code skip} lines. */
    static Map<String, double[]> adanco(String resource, int skip) {
        Map<String, double[]> out = new LinkedHashMap<>();
        List<String[]> lines = lines(resource);
        for (String[] cells : lines.subList(skip, lines.size())) {
            if (cells.length < 3 || cells[1].isEmpty()) {
                continue;
            }
            double[] v = new double[cells.length - 2];
            boolean numeric = true;
            boolean any = false;
            for (int i = 2; i < cells.length; i++) {
                try {
                    v[i - 2] = num(cells[i]);
                    any |= !Double.isNaN(v[i - 2]);
                } catch (NumberFormatException e) {
                    numeric = false;
                }
            }
            if (numeric && any) {
                out.put(cells[1], v);
            }
        }
        return out;
    }

    /** A survey data set: numeric columns only, ids from the first column. */
    static IndicatorTable survey(String name) {
        List<String[]> lines = lines("data/" + name + ".csv");
        String[] head = lines.get(0);
        List<Integer> cols = new ArrayList<>();
        List<Indicator> inds = new ArrayList<>();
        for (int c = 1; c < head.length; c++) {
            if (!head[c].equals("gender")) {
                cols.add(c);
                inds.add(Indicator.benefit(head[c]));
            }
        }
        List<String> ids = new ArrayList<>();
        double[][] rows = new double[lines.size() - 1][cols.size()];
        for (int i = 1; i < lines.size(); i++) {
            ids.add(lines.get(i)[0]);
            for (int c = 0; c < cols.size(); c++) {
                rows[i - 1][c] = Double.parseDouble(lines.get(i)[cols.get(c)]);
            }
        }
        return IndicatorTable.ofRows(inds, ids, rows);
    }

    /** Gender labels of the satisfaction data. */
    static String[] gender() {
        List<String[]> lines = lines("data/satisfaction.csv");
        String[] out = new String[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            out[i - 1] = lines.get(i)[lines.get(i).length - 1];
        }
        return out;
    }

    /** The 4-construct mobi model of the seminr fixtures. */
    static PathModel m4() {
        return PathModel.builder()
            .reflective("Image", "IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5")
            .reflective("Expectation", "CUEX1", "CUEX2", "CUEX3")
            .reflective("Value", "PERV1", "PERV2")
            .reflective("Satisfaction", "CUSA1", "CUSA2", "CUSA3")
            .path("Image", "Satisfaction").path("Expectation", "Satisfaction").path("Value", "Satisfaction")
            .build();
    }

    /** The powerCsi model with every block in Mode B. */
    static PathModel s6ModeB() {
        PathModel.Builder b = PathModel.builder();
        PathModel a = PathModel.powerCsi();
        for (Construct c : a.constructs()) {
            b.construct(new Construct(c.name(), Mode.B, c.indicators()));
        }
        boolean[][] adj = a.adjacency();
        for (int i = 0; i < adj.length; i++) {
            for (int j = 0; j < adj.length; j++) {
                if (adj[i][j]) {
                    b.path(a.constructNames().get(i), a.constructNames().get(j));
                }
            }
        }
        return b.build();
    }
}
