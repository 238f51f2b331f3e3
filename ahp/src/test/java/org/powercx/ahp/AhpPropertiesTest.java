package org.powercx.ahp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.powercx.core.Weights;

/**
 * Invariants of the AHP calculators over generated positive reciprocal matrices of order 1 to 15.
 *
 * <p>Tolerances: relabelling and aggregation change only the order or grouping of floating-point sums, so
 * the results agree to rounding; the power iteration stops when no weight moves by more than 1e-12, and a
 * differently ordered sum can stop one step earlier or later, so weights are compared with an absolute
 * 1e-11 and the eigenvalue and indices with a relative 1e-9.
 */
class AhpPropertiesTest {

    /** Judgments on Saaty's 1-9 scale and its reciprocals, plus continuous values in [1/9, 9]. */
    private static Arbitrary<Double> judgment() {
        Arbitrary<Double> saaty = Arbitraries.integers().between(1, 9)
            .flatMap(v -> Arbitraries.of((double) v, 1.0 / v));
        Arbitrary<Double> continuous = Arbitraries.doubles().between(-2.2, 2.2).ofScale(12).filter(v -> Math.abs(v) <= Math.log(9)).map(Math::exp);
        return Arbitraries.oneOf(saaty, continuous);
    }

    static List<String> names(int n) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            names.add("c" + k);
        }
        return names;
    }

    @Provide
    Arbitrary<PairwiseMatrix> matrices() {
        return Arbitraries.integers().between(1, 15).flatMap(n -> judgment().array(double[].class)
            .ofSize(n * (n - 1) / 2).map(upper -> PairwiseMatrix.fromUpperTriangle(names(n), upper)));
    }

    private static List<Integer> range(int n) {
        List<Integer> r = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            r.add(k);
        }
        return r;
    }

    @Provide
    Arbitrary<double[]> positiveVectors() {
        return Arbitraries.integers().between(1, 15)
            .flatMap(n -> Arbitraries.doubles().between(-6.9, 6.9).ofScale(12).array(double[].class)
                .ofSize(n).map(x -> Arrays.stream(x).map(Math::exp).toArray()));
    }

    @Property(tries = 200)
    void weightsArePositiveFiniteAndSumToOneForEveryMethod(@ForAll("matrices") PairwiseMatrix m) {
        for (PriorityMethod method : PriorityMethod.values()) {
            AhpResult r = Ahp.withDefaults().with(method).evaluate(m);
            double[] w = r.weights().values();
            assertThat(w).hasSize(m.size());
            double sum = 0;
            for (double v : w) {
                assertThat(v).isFinite().isPositive();
                sum += v;
            }
            assertThat(sum).isCloseTo(1.0, within(1e-12));
            assertThat(r.weights().names()).isEqualTo(m.names());
            assertThat(r.lambdaMax()).isFinite();
            assertThat(r.consistencyIndex()).isFinite().isNotNegative();
            assertThat(r.consistencyRatio()).isFinite().isNotNegative();
            if (method == PriorityMethod.EIGENVECTOR) {
                // Perron: lambda max >= n for a positive reciprocal matrix (Saaty 1977), up to rounding
                assertThat(r.lambdaMax()).isGreaterThanOrEqualTo(m.size() * (1 - 1e-12));
            }
        }
    }

    @Property(tries = 150)
    void relabellingTheCriteriaPermutesTheWeightsOnly(@ForAll("matrices") PairwiseMatrix m, @ForAll long seed) {
        int n = m.size();
        List<Integer> order = range(n);
        Collections.shuffle(order, new Random(seed));
        int[] p = order.stream().mapToInt(Integer::intValue).toArray();
        List<String> names = m.names();
        List<String> permutedNames = new ArrayList<>();
        double[][] permuted = new double[n][n];
        for (int i = 0; i < n; i++) {
            permutedNames.add(names.get(p[i]));
            for (int j = 0; j < n; j++) {
                permuted[i][j] = m.get(p[i], p[j]);
            }
        }
        PairwiseMatrix pm = PairwiseMatrix.of(permutedNames, permuted);
        for (PriorityMethod method : PriorityMethod.values()) {
            Ahp ahp = Ahp.withDefaults().with(method);
            AhpResult r = ahp.evaluate(m);
            AhpResult q = ahp.evaluate(pm);
            for (int i = 0; i < n; i++) {
                assertThat(q.weights().get(permutedNames.get(i)))
                    .isCloseTo(r.weights().get(permutedNames.get(i)), within(1e-11));
            }
            assertThat(q.lambdaMax()).isCloseTo(r.lambdaMax(), within(1e-9 * r.lambdaMax()));
            assertThat(q.consistencyIndex()).isCloseTo(r.consistencyIndex(), within(1e-9 * r.lambdaMax()));
            assertThat(q.consistencyRatio()).isCloseTo(r.consistencyRatio(), within(1e-9 * r.lambdaMax()));
            assertThat(q.geometricConsistencyIndex())
                .isCloseTo(r.geometricConsistencyIndex(), within(1e-9 * (1 + r.geometricConsistencyIndex())));
        }
    }

    @Property(tries = 200)
    void consistentMatrixHasZeroRatioAndReturnsTheGeneratingWeights(@ForAll("positiveVectors") double[] x) {
        int n = x.length;
        double sum = Arrays.stream(x).sum();
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = i == j ? 1 : x[i] / x[j];
            }
        }
        PairwiseMatrix m = PairwiseMatrix.of(names(n), a);
        for (PriorityMethod method : PriorityMethod.values()) {
            AhpResult r = Ahp.withDefaults().with(method).evaluate(m);
            assertThat(r.consistencyRatio()).isCloseTo(0.0, within(1e-12));
            assertThat(r.consistencyIndex()).isCloseTo(0.0, within(1e-12));
            assertThat(r.lambdaMax()).isCloseTo(n, within(1e-12 * n));
            assertThat(r.geometricConsistencyIndex()).isCloseTo(0.0, within(1e-12));
            for (int i = 0; i < n; i++) {
                double expected = x[i] / sum;
                assertThat(r.weights().values()[i]).isCloseTo(expected, within(1e-9 * expected));
            }
        }
    }

    @Property(tries = 100)
    void groupOfIdenticalExpertsReturnsThatExpertsWeights(@ForAll("matrices") PairwiseMatrix m,
            @ForAll @IntRange(min = 1, max = 70) int experts) {
        List<PairwiseMatrix> same = Collections.nCopies(experts, m);
        Weights single = Ahp.withDefaults().evaluate(m).weights();
        double[] expertWeights = new double[experts];
        for (int k = 0; k < experts; k++) {
            expertWeights[k] = 1 + k % 3;
        }
        for (Aggregation aggregation : Aggregation.values()) {
            GroupAhp group = GroupAhp.withDefaults().with(aggregation);
            for (GroupResult g : List.of(group.evaluate(same), group.evaluate(same, expertWeights))) {
                for (String name : m.names()) {
                    assertThat(g.weights().get(name)).isCloseTo(single.get(name), within(1e-9 * single.get(name)));
                }
                for (double s : g.dispersion()) {
                    // identical priorities: the spread is the rounding of a weighted mean of up to 70 terms
                    assertThat(s).isCloseTo(0.0, within(1e-13));
                }
                assertThat(g.includedCount()).isEqualTo(experts);
            }
        }
    }

    @Property(tries = 150)
    void completingACompleteMatrixChangesNothing(@ForAll("matrices") PairwiseMatrix m) {
        IncompleteMatrix im = IncompleteMatrix.of(m.names(), m.toArray());
        assertThat(im.missingPairs()).isEmpty();
        assertThat(im.isConnected()).isTrue();
        for (CompletionMethod method : CompletionMethod.values()) {
            PairwiseMatrix completed = im.complete(method);
            assertThat(completed).isEqualTo(m);
            CompletionResult r = Ahp.withDefaults().evaluate(im, method);
            assertThat(r.result().weights()).isEqualTo(Ahp.withDefaults().evaluate(m).weights());
        }
    }

    @Property(tries = 60)
    void harkerCompletionOfAConsistentMatrixRecoversTheMissingRatios(@ForAll("positiveVectors") double[] x,
            @ForAll long seed) {
        int n = x.length;
        double[][] a = new double[n][n];
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            a[i][i] = 1;
            for (int j = i + 1; j < n; j++) {
                // keep the chain (i, i+1) so the graph stays connected; drop about half of the others
                boolean missing = j > i + 1 && random.nextBoolean();
                a[i][j] = missing ? Double.NaN : x[i] / x[j];
                a[j][i] = missing ? Double.NaN : x[j] / x[i];
            }
        }
        IncompleteMatrix im = IncompleteMatrix.of(names(n), a);
        PairwiseMatrix completed = im.complete(CompletionMethod.HARKER);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double expected = x[i] / x[j];
                assertThat(completed.get(i, j)).isCloseTo(expected, within(1e-9 * expected));
            }
        }
    }

    @Property(tries = 50)
    void fullArrayFactoryAcceptsWhatTheUpperTriangleFactoryBuilds(@ForAll("matrices") PairwiseMatrix m) {
        // the upper-triangle factory stores exact reciprocals, so the full-array check must accept them
        assertThat(PairwiseMatrix.of(m.names(), m.toArray())).isEqualTo(m);
    }
}
