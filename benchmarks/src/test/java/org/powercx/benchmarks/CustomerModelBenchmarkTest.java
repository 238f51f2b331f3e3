package org.powercx.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.powercx.segmentation.AnalysisReport;
import org.powercx.segmentation.CustomerScores;
import org.powercx.segmentation.ScoringBuffer;

class CustomerModelBenchmarkTest {

    @Test
    void everyVariantAgreesWithAnalyseAndLeavesItsInputUntouched() {
        CustomerModelBenchmark b = new CustomerModelBenchmark();
        b.customers = 40_000;
        b.setUp();
        double[][] before = new double[b.columns.length][];
        for (int k = 0; k < before.length; k++) {
            before[k] = b.columns[k].clone();
        }
        AnalysisReport expected = b.analyse();
        double[] clv = expected.lifetimeValues();
        double[] pd = expected.credit().defaultProbabilities();
        double[] comb = expected.values().combined();
        ScoringBuffer w = b.apply();
        double total = 0;
        for (int i = 0; i < b.customers; i++) {
            assertThat(w.lifetimeValue(i)).isEqualTo(clv[i]);
            assertThat(w.defaultProbability(i)).isEqualTo(pd[i]);
            assertThat(w.combined(i)).isEqualTo(comb[i]);
            assertThat(w.segment(i)).isEqualTo(expected.segments().segment(i));
            assertThat(w.measures(i)).isEqualTo(expected.plan().measures(i));
            total += clv[i];
        }
        assertThat(b.applyBlocks()).isEqualTo(total);
        CustomerScores s = b.applyTable();
        assertThat(s.lifetimeValues()).containsExactly(clv);
        assertThat(s.grades()).containsExactly(expected.credit().grades());
        double[] sums = b.baselineRowSums();
        double expectedSum = 0;
        for (double v : sums) {
            expectedSum += v;
        }
        assertThat(expectedSum).isCloseTo(Baselines.sum(b.columns), org.assertj.core.data.Offset.offset(
            1e-9 * Math.abs(expectedSum)));
        for (int k = 0; k < before.length; k++) {
            assertThat(b.columns[k]).containsExactly(before[k]);
            assertThat(b.table.column(b.model.inputColumns().get(k))).containsExactly(before[k]);
        }
    }
}
