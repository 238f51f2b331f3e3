package org.powercx.ahp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AhpTest {
    @Test
    void configurationIsImmutable() {
        Ahp base = Ahp.withDefaults();
        Ahp geo = base.with(PriorityMethod.GEOMETRIC_MEAN).with(RandomIndex.DONEGAN_DODD)
            .withConsistencyThreshold(0.05);
        assertThat(base.priorityMethod()).isEqualTo(PriorityMethod.EIGENVECTOR);
        assertThat(base.randomIndex()).isEqualTo(RandomIndex.SAATY_1980);
        assertThat(base.consistencyThreshold()).isEqualTo(0.1);
        assertThat(geo.priorityMethod()).isEqualTo(PriorityMethod.GEOMETRIC_MEAN);
        assertThat(geo.randomIndex()).isEqualTo(RandomIndex.DONEGAN_DODD);
        assertThat(geo.consistencyThreshold()).isEqualTo(0.05);
        assertThat(geo.toString()).contains("GEOMETRIC_MEAN").contains("DONEGAN_DODD");
    }

    @Test
    void badConfigurationIsRejected() {
        assertThatThrownBy(() -> Ahp.withDefaults().withConsistencyThreshold(Double.NaN))
            .isInstanceOf(AhpException.class).hasMessageContaining("consistency threshold").hasMessageContaining("NaN");
        assertThatThrownBy(() -> Ahp.withDefaults().withConsistencyThreshold(-0.1)).hasMessageContaining("-0.1");
        assertThatThrownBy(() -> Ahp.withDefaults().with((PriorityMethod) null)).hasMessageContaining("priority method");
        assertThatThrownBy(() -> Ahp.withDefaults().with((RandomIndex) null)).hasMessageContaining("random index");
        assertThatThrownBy(() -> Ahp.withDefaults().evaluate(null)).hasMessageContaining("pairwise matrix is null");
    }

    @Test
    void thresholdDecidesAcceptability() {
        // Style node of the car example: CR (Saaty 1980) 0.101989 per refdata AHP-03
        PairwiseMatrix style = PairwiseMatrix.fromUpperTriangle(List.of("s", "h", "p", "c", "e", "o"),
            1, 7, 5, 9, 6, 7, 5, 9, 6, 1 / 6.0, 3, 1 / 3.0, 7, 5, 1 / 5.0);
        AhpResult r = Ahp.withDefaults().evaluate(style);
        assertThat(r.consistencyRatio()).isCloseTo(0.10198893731, within(1e-9));
        assertThat(r.isAcceptable()).isFalse();
        assertThat(r.toString()).contains("NOT acceptable");
        assertThat(Ahp.withDefaults().withConsistencyThreshold(0.11).evaluate(style).isAcceptable()).isTrue();
    }

    @Test
    void orderBeyondTheTableIsRejected() {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < 16; k++) {
            names.add("c" + k);
        }
        double[] upper = new double[16 * 15 / 2];
        java.util.Arrays.fill(upper, 1);
        PairwiseMatrix m = PairwiseMatrix.fromUpperTriangle(names, upper);
        assertThatThrownBy(() -> Ahp.withDefaults().evaluate(m)).isInstanceOf(AhpException.class)
            .hasMessageContaining("SAATY_1980").hasMessageContaining("n = 16");
        assertThat(Ahp.withDefaults().with(RandomIndex.ALONSO_LAMATA).evaluate(m).consistencyRatio()).isZero();
    }

    @Test
    void gciOfTheGeometricMethodMatchesItsDefinition() {
        // GCI = 2/((n-1)(n-2)) sum_{i<j} ln^2(a_ij w_j / w_i) with w the row geometric means; for n = 3 the
        // three log errors are equal up to sign: ln e = (ln a12 + ln a23 - ln a13)/3
        PairwiseMatrix m = PairwiseMatrix.fromUpperTriangle(List.of("x", "y", "z"), 2, 8, 3);
        AhpResult r = Ahp.withDefaults().with(PriorityMethod.GEOMETRIC_MEAN).evaluate(m);
        double e = (Math.log(2) + Math.log(3) - Math.log(8)) / 3;
        assertThat(r.geometricConsistencyIndex()).isCloseTo(3 * e * e, within(1e-14));
        assertThat(r.isGciAcceptable()).isTrue();
        assertThat(AhpResult.gciThreshold(3)).isEqualTo(0.31);
        assertThat(AhpResult.gciThreshold(4)).isEqualTo(0.35);
        assertThat(AhpResult.gciThreshold(9)).isEqualTo(0.37);
        assertThat(AhpResult.gciThreshold(2)).isInfinite();
        assertThatThrownBy(() -> AhpResult.gciThreshold(0)).hasMessageContaining("n = 0");
    }

    @Test
    void resultValidatesItsComponents() {
        AhpResult r = Ahp.withDefaults().evaluate(PairwiseMatrix.fromUpperTriangle(List.of("a", "b"), 3));
        assertThat(r.weights().values()).containsExactly(new double[] {0.75, 0.25}, within(1e-15));
        assertThat(r.toString()).contains("criterion").contains("0.75").contains("acceptable");
        PairwiseMatrix m = r.matrix();
        assertThatThrownBy(() -> new AhpResult(m, r.weights(), Double.NaN, 0, 0, 0, PriorityMethod.EIGENVECTOR, 0.1))
            .isInstanceOf(AhpException.class).hasMessageContaining("lambda max");
        assertThatThrownBy(() -> new AhpResult(m, null, 2, 0, 0, 0, PriorityMethod.EIGENVECTOR, 0.1))
            .hasMessageContaining("weights is null");
        assertThatThrownBy(() -> new AhpResult(null, r.weights(), 2, 0, 0, 0, PriorityMethod.EIGENVECTOR, 0.1))
            .hasMessageContaining("matrix is null");
        assertThatThrownBy(() -> new AhpResult(m, r.weights(), 2, -1, 0, 0, PriorityMethod.EIGENVECTOR, 0.1))
            .hasMessageContaining("consistency index");
        assertThatThrownBy(() -> new AhpResult(PairwiseMatrix.fromUpperTriangle(List.of("x", "y"), 3), r.weights(), 2,
            0, 0, 0, PriorityMethod.EIGENVECTOR, 0.1)).hasMessageContaining("weights over [a, b] do not match the "
            + "matrix over [x, y]");
    }
}
