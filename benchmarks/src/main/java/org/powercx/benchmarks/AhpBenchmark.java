package org.powercx.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.powercx.ahp.Ahp;
import org.powercx.ahp.AhpResult;
import org.powercx.ahp.GroupAhp;
import org.powercx.ahp.GroupResult;
import org.powercx.ahp.PairwiseMatrix;

/**
 * AHP speed targets: evaluating one 9 x 9 matrix (eigenvector, CI, CR; target under 2 microseconds) and
 * aggregating 10,000 experts' 9 x 9 judgments by AIJ with every expert's CR (target under 50 ms). Each has an
 * in-run baseline, a plain pass summing the same primitive entries, so the results read as ratios.
 *
 * <p>The experts are simulated: true priorities, each judgment the true ratio times log-normal noise, rounded
 * to the nearest value of Saaty's 1/9..9 scale (seeded, reproducible).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AhpBenchmark {
    /** Number of experts in the aggregation benchmark. */
    @Param({"10000"})
    public int experts;

    /** Matrix order. */
    @Param({"3", "5", "7", "9", "11", "13", "15"})
    public int order;

    PairwiseMatrix matrix;
    double[] matrixEntries;
    List<PairwiseMatrix> judgments;
    double[] judgmentEntries;
    final Ahp ahp = Ahp.withDefaults();
    final GroupAhp group = GroupAhp.withDefaults();

    /** Builds the seeded matrices. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20261123L);
        matrix = expert(order, random);
        matrixEntries = flat(List.of(matrix), order);
        judgments = new ArrayList<>(experts);
        for (int k = 0; k < experts; k++) {
            judgments.add(expert(order, random));
        }
        judgmentEntries = flat(judgments, order);
    }

    static PairwiseMatrix expert(int n, SplittableRandom random) {
        List<String> names = new ArrayList<>();
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            names.add("c" + i);
            w[i] = 0.2 + random.nextDouble();
        }
        double[] upper = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double ratio = w[i] / w[j] * Math.exp(0.3 * gaussian(random));
                upper[k++] = saaty(ratio);
            }
        }
        return PairwiseMatrix.fromUpperTriangle(names, upper);
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    private static double saaty(double ratio) {
        double r = Math.max(1.0 / 9, Math.min(9, ratio));
        return r >= 1 ? Math.rint(r) : 1 / Math.rint(1 / r);
    }

    static double[] flat(List<PairwiseMatrix> matrices, int n) {
        double[] all = new double[matrices.size() * n * n];
        int p = 0;
        for (PairwiseMatrix m : matrices) {
            for (double[] row : m.toArray()) {
                System.arraycopy(row, 0, all, p, n);
                p += n;
            }
        }
        return all;
    }

    /**
     * Evaluates the 9 x 9 matrix through the public API.
     *
     * @return the result
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public AhpResult evaluate() {
        return ahp.evaluate(matrix);
    }

    /**
     * Baseline: one plain pass summing the 81 entries.
     *
     * @return the sum
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public double evaluateBaseline() {
        return sum(matrixEntries);
    }

    /**
     * Aggregates all experts' judgments (AIJ) with each expert's CR.
     *
     * @return the result
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public GroupResult aggregate() {
        return group.evaluate(judgments);
    }

    /**
     * Baseline: one plain pass summing all experts' entries.
     *
     * @return the sum
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double aggregateBaseline() {
        return sum(judgmentEntries);
    }

    static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
