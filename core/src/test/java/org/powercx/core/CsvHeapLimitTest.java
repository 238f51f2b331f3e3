package org.powercx.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files shaped to exhaust the heap, read by a forked JVM with {@value #HEAP}: each is read or refused with one
 * line naming the line, never an {@link OutOfMemoryError}.
 */
class CsvHeapLimitTest {
    private static final String HEAP = "-Xmx256m";

    /** Entry point of the forked JVM: reads the file and prints the shape of the table or the error message. */
    public static final class Main {
        private Main() {
        }

        /**
         * Reads the file named by the first argument.
         *
         * @param args the file
         */
        public static void main(String[] args) {
            try {
                IndicatorTable t = CsvTableReader.withDefaults().read(Path.of(args[0])).table();
                System.out.println("read " + t.rowCount() + " x " + t.indicatorCount());
            } catch (CoreException e) {
                System.out.println("error " + e.getMessage());
            }
        }
    }

    @Test
    void wideHeaderIsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wide.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id");
            for (int j = 1; j < 100_000; j++) {
                out.write(",col" + j);
            }
            out.write("\nc1");
            for (int j = 1; j < 100_000; j++) {
                out.write(",1");
            }
            out.write('\n');
        }
        assertThat(Files.size(file)).isGreaterThan(900_000);
        assertThat(fork(file)).isEqualTo("read 1 x 99999");
    }

    @Test
    void lineOfTwentyFiveMillionFieldsIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fields.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,a\n\nc1");
            String chunk = ",1".repeat(1_000);
            for (int k = 0; k < 25_000; k++) {
                out.write(chunk);
            }
            out.write('\n');
        }
        assertThat(fork(file)).isEqualTo("error " + file + " line 3: more than 100,000 fields");
    }

    @Test
    void fiftyMegabyteIdIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("id.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,a\nc1,1\n");
            String chunk = "x".repeat(10_000);
            for (int k = 0; k < 5_000; k++) {
                out.write(chunk);
            }
            out.write(",2\n");
        }
        assertThat(fork(file)).isEqualTo("error " + file + " line 3: field 1 is longer than 1,000,000 characters");
    }

    private static String fork(Path file) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
            Main.class.getName(), file.toString());
        Path log = file.resolveSibling(file.getFileName() + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(file + " was not read in 180 s");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8).strip();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
