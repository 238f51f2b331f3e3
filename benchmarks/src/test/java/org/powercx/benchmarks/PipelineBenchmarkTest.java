package org.powercx.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;
import org.powercx.segmentation.AnalysisReport;
import org.powercx.segmentation.CreditScoring;
import org.powercx.segmentation.CustomerAnalysis;
import org.powercx.samples.CustomerGenerator;
import org.powercx.segmentation.RiskSegmentation;
import org.powercx.segmentation.RiskSegments;
import org.powercx.segmentation.SatisfactionSegments;
import org.powercx.samples.SurveyGenerator;
import org.powercx.segmentation.ValueEvaluation;

class PipelineBenchmarkTest {

    @Test
    void everyVariantAgreesWithThePublicApiAndLeavesItsInputUntouched() {
        PipelineBenchmark b = new PipelineBenchmark();
        b.customers = 20_000;
        b.setUp();
        IndicatorTable expectedTable = CustomerGenerator.withDefaults().generate(20_000, 20261123L).table();
        ColumnChecks checks = ColumnChecks.snapshot(b.columns);
        AnalysisReport expected = CustomerAnalysis.withDefaults().analyse(expectedTable);
        AnalysisReport report = b.pipeline();
        assertThat(report.segments().ordinals()).containsExactly(expected.segments().ordinals());
        assertThat(report.credit().grades()).containsExactly(expected.credit().grades());
        assertThat(report.lifetimeValues()).containsExactly(expected.lifetimeValues());
        IndicatorTable expectedSurvey = SurveyGenerator.withDefaults().generate(expectedTable, 5_000, 7L);
        AnalysisReport withSurvey = b.pipelineWithSurvey();
        AnalysisReport expectedWithSurvey = CustomerAnalysis.withDefaults().analyse(expectedTable, expectedSurvey);
        SatisfactionSegments sat = withSurvey.satisfaction().orElseThrow();
        SatisfactionSegments expectedSat = expectedWithSurvey.satisfaction().orElseThrow();
        assertThat(sat.segments()).hasSameSizeAs(expectedSat.segments()).isNotEmpty();
        for (int k = 0; k < sat.segments().size(); k++) {
            assertThat(sat.segments().get(k).name()).isEqualTo(expectedSat.segments().get(k).name());
            assertThat(sat.segments().get(k).indices()).containsExactly(expectedSat.segments().get(k).indices());
        }
        assertThat(withSurvey.lifetimeValues()).containsExactly(expected.lifetimeValues());
        assertThat(b.valueEvaluation().combined())
            .containsExactly(ValueEvaluation.withDefaults().evaluate(expectedTable).combined());
        assertThat(b.creditScoring().defaultProbabilities())
            .containsExactly(CreditScoring.withDefaults().assess(expectedTable).defaultProbabilities());
        RiskSegments risks = b.riskSegmentation();
        RiskSegments expectedRisks = RiskSegmentation.withDefaults().apply(expectedTable);
        for (String topic : risks.topics()) {
            assertThat(risks.groups(topic)).containsExactly(expectedRisks.groups(topic));
        }
        checks.assertSum(b.baselineSum());
        checks.assertUntouched(b.columns, b.table);
        assertThat(b.survey.ids()).isEqualTo(expectedSurvey.ids());
        for (int j = 0; j < expectedSurvey.indicatorCount(); j++) {
            assertThat(b.survey.column(j)).containsExactly(expectedSurvey.column(j));
        }
    }
}
