package org.powercx.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * Gamma-Gamma against Fader and Hardie (2013), The Gamma-Gamma model of monetary value (note 025), on the 946
 * CDNOW repeat customers (cdnow_customers_summary_with_transactions.csv, copied in src/test/resources/clv):
 * published p = 6.25, q = 3.74, v = 15.44. The likelihood is flat along a ridge in v, so v is compared within
 * 0.05 and the log-likelihood at our optimum must not be below its value at the published estimates.
 */
class GammaGammaTest {
    static final double[][] DATA = ClvTestData.columns("cdnow_customers_summary_with_transactions.csv");

    @Test
    void fitsCdnowToPublishedEstimates() {
        GammaGammaFit fit = GammaGamma.fit(DATA[1], DATA[4]);
        GammaGamma m = fit.model();
        assertThat(fit.customers()).isEqualTo(946);
        assertThat(m.p()).isCloseTo(6.25, within(0.005));
        assertThat(m.q()).isCloseTo(3.74, within(0.005));
        assertThat(m.v()).isCloseTo(15.44, within(0.05));
        double atPublished = logLikelihood(GammaGamma.of(6.25, 3.74, 15.44));
        assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(atPublished).isCloseTo(atPublished, within(0.01));
        assertThat(fit.logLikelihood()).isCloseTo(logLikelihood(m), within(1e-8));
        assertThat(fit.toString()).contains("Gamma-Gamma fit", "946");
    }

    @Test
    void publicLogLikelihoodAtGivenParameters() {
        GammaGammaFit fit = GammaGamma.fit(DATA[1], DATA[4]);
        assertThat(fit.model().logLikelihood(DATA[1], DATA[4])).isEqualTo(fit.logLikelihood());
        GammaGamma published = GammaGamma.of(6.25, 3.74, 15.44);
        double sum = 0;
        for (int i = 0; i < DATA[0].length; i++) {
            sum += published.logLikelihood(DATA[1][i], DATA[4][i]);
        }
        assertThat(published.logLikelihood(DATA[1], DATA[4])).isCloseTo(sum, within(1e-8))
                .isCloseTo(logLikelihood(published), within(1e-8));
        assertThat(published.logLikelihood(0, 0)).isEqualTo(0.0);
        assertThatThrownBy(() -> published.logLikelihood(new double[] {0}, new double[] {0}))
                .isInstanceOf(ClvException.class).hasMessageContaining("at least one repeat transaction");
        assertThatThrownBy(() -> published.logLikelihood(1.5, 3)).hasMessageContaining("1.5");
    }

    /**
     * E[Z | x, zbar] at the maximum-likelihood estimates for the first ten CDNOW customers against Fader and
     * Hardie's spreadsheet for note 025, as asserted in the lifetimes test suite. The spreadsheet's values are cut,
     * not rounded, to two decimals (24.6586 appears as 24.65), so they are compared within 0.01.
     */
    @Test
    void conditionalExpectedSpendMatchesTheSpreadsheet() {
        GammaGamma published = GammaGamma.fit(DATA[1], DATA[4]).model();
        double[] expected = {24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17};
        for (int i = 0; i < expected.length; i++) {
            assertThat(published.conditionalExpectedSpend(DATA[1][i], DATA[4][i])).as("customer %d", i + 1)
                    .isCloseTo(expected[i], within(0.01));
        }
    }

    /** The log-likelihood by the density formula, one customer at a time. */
    static double logLikelihood(GammaGamma m) {
        double ll = 0;
        for (int i = 0; i < DATA[0].length; i++) {
            double x = DATA[1][i];
            double z = DATA[4][i];
            if (x > 0) {
                double px = m.p() * x;
                ll += Gamma.logGamma(px + m.q()) - Gamma.logGamma(px) - Gamma.logGamma(m.q())
                        + m.q() * Math.log(m.v()) + (px - 1) * Math.log(z) + px * Math.log(x)
                        - (px + m.q()) * Math.log(m.v() + x * z);
            }
        }
        return ll;
    }

    @Test
    void conditionalSpendIsAWeightedMean() {
        GammaGamma m = GammaGamma.of(6.25, 3.74, 15.44);
        double population = 6.25 * 15.44 / 2.74;
        assertThat(m.meanSpend()).isCloseTo(population, within(1e-12));
        double x = 2;
        double z = 22.35;
        double w = (m.q() - 1) / (m.p() * x + m.q() - 1);
        assertThat(m.conditionalExpectedSpend(x, z)).isCloseTo(w * population + (1 - w) * z, within(1e-12));
        assertThat(m.conditionalExpectedSpend(0, 0)).isCloseTo(population, within(1e-12));
        assertThat(GammaGamma.of(1, 0.5, 1).meanSpend()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(GammaGamma.of(1, 0.5, 1).conditionalExpectedSpend(0, 0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(m.toString()).contains("mean spend");
    }

    @Test
    void rejectsInvalidInput() {
        assertThatThrownBy(() -> GammaGamma.fit(new double[] {1, 2}, new double[] {3}))
                .isInstanceOf(ClvException.class).hasMessageContaining("mean spend has 1");
        assertThatThrownBy(() -> GammaGamma.fit(new double[] {1, 2}, new double[] {3, Double.NaN}))
                .hasMessageContaining("customer 1").hasMessageContaining("NaN");
        assertThatThrownBy(() -> GammaGamma.fit(new double[] {1, 2}, new double[] {3, 0}))
                .hasMessageContaining("customer 1").hasMessageContaining("positive when frequency");
        assertThatThrownBy(() -> GammaGamma.fit(new double[] {0.5}, new double[] {3}))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> GammaGamma.fit(new double[] {0, 0}, new double[] {0, 0}))
                .hasMessageContaining("at least one repeat transaction");
        assertThatThrownBy(() -> GammaGamma.fit(null, null)).hasMessageContaining("null");
        assertThatThrownBy(() -> GammaGamma.of(0, 1, 1)).hasMessageContaining("Gamma-Gamma p");
        assertThatThrownBy(() -> GammaGamma.of(1, 1, -1)).hasMessageContaining("Gamma-Gamma v");
        assertThatThrownBy(() -> GammaGamma.of(1, 2, 1).conditionalExpectedSpend(-1, 1))
                .hasMessageContaining("frequency");
        GammaGamma m = GammaGamma.of(1, 2, 3);
        assertThatThrownBy(() -> new GammaGammaFit(null, 1, 1, 1)).hasMessageContaining("model");
        assertThatThrownBy(() -> new GammaGammaFit(m, Double.NaN, 1, 1)).hasMessageContaining("log-likelihood");
        assertThatThrownBy(() -> new GammaGammaFit(m, -1, 0, 1)).hasMessageContaining("customers");
    }
}
