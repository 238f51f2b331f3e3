package org.powercx.spark;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.powercx.core.CustomerIndicators;
import org.powercx.core.Indicator;
import org.powercx.core.Weights;
import org.powercx.credit.CreditGrades;
import org.powercx.credit.DiscriminantModel;
import org.powercx.credit.LinearDiscriminant;
import org.powercx.grey.GreyRelationalAnalysis;
import org.powercx.grey.GreyRelationalModel;
import org.powercx.segmentation.CustomerAnalysis;
import org.powercx.segmentation.CustomerModel;

/**
 * The runnable example of docs/spark.md: the lines between the guide markers are the page's example, word for
 * word ({@link SparkGuideTest} checks it and runs this class). Run alone with spark-submit:
 * {@code main(input, output)} reads customers from Parquet, fits, scores and writes Parquet.
 */
public final class SparkGuideExample {
    private SparkGuideExample() {
    }

    /**
     * Reads customers, fits a grey relational value model, a credit discriminant and the whole customer model,
     * scores and writes.
     *
     * @param spark the session
     * @param input Parquet customers: an id, the customer table's columns and a 0/1 {@code defaulted} label
     * @param output where the scored customers are written as Parquet
     * @return the models fitted, for the test
     */
    static Object[] run(SparkSession spark, String input, String output) {
        // guide:start
        Dataset<Row> customers = spark.read().parquet(input);
        List<Indicator> value = CustomerIndicators.of(CustomerIndicators.ANNUAL_CONSUMPTION,
            CustomerIndicators.FEE_REVENUE, CustomerIndicators.ON_TIME_PAYMENT_RATE, CustomerIndicators.LOAD_FACTOR);
        List<Indicator> risk = CustomerIndicators.of(CustomerIndicators.ON_TIME_PAYMENT_RATE,
            CustomerIndicators.ASSET_LIABILITY_RATIO, CustomerIndicators.CURRENT_RATIO);
        ColumnMapping mapping = ColumnMapping.withDefaults().withKey("id");

        // fit: per-partition statistics merged on the driver in partition order
        SparkFitter fitter = SparkFitter.withDefaults();
        GreyRelationalModel grey = fitter.fit(customers, GreyRelationalAnalysis.withDefaults(), value,
            Weights.equal(value.stream().map(Indicator::name).toList()), mapping);
        DiscriminantModel credit = fitter.fit(customers, LinearDiscriminant.withDefaults(), risk, "defaulted",
            mapping);
        CreditGrades grades = CreditGrades.ofCutoffs(0.02, 0.05, 0.1, 0.2);
        // the whole segmentation pipeline in one call, as CustomerAnalysis.fit on the same rows
        CustomerModel model = fitter.fit(customers, CustomerAnalysis.withDefaults(), mapping);

        // score: the models are broadcast, each partition is scored in batches by the library's kernels
        SparkScorer scorer = SparkScorer.withDefaults();
        Dataset<Row> scored = scorer.score(customers, grey, mapping);
        scored = scorer.score(scored, credit, grades, mapping);
        scored = scorer.score(scored, model, mapping.withPrefix("customer_"));
        scored.write().mode(SaveMode.Overwrite).parquet(output);
        // guide:end
        return new Object[] {grey, credit, grades, model};
    }

    /**
     * The page's second example: the customer model's scores with the category columns as integer codes, decoded
     * by the label lists and by a join with the lookup Dataset.
     *
     * @param spark the session
     * @param customers the customers
     * @param model the fitted customer model
     * @param mapping the column mapping
     * @return the coded scores, the grade names and the coded scores joined with the grades' labels, for the test
     */
    static Object[] codes(SparkSession spark, Dataset<Row> customers, CustomerModel model, ColumnMapping mapping) {
        // guide:codes:start
        // the category columns as integer codes: narrower rows, the same numbers
        Dataset<Row> coded = SparkScorer.withDefaults().with(ResultLayout.CODES).score(customers, model, mapping);
        // code k of a category column is label k of its list
        List<String> gradeNames = SparkScorer.labels(model, mapping).get("credit_grade");
        // or decode by a join with the lookup Dataset
        Dataset<Row> lookup = SparkScorer.labelTable(spark, model, mapping);
        Dataset<Row> grades = lookup.where(functions.col("column").equalTo("credit_grade"));
        Dataset<Row> decoded = coded.join(grades, coded.col("credit_grade").equalTo(grades.col("code")));
        // guide:codes:end
        return new Object[] {coded, gradeNames, decoded};
    }

    /**
     * Runs the example on a cluster or locally.
     *
     * @param args the input and output paths
     */
    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().appName("powercx-spark-example").getOrCreate();
        try {
            run(spark, args[0], args[1]);
        } finally {
            spark.stop();
        }
    }
}
