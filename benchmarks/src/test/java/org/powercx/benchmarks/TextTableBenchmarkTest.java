package org.powercx.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class TextTableBenchmarkTest {

    @Test
    void theVariantsWriteTheSameText() throws IOException {
        TextTableBenchmark b = new TextTableBenchmark();
        b.rows = 20_000;
        b.setUp();
        // six digits of a grade in [0.3, 1) print as "0." and six digits, fewer when they end in zeros
        assertThat(b.number()).isEqualTo(b.numberByBigDecimal()).isBetween(20_000L * 3, 20_000L * 8);
        assertThat(b.shortestText()).isGreaterThan(b.number());
        assertThat(b.renderRowsOnDemand()).isEqualTo(b.renderHeldRows()).isGreaterThan(20_000L * 10);
    }
}
