package org.powercx.credit;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * Cross-validation results (immutable; accessors return copies).
 *
 * @param folds fold index of each row
 * @param foldAuc AUC of each fold's held-out customers
 * @param foldAccuracy accuracy of each fold at decision value 0 (the Bayes rule with the fitted priors)
 * @param outOfFoldScores each customer's decision value from the model that did not see it
 * @param pooledAuc AUC of all out-of-fold scores together
 * @since 0.1.0
 */
public record CrossValidationResult(int[] folds, double[] foldAuc, double[] foldAccuracy, double[] outOfFoldScores,
        double pooledAuc) {

    /**
     * Validates and copies.
     *
     * @param folds fold index per row
     * @param foldAuc one per fold
     * @param foldAccuracy one per fold
     * @param outOfFoldScores one per row
     * @param pooledAuc in [0, 1]
     * @throws CreditException if sizes disagree
     */
    public CrossValidationResult {
        if (folds == null || foldAuc == null || foldAccuracy == null || outOfFoldScores == null
            || foldAuc.length != foldAccuracy.length || folds.length != outOfFoldScores.length
            || !(pooledAuc >= 0 && pooledAuc <= 1)) {
            throw new CreditException("inconsistent cross-validation result");
        }
        folds = folds.clone();
        foldAuc = foldAuc.clone();
        foldAccuracy = foldAccuracy.clone();
        outOfFoldScores = outOfFoldScores.clone();
    }

    /**
     * Copy of the fold assignment.
     *
     * @return fold index per row
     */
    @Override
    public int[] folds() {
        return folds.clone();
    }

    /**
     * Copy of the fold AUCs.
     *
     * @return AUC per fold
     */
    @Override
    public double[] foldAuc() {
        return foldAuc.clone();
    }

    /**
     * Copy of the fold accuracies.
     *
     * @return accuracy per fold
     */
    @Override
    public double[] foldAccuracy() {
        return foldAccuracy.clone();
    }

    /**
     * Copy of the out-of-fold scores.
     *
     * @return decision value per row
     */
    @Override
    public double[] outOfFoldScores() {
        return outOfFoldScores.clone();
    }

    /**
     * Mean of the fold AUCs.
     *
     * @return mean AUC
     */
    public double meanAuc() {
        return mean(foldAuc);
    }

    /**
     * Sample standard deviation (n - 1 denominator) of the fold AUCs.
     *
     * @return SD of the fold AUCs
     */
    public double sdAuc() {
        double m = meanAuc();
        double s = 0;
        for (double v : foldAuc) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (foldAuc.length - 1));
    }

    /**
     * Mean of the fold accuracies.
     *
     * @return mean accuracy
     */
    public double meanAccuracy() {
        return mean(foldAccuracy);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /**
     * Per-fold table and summary.
     *
     * @return the text
     */
    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        for (int f = 0; f < foldAuc.length; f++) {
            rows.add(List.of(String.valueOf(f), TextTable.number(foldAuc[f]), TextTable.number(foldAccuracy[f])));
        }
        return TextTable.render(List.of("fold", "AUC", "accuracy"), rows) + "mean AUC "
            + TextTable.number(meanAuc()) + " (SD " + TextTable.number(sdAuc()) + "), pooled out-of-fold AUC "
            + TextTable.number(pooledAuc) + "\n";
    }
}
