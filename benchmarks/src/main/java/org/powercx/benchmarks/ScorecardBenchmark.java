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
import org.powercx.core.IndicatorTable;
import org.powercx.credit.LogisticModel;
import org.powercx.credit.LogisticRegression;
import org.powercx.credit.ScorecardModel;
import org.powercx.credit.Scorecard;

/**
 * The logistic scorecard on 1,000,000 customers by 20 indicators (X ~ N(0, 1), default drawn from a logistic
 * model with intercept -1, as in benchmarks/peers/logistic_peer.py): the IRLS fit from primitive columns (one
 * fused pass per Newton iteration; the model reports its passes), and a fitted scorecard applied to every
 * customer with the primitive kernel and through a table, against in-run baselines over the same column arrays:
 * a plain sum of every value (one read of the data, the memory floor of one pass) and per-customer row sums (the
 * same memory traffic and output as scoring).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ScorecardBenchmark {
    /** Number of customers. */
    @Param({"1000000"})
    public int rows;

    /** Number of indicators. */
    @Param({"20"})
    public int indicators;

    List<String> names;
    IndicatorTable table;
    double[][] columns;
    int[] labels;
    ScorecardModel card;
    ScorecardModel cardTwoThreads;
    double[] out;

    /** Builds the seeded data and fits the scorecard used for scoring. */
    @Setup(Level.Trial)
    public void setUp() {
        CreditData data = CreditData.generate(rows, indicators);
        names = data.names;
        columns = data.columns;
        labels = data.labels;
        table = data.table;
        card = Scorecard.withDefaults().withMinInformationValue(0).fit(table, labels);
        cardTwoThreads = card.withThreads(2);
        out = new double[rows];
    }

    /**
     * Unpenalised IRLS logistic fit from primitive columns.
     *
     * @return the model
     */
    @Benchmark
    public LogisticModel fitLogistic() {
        return LogisticRegression.withDefaults().fit(names, columns, labels);
    }

    /**
     * The scorecard applied to every customer with the primitive kernel.
     *
     * @return the scores
     */
    @Benchmark
    public double[] scoreColumns() {
        card.scores(columns, out);
        return out;
    }

    /**
     * The scorecard applied to every customer with the primitive kernel on two threads (fixed row blocks; the
     * same bits).
     *
     * @return the scores
     */
    @Benchmark
    public double[] scoreColumnsTwoThreads() {
        cardTwoThreads.scores(columns, out);
        return out;
    }

    /**
     * The scorecard applied to every customer of the table (copies each column first).
     *
     * @return the scores
     */
    @Benchmark
    public double[] scoreTable() {
        return card.scores(table);
    }

    /**
     * Baseline: one read of every value.
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
