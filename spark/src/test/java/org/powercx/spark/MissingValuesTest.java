package org.powercx.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.grey.GreyRelationalAnalysis;
import org.powercx.grey.GreyRelationalModel;

/** Nulls in a scored column under the three policies, and the checks made before a job starts. */
class MissingValuesTest {
    private static SparkSession spark;
    private static GreyRelationalModel model;
    private static Dataset<Row> data;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
        // an evaluation table in the style of Deng's examples: three benefit indicators of five customers
        IndicatorTable calibration = IndicatorTable.builder(Indicator.benefit("a"), Indicator.benefit("b"),
            Indicator.cost("c")).row("k1", 1, 10, 3).row("k2", 2, 30, 1).row("k3", 4, 20, 2).row("k4", 3, 40, 5)
            .row("k5", 5, 25, 4).build();
        model = GreyRelationalAnalysis.withDefaults().fit(calibration);
        StructType schema = new StructType(new StructField[] {
            DataTypes.createStructField("key", DataTypes.StringType, false),
            DataTypes.createStructField("a", DataTypes.IntegerType, true),
            DataTypes.createStructField("b_col", DataTypes.LongType, true),
            DataTypes.createStructField("c", DataTypes.DoubleType, true),
            DataTypes.createStructField("label", DataTypes.StringType, true)});
        List<Row> rows = Arrays.asList(RowFactory.create("k1", 1, 10L, 3.0, "x"),
            RowFactory.create("k2", 2, null, 1.0, "y"), RowFactory.create("k3", 4, 20L, 2.0, null),
            RowFactory.create("k4", null, 40L, 5.0, "z"), RowFactory.create("k5", 5, 25L, 4.0, "w"));
        data = spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 1),
            schema);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static ColumnMapping mapping() {
        return ColumnMapping.withDefaults().with("b", "b_col").withKey("key");
    }

    @Test
    void rejectNamesTheColumnAndTheKey() {
        Dataset<Row> scored = SparkScorer.withDefaults().score(data, model, mapping());
        assertThatThrownBy(scored::collectAsList).hasStackTraceContaining("column 'b_col' is null in the row with key"
            + " 'k2'");
        Dataset<Row> unkeyed = SparkScorer.withDefaults().score(data, model, ColumnMapping.withDefaults().with("b",
            "b_col"));
        assertThatThrownBy(unkeyed::collectAsList).hasStackTraceContaining("column 'b_col' is null in the row of"
            + " partition 0 at position 1 (missing values: reject)");
    }

    @Test
    void dropLeavesOutTheRowsWithANull() {
        List<Row> rows = SparkScorer.withDefaults().withBatchRows(1).score(data, model, mapping()
            .with(MissingValues.dropRows())).collectAsList();
        assertThat(rows).extracting(r -> r.getString(0)).containsExactly("k1", "k3", "k5");
        double[] expected = new double[3];
        model.grades(new double[][] {{1, 4, 5}, {10, 20, 25}, {3, 2, 4}}, 0, 3, expected, 0);
        for (int i = 0; i < 3; i++) {
            assertThat(rows.get(i).getDouble(5)).isEqualTo(expected[i]);
            assertThat(rows.get(i).getDouble(5)).isBetween(0.0, 1.0);
        }
        assertThat(rows.get(1).isNullAt(4)).isTrue();
    }

    @Test
    void fillScoresTheNullAsTheGivenValue() {
        List<Row> rows = SparkScorer.withDefaults().score(data, model, mapping().with(MissingValues.fill(2.5))
            .withPrefix("gra_")).collectAsList();
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0).schema().fieldNames()).endsWith("gra_value");
        double[] expected = new double[5];
        model.grades(new double[][] {{1, 2, 4, 2.5, 5}, {10, 2.5, 20, 40, 25}, {3, 1, 2, 5, 4}}, 0, 5, expected, 0);
        for (int i = 0; i < 5; i++) {
            assertThat(rows.get(i).getDouble(5)).isEqualTo(expected[i]);
        }
    }

    @Test
    void aValueThatIsNotFiniteFailsTheJobNamingColumnAndKey() {
        Dataset<Row> infinite = data.withColumn("c", org.apache.spark.sql.functions.lit(Double.POSITIVE_INFINITY));
        Dataset<Row> scored = SparkScorer.withDefaults().score(infinite, model, mapping().with(MissingValues.fill(0)));
        assertThatThrownBy(scored::collectAsList).hasStackTraceContaining("column 'c' has the value Infinity in the"
            + " row with key 'k1': values must be finite");
    }

    @Test
    void checksBeforeTheJob() {
        SparkScorer s = SparkScorer.withDefaults();
        assertThatThrownBy(() -> s.score(data, model, ColumnMapping.withDefaults())).isInstanceOf(SparkException.class)
            .hasMessageContaining("no column 'b' for the model input 'b'");
        assertThatThrownBy(() -> s.score(data, model, mapping().with("c", "label")))
            .isInstanceOf(SparkException.class).hasMessageContaining("column 'label' must be numeric but is string");
        assertThatThrownBy(() -> s.score(data, model, mapping().withKey("nokey")))
            .isInstanceOf(SparkException.class).hasMessageContaining("no key column 'nokey'");
        assertThatThrownBy(() -> s.score(data.withColumn("value", org.apache.spark.sql.functions.lit(1.0)), model,
            mapping())).isInstanceOf(SparkException.class).hasMessageContaining("result column 'value' is already");
        assertThatThrownBy(() -> s.score(null, model, mapping())).isInstanceOf(SparkException.class);
        assertThatThrownBy(() -> s.score(data, model, null)).isInstanceOf(SparkException.class);
        assertThatThrownBy(() -> s.score(data, (GreyRelationalModel) null, mapping()))
            .isInstanceOf(SparkException.class);
        assertThatThrownBy(() -> s.score(data, (org.powercx.segmentation.CustomerModel) null, mapping()))
            .isInstanceOf(SparkException.class);
        assertThatThrownBy(() -> s.score(data, null, null, mapping())).isInstanceOf(SparkException.class);
        assertThatThrownBy(() -> s.withBatchRows(0)).isInstanceOf(SparkException.class)
            .hasMessage("batch rows must be between 1 and 1048576 but was 0");
        assertThat(s.withBatchRows(7).batchRows()).isEqualTo(7);
    }

    @Test
    void mappingAndPolicies() {
        assertThat(MissingValues.fill(1.5).fillValue()).isEqualTo(1.5);
        assertThat(MissingValues.reject().fillValue()).isNaN();
        assertThat(MissingValues.fill(1.5)).isEqualTo(MissingValues.fill(1.5)).hasSameHashCodeAs(MissingValues.fill(1.5))
            .isNotEqualTo(MissingValues.fill(2)).isNotEqualTo(MissingValues.dropRows());
        assertThat(MissingValues.fill(1.5)).hasToString("fill(1.5)");
        assertThat(MissingValues.reject()).hasToString("reject");
        assertThat(MissingValues.dropRows()).hasToString("drop rows");
        assertThatThrownBy(() -> MissingValues.fill(Double.NaN)).isInstanceOf(SparkException.class)
            .hasMessage("fill value must be finite but was NaN");
        ColumnMapping m = mapping().withPrefix("p_");
        assertThat(m.column("b")).isEqualTo("b_col");
        assertThat(m.column("a")).isEqualTo("a");
        assertThat(m.key()).isEqualTo("key");
        assertThat(m.prefix()).isEqualTo("p_");
        assertThat(m.missing()).isEqualTo(MissingValues.reject());
        assertThat(m.toString()).contains("b=b_col", "key key", "reject", "prefix 'p_'");
        assertThatThrownBy(() -> m.with(" ", "x")).isInstanceOf(SparkException.class);
        assertThatThrownBy(() -> m.withKey(null)).isInstanceOf(SparkException.class);
        assertThatThrownBy(() -> m.with((MissingValues) null)).isInstanceOf(SparkException.class);
        assertThatThrownBy(() -> m.withPrefix(null)).isInstanceOf(SparkException.class);
    }
}
