package org.powercx.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;

class CsvReadBenchmarkTest {

    @Test
    void everyThreadCountReadsTheSameTableAndTheBaselineCountsTheLines() throws Exception {
        CsvReadBenchmark b = new CsvReadBenchmark();
        b.rows = 30_000;
        b.columns = 16;
        b.threads = 1;
        b.setUp();
        try {
            IndicatorTable one = b.read();
            b.threads = 2;
            IndicatorTable two = b.read();
            assertThat(one.rowCount()).isEqualTo(30_000);
            assertThat(two.ids()).isEqualTo(one.ids());
            for (int j = 0; j < 16; j++) {
                assertThat(two.column(j)).isEqualTo(one.column(j));
            }
            // the values written are the shortest decimal of each double, so they are read back exactly
            java.util.SplittableRandom random = new java.util.SplittableRandom(20_261_204L);
            for (int j = 0; j < 16; j++) {
                assertThat(one.get(0, j)).isEqualTo(random.nextDouble() * 100.0);
            }
            double sum = 0;
            for (int j = 0; j < 16; j++) {
                for (double v : one.column(j)) {
                    sum += v;
                }
            }
            assertThat(b.streamSum()).isEqualTo(sum);
            assertThat(b.streamSumFromInputStream()).isEqualTo(sum);
            assertThat(b.baselineCountLines()).isEqualTo(30_001);
            assertThat(Files.size(b.file)).isGreaterThan(30_000L * 16 * 15);
        } finally {
            b.tearDown();
        }
        assertThat(Files.exists(b.file)).isFalse();
    }
}
