package org.powercx.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * BG/BB against Fader, Hardie and Shang (2010), Marketing Science 29(6):1086-1108, on the donations data
 * (donations.csv, 11104 donors, 6 opportunities, copied in src/test/resources/clv): published alpha = 1.204,
 * beta = 0.750, gamma = 0.657, delta = 2.783, LL = -33225.6; Table 6 P(alive in 2002); and the totals of Hardie's
 * spreadsheet for the paper that the lifetimes test suite asserts.
 */
class BgBbTest {
    static final double[][] DONATIONS = ClvTestData.columns("donations.csv");

    static BgBbFit fit() {
        return BgBb.fit(DONATIONS[0], DONATIONS[1], DONATIONS[2], DONATIONS[3]);
    }

    @Test
    void fitsDonationsToPublishedEstimates() {
        BgBbFit fit = fit();
        BgBb m = fit.model();
        assertThat(m.alpha()).isCloseTo(1.204, within(5e-4));
        assertThat(m.beta()).isCloseTo(0.750, within(5e-4));
        assertThat(m.gamma()).isCloseTo(0.657, within(5e-4));
        assertThat(m.delta()).isCloseTo(2.783, within(5e-4));
        assertThat(fit.logLikelihood()).isCloseTo(-33225.6, within(0.05));
        assertThat(fit.customers()).isEqualTo(11104);
        assertThat(m.logLikelihood(DONATIONS[0], DONATIONS[1], DONATIONS[2], DONATIONS[3]))
                .isCloseTo(fit.logLikelihood(), within(1e-9));
        assertThat(fit.toString()).contains("BG/BB fit", "11104", "gamma");
        assertThat(m.toString()).contains("BG/BB", "delta");
    }

    @Test
    void oneEntryPerCustomerGivesTheSameFit() {
        int total = 11104;
        double[] x = new double[total];
        double[] tx = new double[total];
        double[] n = new double[total];
        for (int row = 0, k = 0; row < DONATIONS[0].length; row++) {
            for (int c = 0; c < DONATIONS[3][row]; c++, k++) {
                x[k] = DONATIONS[0][row];
                tx[k] = DONATIONS[1][row];
                n[k] = DONATIONS[2][row];
            }
        }
        BgBbFit each = BgBb.fit(x, tx, n);
        BgBbFit grouped = fit();
        assertThat(each.customers()).isEqualTo(total);
        assertThat(each.logLikelihood()).isCloseTo(grouped.logLikelihood(), within(1e-6));
        assertThat(each.model().alpha()).isCloseTo(grouped.model().alpha(), within(1e-6));
    }

    /** Table 6 of the paper: P(alive in 2002) 0.11 (x = 0), 0.59 (x = 2, t_x = 4), 0.93 (x = 6, t_x = 6). */
    @Test
    void probabilityAliveMatchesTable6() {
        BgBb m = fit().model();
        assertThat(m.probabilityAlive(0, 0, 6)).isCloseTo(0.11, within(5e-3));
        assertThat(m.probabilityAlive(2, 4, 6)).isCloseTo(0.59, within(5e-3));
        assertThat(m.probabilityAlive(6, 6, 6)).isCloseTo(0.93, within(5e-3));
        double[] alive = m.probabilityAlive(DONATIONS[0], DONATIONS[1], DONATIONS[2], null);
        for (int i = 0; i < alive.length; i++) {
            assertThat(alive[i]).isEqualTo(m.probabilityAlive(DONATIONS[0][i], DONATIONS[1][i], DONATIONS[2][i]))
                    .isBetween(0.0, 1.0);
        }
    }

    /**
     * Hardie's spreadsheet for the paper (as asserted by lifetimes): expected repeat transactions of all donors in
     * the next 5 opportunities 12884.2 (sheet "Conditional Expectations (II)"), and expected numbers of donors with
     * 0 and 6 repeat transactions in 6 opportunities 3454.9 and 1253.1 (sheet "In-Sample Fit"). One decimal is
     * published, so each is compared within 0.05.
     */
    @Test
    void expectationsMatchTheSpreadsheet() {
        BgBb m = fit().model();
        double[] conditional = m.conditionalExpectedTransactions(5, DONATIONS[0], DONATIONS[1], DONATIONS[2], null);
        double total = 0;
        for (int i = 0; i < conditional.length; i++) {
            assertThat(conditional[i]).isEqualTo(m.conditionalExpectedTransactions(5, DONATIONS[0][i],
                    DONATIONS[1][i], DONATIONS[2][i]));
            total += conditional[i] * DONATIONS[3][i];
        }
        assertThat(total).isCloseTo(12884.2, within(0.05));
        assertThat(11104 * m.probabilityOfPurchases(6, 0)).isCloseTo(3454.9, within(0.05));
        assertThat(11104 * m.probabilityOfPurchases(6, 6)).isCloseTo(1253.1, within(0.05));
        double sum = 0;
        double mean = 0;
        for (int x = 0; x <= 6; x++) {
            sum += m.probabilityOfPurchases(6, x);
            mean += x * m.probabilityOfPurchases(6, x);
        }
        assertThat(sum).isCloseTo(1, within(1e-12));
        assertThat(mean).isCloseTo(m.expectedTransactions(6), within(1e-12));
        assertThat(m.expectedTransactions(0)).isEqualTo(0.0);
        assertThat(m.conditionalExpectedTransactions(0, 3, 5, 6)).isEqualTo(0.0);
    }

    @Test
    void likelihoodByTheDefinition() {
        BgBb m = BgBb.of(1.2, 0.75, 0.66, 2.8);
        // x = 1, t_x = 1, n = 2: alive throughout (buy, no buy), or dropped out before the second opportunity
        double direct = Math.exp(org.apache.commons.math3.special.Beta.logBeta(2.2, 1.75)
                - org.apache.commons.math3.special.Beta.logBeta(1.2, 0.75))
                * Math.exp(org.apache.commons.math3.special.Beta.logBeta(0.66, 4.8)
                - org.apache.commons.math3.special.Beta.logBeta(0.66, 2.8))
                + Math.exp(org.apache.commons.math3.special.Beta.logBeta(2.2, 0.75)
                - org.apache.commons.math3.special.Beta.logBeta(1.2, 0.75))
                * Math.exp(org.apache.commons.math3.special.Beta.logBeta(1.66, 3.8)
                - org.apache.commons.math3.special.Beta.logBeta(0.66, 2.8));
        assertThat(m.logLikelihood(1, 1, 2)).isCloseTo(Math.log(direct), within(1e-12));
    }

    @Test
    void rejectsInvalidInput() {
        BgBb m = BgBb.of(1.2, 0.75, 0.66, 2.8);
        assertThatThrownBy(() -> m.logLikelihood(3, 2, 6)).isInstanceOf(ClvException.class)
                .hasMessageContaining("frequency <= recency <= n").hasMessageContaining("recency 2.0");
        assertThatThrownBy(() -> m.logLikelihood(1, 7, 6)).hasMessageContaining("recency 7.0");
        assertThatThrownBy(() -> m.logLikelihood(7, 7, 6)).hasMessageContaining("frequency");
        assertThatThrownBy(() -> m.logLikelihood(0, 2, 6)).hasMessageContaining("recency must be 0");
        assertThatThrownBy(() -> m.logLikelihood(0, 0, 0.5)).hasMessageContaining("opportunities n");
        assertThatThrownBy(() -> m.probabilityAlive(1.5, 2, 6)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> m.probabilityOfPurchases(6, 7)).hasMessageContaining("x=7");
        assertThatThrownBy(() -> m.expectedTransactions(-1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> m.conditionalExpectedTransactions(-1, 1, 1, 2)).hasMessageContaining("-1");
        assertThatThrownBy(() -> BgBb.of(1, 1, 1, 1).expectedTransactions(3)).hasMessageContaining("gamma != 1");
        assertThatThrownBy(() -> BgBb.of(0, 1, 1, 1)).hasMessageContaining("BG/BB alpha");
        double[] one = {1};
        assertThatThrownBy(() -> BgBb.fit(one, one, one, new double[] {-1})).hasMessageContaining("count 0");
        assertThatThrownBy(() -> BgBb.fit(one, one, one, new double[] {0})).hasMessageContaining("add up");
        assertThatThrownBy(() -> BgBb.fit(one, one, one, null)).hasMessageContaining("null");
        assertThatThrownBy(() -> BgBb.fit(one, one, one, new double[2])).hasMessageContaining("customer counts");
        assertThatThrownBy(() -> BgBb.fit(new double[0], new double[0], new double[0]))
                .hasMessageContaining("no customers");
        assertThatThrownBy(() -> m.logLikelihood(one, one, one, null)).hasMessageContaining("null");
        assertThatThrownBy(() -> m.probabilityAlive(one, one, new double[2], null)).hasMessageContaining("opportunities");
        assertThatThrownBy(() -> m.probabilityAlive(null, one, one, null)).hasMessageContaining("null");
        assertThatThrownBy(() -> m.probabilityAlive(one, one, one, new double[0])).hasMessageContaining("0 places");
        assertThatThrownBy(() -> new BgBbFit(null, 1, 1, 1)).hasMessageContaining("model");
        assertThatThrownBy(() -> new BgBbFit(m, Double.NaN, 1, 1)).hasMessageContaining("log-likelihood");
        assertThatThrownBy(() -> new BgBbFit(m, -1, 0, 1)).hasMessageContaining("customers");
    }
}
