package org.powercx.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercx.core.CsvTableReader;
import org.powercx.core.IndicatorTable;
import org.powercx.satisfaction.BootstrapResult;
import org.powercx.satisfaction.PlsBootstrap;
import org.powercx.satisfaction.PlsPm;
import org.powercx.satisfaction.PlsResult;

class PlsBenchmarkTest {

    private static PlsBenchmark bench(int resamples) {
        PlsBenchmark b = new PlsBenchmark();
        b.resamples = resamples;
        b.setUp();
        return b;
    }

    @Test
    void embeddedSurveyEqualsTheGuideSample() {
        Path csv = Path.of("../docs/data/satisfaction-survey.csv");
        if (!Files.exists(csv)) {
            csv = Path.of("docs/data/satisfaction-survey.csv");
        }
        IndicatorTable sample = CsvTableReader.withDefaults().read(csv).table();
        IndicatorTable embedded = PlsBenchmark.survey();
        assertThat(embedded.rowCount()).isEqualTo(250);
        for (String item : PlsBenchmark.ITEMS) {
            assertThat(embedded.column(item)).containsExactly(sample.column(item));
        }
    }

    @Test
    void variantsAgreeWithThePublicApiAndLeaveInputUntouched() {
        PlsBenchmark b = bench(300);
        double[] before = b.answers.clone();
        PlsResult fit = b.fitOnce();
        assertThat(fit.pathCoefficients()).isDeepEqualTo(PlsPm.withDefaults().fit(b.model, b.survey)
            .pathCoefficients());
        BootstrapResult two = b.bootstrapTwoThreads();
        BootstrapResult one = b.bootstrapOneThread();
        BootstrapResult api = PlsBootstrap.withDefaults().withResamples(300).run(b.model, b.survey, 42);
        assertThat(two.paths()).isEqualTo(api.paths());
        assertThat(one.paths()).isEqualTo(api.paths());
        assertThat(two.htmt()).isEqualTo(api.htmt());
        assertThat(two.failedResamples()).isZero();
        double base = b.baselineResamplePass();
        assertThat(base).isEqualTo(PlsBenchmark.baseline(before, 27, 300, 1)).isPositive();
        assertThat(b.answers).containsExactly(before);
        assertThat(PlsBenchmark.flat(b.survey)).containsExactly(before);
        assertThat(List.of(PlsBenchmark.ITEMS)).hasSize(27);
    }
}
