package org.powercx.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SingularityTest {
    @Test
    void aPivotIsSingularAtOrBelowTheRelativeToleranceOrWhenNotPositiveAndFinite() {
        assertThat(Singularity.RELATIVE_PIVOT_TOLERANCE).isEqualTo(1e-9);
        assertThat(Singularity.isSingularPivot(1.0, 1.0)).isFalse();
        assertThat(Singularity.isSingularPivot(2e-9, 1.0)).isFalse();
        assertThat(Singularity.isSingularPivot(1e-9, 1.0)).isTrue();
        // invariant to rescaling the column: pivot and diagonal scale alike
        assertThat(Singularity.isSingularPivot(2e-9 * 1e6, 1e6)).isFalse();
        assertThat(Singularity.isSingularPivot(0.5e-9 * 1e-6, 1e-6)).isTrue();
        assertThat(Singularity.isSingularPivot(0.0, 1.0)).isTrue();
        assertThat(Singularity.isSingularPivot(-1e-3, 1.0)).isTrue();
        assertThat(Singularity.isSingularPivot(Double.NaN, 1.0)).isTrue();
        assertThat(Singularity.isSingularPivot(Double.POSITIVE_INFINITY, 1.0)).isTrue();
        assertThat(Singularity.isSingularPivot(1.0, Double.NaN)).isTrue();
    }
}
