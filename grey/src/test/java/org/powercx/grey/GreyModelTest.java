package org.powercx.grey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GreyModelTest {
    /** GM-04 of the reference data (greyforecasting dataset {@code owners}): fails the level-ratio test. */
    private static final double[] OWNERS = {233.32, 2876.22, 3501.39, 4574.91, 5938.71};

    @Test
    void shiftMakesAFailingSeriesAdmissible() {
        GreyModelFit report = GreyModel.withDefaults().fit(OWNERS);
        assertThat(report.isAdmissible()).isFalse();
        assertThat(report.isAdmissibleAfterShift()).isFalse();
        GreyModelFit shifted = GreyModel.withDefaults().with(LevelRatioPolicy.SHIFT).fit(OWNERS);
        assertThat(shifted.shift()).isPositive();
        assertThat(shifted.isAdmissible()).isFalse();
        assertThat(shifted.isAdmissibleAfterShift()).isTrue();
        assertThat(shifted.fitted()[0]).isCloseTo(OWNERS[0], within(1e-9));
        assertThat(shifted.series()).containsExactly(OWNERS);
        assertThat(shifted.toString()).contains("shift").contains("NOT admissible");
        // the shift is 1.1 times the smallest admissible one: at 1/1.1 of it the first ratio is on the bound
        double c = shifted.shift() / 1.1;
        assertThat((OWNERS[0] + c) / (OWNERS[1] + c)).isCloseTo(shifted.admissibleInterval()[0], within(1e-12));
        // an admissible series is not shifted
        assertThat(GreyModel.withDefaults().with(LevelRatioPolicy.SHIFT).fit(2.874, 3.278, 3.337, 3.39, 3.679)
            .shift()).isZero();
    }

    @Test
    void constantSeriesHasZeroDevelopmentCoefficient() {
        GreyModelFit fit = GreyModel.withDefaults().fit(5, 5, 5, 5);
        assertThat(fit.a()).isCloseTo(0, within(1e-15));
        assertThat(fit.fitted()).containsOnly(5.0);
        assertThat(fit.forecast(2)).containsExactly(5.0, 5.0);
        assertThat(fit.posteriorVarianceRatio()).isZero();
        assertThat(fit.accuracyGrade()).isEqualTo(AccuracyGrade.GOOD);
    }

    @Test
    void exponentialSeriesIsFittedWell() {
        double[] x = new double[8];
        for (int k = 0; k < x.length; k++) {
            x[k] = 100 * Math.exp(0.1 * k);
        }
        GreyModelFit fit = GreyModel.withDefaults().fit(x);
        assertThat(fit.a()).isCloseTo(-0.1, within(2e-3));
        assertThat(fit.mape()).isLessThan(1e-3);
        assertThat(fit.forecast(1)[0]).isCloseTo(100 * Math.exp(0.8), within(0.5));
        assertThat(fit.toString()).contains("GM(1,1)").contains("admissible").contains("GOOD");
    }

    @Test
    void gradesFollowTheThresholds() {
        assertThat(AccuracyGrade.of(0.3, 0.96)).isEqualTo(AccuracyGrade.GOOD);
        assertThat(AccuracyGrade.of(0.3, 0.9)).isEqualTo(AccuracyGrade.QUALIFIED);
        assertThat(AccuracyGrade.of(0.6, 0.75)).isEqualTo(AccuracyGrade.BARELY_QUALIFIED);
        assertThat(AccuracyGrade.of(0.7, 0.99)).isEqualTo(AccuracyGrade.UNQUALIFIED);
        assertThat(AccuracyGrade.of(Double.NaN, 1)).isEqualTo(AccuracyGrade.UNQUALIFIED);
    }

    @Test
    void discreteModelRejectsBadSeriesAndStepCounts() {
        assertThatThrownBy(() -> DiscreteGreyModel.fit(1, 2, 3)).isInstanceOf(GreyException.class)
            .hasMessageContaining("DGM(1,1)").hasMessageContaining("got 3");
        assertThatThrownBy(() -> DiscreteGreyModel.fit((double[]) null)).hasMessageContaining("got none");
        assertThatThrownBy(() -> DiscreteGreyModel.fit(1, 2, -3, 4)).hasMessageContaining("point 3 is -3.0");
        DiscreteGreyModel constant = DiscreteGreyModel.fit(2, 2, 2, 2);
        assertThat(constant.beta1()).isCloseTo(1, within(1e-12));
        assertThat(constant.fitted()).containsOnly(2.0);
        assertThat(constant.forecast(2)[1]).isCloseTo(2, within(1e-12));
        assertThatThrownBy(() -> DiscreteGreyModel.fit(1, 2, 3, 4).forecast(0)).hasMessageContaining("steps");
    }

    @Test
    void badSeriesIsRejected() {
        GreyModel gm = GreyModel.withDefaults();
        assertThatThrownBy(() -> gm.fit(1, 2, 3)).isInstanceOf(GreyException.class)
            .hasMessageContaining("at least 4 values").hasMessageContaining("got 3");
        assertThatThrownBy(() -> gm.fit((double[]) null)).hasMessageContaining("got none");
        assertThatThrownBy(() -> gm.fit(1, 2, 0, 4)).hasMessageContaining("positive")
            .hasMessageContaining("point 3 is 0.0");
        assertThatThrownBy(() -> gm.fit(1, -2, 3, 4)).hasMessageContaining("point 2 is -2.0");
        assertThatThrownBy(() -> gm.fit(1, 2, 3, Double.NaN)).hasMessageContaining("point 4 is NaN");
        assertThatThrownBy(() -> gm.with((LevelRatioPolicy) null)).hasMessageContaining("policy");
        assertThatThrownBy(() -> gm.with((ResidualRange) null)).hasMessageContaining("range");
        GreyModelFit fit = gm.fit(1, 2, 3, 4);
        assertThatThrownBy(() -> fit.forecast(0)).hasMessageContaining("steps").hasMessageContaining("0");
        assertThat(gm.levelRatioPolicy()).isEqualTo(LevelRatioPolicy.REPORT);
        assertThat(gm.residualRange()).isEqualTo(ResidualRange.ALL);
    }
}
