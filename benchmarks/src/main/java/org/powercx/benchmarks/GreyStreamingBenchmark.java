package org.powercx.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.powercx.core.CsvBlockReader;
import org.powercx.core.CsvTableReader;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Weights;
import org.powercx.grey.GreyRelationalAnalysis;
import org.powercx.grey.GreyRelationalModel;

/**
 * Streaming GRA: scoring a CSV file of customers by 16 indicators block by block in bounded memory
 * ({@link GreyRelationalModel#score(CsvBlockReader, java.util.function.ObjDoubleConsumer)}), from 10,000 to
 * 10,000,000 rows, against the in-run baseline of streaming the same file through the same block reader and
 * summing every value (parsing without scoring), so that the ratio is the cost scoring adds to reading.
 *
 * <p>The model is fitted on a 10,000-customer calibration table drawn from the same distribution; the file
 * (three decimals per value, about 110 bytes per row) is written to a temporary directory at set-up and
 * deleted at tear-down.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class GreyStreamingBenchmark {
    /** Rows per block handed to the scorer. */
    static final int BLOCK_ROWS = 65_536;

    /** Number of customers in the file. */
    @Param({"10000", "100000", "1000000", "10000000"})
    public int rows;

    /** Number of indicators. */
    @Param({"16"})
    public int indicators;

    Path file;
    List<Indicator> list;
    GreyRelationalModel model;
    double[] buffer;

    /** Writes the seeded file and fits the model on a calibration sample. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        list = indicatorList(indicators);
        file = Files.createTempFile("gra-stream", ".csv");
        writeFile(file, list, rows, 20261123L);
        IndicatorTable calibration = CsvTableReader.withDefaults().withIndicators(list)
            .read(writeCalibration(list)).table();
        model = GreyRelationalAnalysis.withDefaults()
            .fit(calibration, Weights.equal(calibration.indicatorNames()));
        buffer = new double[BLOCK_ROWS];
    }

    private Path writeCalibration(List<Indicator> indicatorList) throws IOException {
        Path calibration = Files.createTempFile("gra-calibration", ".csv");
        calibration.toFile().deleteOnExit();
        writeFile(calibration, indicatorList, 10_000, 7L);
        return calibration;
    }

    /** Deletes the file. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    static List<Indicator> indicatorList(int count) {
        List<Indicator> list = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            list.add(j % 3 == 0 ? Indicator.benefit("x" + j)
                : j % 3 == 1 ? Indicator.cost("x" + j) : Indicator.target("x" + j, 50));
        }
        return list;
    }

    /**
     * Writes {@code rows} seeded customers with values in [0, 100) to three decimals.
     *
     * @param file the target
     * @param list the indicators (the header)
     * @param rows the number of customers
     * @param seed the seed
     * @throws IOException if writing fails
     */
    static void writeFile(Path file, List<Indicator> list, int rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder line = new StringBuilder(256);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            line.append("id");
            for (Indicator indicator : list) {
                line.append(',').append(indicator.name());
            }
            out.append(line).append('\n');
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                line.append('c').append(i);
                for (int j = 0; j < list.size(); j++) {
                    int thousandths = random.nextInt(100_000);
                    line.append(',').append(thousandths / 1000).append('.');
                    int frac = thousandths % 1000;
                    line.append(frac < 100 ? (frac < 10 ? "00" : "0") : "").append(frac);
                }
                out.append(line).append('\n');
            }
        }
    }

    private CsvBlockReader open() {
        return CsvTableReader.withDefaults().withIndicators(list).stream(file, BLOCK_ROWS);
    }

    /**
     * Streams the file and scores every customer, summing the grades.
     *
     * @return the sum of the grades
     */
    @Benchmark
    public double graStream() {
        double[] sum = new double[1];
        try (CsvBlockReader blocks = open()) {
            model.score(blocks, (id, grade) -> sum[0] += grade);
        }
        return sum[0];
    }

    /**
     * Baseline: streams the same file through the same block reader and sums every value.
     *
     * @return the sum
     */
    @Benchmark
    public double baselineReadSum() {
        double s = 0;
        try (CsvBlockReader blocks = open()) {
            while (blocks.hasNext()) {
                IndicatorTable block = blocks.next();
                int n = block.rowCount();
                for (int j = 0; j < block.indicatorCount(); j++) {
                    block.copyColumn(j, buffer, 0);
                    for (int i = 0; i < n; i++) {
                        s += buffer[i];
                    }
                }
            }
        }
        return s;
    }
}
