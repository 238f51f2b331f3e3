package org.powercx.core;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The file reader takes a plain record (unquoted fields, an ASCII id without spaces around it, numbers of the
 * common form) in one pass of its own and any other record field by field; it makes the id strings when the parts
 * are assembled and looks for repeated ids bucket by bucket. Files mixing both kinds of record, with ids that are
 * equal although written differently (quoted, with spaces, non-ASCII), numbers at the edges of the fast parser
 * (signs, negative zero, 19 and 20 digits, exponents, halfway cases) and every line ending, must read as the
 * sequential reader of character streams reads them: the same table, lines, counts and errors, on any thread count.
 */
class CsvPlainRecordTest {

    private static final String[] NUMBERS = {"+1.5", "-0", "-0.0", "+0.0", "0.0", "007.25", "-00.5",
        "1.2345678901234567890", "12345678901.23456789", "1234567890123456789.5", "1.234567890123456789",
        "0.1234567890123456789", "9.999999999999999999", "0.000123", "1.5e3", "1.5E-3", "-2.5e+10",
        "1.7976931348623157e308", "1.7976931348623158e308", "4.9e-324", "2.2250738585072011e-308",
        "9007199254740993.0", "9007199254740992.5", "0.1", "1.", "  2.5", "2.5  ", "\"3.5\"", "NA", "", "-999",
        "1.5x", "1e-400", "1234567.1", "1.23456789012345678", "12.345678901234567", "99.99999999999999",
        "0.30000000000000004", "5e-324", "1e23", "8.98846567431158e307"};

    /** Cells that are numbers or missing, but not plain. */
    private static final String[] SAFE = {"\"3.5\"", " 2.5", "2.5 ", "+1.5", "-0", "1.5e3", "NA", "",
        "1.2345678901234567890"};

    private static String id(Random rnd, int i) {
        return switch (rnd.nextInt(14)) {
            case 0 -> "c" + rnd.nextInt(6);
            case 1 -> "\"c" + rnd.nextInt(6) + "\"";
            case 2 -> " c" + rnd.nextInt(6) + " ";
            case 3 -> "é" + rnd.nextInt(6);
            case 4 -> "\"é" + rnd.nextInt(6) + "\"";
            case 5 -> "c " + i;
            case 6 -> "x" + i;
            default -> "c" + i;
        };
    }

    private static String number(Random rnd) {
        int kind = rnd.nextInt(10);
        if (kind < 4) {
            return NUMBERS[rnd.nextInt(NUMBERS.length)];
        }
        if (kind < 6) {
            // a point halfway between two doubles, or just beside it
            double lo = Math.abs(rnd.nextDouble() * Math.pow(10, rnd.nextInt(40) - 20));
            java.math.BigDecimal mid = new java.math.BigDecimal(lo).add(new java.math.BigDecimal(Math.nextUp(lo)))
                .divide(java.math.BigDecimal.valueOf(2));
            java.math.BigDecimal v = mid.round(new java.math.MathContext(15 + rnd.nextInt(6)));
            return rnd.nextBoolean() ? v.toPlainString() : v.toString();
        }
        double d = rnd.nextDouble() * Math.pow(10, rnd.nextInt(24) - 12);
        return (rnd.nextInt(4) == 0 ? "-" : "") + Double.toString(d);
    }

    static String randomCsv(Random rnd, char delimiter, int rows) {
        String eol = switch (rnd.nextInt(4)) {
            case 0 -> "\r\n";
            case 1 -> "\r";
            default -> "\n";
        };
        int cols = 1 + rnd.nextInt(4);
        StringBuilder b = new StringBuilder("id");
        for (int j = 0; j < cols; j++) {
            b.append(delimiter).append('x').append(j);
        }
        b.append(eol);
        for (int i = 0; i < rows; i++) {
            if (rnd.nextInt(30) == 0) {
                b.append(eol);
            }
            b.append(id(rnd, i));
            int fields = rnd.nextInt(40) == 0 ? cols - 1 : rnd.nextInt(80) == 0 ? cols + 1 : cols;
            for (int j = 0; j < fields; j++) {
                b.append(delimiter).append(rnd.nextInt(50) == 0 ? "oops" : number(rnd));
            }
            if (i < rows - 1 || rnd.nextBoolean()) {
                b.append(rnd.nextInt(20) == 0 ? "\r\n" : eol);
            }
        }
        return b.toString();
    }

    private static void assertSameAsSequential(CsvTableReader reader, String text, Path file, int[] threads,
            long[] parts) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        String expected = CsvParallelReadTest.outcome(() -> reader.read(new StringReader(text), file.toString()));
        for (int t : threads) {
            for (long part : parts) {
                String actual = CsvParallelReadTest.outcome(() -> reader.withThreads(t).read(file, part));
                assertThat(actual).as("threads %d, parts of %d bytes, text:%n%s", t, part, text).isEqualTo(expected);
            }
        }
    }

    @Property(tries = 400)
    void plainAndOtherRecordsMixedReadAsTheSequentialReader(@ForAll @LongRange(min = 0, max = 1L << 40) long seed)
            throws IOException {
        Random rnd = new Random(seed);
        char delimiter = ",;\t".charAt(rnd.nextInt(3));
        String text = randomCsv(rnd, delimiter, rnd.nextInt(60));
        CsvTableReader reader = CsvTableReader.withDefaults().withDelimiter(delimiter)
            .withMissingValuePolicy(MissingValuePolicy.values()[rnd.nextInt(3)])
            .withRaggedRows(rnd.nextInt(3) == 0);
        if (rnd.nextInt(3) == 0) {
            reader = reader.withMissingTokens("NA", "-999", "+0.0");
        }
        if (rnd.nextInt(4) == 0) {
            reader = reader.withoutIdColumn();
        } else if (rnd.nextInt(4) == 0 && text.contains("x0")) {
            // the id column in the middle of the record, the others read as numbers (or not)
            reader = reader.withIdColumn("x0");
        }
        if (rnd.nextInt(4) == 0 && text.contains("x1")) {
            // a column skipped
            reader = reader.withColumns("x1");
        }
        Path file = Files.createTempFile("plain", ".csv");
        try {
            assertSameAsSequential(reader, text, file, new int[] {1, 2, 3}, new long[] {1, 16, 1 << 18});
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aMissingValueInALaterPartNamesItsRowNumberCountedFromTheFileStart(@TempDir Path dir) throws IOException {
        // row numbers as ids: the customer a REJECT error names counts the records of the parts before its own
        StringBuilder b = new StringBuilder("x0;x1\n");
        for (int i = 1; i <= 40; i++) {
            b.append(i).append(".5;").append(i == 30 ? "" : i + ".25").append('\n');
        }
        CsvTableReader reader = CsvTableReader.withDefaults().withDelimiter(';').withoutIdColumn();
        Path file = dir.resolve("rows.csv");
        assertSameAsSequential(reader, b.toString(), file, new int[] {1, 2, 3}, new long[] {1, 16, 64, 1 << 18});
        assertThat(CsvParallelReadTest.outcome(() -> reader.withThreads(3).read(file, 16)))
            .contains("column 'x1': value is missing (customer '30')");
    }

    @Test
    void recordsAcrossBufferRefillsAndRepeatsFarApartReadAsTheSequentialReader(@TempDir Path dir)
            throws IOException {
        // about 3 MB: records cross the reader's 1 MB buffers, and the parts of two and three threads
        Random rnd = new Random(20_261_204L);
        StringBuilder b = new StringBuilder("id,x0,x1,x2\n");
        int rows = 40_000;
        for (int i = 0; i < rows; i++) {
            b.append(i % 997 == 0 ? "\"c" + i + "\"" : "c" + i);
            for (int j = 0; j < 3; j++) {
                b.append(',').append(i % 1_013 == 5 ? SAFE[rnd.nextInt(SAFE.length)]
                    : Double.toString(rnd.nextDouble() * 100.0));
            }
            b.append(i % 7 == 0 ? "\r\n" : "\n");
        }
        String clean = b.toString();
        Path file = dir.resolve("large.csv");
        CsvTableReader reader = CsvTableReader.withDefaults().withMissingValuePolicy(MissingValuePolicy.DROP_ROWS);
        String withoutErrors = clean;
        assertSameAsSequential(reader, withoutErrors, file, new int[] {1, 2, 3}, new long[] {1 << 18});
        // one id repeated far from its first line (written quoted the first time), in a later part
        String repeated = withoutErrors + "c997,1,2,3\n";
        assertSameAsSequential(reader, repeated, file, new int[] {1, 2}, new long[] {1 << 18});
        assertThat(CsvParallelReadTest.outcome(() -> reader.read(file)))
            .isEqualTo(file + ":" + (rows + 2) + ": duplicate customer id 'c997' (first on line 999)");
    }
}
