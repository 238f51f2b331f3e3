package org.powercx.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pareto/NBD on the 2357 CDNOW customers (cdnow_customers_summary.csv) against Fader, Hardie and Lee (2005), RFM
 * and CLV, J. Marketing Research 42(4):415-430, and Fader and Hardie's Pareto/NBD note, as asserted by the
 * lifetimes test suite: r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669 (three decimals), LL -9594.98; and
 * the BTYD walkthrough (R package BTYD): P(alive | x = 26, t_x = 30.86, T = 31) = 0.9979 at r = 0.5534,
 * alpha = 10.5802, s = 0.6061, beta = 11.6562, and E[Y(52)] = 25.46 for that customer.
 */
class ParetoNbdTest {
    static final double[][] CDNOW = BgNbdTest.CDNOW;
    static ParetoNbdFit fit;

    @BeforeAll
    static void fitOnce() {
        fit = ParetoNbd.fit(CDNOW[1], CDNOW[2], CDNOW[3]);
    }

    /**
     * r, alpha and s agree within 5e-4. beta lies along a flat direction of the likelihood: ours is 11.6679,
     * 1.1e-3 below the published 11.669, while our log-likelihood is not below the one at the published
     * estimates, so beta is compared within 2e-3 and the log-likelihood within the published 0.005.
     */
    @Test
    void fitsCdnowToPublishedEstimates() {
        ParetoNbd m = fit.model();
        assertThat(m.r()).isCloseTo(0.553, within(5e-4));
        assertThat(m.alpha()).isCloseTo(10.578, within(5e-4));
        assertThat(m.s()).isCloseTo(0.606, within(5e-4));
        assertThat(m.beta()).isCloseTo(11.669, within(2e-3));
        assertThat(fit.logLikelihood()).isCloseTo(-9594.98, within(0.01));
        double atPublished = ParetoNbd.of(0.553, 10.578, 0.606, 11.669).logLikelihood(CDNOW[1], CDNOW[2], CDNOW[3]);
        assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(atPublished);
        assertThat(m.logLikelihood(CDNOW[1], CDNOW[2], CDNOW[3])).isEqualTo(fit.logLikelihood());
        assertThat(fit.customers()).isEqualTo(2357);
        assertThat(fit.toString()).contains("Pareto/NBD fit", "2357");
        assertThat(m.toString()).contains("Pareto/NBD", "beta");
    }

    /**
     * P(alive) at the walkthrough's parameters within 5e-5 (four decimals published). E[Y(52)] = 25.46 is compared
     * within 5e-3 at our optimum (25.4566); at the walkthrough's parameters we get 25.4549, which would print as
     * 25.45, so the walkthrough's figure was probably computed at slightly different estimates.
     */
    @Test
    void matchesTheBtydWalkthrough() {
        ParetoNbd btyd = ParetoNbd.of(0.5534, 10.5802, 0.6061, 11.6562);
        assertThat(btyd.probabilityAlive(26, 30.86, 31)).isCloseTo(0.9979, within(5e-5));
        assertThat(fit.model().conditionalExpectedTransactions(52, 26, 30.86, 31)).isCloseTo(25.46, within(5e-3));
    }

    /** The likelihood of one history by numerical integration over the lifetime, against the closed form. */
    @Test
    void likelihoodAgreesWithNumericalIntegration() {
        for (ParetoNbd m : new ParetoNbd[] {ParetoNbd.of(0.55, 10.58, 0.61, 11.67), ParetoNbd.of(0.8, 3, 1.5, 9),
            ParetoNbd.of(2, 9, 0.7, 2)}) {
            double x = 3;
            double tx = 12;
            double age = 30;
            // L = E over lambda, mu of [lambda^x e^{-(lambda+mu)T} + int_{tx}^{T} lambda^x e^{-lambda tau} mu
            // e^{-mu tau} dtau]; taking the gamma expectations in lambda and mu first leaves
            // Gamma(r+x)alpha^r beta^s/Gamma(r) [(alpha+T)^-(r+x)(beta+T)^-s
            //   + int_{tx}^{T} s (alpha+tau)^-(r+x) (beta+tau)^-(s+1) dtau], integrated here numerically
            double front = Math.exp(Gamma.logGamma(m.r() + x) - Gamma.logGamma(m.r()) + m.r() * Math.log(m.alpha())
                    + m.s() * Math.log(m.beta()));
            double integral = new IterativeLegendreGaussIntegrator(32, 1e-13, 1e-13).integrate(10_000,
                    tau -> m.s() * Math.pow(m.alpha() + tau, -(m.r() + x)) * Math.pow(m.beta() + tau, -(m.s() + 1)),
                    tx, age);
            double direct = front * (Math.pow(m.alpha() + age, -(m.r() + x)) * Math.pow(m.beta() + age, -m.s())
                    + integral);
            assertThat(m.logLikelihood(x, tx, age)).as("%s", m).isCloseTo(Math.log(direct), within(1e-9));
        }
    }

    @Test
    void expectationsAndLimits() {
        ParetoNbd m = ParetoNbd.of(0.55, 10.58, 0.61, 11.67);
        assertThat(m.expectedTransactions(0)).isZero();
        double t = 1e-6;
        assertThat(m.expectedTransactions(t) / t).isCloseTo(m.r() / m.alpha(), within(1e-6));
        // a customer who has just arrived behaves as a new one
        assertThat(m.conditionalExpectedTransactions(39, 0, 0, 1e-9)).isCloseTo(m.expectedTransactions(39),
                within(1e-7));
        assertThat(m.probabilityAlive(20, 2, 38.86)).isLessThan(1e-3);
        assertThat(m.probabilityAlive(20, 38.8, 38.86)).isGreaterThan(0.99);
        assertThat(m.probabilityAlive(0, 0, 38.86)).isBetween(0.0, 1.0);
        assertThat(m.probabilityAlive(5, 38.86, 38.86)).isEqualTo(1.0);
    }

    @Test
    void rejectsInvalidInput() {
        ParetoNbd m = ParetoNbd.of(0.55, 10.58, 0.61, 11.67);
        assertThatThrownBy(() -> m.probabilityAlive(1, 5, 4)).isInstanceOf(ClvException.class)
                .hasMessageContaining("recency");
        assertThatThrownBy(() -> m.expectedTransactions(-1)).hasMessageContaining("period length");
        assertThatThrownBy(() -> ParetoNbd.of(1, 1, 1, 2).expectedTransactions(1)).hasMessageContaining("s != 1");
        assertThatThrownBy(() -> ParetoNbd.of(1, 1, 1, 2).conditionalExpectedTransactions(1, 1, 1, 2))
                .hasMessageContaining("s != 1");
        assertThatThrownBy(() -> ParetoNbd.of(1, 0, 1, 2)).hasMessageContaining("Pareto/NBD alpha");
        assertThatThrownBy(() -> ParetoNbd.fit(new double[0], new double[0], new double[0]))
                .hasMessageContaining("no customers");
        assertThatThrownBy(() -> new ParetoNbdFit(null, 1, 1, 1)).hasMessageContaining("model");
        assertThatThrownBy(() -> new ParetoNbdFit(m, Double.NaN, 1, 1)).hasMessageContaining("log-likelihood");
        assertThatThrownBy(() -> new ParetoNbdFit(m, -1, 0, 1)).hasMessageContaining("customers");
    }
}
