package org.powercx.ahp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.powercx.core.Weights;

/**
 * Numerical edge cases: orders 1 and 2, judgments from 1e-300 to 1e300 (and the double range's ends),
 * near-reciprocal rounding, invalid numbers and orders beyond the random-index tables. Each case either
 * gives the closed-form answer or raises {@link AhpException} naming the judgment.
 */
class AhpEdgeCasesTest {
    private static final List<String> TWO = List.of("a", "b");
    private static final List<String> THREE = List.of("a", "b", "c");

    private static Ahp ahp(PriorityMethod method) {
        return Ahp.withDefaults().with(method);
    }

    @Test
    void singleCriterionHasWeightOneAndZeroRatioForEveryMethod() {
        PairwiseMatrix one = PairwiseMatrix.fromUpperTriangle(List.of("only"));
        assertThat(PairwiseMatrix.of(List.of("only"), new double[][] {{1}})).isEqualTo(one);
        for (PriorityMethod method : PriorityMethod.values()) {
            AhpResult r = ahp(method).evaluate(one);
            assertThat(r.weights().values()).containsExactly(1.0);
            assertThat(r.lambdaMax()).isEqualTo(1.0);
            assertThat(r.consistencyIndex()).isZero();
            assertThat(r.consistencyRatio()).isZero();
            assertThat(r.randomIndex()).isZero();
            assertThat(r.geometricConsistencyIndex()).isZero();
            assertThat(r.isAcceptable()).isTrue();
        }
        assertThat(IncompleteMatrix.of(List.of("only"), new double[][] {{1}}).complete(CompletionMethod.LAMBDA_MAX_OPTIMAL))
            .isEqualTo(one);
        GroupResult g = GroupAhp.withDefaults().evaluate(List.of(one, one));
        assertThat(g.weights().values()).containsExactly(1.0);
        assertThat(g.dispersion()).containsExactly(0.0);
        assertThatThrownBy(() -> ConsistencyAdvisor.withDefaults().advise(one)).isInstanceOf(AhpException.class)
            .hasMessageContaining("[only]");
    }

    @Test
    void twoCriteriaGiveTheClosedFormForEveryMethod() {
        // w = (a / (1 + a), 1 / (1 + a)) and lambda max = 2 exactly for any reciprocal 2 x 2 matrix
        for (double x : new double[] {1, 9, 1.0 / 9, 7.5, 1e-150, 1e150, 1e-300, 1e300, Check.MAX_JUDGMENT,
            Double.MIN_NORMAL}) {
            PairwiseMatrix m = PairwiseMatrix.fromUpperTriangle(TWO, x);
            for (PriorityMethod method : PriorityMethod.values()) {
                AhpResult r = ahp(method).evaluate(m);
                double w1 = 1 / (1 + 1 / x);
                double w2 = 1 / (1 + x);
                assertThat(r.weights().get("a")).as("%s a=%s", method, x).isCloseTo(w1, within(1e-12 * w1));
                assertThat(r.weights().get("b")).as("%s a=%s", method, x).isCloseTo(w2, within(1e-12 * w2));
                assertThat(r.lambdaMax()).isCloseTo(2.0, within(1e-12));
                assertThat(r.consistencyRatio()).isZero();
                assertThat(r.consistencyIndex()).isZero();
            }
        }
    }

    @Test
    void consistentMatricesSpanningOneEMinus300ToOneE300AreExact() {
        // a_ij = x_i / x_j with x = (1e150, 1, 1e-150, 3e100): entries from 1e-300 to 1e300
        double[] x = {1e150, 1, 1e-150, 3e100};
        List<String> names = List.of("a", "b", "c", "d");
        double[][] a = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                a[i][j] = i == j ? 1 : x[i] / x[j];
            }
        }
        PairwiseMatrix m = PairwiseMatrix.of(names, a);
        double sum = x[0] + x[1] + x[2] + x[3];
        for (PriorityMethod method : PriorityMethod.values()) {
            AhpResult r = ahp(method).evaluate(m);
            for (int i = 0; i < 4; i++) {
                double expected = x[i] / sum;
                assertThat(r.weights().values()[i]).as("%s w%d", method, i).isCloseTo(expected, within(1e-9 * expected));
            }
            assertThat(r.consistencyRatio()).isCloseTo(0.0, within(1e-12));
        }
    }

    @Test
    void prioritiesBeyondTheDoubleRangeAreRejectedNamingTheJudgment() {
        // consistent weights would be 1 : 1e-300 : 1e-600, the last below the smallest double
        PairwiseMatrix chain = PairwiseMatrix.fromUpperTriangle(THREE, 1e300, 1e300, 1e300);
        for (PriorityMethod method : PriorityMethod.values()) {
            if (method == PriorityMethod.COLUMN_MEAN) {
                continue; // column means stay within range (each column is normalised first)
            }
            assertThatThrownBy(() -> ahp(method).evaluate(chain)).isInstanceOf(AhpException.class)
                .hasMessageContaining("not representable").hasMessageContaining("a[a][b] = 1.0E300");
        }
        AhpResult columns = ahp(PriorityMethod.COLUMN_MEAN).evaluate(chain);
        assertThat(Arrays.stream(columns.weights().values()).boxed().toList()).allSatisfy(w -> assertThat(w).isPositive().isFinite());
        assertThatThrownBy(() -> GroupAhp.withDefaults().evaluate(List.of(chain))).isInstanceOf(AhpException.class)
            .hasMessageContaining("expert 0").hasMessageContaining("a[a][b] = 1.0E300");
        assertThatThrownBy(() -> ConsistencyAdvisor.withDefaults().repair(chain, 0.1))
            .isInstanceOf(AhpException.class).hasMessageContaining("a[a][b] = 1.0E300");
        IncompleteMatrix gap = IncompleteMatrix.of(THREE,
            new double[][] {{1, 1e300, Double.NaN}, {1e-300, 1, 1e300}, {Double.NaN, 1e-300, 1}});
        for (CompletionMethod method : CompletionMethod.values()) {
            assertThatThrownBy(() -> gap.complete(method)).isInstanceOf(AhpException.class)
                .hasMessageContaining("incomplete matrix").hasMessageContaining("1.0E300");
        }
    }

    @Test
    void judgmentsOutsideTheNormalDoubleRangeAreRejectedNamingTheEntry() {
        for (double v : new double[] {1e-310, Double.MIN_VALUE, 5e-309, Double.MAX_VALUE, 1e308,
            Math.nextUp(Check.MAX_JUDGMENT), Math.nextDown(Double.MIN_NORMAL)}) {
            assertThatThrownBy(() -> PairwiseMatrix.fromUpperTriangle(THREE, 1, v, 1))
                .isInstanceOf(AhpException.class).hasMessageContaining("a[a][c]").hasMessageContaining("between 2.2E-308 and 4.5E307")
                .hasMessageContaining(String.valueOf(v));
            assertThatThrownBy(() -> PairwiseMatrix.fromUpperTriangle(TWO, 1).with("b", "a", v))
                .isInstanceOf(AhpException.class).hasMessageContaining("a[b][a]");
            assertThatThrownBy(() -> IncompleteMatrix.empty(TWO).with("a", "b", v))
                .isInstanceOf(AhpException.class).hasMessageContaining("a[a][b]");
            assertThatThrownBy(() -> IncompleteMatrix.of(TWO, new double[][] {{1, v}, {1 / v, 1}}))
                .isInstanceOf(AhpException.class).hasMessageContaining("a[a][b]");
        }
        // 2^1022 and 2^-1022 are exact reciprocals, so every factory accepts what another one built
        PairwiseMatrix widest = PairwiseMatrix.fromUpperTriangle(TWO, Check.MAX_JUDGMENT);
        assertThat(widest.get(1, 0)).isEqualTo(Double.MIN_NORMAL);
        assertThat(PairwiseMatrix.of(TWO, widest.toArray())).isEqualTo(widest);
        assertThat(IncompleteMatrix.of(TWO, widest.toArray()).complete(CompletionMethod.HARKER)).isEqualTo(widest);
    }

    @Test
    void veryInconsistentJudgmentsUpToOneE6Converge() {
        // before the repeated inverse iteration, about 5 % of these failed to converge in 100,000 power steps
        SplittableRandom random = new SplittableRandom(11L);
        double bound = Math.log(1e6);
        for (int trial = 0; trial < 300; trial++) {
            int n = 3 + trial % 10;
            List<String> names = AhpPropertiesTest.names(n);
            double[] upper = new double[n * (n - 1) / 2];
            for (int k = 0; k < upper.length; k++) {
                upper[k] = Math.exp(random.nextDouble(-bound, bound));
            }
            PairwiseMatrix m = PairwiseMatrix.fromUpperTriangle(names, upper);
            AhpResult r = Ahp.withDefaults().with(RandomIndex.ALONSO_LAMATA).evaluate(m);
            double[] w = r.weights().values();
            // A w = lambda w, componentwise relative residual; the power iteration stops when no weight moves by
            // more than 1e-12 of itself, which bounds the residual by about 1e-12 times the condition of w
            for (int i = 0; i < n; i++) {
                double aw = 0;
                for (int j = 0; j < n; j++) {
                    aw += m.get(i, j) * w[j];
                }
                assertThat(aw / (r.lambdaMax() * w[i])).as("trial %d row %d", trial, i).isCloseTo(1.0, within(1e-9));
            }
        }
    }

    @Test
    void extremeInconsistencyEitherConvergesOrNamesTheMostExtremeJudgment() {
        SplittableRandom random = new SplittableRandom(3L);
        double bound = Math.log(1e30);
        int failures = 0;
        for (int trial = 0; trial < 40; trial++) {
            int n = 3 + trial % 6;
            double[] upper = new double[n * (n - 1) / 2];
            double extreme = 1;
            for (int k = 0; k < upper.length; k++) {
                upper[k] = Math.exp(random.nextDouble(-bound, bound));
                if (Math.abs(Math.log(upper[k])) > Math.abs(Math.log(extreme))) {
                    extreme = upper[k];
                }
            }
            PairwiseMatrix m = PairwiseMatrix.fromUpperTriangle(AhpPropertiesTest.names(n), upper);
            try {
                AhpResult r = Ahp.withDefaults().evaluate(m);
                assertThat(Arrays.stream(r.weights().values()).boxed().toList()).allSatisfy(w -> assertThat(w).isPositive().isFinite());
                assertThat(r.lambdaMax()).isFinite().isGreaterThanOrEqualTo(n * (1 - 1e-12));
            } catch (AhpException e) {
                failures++;
                // the named entry is the judgment furthest from 1, or its stored reciprocal (the logarithms of the
                // two can differ in the last bit)
                double named = extreme;
                assertThat(e.getMessage()).contains("most extreme judgment").matches(s -> s.contains(
                    String.valueOf(named)) || s.contains(String.valueOf(1 / named)), "names " + named);
            }
        }
        assertThat(failures).isLessThan(40);
    }

    @Test
    void optimalCompletionStartsBeyondTheDefaultSearchBound() {
        // a consistent chain of 1e10 judgments: Harker's start for a[a][d] is 1e30, beyond the default bound
        // 1e6; this used to escape as commons-math's OutOfRangeException
        List<String> names = List.of("a", "b", "c", "d");
        double nan = Double.NaN;
        IncompleteMatrix chain = IncompleteMatrix.of(names, new double[][] {
            {1, 1e10, nan, nan}, {1e-10, 1, 1e10, nan}, {nan, 1e-10, 1, 1e10}, {nan, nan, 1e-10, 1}});
        for (CompletionMethod method : CompletionMethod.values()) {
            PairwiseMatrix c = chain.complete(method);
            // the consistent completion is the optimum; lambda max is flat there (quadratic in the log-entries)
            // and computed to about 1e-12, so the minimiser pins the log-entries only to about sqrt(1e-12)
            double tol = method == CompletionMethod.HARKER ? 1e-9 : 1e-5;
            assertThat(c.get("a", "c")).as("%s", method).isCloseTo(1e20, within(1e20 * tol));
            assertThat(c.get("a", "d")).as("%s", method).isCloseTo(1e30, within(1e30 * tol));
            assertThat(c.get("b", "d")).as("%s", method).isCloseTo(1e20, within(1e20 * tol));
            assertThat(Ahp.withDefaults().evaluate(c).consistencyRatio()).isCloseTo(0.0, within(1e-9));
        }
    }

    @Test
    void hugeExpertWeightsDoNotOverflowTheirSum() {
        // 1e308 + 1e308 overflows; the group must still be the geometric mean sqrt(2 * 3) = sqrt 6
        List<PairwiseMatrix> experts = List.of(PairwiseMatrix.fromUpperTriangle(TWO, 2),
            PairwiseMatrix.fromUpperTriangle(TWO, 3));
        GroupResult g = GroupAhp.withDefaults().evaluate(experts, new double[] {1e308, 1e308});
        double s6 = Math.sqrt(6);
        assertThat(g.aggregatedMatrix().get("a", "b")).isCloseTo(s6, within(1e-12));
        assertThat(g.weights().get("a")).isCloseTo(s6 / (1 + s6), within(1e-12));
        assertThat(g).isEqualTo(GroupAhp.withDefaults().evaluate(experts));
        GroupResult tiny = GroupAhp.withDefaults().evaluate(experts, new double[] {Double.MIN_VALUE, Double.MIN_VALUE});
        assertThat(tiny.weights().get("a")).isCloseTo(s6 / (1 + s6), within(1e-12));
        GroupResult skewed = GroupAhp.withDefaults().evaluate(experts, new double[] {Double.MAX_VALUE, 1e-300});
        assertThat(skewed.aggregatedMatrix().get("a", "b")).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void nearReciprocalRoundingIsAcceptedAndDecimalTruncationRejected() {
        // 1/3 written with ten digits: 3 * 0.3333333333 = 1 - 1e-10, inside the 1e-9 tolerance
        double[][] rounded = {{1, 3, 0.2}, {0.3333333333, 1, 0.5}, {5, 2, 1}};
        PairwiseMatrix m = PairwiseMatrix.of(THREE, rounded);
        PairwiseMatrix exact = PairwiseMatrix.fromUpperTriangle(THREE, 3, 0.2, 0.5);
        for (PriorityMethod method : PriorityMethod.values()) {
            AhpResult r = ahp(method).evaluate(m);
            AhpResult e = ahp(method).evaluate(exact);
            for (String name : THREE) {
                // a 1e-10 relative change of one entry moves the weights by at most about that much
                assertThat(r.weights().get(name)).isCloseTo(e.weights().get(name), within(1e-9));
            }
            assertThat(r.consistencyRatio()).isCloseTo(e.consistencyRatio(), within(1e-9));
        }
        double[][] truncated = {{1, 3, 0.2}, {0.333, 1, 0.5}, {5, 2, 1}};
        assertThatThrownBy(() -> PairwiseMatrix.of(THREE, truncated)).isInstanceOf(AhpException.class)
            .hasMessageContaining("a[a][b] = 3 but a[b][a] = 0.333, expected 0.3333");
        assertThat(PairwiseMatrix.of(TWO, new double[][] {{1 + 1e-10, 2}, {0.5, 1}}).size()).isEqualTo(2);
        assertThatThrownBy(() -> PairwiseMatrix.of(TWO, new double[][] {{1.001, 2}, {0.5, 1}}))
            .isInstanceOf(AhpException.class).hasMessageContaining("diagonal entry a[a][a] must be 1 but was 1.001");
        assertThatThrownBy(() -> IncompleteMatrix.of(TWO, new double[][] {{1, 3}, {0.333, 1}}))
            .isInstanceOf(AhpException.class).hasMessageContaining("a[a][b] = 3 but a[b][a] = 0.333");
    }

    @Test
    void nanInfinityZeroAndNegativeEntriesAreNamed() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, -0.0, -2}) {
            String shown = String.valueOf(bad);
            assertThatThrownBy(() -> PairwiseMatrix.fromUpperTriangle(THREE, 1, 2, bad)).isInstanceOf(AhpException.class)
                .hasMessageContaining("a[b][c]").hasMessageContaining(shown);
            double[][] full = {{1, 2, 1}, {0.5, 1, bad}, {1, 1, 1}};
            assertThatThrownBy(() -> PairwiseMatrix.of(THREE, full)).isInstanceOf(AhpException.class)
                .hasMessageContaining("a[b][c]").hasMessageContaining(shown);
            assertThatThrownBy(() -> PairwiseMatrix.fromUpperTriangle(TWO, 2).with("a", "b", bad))
                .isInstanceOf(AhpException.class).hasMessageContaining("a[a][b]").hasMessageContaining(shown);
            assertThatThrownBy(() -> IncompleteMatrix.empty(THREE).with("c", "a", bad))
                .isInstanceOf(AhpException.class).hasMessageContaining("a[c][a]").hasMessageContaining(shown);
            assertThatThrownBy(() -> GroupAhp.withDefaults().evaluate(List.of(PairwiseMatrix.fromUpperTriangle(TWO, 2)),
                new double[] {bad})).isInstanceOf(AhpException.class);
            if (!Double.isNaN(bad)) {
                assertThatThrownBy(() -> IncompleteMatrix.of(TWO, new double[][] {{1, bad}, {1, 1}}))
                    .isInstanceOf(AhpException.class).hasMessageContaining("a[a][b]").hasMessageContaining(shown);
            }
            assertThatThrownBy(() -> PairwiseMatrix.of(TWO, new double[][] {{bad, 1}, {1, 1}}))
                .isInstanceOf(AhpException.class).hasMessageContaining("a[a][a]");
        }
        // NaN marks a missing pair only in an incomplete matrix, and only when both halves are missing
        assertThatThrownBy(() -> IncompleteMatrix.of(TWO, new double[][] {{1, Double.NaN}, {2, 1}}))
            .isInstanceOf(AhpException.class).hasMessageContaining("a[a][b] is missing but a[b][a] = 2");
        assertThatThrownBy(() -> GroupAhp.withDefaults().evaluate(List.of(PairwiseMatrix.fromUpperTriangle(TWO, 2)),
            new double[] {Double.NaN})).hasMessageContaining("weight of expert 0").hasMessageContaining("NaN");
        assertThatThrownBy(() -> GroupAhp.withDefaults().evaluate(List.of(PairwiseMatrix.fromUpperTriangle(TWO, 2)),
            new double[] {0})).hasMessageContaining("all zero");
        assertThatThrownBy(() -> ConsistencyAdvisor.withDefaults().repair(PairwiseMatrix.fromUpperTriangle(TWO, 2),
            Double.POSITIVE_INFINITY)).hasMessageContaining("target consistency ratio").hasMessageContaining("Infinity");
    }

    @Test
    void ordersBeyondTheRandomIndexTableAreRejectedNamingTheTable() {
        PairwiseMatrix sixteen = PairwiseMatrix.fromUpperTriangle(AhpPropertiesTest.names(16), ones(16));
        for (RandomIndex table : List.of(RandomIndex.SAATY_1980, RandomIndex.SAATY_2005)) {
            assertThatThrownBy(() -> Ahp.withDefaults().with(table).evaluate(sixteen)).isInstanceOf(AhpException.class)
                .hasMessageContaining(table.name()).hasMessageContaining("n = 16").hasMessageContaining("n <= 15");
        }
        assertThatThrownBy(() -> GroupAhp.withDefaults().evaluate(List.of(sixteen))).isInstanceOf(AhpException.class)
            .hasMessageContaining("n = 16");
        Hierarchy h = Hierarchy.builder("goal", Weights.equal(List.of("x"))).node("x", sixteen).build();
        assertThatThrownBy(() -> h.evaluate(Ahp.withDefaults())).isInstanceOf(AhpException.class)
            .hasMessageContaining("SAATY_1980");
        PairwiseMatrix big = PairwiseMatrix.fromUpperTriangle(AhpPropertiesTest.names(101), ones(101));
        assertThatThrownBy(() -> Ahp.withDefaults().with(RandomIndex.DONEGAN_DODD).evaluate(big))
            .isInstanceOf(AhpException.class).hasMessageContaining("DONEGAN_DODD").hasMessageContaining("n = 101");
        // the tables that extend by a formula or a constant evaluate any order
        AhpResult alonso = Ahp.withDefaults().with(RandomIndex.ALONSO_LAMATA).evaluate(big);
        assertThat(alonso.randomIndex()).isCloseTo((1.7699 * 101 - 4.3513) / 100, within(1e-15));
        assertThat(alonso.consistencyRatio()).isCloseTo(0.0, within(1e-12));
        assertThat(Arrays.stream(alonso.weights().values()).boxed().toList()).allSatisfy(w -> assertThat(w).isCloseTo(1.0 / 101, within(1e-15)));
        assertThat(Ahp.withDefaults().with(RandomIndex.AHPSURVEY_SIMULATED).evaluate(big).randomIndex())
            .isEqualTo(RandomIndex.AHPSURVEY_SIMULATED.value(50));
    }

    private static double[] ones(int n) {
        double[] upper = new double[n * (n - 1) / 2];
        Arrays.fill(upper, 1);
        return upper;
    }

    @Test
    void emptyAndMismatchedShapesAreNamed() {
        assertThatThrownBy(() -> PairwiseMatrix.of(new ArrayList<>(), new double[0][])).isInstanceOf(AhpException.class)
            .hasMessageContaining("at least one name");
        assertThatThrownBy(() -> PairwiseMatrix.fromUpperTriangle(THREE, 1, 2)).isInstanceOf(AhpException.class)
            .hasMessageContaining("need 3 upper-triangle judgments but 2");
        assertThatThrownBy(() -> IncompleteMatrix.of(THREE, new double[][] {{1, 1, 1}, {1, 1}, {1, 1, 1}}))
            .isInstanceOf(AhpException.class).hasMessageContaining("row 'b'");
        assertThatThrownBy(() -> GroupAhp.withDefaults().evaluate(List.of())).isInstanceOf(AhpException.class)
            .hasMessageContaining("at least one expert");
    }
}
