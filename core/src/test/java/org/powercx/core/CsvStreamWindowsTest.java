package org.powercx.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming a file parses it window by window from its bytes, in parallel parts; whatever the window, the part
 * size and the thread count, the blocks (rows, ids, bits, block boundaries), the counts and the first error must
 * be those of the record-by-record block reader of character streams. A byte stream (standard input) is parsed
 * the same way from the bytes it has delivered, however few it delivers at a time.
 */
class CsvStreamWindowsTest {

    /** The blocks and counts of a stream as text, or the error message that ended it. */
    private static String outcome(Supplier<CsvBlockReader> open) {
        StringBuilder b = new StringBuilder();
        try (CsvBlockReader blocks = open.get()) {
            b.append(blocks.indicators()).append('\n');
            while (blocks.hasNext()) {
                IndicatorTable t = blocks.next();
                b.append("block ").append(t.rowCount()).append('\n');
                for (int i = 0; i < t.rowCount(); i++) {
                    b.append(t.ids().get(i));
                    for (int j = 0; j < t.indicatorCount(); j++) {
                        b.append(' ').append(Double.doubleToRawLongBits(t.get(i, j)));
                    }
                    b.append('\n');
                }
            }
            b.append(blocks.rowsRead()).append(' ').append(blocks.rowsDropped()).append(' ')
                .append(blocks.cellsFilled());
        } catch (CoreException e) {
            String m = e.getMessage();
            b.append(m.contains("malformed CSV") ? "malformed" : m);
        }
        return b.toString();
    }

    /** A stream that delivers its bytes a few at a time, as a pipe may. */
    static java.io.InputStream trickle(byte[] bytes, long seed) {
        Random rnd = new Random(seed);
        return new java.io.InputStream() {
            private int at;

            @Override
            public int read() {
                return at < bytes.length ? bytes[at++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= bytes.length) {
                    return -1;
                }
                int n = Math.min(len, Math.min(bytes.length - at, 1 + rnd.nextInt(rnd.nextBoolean() ? 5 : 300)));
                System.arraycopy(bytes, at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    @Property(tries = 300)
    void everyWindowGivesTheRecordByRecordBlocks(@ForAll @LongRange(min = 0, max = 1L << 40) long seed)
            throws IOException {
        Random rnd = new Random(seed);
        String text = CsvParallelReadTest.randomCsv(rnd);
        CsvTableReader reader = CsvTableReader.withDefaults()
            .withMissingValuePolicy(rnd.nextBoolean() ? MissingValuePolicy.REJECT : MissingValuePolicy.DROP_ROWS)
            .withRaggedRows(rnd.nextInt(3) == 0);
        if (rnd.nextInt(4) == 0) {
            reader = reader.withoutIdColumn();
        }
        CsvTableReader chosen = reader;
        int blockRows = 1 + rnd.nextInt(12);
        Path file = Files.createTempFile("windows", ".csv");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            String expected = outcome(() -> chosen.stream(new StringReader(text), file.toString(), blockRows));
            for (int threads : new int[] {1, 2, 3}) {
                for (long window : new long[] {1, 13, 100, 1 << 20}) {
                    for (long part : new long[] {1, 7}) {
                        String actual = outcome(() -> chosen.withThreads(threads).stream(file, blockRows, window,
                            part));
                        assertThat(actual).as("threads %d, windows of %d, parts of %d bytes, text:%n%s", threads,
                            window, part, text).isEqualTo(expected);
                        int chunk = 1 + rnd.nextInt(40);
                        String streamed = outcome(() -> chosen.withThreads(threads).stream(trickle(bytes,
                            seed + window), file.toString(), blockRows, window, part, chunk));
                        assertThat(streamed).as("byte stream, chunks of %d, threads %d, windows of %d, parts of %d "
                            + "bytes, text:%n%s", chunk, threads, window, part, text).isEqualTo(expected);
                    }
                }
            }
            // the public entry points, with the window the heap allows
            assertThat(outcome(() -> chosen.stream(file, blockRows))).isEqualTo(expected);
            assertThat(outcome(() -> chosen.stream(trickle(bytes, seed), file.toString(), blockRows)))
                .isEqualTo(expected);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void columnMeansFillLikeTheWholeFileRead(@TempDir Path dir) throws IOException {
        StringBuilder b = new StringBuilder("id,a,b\n");
        for (int i = 0; i < 5_000; i++) {
            b.append('c').append(i).append(',').append(i % 7 == 0 ? "" : Double.toString(i * 0.37)).append(',')
                .append(i % 11 == 0 ? "NA" : Double.toString(1.0 / (i + 1))).append('\n');
        }
        Path file = dir.resolve("means.csv");
        Files.writeString(file, b.toString());
        CsvTableReader reader = CsvTableReader.withDefaults().withMissingValuePolicy(MissingValuePolicy.COLUMN_MEAN);
        CsvReadResult whole = reader.read(file);
        for (int threads = 1; threads <= 2; threads++) {
            try (CsvBlockReader blocks = reader.withThreads(threads).stream(file, 999, 4096, 512)) {
                int row = 0;
                while (blocks.hasNext()) {
                    IndicatorTable t = blocks.next();
                    for (int i = 0; i < t.rowCount(); i++, row++) {
                        assertThat(t.ids().get(i)).isEqualTo(whole.table().id(row));
                        for (int j = 0; j < 2; j++) {
                            assertThat(Double.doubleToRawLongBits(t.get(i, j)))
                                .isEqualTo(Double.doubleToRawLongBits(whole.table().get(row, j)));
                        }
                    }
                }
                assertThat(row).isEqualTo(5_000);
                assertThat(blocks.cellsFilled()).isEqualTo(whole.cellsFilled()).isEqualTo(715 + 455);
            }
        }
    }
}
