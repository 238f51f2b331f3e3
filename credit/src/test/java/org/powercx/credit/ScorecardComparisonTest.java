package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;

/**
 * The German rows of the guide's "Scorecard or discriminant?" table (docs/credit.md), to the four decimals it
 * prints: both models with their defaults, in sample and on the saved scikit-learn 10-fold assignment. The LDA
 * figures are also those of the reference README (scikit-learn 1.2.1); the scorecard's follow from its
 * scikit-learn-checked fit (ScorecardReferenceTest).
 */
class ScorecardComparisonTest {
    @Test
    void germanScorecardAndDiscriminantValidateAsTheGuideStates() {
        IndicatorTable t = GermanCredit.table();
        int[] y = GermanCredit.labels();
        double[] f = GermanCredit.folds();
        int[] folds = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            folds[i] = (int) f[i];
        }
        CrossValidation cv = CrossValidation.withFolds(folds);
        RocCurve lda = RocCurve.of(GermanCredit.model().scores(t), y);
        CrossValidationResult ldaCv = cv.run(LinearDiscriminant.withDefaults(), t, y);
        ScorecardModel card = Scorecard.withDefaults().fit(t, y);
        RocCurve sc = RocCurve.of(card.logits(t), y);
        CrossValidationResult scCv = Scorecard.withDefaults().crossValidate(cv, t, y);
        assertThat(lda.auc()).isCloseTo(0.8171, within(5e-5));
        assertThat(lda.ks()).isCloseTo(0.5000, within(5e-5));
        assertThat(ldaCv.meanAuc()).isCloseTo(0.7929, within(5e-5));
        assertThat(ldaCv.sdAuc()).isCloseTo(0.0369, within(5e-5));
        assertThat(ldaCv.pooledAuc()).isCloseTo(0.7915, within(5e-5));
        assertThat(card.indicatorNames()).hasSize(14);
        assertThat(sc.auc()).isCloseTo(0.8200, within(5e-5));
        assertThat(sc.ks()).isCloseTo(0.5171, within(5e-5));
        assertThat(scCv.meanAuc()).isCloseTo(0.7961, within(5e-5));
        assertThat(scCv.sdAuc()).isCloseTo(0.0351, within(5e-5));
        assertThat(scCv.pooledAuc()).isCloseTo(0.7922, within(5e-5));
        // the scorecard's out-of-fold values are default log-odds: the pooled AUC is that of those values
        assertThat(RocCurve.auc(scCv.outOfFoldScores(), y)).isEqualTo(scCv.pooledAuc());
    }
}
