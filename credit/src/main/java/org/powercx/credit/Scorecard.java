package org.powercx.credit;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.IndicatorTable;

/**
 * The credit-risk industry's logistic scorecard, an immutable calculator that fits a {@link ScorecardModel}.
 *
 * <p>Each indicator is binned by {@link MonotoneBinning} and replaced by the weight of evidence of its bin,
 * \( WoE_b = \ln\frac{g_b/G}{d_b/D} \); indicators with a single bin or an information value below
 * {@code minInformationValue} (default 0.02, Siddiqi's "unpredictive") are dropped. A {@link LogisticRegression}
 * of default on the WoE design gives \( \eta = \beta_0 + \sum_j \beta_j WoE_j \), and the {@link PointsScaling}
 * turns it into points per bin,
 * \[ \text{points}_{jb} = -\Bigl(\beta_j WoE_{jb} + \frac{\beta_0}{m}\Bigr)\text{factor} + \frac{\text{offset}}{m} \]
 * for \( m \) indicators, so that a customer's score, the sum of its bins' points, is
 * \( \text{offset} - \text{factor}\,\eta \) (higher = better). Siddiqi 2006, Credit Risk Scorecards, Wiley,
 * ch. 6 (doi:10.1002/9781119201731); Thomas, Edelman and Crook 2002, Credit Scoring and its Applications, SIAM.
 *
 * @since 0.2.0
 */
public final class Scorecard {
    private static final Scorecard DEFAULT = new Scorecard(MonotoneBinning.withDefaults(),
        LogisticRegression.withDefaults(), PointsScaling.of(20, 600, 50), 0.02);

    private final MonotoneBinning binning;
    private final LogisticRegression regression;
    private final PointsScaling scaling;
    private final double minInformationValue;

    private Scorecard(MonotoneBinning binning, LogisticRegression regression, PointsScaling scaling,
            double minInformationValue) {
        this.binning = binning;
        this.regression = regression;
        this.scaling = scaling;
        this.minInformationValue = minInformationValue;
    }

    /**
     * Default binning, unpenalised regression, 600 points at odds 50 with PDO 20, minimum IV 0.02.
     *
     * @return the calculator
     */
    public static Scorecard withDefaults() {
        return DEFAULT;
    }

    /**
     * The binning.
     *
     * @param newBinning not null
     * @return a new calculator
     * @throws CreditException if null
     */
    public Scorecard withBinning(MonotoneBinning newBinning) {
        if (newBinning == null) {
            throw new CreditException("binning is null; use MonotoneBinning.withDefaults()");
        }
        return new Scorecard(newBinning, regression, scaling, minInformationValue);
    }

    /**
     * The logistic regression (for example with an L2 penalty).
     *
     * @param newRegression not null
     * @return a new calculator
     * @throws CreditException if null
     */
    public Scorecard withRegression(LogisticRegression newRegression) {
        if (newRegression == null) {
            throw new CreditException("regression is null; use LogisticRegression.withDefaults()");
        }
        return new Scorecard(binning, newRegression, scaling, minInformationValue);
    }

    /**
     * The points scale.
     *
     * @param newScaling not null
     * @return a new calculator
     * @throws CreditException if null
     */
    public Scorecard withScaling(PointsScaling newScaling) {
        if (newScaling == null) {
            throw new CreditException("scaling is null; use PointsScaling.of(20, 600, 50)");
        }
        return new Scorecard(binning, regression, newScaling, minInformationValue);
    }

    /**
     * The smallest information value an indicator needs to enter the card.
     *
     * @param iv finite and non-negative; 0 keeps every indicator with two or more bins
     * @return a new calculator
     * @throws CreditException if negative, infinite or NaN
     */
    public Scorecard withMinInformationValue(double iv) {
        if (!(iv >= 0 && iv < Double.POSITIVE_INFINITY)) {
            throw new CreditException("minimum information value must be finite and non-negative, got %s", iv);
        }
        return new Scorecard(binning, regression, scaling, iv);
    }

    /**
     * Fits the scorecard.
     *
     * @param table customers, finite values; not modified
     * @param outcomes 1 = defaulted, 0 = good, one per row, both present; not modified
     * @return the model
     * @throws CreditException if the input is invalid (naming the indicator), no indicator passes the binning and
     *     information value, or the regression fails (collinear WoE columns, no convergence)
     */
    public ScorecardModel fit(IndicatorTable table, int[] outcomes) {
        if (table == null) {
            throw new CreditException("table is null");
        }
        if (outcomes == null || outcomes.length != table.rowCount()) {
            throw new CreditException("%s outcomes for %d rows", outcomes == null ? "no"
                : String.valueOf(outcomes.length), table.rowCount());
        }
        List<BinnedIndicator> kept = new ArrayList<>();
        List<BinnedIndicator> dropped = new ArrayList<>();
        for (int j = 0; j < table.indicatorCount(); j++) {
            BinnedIndicator b = binning.fit(table.indicator(j).name(), table.column(j), outcomes);
            if (b.binCount() > 1 && b.informationValue() >= minInformationValue) {
                kept.add(b);
            } else {
                dropped.add(b);
            }
        }
        if (kept.isEmpty()) {
            throw new CreditException("no indicator has two or more monotone bins and an information value of at "
                + "least %s", minInformationValue);
        }
        double[][] design = new double[kept.size()][];
        List<String> names = new ArrayList<>();
        for (int k = 0; k < kept.size(); k++) {
            BinnedIndicator b = kept.get(k);
            design[k] = ScorecardModel.woeColumn(b, table.column(b.name()));
            names.add(b.name());
        }
        LogisticModel model = regression.fit(names, design, outcomes);
        return new ScorecardModel(kept, dropped, model, scaling);
    }

    /**
     * Cross-validates the whole procedure (binning, selection, regression) on the folds of {@code folds}; the
     * out-of-fold scores are the default log-odds \( \eta \) (higher = riskier, like a discriminant score), and
     * a customer is predicted to default when \( \eta &gt; 0 \).
     *
     * @param folds the fold assignment
     * @param table customers, not modified
     * @param outcomes 1 = defaulted, 0 = good; not modified
     * @return per-fold AUC and accuracy, and the out-of-fold log-odds
     * @throws CreditException if the input is invalid or a fold's fit fails (the message names the fold)
     */
    public CrossValidationResult crossValidate(CrossValidation folds, IndicatorTable table, int[] outcomes) {
        if (folds == null || table == null) {
            throw new CreditException("the fold assignment and the table must not be null");
        }
        if (outcomes == null || outcomes.length != table.rowCount()) {
            throw new CreditException("%s outcomes for %d rows", outcomes == null ? "no"
                : String.valueOf(outcomes.length), table.rowCount());
        }
        Checks.outcomes(outcomes, true);
        int[] assignment = folds.folds(outcomes);
        int k = 0;
        for (int f : assignment) {
            k = Math.max(k, f + 1);
        }
        return CrossValidation.run(assignment, k, table, outcomes, (train, trainY, test) -> fit(train, trainY)
            .logits(test));
    }
}
