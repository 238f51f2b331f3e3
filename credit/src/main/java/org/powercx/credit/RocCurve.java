package org.powercx.credit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * The receiver operating characteristic of a risk score against observed defaults, with AUC, KS and Gini.
 *
 * <p>A customer is flagged when its score is at least the threshold; for each distinct score \( t \) (in
 * descending order, after a first point at \( +\infty \)) the curve has the true positive rate
 * \( TPR(t) = \#\{\text{defaults} \ge t\}/n_1 \) and false positive rate \( FPR(t) = \#\{\text{goods} \ge t\}/n_0 \).
 * The AUC is the Mann-Whitney probability \( P(S_1 &gt; S_0) + \tfrac12 P(S_1 = S_0) \), which equals the
 * trapezoidal area (scikit-learn {@code roc_auc_score}); Gini \( = 2\,AUC - 1 \); the Kolmogorov-Smirnov
 * statistic is \( \max_t (TPR - FPR) \), attained at {@code ksCutoff} (the first, i.e. highest, such threshold).
 *
 * @since 0.1.0
 */
public final class RocCurve {
    private final double[] thresholds;
    private final double[] falsePositiveRates;
    private final double[] truePositiveRates;
    private final double auc;
    private final double ks;
    private final double ksCutoff;

    /**
     * Validates and copies.
     *
     * @param thresholds thresholds, descending
     * @param falsePositiveRates one per threshold
     * @param truePositiveRates one per threshold
     * @param auc in [0, 1]
     * @param ks in [0, 1]
     * @param ksCutoff the KS threshold
     * @throws CreditException if the arrays differ in length or a summary is out of range
     */
    RocCurve(double[] thresholds, double[] falsePositiveRates, double[] truePositiveRates, double auc, double ks,
            double ksCutoff) {
        if (thresholds == null || falsePositiveRates == null || truePositiveRates == null
            || thresholds.length != falsePositiveRates.length || thresholds.length != truePositiveRates.length) {
            throw new CreditException("ROC arrays must be non-null and of equal length");
        }
        if (!(auc >= 0 && auc <= 1 && ks >= 0 && ks <= 1)) {
            throw new CreditException("AUC %s and KS %s must lie in [0, 1]", auc, ks);
        }
        thresholds = thresholds.clone();
        falsePositiveRates = falsePositiveRates.clone();
        truePositiveRates = truePositiveRates.clone();
        this.thresholds = thresholds;
        this.falsePositiveRates = falsePositiveRates;
        this.truePositiveRates = truePositiveRates;
        this.auc = auc;
        this.ks = ks;
        this.ksCutoff = ksCutoff;
    }

    /**
     * Returns the area under the curve.
     *
     * @return area under the curve
     */
    public double auc() {
        return auc;
    }

    /**
     * Returns the Kolmogorov-Smirnov statistic.
     *
     * @return Kolmogorov-Smirnov statistic
     */
    public double ks() {
        return ks;
    }

    /**
     * Returns the threshold at which KS is attained.
     *
     * @return threshold at which KS is attained
     */
    public double ksCutoff() {
        return ksCutoff;
    }

    /**
     * Computes the curve.
     *
     * @param scores risk scores, higher = riskier; not modified
     * @param outcomes 1 = defaulted, 0 = good, one per score; not modified
     * @return the curve
     * @throws CreditException if sizes differ, a score is not finite, an outcome is not 0/1, or one outcome is
     *     missing
     */
    public static RocCurve of(double[] scores, int[] outcomes) {
        int n1 = Checks.scoresAndOutcomes(scores, outcomes, true);
        int n0 = scores.length - n1;
        double[] pos = new double[n1];
        double[] neg = new double[n0];
        int a = 0;
        int b = 0;
        for (int i = 0; i < scores.length; i++) {
            if (outcomes[i] == 1) {
                pos[a++] = scores[i];
            } else {
                neg[b++] = scores[i];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        double[] th = new double[scores.length + 1];
        double[] fpr = new double[scores.length + 1];
        double[] tpr = new double[scores.length + 1];
        th[0] = Double.POSITIVE_INFINITY;
        int points = 1;
        int i = n1 - 1;
        int j = n0 - 1;
        long tp = 0;
        long fp = 0;
        double area = 0;
        double ks = 0;
        double cutoff = Double.POSITIVE_INFINITY;
        while (i >= 0 || j >= 0) {
            double t = Math.max(i >= 0 ? pos[i] : Double.NEGATIVE_INFINITY, j >= 0 ? neg[j] : Double.NEGATIVE_INFINITY);
            long tp0 = tp;
            long fp0 = fp;
            while (i >= 0 && pos[i] == t) {
                tp++;
                i--;
            }
            while (j >= 0 && neg[j] == t) {
                fp++;
                j--;
            }
            // trapezoid in counts: (fp - fp0) goods beaten by tp0 defaults, tie block counted half
            area += (fp - fp0) * (tp0 + 0.5 * (tp - tp0));
            th[points] = t;
            fpr[points] = (double) fp / n0;
            tpr[points] = (double) tp / n1;
            double gap = tpr[points] - fpr[points];
            if (gap > ks) {
                ks = gap;
                cutoff = t;
            }
            points++;
        }
        return new RocCurve(Arrays.copyOf(th, points), Arrays.copyOf(fpr, points), Arrays.copyOf(tpr, points),
            area / ((double) n0 * n1), ks, cutoff);
    }

    /**
     * The AUC alone, without building the curve.
     *
     * @param scores risk scores, not modified
     * @param outcomes 1 = defaulted, 0 = good; not modified
     * @return the Mann-Whitney AUC
     * @throws CreditException as {@link #of(double[], int[])}
     */
    public static double auc(double[] scores, int[] outcomes) {
        return of(scores, outcomes).auc();
    }

    /**
     * The Gini coefficient (accuracy ratio), \( 2\,AUC - 1 \).
     *
     * @return Gini
     */
    public double gini() {
        return 2 * auc - 1;
    }

    /**
     * Copy of the thresholds.
     *
     * @return thresholds, descending
     */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /**
     * Copy of the false positive rates.
     *
     * @return FPR per threshold
     */
    public double[] falsePositiveRates() {
        return falsePositiveRates.clone();
    }

    /**
     * Copy of the true positive rates.
     *
     * @return TPR per threshold
     */
    public double[] truePositiveRates() {
        return truePositiveRates.clone();
    }

    /**
     * A one-table summary.
     *
     * @return the text
     */
    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("AUC", TextTable.number(auc)));
        rows.add(List.of("Gini", TextTable.number(gini())));
        rows.add(List.of("KS", TextTable.number(ks)));
        rows.add(List.of("KS cut-off", TextTable.number(ksCutoff)));
        rows.add(List.of("ROC points", String.valueOf(thresholds.length)));
        return TextTable.render(List.of("measure", "value"), rows);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RocCurve r && Arrays.equals(thresholds, r.thresholds)
            && Arrays.equals(falsePositiveRates, r.falsePositiveRates)
            && Arrays.equals(truePositiveRates, r.truePositiveRates) && Double.compare(auc, r.auc) == 0
            && Double.compare(ks, r.ks) == 0 && Double.compare(ksCutoff, r.ksCutoff) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(thresholds) * 31 + Double.hashCode(auc);
    }
}
