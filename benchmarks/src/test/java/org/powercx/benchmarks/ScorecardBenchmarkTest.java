package org.powercx.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.powercx.credit.LogisticModel;
import org.powercx.credit.LogisticRegression;

class ScorecardBenchmarkTest {

    @Test
    void everyVariantAgreesWithThePublicApiAndLeavesItsInputUntouched() {
        ScorecardBenchmark b = new ScorecardBenchmark();
        b.rows = 20_000;
        b.indicators = 6;
        b.setUp();
        ColumnChecks checks = ColumnChecks.snapshot(b.columns);
        int[] labelsBefore = b.labels.clone();
        LogisticModel expected = LogisticRegression.withDefaults().fit(b.table, b.labels);
        LogisticModel fitted = b.fitLogistic();
        assertThat(fitted.coefficients()).containsExactly(expected.coefficients());
        assertThat(fitted.intercept()).isEqualTo(expected.intercept());
        assertThat(fitted.passes()).isGreaterThanOrEqualTo(fitted.iterations()).isLessThan(20);
        LogisticModel fromTable = b.fitLogisticTable();
        assertThat(fromTable.coefficients()).containsExactly(expected.coefficients());
        assertThat(fromTable.intercept()).isEqualTo(expected.intercept());
        LogisticModel fromColumns = LogisticRegression.withDefaults().fit(b.names, b.columns, b.labels);
        assertThat(fromColumns.coefficients()).containsExactly(expected.coefficients());
        LogisticModel two = b.fitLogisticTwoThreads();
        assertThat(two.coefficients()).containsExactly(expected.coefficients());
        assertThat(two.intercept()).isEqualTo(expected.intercept());
        double[] scores = b.card.scores(b.table);
        assertThat(b.scoreColumns()).containsExactly(scores);
        assertThat(b.scoreTable()).containsExactly(scores);
        assertThat(b.scoreColumnsTwoThreads()).containsExactly(scores);
        assertThat(b.scoreMaskChain()).containsExactly(scores);
        assertThat(b.scoreClampChain()).containsExactly(scores);
        checks.assertSum(b.baselineSum());
        assertThat(b.baselineSumTwoThreads()).isCloseTo(b.baselineSum(), org.assertj.core.data.Offset.offset(1e-6));
        checks.assertRowSums(b.baselineRowSums());
        checks.assertUntouched(b.columns, b.table);
        assertThat(b.labels).containsExactly(labelsBefore);
    }
}
