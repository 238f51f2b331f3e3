package org.powercx.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.powercx.core.CustomerIndicators;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorStatistics;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Normalisation;
import org.powercx.core.Weights;
import org.powercx.credit.DiscriminantModel;
import org.powercx.credit.LinearDiscriminant;
import org.powercx.grey.GreyRelationalAnalysis;
import org.powercx.grey.GreyRelationalModel;
import org.powercx.samples.CustomerGenerator;

/**
 * Grey relational and discriminant models fitted on Spark from per-partition statistics merged in partition order
 * against the single-JVM fits on the same 10^5 generated customers in the same order, bit for bit (the models'
 * parameter records compare every double by its bits).
 */
class SparkFitterTest {
    private static final int CUSTOMERS = 100_000;
    private static final List<Indicator> VALUE = CustomerIndicators.of(CustomerIndicators.ANNUAL_CONSUMPTION,
        CustomerIndicators.FEE_REVENUE, CustomerIndicators.ON_TIME_PAYMENT_RATE, CustomerIndicators.LOAD_FACTOR);
    private static final List<Indicator> CREDIT = CustomerIndicators.of(CustomerIndicators.ON_TIME_PAYMENT_RATE,
        CustomerIndicators.ASSET_LIABILITY_RATIO, CustomerIndicators.CURRENT_RATIO,
        CustomerIndicators.SOCIAL_CREDIT_RATING);
    private static SparkSession spark;
    private static IndicatorTable customers;
    private static Dataset<Row> data;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
        customers = CustomerGenerator.withDefaults().generate(CUSTOMERS, 11L).table();
        // a label the discriminant can separate: any arrears
        data = LocalSpark.dataset(spark, customers).withColumn("defaulted",
            functions.when(functions.col(CustomerIndicators.ARREARS_COUNT).gt(0), 1).otherwise(0)).cache();
    }

    @AfterAll
    static void stop() {
        data.unpersist();
        spark.stop();
    }

    private static String[] names(List<Indicator> indicators) {
        return indicators.stream().map(Indicator::name).toArray(String[]::new);
    }

    @Test
    void greyRelationalFitEqualsTheSingleJvmFitBitForBit() {
        IndicatorTable table = customers.select(names(VALUE));
        Weights weights = Weights.of(List.of(names(VALUE)), new double[] {0.3, 0.3, 0.2, 0.2});
        for (Normalisation n : List.of(Normalisation.MIN_MAX, Normalisation.INITIAL_VALUE)) {
            GreyRelationalAnalysis analysis = GreyRelationalAnalysis.withDefaults().with(n);
            GreyRelationalModel expected = analysis.fit(table, weights);
            GreyRelationalModel got = SparkFitter.withDefaults().withBatchRows(3000).fit(data, analysis, VALUE,
                weights, ColumnMapping.withDefaults().withKey("id"));
            assertThat(got.parameters()).as(n.name()).isEqualTo(expected.parameters());
        }
        IndicatorStatistics statistics = SparkFitter.withDefaults().indicatorStatistics(data, VALUE,
            ColumnMapping.withDefaults());
        assertThat(statistics.count()).isEqualTo(CUSTOMERS);
        assertThat(statistics.minima()).isEqualTo(IndicatorStatistics.of(table).minima());
        assertThat(statistics.firstRow()).isEqualTo(table.row(0));
    }

    @Test
    void discriminantFitEqualsTheSingleJvmFitBitForBit() {
        IndicatorTable table = customers.select(names(CREDIT));
        double[] arrears = customers.column(CustomerIndicators.ARREARS_COUNT);
        int[] labels = new int[CUSTOMERS];
        for (int i = 0; i < CUSTOMERS; i++) {
            labels[i] = arrears[i] > 0 ? 1 : 0;
        }
        DiscriminantModel expected = LinearDiscriminant.withDefaults().fit(table, labels);
        DiscriminantModel got = SparkFitter.withDefaults().withBatchRows(1000).fit(data,
            LinearDiscriminant.withDefaults(), CREDIT, "defaulted", ColumnMapping.withDefaults());
        assertThat(got.parameters()).isEqualTo(expected.parameters());
        assertThat(got.coefficients()).isEqualTo(expected.coefficients());
        assertThat(got.intercepts()).isEqualTo(expected.intercepts());
    }

    @Test
    void refusals() {
        SparkFitter f = SparkFitter.withDefaults();
        ColumnMapping m = ColumnMapping.withDefaults();
        assertThatThrownBy(() -> f.withBatchRows(0)).isInstanceOf(SparkException.class);
        assertThatThrownBy(() -> f.indicatorStatistics(data, List.of(), m)).isInstanceOf(SparkException.class)
            .hasMessageContaining("non-empty");
        assertThatThrownBy(() -> f.fit(data, (GreyRelationalAnalysis) null, VALUE, null, m)).isInstanceOf(SparkException.class);
        assertThatThrownBy(() -> f.fit(data, (LinearDiscriminant) null, CREDIT, "defaulted", m))
            .isInstanceOf(SparkException.class);
        assertThatThrownBy(() -> f.discriminantStatistics(data, CREDIT, null, m)).isInstanceOf(SparkException.class);
        assertThatThrownBy(() -> f.discriminantStatistics(data, CREDIT, "id", m)).isInstanceOf(SparkException.class)
            .hasMessageContaining("column 'id' must be numeric");
        Dataset<Row> empty = data.limit(0);
        assertThatThrownBy(() -> f.indicatorStatistics(empty, VALUE, m)).isInstanceOf(SparkException.class)
            .hasMessageContaining("no rows");
        assertThatThrownBy(() -> f.discriminantStatistics(empty, CREDIT, "defaulted", m))
            .isInstanceOf(SparkException.class).hasMessageContaining("no rows");
        Dataset<Row> halves = data.limit(10).withColumn("defaulted", functions.lit(0.5));
        assertThatThrownBy(() -> f.discriminantStatistics(halves, CREDIT, "defaulted", m.withKey("id")))
            .hasStackTraceContaining("label column 'defaulted' has the value 0.5 in the row with key 'C");
    }
}
