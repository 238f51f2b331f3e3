package org.powercx.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

/**
 * Deterministic CLV against the textbook closed forms (Gupta and Lehmann 2003; Berger and Nasr 1998) with
 * m = 100, r = 0.8, d = 0.10 as listed in the project's CLV reference notes: 266.666667 (end of period,
 * infinite), 366.666667 (start, infinite), 212.409734 (t = 1..5), 292.063384 (t = 0..4).
 */
class DiscountedClvTest {
    private static final DiscountedClv END = DiscountedClv.of(0.10);
    private static final DiscountedClv START = END.with(PaymentTiming.START_OF_PERIOD);

    @Test
    void closedFormsMatchReferenceValues() {
        assertThat(END.value(100, 0.8)).isCloseTo(266.666667, within(1e-6));
        assertThat(START.value(100, 0.8)).isCloseTo(366.666667, within(1e-6));
        assertThat(END.withHorizon(5).value(100, 0.8)).isCloseTo(212.409734, within(1e-6));
        assertThat(START.withHorizon(5).value(100, 0.8)).isCloseTo(292.063384, within(1e-6));
    }

    @Test
    void seriesFormsAgreeWithClosedForms() {
        double[] m = new double[5];
        double[] r = new double[5];
        Arrays.fill(m, 100);
        Arrays.fill(r, 0.8);
        assertThat(END.value(m, r)).isCloseTo(212.409734, within(1e-6));
        assertThat(START.value(m, r)).isCloseTo(292.063384, within(1e-6));
        assertThat(END.value(m, 0.8)).isCloseTo(212.409734, within(1e-6));
        assertThat(START.value(100, r)).isCloseTo(292.063384, within(1e-6));
        // a finite horizon shorter than the series uses its first periods
        assertThat(END.withHorizon(3).value(m, r)).isCloseTo(END.withHorizon(3).value(100, 0.8), within(1e-12));
        // a long series converges to the infinite closed form
        double[] longM = new double[400];
        Arrays.fill(longM, 100);
        assertThat(END.value(longM, 0.8)).isCloseTo(266.666667, within(1e-6));
        assertThat(m).containsOnly(100);
    }

    @Test
    void varyingSeriesByHand() {
        double[] m = {100, 120, 90};
        double[] r = {0.9, 0.8, 0.7};
        double end = 100 * 0.9 / 1.1 + 120 * 0.72 / 1.21 + 90 * 0.504 / 1.331;
        double start = 100 + 120 * 0.9 / 1.1 + 90 * 0.72 / 1.21;
        assertThat(END.value(m, r)).isCloseTo(end, within(1e-12));
        assertThat(START.value(m, r)).isCloseTo(start, within(1e-12));
    }

    @Test
    void zeroDiscountAndFullRetention() {
        DiscountedClv flat = DiscountedClv.of(0).withHorizon(4);
        assertThat(flat.value(50, 1)).isCloseTo(200, within(1e-12));
        assertThat(flat.with(PaymentTiming.START_OF_PERIOD).value(50, 1)).isCloseTo(200, within(1e-12));
        assertThat(flat.values(new double[] {50}, new double[] {1}, null)[0]).isCloseTo(200, within(1e-12));
        assertThat(DiscountedClv.of(0).value(50, 0.5)).isCloseTo(50, within(1e-12));
        assertThat(DiscountedClv.of(0.1).value(50, 0)).isEqualTo(0);
        assertThatThrownBy(() -> DiscountedClv.of(0).value(50, 1)).isInstanceOf(ClvException.class)
                .hasMessageContaining("infinite CLV");
        assertThatThrownBy(() -> DiscountedClv.of(0).values(new double[] {1, 2}, new double[] {0.5, 1}, null))
                .hasMessageContaining("customer 1").hasMessageContaining("infinite CLV");
    }

    @Test
    void arrayKernelAgreesWithSingleValues() {
        double[] m = {100, -20, 0, 350.5};
        double[] r = {0.8, 0.5, 0.9, 0.97};
        for (DiscountedClv c : List.of(END, START, END.withHorizon(7), START.withHorizon(1), START.withHorizon(40))) {
            double[] out = new double[5];
            assertThat(c.values(m, r, out)).isSameAs(out);
            for (int i = 0; i < m.length; i++) {
                assertThat(out[i]).as("%s customer %d", c, i).isCloseTo(c.value(m[i], r[i]), within(1e-10));
            }
            assertThat(out[4]).isZero();
        }
    }

    @Test
    void evaluatesATableOfCustomers() {
        IndicatorTable t = IndicatorTable.builder(Indicator.benefit("margin"), Indicator.benefit("retention"))
                .row("c1", 100, 0.8).row("c2", 50, 0.9).build();
        double[] v = END.values(t, "margin", "retention");
        assertThat(v).containsExactly(END.value(100, 0.8), END.value(50, 0.9));
        IndicatorTable bad = IndicatorTable.builder(Indicator.benefit("margin"), Indicator.benefit("retention"))
                .row("c1", 100, 0.8).row("c2", 50, 1.2).build();
        assertThatThrownBy(() -> END.values(bad, "margin", "retention")).isInstanceOf(ClvException.class)
                .hasMessageContaining("customer 'c2'").hasMessageContaining("1.2");
        IndicatorTable forever = IndicatorTable.builder(Indicator.benefit("margin"), Indicator.benefit("retention"))
                .row("c1", 100, 0.8).row("loyal-7", 50, 1).build();
        assertThatThrownBy(() -> DiscountedClv.of(0).values(forever, "margin", "retention"))
                .isInstanceOf(ClvException.class).hasMessage("customer 'loyal-7': retention 1 with discount rate 0"
                        + " over an infinite horizon gives an infinite CLV");
        assertThatThrownBy(() -> END.values(t, "margin", "churn")).hasMessageContaining("unknown indicator 'churn'");
        assertThatThrownBy(() -> END.values((IndicatorTable) null, "margin", "retention"))
                .hasMessageContaining("table");
    }

    @Test
    void configurationAccessors() {
        assertThat(END.discountRate()).isEqualTo(0.10);
        assertThat(END.horizon()).isEmpty();
        assertThat(END.withHorizon(5).horizon()).hasValue(5);
        assertThat(END.withHorizon(5).withInfiniteHorizon().horizon()).isEmpty();
        assertThat(START.timing()).isEqualTo(PaymentTiming.START_OF_PERIOD);
        assertThat(END.withHorizon(5).toString()).contains("horizon=5", "END_OF_PERIOD");
        assertThat(END.toString()).contains("horizon=infinite");
    }

    @Test
    void rejectsInvalidInput() {
        assertThatThrownBy(() -> DiscountedClv.of(-0.1)).isInstanceOf(ClvException.class)
                .hasMessageContaining("discount rate").hasMessageContaining("-0.1");
        assertThatThrownBy(() -> DiscountedClv.of(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> END.withHorizon(0)).hasMessageContaining("horizon");
        assertThatThrownBy(() -> END.with(null)).hasMessageContaining("timing");
        assertThatThrownBy(() -> END.value(Double.NaN, 0.8)).hasMessageContaining("margin");
        assertThatThrownBy(() -> END.value(100, 1.5)).hasMessageContaining("retention").hasMessageContaining("1.5");
        assertThatThrownBy(() -> END.value(new double[0], 0.5)).hasMessageContaining("margins");
        assertThatThrownBy(() -> END.value(100, (double[]) null)).hasMessageContaining("retentions");
        assertThatThrownBy(() -> END.value(new double[] {1, 2}, new double[] {0.5}))
                .hasMessageContaining("margins has 2").hasMessageContaining("retentions has 1");
        assertThatThrownBy(() -> END.value(new double[] {1, Double.POSITIVE_INFINITY}, new double[] {0.5, 0.5}))
                .hasMessageContaining("period 2");
        assertThatThrownBy(() -> END.withHorizon(3).value(new double[] {1, 2}, 0.5))
                .hasMessageContaining("horizon is 3");
        assertThatThrownBy(() -> END.values(new double[] {1, 2}, new double[] {0.5, -0.5}, null))
                .hasMessageContaining("customer 1").hasMessageContaining("-0.5");
        assertThatThrownBy(() -> END.values(new double[] {1, 2}, new double[] {0.5, 0.5}, new double[1]))
                .hasMessageContaining("output");
        assertThatThrownBy(() -> END.values(null, new double[] {0.5}, null)).hasMessageContaining("null");
        assertThatThrownBy(() -> END.values(new double[] {1}, new double[] {0.5, 0.5}, null))
                .hasMessageContaining("margins has 1");
    }

    @Test
    void finiteHorizonClosedFormIsAccurateOnBothSidesOfItsTwoEvaluationPaths() {
        // the closed form uses q^H by squaring for |1 - q| >= 1/16 and log1p/expm1 below; on both sides it must
        // agree with the explicit discounted sum of H periods, summed here with Kahan compensation
        DiscountedClv clv = DiscountedClv.of(0.1).withHorizon(24);
        double growth = 1.1;
        for (double u : new double[] {0.5, 0.07, 0.0625 + 1e-12, 0.0625, 0.0625 - 1e-12, 0.03, 1e-6}) {
            double r = growth * (1 - u);
            if (r > 1) {
                continue;
            }
            double sum = 0;
            double compensation = 0;
            for (int t = 1; t <= 24; t++) {
                double term = Math.pow(r / growth, t) - compensation;
                double next = sum + term;
                compensation = (next - sum) - term;
                sum = next;
            }
            assertThat(clv.value(1, r)).as("u = %s", u).isCloseTo(sum, within(4e-15 * sum));
        }
    }
}
