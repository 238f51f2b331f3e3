package org.powercx.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import org.powercx.core.CsvTableReader;
import org.powercx.core.IndicatorTable;

/**
 * Reading a CSV file of {@code rows} customers by 16 random doubles (uniform in [0, 100), written by
 * {@link Double#toString}, about 300 MB for 1,000,000 rows: the shape of the pandas peer script) into an
 * {@link IndicatorTable} with {@link CsvTableReader#read(Path)} on 1 and 2 threads, and streamed in blocks with
 * {@link CsvTableReader#stream(Path, int)}, against the in-run baseline that only reads the file's bytes and counts
 * its lines.
 *
 * <p>The file is written to a temporary directory at set-up (seeded) and deleted at tear-down.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class CsvReadBenchmark {
    /** Number of customers in the file. */
    @Param({"1000000"})
    public int rows;

    /** Number of indicator columns. */
    @Param({"16"})
    public int columns;

    /** Threads the reader parses with. */
    @Param({"1", "2"})
    public int threads;

    Path file;
    private final byte[] buffer = new byte[1 << 20];

    /** Writes the seeded file. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = Files.createTempFile("csv-read", ".csv");
        writeFile(file, rows, columns, 20_261_204L);
    }

    /** Deletes the file. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    /**
     * Writes {@code id,x0,...} and {@code rows} customers {@code c0, c1, ...} of uniform values in [0, 100).
     *
     * @param target the file
     * @param rows customers
     * @param columns values per customer
     * @param seed the seed
     * @throws IOException if writing fails
     */
    static void writeFile(Path target, int rows, int columns, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder line = new StringBuilder(512);
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            line.append("id");
            for (int j = 0; j < columns; j++) {
                line.append(",x").append(j);
            }
            out.append(line).append('\n');
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                line.append('c').append(i);
                for (int j = 0; j < columns; j++) {
                    line.append(',').append(random.nextDouble() * 100.0);
                }
                out.append(line).append('\n');
            }
        }
    }

    /**
     * Reads the file into a table.
     *
     * @return the table
     */
    @Benchmark
    public IndicatorTable read() {
        return CsvTableReader.withDefaults().withThreads(threads).read(file).table();
    }

    /**
     * Streams the file in blocks of 65,536 rows ({@link CsvTableReader#stream(Path, int)}: windows of bytes parsed
     * on {@code threads} threads, as the command line's streaming passes read) and sums every value.
     *
     * @return the sum
     */
    @Benchmark
    public double streamSum() {
        return Baselines.sum(CsvTableReader.withDefaults().withThreads(threads).stream(file, 65_536));
    }

    /**
     * The same file as a byte stream (a {@link java.io.InputStream}, as standard input arrives), streamed in blocks of
     * 65,536 rows ({@link CsvTableReader#stream(java.io.InputStream, String, int)}: windows of the bytes as they
     * come, parsed on {@code threads} threads) and summed.
     *
     * @return the sum
     * @throws IOException if the file cannot be opened
     */
    @Benchmark
    public double streamSumFromInputStream() throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return Baselines.sum(CsvTableReader.withDefaults().withThreads(threads).stream(in, "piped", 65_536));
        }
    }

    /**
     * Baseline: reads the file's bytes (on one thread) and counts the line feeds.
     *
     * @return the number of lines
     * @throws IOException if reading fails
     */
    @Benchmark
    public long baselineCountLines() throws IOException {
        long lines = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer wrap = ByteBuffer.wrap(buffer);
            while (true) {
                wrap.clear();
                int n = channel.read(wrap);
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }
}
