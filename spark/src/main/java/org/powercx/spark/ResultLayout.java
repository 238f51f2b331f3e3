package org.powercx.spark;

/**
 * How {@link SparkScorer} writes the result columns that name a category: as the category's label
 * ({@link #LABELS}, the default) or as a small integer code, the category's index in the model's own list of labels
 * ({@link #CODES}). Numbers (values, scores, probabilities, retention, lifetime value) are written as the same
 * doubles in both layouts; the two layouts differ only in the type of the category columns, and a code decoded
 * with {@link SparkScorer#labels(org.powercx.segmentation.CustomerModel, ColumnMapping)} (or
 * {@link SparkScorer#labelTable(org.apache.spark.sql.SparkSession, org.powercx.segmentation.CustomerModel,
 * ColumnMapping)}) gives the label the {@link #LABELS} layout writes for the same row.
 *
 * <p>Codes make the scored rows narrower: Spark writes a label string (or a list of them) into every output row,
 * byte for byte, whereas a code is one fixed-width field; a Parquet file of codes is smaller too. The codes are:
 * <ul>
 *   <li>{@code value_segment}: the index in {@link org.powercx.segmentation.ValueSegment#values()} (0 key,
 *       1 develop, 2 maintain, 3 basic), its {@code ordinal()};</li>
 *   <li>{@code credit_grade}: the index in the grades' {@link org.powercx.credit.CreditGrades#names()}, 0 the
 *       best grade;</li>
 *   <li>{@code risk_group_}<i>topic</i>: the index in the risk rule's
 *       {@link org.powercx.segmentation.RiskRule#labels()};</li>
 *   <li>{@code measures}: the index in {@link org.powercx.segmentation.CustomerModel#measureSets()} of the
 *       customer's list of service measures.</li>
 * </ul>
 * A grey relational model appends no category column, so its output is the same in both layouts.
 *
 * @since 0.2.0
 */
public enum ResultLayout {
    /** Category columns as labels: strings, and {@code measures} as an array of strings (the default). */
    LABELS,
    /** Category columns as non-null integer codes, the index of the category in the model's list of labels. */
    CODES
}
