package org.powercx.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercx.core.CsvTableReader;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Weights;
import org.powercx.grey.GreyRelationalAnalysis;

class StreamingPassBenchmarkTest {

    @Test
    void everyThreadCountWritesTheInMemoryGradesAndTheBaselinesSeeTheWholeFile() throws Exception {
        String written = null;
        Double sum = null;
        for (int threads : new int[] {1, 2}) {
            StreamingPassBenchmark b = new StreamingPassBenchmark();
            b.rows = 40_000; // several blocks
            b.threads = threads;
            b.setUp();
            try {
                IndicatorTable whole = CsvTableReader.withDefaults().withIndicators(b.list).read(b.file).table();
                double[] grades = GreyRelationalAnalysis.withDefaults()
                    .evaluate(whole, Weights.equal(whole.indicatorNames())).grades();
                StringBuilder expected = new StringBuilder("id,grade\n");
                for (int i = 0; i < grades.length; i++) {
                    expected.append(whole.id(i)).append(',').append(grades[i]).append('\n');
                }
                long chars = b.graStreamTwoPasses();
                String out = Files.readString(b.out, StandardCharsets.UTF_8);
                assertThat(out).isEqualTo(expected.toString());
                assertThat(chars).isEqualTo(out.length() - "id,grade\n".length());
                assertThat(b.baselineCountLines()).isEqualTo(b.rows + 1);
                double s = b.baselineOnePassSum();
                if (written != null) {
                    assertThat(out).isEqualTo(written);
                    assertThat(s).isEqualTo(sum);
                }
                written = out;
                sum = s;
            } finally {
                b.tearDown();
            }
            assertThat(List.of(Files.exists(b.file), Files.exists(b.out))).containsOnly(false);
        }
    }
}
