package org.powercx.benchmarks;

import java.util.List;
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
 * traffic and output as scoring), and the public call scoring the table. A four-class model (the same rows
 * banded by their linear predictor) is scored column by column with the probability kernel against the
 * row-by-row {@code probabilities(row)} loop.
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
    DiscriminantModel multiModel;
    double[][] multiOut;

    /** Builds the seeded data and fits the model used for scoring. */
    @Setup(Level.Trial)
    public void setUp() {
        CreditData data = CreditData.generate(rows, indicators);
        list = data.indicators;
        columns = data.columns;
        labels = data.labels;
        table = data.table;
        model = LinearDiscriminant.withDefaults().fit(list, columns, labels);
        out = new double[rows];
        multiModel = fitMultiClass();
        multiOut = new double[4][rows];
    }

    /**
     * The four-class model: rows banded at the quartiles of a seeded linear predictor.
     *
     * @return the fitted model
     */
    DiscriminantModel fitMultiClass() {
        double[] eta = new double[rows];
        for (int j = 0; j < indicators; j++) {
            double w = (j % 3) - 1;
            for (int i = 0; i < rows; i++) {
                eta[i] += w * columns[j][i];
            }
        }
        double[] sorted = eta.clone();
        java.util.Arrays.sort(sorted);
        int[] band = new int[rows];
        for (int i = 0; i < rows; i++) {
            for (int q = 1; q < 4; q++) {
                if (eta[i] > sorted[q * rows / 4]) {
                    band[i] = q;
                }
            }
        }
        return LinearDiscriminant.withDefaults().fit(list, columns, band);
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
     * The public call: decision values of every customer of the table ({@code model.scores(table)}: matches the
     * columns by name, reads them in place, allocates and checks the output), next to the kernel {@link #score()}.
     *
     * @return the scores
     */
    @Benchmark
    public double[] scoreTable() {
        return model.scores(table);
    }

    /**
     * Posterior probabilities of four classes for every customer with the column kernel.
     *
     * @return the probabilities {@code [class][row]}
     */
    @Benchmark
    public double[][] probabilitiesMultiClass() {
        multiModel.probabilities(columns, multiOut);
        return multiOut;
    }

    /**
     * Baseline: the same probabilities row by row through {@code probabilities(row)}.
     *
     * @return the probabilities {@code [class][row]}
     */
    @Benchmark
    public double[][] probabilitiesMultiClassRowByRow() {
        double[] row = new double[indicators];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < indicators; j++) {
                row[j] = columns[j][i];
            }
            double[] p = multiModel.probabilities(row);
            for (int m = 0; m < p.length; m++) {
                multiOut[m][i] = p[m];
            }
        }
        return multiOut;
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
