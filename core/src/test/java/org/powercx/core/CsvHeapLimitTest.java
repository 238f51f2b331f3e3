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
         * Reads the file named by the first argument, on the number of threads the second gives (default 1), only
         * the column the third names if it is not empty.
         *
         * @param args the file, the thread count and the column
         */
        public static void main(String[] args) {
            try {
                int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
                CsvTableReader reader = CsvTableReader.withDefaults().withThreads(threads);
                if (args.length > 2 && !args[2].isEmpty()) {
                    reader = reader.withColumns(args[2]);
                }
                IndicatorTable t = reader.read(Path.of(args[0])).table();
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
        assertThat(fork(file)).isEqualTo("error " + file + ":3: more than 100,000 fields");
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
        assertThat(fork(file)).isEqualTo("error " + file + ":3: field 1 is longer than 1,000,000 characters");
    }

    @Test
    void wideHeaderIsReadOnTwoThreads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wide2.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id");
            for (int j = 1; j < 100_000; j++) {
                out.write(",col" + j);
            }
            for (int i = 0; i < 3; i++) {
                out.write("\nc" + i);
                for (int j = 1; j < 100_000; j++) {
                    out.write(",1");
                }
            }
            out.write('\n');
        }
        assertThat(fork(file, 2)).isEqualTo("read 3 x 99999");
    }

    @Test
    void fiftyMegabyteLineOfLongQuotedFieldsIsRefusedOnTwoThreads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("record.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,a\nc1,1\n\nc2");
            String field = ",\"" + "z".repeat(900_000) + "\"";
            for (int k = 0; k < 56; k++) {
                out.write(field);
            }
            out.write("\nc3,1\n");
        }
        assertThat(Files.size(file)).isGreaterThan(50_000_000L);
        assertThat(fork(file, 2)).isEqualTo("error " + file + ":4: a record longer than 10,000,000 characters");
    }

    @Test
    void fiftyMegabyteFileWithABadCellGivesAShortLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cell.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            // header, blank line, then 50 rows whose text column (not selected, so never parsed) is 990,000 long
            out.write("id,a,notes\n\n");
            for (int i = 0; i < 50; i++) {
                out.write("c" + i + ",1.5," + "n".repeat(990_000) + "\n");
            }
            out.write("bad," + "x".repeat(990_000) + ",\n");
        }
        assertThat(Files.size(file)).isGreaterThan(50_000_000L);
        String error = fork(file, 2, "a");
        assertThat(error).startsWith("error " + file + ":53: column 'a': 'xxx")
            .endsWith("...' (990,000 characters) is not a number");
        assertThat(error.length()).isLessThan(200 + file.toString().length());
    }

    private static String fork(Path file) throws IOException, InterruptedException {
        return fork(file, 1, "");
    }

    private static String fork(Path file, int threads) throws IOException, InterruptedException {
        return fork(file, threads, "");
    }

    private static String fork(Path file, int threads, String column) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
            Main.class.getName(), file.toString(), Integer.toString(threads), column);
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
