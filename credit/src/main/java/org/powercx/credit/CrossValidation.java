package org.powercx.credit;

import java.util.SplittableRandom;
import org.powercx.core.IndicatorTable;

/**
 * K-fold cross-validation of a two-class {@link LinearDiscriminant}: each fold is scored by a model fitted on
 * the other folds; the result holds per-fold AUC and accuracy and the pooled out-of-fold AUC.
 *
 * <p>Stratified folds from a seed: the rows of each class (in row order, classes ascending) are shuffled by a
 * Fisher-Yates pass driven by one {@link SplittableRandom} seeded with the given seed, and dealt to folds
 * 0, 1, ..., k-1 in turn, continuing across classes, so that fold sizes differ by at most one and every fold
 * has each class in proportion. The same seed always gives the same folds. Caller-supplied folds
 * (for example those of another tool) are used as given.
 *
 * @since 0.1.0
 */
public final class CrossValidation {
    private final int k;
    private final long seed;
    private final int[] folds;

    private CrossValidation(int k, long seed, int[] folds) {
        this.k = k;
        this.seed = seed;
        this.folds = folds;
    }

    /**
     * Stratified k-fold cross-validation.
     *
     * @param k number of folds, at least 2
     * @param seed random seed
     * @return the procedure
     * @throws CreditException if k is below 2
     */
    public static CrossValidation stratified(int k, long seed) {
        if (k < 2) {
            throw new CreditException("cross-validation needs at least 2 folds, got %d", k);
        }
        return new CrossValidation(k, seed, null);
    }

    /**
     * Cross-validation on given folds.
     *
     * @param foldOfRow fold index (0..k-1) of each row; copied
     * @return the procedure
     * @throws CreditException if a fold index is negative, or fewer than two folds are used
     */
    public static CrossValidation withFolds(int[] foldOfRow) {
        if (foldOfRow == null || foldOfRow.length == 0) {
            throw new CreditException("no fold assignment given");
        }
        int max = 0;
        for (int i = 0; i < foldOfRow.length; i++) {
            if (foldOfRow[i] < 0) {
                throw new CreditException("row %d has the negative fold %d", i, foldOfRow[i]);
            }
            max = Math.max(max, foldOfRow[i]);
        }
        if (max < 1) {
            throw new CreditException("all rows are in fold 0: at least two folds are needed");
        }
        return new CrossValidation(max + 1, 0, foldOfRow.clone());
    }

    /**
     * The stratified fold assignment for given outcomes.
     *
     * @param outcomes class labels, not modified
     * @return fold index per row
     * @throws CreditException if this procedure has given folds of another length, or a class has fewer rows
     *     than folds
     */
    public int[] folds(int[] outcomes) {
        if (outcomes == null) {
            throw new CreditException("outcomes are null");
        }
        if (folds != null) {
            if (folds.length != outcomes.length) {
                throw new CreditException("%d fold indices for %d rows", folds.length, outcomes.length);
            }
            return folds.clone();
        }
        int[] sorted = outcomes.clone();
        java.util.Arrays.sort(sorted);
        SplittableRandom random = new SplittableRandom(seed);
        int[] result = new int[outcomes.length];
        int[] members = new int[outcomes.length];
        int next = 0;
        for (int s = 0; s < sorted.length; ) {
            int label = sorted[s];
            int count = 0;
            while (s < sorted.length && sorted[s] == label) {
                s++;
                count++;
            }
            if (count < k) {
                throw new CreditException("class %d has %d rows, fewer than the %d folds", label, count, k);
            }
            int m = 0;
            for (int i = 0; i < outcomes.length; i++) {
                if (outcomes[i] == label) {
                    members[m++] = i;
                }
            }
            for (int i = m - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = members[i];
                members[i] = members[j];
                members[j] = t;
            }
            for (int i = 0; i < m; i++) {
                result[members[i]] = next;
                next = (next + 1) % k;
            }
        }
        return result;
    }

    /**
     * Runs the cross-validation.
     *
     * @param lda the calculator (priors, shrinkage) to fit in each fold
     * @param table customers, not modified
     * @param outcomes 0 = good, 1 = defaulted; not modified
     * @return per-fold and pooled results
     * @throws CreditException if the outcomes are not 0/1 of the table's length, a fold lacks a class, or a
     *     fold's fit fails (the message names the fold)
     */
    public CrossValidationResult run(LinearDiscriminant lda, IndicatorTable table, int[] outcomes) {
        if (lda == null || table == null) {
            throw new CreditException("the calculator and the table must not be null");
        }
        if (outcomes == null || outcomes.length != table.rowCount()) {
            throw new CreditException("%s outcomes for %d rows", outcomes == null ? "no" : String.valueOf(
                outcomes.length), table.rowCount());
        }
        Checks.outcomes(outcomes, true);
        return run(folds(outcomes), k, table, outcomes, (train, trainY, test) -> lda.fit(train, trainY).scores(test));
    }

    /** Fits on the training folds and scores the held-out fold, higher = more likely to default. */
    @FunctionalInterface
    interface FoldScores {
        /**
         * The held-out fold's scores.
         *
         * @param train the other folds' customers
         * @param trainOutcomes their outcomes
         * @param test the held-out customers
         * @return one score per held-out customer
         */
        double[] of(IndicatorTable train, int[] trainOutcomes, IndicatorTable test);
    }

    /**
     * The fold loop shared by the discriminant's and the scorecard's cross-validation: for each fold, fits on
     * the others and scores it; a customer is predicted to default when the score exceeds 0.
     *
     * @param assignment the fold of each row, 0..k-1
     * @param k the number of folds
     * @param table customers
     * @param outcomes 0 = good, 1 = defaulted, checked by the caller
     * @param fit the fit and scoring of one fold
     * @return per-fold AUC and accuracy, the out-of-fold scores and their pooled AUC
     * @throws CreditException if a fold is empty or holds one class only, or its fit fails (naming the fold)
     */
    static CrossValidationResult run(int[] assignment, int k, IndicatorTable table, int[] outcomes,
            FoldScores fit) {
        double[] oof = new double[outcomes.length];
        double[] auc = new double[k];
        double[] accuracy = new double[k];
        for (int f = 0; f < k; f++) {
            final int fold = f;
            IndicatorTable train = table.filter(i -> assignment[i] != fold);
            IndicatorTable test = table.filter(i -> assignment[i] == fold);
            int[] trainY = new int[train.rowCount()];
            int[] testY = new int[test.rowCount()];
            int a = 0;
            int b = 0;
            for (int i = 0; i < outcomes.length; i++) {
                if (assignment[i] == fold) {
                    testY[b++] = outcomes[i];
                } else {
                    trainY[a++] = outcomes[i];
                }
            }
            if (testY.length == 0) {
                throw new CreditException("fold %d is empty", fold);
            }
            double[] z;
            try {
                z = fit.of(train, trainY, test);
            } catch (CreditException e) {
                throw new CreditException("fold %d: %s", fold, e.getMessage());
            }
            int correct = 0;
            for (int i = 0; i < z.length; i++) {
                correct += (z[i] > 0 ? 1 : 0) == testY[i] ? 1 : 0;
            }
            accuracy[f] = (double) correct / z.length;
            int pos = 0;
            for (int y : testY) {
                pos += y;
            }
            if (pos == 0 || pos == testY.length) {
                throw new CreditException("fold %d has only %s customers: its AUC is undefined", fold,
                    pos == 0 ? "good" : "defaulted");
            }
            auc[f] = RocCurve.auc(z, testY);
            int t = 0;
            for (int i = 0; i < outcomes.length; i++) {
                if (assignment[i] == fold) {
                    oof[i] = z[t++];
                }
            }
        }
        return new CrossValidationResult(assignment, auc, accuracy, oof, RocCurve.auc(oof, outcomes));
    }
}
