package org.powercx.ahp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsistencyAdvisorTest {
    private static final List<String> CARS = List.of("Sedan", "Hybrid", "Pilot", "CR-V", "Element", "Odyssey");
    /** The Style matrix of AHP-03 (CR 0.1072 with Donegan-Dodd, above 0.1). */
    private static final PairwiseMatrix STYLE = PairwiseMatrix.fromUpperTriangle(CARS,
        1, 7, 5, 9, 6, 7, 5, 9, 6, 1 / 6.0, 3, 1 / 3.0, 7, 5, 1 / 5.0);
    private static final Ahp DD = Ahp.withDefaults().with(RandomIndex.DONEGAN_DODD);

    @Test
    void errorMatrixWorstJudgmentAndSuggestion() {
        ConsistencyAdvice advice = ConsistencyAdvisor.withDefaults().with(DD).advise(STYLE);
        AhpResult r = DD.evaluate(STYLE);
        assertThat(advice.before().consistencyRatio()).isCloseTo(0.107202070241, within(1e-9));
        double[] w = r.weights().values();
        int n = CARS.size();
        double[] e = advice.errors();
        double max = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(e[i * n + j]).isCloseTo(STYLE.get(i, j) * w[j] / w[i], within(1e-12));
                assertThat(e[i * n + j] * e[j * n + i]).isCloseTo(1.0, within(1e-12));
                max = Math.max(max, e[i * n + j]);
            }
        }
        assertThat(advice.error(advice.worstRow(), advice.worstColumn())).isEqualTo(max);
        assertThat(advice.currentValue()).isEqualTo(STYLE.get(advice.worstRow(), advice.worstColumn()));
        assertThat(advice.suggestedValue()).isCloseTo(
            r.weights().get(advice.worstRow()) / r.weights().get(advice.worstColumn()), within(1e-15));
        double after = DD.evaluate(STYLE.with(advice.worstRow(), advice.worstColumn(), advice.suggestedValue()))
            .consistencyRatio();
        assertThat(advice.consistencyRatioAfter()).isEqualTo(after).isLessThan(advice.before().consistencyRatio());
        assertThat(advice.toString()).contains("consistency errors").contains("suggested").contains(advice.worstRow());
        assertThatThrownBy(() -> advice.error("Sedan", "Civic")).hasMessageContaining("unknown criterion 'Civic'");
    }

    @Test
    void singleCorruptedJudgmentIsFoundAndRepaired() {
        List<String> names = List.of("consumption", "fees", "credit", "load");
        double[] w = {0.4, 0.3, 0.2, 0.1};
        double[][] a = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                a[i][j] = w[i] / w[j];
            }
        }
        a[0][3] = 1 / 4.0; // should be 4: the expert flipped the judgment
        a[3][0] = 4;
        PairwiseMatrix m = PairwiseMatrix.of(names, a);
        ConsistencyAdvice advice = ConsistencyAdvisor.withDefaults().advise(m);
        assertThat(Set.of(advice.worstRow(), advice.worstColumn())).containsExactlyInAnyOrder("consumption", "load");
        RepairResult repair = ConsistencyAdvisor.withDefaults().repair(m, 0.01);
        assertThat(repair.before().consistencyRatio()).isGreaterThan(0.1);
        assertThat(repair.changes()).hasSize(1);
        RepairResult.Change c = repair.changes().get(0);
        assertThat(Set.of(c.row(), c.column())).containsExactlyInAnyOrder("consumption", "load");
        assertThat(repair.reached()).isTrue();
        assertThat(repair.after().consistencyRatio()).isLessThanOrEqualTo(0.01);
        assertThat(repair.repaired().get("consumption", "fees")).isEqualTo(m.get("consumption", "fees"));
        // the other judgments imply 0.4 / 0.1 = 4, which makes the matrix consistent again
        assertThat(repair.repaired().get("consumption", "load")).isCloseTo(4.0, within(1e-9));
        assertThat(repair.after().consistencyRatio()).isLessThan(1e-10);
    }

    @Test
    void repairReportsEveryChangeAndReachesTheTarget() {
        ConsistencyAdvisor advisor = ConsistencyAdvisor.withDefaults().with(DD);
        RepairResult r = advisor.repair(STYLE, 0.02);
        assertThat(r.reached()).isTrue();
        assertThat(r.after().consistencyRatio()).isLessThanOrEqualTo(0.02);
        assertThat(r.changes()).isNotEmpty();
        PairwiseMatrix replay = STYLE;
        double previous = r.before().consistencyRatio();
        Set<Set<String>> pairs = new HashSet<>();
        for (RepairResult.Change c : r.changes()) {
            assertThat(replay.get(c.row(), c.column())).isEqualTo(c.oldValue());
            replay = replay.with(c.row(), c.column(), c.newValue());
            assertThat(DD.evaluate(replay).consistencyRatio()).isEqualTo(c.consistencyRatioAfter());
            assertThat(c.consistencyRatioAfter()).isLessThan(previous);
            previous = c.consistencyRatioAfter();
            pairs.add(Set.of(c.row(), c.column()));
        }
        assertThat(replay).isEqualTo(r.repaired());
        int changed = 0;
        for (int i = 0; i < CARS.size(); i++) {
            for (int j = i + 1; j < CARS.size(); j++) {
                changed += STYLE.get(i, j) != r.repaired().get(i, j) ? 1 : 0;
            }
        }
        assertThat(changed).isEqualTo(pairs.size());
        assertThat(r.toString()).contains("change(s)").contains("CR after");
    }

    @Test
    void alreadyConsistentMatrixNeedsNoChange() {
        RepairResult r = ConsistencyAdvisor.withDefaults().repair(STYLE, 0.2);
        assertThat(r.changes()).isEmpty();
        assertThat(r.repaired()).isEqualTo(STYLE);
        assertThat(r.reached()).isTrue();
        // a target of exactly 0 is approached but not necessarily reached
        RepairResult zero = ConsistencyAdvisor.withDefaults().repair(STYLE, 0);
        assertThat(zero.changes().size()).isLessThanOrEqualTo(30);
        assertThat(zero.after().consistencyRatio()).isLessThan(1e-3);
        assertThat(zero.toString()).contains("target");
    }

    @Test
    void badInputIsNamed() {
        ConsistencyAdvisor advisor = ConsistencyAdvisor.withDefaults();
        assertThatThrownBy(() -> advisor.advise(null)).isInstanceOf(AhpException.class)
            .hasMessageContaining("pairwise matrix is null");
        assertThatThrownBy(() -> advisor.advise(PairwiseMatrix.fromUpperTriangle(List.of("only"))))
            .hasMessageContaining("[only] has no judgments");
        assertThatThrownBy(() -> advisor.repair(STYLE, -0.1)).hasMessageContaining("target consistency ratio")
            .hasMessageContaining("-0.1");
        assertThatThrownBy(() -> advisor.repair(null, 0.1)).hasMessageContaining("pairwise matrix is null");
        assertThatThrownBy(() -> advisor.with(null)).hasMessageContaining("calculator");
        assertThatThrownBy(() -> new RepairResult.Change("a", "b", 0, 1, 0)).hasMessageContaining("old value");
    }

    @Test
    void repairOfARandomFiftyByFiftyMatrixTakesSeconds() {
        int n = 50;
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("c" + i);
        }
        double[] upper = new double[n * (n - 1) / 2];
        for (int k = 0; k < upper.length; k++) {
            double v = 1 + random.nextInt(9);
            upper[k] = random.nextBoolean() ? v : 1 / v;
        }
        PairwiseMatrix m = PairwiseMatrix.fromUpperTriangle(names, upper);
        ConsistencyAdvisor advisor = ConsistencyAdvisor.withDefaults()
            .with(Ahp.withDefaults().with(RandomIndex.ALONSO_LAMATA));
        // the exhaustive search this replaced took about 4 minutes here
        RepairResult r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
            () -> advisor.repair(m, 0.1));
        assertThat(r.before().consistencyRatio()).isGreaterThan(0.9);
        assertThat(r.reached()).isTrue();
        assertThat(r.changes().size()).isLessThanOrEqualTo(n * (n - 1));
    }
}
