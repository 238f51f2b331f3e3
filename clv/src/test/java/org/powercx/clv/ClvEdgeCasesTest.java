package org.powercx.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

/**
 * Numerical edge cases of the CLV models: retention 0 and 1, margins from 1e-300 to 1e300, a single customer,
 * customers without repeat purchases and data in extreme units. Each case either has a closed form checked here
 * or raises a {@link ClvException} naming the item.
 */
class ClvEdgeCasesTest {
    private static final double M = 120.0;

    private static DiscountedClv end(double d) {
        return DiscountedClv.of(d);
    }

    private static DiscountedClv start(double d) {
        return DiscountedClv.of(d).with(PaymentTiming.START_OF_PERIOD);
    }

    @Test
    void retentionZeroKeepsOnlyTheCertainFirstPayment() {
        for (double d : new double[] {0, 0.1}) {
            assertThat(end(d).value(M, 0)).isZero();
            assertThat(end(d).withHorizon(7).value(M, 0)).isZero();
            assertThat(start(d).value(M, 0)).isEqualTo(M);
            assertThat(start(d).withHorizon(7).value(M, 0)).isEqualTo(M);
            assertThat(start(d).value(new double[] {M, 50, 60}, 0)).isEqualTo(M);
            assertThat(end(d).value(new double[] {M, 50, 60}, 0)).isZero();
            assertThat(end(d).values(new double[] {M, -M}, new double[] {0, 0}, null)).containsExactly(0.0, -0.0);
        }
    }

    @Test
    void retentionOneIsAnAnnuity() {
        double d = 0.08;
        int h = 12;
        double annuity = (1 - Math.pow(1 + d, -h)) / d;
        assertThat(end(d).withHorizon(h).value(M, 1)).isCloseTo(M * annuity, within(1e-12 * M * annuity));
        assertThat(start(d).withHorizon(h).value(M, 1)).isCloseTo(M * annuity * (1 + d), within(1e-12 * M * h));
        assertThat(end(0).withHorizon(h).value(M, 1)).isEqualTo(M * h);
        assertThat(start(0).withHorizon(h).value(M, 1)).isEqualTo(M * h);
        // perpetuities
        assertThat(end(d).value(M, 1)).isCloseTo(M / d, within(1e-12 * M / d));
        assertThat(start(d).value(M, 1)).isCloseTo(M * (1 + d) / d, within(1e-12 * M / d));
        // the series with retention 1 is the same annuity
        double[] margins = new double[h];
        Arrays.fill(margins, M);
        assertThat(end(d).value(margins, 1)).isCloseTo(M * annuity, within(1e-12 * M * annuity));
        // without discounting over an infinite horizon the value diverges
        assertThatThrownBy(() -> end(0).value(M, 1)).isInstanceOf(ClvException.class)
                .hasMessageContaining("retention 1").hasMessageContaining("infinite CLV");
        assertThatThrownBy(() -> end(0).values(new double[] {M, M}, new double[] {0.5, 1}, null))
                .isInstanceOf(ClvException.class).hasMessageContaining("customer 1");
    }

    @Test
    void retentionJustBelowOneAgreesWithTheSeries() {
        // q = r / (1 + d) next to 1: the closed form (1 - q^H)/(1 - q) divides two small differences
        for (double r : new double[] {1 - 1e-6, 1 - 1e-9, 1 - 1e-12, Math.nextDown(1.0)}) {
            for (PaymentTiming timing : PaymentTiming.values()) {
                DiscountedClv clv = DiscountedClv.of(0).with(timing).withHorizon(40);
                double[] margins = new double[40];
                Arrays.fill(margins, M);
                double series = clv.value(margins, r);
                assertThat(clv.value(M, r)).as("r = %s, %s", r, timing)
                        .isCloseTo(series, within(1e-12 * series));
            }
        }
    }

    @Test
    void tinyMarginsGiveTinyFiniteValues() {
        DiscountedClv clv = end(0.1);
        double unit = clv.value(1, 0.9);
        assertThat(clv.value(1e-300, 0.9)).isCloseTo(1e-300 * unit, within(1e-15 * 1e-300 * unit));
        assertThat(clv.value(-1e-300, 0.9)).isCloseTo(-1e-300 * unit, within(1e-15 * 1e-300 * unit));
        // the subnormal range underflows gracefully to a finite, non-negative value
        assertThat(clv.value(Double.MIN_VALUE, 0.9)).isFinite().isGreaterThanOrEqualTo(0.0);
        for (double v : clv.values(new double[] {1e-300, Double.MIN_VALUE}, new double[] {0.9, 0.9}, null)) {
            assertThat(v).isFinite().isGreaterThanOrEqualTo(0.0);
        }
        double[] margins = new double[30];
        Arrays.fill(margins, 1e-300);
        assertThat(clv.withHorizon(30).value(margins, 0.9))
                .isCloseTo(1e-300 * clv.withHorizon(30).value(1, 0.9), within(1e-13 * 1e-300 * unit));
    }

    @Test
    void hugeMarginsGiveFiniteValuesWhileTheyFit() {
        DiscountedClv clv = end(0.1);
        double unit = clv.value(1, 0.9);
        assertThat(clv.value(1e300, 0.9)).isFinite().isCloseTo(1e300 * unit, within(1e-15 * 1e300 * unit));
        assertThat(clv.value(-1e300, 0.9)).isFinite().isCloseTo(-1e300 * unit, within(1e-15 * 1e300 * unit));
    }

    @Test
    void hugeMarginsThatOverflowAreRejectedNamingTheItem() {
        // retention 1 with a tiny discount rate multiplies the margin by about 1e12: beyond the double range
        DiscountedClv clv = end(1e-12);
        assertThatThrownBy(() -> clv.value(1e300, 1)).isInstanceOf(ClvException.class)
                .hasMessageContaining("the customer").hasMessageContaining("1.0E300")
                .hasMessageContaining("overflow");
        assertThatThrownBy(() -> clv.value(-1e300, 1)).isInstanceOf(ClvException.class)
                .hasMessageContaining("overflow");
        assertThatThrownBy(() -> clv.values(new double[] {1, 1e300}, new double[] {1, 1}, null))
                .isInstanceOf(ClvException.class).hasMessageContaining("customer 1")
                .hasMessageContaining("overflow");
        double[] margins = {1e308, 1e308, 1e308};
        assertThatThrownBy(() -> DiscountedClv.of(0).value(margins, 1.0)).isInstanceOf(ClvException.class)
                .hasMessageContaining("period 2").hasMessageContaining("overflow");
        IndicatorTable table = IndicatorTable.builder(Indicator.benefit("margin"), Indicator.benefit("retention"))
                .row("small", 10, 0.9).row("whale", 1e300, 1).build();
        assertThatThrownBy(() -> clv.values(table, "margin", "retention")).isInstanceOf(ClvException.class)
                .hasMessageContaining("customer 'whale'").hasMessageContaining("overflow");
        PurchaseClv purchase = PurchaseClv.of(BgNbd.of(0.243, 4.414, 0.793, 2.426),
                GammaGamma.of(6.25, 3.74, 15.44), 12, 4.345).withMargin(1e300);
        assertThatThrownBy(() -> purchase.value(2, 30.43, 38.86, 1e300)).isInstanceOf(ClvException.class)
                .hasMessageContaining("customer 0").hasMessageContaining("overflow");
    }

    @Test
    void oneCustomer() {
        DiscountedClv clv = end(0.1);
        assertThat(clv.values(new double[] {M}, new double[] {0.8}, null)).containsExactly(clv.value(M, 0.8));
        IndicatorTable one = IndicatorTable.builder(Indicator.benefit("margin"), Indicator.benefit("retention"))
                .row("only", M, 0.8).build();
        assertThat(clv.values(one, "margin", "retention")).containsExactly(clv.value(M, 0.8));
        // a single history does not identify four (BG/NBD) or three (Gamma-Gamma) parameters: the fits say so
        assertThatThrownBy(() -> BgNbd.fit(new double[] {3}, new double[] {20}, new double[] {30}))
                .isInstanceOf(ClvException.class).hasMessageContaining("BG/NBD fit failed")
                .hasMessageContaining("the data do not identify it");
        assertThatThrownBy(() -> GammaGamma.fit(new double[] {3}, new double[] {25}))
                .isInstanceOf(ClvException.class).hasMessageContaining("Gamma-Gamma fit failed")
                .hasMessageContaining("the data do not identify it");
        // a single cohort of survival counts is the usual sBG case
        ShiftedBetaGeometricFit sbg = ShiftedBetaGeometric.fit(new double[] {1000, 631, 468, 382, 326});
        assertThat(sbg.customers()).isEqualTo(1000);
        assertThat(sbg.logLikelihood()).isFinite();
    }

    @Test
    void customersWithoutRepeatPurchases() {
        BgNbd m = BgNbd.of(0.243, 4.414, 0.793, 2.426);
        double age = 30;
        // with x = 0 the posterior of the purchase rate is Gamma(r, alpha + T) and the customer is surely alive:
        // the conditional expectation is that of a new customer of a model with alpha + T
        assertThat(m.probabilityAlive(0, 0, age)).isEqualTo(1.0);
        BgNbd shifted = BgNbd.of(m.r(), m.alpha() + age, m.a(), m.b());
        for (double t : new double[] {0, 1, 10, 52}) {
            double expected = shifted.expectedTransactions(t);
            assertThat(m.conditionalExpectedTransactions(t, 0, 0, age)).isCloseTo(expected,
                    within(1e-14 * Math.max(1, expected)));
        }
        // nobody repurchased: the fit cannot identify the dropout process
        double[] zeros = new double[50];
        double[] ages = new double[50];
        for (int i = 0; i < 50; i++) {
            ages[i] = 10 + i;
        }
        assertThatThrownBy(() -> BgNbd.fit(zeros, zeros, ages)).isInstanceOf(ClvException.class)
                .hasMessageContaining("BG/NBD fit failed");
        assertThatThrownBy(() -> GammaGamma.fit(zeros, zeros)).isInstanceOf(ClvException.class)
                .hasMessageContaining("none of the 50");
        // Gamma-Gamma ignores customers without repeat purchases: adding them leaves the fit unchanged
        double[] x = GammaGammaTest.DATA[1];
        double[] z = GammaGammaTest.DATA[4];
        int repeaters = (int) Arrays.stream(x).filter(v -> v > 0).count();
        double[] xr = new double[repeaters];
        double[] zr = new double[repeaters];
        for (int i = 0, k = 0; i < x.length; i++) {
            if (x[i] > 0) {
                xr[k] = x[i];
                zr[k++] = z[i];
            }
        }
        assertThat(repeaters).isLessThan(x.length);
        assertThat(GammaGamma.fit(x, z)).isEqualTo(GammaGamma.fit(xr, zr));
        // and such a customer's value uses the population mean spend
        GammaGamma spend = GammaGamma.of(6.25, 3.74, 15.44);
        PurchaseClv clv = PurchaseClv.of(m, spend, 1, 52);
        assertThat(clv.value(0, 0, age, 0)).isCloseTo(spend.meanSpend() * shifted.expectedTransactions(52),
                within(1e-12));
    }

    @Test
    void fitsAreEquivariantInTheUnitsAndRejectUnitsBeyondTheSearchRange() {
        double[][] cdnow = BgNbdTest.CDNOW;
        BgNbd weeks = BgNbd.fit(cdnow[1], cdnow[2], cdnow[3]).model();
        // the same data in hours: alpha scales with the time unit, r, a and b do not (up to the optimiser's
        // stopping rule, about 1e-5 relative on this flat likelihood)
        double c = 168;
        BgNbd hours = BgNbd.fit(cdnow[1], scale(cdnow[2], c), scale(cdnow[3], c)).model();
        assertThat(hours.alpha()).isCloseTo(weeks.alpha() * c, within(1e-4 * weeks.alpha() * c));
        assertThat(hours.r()).isCloseTo(weeks.r(), within(1e-4 * weeks.r()));
        assertThat(hours.a()).isCloseTo(weeks.a(), within(1e-4 * weeks.a()));
        assertThat(hours.b()).isCloseTo(weeks.b(), within(1e-4 * weeks.b()));
        // times of order 1e300 would need alpha near 1e300, far beyond the search range 1e-9..1e9
        assertThatThrownBy(() -> BgNbd.fit(cdnow[1], scale(cdnow[2], 1e300), scale(cdnow[3], 1e300)))
                .isInstanceOf(ClvException.class).hasMessageContaining("alpha");
        double[] x = GammaGammaTest.DATA[1];
        double[] z = GammaGammaTest.DATA[4];
        for (double unit : new double[] {1e300, 1e-300}) {
            assertThatThrownBy(() -> GammaGamma.fit(x, scale(z, unit))).as("spends times %s", unit)
                    .isInstanceOf(ClvException.class).hasMessageContaining("Gamma-Gamma fit failed");
        }
        ShiftedBetaGeometric reference = ShiftedBetaGeometric.fit(new double[] {1000, 631, 468, 382, 326}).model();
        // the sBG likelihood is proportional to the counts: a cohort a million times larger gives the same estimates
        ShiftedBetaGeometricFit large = ShiftedBetaGeometric.fit(new double[] {1e9, 631e6, 468e6, 382e6, 326e6});
        assertThat(large.customers()).isEqualTo(1_000_000_000);
        assertThat(large.model().alpha()).isCloseTo(reference.alpha(), within(1e-6 * reference.alpha()));
        assertThat(large.model().beta()).isCloseTo(reference.beta(), within(1e-6 * reference.beta()));
        // counts are numbers of customers: shares and totals beyond the int range are refused in one line
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit(new double[] {1, 0.631, 0.468}))
                .isInstanceOf(ClvException.class).hasMessage("cohort 0: the count at t = 1 must be a whole number of"
                        + " customers, got 0.631 (give counts, not shares)");
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit(new double[] {1e308, 5e307}))
                .isInstanceOf(ClvException.class).hasMessageContaining("count at t = 0 must be a whole number");
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit(new double[] {2e9, 1e9}, new double[] {2e9, 1e9}))
                .isInstanceOf(ClvException.class).hasMessageContaining("more than 2147483647 customers");
    }

    private static double[] scale(double[] values, double c) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * c;
        }
        return out;
    }
}
