package org.powercx.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
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
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Normalisation;
import org.powercx.credit.CreditGrades;
import org.powercx.credit.LinearDiscriminant;
import org.powercx.credit.Shrinkage;
import org.powercx.grey.GreyRelationalAnalysis;
import org.powercx.samples.CustomerGenerator;
import org.powercx.segmentation.CreditScoring;
import org.powercx.segmentation.CustomerAnalysis;
import org.powercx.segmentation.CustomerModel;
import org.powercx.segmentation.CustomerScores;
import org.powercx.segmentation.Retention;
import org.powercx.segmentation.ValueEvaluation;
import org.powercx.segmentation.ValueSegmentation;

/**
 * The one-call customer-model fit on Spark against {@link CustomerAnalysis#fit(IndicatorTable)} on the same 10^5
 * generated customers in the same order (a second configuration on the first 20,000, dropped rows on 3,000), in
 * partitions of unequal sizes with an empty one: the fitted parameters
 * compared by value (every double by its bits) and the scores of both models on the customers by their bits.
 */
class SparkCustomerFitTest {
    private static final int CUSTOMERS = 100_000;
    private static final String CHURNED = "churned";
    private static final Map<Integer, IndicatorTable> TABLES = new ConcurrentHashMap<>();
    private static SparkSession spark;
    private static IndicatorTable customers;
    private static Dataset<Row> data;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
        IndicatorTable generated = CustomerGenerator.withDefaults().generate(CUSTOMERS, 31L).table();
        // a churn label for a churn-model retention: customers who rarely use online service and mind outages
        double[] online = generated.column(CustomerIndicators.ONLINE_SERVICE_SHARE);
        double[] outage = generated.column(CustomerIndicators.OUTAGE_SENSITIVITY);
        double[] churned = new double[CUSTOMERS];
        for (int i = 0; i < CUSTOMERS; i++) {
            churned[i] = online[i] < 0.3 && outage[i] > 5 ? 1 : 0;
        }
        customers = withColumn(generated, Indicator.cost(CHURNED).withUnit("0/1"), churned);
        // partitions of 30,000, 0, 45,000 and 25,000 rows, in row order
        data = dataset(customers, 30_000, 0, 45_000, 25_000).cache();
    }

    @AfterAll
    static void stop() {
        data.unpersist();
        spark.stop();
        TABLES.clear();
    }

    static IndicatorTable withColumn(IndicatorTable table, Indicator indicator, double[] column) {
        List<Indicator> indicators = new ArrayList<>(table.indicators());
        indicators.add(indicator);
        double[][] columns = new double[indicators.size()][];
        for (int j = 0; j < table.indicatorCount(); j++) {
            columns[j] = table.column(j);
        }
        columns[table.indicatorCount()] = column;
        return IndicatorTable.ofColumns(indicators, table.ids(), columns);
    }

    /**
     * The table's rows in order, as an "id" column and one nullable double column per indicator, in partitions of
     * the given sizes. Each task builds its rows from the table (local mode: the executor shares this JVM), so that
     * no task carries rows in its closure.
     */
    static Dataset<Row> dataset(IndicatorTable table, int... parts) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("id", DataTypes.StringType, false));
        for (Indicator ind : table.indicators()) {
            fields.add(DataTypes.createStructField(ind.name(), DataTypes.DoubleType, true));
        }
        int key = TABLES.size();
        TABLES.put(key, table);
        List<int[]> ranges = new ArrayList<>();
        int row = 0;
        for (int size : parts) {
            ranges.add(new int[] {row, row + size});
            row += size;
        }
        // one range per partition: parallelize puts one element into each of as many slices
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(ranges, ranges.size()).flatMap(r -> rows(key, r[0], r[1]));
        return spark.createDataFrame(rows, new StructType(fields.toArray(new StructField[0])));
    }

    private static Iterator<Row> rows(int key, int from, int to) {
        IndicatorTable table = TABLES.get(key);
        List<Row> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            Object[] v = new Object[table.indicatorCount() + 1];
            v[0] = table.id(i);
            for (int j = 0; j < table.indicatorCount(); j++) {
                v[j + 1] = table.get(i, j);
            }
            out.add(RowFactory.create(v));
        }
        return out.iterator();
    }

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    private static void sameModel(IndicatorTable table, CustomerModel got, CustomerModel expected) {
        CustomerModel.Parameters g = got.parameters();
        CustomerModel.Parameters e = expected.parameters();
        assertThat(g.currentModel().parameters()).isEqualTo(e.currentModel().parameters());
        assertThat(g.potentialModel().parameters()).isEqualTo(e.potentialModel().parameters());
        assertThat(g.creditModel().parameters()).isEqualTo(e.creditModel().parameters());
        assertThat(g.creditModel().coefficients()).isEqualTo(e.creditModel().coefficients());
        assertThat(g.creditModel().intercepts()).isEqualTo(e.creditModel().intercepts());
        assertThat(bits(new double[] {g.currentCutoff(), g.potentialCutoff(), g.currentWeight(), g.potentialWeight()}))
            .isEqualTo(bits(new double[] {e.currentCutoff(), e.potentialCutoff(), e.currentWeight(),
                e.potentialWeight()}));
        assertThat(bits(g.creditGrades().cutoffs())).isEqualTo(bits(e.creditGrades().cutoffs()));
        assertThat(g.series()).isEqualTo(e.series());
        // the rest comes from the analysis unchanged
        assertThat(g.logScale()).isEqualTo(e.logScale());
        assertThat(g.riskRules()).isEqualTo(e.riskRules());
        assertThat(g.policy()).isSameAs(e.policy());
        assertThat(g.clv()).isSameAs(e.clv());
        assertThat(g.retention()).isEqualTo(e.retention());
        assertThat(g.marginColumn()).isEqualTo(e.marginColumn());
        assertThat(Double.doubleToRawLongBits(g.marginRate())).isEqualTo(Double.doubleToRawLongBits(e.marginRate()));
        assertThat(got).hasToString(expected.toString());

        CustomerScores a = got.apply(table);
        CustomerScores b = expected.apply(table);
        assertThat(bits(a.segments().currentValues())).isEqualTo(bits(b.segments().currentValues()));
        assertThat(bits(a.segments().potentialValues())).isEqualTo(bits(b.segments().potentialValues()));
        assertThat(bits(a.combined())).isEqualTo(bits(b.combined()));
        assertThat(bits(a.defaultProbabilities())).isEqualTo(bits(b.defaultProbabilities()));
        assertThat(a.grades()).isEqualTo(b.grades());
        assertThat(bits(a.retention())).isEqualTo(bits(b.retention()));
        assertThat(bits(a.lifetimeValues())).isEqualTo(bits(b.lifetimeValues()));
        for (int i = 0; i < table.rowCount(); i++) {
            if (a.segments().segment(i) != b.segments().segment(i)) {
                assertThat(a.segments().segment(i)).as("segment of row %d", i).isEqualTo(b.segments().segment(i));
            }
        }
    }

    @Test
    void theDefaultPipelineEqualsTheSingleJvmFitBitForBit() {
        // the defaults: GM(1,1) projection from five history columns, log-scale size indicators, quantile cut-offs
        CustomerAnalysis analysis = CustomerAnalysis.withDefaults();
        CustomerModel expected = analysis.fit(customers);
        assertThat(expected.parameters().series()).isNotEmpty();
        CustomerModel got = SparkFitter.withDefaults().withBatchRows(3000).fit(data, analysis,
            customers.indicators(), ColumnMapping.withDefaults().withKey("id"));
        sameModel(customers, got, expected);
    }

    @Test
    void aChurnModelInitialValuesAndOtherGradesEqualTheSingleJvmFitBitForBit() {
        CustomerAnalysis analysis = CustomerAnalysis.withDefaults()
            .with(ValueEvaluation.withDefaults().with(GreyRelationalAnalysis.withDefaults()
                .with(Normalisation.INITIAL_VALUE).withDistinguishingCoefficient(0.4)))
            .with(ValueSegmentation.withDefaults().withQuantiles(0.7, 0.35))
            .with(CreditScoring.withDefaults().withQuantileGrades(CreditGrades.DEFAULT_NAMES, 0.1, 0.3, 0.5, 0.9)
                .with(LinearDiscriminant.withDefaults().withPriors(0.8, 0.2)))
            .with(Retention.fromChurnModel(List.of(CustomerIndicators.ONLINE_SERVICE_SHARE,
                CustomerIndicators.OUTAGE_SENSITIVITY, CustomerIndicators.TARIFF), CHURNED));
        // on the first 20,000 customers, in partitions of 8,000, 0 and 12,000 rows, named by position
        IndicatorTable first = customers.rows(0, 20_000);
        CustomerModel expected = analysis.fit(first);
        assertThat(expected.parameters().churnModel()).isNotNull();
        CustomerModel got = SparkFitter.withDefaults().fit(dataset(first, 8000, 0, 12_000), analysis,
            first.indicators(), ColumnMapping.withDefaults());
        assertThat(got.parameters().churnModel().parameters()).isEqualTo(expected.parameters().churnModel()
            .parameters());
        sameModel(first, got, expected);
    }

    @Test
    void givenCutoffsNeedNoQuantilePassAndDroppedRowsLeaveEveryStep() {
        IndicatorTable small = customers.rows(0, 3000);
        Dataset<Row> holes = dataset(small, 1000, 0, 2000)
            .withColumn(CustomerIndicators.LOAD_FACTOR, functions.when(functions.col("id").equalTo(small.id(7)),
                functions.lit(null)).otherwise(functions.col(CustomerIndicators.LOAD_FACTOR)))
            .withColumn(CustomerIndicators.DEFAULTED, functions.when(functions.col("id").equalTo(small.id(2500)),
                functions.lit(null)).otherwise(functions.col(CustomerIndicators.DEFAULTED)));
        IndicatorTable kept = small.filter(i -> i != 7 && i != 2500);
        CustomerAnalysis analysis = CustomerAnalysis.withDefaults()
            .with(ValueSegmentation.withDefaults().withCutoffs(0.45, 0.5))
            .with(CreditScoring.withDefaults().withGradeCutoffs(CreditGrades.DEFAULT_NAMES, 0.01, 0.02, 0.05, 0.1));
        ColumnMapping drop = ColumnMapping.withDefaults().withKey("id").with(MissingValues.dropRows());
        sameModelOn(kept, SparkFitter.withDefaults().withBatchRows(700).fit(holes, analysis, drop),
            analysis.fit(kept));
        // the default cut-offs too, on the rows kept
        sameModelOn(kept, SparkFitter.withDefaults().fit(holes, CustomerAnalysis.withDefaults(), drop),
            CustomerAnalysis.withDefaults().fit(kept));
        // a null under the reject policy fails the fit in one line naming the column and the row (one hole only:
        // with two in different partitions, whichever task fails first would name its own)
        Dataset<Row> oneHole = dataset(small, 1000, 0, 2000)
            .withColumn(CustomerIndicators.LOAD_FACTOR, functions.when(functions.col("id").equalTo(small.id(7)),
                functions.lit(null)).otherwise(functions.col(CustomerIndicators.LOAD_FACTOR)));
        assertThatThrownBy(() -> SparkFitter.withDefaults().fit(oneHole, analysis, ColumnMapping.withDefaults()
            .withKey("id"))).isInstanceOf(SparkException.class).hasMessageNotContaining("\n")
            .hasMessageContaining("column 'load_factor' is null in the row with key '" + small.id(7) + "'");
    }

    private static void sameModelOn(IndicatorTable table, CustomerModel got, CustomerModel expected) {
        assertThat(got.parameters().currentModel().parameters()).isEqualTo(expected.parameters().currentModel()
            .parameters());
        assertThat(got.parameters().potentialModel().parameters()).isEqualTo(expected.parameters().potentialModel()
            .parameters());
        assertThat(got.parameters().creditModel().parameters()).isEqualTo(expected.parameters().creditModel()
            .parameters());
        assertThat(bits(new double[] {got.parameters().currentCutoff(), got.parameters().potentialCutoff()}))
            .isEqualTo(bits(new double[] {expected.parameters().currentCutoff(),
                expected.parameters().potentialCutoff()}));
        assertThat(bits(got.parameters().creditGrades().cutoffs())).isEqualTo(bits(expected.parameters()
            .creditGrades().cutoffs()));
        assertThat(bits(got.apply(table).lifetimeValues())).isEqualTo(bits(expected.apply(table).lifetimeValues()));
    }

    @Test
    void refusals() {
        SparkFitter f = SparkFitter.withDefaults();
        ColumnMapping m = ColumnMapping.withDefaults().withKey("id");
        CustomerAnalysis defaults = CustomerAnalysis.withDefaults();
        Dataset<Row> few = dataset(customers.rows(0, 500), 200, 300);
        assertThatThrownBy(() -> f.fit(few, (CustomerAnalysis) null, m)).isInstanceOf(SparkException.class);
        assertThatThrownBy(() -> f.fit(few.drop(CustomerIndicators.FEE_REVENUE), defaults, m))
            .isInstanceOf(SparkException.class).hasMessageStartingWith("the Dataset has no column 'fee_revenue'");
        assertThatThrownBy(() -> f.fit(few, defaults, List.of(), m)).isInstanceOf(SparkException.class)
            .hasMessageStartingWith("no indicator describes the column 'consumption_y5'");
        assertThatThrownBy(() -> f.fit(few, defaults.with(ValueSegmentation.withDefaults().withMeanCutoffs()), m))
            .isInstanceOf(SparkException.class).hasMessageStartingWith("mean value cut-offs cannot be reproduced");
        assertThatThrownBy(() -> f.fit(few, defaults.with(ValueEvaluation.withDefaults().with(
            GreyRelationalAnalysis.withDefaults().with(Normalisation.Z_SCORE))), m)).isInstanceOf(SparkException.class)
            .hasMessageContaining("Z_SCORE normalisation");
        assertThatThrownBy(() -> f.fit(few, defaults.with(CreditScoring.withDefaults().with(LinearDiscriminant
            .withDefaults().withShrinkage(Shrinkage.ledoitWolf()))), m)).isInstanceOf(SparkException.class)
            // refused before the first pass (the credit module's own refusal after the passes reads differently)
            .hasMessageStartingWith("credit scoring: Shrinkage[Ledoit-Wolf] needs a second pass over the rows, which"
                + " a fit from merged statistics does not make")
            .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> f.fit(few.limit(0), defaults, m)).isInstanceOf(SparkException.class)
            .hasMessageContaining("no rows");
        // a label other than 0 or 1, in one line naming the customer
        String bad = customers.id(321);
        Dataset<Row> twos = few.withColumn(CustomerIndicators.DEFAULTED, functions.when(functions.col("id")
            .equalTo(bad), functions.lit(2.0)).otherwise(functions.col(CustomerIndicators.DEFAULTED)));
        assertThatThrownBy(() -> f.fit(twos, defaults, m)).isInstanceOf(SparkException.class)
            .hasMessageNotContaining("\n")
            .hasMessageEndingWith("credit scoring: customer '" + bad + "' has defaulted = 2; expected 0 or 1");
        // a value the library refuses: a log-scale indicator that is not positive
        Dataset<Row> negative = few.withColumn(CustomerIndicators.FEE_REVENUE, functions.when(functions.col("id")
            .equalTo(bad), functions.lit(-1.0)).otherwise(functions.col(CustomerIndicators.FEE_REVENUE)));
        assertThatThrownBy(() -> f.fit(negative, defaults, m)).isInstanceOf(SparkException.class)
            .hasMessageNotContaining("\n").hasMessageContaining("customer '" + bad + "', indicator 'fee_revenue' is"
                + " on a log scale and must be positive but was -1.0");
    }
}
