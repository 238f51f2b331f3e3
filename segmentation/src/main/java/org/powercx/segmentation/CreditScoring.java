package org.powercx.segmentation;

import org.powercx.core.CustomerIndicators;

import java.util.List;
import org.powercx.core.CoreException;
import org.powercx.core.IndicatorTable;
import org.powercx.credit.CreditException;
import org.powercx.credit.CreditGrades;
import org.powercx.credit.DiscriminantModel;
import org.powercx.credit.LinearDiscriminant;

/**
 * Credit grading of the credit-rating seed, through the credit module: Fisher's linear discriminant fitted on
 * customers known to have defaulted on electricity fees or not gives every customer a default probability,
 * and a {@link CreditGrades} scale turns it into grades (AAA, AA, A, B, C).
 *
 * <p>The discriminant function is \( Z = a^\top x + b \) with \( a = S^{-1}(\mu_1 - \mu_0) \), \( S \) the
 * pooled covariance, and the default probability \( 1/(1 + e^{-Z}) \) (R. A. Fisher 1936, The use of multiple
 * measurements in taxonomic problems, Annals of Eugenics 7, 179-188, doi:10.1111/j.1469-1809.1936.tb02137.x).
 * Defaults: the indicators on-time payment rate, arrears months, asset-liability ratio, current ratio and social
 * credit rating, the label column {@value CustomerIndicators#DEFAULTED} (1 defaulted, 0 not), empirical priors,
 * and equal-frequency grades at the 20, 40, 60 and 80 % quantiles of the default probabilities. The model is
 * fitted and applied on the same customers (in-sample); use the credit module's cross-validation for an
 * out-of-sample estimate. Immutable.
 *
 * @since 0.1.0
 */
public final class CreditScoring {
    /** The default credit indicators. */
    public static final List<String> DEFAULT_INDICATORS = List.of(CustomerIndicators.ON_TIME_PAYMENT_RATE,
        CustomerIndicators.ARREARS_COUNT, CustomerIndicators.ASSET_LIABILITY_RATIO, CustomerIndicators.CURRENT_RATIO,
        CustomerIndicators.SOCIAL_CREDIT_RATING);
    private static final double[] QUINTILES = {0.2, 0.4, 0.6, 0.8};
    private static final CreditScoring DEFAULTS = new CreditScoring(DEFAULT_INDICATORS, CustomerIndicators.DEFAULTED,
        LinearDiscriminant.withDefaults(), CreditGrades.DEFAULT_NAMES, QUINTILES, null);

    private final List<String> indicators;
    private final String labelColumn;
    private final LinearDiscriminant lda;
    private final List<String> gradeNames;
    private final double[] quantiles;
    private final double[] cutoffs;

    private CreditScoring(List<String> indicators, String labelColumn, LinearDiscriminant lda, List<String> gradeNames,
            double[] quantiles, double[] cutoffs) {
        this.indicators = List.copyOf(indicators);
        this.labelColumn = labelColumn;
        this.lda = lda;
        this.gradeNames = List.copyOf(gradeNames);
        this.quantiles = quantiles;
        this.cutoffs = cutoffs;
    }

    /**
     * The documented defaults.
     *
     * @return the calculator
     */
    public static CreditScoring withDefaults() {
        return DEFAULTS;
    }

    /**
     * Uses other credit indicators and label column.
     *
     * @param newIndicators the discriminant's indicators, at least one, not the label column
     * @param newLabelColumn the column holding 1 (defaulted) or 0
     * @return a new calculator
     * @throws SegmentationException if there is no indicator or the label column is among them
     */
    public CreditScoring withIndicators(List<String> newIndicators, String newLabelColumn) {
        if (newIndicators == null || newIndicators.isEmpty() || newLabelColumn == null) {
            throw new SegmentationException("credit scoring needs at least one indicator and a label column");
        }
        if (newIndicators.contains(newLabelColumn)) {
            throw new SegmentationException("credit label column '%s' cannot also be an indicator", newLabelColumn);
        }
        return new CreditScoring(newIndicators, newLabelColumn, lda, gradeNames, quantiles, cutoffs);
    }

    /**
     * Uses another discriminant (priors, shrinkage).
     *
     * @param newLda the calculator
     * @return a new calculator
     * @throws SegmentationException if it is null
     */
    public CreditScoring with(LinearDiscriminant newLda) {
        if (newLda == null) {
            throw new SegmentationException("linear discriminant is null");
        }
        return new CreditScoring(indicators, labelColumn, newLda, gradeNames, quantiles, cutoffs);
    }

    /**
     * Grades at quantiles of the default probabilities.
     *
     * @param names grade names, best first
     * @param probabilities one fewer than the names, increasing in (0, 1)
     * @return a new calculator
     * @throws SegmentationException if the sizes disagree, or a probability is not in (0, 1) or not larger than
     *     the one before it
     */
    public CreditScoring withQuantileGrades(List<String> names, double... probabilities) {
        if (names == null || probabilities == null || probabilities.length != names.size() - 1) {
            throw new SegmentationException("%s grade names need %s quantiles", names,
                names == null ? "matching" : String.valueOf(names.size() - 1));
        }
        checkQuantiles(probabilities);
        return new CreditScoring(indicators, labelColumn, lda, names, probabilities.clone(), null);
    }

    /**
     * Grades at given default-probability cut-offs (a score \( p \le c_g \) gets grade \( g \)).
     *
     * @param names grade names, best first
     * @param probabilityCutoffs one fewer than the names, ascending, in [0, 1]
     * @return a new calculator
     * @throws SegmentationException if the sizes disagree
     */
    public CreditScoring withGradeCutoffs(List<String> names, double... probabilityCutoffs) {
        if (names == null || probabilityCutoffs == null || probabilityCutoffs.length != names.size() - 1) {
            throw new SegmentationException("%s grade names need %s cut-offs", names,
                names == null ? "matching" : String.valueOf(names.size() - 1));
        }
        return new CreditScoring(indicators, labelColumn, lda, names, null, probabilityCutoffs.clone());
    }

    /**
     * The cut-offs at the configured quantiles, type 7 as {@link CreditGrades#byQuantiles}, by selection in
     * linear time instead of a sort.
     */
    private double[] quantileCutoffs(double[] pd) {
        checkQuantiles(quantiles);
        double[] cut = new double[quantiles.length];
        for (int g = 0; g < cut.length; g++) {
            cut[g] = ValueSegmentation.quantile(pd, quantiles[g]);
        }
        return cut;
    }

    private static void checkQuantiles(double[] q) {
        for (int g = 0; g < q.length; g++) {
            if (!(q[g] > 0 && q[g] < 1) || g > 0 && !(q[g] > q[g - 1])) {
                throw new SegmentationException("credit grade quantile %d must be in (0, 1) and increasing but was %s", g,
                    q[g]);
            }
        }
    }

    /**
     * The label column of the discriminant.
     *
     * @return the column name
     * @since 0.2.0
     */
    public String labelColumn() {
        return labelColumn;
    }

    /**
     * The discriminant calculator (priors, shrinkage).
     *
     * @return the calculator
     * @since 0.2.0
     */
    public LinearDiscriminant discriminant() {
        return lda;
    }

    /**
     * The probabilities of the quantile grades: the grade cut-offs are these type-7 quantiles of the default
     * probabilities of the calibration customers.
     *
     * @return a copy, increasing in (0, 1); null when the cut-offs are given ({@link #gradeCutoffs()})
     * @since 0.2.0
     */
    public double[] gradeQuantiles() {
        return quantiles == null ? null : quantiles.clone();
    }

    /**
     * The given default-probability cut-offs of the grades.
     *
     * @return a copy; null when the grades are at quantiles ({@link #gradeQuantiles()})
     * @since 0.2.0
     */
    public double[] gradeCutoffs() {
        return cutoffs == null ? null : cutoffs.clone();
    }

    /**
     * The credit indicators.
     *
     * @return an unmodifiable list
     */
    public List<String> indicators() {
        return indicators;
    }

    /**
     * The grade names, best first.
     *
     * @return an unmodifiable list
     */
    public List<String> gradeNames() {
        return gradeNames;
    }

    /**
     * Checks that a table holds the indicators and the label column.
     *
     * @param table the customers
     * @throws SegmentationException naming the first unknown column
     */
    public void check(IndicatorTable table) {
        if (table == null) {
            throw new SegmentationException("customer table is null");
        }
        for (String name : indicators) {
            if (!table.contains(name)) {
                throw new SegmentationException("credit scoring: unknown indicator '%s'; the table has %s", name,
                    table.indicatorNames());
            }
        }
        if (!table.contains(labelColumn)) {
            throw new SegmentationException("credit scoring: unknown label column '%s'; the table has %s", labelColumn,
                table.indicatorNames());
        }
    }

    /**
     * Fits the discriminant on the table's labels, scores and grades every customer.
     *
     * @param table the customers, with the indicators and the label column
     * @return the model, default probabilities, grades and in-sample AUC
     * @throws SegmentationException if a column is unknown, a label is not 0 or 1 (naming the customer), or
     *     the credit module rejects the data (for example a singular covariance; its message is kept)
     */
    public CreditAssessment assess(IndicatorTable table) {
        check(table);
        double[] raw = table.column(labelColumn);
        int[] labels = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != 0 && raw[i] != 1) {
                throw new SegmentationException("credit scoring: customer '%s' has label %s = %s; expected 0 or 1",
                    table.id(i), labelColumn, raw[i]);
            }
            labels[i] = (int) raw[i];
        }
        try {
            DiscriminantModel model = lda.fit(table.select(indicators.toArray(new String[0])), labels);
            double[] pd = model.defaultProbabilities(table);
            CreditGrades grades = CreditGrades.ofCutoffs(gradeNames, cutoffs != null ? cutoffs : quantileCutoffs(pd));
            int[] assigned = grades.grades(pd);
            return new CreditAssessment(model, grades, pd, assigned, grades.report(pd, labels), labels);
        } catch (CreditException | CoreException e) {
            throw new SegmentationException(e, "credit scoring: %s", e.getMessage());
        }
    }
}
