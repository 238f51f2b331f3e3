package org.powercx.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * sBG against Fader and Hardie (2007), J. Interactive Marketing 21(1):76-90, Table 1 data (copied in
 * src/test/resources/clv) and the values listed in the project's CLV reference notes: published estimates
 * alpha 0.704, beta 1.182 (regular segment, years 1-7); MLE 0.704077, 1.182043, LL -1680.2652; DEL and DERL
 * from Fader and Hardie (2010), Marketing Science 29(1):85-93.
 */
class ShiftedBetaGeometricTest {
    /** Counts alive out of 1000 at years 0..7 (calibration period) from the percentages. */
    static double[] cohort(int column, int years) {
        double[] percent = ClvTestData.columns("sbg_fader_hardie_2007_survival.csv")[column];
        double[] counts = new double[years + 1];
        for (int t = 0; t <= years; t++) {
            counts[t] = Math.round(percent[t] * 10);
        }
        return counts;
    }

    @Test
    void fitsRegularSegmentToPublishedEstimates() {
        ShiftedBetaGeometricFit fit = ShiftedBetaGeometric.fit(cohort(1, 7));
        assertThat(fit.model().alpha()).isCloseTo(0.704077, within(2e-6));
        assertThat(fit.model().beta()).isCloseTo(1.182043, within(2e-6));
        assertThat(fit.logLikelihood()).isCloseTo(-1680.2652, within(1e-4));
        assertThat(fit.customers()).isEqualTo(1000);
        // the published three-decimal estimates
        assertThat(fit.model().alpha()).isCloseTo(0.704, within(5e-4));
        assertThat(fit.model().beta()).isCloseTo(1.182, within(5e-4));
    }

    @Test
    void publicLogLikelihoodAtGivenParameters() {
        ShiftedBetaGeometricFit fit = ShiftedBetaGeometric.fit(cohort(1, 7));
        assertThat(fit.model().logLikelihood(cohort(1, 7))).isCloseTo(fit.logLikelihood(), within(1e-9));
        assertThat(ShiftedBetaGeometric.of(0.704077, 1.182043).logLikelihood(cohort(1, 7)))
                .isCloseTo(-1680.2652, within(1e-4));
        // two cohorts add their log-likelihoods
        ShiftedBetaGeometric m = ShiftedBetaGeometric.of(0.7, 1.2);
        double[] younger = {500, 320, 240};
        assertThat(m.logLikelihood(cohort(1, 7), younger))
                .isCloseTo(m.logLikelihood(cohort(1, 7)) + m.logLikelihood(younger), within(1e-9));
        // by the definition: 1000 customers, 369 lost in year 1 and 631 alive
        double direct = 369 * Math.log(0.7 / 1.9) + 631 * Math.log(1.2 / 1.9);
        assertThat(m.logLikelihood(new double[] {1000, 631})).isCloseTo(direct, within(1e-9));
        assertThatThrownBy(() -> m.logLikelihood(new double[] {100, 120})).isInstanceOf(ClvException.class)
                .hasMessageContaining("t = 1").hasMessageContaining("120");
    }

    @Test
    void projectsPercentAliveOutOfSample() {
        ShiftedBetaGeometric m = ShiftedBetaGeometric.fit(cohort(1, 7)).model();
        double[] expected = {100, 62.67, 47.38, 38.80, 33.21, 29.23, 26.25, 23.90, 22.01, 20.44, 19.12, 17.99,
            17.00};
        double[] s = m.survivalCurve(12);
        for (int t = 0; t <= 12; t++) {
            assertThat(100 * s[t]).as("year %d", t).isCloseTo(expected[t], within(0.005));
            assertThat(m.survival(t)).isCloseTo(s[t], within(1e-15));
        }
    }

    @Test
    void expectedLifetimeIsInfiniteWhenAlphaAtMostOne() {
        ShiftedBetaGeometric m = ShiftedBetaGeometric.fit(cohort(1, 7)).model();
        assertThat(m.hasFiniteExpectedLifetime()).isFalse();
        assertThat(m.expectedLifetime()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(m.discountedExpectedLifetime(0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(m.discountedExpectedResidualLifetime(0, 3)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(m.toString()).contains("infinite (alpha <= 1)");
        assertThat(ShiftedBetaGeometric.of(1, 2).expectedLifetime()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void finiteExpectedLifetimeMatchesSumOfSurvival() {
        ShiftedBetaGeometric m = ShiftedBetaGeometric.of(3.5, 2.0);
        // E[T] = sum_{t>=0} S(t) = (a+b-1)/(a-1)
        double sum = Arrays.stream(m.survivalCurve(1000)).sum();
        double tail = 0;
        for (int t = 1001; t < 100_000; t++) {
            tail += m.survival(t);
        }
        assertThat(sum + tail).isCloseTo(m.expectedLifetime(), within(1e-6));
        assertThat(m.expectedLifetime()).isCloseTo(4.5 / 2.5, within(1e-15));
        assertThat(m.discountedExpectedLifetime(0)).isEqualTo(m.expectedLifetime());
        assertThat(m.discountedExpectedResidualLifetime(0, 2)).isCloseTo(4.0 / 2.5, within(1e-15));
        assertThat(m.toString()).contains("1.8");
    }

    @Test
    void discountedLifetimesMatchFaderHardie2010() {
        ShiftedBetaGeometric m = ShiftedBetaGeometric.of(0.704077, 1.182043);
        assertThat(m.discountedExpectedLifetime(0.10)).isCloseTo(3.694909, within(2e-6));
        assertThat(m.discountedExpectedResidualLifetime(0.10, 0)).isCloseTo(2.964399, within(2e-6));
        assertThat(m.discountedExpectedResidualLifetime(0.10, 1)).isCloseTo(4.103140, within(2e-6));
        assertThat(m.discountedExpectedResidualLifetime(0.10, 2)).isCloseTo(4.869805, within(2e-6));
    }

    @Test
    void discountedLifetimeEqualsDiscountedSurvivalSum() {
        ShiftedBetaGeometric m = ShiftedBetaGeometric.of(1.7, 4.2);
        double d = 0.08;
        double[] s = m.survivalCurve(2000);
        double del = 0;
        double derl = 0;
        int k = 4;
        for (int t = 0; t <= 2000; t++) {
            del += s[t] / Math.pow(1 + d, t);
            if (t > k) {
                // residual payments at renewals k+1, k+2, ... discounted to the decision at k+1
                derl += s[t] / s[k] / Math.pow(1 + d, t - k - 1);
            }
        }
        assertThat(m.discountedExpectedLifetime(d)).isCloseTo(del, within(1e-10));
        assertThat(m.discountedExpectedResidualLifetime(d, k)).isCloseTo(derl, within(1e-10));
    }

    @Test
    void churnAndRetentionAreConsistentWithSurvival() {
        ShiftedBetaGeometric m = ShiftedBetaGeometric.of(0.704, 1.182);
        assertThat(m.churnProbability(1)).isCloseTo(0.704 / (0.704 + 1.182), within(1e-15));
        double[] r = m.retentionCurve(20);
        for (int t = 1; t <= 20; t++) {
            assertThat(m.churnProbability(t)).isCloseTo(m.survival(t - 1) - m.survival(t), within(1e-15));
            assertThat(r[t - 1]).isCloseTo(m.survival(t) / m.survival(t - 1), within(1e-14));
            assertThat(m.retentionRate(t)).isEqualTo(r[t - 1]);
        }
        assertThat(r[19]).isGreaterThan(r[0]);
        // the log-beta path for long horizons agrees with the product
        double[] curve = m.survivalCurve(1500);
        assertThat(m.survival(1500)).isCloseTo(curve[1500], within(1e-12));
    }

    @Test
    void fitsSeveralCohortsJointly() {
        double[] older = cohort(2, 7);
        double[] younger = Arrays.copyOf(cohort(2, 7), 4);
        ShiftedBetaGeometricFit joint = ShiftedBetaGeometric.fit(older, younger);
        ShiftedBetaGeometricFit single = ShiftedBetaGeometric.fit(older);
        assertThat(joint.customers()).isEqualTo(2000);
        // the joint likelihood at the joint optimum beats the single-cohort estimates
        double[] lost = new double[8];
        double[] end = new double[8];
        for (double[] n : new double[][] {older, younger}) {
            for (int t = 1; t < n.length; t++) {
                lost[t] += n[t - 1] - n[t];
            }
            end[n.length - 1] += n[n.length - 1];
        }
        double atSingle = ShiftedBetaGeometricFit.logLikelihood(single.model().alpha(), single.model().beta(),
                lost, end);
        assertThat(joint.logLikelihood()).isGreaterThanOrEqualTo(atSingle);
        assertThat(joint.model().alpha()).isNotCloseTo(single.model().alpha(), within(1e-6));
        assertThat(joint.toString()).contains("log-likelihood", "alpha", "2000");
    }

    @Test
    void rejectsInvalidCohorts() {
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit(new double[] {1000, 600, 700}))
                .isInstanceOf(ClvException.class).hasMessageContaining("non-increasing")
                .hasMessageContaining("t = 2").hasMessageContaining("700");
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit(new double[] {1000, Double.NaN}))
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit(new double[] {0, 0}))
                .hasMessageContaining("t = 0");
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit(new double[] {100}))
                .hasMessageContaining("cohort 0");
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit(new double[] {100, 50}, null))
                .hasMessageContaining("cohort 1");
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit(new double[] {100, -1}))
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit()).hasMessageContaining("at least one cohort");
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit((double[][]) null))
                .hasMessageContaining("at least one cohort");
    }

    @Test
    void failedFitReportsLastState() {
        // nobody ever churns: beta runs to infinity
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit(new double[] {100, 100, 100}))
                .isInstanceOf(ClvException.class).hasMessageContaining("sBG fit failed")
                .hasMessageContaining("last state").hasMessageContaining("beta=");
    }

    @Test
    void rejectsInvalidParametersAndArguments() {
        assertThatThrownBy(() -> ShiftedBetaGeometric.of(0, 1)).isInstanceOf(ClvException.class)
                .hasMessageContaining("alpha").hasMessageContaining("0");
        assertThatThrownBy(() -> ShiftedBetaGeometric.of(1, Double.NaN)).hasMessageContaining("beta");
        ShiftedBetaGeometric m = ShiftedBetaGeometric.of(1, 1);
        assertThatThrownBy(() -> m.churnProbability(0)).hasMessageContaining("churn period");
        assertThatThrownBy(() -> m.survival(-1)).hasMessageContaining("survival period");
        assertThatThrownBy(() -> m.survivalCurve(-1)).hasMessageContaining("periods");
        assertThatThrownBy(() -> m.retentionRate(0)).hasMessageContaining("retention period");
        assertThatThrownBy(() -> m.retentionCurve(0)).hasMessageContaining("periods");
        assertThatThrownBy(() -> m.discountedExpectedLifetime(-0.1)).hasMessageContaining("discount rate");
        assertThatThrownBy(() -> m.discountedExpectedResidualLifetime(0.1, -1)).hasMessageContaining("renewals");
        assertThatThrownBy(() -> m.discountedExpectedLifetime(1e-300)).hasMessageContaining("did not converge");
        assertThatThrownBy(() -> new ShiftedBetaGeometricFit(null, -1, 1, 1)).hasMessageContaining("model");
        assertThatThrownBy(() -> new ShiftedBetaGeometricFit(m, 1, 1, 1)).hasMessageContaining("log-likelihood");
        assertThatThrownBy(() -> new ShiftedBetaGeometricFit(m, -1, 0, 1)).hasMessageContaining("customers");
        assertThatThrownBy(() -> new ShiftedBetaGeometricFit(m, -1, 1, -1)).hasMessageContaining("evaluations");
    }
}
