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
