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

    /** The ids of a generated file, in file order. */
    private static List<String> ids(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (java.io.BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.add(line.substring(0, line.indexOf(',')));
            }
        }
        return out;
    }

    @Test
    void spooledPassesWriteTheBytesOfTheInMemoryGradesOverSeveralBlocks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("customers.csv");
        int rows = 2 * GraCommand.STREAM_BLOCK + 1_234;
        write(file, rows, 31);
        Path spoolDir = Files.createDirectory(dir.resolve("spool"));
        String[] options = {"--cost", "arrears", "--target", "tenure=20", "--weight",
            "kwh=3,fee=2,arrears=2,tenure=1,load=1"};
        List<String> args = new ArrayList<>(List.of("gra", file.toString()));
        args.addAll(List.of(options));
        List<String> memoryArgs = new ArrayList<>(args);
        memoryArgs.addAll(List.of("-f", "csv"));
        Cli memory = Cli.run(memoryArgs.toArray(new String[0]));
        assertThat(memory.status).as(memory.toString()).isZero();
        // the expected output: every customer in file order with the in-memory grade as Double.toString prints it
        Map<String, Double> inMemory = grades(memory.out);
        StringBuilder expected = new StringBuilder("id,grade\n");
        for (String id : ids(file)) {
            expected.append(id).append(',').append(Double.toString(inMemory.get(id))).append('\n');
        }
        args.add("--stream");
        List<String> spooled = new ArrayList<>(args);
        spooled.addAll(List.of("--spool-dir", spoolDir.toString()));
        Cli a = Cli.run(spooled.toArray(new String[0]));
        assertThat(a.status).as(a.toString()).isZero();
        assertThat(a.out).isEqualTo(expected.toString());
        List<String> parsedTwice = new ArrayList<>(args);
        parsedTwice.add("--no-spool");
        Cli b = Cli.run(parsedTwice.toArray(new String[0]));
        assertThat(b.status).as(b.toString()).isZero();
        assertThat(b.out).isEqualTo(expected.toString());
        try (java.util.stream.Stream<Path> left = Files.list(spoolDir)) {
            assertThat(left).as("spool files left behind").isEmpty();
        }
        // --top from the spool equals --top from a second parse, and the in-memory ranking's first lines
        spooled.addAll(List.of("--top", "25"));
        parsedTwice.addAll(List.of("--top", "25"));
        Cli topA = Cli.run(spooled.toArray(new String[0]));
        Cli topB = Cli.run(parsedTwice.toArray(new String[0]));
        assertThat(topA.status).as(topA.toString()).isZero();
        assertThat(topA.out).isEqualTo(topB.out).startsWith("rank,id,grade\n");
        String[] memoryLines = memory.out.substring(memory.out.indexOf('\n') + 1).split("\n");
        assertThat(topA.out.split("\n")).containsExactly(java.util.Arrays.copyOf(memoryLines, 26));
    }

    @Test
    void spooledIdsNeedingQuotesAreWrittenAsTheInMemoryRunQuotesThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("quoted.csv");
        Files.writeString(file, "id,a,b\n\"a,b\",1,2\n\"q\"\"x\",3,1\n\"two\nlines\",2,2\nc4,0,4\n");
        Cli memory = Cli.run("gra", file.toString(), "-f", "csv");
        assertThat(memory.status).as(memory.toString()).isZero();
        Cli spooled = Cli.run("gra", file.toString(), "--stream");
        Cli parsedTwice = Cli.run("gra", file.toString(), "--stream", "--no-spool");
        assertThat(spooled.status).as(spooled.toString()).isZero();
        assertThat(spooled.out).isEqualTo(parsedTwice.out)
            .startsWith("id,grade\n\"a,b\",").contains("\n\"q\"\"x\",").contains("\n\"two\nlines\",")
            .contains("\nc4,");
        // each quoted id with the in-memory grade of that customer
        for (String id : List.of("\"a,b\"", "\"q\"\"x\"", "\"two\nlines\"", "c4")) {
            int m = memory.out.indexOf("," + id + ",");
            String memoryGrade = memory.out.substring(m + id.length() + 2, memory.out.indexOf('\n', m + id.length()
                + 2));
            assertThat(spooled.out).contains("\n" + id + "," + memoryGrade + "\n");
        }
    }

    @Test
    void aSpoolDirectoryThatCannotTakeTheFileIsNamedInOneLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("customers.csv");
        write(file, 100, 5);
        Path missing = dir.resolve("no-such-dir");
        Cli a = Cli.run("gra", file.toString(), "--stream", "--spool-dir", missing.toString());
        assertThat(a.status).isNotZero();
        assertThat(a.err.strip()).doesNotContain("\n").contains("spool directory " + missing).contains("not found");
        assertThat(a.out).isEmpty();
        Cli b = Cli.run("gra", file.toString(), "--stream", "--spool-dir", file.toString());
        assertThat(b.status).isNotZero();
        assertThat(b.err.strip()).doesNotContain("\n").contains("spool directory " + file)
            .contains("not a directory");
        Cli c = Cli.run("gra", file.toString(), "--spool-dir", dir.toString());
        assertThat(c.err.strip()).doesNotContain("\n").contains("--spool-dir").contains("--stream");
        Cli d = Cli.run("gra", file.toString(), "--stream", "--no-spool", "--spool-dir", dir.toString());
        assertThat(d.err.strip()).doesNotContain("\n").contains("--no-spool").contains("--spool-dir");
        Cli e = Cli.run("gra", file.toString(), "--no-spool");
        assertThat(e.err.strip()).doesNotContain("\n").contains("--no-spool").contains("--stream");
        // a malformed file stops the first pass; the spool file is deleted all the same
        Path spoolDir = Files.createDirectory(dir.resolve("spool"));
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "id,a,b\nc1,1,2\nc2,3,x\n");
        Cli f = Cli.run("gra", bad.toString(), "--stream", "--spool-dir", spoolDir.toString());
        assertThat(f.status).isNotZero();
        assertThat(f.err.strip()).doesNotContain("\n").contains("bad.csv");
        try (java.util.stream.Stream<Path> left = Files.list(spoolDir)) {
            assertThat(left).as("spool files left behind").isEmpty();
        }
    }

    @Test
    void anUnwritableSpoolDirectoryIsNamedInOneLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("customers.csv");
        write(file, 100, 7);
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        java.util.Set<java.nio.file.attribute.PosixFilePermission> before = Files.getPosixFilePermissions(readOnly);
        Files.setPosixFilePermissions(readOnly, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Path probe = readOnly.resolve("probe");
            boolean writable;
            try {
                Files.createFile(probe);
                Files.delete(probe);
                writable = true;
            } catch (java.io.IOException e) {
                writable = false;
            }
            // a superuser writes into read-only directories; the kernel's /proc refuses files to everyone
            Path target = writable ? Path.of("/proc") : readOnly;
            org.junit.jupiter.api.Assumptions.assumeTrue(!writable || Files.isDirectory(target),
                "no directory here refuses new files");
            Cli a = Cli.run("gra", file.toString(), "--stream", "--spool-dir", target.toString());
            assertThat(a.status).isNotZero();
            assertThat(a.err.strip()).doesNotContain("\n").contains("spool directory " + target)
                .contains("cannot create a file");
            assertThat(a.out).isEmpty();
        } finally {
            Files.setPosixFilePermissions(readOnly, before);
        }
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
