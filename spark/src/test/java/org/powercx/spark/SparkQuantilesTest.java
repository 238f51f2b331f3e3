package org.powercx.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.powercx.core.CustomerIndicators;
import org.powercx.core.IndicatorTable;
import org.powercx.samples.CustomerGenerator;
import org.powercx.segmentation.CustomerAnalysis;
import org.powercx.segmentation.CustomerModel;
import org.powercx.segmentation.ValueSegmentation;

/**
 * Exact quantiles on Spark against the single-JVM cut-offs, bit for bit: the value-segment and credit-grade
 * cut-offs of a customer model fitted on 10^5 generated customers, from the values Spark scored for the same
 * customers, and type-7 quantiles of columns with ties and of negative values in other partitionings.
 */
class SparkQuantilesTest {
    private static final int CUSTOMERS = 100_000;
    private static SparkSession spark;
    private static IndicatorTable customers;
    private static Dataset<Row> data;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
        customers = CustomerGenerator.withDefaults().generate(CUSTOMERS, 23L).table();
        data = LocalSpark.dataset(spark, customers).cache();
    }

    @AfterAll
    static void stop() {
        data.unpersist();
        spark.stop();
    }

    private static long[] bits(double... values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    @Test
    void theCutoffsOfACustomerModelFittedOnTheSameCustomers() {
        CustomerModel model = CustomerAnalysis.withDefaults().fit(customers);
        ColumnMapping mapping = ColumnMapping.withDefaults().withKey("id");
        Dataset<Row> scored = SparkScorer.withDefaults().score(data, model, mapping).cache();
        SparkFitter fitter = SparkFitter.withDefaults();
        // the defaults: current value high from its 0.8 quantile, potential value from its median
        assertThat(bits(fitter.quantiles(scored, "current_value", mapping, 0.8)))
            .isEqualTo(bits(model.parameters().currentCutoff()));
        assertThat(bits(fitter.quantiles(scored, "potential_value", mapping, 0.5)))
            .isEqualTo(bits(model.parameters().potentialCutoff()));
        // the credit grades: the 20, 40, 60 and 80 % quantiles of the default probabilities
        assertThat(bits(fitter.quantiles(scored, "default_probability", mapping, 0.2, 0.4, 0.6, 0.8)))
            .isEqualTo(bits(model.parameters().creditGrades().cutoffs()));
        scored.unpersist();
    }

    @Test
    void typeSevenQuantilesOfColumnsWithTiesInAnyPartitioning() {
        Dataset<Row> shuffled = data.repartition(7).cache();
        double[] probabilities = {0.01, 0.25, 0.5, 0.8, 0.95, 0.999, 0, 1};
        for (String column : List.of(CustomerIndicators.FEE_REVENUE, CustomerIndicators.ARREARS_COUNT,
                CustomerIndicators.INDUSTRY_PROSPECT)) {
            double[] x = customers.column(column);
            double[] got = SparkFitter.withDefaults().quantiles(shuffled, column, ColumnMapping.withDefaults(),
                probabilities);
            for (int k = 0; k < probabilities.length - 2; k++) {
                double expected = ValueSegmentation.withDefaults().withQuantiles(probabilities[k], 0.5).segment(x, x)
                    .currentCutoff();
                assertThat(Double.doubleToRawLongBits(got[k])).as("%s at %s: %s", column, probabilities[k], got[k])
                    .isEqualTo(Double.doubleToRawLongBits(expected));
            }
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            assertThat(Arrays.copyOfRange(got, probabilities.length - 2, probabilities.length))
                .containsExactly(sorted[0], sorted[sorted.length - 1]);
        }
        shuffled.unpersist();
    }

    @Test
    void negativeAndTinyValuesInOrder() {
        Random random = new Random(42);
        List<Row> rows = new ArrayList<>();
        double[] x = new double[2001];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 5 == 0 ? random.nextGaussian() * 1e-300 : random.nextGaussian() * 1000;
            rows.add(RowFactory.create(x[i]));
        }
        Dataset<Row> values = spark.createDataFrame(rows, new StructType(new StructField[] {
            DataTypes.createStructField("x", DataTypes.DoubleType, false)})).repartition(3);
        double[] probabilities = {0.001, 0.1, 0.3337, 0.5, 0.77, 0.9995};
        double[] got = SparkFitter.withDefaults().quantiles(values, "x", ColumnMapping.withDefaults(), probabilities);
        for (int k = 0; k < probabilities.length; k++) {
            assertThat(Double.doubleToRawLongBits(got[k])).as("%s", probabilities[k]).isEqualTo(Double
                .doubleToRawLongBits(ValueSegmentation.withDefaults().withQuantiles(probabilities[k], 0.5)
                    .segment(x, x).currentCutoff()));
        }
        // one row: every quantile is its value
        assertThat(SparkFitter.withDefaults().quantiles(values.orderBy("x").limit(1), "x", ColumnMapping
            .withDefaults(), 0.3, 1)).containsExactly(Arrays.stream(x).min().getAsDouble(),
            Arrays.stream(x).min().getAsDouble());
        // -0.0 is taken as +0.0
        assertThat(ExactQuantiles.value(ExactQuantiles.key(-0.0))).isEqualTo(0.0);
        assertThat(Double.doubleToRawLongBits(ExactQuantiles.value(ExactQuantiles.key(-0.0)))).isZero();
    }

    @Test
    void refusals() {
        SparkFitter f = SparkFitter.withDefaults();
        ColumnMapping m = ColumnMapping.withDefaults().withKey("id");
        assertThatThrownBy(() -> f.quantiles(data, "fee_revenue", m)).isInstanceOf(SparkException.class)
            .hasMessageContaining("at least one probability");
        assertThatThrownBy(() -> f.quantiles(data, null, m, 0.5)).isInstanceOf(SparkException.class);
        assertThatThrownBy(() -> f.quantiles(data, "fee_revenue", m, 1.5)).isInstanceOf(SparkException.class)
            .hasMessage("quantile probability must be in [0, 1] but was 1.5");
        assertThatThrownBy(() -> f.quantiles(data, "fee_revenue", m, Double.NaN)).isInstanceOf(SparkException.class);
        assertThatThrownBy(() -> f.quantiles(data, "id", m, 0.5)).isInstanceOf(SparkException.class)
            .hasMessageContaining("column 'id' must be numeric");
        assertThatThrownBy(() -> f.quantiles(data.limit(0), "fee_revenue", m, 0.5)).isInstanceOf(SparkException.class)
            .hasMessageContaining("no rows");
        Dataset<Row> missing = data.limit(50).withColumn("fee_revenue", functions.when(functions.col("id")
            .equalTo(customers.id(3)), functions.lit(null)).otherwise(functions.col("fee_revenue")));
        assertThatThrownBy(() -> f.quantiles(missing, "fee_revenue", m, 0.5)).hasStackTraceContaining(
            "column 'fee_revenue' is null in the row with key '" + customers.id(3) + "'");
        double[] kept = f.quantiles(missing, "fee_revenue", m.with(MissingValues.dropRows()), 0, 0.5);
        double[] fees = Arrays.copyOf(customers.column("fee_revenue"), 50);
        double[] rest = new double[49];
        for (int i = 0, j = 0; i < 50; i++) {
            if (i != 3) {
                rest[j++] = fees[i];
            }
        }
        assertThat(kept[1]).isEqualTo(ValueSegmentation.withDefaults().withQuantiles(0.5, 0.5).segment(rest, rest)
            .currentCutoff());
    }
}
