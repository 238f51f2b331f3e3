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
import org.powercx.core.Normalisation;
import org.powercx.core.Normaliser;

/**
 * Min-max normalisation of a column-major table: the fitted normaliser's column kernel against a plain pass
 * that sums the same primitive data (the in-run baseline), and the whole-table API that also allocates and
 * validates the result.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NormalisationBenchmark {
    /** Number of customers. */
    @Param({"1000000"})
    public int rows;

    /** Number of indicators. */
    @Param({"16"})
    public int indicators;

    IndicatorTable table;
    Normaliser normaliser;
    double[][] columns;
    double[] out;

    /** Builds a seeded table with benefit, cost and target indicators. */
    @Setup(Level.Trial)
    public void setUp() {
        table = table(rows, indicators, 42L);
        normaliser = Normalisation.MIN_MAX.fit(table);
        columns = new double[indicators][];
        for (int j = 0; j < indicators; j++) {
            columns[j] = table.column(j);
        }
        out = new double[rows];
    }

    static IndicatorTable table(int n, int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Indicator> list = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            list.add(j % 3 == 0 ? Indicator.benefit("x" + j)
                : j % 3 == 1 ? Indicator.cost("x" + j) : Indicator.target("x" + j, 0.5));
        }
        List<String> ids = new ArrayList<>(n);
        double[][] cols = new double[m][n];
        for (int i = 0; i < n; i++) {
            ids.add("c" + i);
        }
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                cols[j][i] = random.nextDouble();
            }
        }
        return IndicatorTable.ofColumns(list, ids, cols);
    }

    /**
     * Baseline: one plain pass summing every value.
     *
     * @return the sum
     */
    @Benchmark
    public double baselineSum() {
        return Baselines.sum(columns);
    }

    /**
     * The normaliser's kernel over every column into one reused buffer, summing the output.
     *
     * @return the sum of normalised values
     */
    @Benchmark
    public double kernel() {
        double s = 0;
        for (int j = 0; j < columns.length; j++) {
            normaliser.applyToColumn(j, columns[j], 0, rows, out, 0);
            for (double v : out) {
                s += v;
            }
        }
        return s;
    }

    /**
     * The table API: copies, normalises and validates into a new table.
     *
     * @return the normalised table
     */
    @Benchmark
    public IndicatorTable table() {
        return normaliser.apply(table);
    }
}
