package org.powercx.clv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the reference CSV files of src/test/resources/clv (sources in the README there). */
final class ClvTestData {
    private ClvTestData() {
    }

    /** The numeric columns of a CSV resource with a header row, column-major. */
    static double[][] columns(String resource) {
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = ClvTestData.class.getResourceAsStream("/clv/" + resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.strip().split(",");
                double[] row = new double[cells.length];
                for (int j = 0; j < cells.length; j++) {
                    row[j] = Double.parseDouble(cells[j]);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[][] cols = new double[rows.get(0).length][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols.length; j++) {
                cols[j][i] = rows.get(i)[j];
            }
        }
        return cols;
    }
}
