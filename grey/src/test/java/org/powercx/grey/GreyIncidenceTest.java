package org.powercx.grey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GreyIncidenceTest {
    private static final GreyIncidence GI = GreyIncidence.withDefaults();

    @Test
    void parallelSequencesHaveAbsoluteDegreeOne() {
        assertThat(GI.absolute(new double[] {1, 2, 4, 7}, new double[] {11, 12, 14, 17})).isEqualTo(1.0);
        // s0 = 1 + 3 + 3 = 7, s1 = 0: (1 + 7) / (1 + 7 + 7)
        assertThat(GI.absolute(new double[] {1, 2, 4, 7}, new double[] {5, 5, 5, 5})).isCloseTo(8.0 / 15, within(1e-15));
    }

    @Test
    void dengWithoutOperatorAndIdenticalSequences() {
        double[] x0 = {1, 2, 3};
        assertThat(GI.with(SequenceOperator.NONE).deng(x0, x0.clone(), x0.clone())).containsExactly(1.0, 1.0);
        // Delta = (0, 1, 2): Delta-max 2, xi = 1 / (Delta + 1) -> (1 + 1/2 + 1/3) / 3
        double[] d = GI.with(SequenceOperator.NONE).deng(x0, new double[] {1, 1, 1});
        assertThat(d[0]).isCloseTo((1 + 0.5 + 1.0 / 3) / 3, within(1e-15));
        assertThat(GI.withDistinguishingCoefficient(1).with(SequenceOperator.NONE).deng(x0, new double[] {1, 1, 1})[0])
            .isCloseTo((1 + 2.0 / 3 + 0.5) / 3, within(1e-15));
        assertThat(GI.operator()).isEqualTo(SequenceOperator.INITIAL_VALUE);
        assertThat(GI.distinguishingCoefficient()).isEqualTo(0.5);
    }

    @Test
    void badInputIsRejected() {
        double[] x0 = {1, 2, 3};
        assertThatThrownBy(() -> GI.withDistinguishingCoefficient(0)).isInstanceOf(GreyException.class)
            .hasMessageContaining("rho");
        assertThatThrownBy(() -> GI.with((SequenceOperator) null)).hasMessageContaining("operator");
        assertThatThrownBy(() -> GI.deng(x0)).hasMessageContaining("at least one comparison");
        assertThatThrownBy(() -> GI.deng(new double[0], x0)).hasMessageContaining("'reference'")
            .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> GI.deng(x0, new double[] {1, 2})).hasMessageContaining("'comparison 1' has 2 values")
            .hasMessageContaining("reference has 3");
        assertThatThrownBy(() -> GI.deng(x0, new double[] {1, Double.NaN, 2})).hasMessageContaining("point 2")
            .hasMessageContaining("NaN");
        assertThatThrownBy(() -> GI.deng(x0, new double[] {0, 1, 2})).hasMessageContaining("'comparison 1'")
            .hasMessageContaining("INITIAL_VALUE operator divides by 0");
        assertThatThrownBy(() -> GI.with(SequenceOperator.MEAN).deng(x0, new double[] {-1, 0, 1}))
            .hasMessageContaining("MEAN operator divides by 0");
        assertThatThrownBy(() -> GI.absolute(new double[] {1}, new double[] {1})).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> GI.absolute(x0, null)).hasMessageContaining("'comparison'");
        assertThatThrownBy(() -> GI.absolute(x0, new double[] {1, 2, Double.POSITIVE_INFINITY}))
            .hasMessageContaining("Infinity");
    }

    @Test
    void absoluteDegreeIsExactlySymmetric() {
        // areas 0.1 and 0.2: (1 + 0.1) + 0.2 and (1 + 0.2) + 0.1 differ in the last bit, so the sum of the two
        // areas is formed first
        double[] x = {0, 0.2};
        double[] z = {0, 0.4};
        GreyIncidence gi = GreyIncidence.withDefaults();
        assertThat(gi.absolute(x, z)).isEqualTo(gi.absolute(z, x));
    }
}
