package org.powercx.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;
import org.powercx.credit.CreditGrades;
import org.powercx.credit.DiscriminantModel;
import org.powercx.grey.GreyRelationalModel;
import org.powercx.samples.CustomerGenerator;
import org.powercx.segmentation.CustomerAnalysis;
import org.powercx.segmentation.CustomerModel;
import org.powercx.segmentation.CustomerScores;
import org.powercx.segmentation.RiskRule;

/**
 * Spark scores against the single-JVM calls of the same model on the same 10^5 generated customers, bit for bit
 * (raw long bits of every double), in two partitions and batches that do not divide them.
 */
class SparkScorerTest {
    private static final int CUSTOMERS = 100_000;
    private static SparkSession spark;
    private static IndicatorTable customers;
    private static CustomerModel model;
    private static Dataset<Row> data;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
        model = CustomerAnalysis.withDefaults().fit(CustomerGenerator.withDefaults().generate(10_000, 5L).table());
        customers = CustomerGenerator.withDefaults().generate(CUSTOMERS, 99L).table();
        data = LocalSpark.dataset(spark, customers);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static void sameBits(List<Row> rows, String column, double[] expected) {
        assertThat(rows).hasSize(expected.length);
        int c = rows.get(0).fieldIndex(column);
        for (int i = 0; i < expected.length; i++) {
            long got = Double.doubleToRawLongBits(rows.get(i).getDouble(c));
            if (got != Double.doubleToRawLongBits(expected[i])) {
                assertThat(rows.get(i).getDouble(c)).as("%s of row %d", column, i).isEqualTo(expected[i]);
                assertThat(got).as("raw bits of %s of row %d", column, i)
                    .isEqualTo(Double.doubleToRawLongBits(expected[i]));
            }
        }
    }

    @Test
    void aValueTheKernelRefusesFailsTheJobNamingTheRow() {
        Dataset<Row> negative = LocalSpark.dataset(spark, customers.rows(0, 20)).withColumn("consumption_y5", org.apache.spark.sql.functions.when(
            org.apache.spark.sql.functions.col("id").equalTo(customers.id(5)), -1.0)
            .otherwise(org.apache.spark.sql.functions.col("consumption_y5")));
        Dataset<Row> scored = SparkScorer.withDefaults().withBatchRows(10).score(negative, model,
            ColumnMapping.withDefaults().withKey("id"));
        assertThatThrownBy(scored::collectAsList).hasStackTraceContaining("scoring the row with key '"
            + customers.id(5) + "': value index system").hasStackTraceContaining("must be positive but was -1");
    }

    /** The three models in one job over the same cached rows: the customer model, then grey, then credit. */
    @Test
    void scoresEqualTheSingleJvmBitForBit() {
        GreyRelationalModel grey = model.parameters().currentModel();
        DiscriminantModel credit = model.parameters().creditModel();
        CreditGrades grades = model.parameters().creditGrades();
        Dataset<Row> scored = SparkScorer.withDefaults().withBatchRows(3000).score(data, model,
            ColumnMapping.withDefaults().withKey("id"));
        scored = SparkScorer.withDefaults().score(scored, grey, ColumnMapping.withDefaults().withPrefix("g_"));
        scored = SparkScorer.withDefaults().withBatchRows(1000).score(scored, credit, grades,
            ColumnMapping.withDefaults().withPrefix("c_"));
        List<String> outputs = new java.util.ArrayList<>(List.of("id", "current_value", "potential_value", "value",
            "value_segment", "default_probability", "credit_grade", "retention", "lifetime_value", "measures",
            "g_value", "c_credit_score", "c_default_probability", "c_credit_grade"));
        for (RiskRule rule : model.parameters().riskRules()) {
            outputs.add("risk_score_" + rule.topic());
            outputs.add("risk_group_" + rule.topic());
        }
        List<Row> rows = scored.select(outputs.get(0), outputs.subList(1, outputs.size()).toArray(new String[0]))
            .collectAsList();
        assertThat(rows).hasSize(CUSTOMERS);

        CustomerScores expected = model.apply(customers);
        sameBits(rows, "current_value", expected.segments().currentValues());
        sameBits(rows, "potential_value", expected.segments().potentialValues());
        sameBits(rows, "value", expected.combined());
        sameBits(rows, "default_probability", expected.defaultProbabilities());
        sameBits(rows, "retention", expected.retention());
        sameBits(rows, "lifetime_value", expected.lifetimeValues());
        for (RiskRule rule : model.parameters().riskRules()) {
            sameBits(rows, "risk_score_" + rule.topic(), expected.risks().scores(rule.topic()));
        }
        int segment = rows.get(0).fieldIndex("value_segment");
        int grade = rows.get(0).fieldIndex("credit_grade");
        int measures = rows.get(0).fieldIndex("measures");
        for (int i = 0; i < CUSTOMERS; i++) {
            Row r = rows.get(i);
            assertThat(r.getString(0)).isEqualTo(customers.id(i));
            assertThat(r.getString(segment)).isEqualTo(expected.segments().segment(i).label());
            assertThat(r.getString(grade)).isEqualTo(expected.grade(i));
            assertThat(r.<String>getList(measures)).isEqualTo(expected.plan().measures(i));
            for (RiskRule rule : model.parameters().riskRules()) {
                assertThat(r.getString(r.fieldIndex("risk_group_" + rule.topic())))
                    .isEqualTo(expected.risks().label(rule.topic(), i));
            }
        }

        sameBits(rows, "g_value", grey.grades(customers.select(names(grey))));

        IndicatorTable table = customers.select(names(credit));
        double[] p = credit.defaultProbabilities(table);
        sameBits(rows, "c_credit_score", credit.scores(table));
        sameBits(rows, "c_default_probability", p);
        int g = rows.get(0).fieldIndex("c_credit_grade");
        for (int i = 0; i < p.length; i++) {
            assertThat(rows.get(i).getString(g)).isEqualTo(grades.names().get(grades.grade(p[i])));
        }
    }

    /**
     * The coded layout on the 10^5 customers: every number the same bits as the labels layout's, every code the
     * index of the label the labels layout writes (decoded with {@link SparkScorer#labels}, with the lookup
     * Dataset of {@link SparkScorer#labelTable} and with {@link CustomerModel#measureSets()}), on the internal-row
     * and the {@code Row} path, for the customer model and the credit grades.
     */
    @Test
    void codesDecodeToTheLabelsOfTheLabelsLayout() {
        ColumnMapping mapping = ColumnMapping.withDefaults().withKey("id").withPrefix("m_");
        SparkScorer labelling = SparkScorer.withDefaults().withBatchRows(3000);
        SparkScorer coding = labelling.with(ResultLayout.CODES);
        assertThat(labelling.layout()).isEqualTo(ResultLayout.LABELS);
        assertThat(coding.layout()).isEqualTo(ResultLayout.CODES);
        assertThat(coding.batchRows()).isEqualTo(3000);
        Dataset<Row> labelled = labelling.score(data, model, mapping);
        Dataset<Row> coded = coding.score(data, model, mapping);
        assertThat(coded.columns()).containsExactly(labelled.columns());
        Map<String, List<String>> table = SparkScorer.labels(model, mapping);
        List<String> categories = new java.util.ArrayList<>(table.keySet());
        categories.add("m_measures");
        assertThat(categories).hasSize(3 + model.parameters().riskRules().size());
        for (StructField f : coded.schema().fields()) {
            StructField before = labelled.schema().apply(f.name());
            if (categories.contains(f.name())) {
                assertThat(f.dataType()).as(f.name()).isEqualTo(DataTypes.IntegerType);
                assertThat(before.dataType()).as(f.name()).isNotEqualTo(DataTypes.IntegerType);
            } else {
                assertThat(f).isEqualTo(before);
            }
        }
        List<Row> labels = labelled.collectAsList();
        List<Row> codes = coded.collectAsList();
        assertThat(codes).hasSize(CUSTOMERS);
        sameRows(coding.withRowsOnly().score(data, model, mapping).collectAsList(), codes);
        int measures = codes.get(0).fieldIndex("m_measures");
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            Row c = codes.get(i);
            Row l = labels.get(i);
            for (int k = 0; k < c.length(); k++) {
                String name = c.schema().fields()[k].name();
                if (table.containsKey(name)) {
                    assertThat(table.get(name).get(c.getInt(k))).as("%s of row %d", name, i)
                        .isEqualTo(l.getString(k));
                    seen.add(k * 100 + c.getInt(k));
                } else if (k == measures) {
                    assertThat(model.measureSets().get(c.getInt(k))).as("measures of row %d", i)
                        .isEqualTo(l.getList(k));
                } else if (c.get(k) instanceof Double d) {
                    assertThat(Double.doubleToRawLongBits(d)).as("%s of row %d", name, i)
                        .isEqualTo(Double.doubleToRawLongBits(l.getDouble(k)));
                } else {
                    assertThat(c.get(k)).as("%s of row %d", name, i).isEqualTo(l.get(k));
                }
            }
        }
        // more than one code of every category column occurs, so the comparison could fail
        for (String name : table.keySet()) {
            int k = codes.get(0).fieldIndex(name);
            assertThat(seen.stream().filter(v -> v / 100 == k).count()).as(name).isGreaterThan(1);
        }
        assertThat(codes.stream().map(r -> r.getInt(measures)).distinct().count()).isGreaterThan(1);

        // the lookup Dataset decodes by a join as the map does
        Dataset<Row> lookup = SparkScorer.labelTable(spark, model, mapping);
        assertThat(lookup.count()).isEqualTo(table.values().stream().mapToInt(List::size).sum());
        Dataset<Row> grades = lookup.where(functions.col("column").equalTo("m_credit_grade"));
        List<Row> decoded = coded.join(grades, coded.col("m_credit_grade").equalTo(grades.col("code")))
            .select("id", "label").orderBy("id").collectAsList();
        List<Row> expected = labelled.select("id", "m_credit_grade").orderBy("id").collectAsList();
        assertThat(decoded).isEqualTo(expected);

        // the credit grades of a discriminant, and a grey model, whose output has no category
        DiscriminantModel credit = model.parameters().creditModel();
        CreditGrades creditGrades = model.parameters().creditGrades();
        List<Row> named = labelling.score(data, credit, creditGrades, mapping).select("m_credit_grade")
            .collectAsList();
        List<Row> numbered = coding.score(data, credit, creditGrades, mapping).select("m_credit_grade")
            .collectAsList();
        for (int i = 0; i < CUSTOMERS; i++) {
            assertThat(creditGrades.names().get(numbered.get(i).getInt(0))).isEqualTo(named.get(i).getString(0));
        }
        GreyRelationalModel grey = model.parameters().currentModel();
        assertThat(coding.score(data, grey, mapping).schema()).isEqualTo(labelling.score(data, grey, mapping)
            .schema());
    }

    @Test
    void theLayoutAndTheLabelTablesAreValidated() {
        assertThatThrownBy(() -> SparkScorer.withDefaults().with((ResultLayout) null))
            .isInstanceOf(SparkException.class).hasMessage("result layout is null");
        assertThatThrownBy(() -> SparkScorer.labels(null, ColumnMapping.withDefaults()))
            .isInstanceOf(SparkException.class).hasMessageContaining("customer model");
        assertThatThrownBy(() -> SparkScorer.labels(model, null))
            .isInstanceOf(SparkException.class).hasMessageContaining("column mapping");
        assertThatThrownBy(() -> SparkScorer.labelTable(null, model, ColumnMapping.withDefaults()))
            .isInstanceOf(SparkException.class).hasMessage("Spark session is null");
        assertThat(SparkScorer.labels(model, ColumnMapping.withDefaults()).get("value_segment"))
            .containsExactly("key", "develop", "maintain", "basic");
        assertThatThrownBy(() -> SparkScorer.labels(model, ColumnMapping.withDefaults()).put("x", List.of()))
            .isInstanceOf(UnsupportedOperationException.class);
    }

    /**
     * The public {@code Row} path (taken by a streaming Dataset) and the internal-row path read every numeric type
     * to the same double and write the same results, bit for bit.
     */
    @Test
    void theRowPathAndTheInternalRowPathAgreeOnEveryNumericType() {
        Dataset<Row> typed = LocalSpark.dataset(spark, customers.rows(0, 5000))
            .withColumn("industry_prospect", functions.col("industry_prospect").cast("tinyint"))
            .withColumn("meter_anomaly_count", functions.col("meter_anomaly_count").cast("smallint"))
            .withColumn("arrears_count", functions.col("arrears_count").cast("int"))
            .withColumn("outage_sensitivity", functions.col("outage_sensitivity").cast("bigint"))
            .withColumn("social_credit_rating", functions.col("social_credit_rating").cast("float"))
            .withColumn("fee_revenue", functions.col("fee_revenue").cast("decimal(20,4)"))
            .withColumn("consumption_y1", functions.col("consumption_y1").cast("decimal(12,1)"));
        SparkScorer scorer = SparkScorer.withDefaults().withBatchRows(777);
        ColumnMapping mapping = ColumnMapping.withDefaults().withKey("id");
        List<Row> internal = scorer.score(typed, model, mapping).collectAsList();
        List<Row> rows = scorer.withRowsOnly().score(typed, model, mapping).collectAsList();
        assertThat(internal).hasSize(5000);
        sameRows(internal, rows);
        // the casts changed the inputs, so the scores differ from the double table's
        double[] lifetime = model.apply(customers.rows(0, 5000)).lifetimeValues();
        int c = internal.get(0).fieldIndex("lifetime_value");
        assertThat(internal.stream().mapToDouble(r -> r.getDouble(c)).toArray()).isNotEqualTo(lifetime);
    }

    /**
     * Rows wider than one word of null bits (inputs beyond field 64) with nulls in some inputs: the internal-row
     * path, which reads the compact rows in place, gives what the {@code Row} path gives, and is the path taken (on
     * Spark 3.5 and 4.0 alike: its plan is a scan of the scored rows, not a deserialisation to {@code Row}s).
     */
    @Test
    void wideRowsWithNullsScoreAsOnTheRowPath() {
        Dataset<Row> some = LocalSpark.dataset(spark, customers.rows(0, 3000));
        List<org.apache.spark.sql.Column> columns = new java.util.ArrayList<>();
        for (int k = 0; k < 70; k++) {
            columns.add(k % 2 == 0 ? functions.lit(k).as("extra_" + k) : functions.lit("x" + k).as("extra_" + k));
        }
        for (String c : some.columns()) {
            columns.add(functions.col(c));
        }
        Dataset<Row> wide = some.select(columns.toArray(new org.apache.spark.sql.Column[0]))
            .withColumn("fee_revenue", functions.when(functions.col("id").endsWith("7"), functions.lit(null))
                .otherwise(functions.col("fee_revenue")));
        SparkScorer scorer = SparkScorer.withDefaults().withBatchRows(500);
        ColumnMapping mapping = ColumnMapping.withDefaults().withKey("id").with(MissingValues.fill(12.5));
        Dataset<Row> fast = scorer.score(wide, model, mapping);
        Dataset<Row> slow = scorer.withRowsOnly().score(wide, model, mapping);
        assertThat(planOf(fast)).isEqualTo("LogicalRDD");
        assertThat(planOf(slow)).isNotEqualTo("LogicalRDD");
        List<Row> internal = fast.collectAsList();
        assertThat(internal).hasSize(3000);
        sameRows(internal, slow.collectAsList());
        long nulls = java.util.stream.IntStream.range(0, 3000).filter(i -> customers.id(i).endsWith("7")).count();
        assertThat(nulls).isPositive();
        assertThat(wide.where(functions.col("fee_revenue").isNull()).count()).isEqualTo(nulls);
    }

    /** The class of the root of a Dataset's logical plan (reached by name: the Dataset class differs in 4.0). */
    private static String planOf(Dataset<Row> d) {
        try {
            Object execution = d.getClass().getMethod("queryExecution").invoke(d);
            Object plan = execution.getClass().getMethod("logical").invoke(execution);
            return plan.getClass().getSimpleName();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void sameRows(List<Row> internal, List<Row> rows) {
        assertThat(internal).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            Row a = internal.get(i);
            Row b = rows.get(i);
            for (int c = 0; c < a.length(); c++) {
                if (a.get(c) instanceof Double d) {
                    assertThat(Double.doubleToRawLongBits(d)).as("row %d column %d", i, c)
                        .isEqualTo(Double.doubleToRawLongBits(b.getDouble(c)));
                } else if (a.get(c) instanceof scala.collection.Seq<?>) {
                    assertThat(a.getList(c)).as("row %d column %d", i, c).isEqualTo(b.getList(c));
                } else {
                    assertThat(a.get(c)).as("row %d column %d", i, c).isEqualTo(b.get(c));
                }
            }
        }
    }

    /** The Row path refuses a value the kernel refuses, and a null, as the internal-row path does. */
    @Test
    void theRowPathNamesTheRowItRefuses() {
        Dataset<Row> some = LocalSpark.dataset(spark, customers.rows(0, 20));
        Dataset<Row> negative = some.withColumn("consumption_y5", functions.when(functions.col("id")
            .equalTo(customers.id(5)), -1.0).otherwise(functions.col("consumption_y5")));
        SparkScorer scorer = SparkScorer.withDefaults().withBatchRows(10).withRowsOnly();
        ColumnMapping mapping = ColumnMapping.withDefaults().withKey("id");
        assertThatThrownBy(scorer.score(negative, model, mapping)::collectAsList).hasStackTraceContaining(
            "scoring the row with key '" + customers.id(5) + "': value index system");
        Dataset<Row> missing = some.withColumn("fee_revenue", functions.when(functions.col("id")
            .equalTo(customers.id(7)), functions.lit(null)).otherwise(functions.col("fee_revenue")));
        assertThatThrownBy(scorer.score(missing, model, mapping)::collectAsList).hasStackTraceContaining(
            "column 'fee_revenue' is null in the row with key '" + customers.id(7) + "'");
        assertThat(scorer.score(missing, model, mapping.with(MissingValues.dropRows())).count()).isEqualTo(19);
    }

    private static String[] names(GreyRelationalModel m) {
        return m.indicators().stream().map(i -> i.name()).toArray(String[]::new);
    }

    private static String[] names(DiscriminantModel m) {
        return m.indicators().stream().map(i -> i.name()).toArray(String[]::new);
    }
}
