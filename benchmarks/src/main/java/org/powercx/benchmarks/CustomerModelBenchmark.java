package org.powercx.benchmarks;

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
import org.powercx.core.IndicatorTable;
import org.powercx.samples.CustomerGenerator;
import org.powercx.segmentation.AnalysisReport;
import org.powercx.segmentation.CustomerAnalysis;
import org.powercx.segmentation.CustomerModel;
import org.powercx.segmentation.CustomerScores;
import org.powercx.segmentation.ScoringBuffer;

/**
 * Scoring 1,000,000 generated customers with a fitted {@link CustomerModel} on one thread (derived columns,
 * both grey relational grades, segments, default probability and grade, five risk topics, lifetime value and
 * service measures), over the whole column range, block by block through a small buffer as a stream would,
 * and through the table convenience; beside the refitting pipeline {@code analyse} on the same table and an
 * in-run baseline: per-row sums over the same input columns.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class CustomerModelBenchmark {
    /** Number of customers. */
    @Param({"1000000"})
    public int customers;

    /** Rows per call of the block-by-block variant. */
    static final int BLOCK = 16_384;

    IndicatorTable table;
    CustomerModel model;
    double[][] columns;
    ScoringBuffer whole;
    ScoringBuffer block;
    double[] sums;

    /** Generates the customers with a fixed seed and fits the model on them. */
    @Setup(Level.Trial)
    public void setUp() {
        table = CustomerGenerator.withDefaults().generate(customers, 20261204L).table();
        model = CustomerAnalysis.withDefaults().fit(table);
        columns = new double[model.inputColumns().size()][];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = table.column(model.inputColumns().get(k));
        }
        whole = model.newBuffer(customers);
        block = model.newBuffer(BLOCK);
        sums = new double[customers];
    }

    /**
     * Baseline: per-row sums over the model's input columns.
     *
     * @return the sums
     */
    @Benchmark
    public double[] baselineRowSums() {
        return Baselines.rowSums(columns, sums);
    }

    /**
     * The column kernel over every row in one call.
     *
     * @return the buffer
     */
    @Benchmark
    public ScoringBuffer apply() {
        model.apply(columns, 0, customers, whole);
        return whole;
    }

    /**
     * The column kernel block by block through a buffer of {@value #BLOCK} rows.
     *
     * @return the sum of the lifetime values (each block's buffer is overwritten by the next)
     */
    @Benchmark
    public double applyBlocks() {
        double s = 0;
        for (int from = 0; from < customers; from += BLOCK) {
            int to = Math.min(customers, from + BLOCK);
            model.apply(columns, from, to, block);
            for (int i = 0; i < to - from; i++) {
                s += block.lifetimeValue(i);
            }
        }
        return s;
    }

    /**
     * The table convenience.
     *
     * @return the scores
     */
    @Benchmark
    public CustomerScores applyTable() {
        return model.apply(table);
    }

    /**
     * The refitting pipeline on the same table.
     *
     * @return the report
     */
    @Benchmark
    public AnalysisReport analyse() {
        return CustomerAnalysis.withDefaults().analyse(table);
    }
}
