package org.powercx.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.powercx.core.IndicatorTable;
import org.powercx.grey.GreyRelationalModel;
import org.powercx.samples.CustomerGenerator;
import org.powercx.segmentation.CustomerAnalysis;
import org.powercx.segmentation.CustomerModel;
import org.powercx.spark.ColumnMapping;
import org.powercx.spark.SparkScorer;

/**
 * A timed harness (not JMH: a Spark job is seconds long and runs its own threads) of {@link SparkScorer} in
 * {@code local[2]} against an in-run baseline: a pass-through {@code mapPartitions} over the same Dataset with the
 * same row encoder ({@code pass}), the scoring with a fitted {@link CustomerModel} ({@code score}, 20 result
 * columns) and with its current-value {@link GreyRelationalModel} alone ({@code grey}, one result column), all
 * written to Spark's no-op sink, in turn in every repeat. Each phase is timed by the wall clock and by the JVM's
 * process CPU time (all threads, the driver's included). The customers are made by Spark from {@code range} and
 * seeded {@code rand} within each input column's calibration range, so that 10^7 rows need no memory on the
 * driver. Arguments: rows (default 10^7), partitions (default 8), repeats (default 3), the phases ({@code all}, the
 * default, or one of {@code pass}, {@code score}, {@code grey} alone, for a profile), and the scorer's batch rows
 * (default {@value SparkScorer#DEFAULT_BATCH_ROWS}).
 * How to run it is in docs/performance.md; it is not part of the test phase.
 */
public final class SparkScoringHarness {
    private SparkScoringHarness() {
    }

    /**
     * Runs the phases in turn, repeatedly, and prints each time and the ratios of the best times to the baseline's.
     *
     * @param args rows, partitions, repeats, phases, batch rows
     */
    public static void main(String[] args) {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String only = args.length > 3 ? args[3] : "all";
        SparkScorer scorer = args.length > 4 ? SparkScorer.withDefaults().withBatchRows(Integer.parseInt(args[4]))
            : SparkScorer.withDefaults();
        SparkSession spark = SparkSession.builder().master("local[2]").appName("powercx-spark-harness")
            .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        try {
            IndicatorTable calibration = CustomerGenerator.withDefaults().generate(20_000, 5L).table();
            CustomerModel model = CustomerAnalysis.withDefaults().fit(calibration);
            GreyRelationalModel grey = model.parameters().currentModel();
            Dataset<Row> data = customers(spark, model.inputColumns(), calibration, rows, partitions);
            ColumnMapping mapping = ColumnMapping.withDefaults().withKey("id");
            MapPartitionsFunction<Row, Row> same = it -> it;
            Map<String, Runnable> phases = new LinkedHashMap<>();
            phases.put("pass", () -> noop(data.mapPartitions(same, Encoders.row(data.schema()))));
            phases.put("score", () -> noop(scorer.score(data, model, mapping)));
            phases.put("grey", () -> noop(scorer.score(data, grey, mapping)));
            if (!"all".equals(only)) {
                phases.keySet().retainAll(List.of(only));
            }
            Map<String, double[]> best = new LinkedHashMap<>();
            for (int r = 0; r < repeats; r++) {
                StringBuilder line = new StringBuilder("run " + (r + 1) + ":");
                for (Map.Entry<String, Runnable> phase : phases.entrySet()) {
                    long c0 = processCpuNanos();
                    long t0 = System.nanoTime();
                    phase.getValue().run();
                    double wall = (System.nanoTime() - t0) / 1e9;
                    double cpu = (processCpuNanos() - c0) / 1e9;
                    double[] b = best.computeIfAbsent(phase.getKey(), k -> new double[] {Double.MAX_VALUE,
                        Double.MAX_VALUE});
                    b[0] = Math.min(b[0], wall);
                    b[1] = Math.min(b[1], cpu);
                    line.append(String.format(Locale.ROOT, " %s %.2f s (CPU %.2f s)", phase.getKey(), wall, cpu));
                }
                System.out.println(line);
            }
            double[] base = best.get("pass");
            System.out.printf(Locale.ROOT, "rows %d, partitions %d, local[2], %d repeats, best of each:%n", rows,
                partitions, repeats);
            for (Map.Entry<String, double[]> e : best.entrySet()) {
                double[] b = e.getValue();
                System.out.printf(Locale.ROOT, "  %-5s wall %6.2f s, CPU %6.2f s, %5.0f CPU-seconds per 10^9 rows%s%n",
                    e.getKey(), b[0], b[1], b[1] / rows * 1e9, base == null || b == base ? ""
                        : String.format(Locale.ROOT, ", ratio to pass: wall %.2f, CPU %.2f", b[0] / base[0],
                            b[1] / base[1]));
            }
        } finally {
            spark.stop();
        }
    }

    private static void noop(Dataset<Row> result) {
        result.write().format("noop").mode(SaveMode.Overwrite).save();
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
