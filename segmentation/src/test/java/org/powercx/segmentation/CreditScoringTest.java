package org.powercx.segmentation;

import org.powercx.core.CustomerIndicators;
import org.powercx.samples.CustomerGenerator;
import org.powercx.samples.GeneratedCustomers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TestData;
import org.powercx.credit.LinearDiscriminant;
import org.powercx.credit.RocCurve;
import org.powercx.credit.Shrinkage;

class CreditScoringTest {
    private static final GeneratedCustomers DATA = CustomerGenerator.withDefaults().generate(50_000, 3L);
    private static final IndicatorTable TABLE = DATA.table();

    @Test
    void ldaAucIsCloseToTheGeneratorsOwn() {
        CreditAssessment a = CreditScoring.withDefaults().assess(TABLE);
        // the generator's own AUC: its true default probabilities against the drawn defaults
        double own = RocCurve.auc(DATA.defaultProbability(), DATA.defaultLabels());
        assertThat(a.auc()).isEqualTo(RocCurve.auc(a.defaultProbabilities(), DATA.defaultLabels()));
        // the discriminant sees only noisy indicators of the latent quality: a little below, never above
        assertThat(a.auc()).isLessThan(own + 0.005).isGreaterThan(own - 0.03);
        assertThat(a.report().isMonotone()).isTrue();
        assertThat(a.report().counts()).containsExactly(10_000, 10_000, 10_000, 10_000, 10_000);
        assertThat(a.gradeNames()).containsExactly("AAA", "AA", "A", "B", "C");
        // quintile cut-offs by selection equal the credit module's own quantile grading
        assertThat(a.scale().cutoffs()).containsExactly(
            org.powercx.credit.CreditGrades.byQuantiles(a.defaultProbabilities()).cutoffs());
        assertThat(a.grade(0)).isEqualTo(a.gradeNames().get(a.grades()[0]));
        assertThat(a.model().indicators()).hasSize(5);
        assertThat(a.scale().names()).hasSize(5);
        assertThat(a.toString()).contains("in-sample AUC", "AAA");
        assertThatThrownBy(() -> a.grade(50_000)).isInstanceOf(SegmentationException.class);
    }

    @Test
    void defaultProbabilityFollowsTheLatentCreditQuality() {
        CreditAssessment a = CreditScoring.withDefaults().assess(TABLE);
        assertThat(TestData.correlation(a.defaultProbabilities(), DATA.defaultProbability())).isGreaterThan(0.8);
    }

    @Test
    void otherGradeScalesAndIndicators() {
        CreditAssessment given = CreditScoring.withDefaults().withGradeCutoffs(List.of("good", "watch", "bad"), 0.05, 0.2)
            .with(LinearDiscriminant.withDefaults().withShrinkage(Shrinkage.ledoitWolf())).assess(TABLE);
        assertThat(given.gradeNames()).containsExactly("good", "watch", "bad");
        double[] pd = given.defaultProbabilities();
        int[] g = given.grades();
        for (int i = 0; i < 1000; i++) {
            assertThat(g[i]).isEqualTo(pd[i] <= 0.05 ? 0 : pd[i] <= 0.2 ? 1 : 2);
        }
        CreditAssessment halves = CreditScoring.withDefaults().withQuantileGrades(List.of("good", "bad"), 0.5)
            .withIndicators(List.of(CustomerIndicators.ON_TIME_PAYMENT_RATE), CustomerIndicators.DEFAULTED).assess(TABLE);
        double cut = halves.scale().cutoffs()[0];
        long good = java.util.Arrays.stream(halves.defaultProbabilities()).filter(p -> p <= cut).count();
        // cut at the median of the tied probabilities: about half on each side
        assertThat(halves.report().counts()).containsExactly(good, 50_000 - good);
        assertThat(good).isBetween(24_000L, 26_000L);
    }

    @Test
    void badConfigurationIsNamed() {
        CreditScoring unknown = CreditScoring.withDefaults().withIndicators(List.of("credit_limit"), CustomerIndicators.DEFAULTED);
        assertThatThrownBy(() -> unknown.assess(TABLE)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("credit scoring: unknown indicator 'credit_limit'");
        CreditScoring label = CreditScoring.withDefaults().withIndicators(CreditScoring.DEFAULT_INDICATORS, "churned");
        assertThatThrownBy(() -> label.assess(TABLE)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("unknown label column 'churned'");
        CreditScoring notBinary = CreditScoring.withDefaults().withIndicators(CreditScoring.DEFAULT_INDICATORS,
            CustomerIndicators.CUSTOMER_CLASS);
        assertThatThrownBy(() -> notBinary.assess(TABLE)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("expected 0 or 1").hasMessageContaining("customer_class");
        assertThatThrownBy(() -> CreditScoring.withDefaults().withIndicators(List.of("defaulted"), "defaulted"))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("cannot also be an indicator");
        CreditScoring collinear = CreditScoring.withDefaults().withIndicators(List.of(CustomerIndicators.CONSUMPTION_PREFIX + 5,
            CustomerIndicators.CONSUMPTION_PREFIX + 5 + "x"), CustomerIndicators.DEFAULTED);
        assertThatThrownBy(() -> collinear.assess(TABLE)).isInstanceOf(SegmentationException.class);
        IndicatorTable oneClass = TABLE.filter(i -> TABLE.get(i, TABLE.indexOf(CustomerIndicators.DEFAULTED)) == 0);
        assertThatThrownBy(() -> CreditScoring.withDefaults().assess(oneClass)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("credit scoring:");
        assertThatThrownBy(() -> CreditScoring.withDefaults().withGradeCutoffs(List.of("a", "b"), 0.1, 0.2))
            .isInstanceOf(SegmentationException.class);
        assertThatThrownBy(() -> CreditScoring.withDefaults().withQuantileGrades(List.of("a", "b"), 0.1, 0.2))
            .isInstanceOf(SegmentationException.class);
        assertThatThrownBy(() -> CreditScoring.withDefaults().with(null)).isInstanceOf(SegmentationException.class);
        assertThatThrownBy(() -> CreditScoring.withDefaults().assess(null)).isInstanceOf(SegmentationException.class);
    }

    @Test
    void theConfigurationIsReadable() {
        CreditScoring defaults = CreditScoring.withDefaults();
        assertThat(defaults.labelColumn()).isEqualTo(CustomerIndicators.DEFAULTED);
        LinearDiscriminant lda = LinearDiscriminant.withDefaults().withPriors(0.7, 0.3);
        assertThat(defaults.with(lda).discriminant()).isSameAs(lda);
        assertThat(defaults.gradeQuantiles()).containsExactly(0.2, 0.4, 0.6, 0.8);
        assertThat(defaults.gradeCutoffs()).isNull();
        CreditScoring given = defaults.withGradeCutoffs(List.of("good", "bad"), 0.05);
        assertThat(given.gradeCutoffs()).containsExactly(0.05);
        assertThat(given.gradeQuantiles()).isNull();
        // copies
        given.gradeCutoffs()[0] = 0.5;
        assertThat(given.gradeCutoffs()).containsExactly(0.05);
        // quantile grades are checked when configured
        assertThatThrownBy(() -> defaults.withQuantileGrades(List.of("a", "b", "c"), 0.6, 0.4))
            .isInstanceOf(SegmentationException.class)
            .hasMessage("credit grade quantile 1 must be in (0, 1) and increasing but was 0.4");
        assertThatThrownBy(() -> defaults.withQuantileGrades(List.of("a", "b"), 1.0))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("quantile 0");
    }
}
