package org.powercx.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.powercx.credit.DiscriminantModel;
import org.powercx.credit.LinearDiscriminant;

class CreditBenchmarkTest {

    @Test
    void everyVariantAgreesWithThePublicApiAndLeavesItsInputUntouched() {
        CreditBenchmark b = new CreditBenchmark();
        b.rows = 5000;
        b.indicators = 6;
        b.setUp();
        double[][] before = new double[b.indicators][];
        for (int j = 0; j < b.indicators; j++) {
            before[j] = b.columns[j].clone();
        }
        int[] labelsBefore = b.labels.clone();
        DiscriminantModel expected = LinearDiscriminant.withDefaults().fit(b.table, b.labels);
        assertThat(b.fitColumns().coefficients()).isDeepEqualTo(expected.coefficients());
        assertThat(b.fitColumns().intercepts()).containsExactly(expected.intercepts());
        assertThat(b.fitTable().coefficients()).isDeepEqualTo(expected.coefficients());
        assertThat(b.score()).containsExactly(expected.scores(b.table));
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
        assertThat(b.labels).containsExactly(labelsBefore);
    }
}
