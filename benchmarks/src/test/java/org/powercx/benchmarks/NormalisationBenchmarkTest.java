package org.powercx.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Normalisation;

class NormalisationBenchmarkTest {

    @Test
    void kernelAgreesWithThePublicApiAndLeavesItsInputUntouched() {
        NormalisationBenchmark b = new NormalisationBenchmark();
        b.rows = 1000;
        b.indicators = 7;
        b.setUp();
        ColumnChecks checks = ColumnChecks.snapshot(b.columns);
        double kernelSum = b.kernel();
        IndicatorTable viaApi = Normalisation.MIN_MAX.apply(b.table);
        double apiSum = 0;
        for (int j = 0; j < b.indicators; j++) {
            for (double v : viaApi.column(j)) {
                apiSum += v;
            }
        }
        assertThat(kernelSum).isEqualTo(apiSum);
        IndicatorTable viaBenchmark = b.table();
        for (int j = 0; j < b.indicators; j++) {
            assertThat(viaBenchmark.column(j)).containsExactly(viaApi.column(j));
        }
        checks.assertSum(b.baselineSum());
        checks.assertUntouched(b.columns, b.table);
    }
}
