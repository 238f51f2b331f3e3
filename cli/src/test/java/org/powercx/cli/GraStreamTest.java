package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code powercx gra --stream} gives the grades of the in-memory run, bit for bit, and in a forked JVM with a
 * small heap streams a file whose table does not fit, while the in-memory run fails early with one line.
 */
class GraStreamTest {

    static void write(Path file, int rows, long seed) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,kwh,fee,arrears,tenure,load\n");
            for (int i = 0; i < rows; i++) {
                out.write("c" + i + "," + rnd.nextDouble() * 1e4 + "," + rnd.nextInt(1000) / 10.0 + ","
                    + rnd.nextInt(5) + "," + rnd.nextDouble(0, 40) + "," + rnd.nextDouble() + "\n");
            }
        }
    }

    /** Grades by id from the first table of CSV output with an id and a grade column. */
    static Map<String, Double> grades(String csv) {
        Map<String, Double> out = new HashMap<>();
        List<String> lines = new ArrayList<>(List.of(csv.split("\n")));
        if (lines.get(0).startsWith("# ")) {
            lines.remove(0);
        }
        List<String> header = List.of(lines.get(0).split(","));
        int id = header.indexOf("id");
        int grade = header.indexOf("grade");
        for (int k = 1; k < lines.size() && !lines.get(k).isEmpty(); k++) {
            String[] f = lines.get(k).split(",");
            out.put(f[id], Double.parseDouble(f[grade]));
        }
        return out;
    }

    @Test
    void streamedGradesEqualTheInMemoryRun(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("customers.csv");
        write(file, 5_000, 17);
        String[] options = {"--cost", "arrears", "--target", "tenure=20", "--weight",
            "kwh=3,fee=2,arrears=2,tenure=1,load=1"};
        List<String> args = new ArrayList<>(List.of("gra", file.toString(), "-f", "csv"));
        args.addAll(List.of(options));
        Cli memory = Cli.run(args.toArray(new String[0]));
        assertThat(memory.status).as(memory.toString()).isZero();
        args.add("--stream");
        Cli streamed = Cli.run(args.toArray(new String[0]));
        assertThat(streamed.status).as(streamed.toString()).isZero();
        assertThat(streamed.out).startsWith("id,grade\nc0,");
        Map<String, Double> a = grades(memory.out);
        Map<String, Double> b = grades(streamed.out);
        assertThat(b).hasSize(5_000);
        for (Map.Entry<String, Double> e : a.entrySet()) {
            assertThat(Double.doubleToLongBits(b.get(e.getKey()))).as(e.getKey())
                .isEqualTo(Double.doubleToLongBits(e.getValue()));
        }
        args.addAll(List.of("--top", "7"));
        Cli top = Cli.run(args.toArray(new String[0]));
        String[] topLines = top.out.split("\n");
        String[] memoryLines = memory.out.substring(memory.out.indexOf('\n') + 1).split("\n");
        assertThat(topLines).hasSize(8);
        for (int k = 1; k < 8; k++) {
            String[] x = topLines[k].split(",");
            String[] y = memoryLines[k].split(",");
            assertThat(x[0]).isEqualTo(y[0]);
            assertThat(x[1]).isEqualTo(y[1]);
            assertThat(Double.parseDouble(x[2])).isEqualTo(Double.parseDouble(y[2]));
        }
        Cli bad = Cli.run("gra", file.toString(), "--stream", "--contributions");
        assertThat(bad.status).isNotZero();
        assertThat(bad.err.strip()).doesNotContain("\n").contains("--stream").contains("--contributions");
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "id,a,b\n");
        Cli none = Cli.run("gra", empty.toString(), "--stream");
        assertThat(none.err).contains("no customer rows");
    }

    @Test
    void streamsAFileLargerThanTheHeapInAForkedJvm(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("large.csv");
        int rows = 400_000;
        write(file, rows, 23);
        Path streamedOut = dir.resolve("streamed.csv");
        Result streamed = fork(dir, "streamed", "gra", file.toString(), "--cost", "arrears", "--stream", "-o",
            streamedOut.toString());
        assertThat(streamed.status).as(streamed.log).isZero();
        Result memory = fork(dir, "memory", "gra", file.toString(), "--cost", "arrears");
        assertThat(memory.status).isNotZero();
        assertThat(memory.log.strip()).doesNotContain("\n").doesNotContain("OutOfMemoryError")
            .contains("heap").contains("--stream");
        // the in-memory path in this JVM's larger heap gives the same grades
        Cli inProcess = Cli.run("gra", file.toString(), "--cost", "arrears", "-f", "csv");
        assertThat(inProcess.status).as(inProcess.err).isZero();
        Map<String, Double> a = grades(inProcess.out);
        Map<String, Double> b = grades(Files.readString(streamedOut, StandardCharsets.UTF_8));
        assertThat(b).hasSize(rows);
        for (Map.Entry<String, Double> e : a.entrySet()) {
            assertThat(b.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    private record Result(int status, String log) {
    }

    private static Result fork(Path dir, String name, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx40m", "-XX:+UseSerialGC", "-cp",
            System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(name + " did not finish in 300 s");
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
