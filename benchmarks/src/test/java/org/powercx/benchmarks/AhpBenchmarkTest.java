package org.powercx.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercx.ahp.Ahp;
import org.powercx.ahp.GroupAhp;
import org.powercx.ahp.GroupResult;
import org.powercx.ahp.PairwiseMatrix;

class AhpBenchmarkTest {
    @Test
    void variantsAgreeWithThePublicApiAndLeaveTheirInputUntouched() {
        AhpBenchmark b = new AhpBenchmark();
        b.experts = 50;
        b.order = 9;
        b.setUp();
        double[][] matrixBefore = b.matrix.toArray();
        List<double[][]> judgmentsBefore = new ArrayList<>();
        for (PairwiseMatrix m : b.judgments) {
            judgmentsBefore.add(m.toArray());
        }
        assertThat(b.matrix.isSaatyScale()).isTrue();
        assertThat(b.evaluate().weights().values())
            .containsExactly(Ahp.withDefaults().evaluate(PairwiseMatrix.of(b.matrix.names(), matrixBefore))
                .weights().values());
        assertThat(b.evaluate().consistencyRatio()).isLessThan(0.2);
        GroupResult viaBenchmark = b.aggregate();
        List<PairwiseMatrix> copies = new ArrayList<>();
        for (double[][] m : judgmentsBefore) {
            copies.add(PairwiseMatrix.of(b.matrix.names(), m));
        }
        GroupResult viaApi = GroupAhp.withDefaults().evaluate(copies);
        assertThat(viaBenchmark.weights().values()).containsExactly(viaApi.weights().values());
        assertThat(viaBenchmark.consistencyRatios()).containsExactly(viaApi.consistencyRatios());
        assertThat(viaBenchmark.expertCount()).isEqualTo(50);
        assertThat(b.matrix.toArray()).isDeepEqualTo(matrixBefore);
        for (int k = 0; k < b.judgments.size(); k++) {
            assertThat(b.judgments.get(k).toArray()).isDeepEqualTo(judgmentsBefore.get(k));
        }
        double plain = 0;
        for (double[] row : matrixBefore) {
            for (double v : row) {
                plain += v;
            }
        }
        assertThat(b.evaluateBaseline()).isEqualTo(plain);
        double all = 0;
        for (double[][] m : judgmentsBefore) {
            for (double[] row : m) {
                for (double v : row) {
                    all += v;
                }
            }
        }
        assertThat(b.aggregateBaseline()).isEqualTo(all);
        // the same seed gives the same matrices
        AhpBenchmark again = new AhpBenchmark();
        again.experts = 50;
        again.order = 9;
        again.setUp();
        assertThat(again.matrix).isEqualTo(b.matrix);
    }
}
