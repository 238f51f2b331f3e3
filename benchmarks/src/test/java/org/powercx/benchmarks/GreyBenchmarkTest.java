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
        ColumnChecks checks = ColumnChecks.snapshot(b.columns);
        double[] expected = GreyRelationalAnalysis.withDefaults().evaluate(b.table, b.weights).grades();
        assertThat(b.graSequential()).containsExactly(expected);
        assertThat(b.graTwoThreads()).containsExactly(expected);
        assertThat(b.evaluateSequential().grades()).containsExactly(expected);
        assertThat(b.evaluateTwoThreads().grades()).containsExactly(expected);
        assertThat(b.evaluateTwoThreads().order()).containsExactly(b.evaluateSequential().order());
        checks.assertSum(b.baselineSum());
        checks.assertRowSums(b.baselineRowSums());
        checks.assertUntouched(b.columns, b.table);
    }
}
