package org.powercx.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.core.CustomerIndicators;
import org.powercx.core.IndicatorTable;
import org.powercx.credit.CreditGrades;
import org.powercx.credit.DiscriminantModel;
import org.powercx.grey.GreyRelationalModel;
import org.powercx.samples.CustomerGenerator;
import org.powercx.segmentation.CustomerModel;
import org.powercx.segmentation.CustomerScores;

/** The Spark chapter's example is on the page word for word, and runs: Parquet in, fit, score, Parquet out. */
class SparkGuideTest {
    @TempDir
    Path dir;

    /** The example's lines between the guide markers, without the method's indentation. */
    static String example() throws IOException {
        return example("guide");
    }

    /** The lines between the markers {@code // <marker>:start} and {@code :end}, without the method's indentation. */
    static String example(String marker) throws IOException {
        Path source = Path.of("src/test/java/org/powercx/spark/SparkGuideExample.java");
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        int from = lines.indexOf("        // " + marker + ":start");
        int to = lines.indexOf("        // " + marker + ":end");
        assertThat(from).as(marker).isNotNegative().isLessThan(to);
        return lines.subList(from + 1, to).stream().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
            .collect(Collectors.joining("\n"));
    }

    @Test
    void theChapterShowsTheExampleWordForWord() throws IOException {
        String page = Files.readString(Path.of(System.getProperty("powercx.docs.dir"), "spark.md"),
            StandardCharsets.UTF_8);
        assertThat(page).contains("```java\n" + example() + "\n```");
        assertThat(page).contains("```java\n" + example("guide:codes") + "\n```");
    }

    /** The coded example's codes decode, by the label list and by the join, to the labels layout's grades. */
    @Test
    @SuppressWarnings("unchecked")
    void theCodedExampleDecodesToTheLabels() {
        SparkSession spark = LocalSpark.start();
        try {
            IndicatorTable table = CustomerGenerator.withDefaults().generate(3_000, 4L).table();
            CustomerModel model = org.powercx.segmentation.CustomerAnalysis.withDefaults().fit(table);
            Dataset<Row> customers = LocalSpark.dataset(spark, table);
            ColumnMapping mapping = ColumnMapping.withDefaults().withKey("id");
            Object[] out = SparkGuideExample.codes(spark, customers, model, mapping);
            List<Row> coded = ((Dataset<Row>) out[0]).select("id", "credit_grade").orderBy("id").collectAsList();
            List<String> names = (List<String>) out[1];
            List<Row> decoded = ((Dataset<Row>) out[2]).select("id", "label").orderBy("id").collectAsList();
            List<Row> labelled = SparkScorer.withDefaults().score(customers, model, mapping)
                .select("id", "credit_grade").orderBy("id").collectAsList();
            assertThat(decoded).hasSize(table.rowCount()).isEqualTo(labelled);
            for (int i = 0; i < coded.size(); i++) {
                assertThat(names.get(coded.get(i).getInt(1))).isEqualTo(labelled.get(i).getString(1));
            }
        } finally {
            spark.stop();
        }
    }

    @Test
    void theExampleReadsFitsScoresAndWritesParquet() {
        SparkSession spark = LocalSpark.start();
        try {
            IndicatorTable customers = CustomerGenerator.withDefaults().generate(5_000, 3L).table();
            String input = dir.resolve("customers.parquet").toString();
            String output = dir.resolve("scored.parquet").toString();
            LocalSpark.dataset(spark, customers).withColumn("defaulted", functions.when(
                functions.col(CustomerIndicators.ARREARS_COUNT).gt(0), 1).otherwise(0)).write().parquet(input);

            Object[] models = SparkGuideExample.run(spark, input, output);

            GreyRelationalModel grey = (GreyRelationalModel) models[0];
            DiscriminantModel credit = (DiscriminantModel) models[1];
            CreditGrades grades = (CreditGrades) models[2];
            CustomerModel model = (CustomerModel) models[3];
            Dataset<Row> scored = spark.read().parquet(output).orderBy("id");
            List<Row> rows = scored.select("id", "value", "default_probability", "credit_grade",
                "customer_value", "customer_value_segment", "customer_lifetime_value").collectAsList();
            assertThat(rows).hasSize(customers.rowCount());
            double[] v = grey.grades(customers.select(grey.indicators().stream().map(i -> i.name())
                .toArray(String[]::new)));
            double[] p = credit.defaultProbabilities(customers.select(credit.indicators().stream().map(i -> i.name())
                .toArray(String[]::new)));
            // the customer model's Spark scores are its single-machine scores (the label it was fitted on is not
            // one of its inputs)
            CustomerScores customer = model.apply(customers);
            for (int i = 0; i < rows.size(); i++) {
                int row = customers.rowIndexOf(rows.get(i).getString(0));
                assertThat(rows.get(i).getDouble(1)).isEqualTo(v[row]);
                assertThat(rows.get(i).getDouble(2)).isEqualTo(p[row]);
                assertThat(rows.get(i).getString(3)).isEqualTo(grades.names().get(grades.grade(p[row])));
                assertThat(rows.get(i).getDouble(4)).isEqualTo(customer.combined()[row]);
                assertThat(rows.get(i).getString(5)).isEqualTo(customer.segments().segment(row).label());
                assertThat(rows.get(i).getDouble(6)).isEqualTo(customer.lifetimeValues()[row]);
            }
        } finally {
            spark.stop();
        }
    }
}
