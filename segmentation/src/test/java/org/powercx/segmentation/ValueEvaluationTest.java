package org.powercx.segmentation;

import org.powercx.core.CustomerIndicators;
import org.powercx.samples.CustomerGenerator;
import org.powercx.samples.CustomerClass;
import org.powercx.samples.GeneratedCustomers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.powercx.ahp.Ahp;
import org.powercx.ahp.HierarchyResult;
import org.powercx.ahp.PairwiseMatrix;
import org.powercx.core.IndicatorTable;
import org.powercx.grey.GreyRelationalAnalysis;

class ValueEvaluationTest {
    private static final GeneratedCustomers DATA = CustomerGenerator.withDefaults().generate(20_000, 13L);
    private static final IndicatorTable TABLE = DATA.table();
    private static final ValueScores SCORES = ValueEvaluation.withDefaults().evaluate(TABLE);

    @Test
    void defaultJudgmentsAreConsistentAndWeightsCompose() {
        HierarchyResult h = SCORES.weights();
        assertThat(h.isAcceptable()).isTrue();
        assertThat(h.inconsistentNodes()).isEmpty();
        assertThat(h.globalWeight(ValueIndexSystem.CURRENT)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(h.leafWeights().names()).hasSize(8);
        double[] cur = SCORES.current();
        double[] pot = SCORES.potential();
        double[] comb = SCORES.combined();
        for (int i = 0; i < cur.length; i++) {
            assertThat(cur[i]).isGreaterThan(0).isLessThanOrEqualTo(1);
            assertThat(comb[i]).isCloseTo(2.0 / 3 * cur[i] + 1.0 / 3 * pot[i], within(1e-12));
        }
        assertThat(SCORES.size()).isEqualTo(20_000);
        assertThat(SCORES.toString()).contains("fee_revenue", "projected_consumption", "median");
    }

    @Test
    void valuesEqualTheGreyModulesWeightedGradesOnTheTransformedTable() {
        // the current value of the first customers, recomputed from the fitted model's own scoring of one row
        Map<String, Double> drivers = SCORES.drivers(TABLE.id(0));
        double cur = 0;
        double pot = 0;
        for (Map.Entry<String, Double> e : drivers.entrySet()) {
            if (e.getKey().startsWith(ValueIndexSystem.CURRENT)) {
                cur += e.getValue();
            } else {
                pot += e.getValue();
            }
        }
        assertThat(cur).isCloseTo(SCORES.current()[0], within(1e-12));
        assertThat(pot).isCloseTo(SCORES.potential()[0], within(1e-12));
        assertThat(new java.util.ArrayList<>(drivers.values())).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        double lnFee = Math.log(TABLE.get(0, TABLE.indexOf(CustomerIndicators.FEE_REVENUE)));
        double[] row = {Math.log(TABLE.get(0, TABLE.indexOf(CustomerIndicators.ANNUAL_CONSUMPTION))), lnFee,
            TABLE.get(0, TABLE.indexOf(CustomerIndicators.ON_TIME_PAYMENT_RATE)),
            TABLE.get(0, TABLE.indexOf(CustomerIndicators.LOAD_FACTOR))};
        assertThat(SCORES.currentModel().grade(row)).isCloseTo(SCORES.current()[0], within(1e-12));
        assertThatThrownBy(() -> SCORES.drivers("nobody")).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("'nobody'");
    }

    @Test
    void segmentsRecoverTheGeneratorsStructure() {
        ValueSegments s = ValueSegmentation.withDefaults().segment(SCORES.current(), SCORES.potential());
        double[] cls = DATA.column(CustomerIndicators.CUSTOMER_CLASS);
        double[] g = DATA.latentGrowth();
        double gLow = ValueSegmentation.quantile(g, 0.25);
        double gHigh = ValueSegmentation.quantile(g, 0.75);
        int large = 0;
        int largeHigh = 0;
        int residential = 0;
        int residentialHigh = 0;
        int fast = 0;
        int fastHigh = 0;
        int slow = 0;
        int slowHigh = 0;
        for (int i = 0; i < cls.length; i++) {
            ValueSegment seg = s.segment(i);
            boolean highCurrent = seg == ValueSegment.KEY || seg == ValueSegment.MAINTAIN;
            boolean highPotential = seg == ValueSegment.KEY || seg == ValueSegment.DEVELOP;
            if (cls[i] == CustomerClass.LARGE_INDUSTRY.code()) {
                large++;
                largeHigh += highCurrent ? 1 : 0;
            } else if (cls[i] == CustomerClass.RESIDENTIAL.code()) {
                residential++;
                residentialHigh += highCurrent ? 1 : 0;
            }
            if (g[i] >= gHigh) {
                fast++;
                fastHigh += highPotential ? 1 : 0;
            } else if (g[i] <= gLow) {
                slow++;
                slowHigh += highPotential ? 1 : 0;
            }
        }
        // large industry is high current value, households are not
        assertThat((double) largeHigh / large).isGreaterThan(0.95);
        assertThat((double) residentialHigh / residential).isLessThan(0.05);
        // the fastest-growing quarter is mostly high potential, the slowest mostly low
        assertThat((double) fastHigh / fast).isGreaterThan(0.75);
        assertThat((double) slowHigh / slow).isLessThan(0.25);
    }

    @Test
    void unknownIndicatorIsNamed() {
        ValueIndexSystem system = ValueIndexSystem.of(2,
            PairwiseMatrix.fromUpperTriangle(List.of(CustomerIndicators.FEE_REVENUE, "annual_profit"), 2),
            PairwiseMatrix.fromUpperTriangle(List.of(CustomerIndicators.CONSUMPTION_GROWTH, CustomerIndicators.LOAD_FACTOR), 1));
        assertThatThrownBy(() -> ValueEvaluation.withDefaults().with(system).evaluate(TABLE))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("value index system")
            .hasMessageContaining("unknown indicator 'annual_profit'");
    }

    @Test
    void inconsistentJudgmentsAreRejectedWithTheirConsistencyRatio() {
        // a > b (9), b > c (9) but c > a (9): CR far above 0.1
        PairwiseMatrix bad = PairwiseMatrix.fromUpperTriangle(List.of(CustomerIndicators.ANNUAL_CONSUMPTION,
            CustomerIndicators.FEE_REVENUE, CustomerIndicators.LOAD_FACTOR), 9, 1.0 / 9, 9);
        ValueIndexSystem system = ValueIndexSystem.of(1, bad,
            PairwiseMatrix.fromUpperTriangle(List.of(CustomerIndicators.CONSUMPTION_GROWTH,
                CustomerIndicators.INDUSTRY_PROSPECT), 1));
        assertThatThrownBy(() -> ValueEvaluation.withDefaults().with(system).evaluate(TABLE))
            .isInstanceOf(SegmentationException.class)
            .hasMessageContaining("AHP judgments of 'current value' fail the consistency test").hasMessageContaining("CR = ");
        // a lenient threshold lets them through
        ValueScores lenient = ValueEvaluation.withDefaults().with(system)
            .with(Ahp.withDefaults().withConsistencyThreshold(100)).evaluate(TABLE.rows(0, 100));
        assertThat(lenient.size()).isEqualTo(100);
    }

    @Test
    void otherConfigurations() {
        ValueIndexSystem system = ValueIndexSystem.defaults().withLogScale()
            .withSeries(ConsumptionProjection.DEFAULT_SERIES);
        assertThat(system.logScale()).isEmpty();
        ValueScores s = ValueEvaluation.withDefaults().with(system)
            .with(GreyRelationalAnalysis.withDefaults().withDistinguishingCoefficient(0.3)).evaluate(TABLE.rows(0, 500));
        assertThat(s.current()).hasSize(500);
        assertThat(ValueEvaluation.withDefaults().system()).isSameAs(ValueIndexSystem.defaults());
        assertThat(ValueIndexSystem.defaults().toString()).contains("current over potential value 2", "fee_revenue");
        assertThat(ValueIndexSystem.defaults().series()).hasSize(5);
        assertThat(ValueIndexSystem.defaults().currentIndicators()).contains(CustomerIndicators.FEE_REVENUE);
    }

    @Test
    void rejectsBadConfiguration() {
        PairwiseMatrix two = PairwiseMatrix.fromUpperTriangle(List.of("a", "b"), 2);
        assertThatThrownBy(() -> ValueIndexSystem.of(0, two, two)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("positive");
        assertThatThrownBy(() -> ValueIndexSystem.of(1, two, two)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("'a' is in both");
        assertThatThrownBy(() -> ValueIndexSystem.of(1, null, two)).isInstanceOf(SegmentationException.class);
        assertThatThrownBy(() -> ValueIndexSystem.defaults().withLogScale("tariff"))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("'tariff'");
        assertThatThrownBy(() -> ValueIndexSystem.defaults().withSeries(List.of("a")))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("at least 4");
        assertThatThrownBy(() -> ValueEvaluation.withDefaults().with((ValueIndexSystem) null))
            .isInstanceOf(SegmentationException.class);
        assertThatThrownBy(() -> ValueEvaluation.withDefaults().with((Ahp) null)).isInstanceOf(SegmentationException.class);
        assertThatThrownBy(() -> ValueEvaluation.withDefaults().with((GreyRelationalAnalysis) null))
            .isInstanceOf(SegmentationException.class);
        assertThatThrownBy(() -> ValueEvaluation.withDefaults().evaluate(null)).isInstanceOf(SegmentationException.class);
        assertThatThrownBy(() -> ValueEvaluation.withDefaults().evaluate(TABLE.filter(i -> false)))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("no rows");
        double[][] cols = new double[TABLE.indicatorCount()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = TABLE.rows(0, 3).column(j);
        }
        cols[TABLE.indexOf(CustomerIndicators.FEE_REVENUE)][1] = 0;
        IndicatorTable zeroFee = IndicatorTable.ofColumns(TABLE.indicators(), TABLE.rows(0, 3).ids(), cols);
        assertThatThrownBy(() -> ValueEvaluation.withDefaults().evaluate(zeroFee)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("customer 'C00000002'").hasMessageContaining("'fee_revenue'").hasMessageContaining("log scale");
    }

    @Test
    void theDerivedColumnsAreWhatTheGreyRelationalModelsGrade() {
        ValueEvaluation value = ValueEvaluation.withDefaults();
        GreyRelationalAnalysis gra = GreyRelationalAnalysis.withDefaults().withDistinguishingCoefficient(0.3);
        assertThat(value.with(gra).greyRelationalAnalysis()).isSameAs(gra);
        IndicatorTable derived = value.derivedColumns(TABLE);
        ValueIndexSystem system = value.system();
        IndicatorTable current = derived.select(system.currentIndicators().toArray(new String[0]));
        IndicatorTable potential = derived.select(system.potentialIndicators().toArray(new String[0]));
        // the models fitted on them, and their grades, are those of evaluate
        assertThat(value.greyRelationalAnalysis().fit(current, SCORES.weights().local(ValueIndexSystem.CURRENT)
            .weights()).parameters()).isEqualTo(SCORES.currentModel().parameters());
        assertThat(SCORES.potentialModel().grades(potential)).isEqualTo(SCORES.potential());
        // the log scale: ln of the column; the projection: GM(1,1) of the history
        assertThat(current.column(CustomerIndicators.FEE_REVENUE)[5])
            .isEqualTo(Math.log(TABLE.column(CustomerIndicators.FEE_REVENUE)[5]));
        assertThat(potential.column(ConsumptionProjection.PROJECTED_CONSUMPTION))
            .isEqualTo(ConsumptionProjection.project(TABLE, system.series(), 1));
        assertThat(value.derivedColumns(TABLE.rows(0, 0)).rowCount()).isZero();
        assertThatThrownBy(() -> value.derivedColumns(TABLE.select(CustomerIndicators.FEE_REVENUE)))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("unknown indicator");
    }
}
