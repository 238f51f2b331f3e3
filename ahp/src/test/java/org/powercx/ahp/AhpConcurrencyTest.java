package org.powercx.ahp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.powercx.core.Weights;

/**
 * Shared calculators, matrices and hierarchies evaluated from 8 threads give the single-threaded answer bit
 * for bit: the calculators are immutable and every evaluation allocates its own work arrays.
 */
class AhpConcurrencyTest {
    private static final int THREADS = 8;
    private static final int REPEATS = 40;
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private static PairwiseMatrix random(List<String> names, SplittableRandom random) {
        int n = names.size();
        double[] upper = new double[n * (n - 1) / 2];
        for (int k = 0; k < upper.length; k++) {
            int v = 1 + random.nextInt(9);
            upper[k] = random.nextBoolean() ? v : 1.0 / v;
        }
        return PairwiseMatrix.fromUpperTriangle(names, upper);
    }

    /** Runs the task {@code repeats} times on each of THREADS threads and returns every answer. */
    private static List<long[]> everywhere(Supplier<long[]> task, int repeats) throws Exception {
        List<Callable<List<long[]>>> jobs = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            jobs.add(() -> {
                List<long[]> out = new ArrayList<>();
                for (int r = 0; r < repeats; r++) {
                    out.add(task.get());
                }
                return out;
            });
        }
        List<long[]> all = new ArrayList<>();
        for (Future<List<long[]>> f : pool.invokeAll(jobs)) {
            all.addAll(f.get());
        }
        return all;
    }

    private static void add(List<Double> bits, double... values) {
        for (double v : values) {
            bits.add(v);
        }
    }

    private static long[] bits(List<Double> values) {
        return values.stream().mapToLong(Double::doubleToRawLongBits).toArray();
    }

    private static long[] fingerprint(AhpResult r) {
        List<Double> v = new ArrayList<>();
        add(v, r.weights().values());
        add(v, r.lambdaMax(), r.consistencyIndex(), r.randomIndex(), r.consistencyRatio(),
            r.geometricConsistencyIndex());
        return bits(v);
    }

    private static void assertAllEqual(Supplier<long[]> task) throws Exception {
        assertAllEqual(task, REPEATS);
    }

    private static void assertAllEqual(Supplier<long[]> task, int repeats) throws Exception {
        long[] single = task.get();
        List<long[]> parallel = everywhere(task, repeats);
        assertThat(parallel).hasSize(THREADS * repeats);
        for (long[] p : parallel) {
            assertThat(p).isEqualTo(single);
        }
    }

    @Test
    void oneAhpEvaluatesTheSameFromEightThreads() throws Exception {
        SplittableRandom random = new SplittableRandom(42L);
        List<PairwiseMatrix> matrices = new ArrayList<>();
        for (int n = 1; n <= 15; n++) {
            matrices.add(random(AhpPropertiesTest.names(n), random));
        }
        for (PriorityMethod method : PriorityMethod.values()) {
            Ahp ahp = Ahp.withDefaults().with(method);
            assertAllEqual(() -> {
                List<Double> v = new ArrayList<>();
                for (PairwiseMatrix m : matrices) {
                    for (long b : fingerprint(ahp.evaluate(m))) {
                        v.add(Double.longBitsToDouble(b));
                    }
                }
                return bits(v);
            });
        }
    }

    @Test
    void oneGroupAhpEvaluatesTheSameFromEightThreads() throws Exception {
        SplittableRandom random = new SplittableRandom(7L);
        List<String> names = AhpPropertiesTest.names(6);
        List<PairwiseMatrix> experts = new ArrayList<>();
        double[] expertWeights = new double[25];
        for (int k = 0; k < 25; k++) {
            experts.add(random(names, random));
            expertWeights[k] = 1 + random.nextInt(5);
        }
        for (Aggregation aggregation : Aggregation.values()) {
            GroupAhp group = GroupAhp.withDefaults().with(aggregation).withInconsistentExcluded(true)
                .with(Ahp.withDefaults().withConsistencyThreshold(0.3));
            assertAllEqual(() -> {
                GroupResult g = group.evaluate(experts, expertWeights);
                List<Double> v = new ArrayList<>();
                add(v, g.weights().values());
                add(v, g.dispersion());
                add(v, g.consistencyRatios());
                add(v, g.individualWeights());
                add(v, g.aggregatedResult().consistencyRatio(), g.includedCount());
                return bits(v);
            });
        }
    }

    @Test
    void oneHierarchyEvaluatesTheSameFromEightThreads() throws Exception {
        SplittableRandom random = new SplittableRandom(3L);
        List<String> alternatives = List.of("x", "y", "z", "u", "v");
        List<String> criteria = List.of("price", "quality", "service", "risk");
        Hierarchy.Builder b = Hierarchy.builder("goal", random(criteria, random))
            .node("price", random(alternatives, random))
            .node("quality", random(List.of("durability", "finish"), random))
            .node("durability", random(alternatives, random))
            .node("finish", Weights.normalised(alternatives, new double[] {3, 1, 4, 1, 5}))
            .node("service", random(alternatives, random))
            .node("risk", random(alternatives, random));
        Hierarchy h = b.build();
        Ahp ahp = Ahp.withDefaults().with(PriorityMethod.EIGENVECTOR);
        assertAllEqual(() -> {
            HierarchyResult r = h.evaluate(ahp);
            List<Double> v = new ArrayList<>();
            add(v, r.leafWeights().values());
            add(v, r.consistencyRatio());
            for (String node : List.of("goal", "price", "quality", "durability", "finish", "service", "risk")) {
                add(v, r.globalWeight(node));
            }
            for (AhpResult local : r.localResults().values()) {
                for (long x : fingerprint(local)) {
                    v.add(Double.longBitsToDouble(x));
                }
            }
            return bits(v);
        });
    }

    @Test
    void completionAndRepairAreTheSameFromEightThreads() throws Exception {
        SplittableRandom random = new SplittableRandom(5L);
        List<String> names = AhpPropertiesTest.names(6);
        PairwiseMatrix full = random(names, random);
        double[][] a = full.toArray();
        for (int[] p : new int[][] {{0, 3}, {1, 4}, {2, 5}, {0, 5}}) {
            a[p[0]][p[1]] = Double.NaN;
            a[p[1]][p[0]] = Double.NaN;
        }
        IncompleteMatrix im = IncompleteMatrix.of(names, a);
        ConsistencyAdvisor advisor = ConsistencyAdvisor.withDefaults();
        assertAllEqual(() -> {
            List<Double> v = new ArrayList<>();
            for (CompletionMethod method : CompletionMethod.values()) {
                for (double[] row : im.complete(method).toArray()) {
                    add(v, row);
                }
            }
            RepairResult r = advisor.repair(full, 0.05);
            for (double[] row : r.repaired().toArray()) {
                add(v, row);
            }
            add(v, r.changes().size());
            return bits(v);
        }, 4);
    }
}
