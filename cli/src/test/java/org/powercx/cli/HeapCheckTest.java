package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table too large for the heap is refused in one line before reading starts. */
class HeapCheckTest {
    /** Entry point of the forked JVM: runs the command line and prints its status and error output. */
    public static final class Fork {
        private Fork() {
        }

        /**
         * Runs {@code powercx} with the arguments.
         *
         * @param args the command line
         */
        public static void main(String[] args) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
            System.out.print("status " + status + ": " + err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void estimateFollowsRowsAndCells() {
        byte[] sample = "id,a,b\nc1,1,2\nc2,3,4\n".getBytes(StandardCharsets.US_ASCII);
        // 3 rows and 9 cells in 21 bytes; scaled to 21 MB: a million times as many
        long need = HeapCheck.estimate(21_000_000L, sample, sample.length);
        assertThat(need).isEqualTo(3_000_000L * HeapCheck.BYTES_PER_ROW + 9_000_000L * HeapCheck.BYTES_PER_CELL);
        assertThat(HeapCheck.problem("t.csv", 21_000_000L, sample, sample.length, need)).isNull();
        assertThat(HeapCheck.problem("t.csv", 21_000_000L, sample, sample.length, need - 1)).isEqualTo(
            "t.csv: a table of 21,000,000 bytes needs about 779 MB of memory, more than the 778 MB the Java heap may "
                + "use; start Java with a larger -Xmx or split the file");
        assertThat(HeapCheck.estimate(0, sample, 0)).isZero();
    }

    @Test
    void aTableLargerThanTheHeapIsRefusedBeforeReading(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,a,b\n");
            for (int i = 0; i < 1_500_000; i++) {
                out.write("c" + i + "," + (i % 7) + "," + (i % 5) + "\n");
            }
        }
        String result = fork("-Xmx64m", "gra", file.toString());
        assertThat(result).startsWith("status 1: powercx gra: " + file + ": a table of ")
            .contains("more than the ").endsWith("start Java with a larger -Xmx or split the file\n");
        assertThat(result.lines()).hasSize(1);
        // an ordinary file passes the check at the same heap
        assertThat(fork("-Xmx64m", "gra", Cli.doc("docs/examples/customers.csv").toString())).isEqualTo("status 0: ");
    }

    @Test
    void aBootstrapWhoseDrawsWouldNotFitIsRefusedBeforeItStarts() throws Exception {
        String result = fork("-Xmx128m", "pls", Cli.doc("docs/examples/pls-model.json").toString(),
            Cli.doc("docs/examples/satisfaction.csv").toString(), "--bootstrap", "300000");
        assertThat(result).startsWith("status 1: powercx pls: option --bootstrap: bootstrap of 300,000 resamples x 158 estimates needs about ")
            .endsWith("use fewer resamples or a larger heap\n");
        assertThat(result.lines()).hasSize(1);
    }

    private static String fork(String heap, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, heap, "-XX:+UseSerialGC", "-cp",
            System.getProperty("java.class.path"), Fork.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("heapcheck", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the forked command did not finish in 180 s");
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return text;
    }
}
