package org.powercx.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.powercx.core.CsvTableReader;
import org.powercx.core.IndicatorTable;

class GreyStreamingBenchmarkTest {

    @Test
    void streamingAgreesWithScoringTheWholeTableAndLeavesTheFileUntouched() throws Exception {
        GreyStreamingBenchmark b = new GreyStreamingBenchmark();
        b.rows = 70_000; // more than one block
        b.indicators = 5;
        b.setUp();
        try {
            Path file = b.file;
            byte[] before = Files.readAllBytes(file);
            IndicatorTable whole = CsvTableReader.withDefaults().withIndicators(b.list).read(file).table();
            assertThat(whole.rowCount()).isEqualTo(b.rows);
            double expectedGrades = 0;
            for (double g : b.model.grades(whole)) {
                expectedGrades += g;
            }
            double expectedValues = 0;
            for (int j = 0; j < whole.indicatorCount(); j++) {
                for (double v : whole.column(j)) {
                    expectedValues += v;
                }
            }
            // the same additions in the same order (block by block, row by row), so the sums agree exactly
            assertThat(b.graStream()).isEqualTo(expectedGrades);
            assertThat(b.baselineReadSum()).isCloseTo(expectedValues,
                org.assertj.core.data.Offset.offset(1e-9 * expectedValues));
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
        } finally {
            b.tearDown();
        }
        assertThat(Files.exists(b.file)).isFalse();
    }
}
