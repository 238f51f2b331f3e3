package org.powercx.ahp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairwiseMatrixTest {
    private static final List<String> NAMES = List.of("cost", "quality", "service");

    @Test
    void upperTriangleFillsDiagonalAndReciprocals() {
        PairwiseMatrix m = PairwiseMatrix.fromUpperTriangle(NAMES, 3, 5, 2);
        assertThat(m.size()).isEqualTo(3);
        assertThat(m.get("quality", "cost")).isEqualTo(1.0 / 3);
        assertThat(m.get(2, 1)).isEqualTo(0.5);
        assertThat(m.get(1, 1)).isEqualTo(1.0);
        assertThat(m.toArray()[0]).containsExactly(1, 3, 5);
        assertThat(m).isEqualTo(PairwiseMatrix.of(NAMES, m.toArray()));
        assertThat(m.hashCode()).isEqualTo(PairwiseMatrix.of(NAMES, m.toArray()).hashCode());
        assertThat(m.toString()).contains("quality").contains("0.333333");
        assertThat(m.isSaatyScale()).isTrue();
        assertThat(m.requireSaatyScale()).isSameAs(m);
    }

    @Test
    void accessorsReturnCopies() {
        PairwiseMatrix m = PairwiseMatrix.fromUpperTriangle(NAMES, 3, 5, 2);
        double[][] copy = m.toArray();
        copy[0][1] = 99;
        assertThat(m.get(0, 1)).isEqualTo(3);
        double[][] input = {{1, 2}, {0.5, 1}};
        PairwiseMatrix p = PairwiseMatrix.of(List.of("a", "b"), input);
        input[0][1] = 7;
        assertThat(p.get(0, 1)).isEqualTo(2);
    }

    @Test
    void withReplacesAJudgmentAndItsReciprocal() {
        PairwiseMatrix m = PairwiseMatrix.fromUpperTriangle(NAMES, 3, 5, 2).with("service", "cost", 4);
        assertThat(m.get("service", "cost")).isEqualTo(4);
        assertThat(m.get("cost", "service")).isEqualTo(0.25);
        assertThatThrownBy(() -> m.with("cost", "cost", 2)).isInstanceOf(AhpException.class)
            .hasMessageContaining("diagonal");
        assertThatThrownBy(() -> m.with("cost", "price", 2)).hasMessageContaining("unknown criterion 'price'");
        assertThatThrownBy(() -> m.with("cost", "quality", -2))
            .hasMessageContaining("a[cost][quality]").hasMessageContaining("-2.0");
    }

    @Test
    void nonReciprocalPairIsNamedWithExpectedValue() {
        double[][] a = {{1, 3, 5}, {0.5, 1, 2}, {0.2, 0.5, 1}};
        assertThatThrownBy(() -> PairwiseMatrix.of(NAMES, a)).isInstanceOf(AhpException.class)
            .hasMessageContaining("a[cost][quality] = 3 but a[quality][cost] = 0.5, expected 0.3333");
    }

    @Test
    void reciprocityWithinRelativeToleranceIsAccepted() {
        double[][] a = {{1, 3}, {1 / 3.0 * (1 + 5e-10), 1}};
        assertThat(PairwiseMatrix.of(List.of("x", "y"), a).get(1, 0)).isCloseTo(1 / 3.0, within(1e-9));
        double[][] b = {{1, 3}, {1 / 3.0 * (1 + 5e-9), 1}};
        assertThatThrownBy(() -> PairwiseMatrix.of(List.of("x", "y"), b)).hasMessageContaining("not reciprocal");
    }

    @Test
    void badEntriesAreNamed() {
        assertThatThrownBy(() -> PairwiseMatrix.of(NAMES, new double[][] {{1, Double.NaN, 5}, {1, 1, 2},
            {0.2, 0.5, 1}})).isInstanceOf(AhpException.class).hasMessageContaining("a[cost][quality]")
            .hasMessageContaining("NaN");
        assertThatThrownBy(() -> PairwiseMatrix.of(NAMES, new double[][] {{1, 1, 1}, {1, 1, 1},
            {1, Double.POSITIVE_INFINITY, 1}})).hasMessageContaining("a[service][quality]")
            .hasMessageContaining("Infinity");
        assertThatThrownBy(() -> PairwiseMatrix.of(NAMES, new double[][] {{1, 0, 1}, {1, 1, 1}, {1, 1, 1}}))
            .hasMessageContaining("a[cost][quality] must be positive").hasMessageContaining("0.0");
        assertThatThrownBy(() -> PairwiseMatrix.of(NAMES, new double[][] {{1, 1, 1}, {1, 2, 1}, {1, 1, 1}}))
            .hasMessageContaining("diagonal entry a[quality][quality] must be 1 but was 2");
        assertThatThrownBy(() -> PairwiseMatrix.fromUpperTriangle(NAMES, 3, -1, 2))
            .hasMessageContaining("a[cost][service]").hasMessageContaining("-1.0");
    }

    @Test
    void shapeErrorsAreNamed() {
        assertThatThrownBy(() -> PairwiseMatrix.of(NAMES, new double[][] {{1, 1, 1}, {1, 1, 1}}))
            .isInstanceOf(AhpException.class).hasMessageContaining("needs 3 rows but has 2");
        assertThatThrownBy(() -> PairwiseMatrix.of(NAMES, null)).hasMessageContaining("has none");
        assertThatThrownBy(() -> PairwiseMatrix.of(NAMES, new double[][] {{1, 1, 1}, {1, 1}, {1, 1, 1}}))
            .hasMessageContaining("row 'quality'").hasMessageContaining("3 entries but has 2");
        assertThatThrownBy(() -> PairwiseMatrix.of(NAMES, new double[][] {{1, 1, 1}, null, {1, 1, 1}}))
            .hasMessageContaining("row 'quality'");
        assertThatThrownBy(() -> PairwiseMatrix.fromUpperTriangle(NAMES, 3, 5))
            .hasMessageContaining("need 3 upper-triangle judgments but 2 were given");
        assertThatThrownBy(() -> PairwiseMatrix.fromUpperTriangle(NAMES, (double[]) null))
            .hasMessageContaining("none were given");
        assertThatThrownBy(() -> PairwiseMatrix.fromUpperTriangle(List.of(), 1))
            .hasMessageContaining("at least one name");
        assertThatThrownBy(() -> PairwiseMatrix.fromUpperTriangle(List.of("a", "a"), 1))
            .hasMessageContaining("duplicate name 'a'");
        assertThatThrownBy(() -> PairwiseMatrix.fromUpperTriangle(List.of("a", " "), 1))
            .hasMessageContaining("name 1 is blank");
        PairwiseMatrix m = PairwiseMatrix.fromUpperTriangle(NAMES, 3, 5, 2);
        assertThatThrownBy(() -> m.get(3, 0)).hasMessageContaining("(3, 0) is outside the 3 x 3 matrix");
        assertThatThrownBy(() -> m.get(0, -1)).hasMessageContaining("(0, -1)");
    }

    @Test
    void saatyScaleCheckNamesTheEntry() {
        PairwiseMatrix m = PairwiseMatrix.fromUpperTriangle(NAMES, 12, 5, 2);
        assertThat(m.isSaatyScale()).isFalse();
        assertThatThrownBy(m::requireSaatyScale).isInstanceOf(AhpException.class)
            .hasMessageContaining("a[cost][quality] = 12 is outside Saaty's scale 1/9..9");
        assertThat(PairwiseMatrix.fromUpperTriangle(List.of("a", "b"), 9).isSaatyScale()).isTrue();
    }

    @Test
    void singleCriterionIsValid() {
        PairwiseMatrix m = PairwiseMatrix.fromUpperTriangle(List.of("only"));
        AhpResult r = Ahp.withDefaults().evaluate(m);
        assertThat(r.weights().get("only")).isEqualTo(1.0);
        assertThat(r.consistencyRatio()).isZero();
        assertThat(r.lambdaMax()).isEqualTo(1.0);
    }
}
