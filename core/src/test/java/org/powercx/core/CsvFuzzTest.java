package org.powercx.core;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the CSV reader: any text either parses to a table or raises {@link CoreException}; no other exception,
 * no hang. One target decodes the text itself; {@link #rawBytesThroughTheDecoder} feeds the bytes to the same
 * strict UTF-8 decoder a file goes through, so malformed and truncated sequences, byte-order marks and overlong
 * inputs reach the reader as they would from a file; {@link #blankLinesKeepPhysicalLineNumbers} places blank lines
 * and one bad cell at fuzzed positions and checks the line the error names, in the reader and in its streaming
 * blocks of fuzzed size. In a normal test run it replays the committed corpus under {@code CsvFuzzTestInputs};
 * with {@code JAZZER_FUZZ=1} it fuzzes for as long as {@code -Djazzer.max_duration} allows (inputs up to 1 MB
 * with {@code -Djazzer.internal.arg.0=powercx -Djazzer.internal.arg.1=-max_len=1048576}).
 */
class CsvFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyTextParsesOrFailsWithCoreException(byte[] data) {
        String text = new String(data, java.nio.charset.StandardCharsets.UTF_8);
        for (MissingValuePolicy policy : MissingValuePolicy.values()) {
            try {
                CsvReadResult result = CsvTableReader.withDefaults().withMissingValuePolicy(policy)
                    .read(new StringReader(text), "fuzz.csv");
                IndicatorTable t = result.table();
                for (int j = 0; j < t.indicatorCount(); j++) {
                    for (double v : t.column(j)) {
                        if (!Double.isFinite(v)) {
                            throw new AssertionError("non-finite value accepted: " + v);
                        }
                    }
                }
            } catch (CoreException expected) {
                if (expected.getMessage() == null || !expected.getMessage().contains("fuzz.csv")) {
                    throw new AssertionError("message does not name the source: " + expected.getMessage());
                }
            } catch (UncheckedIOException e) {
                throw new AssertionError("a string reader cannot fail with I/O", e);
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void rawBytesThroughTheDecoder(byte[] data) {
        MissingValuePolicy policy = MissingValuePolicy.values()[data.length % MissingValuePolicy.values().length];
        // the decoder Files.newBufferedReader uses: malformed input is reported, never replaced
        Reader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(data),
            StandardCharsets.UTF_8.newDecoder()));
        try {
            IndicatorTable t = CsvTableReader.withDefaults().withMissingValuePolicy(policy).read(reader, "fuzz.csv")
                .table();
            for (int j = 0; j < t.indicatorCount(); j++) {
                for (double v : t.column(j)) {
                    if (!Double.isFinite(v)) {
                        throw new AssertionError("non-finite value accepted: " + v);
                    }
                }
            }
        } catch (CoreException expected) {
            String m = expected.getMessage();
            if (m == null || !m.startsWith("fuzz.csv") || m.indexOf('\n') >= 0 || m.length() > 2_000) {
                throw new AssertionError("not a one-line message naming the source: " + m);
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void blankLinesKeepPhysicalLineNumbers(FuzzedDataProvider data) {
        int rows = data.consumeInt(1, 40);
        int bad = data.consumeInt(0, rows - 1);
        boolean duplicate = data.consumeBoolean() && bad > 0;
        String eol = data.consumeBoolean() ? "\r\n" : "\n";
        StringBuilder text = new StringBuilder("id,a").append(eol);
        int line = 1;
        int badLine = -1;
        int firstLine = -1;
        for (int k = 0; k < rows; k++) {
            int blanks = data.consumeInt(0, 3);
            for (int b = 0; b < blanks; b++) {
                text.append(eol);
                line++;
            }
            line++;
            if (k == 0) {
                firstLine = line;
            }
            if (k == bad) {
                badLine = line;
                text.append(duplicate ? "c0,1" : "c" + k + ",x");
            } else {
                text.append('c').append(k).append(',').append(k);
            }
            text.append(eol);
        }
        String expected = duplicate
            ? "fuzz.csv:" + badLine + ": duplicate customer id 'c0' (first on line " + firstLine + ")"
            : "fuzz.csv:" + badLine + ": column 'a': 'x' is not a number";
        try {
            CsvTableReader.withDefaults().read(new StringReader(text.toString()), "fuzz.csv");
            throw new AssertionError("bad row accepted:\n" + text);
        } catch (CoreException e) {
            if (!expected.equals(e.getMessage())) {
                throw new AssertionError("expected <" + expected + "> but was <" + e.getMessage() + ">:\n" + text);
            }
        }
        int block = data.consumeBoolean() ? Integer.MAX_VALUE : data.consumeInt(-1, rows + 1);
        try (CsvBlockReader blocks = CsvTableReader.withDefaults().stream(new StringReader(text.toString()),
                "fuzz.csv", block)) {
            while (blocks.hasNext()) {
                blocks.next();
            }
            // duplicate ids are detected within a block only (documented): c0 is in the first block
            if (!duplicate || block > bad) {
                throw new AssertionError("bad row accepted in blocks of " + block + ":\n" + text);
            }
        } catch (CoreException e) {
            String m = e.getMessage();
            boolean badSize = block < 1 || block > CsvTableReader.MAX_BLOCK_ROWS;
            if (badSize ? !m.startsWith("block size must be") : !expected.equals(m)) {
                throw new AssertionError("blocks of " + block + ": expected <" + expected + "> but was <" + m + ">");
            }
        }
    }
}
