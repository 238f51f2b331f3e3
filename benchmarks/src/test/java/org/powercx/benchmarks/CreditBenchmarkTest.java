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
        ColumnChecks checks = ColumnChecks.snapshot(b.columns);
        int[] labelsBefore = b.labels.clone();
        DiscriminantModel expected = LinearDiscriminant.withDefaults().fit(b.table, b.labels);
        assertThat(b.fitColumns().coefficients()).isDeepEqualTo(expected.coefficients());
        assertThat(b.fitColumns().intercepts()).containsExactly(expected.intercepts());
        assertThat(b.fitTable().coefficients()).isDeepEqualTo(expected.coefficients());
        assertThat(b.fitColumnsTwoThreads().coefficients()).isDeepEqualTo(expected.coefficients());
        assertThat(b.fitColumnsTwoThreads().intercepts()).containsExactly(expected.intercepts());
        assertThat(b.score()).containsExactly(expected.scores(b.table));
        assertThat(b.scoreTable()).containsExactly(b.score());
        double[][] columnWise = copy(b.probabilitiesMultiClass());
        double[][] rowWise = copy(b.probabilitiesMultiClassRowByRow());
        assertThat(columnWise).isDeepEqualTo(rowWise);
        double[][] byRow = b.multiModel.probabilities(b.table);
        for (int i = 0; i < b.rows; i++) {
            for (int m = 0; m < 4; m++) {
                assertThat(columnWise[m][i]).isEqualTo(byRow[i][m]);
            }
        }
        assertThat(b.multiModel.classes()).containsExactly(0, 1, 2, 3);
        checks.assertSum(b.baselineSum());
        checks.assertRowSums(b.baselineRowSums());
        checks.assertUntouched(b.columns, b.table);
        assertThat(b.labels).containsExactly(labelsBefore);
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
