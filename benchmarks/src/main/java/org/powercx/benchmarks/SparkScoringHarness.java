package org.powercx.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.powercx.core.IndicatorTable;
import org.powercx.grey.GreyRelationalModel;
import org.powercx.samples.CustomerGenerator;
import org.powercx.segmentation.CustomerAnalysis;
import org.powercx.segmentation.CustomerModel;
import org.powercx.segmentation.CustomerScores;
import org.powercx.spark.ColumnMapping;
import org.powercx.spark.ResultLayout;
import org.powercx.spark.SparkScorer;

/**
 * A timed harness (not JMH: a Spark job is seconds long and runs its own threads) of {@link SparkScorer} in
 * {@code local[2]} against in-run baselines, all written to Spark's no-op sink, in turn in every repeat:
 * <ul>
 *   <li>{@code pass}: a pass-through {@code mapPartitions} over the same Dataset with the same row encoder (the
 *       baseline of the ratios);</li>
 *   <li>{@code score}: the scoring with a fitted {@link CustomerModel}, 20 result columns, the categories as labels
 *       (seven strings and an array of strings);</li>
 *   <li>{@code codes}: the same scoring with the categories as integer codes ({@link ResultLayout#CODES});</li>
 *   <li>{@code grey}: the scoring with the model's current-value {@link GreyRelationalModel} alone (one result
 *       column);</li>
 *   <li>{@code wide} and {@code wide-codes}: a second, different baseline: a pass-through {@code mapPartitions}
 *       that appends constant values in the output schema of {@code score} (or of {@code codes}), no model, so
 *       that Spark's own cost of encoding rows of that width shows (it goes through {@code Row}s, as
 *       {@code pass} does).</li>
 * </ul>
 * Each phase is timed by the wall clock and by the JVM's
 * process CPU time (all threads, the driver's included). The customers are made by Spark from {@code range} and
 * seeded {@code rand} within each input column's calibration range, so that 10^7 rows need no memory on the
 * driver. Arguments: rows (default 10^7), partitions (default 8), repeats (default 3), the phases ({@code all}, the
 * default, or a comma-separated list of the phase names, for a profile), and the scorer's batch rows
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
            SparkScorer coding = scorer.with(ResultLayout.CODES);
            String[] measures = typicalMeasures(model, calibration);
            StructType labelled = scorer.score(data, model, mapping).schema();
            StructType coded = coding.score(data, model, mapping).schema();
            Map<String, Runnable> phases = new LinkedHashMap<>();
            phases.put("pass", () -> noop(data.mapPartitions(same, Encoders.row(data.schema()))));
            phases.put("score", () -> noop(scorer.score(data, model, mapping)));
            phases.put("codes", () -> noop(coding.score(data, model, mapping)));
            phases.put("grey", () -> noop(scorer.score(data, grey, mapping)));
            phases.put("wide", () -> noop(data.mapPartitions(constants(labelled, data.schema().size(), measures),
                Encoders.row(labelled))));
            phases.put("wide-codes", () -> noop(data.mapPartitions(constants(coded, data.schema().size(), measures),
                Encoders.row(coded))));
            if (!"all".equals(only)) {
                phases.keySet().retainAll(List.of(only.split(",")));
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
                System.out.printf(Locale.ROOT, "  %-10s wall %6.2f s, CPU %6.2f s, %5.0f CPU-seconds per 10^9 rows%s%n",
                    e.getKey(), b[0], b[1], b[1] / rows * 1e9, base == null || b == base ? ""
                        : String.format(Locale.ROOT, ", ratio to pass: wall %.2f, CPU %.2f", b[0] / base[0],
                            b[1] / base[1]));
            }
            // the second baseline: the same output schema with constants, no model
            for (String[] pair : new String[][] {{"score", "wide"}, {"codes", "wide-codes"}}) {
                double[] a = best.get(pair[0]);
                double[] b = best.get(pair[1]);
                if (a != null && b != null) {
                    System.out.printf(Locale.ROOT, "  %s / %s (second baseline, same output schema): wall %.2f,"
                        + " CPU %.2f%n", pair[0], pair[1], a[0] / b[0], a[1] / b[1]);
                }
            }
        } finally {
            spark.stop();
        }
    }

    /**
     * A pass-through that appends constant values to every row in the columns of an output schema after the input's
     * {@code width} columns: a label for a string, the measure list for an array, 1 for an integer, 0.5 for a double.
     */
    private static MapPartitionsFunction<Row, Row> constants(StructType output, int width, String[] measures) {
        Object[] tail = new Object[output.size() - width];
        for (int k = 0; k < tail.length; k++) {
            DataType t = output.fields()[width + k].dataType();
            if (t instanceof StringType) {
                tail[k] = "maintain";
            } else if (t instanceof ArrayType) {
                tail[k] = measures;
            } else if (t instanceof IntegerType) {
                tail[k] = 1;
            } else {
                tail[k] = 0.5;
            }
        }
        return it -> new Iterator<Row>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Row next() {
                Row r = it.next();
                Object[] v = new Object[width + tail.length];
                for (int k = 0; k < width; k++) {
                    v[k] = r.get(k);
                }
                System.arraycopy(tail, 0, v, width, tail.length);
                return RowFactory.create(v);
            }
        };
    }

    /** The measure list whose length is nearest the mean length over the calibration customers. */
    private static String[] typicalMeasures(CustomerModel model, IndicatorTable calibration) {
        CustomerScores scores = model.apply(calibration);
        double mean = 0;
        for (int i = 0; i < scores.size(); i++) {
            mean += scores.plan().measures(i).size();
        }
        mean /= scores.size();
        List<String> typical = model.measureSets().get(0);
        for (List<String> set : model.measureSets()) {
            if (Math.abs(set.size() - mean) < Math.abs(typical.size() - mean)) {
                typical = set;
            }
        }
        return typical.toArray(new String[0]);
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
