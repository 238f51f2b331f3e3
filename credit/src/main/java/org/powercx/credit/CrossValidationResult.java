package org.powercx.credit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * Cross-validation results (immutable; accessors return copies).
 *
 * @since 0.1.0
 */
public final class CrossValidationResult {
    private final int[] folds;
    private final double[] foldAuc;
    private final double[] foldAccuracy;
    private final double[] outOfFoldScores;
    private final double pooledAuc;

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
    CrossValidationResult(int[] folds, double[] foldAuc, double[] foldAccuracy, double[] outOfFoldScores,
            double pooledAuc) {
        if (folds == null || foldAuc == null || foldAccuracy == null || outOfFoldScores == null
            || foldAuc.length != foldAccuracy.length || folds.length != outOfFoldScores.length
            || !(pooledAuc >= 0 && pooledAuc <= 1)) {
            throw new CreditException("inconsistent cross-validation result");
        }
        folds = folds.clone();
        foldAuc = foldAuc.clone();
        foldAccuracy = foldAccuracy.clone();
        outOfFoldScores = outOfFoldScores.clone();
        this.folds = folds;
        this.foldAuc = foldAuc;
        this.foldAccuracy = foldAccuracy;
        this.outOfFoldScores = outOfFoldScores;
        this.pooledAuc = pooledAuc;
    }

    /**
     * Returns the AUC of all out-of-fold scores together.
     *
     * @return the AUC of all out-of-fold scores together
     */
    public double pooledAuc() {
        return pooledAuc;
    }

    /**
     * Copy of the fold assignment.
     *
     * @return fold index per row
     */
    public int[] folds() {
        return folds.clone();
    }

    /**
     * Copy of the fold AUCs.
     *
     * @return AUC per fold
     */
    public double[] foldAuc() {
        return foldAuc.clone();
    }

    /**
     * Copy of the fold accuracies.
     *
     * @return accuracy per fold
     */
    public double[] foldAccuracy() {
        return foldAccuracy.clone();
    }

    /**
     * Copy of the out-of-fold scores.
     *
     * @return decision value per row
     */
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

    @Override
    public boolean equals(Object other) {
        return other instanceof CrossValidationResult o && Arrays.equals(folds, o.folds)
            && Arrays.equals(foldAuc, o.foldAuc)
            && Arrays.equals(foldAccuracy, o.foldAccuracy)
            && Arrays.equals(outOfFoldScores, o.outOfFoldScores)
            && Double.compare(pooledAuc, o.pooledAuc) == 0;
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(pooledAuc);
        h = 31 * h + Arrays.hashCode(folds);
        h = 31 * h + Arrays.hashCode(foldAuc);
        h = 31 * h + Arrays.hashCode(foldAccuracy);
        return 31 * h + Arrays.hashCode(outOfFoldScores);
    }
}
