package org.powercx.segmentation;

import org.powercx.core.CustomerIndicators;
import org.powercx.samples.CustomerGenerator;
import org.powercx.samples.SurveyGenerator;
import org.powercx.samples.SampleData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.powercx.ahp.PairwiseMatrix;
import org.powercx.core.IndicatorTable;
import org.powercx.clv.DiscountedClv;

class CustomerAnalysisTest {
    private static final IndicatorTable CUSTOMERS = SampleData.customers();
    private static final IndicatorTable SURVEY = SampleData.survey();
    private static final AnalysisReport REPORT = CustomerAnalysis.withDefaults().analyse(CUSTOMERS, SURVEY);

    @Test
    void reportJoinsEveryStepCustomerByCustomer() {
        assertThat(REPORT.size()).isEqualTo(SampleData.CUSTOMERS);
        assertThat(REPORT.ids()).isEqualTo(CUSTOMERS.ids());
        ValueScores v = ValueEvaluation.withDefaults().evaluate(CUSTOMERS);
        assertThat(REPORT.values().current()).isEqualTo(v.current());
        assertThat(REPORT.segments().ordinals()).isEqualTo(
            ValueSegmentation.withDefaults().segment(v.current(), v.potential()).ordinals());
        CreditAssessment c = CreditScoring.withDefaults().assess(CUSTOMERS);
        assertThat(REPORT.credit().defaultProbabilities()).isEqualTo(c.defaultProbabilities());
        RiskSegments r = RiskSegmentation.withDefaults().apply(CUSTOMERS);
        for (int i = 0; i < 200; i++) {
            Map<String, String> labels = new HashMap<>();
            labels.put(ServicePolicy.VALUE_SEGMENT, REPORT.segments().segment(i).label());
            labels.put(ServicePolicy.CREDIT_GRADE, REPORT.credit().grade(i));
            for (String topic : r.topics()) {
                labels.put(topic, r.label(topic, i));
            }
            assertThat(REPORT.plan().measures(i)).isEqualTo(ServicePolicy.defaults().measuresFor(labels));
        }
    }

    @Test
    void lifetimeValueIsTheDiscountedMarginAtTheRiskAdjustedRetention() {
        double[] clv = REPORT.lifetimeValues();
        double[] fee = CUSTOMERS.column(CustomerIndicators.FEE_REVENUE);
        double[] pd = REPORT.credit().defaultProbabilities();
        DiscountedClv model = DiscountedClv.of(0.08).withHorizon(10);
        for (int i = 0; i < 100; i++) {
            double m = 0.1 * fee[i];
            double r = 0.97 * (1 - pd[i]);
            double expected = 0;
            for (int t = 1; t <= 10; t++) {
                expected += m * Math.pow(r, t) / Math.pow(1.08, t);
            }
            assertThat(clv[i]).isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
            assertThat(clv[i]).isCloseTo(model.value(m, r), within(1e-9 * Math.max(1, expected)));
        }
        DiscountedClv forever = DiscountedClv.of(0.1);
        AnalysisReport other = CustomerAnalysis.withDefaults().withClv(forever, 0.2, 0.9).analyse(CUSTOMERS);
        assertThat(other.lifetimeValues()[0]).isCloseTo(forever.value(0.2 * fee[0], 0.9 * (1 - pd[0])), within(1e-9));
        assertThat(other.satisfaction()).isEmpty();
    }

    @Test
    void satisfactionIsBrokenDownByValueSegment() {
        SatisfactionSegments s = REPORT.satisfaction().orElseThrow();
        int respondents = 0;
        for (SatisfactionSegments.Segment seg : s.segments()) {
            respondents += seg.respondents();
            assertThat(ServicePolicy.labelsOf(ValueSegment.values())).contains(seg.name());
        }
        assertThat(respondents).isEqualTo(SampleData.RESPONDENTS);
        // the survey's first respondent is customer C00000001, in the segment the report gives it
        String first = REPORT.segments().segment(CUSTOMERS.rowIndexOf(SURVEY.id(0))).label();
        assertThat(s.segment(first).respondents()).isPositive();
    }

    @Test
    void readableReportAndProfile() {
        String text = REPORT.toString();
        assertThat(text).contains("AnalysisReport 5000 customers", "median CLV (kyuan)", "total CLV (kyuan)",
            "in-sample AUC", "fee_recovery", "ServicePlan", "SatisfactionSegments").doesNotContain("mean CLV");
        String profile = REPORT.profile("C00000001");
        assertThat(profile).contains("value segment", "credit grade", "measures", "inspection");
        assertThatThrownBy(() -> REPORT.profile("X1")).isInstanceOf(SegmentationException.class).hasMessageContaining("'X1'");
    }

    @Test
    void badConfigurationFailsBeforeAnyWork() {
        CustomerAnalysis a = CustomerAnalysis.withDefaults();
        RiskRule unknown = RiskRule.threshold("theft", "tamper_alarms", new double[] {1}, "no", "yes");
        assertThatThrownBy(() -> a.with(RiskSegmentation.withDefaults().with(unknown)).analyse(CUSTOMERS))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("unknown indicator 'tamper_alarms'");
        PairwiseMatrix inconsistent = PairwiseMatrix.fromUpperTriangle(List.of(CustomerIndicators.ANNUAL_CONSUMPTION,
            CustomerIndicators.FEE_REVENUE, CustomerIndicators.LOAD_FACTOR), 9, 1.0 / 9, 9);
        ValueIndexSystem bad = ValueIndexSystem.of(2, inconsistent, PairwiseMatrix.fromUpperTriangle(
            List.of(CustomerIndicators.CONSUMPTION_GROWTH, CustomerIndicators.INDUSTRY_PROSPECT), 1));
        assertThatThrownBy(() -> a.with(ValueEvaluation.withDefaults().with(bad)).analyse(CUSTOMERS))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("fail the consistency test");
        ServicePolicy gap = ServicePolicy.read(new StringReader(
            "value_segment,credit_grade,measures\nkey|develop|maintain,*,account manager\nbasic,AAA|AA|A|B,standard\n"), "gap.csv");
        assertThatThrownBy(() -> a.with(gap).analyse(CUSTOMERS)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("gap.csv: the policy has a gap: no row covers {value_segment=basic, credit_grade=C}");
        IndicatorTable stranger = SurveyGenerator.withDefaults().generate(
            CustomerGenerator.withDefaults().generate(10, 1L).table(), 5, 1L);
        IndicatorTable renamed = IndicatorTable.ofColumns(stranger.indicators(),
            List.of("Z1", "Z2", "Z3", "Z4", "Z5"), columns(stranger));
        assertThatThrownBy(() -> a.analyse(CUSTOMERS.rows(0, 300), renamed)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("survey respondent 'Z1' is not a customer");
        IndicatorTable noFee = CUSTOMERS.select(CUSTOMERS.indicatorNames().stream()
            .filter(n -> !n.equals(CustomerIndicators.FEE_REVENUE)).toArray(String[]::new));
        assertThatThrownBy(() -> a.with(ValueEvaluation.withDefaults().with(ValueIndexSystem.of(1,
            PairwiseMatrix.fromUpperTriangle(List.of(CustomerIndicators.LOAD_FACTOR, CustomerIndicators.TARIFF), 1),
            PairwiseMatrix.fromUpperTriangle(List.of(CustomerIndicators.CONSUMPTION_GROWTH,
                CustomerIndicators.INDUSTRY_PROSPECT), 1)))).with(RiskSegmentation.of(List.of(
                    RiskSegmentation.withDefaults().rules().get(0)))).with(gap).analyse(noFee))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("'fee_revenue'");
        assertThatThrownBy(() -> a.withClv(DiscountedClv.of(0.08), 0, 0.9)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("margin rate");
        assertThatThrownBy(() -> a.with((ServicePolicy) null)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("service policy is null");
        assertThatThrownBy(() -> a.with((ValueSegmentation) null)).isInstanceOf(SegmentationException.class);
        assertThatThrownBy(() -> a.with((CreditScoring) null)).isInstanceOf(SegmentationException.class);
        assertThatThrownBy(() -> a.with((SatisfactionSegmentation) null)).isInstanceOf(SegmentationException.class);
        assertThat(a.with(ValueSegmentation.withDefaults().withMeanCutoffs()).with(CreditScoring.withDefaults())
            .with(SatisfactionSegmentation.withDefaults()).analyse(CUSTOMERS.rows(0, 500)).segments().method())
            .isEqualTo(CutoffMethod.MEAN);
    }

    private static double[][] columns(IndicatorTable t) {
        double[][] c = new double[t.indicatorCount()][];
        for (int j = 0; j < c.length; j++) {
            c[j] = t.column(j);
        }
        return c;
    }
}
