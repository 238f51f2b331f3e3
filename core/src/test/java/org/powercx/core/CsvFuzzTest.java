package org.powercx.core;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.io.UncheckedIOException;

/**
 * Fuzzes the CSV reader: any text either parses to a table or raises {@link CoreException}; no other exception,
 * no hang. In a normal test run it replays the committed corpus under {@code CsvFuzzTestInputs}; with
 * {@code JAZZER_FUZZ=1} it fuzzes for as long as {@code -Djazzer.max_duration} allows.
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
}
