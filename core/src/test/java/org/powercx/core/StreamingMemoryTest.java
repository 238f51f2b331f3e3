package org.powercx.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that {@link CsvTableReader#stream(Path, int)} reads a file that does not fit in the heap: a forked JVM
 * with a deliberately small heap streams every row and gets the right column sums, while the same JVM reading
 * the file whole runs out of memory. The same holds for the same bytes on standard input
 * ({@link CsvTableReader#stream(java.io.InputStream, String, int)}).
 */
class StreamingMemoryTest {
    private static final int ROWS = 1_200_000;
    private static final String HEAP = "-Xmx32m";

    /** Entry point of the forked JVM: {@code stream FILE}, {@code stdin FILE} (the file on standard input) or
     * {@code read FILE}. */
    public static final class Main {
        private Main() {
        }

        /**
         * Streams or reads the file and prints the row count and column sums.
         *
         * @param args mode and file
         */
        public static void main(String[] args) {
            Path file = Path.of(args[1]);
            double[] sums = new double[3];
            long rows = 0;
            if (!args[0].equals("read")) {
                try (CsvBlockReader blocks = args[0].equals("stdin")
                    ? CsvTableReader.withDefaults().stream(System.in, "standard input", 5_000)
                    : CsvTableReader.withDefaults().stream(file, 5_000)) {
                    double[] column = new double[5_000];
                    while (blocks.hasNext()) {
                        IndicatorTable block = blocks.next();
                        for (int j = 0; j < 3; j++) {
                            block.copyColumn(j, column, 0);
                            for (int i = 0; i < block.rowCount(); i++) {
                                sums[j] += column[i];
                            }
                        }
                        rows += block.rowCount();
                    }
                }
            } else {
                IndicatorTable table = CsvTableReader.withDefaults().read(file).table();
                rows = table.rowCount();
            }
            System.out.println(rows + " " + sums[0] + " " + sums[1] + " " + sums[2]);
        }
    }

    @Test
    void streamsMoreRowsThanFitInTheHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.csv");
        double[] sums = new double[3];
        SplittableRandom random = new SplittableRandom(20261123L);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("customer_id,annual_kwh,fee_revenue,arrears\n");
            for (int i = 0; i < ROWS; i++) {
                double kwh = random.nextInt(1_000_000) / 10.0;
                double fee = random.nextInt(100_000) / 100.0;
                double arrears = random.nextInt(5);
                sums[0] += Double.parseDouble(Double.toString(kwh));
                sums[1] += Double.parseDouble(Double.toString(fee));
                sums[2] += arrears;
                out.write("customer-" + i + "," + kwh + "," + fee + "," + arrears + "\n");
            }
        }
        Result streamed = fork("stream", file);
        assertThat(streamed.exitCode).as(streamed.output).isZero();
        assertThat(streamed.output.strip())
            .isEqualTo(ROWS + " " + sums[0] + " " + sums[1] + " " + sums[2]);
        Result piped = fork("stdin", file);
        assertThat(piped.exitCode).as(piped.output).isZero();
        assertThat(piped.output).isEqualTo(streamed.output);
        Result whole = fork("read", file);
        assertThat(whole.exitCode).as("reading the whole file in %s should fail", HEAP).isNotZero();
        assertThat(whole.output).contains("OutOfMemoryError");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result fork(String mode, Path file) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, HEAP, "-XX:+UseSerialGC", "-cp",
            System.getProperty("java.class.path"), Main.class.getName(), mode, file.toString()));
        Path log = file.resolveSibling(mode + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (mode.equals("stdin")) {
            builder.redirectInput(file.toFile());
        }
        Process p = builder.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(mode + " did not finish in 120 s");
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
