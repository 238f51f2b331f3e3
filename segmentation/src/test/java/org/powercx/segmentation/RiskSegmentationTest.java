package org.powercx.segmentation;

import org.powercx.core.CustomerIndicators;
import org.powercx.samples.CustomerGenerator;
import org.powercx.samples.GeneratedCustomers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

class RiskSegmentationTest {
    private static final GeneratedCustomers DATA = CustomerGenerator.withDefaults().generate(50_000, 21L);
    private static final RiskSegments RISKS = RiskSegmentation.withDefaults().apply(DATA.table());

    @Test
    void inspectionRuleFindsTheGeneratorsElectricityThieves() {
        boolean[] theft = DATA.theft();
        int[] g = RISKS.groups(RiskSegmentation.INSPECTION);
        int thieves = 0;
        int caught = 0;
        int flagged = 0;
        for (int i = 0; i < theft.length; i++) {
            thieves += theft[i] ? 1 : 0;
            if (g[i] == 2) {
                flagged++;
                caught += theft[i] ? 1 : 0;
            }
        }
        assertThat((double) caught / thieves).as("recall").isGreaterThan(0.8);
        assertThat((double) caught / flagged).as("precision").isGreaterThan(0.6);
    }

    @Test
    void feeRecoveryRiskRanksTheDefaulters() {
        int[] g = RISKS.groups(RiskSegmentation.FEE_RECOVERY);
        int[] d = DATA.defaultLabels();
        double[] rate = new double[3];
        double[] count = new double[3];
        for (int i = 0; i < d.length; i++) {
            rate[g[i]] += d[i];
            count[g[i]]++;
        }
        for (int k = 0; k < 3; k++) {
            rate[k] /= count[k];
        }
        assertThat(rate[1]).isGreaterThan(rate[0] * 2);
        assertThat(rate[2]).isGreaterThan(rate[1] * 1.5);
        assertThat(RISKS.counts(RiskSegmentation.FEE_RECOVERY)).containsExactly((int) count[0], (int) count[1],
            (int) count[2]);
    }

    @Test
    void scoresAndGroupsFollowTheFormula() {
        IndicatorTable t = IndicatorTable.builder(Indicator.benefit(CustomerIndicators.ON_TIME_PAYMENT_RATE),
            Indicator.cost(CustomerIndicators.ARREARS_COUNT))
            .row("a", 1.0, 0).row("b", 0.9, 1).row("c", 0.8, 3).row("d", 0.5, 0).build();
        RiskRule rule = RiskSegmentation.withDefaults().rules().get(0);
        // 10 (1 - rate) + arrears: 0, 2, 5, 5
        assertThat(rule.score(t)).containsExactly(new double[] {0, 2, 5, 5}, org.assertj.core.api.Assertions.within(1e-12));
        RiskSegments r = RiskSegmentation.of(List.of(rule)).apply(t);
        assertThat(r.groups("fee_recovery")).containsExactly(0, 1, 2, 2);
        assertThat(r.label("fee_recovery", 1)).isEqualTo("medium");
        assertThat(r.topics()).containsExactly("fee_recovery");
        assertThat(r.scores("fee_recovery")).hasSize(4);
        assertThat(r.toString()).contains("fee_recovery", "medium", "customers");
        assertThat(rule.toString()).isEqualTo(
            "fee_recovery: 10 - 10 on_time_payment_rate + 1 arrears_count; low < 2 <= medium < 5 <= high");
    }

    @Test
    void withReplacesOrAddsATopic() {
        RiskRule strict = RiskRule.threshold(RiskSegmentation.OUTAGE_SENSITIVITY, CustomerIndicators.OUTAGE_SENSITIVITY,
            new double[] {5}, "low", "high");
        RiskSegmentation s = RiskSegmentation.withDefaults().with(strict);
        assertThat(s.rules()).hasSize(5).contains(strict);
        assertThat(s.topicLabels().get(RiskSegmentation.OUTAGE_SENSITIVITY)).containsExactly("low", "high");
        RiskRule extra = RiskRule.threshold("large_load", CustomerIndicators.CONTRACT_CAPACITY, new double[] {315},
            "small", "large");
        assertThat(s.with(extra).rules()).hasSize(6);
        assertThat(RiskSegmentation.withDefaults().rules()).hasSize(5);
    }

    @Test
    void unknownIndicatorIsNamed() {
        RiskRule rule = RiskRule.threshold("theft", "meter_tamper_events", new double[] {1}, "no", "yes");
        assertThatThrownBy(() -> RiskSegmentation.withDefaults().with(rule).apply(DATA.table()))
            .isInstanceOf(SegmentationException.class)
            .hasMessageContaining("risk rule 'theft'").hasMessageContaining("unknown indicator 'meter_tamper_events'");
    }

    @Test
    void badRulesAreRejected() {
        assertThatThrownBy(() -> RiskRule.threshold("t", "x", new double[] {2, 1}, "a", "b", "c"))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("strictly increasing").hasMessageContaining("[2.0, 1.0]");
        assertThatThrownBy(() -> RiskRule.threshold("t", "x", new double[] {1}, "a"))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("need 2 labels");
        assertThatThrownBy(() -> RiskRule.threshold("t", "x", new double[] {1}, "a", "a"))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("label 1");
        assertThatThrownBy(() -> RiskRule.threshold("t", "x", new double[] {Double.NaN}, "a", "b"))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> RiskRule.threshold(" ", "x", new double[] {1}, "a", "b"))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("topic");
        assertThatThrownBy(() -> RiskRule.linear("t", 0, Map.of("x", Double.POSITIVE_INFINITY), new double[] {1}, "a", "b"))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("'x'").hasMessageContaining("Infinity");
        assertThatThrownBy(() -> RiskRule.linear("t", Double.NaN, Map.of("x", 1.0), new double[] {1}, "a", "b"))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("intercept");
        assertThatThrownBy(() -> RiskRule.linear("t", 0, Map.of(), new double[] {1}, "a", "b"))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("at least one indicator");
        assertThatThrownBy(() -> RiskRule.threshold("t", "x", new double[0], "a"))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("cut-offs");
        RiskRule a = RiskRule.threshold("t", "x", new double[] {1}, "a", "b");
        assertThatThrownBy(() -> RiskSegmentation.of(List.of(a, a)))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("two risk rules for topic 't'");
        assertThatThrownBy(() -> RiskSegmentation.of(List.of())).isInstanceOf(SegmentationException.class);
        assertThatThrownBy(() -> RiskSegmentation.withDefaults().with(null)).isInstanceOf(SegmentationException.class);
        assertThatThrownBy(() -> RISKS.groups("nope")).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("unknown risk topic 'nope'");
        assertThatThrownBy(() -> RISKS.label(RiskSegmentation.INSPECTION, -1)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("row -1");
        IndicatorTable empty = DATA.table().filter(i -> false);
        assertThatThrownBy(() -> RiskSegmentation.withDefaults().apply(empty)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("no rows");
        assertThat(a).isEqualTo(RiskRule.threshold("t", "x", new double[] {1}, "a", "b")).hasSameHashCodeAs(
            RiskRule.threshold("t", "x", new double[] {1}, "a", "b"));
        assertThat(a.cutoffs()).containsExactly(1.0);
    }
}
