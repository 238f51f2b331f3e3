package org.powercx.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.powercx.core.IndicatorTable;
import org.powercx.samples.CustomerGenerator;
import org.powercx.segmentation.CustomerAnalysis;
import org.powercx.segmentation.CustomerModel;
import org.powercx.spark.ColumnMapping;
import org.powercx.spark.SparkScorer;

/**
 * A timed harness (not JMH: a Spark job is seconds long and runs its own threads) of {@link SparkScorer} with a
 * {@link CustomerModel} in {@code local[2]}, against an in-run baseline: a pass-through {@code mapPartitions} over
 * the same Dataset with the same row encoder, both written to Spark's no-op sink. Each phase is timed by the wall
 * clock and by the JVM's process CPU time (all threads, the driver's included). The customers are made by
 * Spark from {@code range} and seeded {@code rand} within each input column's calibration range, so that 10^7
 * rows need no memory on the driver. Arguments: rows (default 10^7), partitions (default 8), repeats (default 3).
 * How to run it is in docs/performance.md; it is not part of the test phase.
 */
public final class SparkScoringHarness {
    private SparkScoringHarness() {
    }

    /**
     * Runs the baseline and the scoring, alternately, and prints each time and the ratio of the best times.
     *
     * @param args rows, partitions, repeats
     */
    public static void main(String[] args) {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        SparkSession spark = SparkSession.builder().master("local[2]").appName("powercx-spark-harness")
            .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        try {
            IndicatorTable calibration = CustomerGenerator.withDefaults().generate(20_000, 5L).table();
            CustomerModel model = CustomerAnalysis.withDefaults().fit(calibration);
            Dataset<Row> data = customers(spark, model.inputColumns(), calibration, rows, partitions);
            MapPartitionsFunction<Row, Row> same = it -> it;
            double bestBase = Double.MAX_VALUE;
            double bestScore = Double.MAX_VALUE;
            double bestBaseCpu = Double.MAX_VALUE;
            double bestScoreCpu = Double.MAX_VALUE;
            for (int r = 0; r < repeats; r++) {
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                data.mapPartitions(same, Encoders.row(data.schema())).write().format("noop").mode(SaveMode.Overwrite)
                    .save();
                long t1 = System.nanoTime();
                long c1 = processCpuNanos();
                SparkScorer.withDefaults().score(data, model, ColumnMapping.withDefaults().withKey("id")).write()
                    .format("noop").mode(SaveMode.Overwrite).save();
                long t2 = System.nanoTime();
                long c2 = processCpuNanos();
                double base = (t1 - t0) / 1e9;
                double score = (t2 - t1) / 1e9;
                double baseCpu = (c1 - c0) / 1e9;
                double scoreCpu = (c2 - c1) / 1e9;
                bestBase = Math.min(bestBase, base);
                bestScore = Math.min(bestScore, score);
                bestBaseCpu = Math.min(bestBaseCpu, baseCpu);
                bestScoreCpu = Math.min(bestScoreCpu, scoreCpu);
                System.out.printf(Locale.ROOT, "run %d: pass-through %.2f s (CPU %.2f s), scoring %.2f s (CPU %.2f s)%n",
                    r + 1, base, baseCpu, score, scoreCpu);
            }
            System.out.printf(Locale.ROOT, "rows %d, partitions %d, local[2]: best pass-through %.2f s, best scoring"
                + " %.2f s, ratio %.2f, scoring %.0f rows/s, %.0f CPU-seconds per 10^9 rows (2 cores)%n", rows,
                partitions, bestBase, bestScore, bestScore / bestBase, rows / bestScore, 2 * bestScore / rows * 1e9);
            System.out.printf(Locale.ROOT, "process CPU time: best pass-through %.2f s, best scoring %.2f s, ratio"
                + " %.2f, %.0f CPU-seconds per 10^9 rows%n", bestBaseCpu, bestScoreCpu, bestScoreCpu / bestBaseCpu,
                bestScoreCpu / rows * 1e9);
        } finally {
            spark.stop();
        }
    }

    /**
     * The CPU time of this JVM (all its threads): on a shared machine a ratio of CPU times is less disturbed by the
     * other processes than a ratio of wall times.
     */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    private static Dataset<Row> customers(SparkSession spark, List<String> inputs, IndicatorTable calibration,
            long rows, int partitions) {
        Dataset<Row> data = spark.range(0, rows, 1, partitions).toDF();
        for (int j = 0; j < inputs.size(); j++) {
            double[] c = calibration.column(inputs.get(j));
            double lo = Double.MAX_VALUE;
            double hi = -Double.MAX_VALUE;
            for (double v : c) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            data = data.withColumn(inputs.get(j), functions.lit(lo).plus(functions.rand(1000L + j)
                .multiply(hi - lo)));
        }
        return data;
    }
}
