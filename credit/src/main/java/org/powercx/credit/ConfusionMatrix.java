package org.powercx.credit;

import java.util.List;
import org.powercx.core.TextTable;

/**
 * Counts of a binary default prediction at a threshold, with the usual rates. A customer is predicted to
 * default when its score is strictly above the threshold (as scikit-learn's {@code predict} with
 * \( P(\text{default}) &gt; 0.5 \) ).
 *
 * <p>Accuracy \( (TP+TN)/n \), precision \( TP/(TP+FP) \), recall \( TP/(TP+FN) \),
 * \( F_1 = 2PR/(P+R) \); a ratio with a zero denominator is NaN.
 *
 * @param trueNegatives goods predicted good
 * @param falsePositives goods predicted to default
 * @param falseNegatives defaults predicted good
 * @param truePositives defaults predicted to default
 * @since 0.1.0
 */
public record ConfusionMatrix(long trueNegatives, long falsePositives, long falseNegatives, long truePositives) {

    /**
     * Validates the counts.
     *
     * @param trueNegatives non-negative
     * @param falsePositives non-negative
     * @param falseNegatives non-negative
     * @param truePositives non-negative
     * @throws CreditException if a count is negative
     */
    public ConfusionMatrix {
        if (trueNegatives < 0 || falsePositives < 0 || falseNegatives < 0 || truePositives < 0) {
            throw new CreditException("confusion counts must be non-negative: TN %d, FP %d, FN %d, TP %d",
                trueNegatives, falsePositives, falseNegatives, truePositives);
        }
    }

    /**
     * Tabulates predictions {@code score > threshold} against outcomes.
     *
     * @param scores risk scores, higher = riskier; not modified
     * @param outcomes 1 = defaulted, 0 = good; not modified
     * @param threshold the cut-off
     * @return the matrix
     * @throws CreditException if sizes differ, a score or the threshold is not finite, or an outcome is not 0/1
     */
    public static ConfusionMatrix of(double[] scores, int[] outcomes, double threshold) {
        Checks.scoresAndOutcomes(scores, outcomes, false);
        if (Double.isNaN(threshold)) {
            throw new CreditException("threshold is NaN");
        }
        long[] c = new long[4];
        for (int i = 0; i < scores.length; i++) {
            c[outcomes[i] * 2 + (scores[i] > threshold ? 1 : 0)]++;
        }
        return new ConfusionMatrix(c[0], c[1], c[2], c[3]);
    }

    /**
     * Number of customers.
     *
     * @return TN + FP + FN + TP
     */
    public long total() {
        return trueNegatives + falsePositives + falseNegatives + truePositives;
    }

    /**
     * Share of correct predictions.
     *
     * @return accuracy
     */
    public double accuracy() {
        return (double) (truePositives + trueNegatives) / total();
    }

    /**
     * Share of predicted defaults that defaulted.
     *
     * @return precision, NaN when nothing is predicted to default
     */
    public double precision() {
        return (double) truePositives / (truePositives + falsePositives);
    }

    /**
     * Share of defaults that were flagged (sensitivity, true positive rate).
     *
     * @return recall, NaN without defaults
     */
    public double recall() {
        return (double) truePositives / (truePositives + falseNegatives);
    }

    /**
     * Harmonic mean of precision and recall.
     *
     * @return F1
     */
    public double f1() {
        return 2.0 * truePositives / (2.0 * truePositives + falsePositives + falseNegatives);
    }

    /**
     * The matrix and its rates as a table.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return TextTable.render(List.of("actual", "predicted good", "predicted default"), List.of(
            List.of("good", String.valueOf(trueNegatives), String.valueOf(falsePositives)),
            List.of("default", String.valueOf(falseNegatives), String.valueOf(truePositives))))
            + "accuracy " + TextTable.number(accuracy()) + ", precision " + TextTable.number(precision())
            + ", recall " + TextTable.number(recall()) + ", F1 " + TextTable.number(f1()) + "\n";
    }
}
