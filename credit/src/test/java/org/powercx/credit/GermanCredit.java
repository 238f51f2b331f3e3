package org.powercx.credit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

/**
 * The German credit data (UCI Statlog, numeric version: 1,000 applicants, 24 attributes a1..a24, labels 1 = bad
 * (class 2), 0 = good), its linear discriminant under the default settings, and the reference values that
 * scikit-learn and R give for it (sources in the README beside the files). Loaded once for every test class;
 * all of it is immutable except the label arrays, which are handed out as copies.
 */
final class GermanCredit {
    /** Applicants. */
    static final int ROWS = 1000;
    /** Attributes per applicant. */
    static final int ATTRIBUTES = 24;

    private static final int[] LABELS = new int[ROWS];
    private static final IndicatorTable TABLE = load(LABELS);
    private static final JsonNode REFERENCE = Reference.json("german_lda_reference.json");

    private GermanCredit() {
    }

    private static IndicatorTable load(int[] labelsOut) {
        String[] lines = Reference.text("german.data-numeric").strip().split("\n");
        if (lines.length != ROWS) {
            throw new IllegalStateException("german.data-numeric has " + lines.length + " rows, not " + ROWS);
        }
        double[][] rows = new double[ROWS][ATTRIBUTES];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String[] f = lines[i].trim().split("\\s+");
            for (int j = 0; j < ATTRIBUTES; j++) {
                rows[i][j] = Double.parseDouble(f[j]);
            }
            labelsOut[i] = Integer.parseInt(f[ATTRIBUTES]) == 2 ? 1 : 0;
            ids.add("g" + i);
        }
        List<Indicator> ind = new ArrayList<>();
        for (int j = 1; j <= ATTRIBUTES; j++) {
            ind.add(Indicator.benefit("a" + j));
        }
        return IndicatorTable.ofRows(ind, ids, rows);
    }

    /** The applicants: rows g0..g999, benefit indicators a1..a24. */
    static IndicatorTable table() {
        return TABLE;
    }

    /** A fresh copy of the labels: 1 = bad, 0 = good. */
    static int[] labels() {
        return LABELS.clone();
    }

    /** {@code LinearDiscriminant.withDefaults()} fitted to the table and labels (fitted on first use). */
    static DiscriminantModel model() {
        return Fitted.MODEL;
    }

    /** german_lda_reference.json: scikit-learn 1.2.1 and R MASS values for the default discriminant. */
    static JsonNode reference() {
        return REFERENCE;
    }

    /** german_scores.csv: per-applicant reference scores by column name (fisher_z, y_bad, ...). */
    static Map<String, double[]> scores() {
        return Reference.csv("german_scores.csv");
    }

    /** german_cv_folds.csv: the fold of each applicant in scikit-learn's 10-fold cross-validation. */
    static double[] folds() {
        return Reference.csv("german_cv_folds.csv").get("fold");
    }

    private static final class Fitted {
        static final DiscriminantModel MODEL = LinearDiscriminant.withDefaults().fit(TABLE, LABELS.clone());
    }
}
