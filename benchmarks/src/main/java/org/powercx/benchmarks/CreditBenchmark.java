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
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.credit.DiscriminantModel;
import org.powercx.credit.LinearDiscriminant;

/**
 * Fisher discriminant on 10,000 to 1,000,000 customers by 20 indicators (X ~ N(0, 1), default drawn from a logistic
 * model, as in the scikit-learn timing anchor): the one-pass fit from primitive columns and from a table,
 * and scoring every customer with the primitive kernel, against in-run baselines over the same column
 * arrays: a plain sum of every value (one read of the data) and per-customer row sums (the same memory
 * traffic and output as scoring).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CreditBenchmark {
    /** Number of customers. */
    @Param({"10000", "100000", "1000000"})
    public int rows;

    /** Number of indicators. */
    @Param({"20"})
    public int indicators;

    List<Indicator> list;
    IndicatorTable table;
    double[][] columns;
    int[] labels;
    DiscriminantModel model;
    double[] out;

    /** Builds the seeded data and fits the model used for scoring. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(12345L);
        list = new ArrayList<>();
        double[] beta = new double[indicators];
        for (int j = 0; j < indicators; j++) {
            list.add(Indicator.benefit("x" + j));
            beta[j] = random.nextDouble() - 0.5;
        }
        columns = new double[indicators][rows];
        labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            double eta = -1;
            for (int j = 0; j < indicators; j++) {
                double x = gaussian(random);
                columns[j][i] = x;
                eta += beta[j] * x;
            }
            labels[i] = random.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        List<String> ids = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            ids.add("c" + i);
        }
        table = IndicatorTable.ofColumns(list, ids, columns);
        model = LinearDiscriminant.withDefaults().fit(list, columns, labels);
        out = new double[rows];
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * One-pass fit from primitive columns.
     *
     * @return the model
     */
    @Benchmark
    public DiscriminantModel fitColumns() {
        return LinearDiscriminant.withDefaults().fit(list, columns, labels);
    }

    /**
     * One-pass fit from primitive columns on two threads.
     *
     * @return the model
     */
    @Benchmark
    public DiscriminantModel fitColumnsTwoThreads() {
        return LinearDiscriminant.withDefaults().withThreads(2).fit(list, columns, labels);
    }

    /**
     * Fit from the table (includes copying its columns).
     *
     * @return the model
     */
    @Benchmark
    public DiscriminantModel fitTable() {
        return LinearDiscriminant.withDefaults().fit(table, labels);
    }

    /**
     * Decision values of every customer with the primitive kernel.
     *
     * @return the scores
     */
    @Benchmark
    public double[] score() {
        model.scores(columns, out);
        return out;
    }

    /**
     * Baseline: the sum of every value, one read of the data.
     *
     * @return the sum
     */
    @Benchmark
    public double baselineSum() {
        return Baselines.sum(columns);
    }

    /**
     * Baseline: per-customer row sums into the output buffer.
     *
     * @return the row sums
     */
    @Benchmark
    public double[] baselineRowSums() {
        return Baselines.rowSums(columns, out);
    }
}
