package org.powercx.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * BG/NBD against Fader, Hardie and Lee (2005), Marketing Science 24(2):275-284, on the 2357 CDNOW customers
 * (cdnow_customers_summary.csv, copied in src/test/resources/clv): published r = 0.243, alpha = 4.414,
 * a = 0.793, b = 2.426, LL = -9582.4 and E[Y(39) | x = 2, t_x = 30.43, T = 38.86] = 1.226 (three decimals).
 */
class BgNbdTest {
    static final double[][] CDNOW = ClvTestData.columns("cdnow_customers_summary.csv");

    @Test
    void fitsCdnowToPublishedEstimates() {
        BgNbdFit fit = BgNbd.fit(CDNOW[1], CDNOW[2], CDNOW[3]);
        BgNbd m = fit.model();
        assertThat(m.r()).isCloseTo(0.243, within(5e-4));
        assertThat(m.alpha()).isCloseTo(4.414, within(5e-4));
        assertThat(m.a()).isCloseTo(0.793, within(5e-4));
        assertThat(m.b()).isCloseTo(2.426, within(5e-4));
        assertThat(fit.logLikelihood()).isCloseTo(-9582.4, within(0.05));
        assertThat(fit.customers()).isEqualTo(2357);
        assertThat(fit.toString()).contains("log-likelihood", "2357", "alpha");
    }

    @Test
    void conditionalExpectationMatchesPublishedValue() {
        BgNbd published = BgNbd.of(0.243, 4.414, 0.793, 2.426);
        assertThat(published.conditionalExpectedTransactions(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(5e-4));
        BgNbd fitted = BgNbd.fit(CDNOW[1], CDNOW[2], CDNOW[3]).model();
        assertThat(fitted.conditionalExpectedTransactions(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(5e-4));
    }

    @Test
    void sampleLikelihoodIsTheSumOfIndividualLikelihoods() {
        BgNbd m = BgNbd.of(0.243, 4.414, 0.793, 2.426);
        double sum = 0;
        for (int i = 0; i < CDNOW[0].length; i++) {
            sum += m.logLikelihood(CDNOW[1][i], CDNOW[2][i], CDNOW[3][i]);
        }
        PurchaseHistory h = PurchaseHistory.of(CDNOW[1], CDNOW[2], CDNOW[3]);
        assertThat(h.x.length).isLessThan(2357);
        double fast = BgNbdFit.logLikelihood(new double[] {m.r(), m.alpha(), m.a(), m.b()}, h,
                new double[h.maxX + 1]);
        assertThat(fast).isCloseTo(sum, within(1e-8));
        // one customer by the textbook formula with gamma and beta functions
        double x = 3;
        double tx = 20;
        double age = 35;
        double direct = Math.log(Math.exp(Gamma.logGamma(m.r() + x) - Gamma.logGamma(m.r()))
                * Math.pow(m.alpha(), m.r()) * Math.exp(Beta.logBeta(m.a(), m.b() + x) - Beta.logBeta(m.a(), m.b()))
                * (Math.pow(m.alpha() + age, -(m.r() + x))
                + m.a() / (m.b() + x - 1) * Math.pow(m.alpha() + tx, -(m.r() + x))));
        assertThat(m.logLikelihood(x, tx, age)).isCloseTo(direct, within(1e-12));
    }

    @Test
    void probabilityAliveAndExpectations() {
        BgNbd m = BgNbd.of(0.243, 4.414, 0.793, 2.426);
        assertThat(m.probabilityAlive(0, 0, 38.86)).isEqualTo(1);
        double p = m.probabilityAlive(2, 30.43, 38.86);
        double odds = 0.793 / (2.426 + 1) * Math.pow((4.414 + 38.86) / (4.414 + 30.43), 0.243 + 2);
        assertThat(p).isCloseTo(1 / (1 + odds), within(1e-14));
        // a frequent buyer who stopped long ago is probably dead; one who bought recently is not
        assertThat(m.probabilityAlive(20, 2, 38.86)).isLessThan(1e-6);
        assertThat(m.probabilityAlive(20, 38, 38.86)).isGreaterThan(0.9);
        // overflow-safe at extreme histories
        assertThat(m.probabilityAlive(5000, 0.5, 38.86)).isEqualTo(0.0);
        // E[X(t)] at t = 0 is 0 and grows with t; a new customer's E[Y(t)] with x = 0, T -> 0 tends to E[X(t)]
        assertThat(m.expectedTransactions(0)).isEqualTo(0.0);
        assertThat(m.expectedTransactions(39)).isGreaterThan(m.expectedTransactions(20));
        assertThat(m.conditionalExpectedTransactions(39, 0, 0, 1e-9)).isCloseTo(m.expectedTransactions(39),
                within(1e-7));
        // E[X(t)] equals the numerically integrated rate: check by the small-t limit E[X(t)] ~ t r / alpha
        double t = 1e-6;
        assertThat(m.expectedTransactions(t) / t).isCloseTo(m.r() / m.alpha(), within(1e-6));
        assertThat(m.toString()).contains("BG/NBD", "0.793");
    }

    @Test
    void rejectsInvalidHistories() {
        double[] ok = {1, 2};
        assertThatThrownBy(() -> BgNbd.fit(new double[] {1, 2}, new double[] {3, 5}, new double[] {4, 4}))
                .isInstanceOf(ClvException.class).hasMessageContaining("customer 1")
                .hasMessageContaining("0 <= recency <= age").hasMessageContaining("5");
        assertThatThrownBy(() -> BgNbd.fit(new double[] {1.5}, new double[] {3}, new double[] {4}))
                .hasMessageContaining("whole number").hasMessageContaining("1.5");
        assertThatThrownBy(() -> BgNbd.fit(new double[] {-1}, new double[] {0}, new double[] {4}))
                .hasMessageContaining("frequency");
        assertThatThrownBy(() -> BgNbd.fit(new double[] {1}, new double[] {-0.1}, new double[] {4}))
                .hasMessageContaining("recency");
        assertThatThrownBy(() -> BgNbd.fit(new double[] {1}, new double[] {1}, new double[] {Double.NaN}))
                .hasMessageContaining("age T").hasMessageContaining("NaN");
        assertThatThrownBy(() -> BgNbd.fit(new double[] {0}, new double[] {1}, new double[] {4}))
                .hasMessageContaining("recency must be 0 when frequency is 0");
        assertThatThrownBy(() -> BgNbd.fit(ok, new double[] {1}, ok)).hasMessageContaining("recency has 1");
        assertThatThrownBy(() -> BgNbd.fit(new double[0], new double[0], new double[0]))
                .hasMessageContaining("no customers");
        assertThatThrownBy(() -> BgNbd.fit(null, ok, ok)).hasMessageContaining("null");
        assertThatThrownBy(() -> BgNbd.of(-1, 1, 1, 1)).hasMessageContaining("BG/NBD r");
        assertThatThrownBy(() -> BgNbd.of(1, 1, 1, Double.POSITIVE_INFINITY)).hasMessageContaining("BG/NBD b");
        BgNbd m = BgNbd.of(0.243, 4.414, 0.793, 2.426);
        assertThatThrownBy(() -> m.expectedTransactions(-1)).hasMessageContaining("period length");
        assertThatThrownBy(() -> m.conditionalExpectedTransactions(1, 1, 5, 4)).hasMessageContaining("recency");
        assertThatThrownBy(() -> BgNbd.of(1, 1, 1, 2).expectedTransactions(1)).hasMessageContaining("a != 1");
        assertThatThrownBy(() -> BgNbd.of(1, 1, 0.3, 0.5).expectedTransactions(1))
                .hasMessageContaining("a + b + x > 1");
        assertThatThrownBy(() -> new BgNbdFit(null, 1, 1, 1)).hasMessageContaining("model");
        assertThatThrownBy(() -> new BgNbdFit(m, Double.NaN, 1, 1)).hasMessageContaining("log-likelihood");
        assertThatThrownBy(() -> new BgNbdFit(m, -1, 0, 1)).hasMessageContaining("customers");
    }

    /**
     * P(X(t) = x) at the published estimates against the values of the R package BTYD (bgnbd.pmf), as asserted in
     * the test suite of the Python lifetimes package: 1.07869e-07 for x = 10 in (0, 2], 0.5737864 for x = 0 in
     * (0, 39] and ten values to 10 decimals for x = 11..20 in (0, 30]; each compared within half a unit of its last
     * published digit.
     */
    @Test
    void probabilityOfPurchasesMatchesBtyd() {
        BgNbd m = BgNbd.of(0.243, 4.414, 0.793, 2.426);
        assertThat(m.probabilityOfPurchases(2, 10)).isCloseTo(1.07869e-07, within(5e-13));
        assertThat(m.probabilityOfPurchases(39, 0)).isCloseTo(0.5737864, within(5e-8));
        double[] pmf = {0.0019995214, 0.0015170236, 0.0011633150, 0.0009003148, 0.0007023638, 0.0005517902,
            0.0004361913, 0.0003467171, 0.0002769613, 0.0002222260};
        for (int x = 11; x <= 20; x++) {
            assertThat(m.probabilityOfPurchases(30, x)).as("x = %d", x).isCloseTo(pmf[x - 11], within(5e-11));
        }
        // a distribution over x whose mean is E[X(t)]
        double total = 0;
        double mean = 0;
        for (int x = 0; x < 2000; x++) {
            double p = m.probabilityOfPurchases(39, x);
            total += p;
            mean += x * p;
        }
        assertThat(total).isCloseTo(1, within(1e-9));
        assertThat(mean).isCloseTo(m.expectedTransactions(39), within(1e-6));
        assertThat(m.probabilityOfPurchases(0, 0)).isEqualTo(1.0);
        assertThat(m.probabilityOfPurchases(0, 3)).isEqualTo(0.0);
        assertThatThrownBy(() -> m.probabilityOfPurchases(1, -1)).isInstanceOf(ClvException.class)
                .hasMessageContaining("number of purchases").hasMessageContaining("-1");
        assertThatThrownBy(() -> m.probabilityOfPurchases(Double.NaN, 1)).hasMessageContaining("period length");
    }

    /**
     * E[X(t)] at the maximum-likelihood estimates against Fader and Hardie's spreadsheet for the paper, as asserted
     * in the lifetimes test suite: 0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576 at t = 0.1429, 1, 3, 31.8571,
     * 32, 78 weeks. The first five agree within 5e-5 (half a unit of the fourth decimal); at t = 78 our value
     * 1.85797 is 3.7e-4 above the spreadsheet's, which lifetimes compares to three decimals only, so that point is
     * compared within 5e-4. The spreadsheet's evaluation of the slowly converging series at z = 0.95 is a likely
     * cause, not one we could confirm.
     */
    @Test
    void expectedTransactionsMatchTheSpreadsheet() {
        BgNbd m = BgNbd.fit(CDNOW[1], CDNOW[2], CDNOW[3]).model();
        double[] t = {0.1429, 1.0, 3.00, 31.8571, 32.00, 78.00};
        double[] expected = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576};
        for (int i = 0; i < t.length; i++) {
            double tolerance = t[i] < 78 ? 5e-5 : 5e-4;
            assertThat(m.expectedTransactions(t[i])).as("t = %s", t[i]).isCloseTo(expected[i], within(tolerance));
        }
    }

    @Test
    void columnsOfCustomersGiveTheValuesOfOneCustomer() {
        BgNbd m = BgNbd.of(0.243, 4.414, 0.793, 2.426);
        double[] alive = m.probabilityAlive(CDNOW[1], CDNOW[2], CDNOW[3], null);
        double[] expected = m.conditionalExpectedTransactions(39, CDNOW[1], CDNOW[2], CDNOW[3],
                new double[CDNOW[0].length + 1]);
        for (int i = 0; i < CDNOW[0].length; i++) {
            assertThat(alive[i]).isEqualTo(m.probabilityAlive(CDNOW[1][i], CDNOW[2][i], CDNOW[3][i]));
            assertThat(expected[i]).isEqualTo(m.conditionalExpectedTransactions(39, CDNOW[1][i], CDNOW[2][i],
                    CDNOW[3][i]));
        }
        // the paper's customer (x = 2, t_x = 30.43, T = 38.86): published E[Y(39)] = 1.226
        double[] one = m.conditionalExpectedTransactions(39, new double[] {2}, new double[] {30.43},
                new double[] {38.86}, null);
        assertThat(one[0]).isCloseTo(1.226, within(5e-4));
        double[] ok = {1, 2};
        assertThatThrownBy(() -> m.probabilityAlive(ok, new double[] {1, 3}, new double[] {2, 2}, null))
                .isInstanceOf(ClvException.class).hasMessageContaining("customer 1").hasMessageContaining("3");
        assertThatThrownBy(() -> m.probabilityAlive(ok, ok, ok, new double[1])).hasMessageContaining("1 places");
        assertThatThrownBy(() -> m.probabilityAlive(ok, new double[1], ok, null)).hasMessageContaining("recency");
        assertThatThrownBy(() -> m.conditionalExpectedTransactions(1, ok, ok, new double[1], null))
                .hasMessageContaining("age");
        assertThatThrownBy(() -> m.conditionalExpectedTransactions(-1, ok, ok, ok, null))
                .hasMessageContaining("period length");
        assertThatThrownBy(() -> m.probabilityAlive(null, ok, ok, null)).hasMessageContaining("null");
    }

    @Test
    void publicLogLikelihoodAtGivenParameters() {
        BgNbdFit fit = BgNbd.fit(CDNOW[1], CDNOW[2], CDNOW[3]);
        assertThat(fit.model().logLikelihood(CDNOW[1], CDNOW[2], CDNOW[3])).isEqualTo(fit.logLikelihood());
        // at the published three-decimal estimates the log-likelihood is the published -9582.4
        BgNbd published = BgNbd.of(0.243, 4.414, 0.793, 2.426);
        assertThat(published.logLikelihood(CDNOW[1], CDNOW[2], CDNOW[3])).isCloseTo(-9582.4, within(0.05))
                .isLessThanOrEqualTo(fit.logLikelihood());
        assertThatThrownBy(() -> published.logLikelihood(new double[0], new double[0], new double[0]))
                .isInstanceOf(ClvException.class).hasMessageContaining("no customers");
    }

    @Test
    void failedFitReportsLastState() {
        // every customer buys once and is never seen again while others are identical: r runs off
        double[] x = {0, 0, 0};
        double[] tx = {0, 0, 0};
        double[] age = {10, 10, 10};
        assertThatThrownBy(() -> BgNbd.fit(x, tx, age)).isInstanceOf(ClvException.class)
                .hasMessageContaining("BG/NBD fit failed").hasMessageContaining("last state");
    }
}
