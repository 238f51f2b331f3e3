package org.powercx.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Weights;
import org.powercx.grey.GreyRelationalAnalysis;
import org.powercx.grey.GreyRelationalModel;
import org.powercx.grey.GreyRelationalResult;
import org.powercx.io.GreyRelationalModelFile;
import org.powercx.io.Provenance;

/**
 * The {@code --save} and {@code --model} options of {@code powercx gra}: fit a model on the customers and save
 * it, or load a saved model and score the customers with it without refitting.
 */
final class GraModels {
    private GraModels() {
    }

    /**
     * Fits a model on the table, saves it and scores the table with it (the same grades as evaluating in place).
     *
     * @param gra the calculator
     * @param table the customers
     * @param weights the weights
     * @param file the model file to write
     * @param csv the customers' file, or "query" for a database query, for messages
     * @return the scores of the table
     * @throws CliException if the fit or the write fails
     */
    static GreyRelationalResult fitAndSave(GreyRelationalAnalysis gra, IndicatorTable table, Weights weights,
            Path file, Object csv) {
        GreyRelationalModel model;
        try {
            model = gra.fit(table, weights);
        } catch (IllegalArgumentException e) {
            throw new CliException("%s: %s", csv, e.getMessage());
        }
        GreyRelationalResult r = model.evaluate(table);
        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put("distinguishing coefficient", String.valueOf(gra.distinguishingCoefficient()));
        configuration.put("normalisation", gra.normalisation().name());
        configuration.put("reference", gra.reference().toString());
        configuration.put("data", csv instanceof Path p ? String.valueOf(p.getFileName()) : String.valueOf(csv));
        GreyRelationalModelFile.write(file, model, Provenance.of(table.rowCount(), configuration));
        return r;
    }

    /**
     * Loads a saved model and scores the table with it.
     *
     * @param file the model file
     * @param table the customers, holding every fitted indicator
     * @param csv the customers' file, or "query" for a database query, for messages
     * @return the scores
     * @throws org.powercx.io.FileFormatException naming the model file, line and field of a bad file
     * @throws CliException if the table lacks a fitted indicator
     */
    static GreyRelationalResult score(Path file, IndicatorTable table, Object csv) {
        GreyRelationalModel model = GreyRelationalModelFile.read(file);
        try {
            return model.evaluate(table);
        } catch (IllegalArgumentException e) {
            throw new CliException("%s: %s", csv, e.getMessage());
        }
    }
}
