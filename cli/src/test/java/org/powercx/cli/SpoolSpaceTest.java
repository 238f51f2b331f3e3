package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.core.CsvBlockReader;
import org.powercx.core.CsvTableReader;
import org.powercx.core.MissingValuePolicy;

/**
 * The spool of {@code gra --stream}: the estimate made before the first pass against the spool that pass writes,
 * the early refusal when the disk is clearly too small, and a disk that fills part way through the pass.
 */
class SpoolSpaceTest {
    @TempDir
    Path dir;

    /** Rows of {@code columns} numbers; {@code oneDigit} writes 0-9, otherwise doubles in shortest repr. */
    private static void write(Path file, int rows, int columns, boolean oneDigit, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id");
            for (int j = 0; j < columns; j++) {
                out.write(",x" + j);
            }
            out.write("\n");
            for (int i = 0; i < rows; i++) {
                out.write("c" + i);
                for (int j = 0; j < columns; j++) {
                    out.write(",");
                    out.write(oneDigit ? Integer.toString(rnd.nextInt(10)) : Double.toString(rnd.nextDouble()));
                }
                out.write("\n");
            }
        }
    }

    /** The bytes the first pass spools for a file: its blocks written to a real spool. */
    private long spooled(Path file, List<String> columns) {
        try (BlockSpool spool = BlockSpool.create(dir);
             CsvBlockReader blocks = Inputs.stream(file, System.in, null, columns, List.of(), Map.of(),
                 MissingValuePolicy.REJECT, GraCommand.STREAM_BLOCK)) {
            while (blocks.hasNext()) {
                spool.write(blocks.next());
            }
            return spool.size();
        }
    }

    private static SpoolSpace.Estimate estimate(Path file, List<String> columns) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int n = Math.min(all.length, SpoolSpace.SAMPLE_BYTES);
        return SpoolSpace.estimate(Inputs.reader(null, columns, List.of(), Map.of(), MissingValuePolicy.REJECT),
            all.length, java.util.Arrays.copyOf(all, SpoolSpace.SAMPLE_BYTES), n);
    }

    @Test
    void aFileWithinTheSampleIsEstimatedExactly() throws Exception {
        Path file = dir.resolve("small.csv");
        write(file, 700, 16, false, 1);
        assertThat(Files.size(file)).isLessThan(SpoolSpace.SAMPLE_BYTES);
        SpoolSpace.Estimate e = estimate(file, List.of());
        assertThat(e.sampleRows()).isEqualTo(700);
        assertThat(e.bytes()).isEqualTo(spooled(file, List.of()));
        // a last line without a line break, and a quoted id with a line break inside: still exact
        Path quoted = dir.resolve("quoted.csv");
        Files.writeString(quoted, "id,a,b\n\"two\nlines\",1,2\n\"a,b\",3,4\nc3,5,6");
        assertThat(estimate(quoted, List.of()).bytes()).isEqualTo(spooled(quoted, List.of()));
    }

    @Test
    void aLargerFileIsEstimatedWithinAFewPercent() throws Exception {
        // 16 shortest-repr doubles: the spool is about half the file; one-digit numbers: about 3.5 times it
        Object[][] shapes = {{16, false, 0.40, 0.55}, {16, true, 3.0, 4.0}, {5, false, 0.40, 0.60}};
        for (Object[] shape : shapes) {
            Path file = dir.resolve("shape.csv");
            write(file, 60_000, (Integer) shape[0], (Boolean) shape[1], 7);
            long size = Files.size(file);
            assertThat(size).isGreaterThan(4L * SpoolSpace.SAMPLE_BYTES);
            long actual = spooled(file, List.of());
            assertThat((double) actual / size).as("spool / file, %s", List.of(shape))
                .isBetween((Double) shape[2], (Double) shape[3]);
            // the ids grow from c0 to c59999: the first rows' shorter ids make the estimate a little low
            SpoolSpace.Estimate e = estimate(file, List.of());
            assertThat((double) e.bytes() / actual).as("estimate / spool, %s", List.of(shape))
                .isCloseTo(1.0, within(0.05));
            Files.delete(file);
        }
        // columns left out by --columns are left out of the estimate
        Path file = dir.resolve("some.csv");
        write(file, 60_000, 16, false, 9);
        List<String> some = List.of("x3", "x7");
        long actual = spooled(file, some);
        assertThat((double) actual / Files.size(file)).isLessThan(0.12);
        // here the ids are most of the spool, and the first rows' ids are a sixth shorter than the average
        assertThat((double) estimate(file, some).bytes() / actual).isBetween(0.85, 1.0);
    }

    @Test
    void theRuleRefusesOnlyBelowFourFifthsOfTheEstimate() {
        SpoolSpace.Estimate e = new SpoolSpace.Estimate(1_000L << 20, 812);
        Path spool = Path.of("/var/tmp/spool");
        assertThat(SpoolSpace.problem(spool, e, 1_000L << 20)).isNull();
        assertThat(SpoolSpace.problem(spool, e, 800L << 20)).isNull();
        String m = SpoolSpace.problem(spool, e, (800L << 20) - 1);
        assertThat(m).isEqualTo("spool directory /var/tmp/spool: 799 MB free but the parsed rows need about 1,000 "
            + "MB (the first 812 rows scaled to the file size); use --spool-dir on a larger disk, or --no-spool");
        assertThat(m.length()).isLessThan(200);
        assertThat(SpoolSpace.problem(spool, new SpoolSpace.Estimate(5_000_000, 10), 1_234))
            .startsWith("spool directory /var/tmp/spool: 1,234 bytes free but the parsed rows need about 5,000,000 "
                + "bytes");
        // a sample without a whole row, or that does not parse, gives no estimate: the first pass reports it
        CsvTableReader reader = CsvTableReader.withDefaults();
        byte[] header = "id,a,b".getBytes(StandardCharsets.UTF_8);
        assertThat(SpoolSpace.estimate(reader, 1L << 30, header, header.length)).isNull();
        byte[] bad = "id,a,b\nc1,1,x\nc2,".getBytes(StandardCharsets.UTF_8);
        assertThat(SpoolSpace.estimate(reader, 1L << 30, bad, bad.length)).isNull();
    }

    @Test
    void aDiskTooSmallForTheSpoolIsRefusedBeforeReading() throws Exception {
        Path spool = Files.createDirectory(dir.resolve("spool"));
        long usable = Files.getFileStore(spool).getUsableSpace();
        Path file = dir.resolve("huge.csv");
        write(file, 10_000, 16, false, 3);
        // a sparse file: its first rows, then a hole to a size whose spool the disk cannot take
        long size = Math.max(4 * usable, 1L << 30);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        } catch (IOException e) {
            Assumptions.abort("this file system has no sparse file of " + size + " bytes: " + e.getMessage());
        }
        Assumptions.assumeTrue(Files.getFileStore(spool).getUsableSpace() < 0.8 * 0.45 * size,
            "the disk filled up meanwhile or has no size");
        Cli a = Cli.run("gra", file.toString(), "--stream", "--spool-dir", spool.toString());
        assertThat(a.status).isEqualTo(1);
        assertThat(a.out).isEmpty();
        assertThat(a.err.strip()).doesNotContain("\n")
            .startsWith("powercx gra: spool directory " + spool + ": ").contains(" MB free but the parsed rows "
                + "need about ").endsWith("; use --spool-dir on a larger disk, or --no-spool");
        try (Stream<Path> left = Files.list(spool)) {
            assertThat(left).as("spool files left behind").isEmpty();
        }
    }

    /** A channel to the spool file that fails as a full disk does once {@code room} bytes are written. */
    private static final class FillingDisk implements WritableByteChannel {
        private final FileChannel file;
        private long room;

        FillingDisk(Path path, long room) throws IOException {
            this.file = FileChannel.open(path, StandardOpenOption.WRITE);
            this.room = room;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (room == 0) {
                throw new IOException("No space left on device");
            }
            ByteBuffer part = src.duplicate();
            part.limit(part.position() + (int) Math.min(room, part.remaining()));
            int n = file.write(part);
            src.position(src.position() + n);
            room -= n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return file.isOpen();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    @Test
    void aDiskFillingUpDuringTheSpoolStopsInOneLineAndLeavesNothingBehind() throws Exception {
        Path file = dir.resolve("customers.csv");
        GraStreamTest.write(file, 3 * GraCommand.STREAM_BLOCK, 13);
        Path spool = Files.createDirectory(dir.resolve("spool"));
        Path outDir = Files.createDirectory(dir.resolve("out"));
        Path out = outDir.resolve("grades.csv");
        Files.writeString(out, "an earlier result\n");
        BlockSpool.Opener before = BlockSpool.openWith(path -> new FillingDisk(path, 1_500_000));
        try {
            Cli toFile = Cli.run("gra", file.toString(), "--stream", "--spool-dir", spool.toString(), "-o",
                out.toString());
            Cli toStdout = Cli.run("gra", file.toString(), "--stream", "--spool-dir", spool.toString());
            Cli fromStdin = Cli.withInput(Files.readAllBytes(file), "gra", "-", "--stream", "--spool-dir",
                spool.toString());
            for (Cli c : List.of(toFile, toStdout, fromStdin)) {
                // the status of every other input or output error
                assertThat(c.status).as(c.toString()).isEqualTo(1);
                assertThat(c.out).isEmpty();
                String line = c.err.strip();
                assertThat(line).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ")
                    .startsWith("powercx gra: spool directory " + spool + ": cannot write (")
                    .endsWith("): No space left on device").contains("bytes written so far");
                assertThat(line.length() - spool.toString().length()).isLessThan(150);
            }
            // the first block went in whole, the second did not
            assertThat(toFile.err).containsPattern("\\(\\d{3},\\d{3} bytes written so far");
        } finally {
            BlockSpool.openWith(before);
        }
        try (Stream<Path> left = Files.list(spool)) {
            assertThat(left).as("spool files left behind").isEmpty();
        }
        // -o is replaced only by a complete result: the earlier one stays, and no temporary file is left
        assertThat(Files.readString(out)).isEqualTo("an earlier result\n");
        try (Stream<Path> left = Files.list(outDir)) {
            assertThat(left).containsExactly(out);
        }
        // the same command with room for the spool writes the grades
        Cli ok = Cli.run("gra", file.toString(), "--stream", "--spool-dir", spool.toString(), "-o", out.toString());
        assertThat(ok.status).as(ok.toString()).isZero();
        assertThat(Files.readString(out)).startsWith("id,grade\nc0,");
    }
}
