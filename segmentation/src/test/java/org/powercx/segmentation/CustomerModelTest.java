package org.powercx.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercx.core.CustomerIndicators;
import org.powercx.core.IndicatorTable;
import org.powercx.samples.CustomerGenerator;
import org.powercx.samples.SampleData;

class CustomerModelTest {
    private static final IndicatorTable SAMPLE = SampleData.customers();

    /** Every output of the fitted model on the calibration rows against the refitting pipeline, bit for bit. */
    static void assertSameBits(AnalysisReport r, CustomerScores s) {
        assertThat(s.ids()).isEqualTo(r.ids());
        assertBits(s.segments().currentValues(), r.values().current(), "current");
        assertBits(s.segments().potentialValues(), r.values().potential(), "potential");
        assertBits(s.combined(), r.values().combined(), "combined");
        assertThat(Double.doubleToRawLongBits(s.segments().currentCutoff()))
            .isEqualTo(Double.doubleToRawLongBits(r.segments().currentCutoff()));
        assertThat(Double.doubleToRawLongBits(s.segments().potentialCutoff()))
            .isEqualTo(Double.doubleToRawLongBits(r.segments().potentialCutoff()));
        assertThat(s.segments().ordinals()).isEqualTo(r.segments().ordinals());
        assertBits(s.defaultProbabilities(), r.credit().defaultProbabilities(), "default probability");
        assertThat(s.grades()).isEqualTo(r.credit().grades());
        assertThat(s.risks().topics()).isEqualTo(r.risks().topics());
        for (String topic : r.risks().topics()) {
            assertBits(s.risks().scores(topic), r.risks().scores(topic), topic);
            assertThat(s.risks().groups(topic)).isEqualTo(r.risks().groups(topic));
        }
        assertBits(s.lifetimeValues(), r.lifetimeValues(), "lifetime value");
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.plan().measures(i)).as("measures of row %d", i).isEqualTo(r.plan().measures(i));
            assertThat(s.grade(i)).isEqualTo(r.credit().grade(i));
        }
        assertThat(s.plan().measureCounts()).isEqualTo(r.plan().measureCounts());
    }

    static void assertBits(double[] actual, double[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            if (Double.doubleToRawLongBits(actual[i]) != Double.doubleToRawLongBits(expected[i])) {
                throw new AssertionError(what + " of row " + i + ": " + actual[i] + " != " + expected[i]);
            }
        }
    }

    @Test
    void onTheBundledSampleTheFittedModelEqualsAnalyseBitForBit() {
        CustomerAnalysis a = CustomerAnalysis.withDefaults();
        CustomerModel model = a.fit(SAMPLE);
        assertSameBits(a.analyse(SAMPLE), model.apply(SAMPLE));
        assertThat(model.apply(SAMPLE).projectedConsumption()).hasSize(SAMPLE.rowCount());
    }

    @Test
    void onGeneratedCustomersWithOtherSettingsTheFittedModelEqualsAnalyseBitForBit() {
        IndicatorTable t = CustomerGenerator.withDefaults().generate(20_000, 41L).table();
        List<CustomerAnalysis> variants = List.of(
            CustomerAnalysis.withDefaults(),
            CustomerAnalysis.withDefaults().with(ValueSegmentation.withDefaults().withMeanCutoffs())
                .with(Retention.constant(0.9)),
            CustomerAnalysis.withDefaults().with(ValueSegmentation.withDefaults().withQuantiles(0.7, 0.3))
                .with(CreditScoring.withDefaults().withGradeCutoffs(org.powercx.credit.CreditGrades.DEFAULT_NAMES, 0.01, 0.02, 0.05, 0.1))
                .withMargin(CustomerIndicators.FEE_REVENUE, 0.25)
                .with(Retention.fromChurnModel(List.of(CustomerIndicators.ARREARS_COUNT,
                    CustomerIndicators.ON_TIME_PAYMENT_RATE), CustomerIndicators.DEFAULTED)),
            CustomerAnalysis.withDefaults().with(ValueEvaluation.withDefaults()
                .with(ValueIndexSystem.defaults().withLogScale())));
        for (CustomerAnalysis a : variants) {
            CustomerModel model = a.fit(t);
            assertSameBits(a.analyse(t), model.apply(t));
        }
    }

    @Test
    void rowRangesOfColumnsScoreAsTheWholeTableIntoAReusedBuffer() {
        CustomerModel model = CustomerAnalysis.withDefaults().fit(SAMPLE);
        CustomerScores whole = model.apply(SAMPLE);
        double[][] columns = new double[model.inputColumns().size()][];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = SAMPLE.column(model.inputColumns().get(k));
        }
        ScoringBuffer b = model.newBuffer(777);
        double[] clv = whole.lifetimeValues();
        double[] pd = whole.defaultProbabilities();
        double[] comb = whole.combined();
        List<String> topics = model.topics();
        for (int from = 0; from < SAMPLE.rowCount(); from += 777) {
            int to = Math.min(SAMPLE.rowCount(), from + 777);
            model.apply(columns, from, to, b);
            assertThat(b.size()).isEqualTo(to - from);
            for (int i = 0; i < to - from; i++) {
                int row = from + i;
                assertThat(Double.doubleToRawLongBits(b.lifetimeValue(i))).isEqualTo(Double.doubleToRawLongBits(clv[row]));
                assertThat(Double.doubleToRawLongBits(b.defaultProbability(i))).isEqualTo(Double.doubleToRawLongBits(pd[row]));
                assertThat(Double.doubleToRawLongBits(b.combined(i))).isEqualTo(Double.doubleToRawLongBits(comb[row]));
                assertThat(b.segment(i)).isEqualTo(whole.segments().segment(row));
                assertThat(b.measures(i)).isEqualTo(whole.plan().measures(row));
                assertThat(model.parameters().creditGrades().names().get(b.grade(i))).isEqualTo(whole.grade(row));
                for (int t = 0; t < topics.size(); t++) {
                    assertThat(b.riskGroup(t, i)).isEqualTo(whole.risks().groups(topics.get(t))[row]);
                }
            }
        }
        assertThatThrownBy(() -> b.current(777)).isInstanceOf(SegmentationException.class).hasMessageContaining("777");
        assertThatThrownBy(() -> model.apply(columns, 0, 778, b)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("capacity");
        assertThatThrownBy(() -> model.apply(columns, 0, 10, CustomerAnalysis.withDefaults().fit(SAMPLE).newBuffer(10)))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("buffer of this model");
    }

    @Test
    void aModelRebuiltFromItsParametersScoresIdentically() {
        IndicatorTable t = CustomerGenerator.withDefaults().generate(5_000, 7L).table();
        CustomerModel model = CustomerAnalysis.withDefaults().fit(SAMPLE);
        CustomerModel copy = CustomerModel.of(model.parameters());
        assertThat(copy.parameters()).isEqualTo(model.parameters());
        assertThat(copy.inputColumns()).isEqualTo(model.inputColumns());
        CustomerScores a = model.apply(t);
        CustomerScores b = copy.apply(t);
        assertBits(b.lifetimeValues(), a.lifetimeValues(), "lifetime value");
        assertBits(b.combined(), a.combined(), "combined");
        assertBits(b.defaultProbabilities(), a.defaultProbabilities(), "default probability");
        assertThat(b.segments().ordinals()).isEqualTo(a.segments().ordinals());
    }

    @Test
    void newCustomersAreScoredWithTheCalibrationCutoffsNotRefitted() {
        IndicatorTable calibration = CustomerGenerator.withDefaults().generate(4_000, 1L).table();
        IndicatorTable fresh = CustomerGenerator.withDefaults().generate(3_000, 2L).table();
        CustomerModel model = CustomerAnalysis.withDefaults().fit(calibration);
        CustomerScores s = model.apply(fresh);
        AnalysisReport refit = CustomerAnalysis.withDefaults().analyse(fresh);
        assertThat(s.segments().currentCutoff()).isEqualTo(model.parameters().currentCutoff())
            .isNotEqualTo(refit.segments().currentCutoff());
        // the grey relational grade of a fresh customer is the fitted model's grade of its derived row
        double[] cur = s.segments().currentValues();
        double[] row = new double[4];
        for (int i = 0; i < 50; i++) {
            row[0] = Math.log(fresh.get(i, fresh.indexOf(CustomerIndicators.ANNUAL_CONSUMPTION)));
            row[1] = Math.log(fresh.get(i, fresh.indexOf(CustomerIndicators.FEE_REVENUE)));
            row[2] = fresh.get(i, fresh.indexOf(CustomerIndicators.ON_TIME_PAYMENT_RATE));
            row[3] = fresh.get(i, fresh.indexOf(CustomerIndicators.LOAD_FACTOR));
            assertThat(cur[i]).isEqualTo(model.parameters().currentModel().grade(row));
        }
        // a table may lack the credit label: scoring does not need it
        List<String> keep = new ArrayList<>(fresh.indicatorNames());
        keep.remove(CustomerIndicators.DEFAULTED);
        CustomerScores noLabel = model.apply(fresh.select(keep.toArray(new String[0])));
        assertBits(noLabel.lifetimeValues(), s.lifetimeValues(), "lifetime value");
    }

    @Test
    void aMissingColumnOrAValueOutsideItsDomainIsNamed() {
        CustomerModel model = CustomerAnalysis.withDefaults().fit(SAMPLE);
        List<String> keep = new ArrayList<>(SAMPLE.indicatorNames());
        keep.remove(CustomerIndicators.LINE_LOSS_RATE);
        IndicatorTable lacking = SAMPLE.select(keep.toArray(new String[0]));
        assertThatThrownBy(() -> model.apply(lacking)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("no column '" + CustomerIndicators.LINE_LOSS_RATE + "'");
        double[][] columns = new double[model.inputColumns().size()][];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = SAMPLE.column(model.inputColumns().get(k));
        }
        int fee = model.inputColumns().indexOf(CustomerIndicators.FEE_REVENUE);
        columns[fee][12] = 0;
        ScoringBuffer b = model.newBuffer(100);
        assertThatThrownBy(() -> model.apply(columns, 0, 100, b)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("row 12").hasMessageContaining(CustomerIndicators.FEE_REVENUE)
            .hasMessageContaining("log scale");
        columns[fee][12] = Double.NaN;
        assertThatThrownBy(() -> model.apply(columns, 0, 100, b)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("row 12").hasMessageContaining("finite");
        assertThatThrownBy(() -> model.apply(new double[2][], 0, 1, b)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("expected " + columns.length + " columns");
        assertThatThrownBy(() -> model.newBuffer(0)).isInstanceOf(SegmentationException.class);
        assertThatThrownBy(() -> CustomerModel.of(null)).isInstanceOf(SegmentationException.class);
    }

    @Test
    void retentionSourcesAreValidatedAndDocumentedChoices() {
        assertThat(Retention.fromDefaultProbability(0.97).source()).isEqualTo(Retention.Source.DEFAULT_PROBABILITY);
        assertThatThrownBy(() -> Retention.constant(1.5)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("1.5");
        assertThatThrownBy(() -> Retention.fromChurnModel(List.of("churn"), "churn"))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("'churn'");
        assertThatThrownBy(() -> Retention.fromChurnModel(List.of(), "churn"))
            .isInstanceOf(SegmentationException.class);
        // constant retention: every customer's CLV is the margin times one factor
        IndicatorTable t = CustomerGenerator.withDefaults().generate(500, 3L).table();
        AnalysisReport r = CustomerAnalysis.withDefaults().with(Retention.constant(0.9)).analyse(t);
        double[] fee = t.column(CustomerIndicators.FEE_REVENUE);
        double factor = 0;
        for (int k = 1; k <= 10; k++) {
            factor += Math.pow(0.9 / 1.08, k);
        }
        for (int i = 0; i < 20; i++) {
            assertThat(r.lifetimeValues()[i]).isCloseTo(0.1 * fee[i] * factor, org.assertj.core.data.Percentage.withPercentage(1e-10));
        }
        // a churn label that is not 0/1 is named
        assertThatThrownBy(() -> CustomerAnalysis.withDefaults()
            .with(Retention.fromChurnModel(List.of(CustomerIndicators.ARREARS_COUNT), CustomerIndicators.LOAD_FACTOR))
            .analyse(t)).isInstanceOf(SegmentationException.class).hasMessageContaining("churn model")
            .hasMessageContaining(CustomerIndicators.LOAD_FACTOR);
    }
}
