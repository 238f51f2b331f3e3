package org.powercx.segmentation;

import org.powercx.core.CustomerIndicators;
import org.powercx.samples.SampleData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;
import org.powercx.clv.DiscountedClv;

/**
 * Numerical edge cases of the segmentation pipeline: constant and near-constant indicator columns, one and two
 * customers, magnitudes from 1e-300 to 1e300, and a survey item without variance. Each case has an exact
 * consequence checked here, or raises a {@link SegmentationException} naming the item.
 */
class SegmentationEdgeCasesTest {
    private static final IndicatorTable CUSTOMERS = SampleData.customers().rows(0, 600);
    private static final CustomerAnalysis ANALYSIS = CustomerAnalysis.withDefaults();
    private static final AnalysisReport BASE = ANALYSIS.analyse(CUSTOMERS);

    /** The table with one column replaced. */
    private static IndicatorTable withColumn(IndicatorTable t, String name, IntToDoubleFunction value) {
        double[][] cols = new double[t.indicatorCount()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = t.column(j);
        }
        int c = t.indexOf(name);
        for (int i = 0; i < t.rowCount(); i++) {
            cols[c][i] = value.applyAsDouble(i);
        }
        return IndicatorTable.ofColumns(t.indicators(), t.ids(), cols);
    }

    private static IndicatorTable scaled(IndicatorTable t, String name, double factor) {
        double[] v = t.column(name);
        return withColumn(t, name, i -> v[i] * factor);
    }

    @Test
    void theLevelOfAConstantValueIndicatorDoesNotMatter() {
        // min-max normalisation maps a constant column to 1 for every customer whatever the constant, so the
        // value scores and segments are identical; the lifetime value is linear in the (constant) fee revenue
        AnalysisReport five = ANALYSIS.analyse(withColumn(CUSTOMERS, CustomerIndicators.FEE_REVENUE, i -> 5));
        AnalysisReport million = ANALYSIS.analyse(withColumn(CUSTOMERS, CustomerIndicators.FEE_REVENUE, i -> 1e6));
        assertThat(million.values().current()).isEqualTo(five.values().current());
        assertThat(million.values().potential()).isEqualTo(five.values().potential());
        assertThat(million.segments().ordinals()).isEqualTo(five.segments().ordinals());
        double[] lv5 = five.lifetimeValues();
        double[] lv6 = million.lifetimeValues();
        for (int i = 0; i < lv5.length; i++) {
            assertThat(lv6[i]).isCloseTo(lv5[i] * 2e5, within(1e-12 * lv6[i]));
        }
        // a near-constant column (spread 6e-10) still gives finite grades in (0, 1]
        AnalysisReport near = ANALYSIS.analyse(withColumn(CUSTOMERS, CustomerIndicators.FEE_REVENUE, i -> 5 + 1e-12 * i));
        for (double v : near.values().current()) {
            assertThat(v).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void aConstantCreditIndicatorIsRejectedByName() {
        IndicatorTable constant = withColumn(CUSTOMERS, CustomerIndicators.ON_TIME_PAYMENT_RATE, i -> 0.95);
        assertThatThrownBy(() -> ANALYSIS.analyse(constant)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("credit scoring").hasMessageContaining("'on_time_payment_rate'")
            .hasMessageContaining("constant");
    }

    @Test
    void aConstantConsumptionHistoryProjectsItself() {
        // x(k) = c for all k: the least-squares development coefficient is 0 and the projection is c exactly
        IndicatorTable flat = CUSTOMERS.rows(0, 1);
        for (String column : ConsumptionProjection.DEFAULT_SERIES) {
            flat = withColumn(flat, column, i -> 1234.5);
        }
        assertThat(ConsumptionProjection.project(flat, ConsumptionProjection.DEFAULT_SERIES, 3))
            .containsExactly(1234.5);
    }

    @Test
    void oneAndTwoCustomers() {
        // the credit model needs both classes with at least two customers each
        assertThatThrownBy(() -> ANALYSIS.analyse(CUSTOMERS.rows(0, 1))).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("credit scoring").hasMessageContaining("two classes");
        assertThatThrownBy(() -> ANALYSIS.analyse(CUSTOMERS.rows(0, 2))).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("credit scoring").hasMessageContaining("at least 2");
        // the value evaluation of a single customer: every normalised indicator is 1, the customer is its own
        // reference series and its grey relational grade is 1
        ValueScores one = ValueEvaluation.withDefaults().evaluate(CUSTOMERS.rows(0, 1));
        assertThat(one.current()).containsExactly(1.0);
        assertThat(one.potential()).containsExactly(1.0);
    }

    @Test
    void feeRevenueFrom1eMinus300To1e300ScalesTheLifetimeValueAndKeepsTheScores() {
        for (double factor : new double[] {1e300, 1e-300}) {
            AnalysisReport report = ANALYSIS.analyse(scaled(CUSTOMERS, CustomerIndicators.FEE_REVENUE, factor));
            double[] lv = report.lifetimeValues();
            double[] base = BASE.lifetimeValues();
            for (int i = 0; i < lv.length; i++) {
                // the CLV is the margin times a factor: scaling is exact up to two roundings
                assertThat(lv[i]).isFinite().isCloseTo(base[i] * factor, within(1e-14 * Math.abs(base[i] * factor)));
            }
            // min-max normalisation removes the unit: the grades agree up to rounding
            double[] current = report.values().current();
            for (int i = 0; i < current.length; i++) {
                assertThat(current[i]).isCloseTo(BASE.values().current()[i], within(1e-12));
            }
        }
    }

    @Test
    void aLifetimeValueBeyondTheDoubleRangeIsRejectedNamingTheCustomer() {
        double[] fee = CUSTOMERS.column(CustomerIndicators.FEE_REVENUE);
        IndicatorTable whale = withColumn(CUSTOMERS, CustomerIndicators.FEE_REVENUE,
            i -> i == 3 ? Double.MAX_VALUE : fee[i]);
        CustomerAnalysis fullMargin = ANALYSIS.withClv(DiscountedClv.of(0.08).withHorizon(10), 1.0, 0.97);
        assertThatThrownBy(() -> fullMargin.analyse(whale)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("customer lifetime value").hasMessageContaining("customer 3")
            .hasMessageContaining("overflows");
    }

    @Test
    void aConsumptionHistoryBeyondDoublePrecisionIsRejectedNamingTheCustomer() {
        // the last year 1e300 times the others: the least-squares sums overflow
        IndicatorTable wild = scaled(CUSTOMERS, CustomerIndicators.ANNUAL_CONSUMPTION, 1e300);
        assertThatThrownBy(() -> ANALYSIS.analyse(wild)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("consumption projection").hasMessageContaining("customer '" + CUSTOMERS.id(0) + "'");
        // tiny consumption is harmless: the projection stays finite and positive
        double[] tiny = ConsumptionProjection.project(scaled(CUSTOMERS, CustomerIndicators.ANNUAL_CONSUMPTION, 1e-300),
            ConsumptionProjection.DEFAULT_SERIES, 1);
        for (double v : tiny) {
            assertThat(v).isFinite();
        }
    }

    @Test
    void creditIndicatorsBeyondDoublePrecisionAreRejected() {
        assertThatThrownBy(() -> ANALYSIS.analyse(scaled(CUSTOMERS, CustomerIndicators.ON_TIME_PAYMENT_RATE, 1e300)))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("credit scoring")
            .hasMessageContaining("overflow");
        // at 1e-300 the pooled variance underflows to 0: reported as a singular covariance naming the indicator
        assertThatThrownBy(() -> ANALYSIS.analyse(scaled(CUSTOMERS, CustomerIndicators.ON_TIME_PAYMENT_RATE, 1e-300)))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("'on_time_payment_rate'");
    }

    @Test
    void aSurveyItemWithoutVarianceIsRejectedByName() {
        IndicatorTable survey = SampleData.survey();
        IndicatorTable flat = withColumn(survey, "sat1", i -> 7);
        assertThatThrownBy(() -> ANALYSIS.analyse(SampleData.customers(), flat))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("'sat1'")
            .hasMessageContaining("no variance");
        assertThatThrownBy(() -> ANALYSIS.analyse(SampleData.customers(), survey.rows(0, 1)))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("respondents");
    }
}
