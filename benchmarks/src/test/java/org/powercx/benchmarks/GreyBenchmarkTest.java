package org.powercx.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.powercx.grey.GreyRelationalAnalysis;

class GreyBenchmarkTest {

    @Test
    void everyVariantAgreesWithThePublicApiAndLeavesItsInputUntouched() {
        GreyBenchmark b = new GreyBenchmark();
        b.rows = 5000;
        b.indicators = 7;
        b.setUp();
        double[][] before = new double[b.indicators][];
        for (int j = 0; j < b.indicators; j++) {
            before[j] = b.columns[j].clone();
        }
        double[] expected = GreyRelationalAnalysis.withDefaults().evaluate(b.table, b.weights).grades();
        assertThat(b.graSequential()).containsExactly(expected);
        assertThat(b.graTwoThreads()).containsExactly(expected);
        double plain = 0;
        double[] rowSums = new double[b.rows];
        for (double[] col : before) {
            for (int i = 0; i < col.length; i++) {
                plain += col[i];
                rowSums[i] += col[i];
            }
        }
        assertThat(b.baselineSum()).isEqualTo(plain);
        assertThat(b.baselineRowSums()).containsExactly(rowSums);
        for (int j = 0; j < b.indicators; j++) {
            assertThat(b.columns[j]).containsExactly(before[j]);
            assertThat(b.table.column(j)).containsExactly(before[j]);
        }
    }
}
