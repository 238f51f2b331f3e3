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
import org.powercx.core.Weights;
import org.powercx.grey.GreyRelationalAnalysis;
import org.powercx.grey.GreyRelationalModel;
import org.powercx.grey.GreyRelationalResult;

/**
 * Weighted grey relational analysis (normalise, clip, coefficient, weighted grade) of 10,000 to 10,000,000
 * customers by 16 indicators with a fitted model's primitive kernel, on one and on two threads, against two in-run
 * baselines over the same column arrays: a plain sum of every value, and per-customer row sums (the same
 * memory traffic and output as the kernel), and the public call {@code evaluate(table, weights)} that fits and
 * ranks as well.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GreyBenchmark {
    /** Number of customers. */
    @Param({"10000", "100000", "1000000", "10000000"})
    public int rows;

    /** Number of indicators. */
    @Param({"16"})
    public int indicators;

    IndicatorTable table;
    Weights weights;
    GreyRelationalModel sequential;
    GreyRelationalModel twoThreads;
    double[][] columns;
    double[] out;

    /** Builds a seeded table of benefit, cost and target indicators, unequal weights, and fits the models. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20261123L);
        List<Indicator> list = new ArrayList<>();
        double[] w = new double[indicators];
        for (int j = 0; j < indicators; j++) {
            list.add(j % 3 == 0 ? Indicator.benefit("x" + j)
                : j % 3 == 1 ? Indicator.cost("x" + j) : Indicator.target("x" + j, 50));
            w[j] = 1 + random.nextDouble();
        }
        List<String> ids = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            ids.add("c" + i);
        }
        double[][] cols = new double[indicators][rows];
        for (int j = 0; j < indicators; j++) {
            for (int i = 0; i < rows; i++) {
                cols[j][i] = 100 * random.nextDouble();
            }
        }
        table = IndicatorTable.ofColumns(list, ids, cols);
        weights = Weights.normalised(table.indicatorNames(), w);
        sequential = GreyRelationalAnalysis.withDefaults().fit(table, weights);
        twoThreads = GreyRelationalAnalysis.withDefaults().withThreads(2).fit(table, weights);
        columns = new double[indicators][];
        for (int j = 0; j < indicators; j++) {
            columns[j] = table.column(j);
        }
        out = new double[rows];
    }

    /**
     * Baseline: a plain sum of every value.
     *
     * @return the sum
     */
    @Benchmark
    public double baselineSum() {
        return Baselines.sum(columns);
    }

    /**
     * Baseline: each customer's sum over the indicators into the output array, column by column.
     *
     * @return the output array
     */
    @Benchmark
    public double[] baselineRowSums() {
        return Baselines.rowSums(columns, out);
    }

    /**
     * Weighted GRA grades on one thread.
     *
     * @return the grades
     */
    @Benchmark
    public double[] graSequential() {
        sequential.grades(columns, 0, rows, out, 0);
        return out;
    }

    /**
     * Weighted GRA grades on two threads.
     *
     * @return the grades
     */
    @Benchmark
    public double[] graTwoThreads() {
        twoThreads.grades(columns, 0, rows, out, 0);
        return out;
    }

    /**
     * The public call: {@code GreyRelationalAnalysis.evaluate(table, weights)} fits the model (one bounds pass
     * over the table) and scores it, grades and ranking at once, coefficients on request; one thread.
     *
     * @return the result
     */
    @Benchmark
    public GreyRelationalResult evaluateSequential() {
        return GreyRelationalAnalysis.withDefaults().evaluate(table, weights);
    }

    /**
     * The public call on two scoring threads.
     *
     * @return the result
     */
    @Benchmark
    public GreyRelationalResult evaluateTwoThreads() {
        return GreyRelationalAnalysis.withDefaults().withThreads(2).evaluate(table, weights);
    }
}
