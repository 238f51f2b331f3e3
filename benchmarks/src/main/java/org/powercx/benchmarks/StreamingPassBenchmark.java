package org.powercx.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.powercx.core.CsvBlockReader;
import org.powercx.core.CsvTableReader;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorStatistics;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Weights;
import org.powercx.grey.GreyRelationalAnalysis;
import org.powercx.grey.GreyRelationalModel;

/**
 * The streaming passes of {@code powercx gra --stream} end to end on a file of customers by 16 indicators: a
 * statistics pass and a scoring pass through {@link CsvTableReader#stream} in 16,384-row blocks (the command's
 * block size), each grade written as an {@code id,grade} line to a file, on 1 and 2 parser threads; against two
 * in-run baselines: reading the file's bytes and counting its line breaks (what any reader must do), and one
 * pass through the block reader summing every value (parsing without scoring or writing). The file is the one
 * {@link GreyStreamingBenchmark} writes (three decimals per value, about 110 bytes per row).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
public class StreamingPassBenchmark {
    /** Rows per block, as in the command. */
    static final int BLOCK_ROWS = 16_384;

    /** Number of customers in the file. */
    @Param({"1000000"})
    public int rows;

    /** Parser threads. */
    @Param({"1", "2"})
    public int threads;

    Path file;
    Path out;
    List<Indicator> list;

    /** Writes the seeded file. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        list = GreyStreamingBenchmark.indicatorList(16);
        file = Files.createTempFile("stream-pass", ".csv");
        out = Files.createTempFile("stream-pass", ".out.csv");
        GreyStreamingBenchmark.writeFile(file, list, rows, 20261204L);
    }

    /** Deletes the files. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(out);
    }

    private CsvBlockReader open() {
        return CsvTableReader.withDefaults().withIndicators(list).withThreads(threads).stream(file, BLOCK_ROWS);
    }

    /**
     * What {@code gra --stream} does: statistics pass, fit, scoring pass writing {@code id,grade} lines.
     *
     * @return the number of characters written
     */
    @Benchmark
    public long graStreamTwoPasses() {
        IndicatorStatistics statistics = null;
        try (CsvBlockReader blocks = open()) {
            while (blocks.hasNext()) {
                IndicatorTable block = blocks.next();
                statistics = statistics == null ? IndicatorStatistics.empty(block.indicators()).add(block)
                    : statistics.add(block);
            }
        }
        GreyRelationalModel model = GreyRelationalAnalysis.withDefaults().fit(statistics,
            Weights.equal(statistics.indicators().stream().map(Indicator::name).toList()));
        long[] chars = {0};
        try (CsvBlockReader blocks = open();
             Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("id,grade\n");
            // as the command: lines gathered into a chunk, handed to the writer 32 K characters at a time
            StringBuilder chunk = new StringBuilder((1 << 15) + 256);
            char[] buffer = new char[(1 << 15) + 256];
            model.score(blocks, (id, grade) -> {
                chunk.append(id).append(',').append(grade).append('\n');
                if (chunk.length() >= 1 << 15) {
                    chars[0] += drain(chunk, buffer, w);
                }
            });
            chars[0] += drain(chunk, buffer, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return chars[0];
    }

    private static int drain(StringBuilder chunk, char[] buffer, Writer w) {
        int n = chunk.length();
        char[] chars = n <= buffer.length ? buffer : new char[n];
        chunk.getChars(0, n, chars, 0);
        chunk.setLength(0);
        try {
            w.write(chars, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    /**
     * Baseline: one pass through the block reader, summing every value.
     *
     * @return the sum
     */
    @Benchmark
    public double baselineOnePassSum() {
        return Baselines.sum(open());
    }

    /**
     * Baseline: reads the file's bytes and counts the line breaks.
     *
     * @return the count
     */
    @Benchmark
    public long baselineCountLines() {
        long lines = 0;
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(buffer) > 0) {
                byte[] a = buffer.array();
                int n = buffer.position();
                for (int i = 0; i < n; i++) {
                    if (a[i] == '\n') {
                        lines++;
                    }
                }
                buffer.clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
