package org.powercx.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Weights;
import org.powercx.credit.DiscriminantModel;
import org.powercx.credit.LinearDiscriminant;
import org.powercx.grey.GreyRelationalAnalysis;
import org.powercx.grey.GreyRelationalModel;

class StreamingFitHarnessTest {
    @Test
    void blockByBlockFitsAndScoresEqualTheInMemoryPathBitForBit() {
        // three full blocks and a partial one
        int rows = 3 * StreamingFitHarness.BLOCK_ROWS + 1234;
        StreamingFitHarness.Outcome streamed = StreamingFitHarness.run(rows, null);

        int m = StreamingFitHarness.INDICATORS;
        double[][] all = new double[m][rows];
        int[] labels = new int[rows];
        double[][] block = new double[m][StreamingFitHarness.BLOCK_ROWS];
        int[] blockLabels = new int[StreamingFitHarness.BLOCK_ROWS];
        for (int k = 0; k * StreamingFitHarness.BLOCK_ROWS < rows; k++) {
            int from = k * StreamingFitHarness.BLOCK_ROWS;
            int n = Math.min(StreamingFitHarness.BLOCK_ROWS, rows - from);
            StreamingFitHarness.block(k, n, block, blockLabels);
            for (int j = 0; j < m; j++) {
                System.arraycopy(block[j], 0, all[j], from, n);
            }
            System.arraycopy(blockLabels, 0, labels, from, n);
        }
        IndicatorTable table = StreamingFitHarness.table(StreamingFitHarness.indicators(), 0, rows, all);
        List<String> names = new ArrayList<>(table.indicatorNames());
        GreyRelationalModel grey = GreyRelationalAnalysis.withDefaults().fit(table, Weights.equal(names));
        DiscriminantModel lda = LinearDiscriminant.withDefaults().fit(table, labels);

        double[] grades = grey.grades(table);
        double[] scores = new double[rows];
        lda.scores(all, scores);
        double gradeSum = 0;
        double scoreSum = 0;
        for (int i = 0; i < rows; i++) {
            gradeSum += grades[i];
            scoreSum += scores[i];
        }
        assertThat(streamed.discriminant().coefficients()).isDeepEqualTo(lda.coefficients());
        assertThat(streamed.gradeSum()).isEqualTo(gradeSum);
        assertThat(streamed.scoreSum()).isEqualTo(scoreSum);
        assertThat(StreamingFitHarness.peakResidentKb()).isNotZero();
    }
}
