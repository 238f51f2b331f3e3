package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Population stability and grade migration on hand-computed small examples. */
class MonitoringTest {
    @Test
    void psiOfCountsIsTheSumOfShareDifferencesTimesLogRatios() {
        // shares 0.5/0.3/0.2 against 0.4/0.4/0.2: (-0.1) ln 0.8 + 0.1 ln(4/3) = 0.0510825624
        StabilityReport r = PopulationStability.withDefaults().evaluateCounts(List.of("a", "b", "c"),
            new long[] {50, 30, 20}, new long[] {40, 40, 20});
        assertThat(r.index()).isCloseTo(0.1 * Math.log(1.25) + 0.1 * Math.log(4.0 / 3), within(1e-15));
        assertThat(r.index()).isCloseTo(0.0510825624, within(1e-10));
        assertThat(r.contributions()[2]).isZero();
        assertThat(r.expectedShares()).containsExactly(0.5, 0.3, 0.2);
        assertThat(r.toString()).contains("PSI");
    }

    @Test
    void anEmptyBinTakesEpsilonInTheDifferenceAndTheLogarithm() {
        // base 0.5/0.5/0, batch 0.5/0.4/0.1: 0 + 0.1 ln 1.25 + (0.1 - 1e-4) ln(0.1/1e-4) = 0.7123991075
        StabilityReport r = PopulationStability.withDefaults().evaluateCounts(List.of("a", "b", "c"),
            new long[] {50, 50, 0}, new long[] {50, 40, 10});
        double expected = 0.1 * Math.log(1.25) + (0.1 - 1e-4) * Math.log(1000);
        assertThat(r.index()).isCloseTo(expected, within(1e-15)).isCloseTo(0.7123991075, within(1e-10));
        StabilityReport wide = PopulationStability.withDefaults().withEpsilon(1e-3).evaluateCounts(
            List.of("a", "b", "c"), new long[] {50, 50, 0}, new long[] {50, 40, 10});
        assertThat(wide.index()).isCloseTo(0.1 * Math.log(1.25) + (0.1 - 1e-3) * Math.log(100), within(1e-15));
        assertThat(wide.epsilon()).isEqualTo(1e-3);
    }

    @Test
    void scoreBinsAreEmpiricalQuantilesOfTheBase() {
        // base 1..10 in 5 bins: upper bounds s(2), s(4), s(6), s(8) = 2, 4, 6, 8; batch all above 8
        double[] base = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        StabilityReport r = PopulationStability.withDefaults().withBins(5).evaluate(base,
            new double[] {9, 9.5, 100, 8.5});
        assertThat(r.labels()).containsExactly("(-inf, 2]", "(2, 4]", "(4, 6]", "(6, 8]", "(8, +inf)");
        assertThat(r.expectedCounts()).containsExactly(2, 2, 2, 2, 2);
        assertThat(r.actualCounts()).containsExactly(0, 0, 0, 0, 4);
        // four empty batch bins at 1e-4 against 0.2, one at 1 against 0.2
        double e = 4 * (1e-4 - 0.2) * Math.log(1e-4 / 0.2) + 0.8 * Math.log(5);
        assertThat(r.index()).isCloseTo(e, within(1e-14));
        // identical samples: 0; ties at a cut stay together
        assertThat(PopulationStability.withDefaults().evaluate(base, base).index()).isZero();
        StabilityReport ties = PopulationStability.withDefaults().withBins(4).evaluate(
            new double[] {1, 1, 1, 1, 1, 2, 3, 4}, new double[] {1, 4});
        assertThat(ties.expectedCounts()).containsExactly(5, 1, 2);
    }

    @Test
    void gradeMigrationCountsPairsAndSharesByDirection() {
        GradeMigration m = GradeMigration.of(List.of("A", "B", "C"), new int[] {0, 0, 1, 2, 1},
            new int[] {0, 1, 1, 1, 0});
        assertThat(m.counts()).isDeepEqualTo(new long[][] {{1, 1, 0}, {1, 1, 0}, {0, 1, 0}});
        assertThat(m.unchanged()).isEqualTo(0.4);
        assertThat(m.improved()).isEqualTo(0.4);
        assertThat(m.deteriorated()).isEqualTo(0.2);
        assertThat(m.rates()[2]).containsExactly(0, 1, 0);
        assertThat(m.toString()).contains("unchanged 0.4");
        StabilityReport g = PopulationStability.withDefaults().evaluateGrades(m.names(), new int[] {0, 0, 1, 2, 1},
            new int[] {0, 1, 1, 1, 0});
        assertThat(g.expectedCounts()).containsExactly(2, 2, 1);
        assertThat(g.actualCounts()).containsExactly(2, 3, 0);
    }

    @Test
    void invalidInputIsRefusedNamingTheItem() {
        PopulationStability p = PopulationStability.withDefaults();
        assertThatThrownBy(() -> p.withBins(1)).isInstanceOf(CreditException.class).hasMessageContaining("bins");
        assertThatThrownBy(() -> p.withEpsilon(0)).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> p.evaluate(new double[0], new double[] {1})).hasMessageContaining("base has no");
        assertThatThrownBy(() -> p.evaluate(new double[] {1}, new double[] {1, Double.NaN}))
            .hasMessageContaining("batch score 1 is not finite");
        assertThatThrownBy(() -> p.evaluateGrades(List.of("A", "B"), new int[] {0, 2}, new int[] {0}))
            .hasMessageContaining("base grade 1 is 2");
        assertThatThrownBy(() -> p.evaluateCounts(List.of("a"), new long[] {-1}, new long[] {1}))
            .hasMessageContaining("bin 'a'");
        assertThatThrownBy(() -> p.evaluateCounts(List.of("a"), new long[] {0}, new long[] {1}))
            .hasMessageContaining("base has no customers");
        assertThatThrownBy(() -> GradeMigration.of(List.of("A"), new int[] {0}, new int[] {0, 0}))
            .hasMessageContaining("1 first grades and 2 second grades");
        assertThatThrownBy(() -> GradeMigration.of(List.of("A"), new int[] {0}, new int[] {3}))
            .hasMessageContaining("customer 0 moves from grade 0 to 3");
    }
}
