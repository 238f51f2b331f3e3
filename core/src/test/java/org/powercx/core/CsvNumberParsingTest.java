package org.powercx.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The CSV reader parses numbers from bytes with a fast parser; it must give the same bits as
 * {@link Double#parseDouble} and accept exactly the decimal numbers {@link CsvRowSource#isPlainNumber} accepts.
 */
class CsvNumberParsingTest {

    /**
     * The bits of the byte parser, or null where it refuses the text; where the reader's fast path (a number
     * ended by a delimiter) decides the text, its bits are checked against the general byte parser's.
     */
    private static Long fast(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        Long general;
        try {
            general = Double.doubleToRawLongBits(CsvFileReader.parsePlain(b, 0, b.length));
        } catch (NumberFormatException e) {
            general = null;
        }
        Long path = fastPath(text);
        if (path != null) {
            assertThat(path).as("fast path: " + text).isEqualTo(general);
        }
        return general;
    }

    /**
     * The bits of the fast path on the text followed by a comma, or null where it leaves the text undecided. The
     * text is parsed twice: at the end of the data (where the parser has no room for its word-at-a-time form) and
     * followed by more digits and an exponent after the comma (where it reads whole words past the number); both
     * must agree.
     */
    private static Long fastPath(String text) {
        Long atEnd = fastPath(text, "");
        Long followed = fastPath(text, "9876543210e5,1234567890123456789012345678901234567890");
        assertThat(followed).as("followed by more text: " + text).isEqualTo(atEnd);
        return atEnd;
    }

    private static Long fastPath(String text, String after) {
        byte[] b = (text + "," + after).getBytes(StandardCharsets.UTF_8);
        int comma = text.getBytes(StandardCharsets.UTF_8).length;
        DecimalParser parser = new DecimalParser();
        double v = parser.parse(b, 0, b.length);
        if (Double.isNaN(v) || parser.end() != comma) {
            return null;
        }
        return Double.doubleToRawLongBits(v);
    }

    /** The bits of the reference, or null where the reader refuses the text. */
    private static Long reference(String text) {
        if (!CsvRowSource.isPlainNumber(text)) {
            return null;
        }
        return Double.doubleToRawLongBits(Double.parseDouble(text));
    }

    @Test
    void publishedHardCasesGiveTheirFloat64Bits() throws IOException {
        int checked = 0;
        for (String name : new String[] {"tencent-rapidjson.txt", "more-test-cases.txt"}) {
            try (InputStream in = getClass().getResourceAsStream("/parse-number-fxx/" + name);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    String[] parts = line.split(" ");
                    String text = parts[parts.length - 1];
                    if (!CsvRowSource.isPlainNumber(text)) {
                        continue;
                    }
                    long expected = Long.parseUnsignedLong(parts[2], 16);
                    assertThat(fast(text)).as(text).isEqualTo(expected);
                    Long path = fastPath(text);
                    assertThat(path == null || path == expected).as("fast path: " + text).isTrue();
                    assertThat(reference(text)).as(text).isEqualTo(expected);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(3_000);
    }

    @Test
    void fastPathGivesTheJavaParsersBitsOnAMillionNumbers() {
        SplittableRandom random = new SplittableRandom(20_261_204L);
        int decided = 0;
        int tried = 1_000_000;
        for (int i = 0; i < tried; i++) {
            String text = switch (i % 5) {
                case 0 -> Double.toString(random.nextDouble() * 100.0);
                case 1 -> Double.toString(finite(random));
                case 2 -> digits(random, 1 + random.nextInt(19)) + "e" + (random.nextInt(660) - 345);
                case 3 -> {
                    String d = digits(random, 1 + random.nextInt(19));
                    int point = 1 + random.nextInt(d.length());
                    yield (random.nextBoolean() ? "-" : "") + d.substring(0, point) + "."
                        + (point < d.length() ? d.substring(point) : "0");
                }
                default -> String.format(Locale.ROOT, "%." + random.nextInt(18) + "e", finite(random));
            };
            Long path = fastPath(text);
            if (path != null) {
                assertThat(path).as(text).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
                decided++;
            }
        }
        // everything but subnormals, huge exponents and the rare undecidable products takes the fast path
        assertThat(decided).isGreaterThan(tried * 9 / 10);
    }

    @Test
    void fastPathLeavesWhatItCannotDecideToTheGeneralParser() {
        String[] undecided = {"4.9e-324", "2.2250738585072011e-308", "1e400", "1e-400", "12345678901234567890",
            "1.", ".5", "1e", "-", "1_0", "0x10", "NaN", "1" + "0".repeat(70),
            // exactly halfway between two doubles: the truncated power of ten cannot say which way to round
            "9007199254740993"};
        for (String text : undecided) {
            assertThat(fastPath(text)).as(text).isNull();
        }
        assertThat(fastPath("1.5")).isEqualTo(Double.doubleToRawLongBits(1.5));
        assertThat(fastPath("-0")).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(fastPath("12.345678901234567"))
            .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble("12.345678901234567")));
    }

    private static double finite(SplittableRandom random) {
        while (true) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                return d;
            }
        }
    }

    private static String digits(SplittableRandom random, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    @Property(tries = 3_000)
    void randomDoublesInEveryNotationGiveTheSameBits(@ForAll("doubles") double d) {
        BigDecimal exact = new BigDecimal(d);
        String[] texts = {
            Double.toString(d),
            String.format(Locale.ROOT, "%.17e", d),
            String.format(Locale.ROOT, "%.3e", d),
            exact.toPlainString(),
            exact.toString(),
            exact.round(new MathContext(25)).toString(),
        };
        for (String text : texts) {
            assertThat(fast(text)).as(text).isEqualTo(reference(text));
        }
    }

    @Property(tries = 3_000)
    void halfwayPointsBetweenNeighboursRoundAsTheJavaParser(@ForAll("doubles") double d) {
        double lo = Math.abs(d);
        double hi = Math.nextUp(lo);
        if (!Double.isFinite(hi)) {
            return;
        }
        BigDecimal mid = new BigDecimal(lo).add(new BigDecimal(hi)).divide(BigDecimal.valueOf(2));
        BigDecimal ulp = new BigDecimal(hi).subtract(new BigDecimal(lo));
        BigDecimal tiny = ulp.movePointLeft(30);
        for (BigDecimal v : new BigDecimal[] {mid, mid.add(tiny), mid.subtract(tiny)}) {
            for (String text : new String[] {v.toString(), v.toPlainString(), v.negate().toString()}) {
                assertThat(fast(text)).as(text).isEqualTo(reference(text));
            }
        }
    }

    @Property(tries = 10_000)
    void adversarialTextIsRefusedOrParsedAsTheJavaParser(@ForAll("numberish") String text) {
        assertThat(fast(text)).as(text).isEqualTo(reference(text));
    }

    @Test
    void knownTrapsGiveTheSameBits() {
        String[] traps = {"2.2250738585072011e-308", "2.2250738585072012e-308", "4.9e-324", "2.4703282292062327e-324",
            "2.4703282292062328e-324", "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
            "9007199254740993", "9007199254740992.5", "0.1", "-0", "+0.0", "1.", ".5", "1.e5", "00000001",
            "1" + "0".repeat(400) + "e-400", "0." + "0".repeat(330) + "1e330", "1e", "1e+", "e5", ".", "+", "-.e1",
            "0x1p3", "NaN", "Infinity", "-Infinity", "1d", "1f", "1_000", " 1", "1 ", "١", "0X10"};
        for (String text : traps) {
            assertThat(fast(text)).as(text).isEqualTo(reference(text));
        }
    }

    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(
            Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
            Arbitraries.doubles().between(-1e6, 1e6),
            Arbitraries.longs().between(0, 1L << 52).map(Double::longBitsToDouble));
    }

    @Provide
    Arbitrary<String> numberish() {
        return Arbitraries.strings().withChars("0123456789.eE+-xXpPdDfFNaIy 0123456789").ofMinLength(1)
            .ofMaxLength(30);
    }
}
