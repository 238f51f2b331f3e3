package org.powercx.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file reader cuts a file into parts parsed in parallel; whatever the cut, the table, the line numbers and the
 * errors must be those of the sequential reader of character streams.
 */
class CsvParallelReadTest {
    private static final CsvTableReader READER = CsvTableReader.withDefaults();

    /** The outcome of a read as text: the table and its lines and counts, or the error message. */
    static String outcome(java.util.function.Supplier<CsvReadResult> read) {
        try {
            CsvReadResult r = read.get();
            StringBuilder b = new StringBuilder();
            IndicatorTable t = r.table();
            b.append(t.indicatorNames()).append(' ').append(r.rowsRead()).append(' ').append(r.rowsDropped())
                .append(' ').append(r.cellsFilled()).append('\n');
            for (int i = 0; i < t.rowCount(); i++) {
                b.append(t.ids().get(i)).append('@').append(r.line(i));
                for (int j = 0; j < t.indicatorCount(); j++) {
                    b.append(' ').append(Double.doubleToRawLongBits(t.get(i, j)))
                        .append(r.isMissing(i, j) ? "?" : "");
                }
                b.append('\n');
            }
            return b.toString();
        } catch (CoreException e) {
            String m = e.getMessage();
            return m.contains("malformed CSV") ? "malformed" : m;
        }
    }

    static String randomCsv(Random rnd) {
        String eol = rnd.nextInt(4) == 0 ? "\r\n" : "\n";
        int cols = 1 + rnd.nextInt(4);
        StringBuilder b = new StringBuilder();
        if (rnd.nextInt(10) == 0) {
            b.append(eol);
        }
        b.append(rnd.nextInt(8) == 0 ? "\"\"" : "id");
        for (int j = 0; j < cols; j++) {
            b.append(',').append(rnd.nextInt(6) == 0 ? "\"x" + j + "\"" : "x" + j);
        }
        b.append(eol);
        int rows = rnd.nextInt(40);
        for (int i = 0; i < rows; i++) {
            if (rnd.nextInt(8) == 0) {
                b.append(eol);
            }
            int kind = rnd.nextInt(30);
            b.append(kind == 0 ? "\"c\n" + i + "\"" : kind == 1 ? "c" + rnd.nextInt(5) : kind == 2 ? " " : "c" + i);
            int fields = rnd.nextInt(25) == 0 ? cols - 1 - rnd.nextInt(Math.max(1, cols)) : cols;
            if (rnd.nextInt(60) == 0) {
                fields = cols + 1;
            }
            for (int j = 0; j < fields; j++) {
                b.append(',').append(cell(rnd));
            }
            if (i < rows - 1 || rnd.nextBoolean()) {
                b.append(eol);
            }
        }
        return b.toString();
    }

    private static String cell(Random rnd) {
        int kind = rnd.nextInt(40);
        return switch (kind) {
            case 0 -> "";
            case 1 -> "NA";
            case 2 -> "\"" + rnd.nextInt(100) + ".5\"";
            case 3 -> " " + rnd.nextInt(9) + " ";
            case 4 -> "oops";
            case 5 -> "\"a,\"\"b\"\"\nc\"";
            case 6 -> "1e-400";
            default -> Double.toString(rnd.nextGaussian() * Math.pow(10, rnd.nextInt(20) - 10));
        };
    }

    @Property(tries = 300)
    void everyCutGivesTheSequentialResult(@ForAll @LongRange(min = 0, max = 1L << 40) long seed) throws IOException {
        Random rnd = new Random(seed);
        String text = randomCsv(rnd);
        CsvTableReader reader = READER
            .withMissingValuePolicy(MissingValuePolicy.values()[rnd.nextInt(3)])
            .withRaggedRows(rnd.nextInt(3) == 0);
        if (rnd.nextInt(4) == 0) {
            reader = reader.withoutIdColumn();
        }
        CsvTableReader chosen = reader;
        Path file = Files.createTempFile("cut", ".csv");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            String expected = outcome(() -> chosen.read(new StringReader(text), file.toString()));
            for (int threads : new int[] {1, 2, 3, 5, 8}) {
                for (long part : new long[] {1, 7, 64}) {
                    String actual = outcome(() -> chosen.withThreads(threads).read(file, part));
                    assertThat(actual).as("threads %d, parts of %d bytes, text:%n%s", threads, part, text)
                        .isEqualTo(expected);
                }
            }
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void errorsDeepInALaterPartNameTheirLineCountingBlankLines(@TempDir Path dir) throws IOException {
        StringBuilder b = new StringBuilder("id,a,note,b\n");
        for (int i = 0; i < 50_000; i++) {
            b.append('c').append(i).append(',').append(i).append(".25,\"q\n").append(i).append("\",").append(i)
                .append("\n\n");
        }
        b.append("bad,1,z,x\n");
        Path file = dir.resolve("deep.csv");
        Files.writeString(file, b.toString());
        // each row takes three lines (a quoted line break and a blank line), so the bad row is on line 150,002
        for (int threads = 1; threads <= 4; threads++) {
            CsvTableReader r = READER.withThreads(threads);
            assertThatThrownBy(() -> r.read(file, 4096)).isInstanceOf(CoreException.class)
                .hasMessage(file + ":2: column 'note': 'q 0' is not a number");
            assertThatThrownBy(() -> r.withColumns("a", "b").read(file, 4096)).isInstanceOf(CoreException.class)
                .hasMessage(file + ":150002: column 'b': 'x' is not a number");
            // a column not selected is never parsed, even where it holds text
            CsvReadResult ok = r.withColumns("a").read(file, 4096);
            assertThat(ok.table().rowCount()).isEqualTo(50_001);
            assertThat(ok.line(49_999)).isEqualTo(2 + 3 * 49_999);
            assertThat(ok.table().get(49_999, 0)).isEqualTo(49_999.25);
        }
    }

    @Test
    void threadCountIsCheckedByName() {
        assertThatThrownBy(() -> READER.withThreads(0)).isInstanceOf(CoreException.class)
            .hasMessage("thread count must be between 1 and 64 but was 0");
        assertThatThrownBy(() -> READER.withThreads(Integer.MAX_VALUE)).isInstanceOf(CoreException.class)
            .hasMessageContaining("but was 2147483647");
    }
}
