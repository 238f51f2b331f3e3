package org.powercx.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** CLV from the published CDNOW BG/NBD and Gamma-Gamma estimates (Fader, Hardie and Lee 2005; note 025). */
class PurchaseClvTest {
    static final BgNbd BGNBD = BgNbd.of(0.243, 4.414, 0.793, 2.426);
    static final GammaGamma GG = GammaGamma.of(6.25, 3.74, 15.44);

    @Test
    void undiscountedValueIsExpectedPurchasesTimesExpectedSpend() {
        PurchaseClv clv = PurchaseClv.of(BGNBD, GG, 12, 4.345);
        double expected = BGNBD.conditionalExpectedTransactions(12 * 4.345, 2, 30.43, 38.86)
                * GG.conditionalExpectedSpend(2, 22.35);
        assertThat(clv.value(2, 30.43, 38.86, 22.35)).isCloseTo(expected, within(1e-9));
        assertThat(clv.withMargin(0.3).value(2, 30.43, 38.86, 22.35)).isCloseTo(0.3 * expected, within(1e-9));
    }

    @Test
    void discountingSumsThePeriodIncrements() {
        PurchaseClv clv = PurchaseClv.of(BGNBD, GG, 3, 13).withDiscountRate(0.05);
        double e1 = BGNBD.conditionalExpectedTransactions(13, 4, 20, 38);
        double e2 = BGNBD.conditionalExpectedTransactions(26, 4, 20, 38);
        double e3 = BGNBD.conditionalExpectedTransactions(39, 4, 20, 38);
        double expected = GG.conditionalExpectedSpend(4, 30) * (e1 / 1.05 + (e2 - e1) / (1.05 * 1.05)
                + (e3 - e2) / Math.pow(1.05, 3));
        assertThat(clv.value(4, 20, 38, 30)).isCloseTo(expected, within(1e-9));
        double[] out = clv.values(new double[] {4, 0}, new double[] {20, 0}, new double[] {38, 30},
                new double[] {30, 0}, null);
        assertThat(out[0]).isEqualTo(clv.value(4, 20, 38, 30));
        assertThat(out[1]).isEqualTo(clv.value(0, 0, 30, 0)).isPositive();
        assertThat(clv.toString()).contains("discount rate", "0.05");
    }

    /**
     * The per-customer CLV of the lifetimes documentation ("Estimating customer lifetime value using the Gamma-Gamma
     * model": {@code ggf.customer_lifetime_value(bgf, ..., time=12, discount_rate=0.01)}, default {@code freq="D"},
     * that is 12 periods of 30 time units each, on the CDNOW summary with monetary value, both models fitted to it)
     * for the first ten customers, printed to six decimals. Those digits rest on lifetimes' own optimum, which
     * agrees with ours to about six significant digits, so the values are compared within 1e-6 relative; the mean
     * conditional expected spend printed there, 35.2529588256, likewise.
     */
    @Test
    void matchesTheLifetimesDocumentation() {
        double[][] data = GammaGammaTest.DATA;
        BgNbd purchases = BgNbd.fit(data[1], data[2], data[3]).model();
        GammaGamma spend = GammaGamma.fit(data[1], data[4]).model();
        PurchaseClv clv = PurchaseClv.of(purchases, spend, 12, 30).withDiscountRate(0.01);
        double[] values = clv.values(data[1], data[2], data[3], data[4], null);
        double[] documented = {140.096211, 18.943467, 38.180574, 38.180574, 38.180574, 1003.868107, 28.109683,
            38.180574, 167.418216, 38.180574};
        for (int i = 0; i < documented.length; i++) {
            assertThat(values[i]).as("customer %d", i + 1).isCloseTo(documented[i], within(1e-6 * documented[i]));
        }
        double meanSpend = 0;
        for (int i = 0; i < data[0].length; i++) {
            meanSpend += spend.conditionalExpectedSpend(data[1][i], data[4][i]);
        }
        assertThat(meanSpend / data[0].length).isCloseTo(35.2529588256, within(1e-6 * 35.25));
    }

    @Test
    void rejectsInvalidInput() {
        assertThatThrownBy(() -> PurchaseClv.of(null, GG, 1, 1)).isInstanceOf(ClvException.class)
                .hasMessageContaining("BG/NBD");
        assertThatThrownBy(() -> PurchaseClv.of(BGNBD, GG, 0, 1)).hasMessageContaining("horizon");
        assertThatThrownBy(() -> PurchaseClv.of(BGNBD, GG, 1, 0)).hasMessageContaining("period length");
        PurchaseClv clv = PurchaseClv.of(BGNBD, GG, 2, 4);
        assertThatThrownBy(() -> clv.withDiscountRate(Double.NaN)).hasMessageContaining("discount rate");
        assertThatThrownBy(() -> clv.withMargin(Double.POSITIVE_INFINITY)).hasMessageContaining("margin");
        assertThatThrownBy(() -> clv.value(2, 40, 38, 10)).hasMessageContaining("recency");
        assertThatThrownBy(() -> clv.value(2, 20, 38, -1)).hasMessageContaining("mean spend");
        double[] one = {1};
        assertThatThrownBy(() -> clv.values(one, one, new double[] {2, 3}, one, null))
                .hasMessageContaining("age has 2");
        assertThatThrownBy(() -> clv.values(one, one, one, new double[0], null)).hasMessageContaining("mean spend");
        assertThatThrownBy(() -> clv.values(one, one, one, one, new double[0])).hasMessageContaining("output");
        assertThatThrownBy(() -> clv.values(one, new double[] {2}, one, one, null))
                .hasMessageContaining("customer 0");
        assertThatThrownBy(() -> clv.values(null, one, one, one, null)).hasMessageContaining("null");
    }
}
