package org.powercx.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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
 * (raw long bits of every double), in 7 partitions and batches that do not divide them.
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
        model = CustomerAnalysis.withDefaults().fit(CustomerGenerator.withDefaults().generate(20_000, 5L).table());
        customers = CustomerGenerator.withDefaults().generate(CUSTOMERS, 99L).table();
        data = LocalSpark.dataset(spark, customers, 7).cache();
    }

    @AfterAll
    static void stop() {
        data.unpersist();
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
    void customerModelScoresEqualTheSingleJvmBitForBit() {
        CustomerScores expected = model.apply(customers);
        List<Row> rows = SparkScorer.withDefaults().withBatchRows(3000).score(data, model, ColumnMapping.withDefaults()
            .withKey("id")).collectAsList();
        assertThat(rows).hasSize(CUSTOMERS);
        for (int i = 0; i < CUSTOMERS; i++) {
            assertThat(rows.get(i).getString(0)).isEqualTo(customers.id(i));
        }
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
            assertThat(r.getString(segment)).isEqualTo(expected.segments().segment(i).label());
            assertThat(r.getString(grade)).isEqualTo(expected.grade(i));
            assertThat(r.<String>getList(measures)).isEqualTo(expected.plan().measures(i));
            for (RiskRule rule : model.parameters().riskRules()) {
                assertThat(r.getString(r.fieldIndex("risk_group_" + rule.topic())))
                    .isEqualTo(expected.risks().label(rule.topic(), i));
            }
        }
    }

    @Test
    void greyRelationalGradesEqualTheSingleJvmBitForBit() {
        GreyRelationalModel grey = model.parameters().currentModel();
        String[] names = grey.indicators().stream().map(i -> i.name()).toArray(String[]::new);
        double[] expected = grey.grades(customers.select(names));
        List<Row> rows = SparkScorer.withDefaults().score(data, grey, ColumnMapping.withDefaults()).collectAsList();
        sameBits(rows, "value", expected);
    }

    @Test
    void creditScoresProbabilitiesAndGradesEqualTheSingleJvmBitForBit() {
        DiscriminantModel credit = model.parameters().creditModel();
        CreditGrades grades = model.parameters().creditGrades();
        String[] names = credit.indicators().stream().map(i -> i.name()).toArray(String[]::new);
        IndicatorTable table = customers.select(names);
        double[] z = credit.scores(table);
        double[] p = credit.defaultProbabilities(table);
        List<Row> rows = SparkScorer.withDefaults().withBatchRows(1000).score(data, credit, grades,
            ColumnMapping.withDefaults().withPrefix("c_")).collectAsList();
        sameBits(rows, "c_credit_score", z);
        sameBits(rows, "c_default_probability", p);
        int g = rows.get(0).fieldIndex("c_credit_grade");
        for (int i = 0; i < p.length; i++) {
            assertThat(rows.get(i).getString(g)).isEqualTo(grades.names().get(grades.grade(p[i])));
        }
    }
}
