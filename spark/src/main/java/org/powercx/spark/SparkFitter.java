package org.powercx.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.powercx.core.CustomerIndicators;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorStatistics;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Weights;
import org.powercx.credit.DiscriminantModel;
import org.powercx.credit.DiscriminantStatistics;
import org.powercx.credit.LinearDiscriminant;
import org.powercx.grey.GreyRelationalAnalysis;
import org.powercx.grey.GreyRelationalModel;
import org.powercx.segmentation.CustomerAnalysis;
import org.powercx.segmentation.CustomerModel;

/**
 * Fits grey relational and linear discriminant models from a {@code Dataset<Row>} with the library's mergeable
 * statistics: every task summarises its partition block by block ({@link IndicatorStatistics} or
 * {@link DiscriminantStatistics}), the driver collects one summary per partition and merges them in partition
 * index order (not in the order tasks finish, as {@code treeAggregate} would), and the library fits the model from
 * the merged statistics. The model equals, bit for bit, the single-JVM fit on the same rows in the same order
 * ({@link GreyRelationalAnalysis#fit(IndicatorTable, Weights)},
 * {@link LinearDiscriminant#fit(IndicatorTable, int[])}). {@link #quantiles} gives exact type-7 quantiles of a
 * column, such as the value-segment cut-offs, equal to the single-JVM ones.
 *
 * <p>The discriminant's sums are taken in chunks of {@value DiscriminantStatistics#CHUNK} rows counted from the
 * data's first row, so its fit reads the Dataset twice: once to count each partition's rows, once to summarise. The Dataset must therefore give the same rows in the same order each time it is
 * read (a file source, or a cached Dataset; not one that samples or shuffles without a seed). Nulls follow the
 * mapping's {@link MissingValues} policy; a null label is refused under every policy but dropping. Immutable and
 * thread-safe.
 *
 * @since 0.2.0
 */
public final class SparkFitter {
    private static final SparkFitter DEFAULTS = new SparkFitter(SparkScorer.DEFAULT_BATCH_ROWS);

    private final int batchRows;

    private SparkFitter(int batchRows) {
        this.batchRows = batchRows;
    }

    /**
     * A fitter that summarises partitions in blocks of {@value SparkScorer#DEFAULT_BATCH_ROWS} rows.
     *
     * @return the fitter
     */
    public static SparkFitter withDefaults() {
        return DEFAULTS;
    }

    /**
     * This fitter with another block size; results do not depend on it.
     *
     * @param newBatchRows rows per block, 1 to {@value SparkScorer#MAX_BATCH_ROWS}
     * @return a new fitter
     * @throws SparkException if the size is out of range
     */
    public SparkFitter withBatchRows(int newBatchRows) {
        if (newBatchRows < 1 || newBatchRows > SparkScorer.MAX_BATCH_ROWS) {
            throw new SparkException("batch rows must be between 1 and %d but was %d", SparkScorer.MAX_BATCH_ROWS,
                newBatchRows);
        }
        return new SparkFitter(newBatchRows);
    }

    /**
     * The bounds statistics of indicator columns: per-partition {@link IndicatorStatistics} merged in partition
     * order, equal to {@link IndicatorStatistics#of(IndicatorTable)} of the same rows.
     *
     * @param data the rows
     * @param indicators the indicators, each read from the column the mapping names
     * @param mapping where the columns are, and the missing-value policy
     * @return the statistics of every row kept
     * @throws SparkException if an argument is null, a column is missing or not numeric, or no row is kept
     */
    public IndicatorStatistics indicatorStatistics(Dataset<Row> data, List<Indicator> indicators,
            ColumnMapping mapping) {
        checkIndicators(indicators);
        RowReader reader = RowReader.of(data, names(indicators), null, mapping);
        List<PartitionSummary> parts = collect(data, new PartitionSummary.Bounds(indicators, reader, batchRows));
        IndicatorStatistics total = IndicatorStatistics.empty(indicators);
        for (PartitionSummary part : parts) {
            total = total.merge((IndicatorStatistics) part.statistics());
        }
        if (total.count() == 0) {
            throw new SparkException("no rows to summarise: the Dataset is empty or every row was dropped");
        }
        return total;
    }

    /**
     * Fits a grey relational model from the bounds statistics of {@link #indicatorStatistics}: equal, bit for bit,
     * to {@code analysis.fit(table, weights)} on the same rows.
     *
     * @param data the calibration rows
     * @param analysis the configured analysis (a normalisation that needs only bounds: MIN_MAX or INITIAL_VALUE)
     * @param indicators the indicators, each read from the column the mapping names
     * @param weights one weight per indicator, matched by name
     * @param mapping where the columns are, and the missing-value policy
     * @return the fitted model
     * @throws SparkException as {@link #indicatorStatistics}, or if the analysis or weights are null or the library
     *     refuses the fit (its message kept)
     */
    public GreyRelationalModel fit(Dataset<Row> data, GreyRelationalAnalysis analysis, List<Indicator> indicators,
            Weights weights, ColumnMapping mapping) {
        if (analysis == null || weights == null) {
            throw new SparkException("grey relational analysis and weights must not be null");
        }
        IndicatorStatistics statistics = indicatorStatistics(data, indicators, mapping);
        try {
            return analysis.fit(statistics, weights);
        } catch (IllegalArgumentException e) {
            throw new SparkException("fitting the grey relational model", e);
        }
    }

    /**
     * The discriminant statistics of indicator columns and a class label: per-partition
     * {@link DiscriminantStatistics} starting at each partition's first row, merged in partition order, equal to
     * {@link DiscriminantStatistics#of(IndicatorTable, int[])} of the same rows.
     *
     * @param data the rows
     * @param indicators the indicators, each read from the column the mapping names
     * @param labelColumn the numeric column of integer class labels
     * @param mapping where the columns are, and the missing-value policy
     * @return the statistics of every row kept, starting at row 0
     * @throws SparkException if an argument is null, a column is missing or not numeric, a label is not an integer,
     *     or no row is kept
     */
    public DiscriminantStatistics discriminantStatistics(Dataset<Row> data, List<Indicator> indicators,
            String labelColumn, ColumnMapping mapping) {
        checkIndicators(indicators);
        if (labelColumn == null) {
            throw new SparkException("label column must not be null");
        }
        RowReader reader = RowReader.of(data, names(indicators), labelColumn, mapping);
        List<PartitionSummary> counts = collect(data, new PartitionSummary.Count(indicators, reader));
        long[] offsets = new long[counts.size()];
        long rows = 0;
        for (PartitionSummary c : counts) {
            offsets[c.partition()] = rows;
            rows += c.rows();
        }
        if (rows == 0) {
            throw new SparkException("no rows to summarise: the Dataset is empty or every row was dropped");
        }
        List<PartitionSummary> parts = collect(data, new PartitionSummary.Discriminant(indicators, reader, batchRows,
            offsets));
        DiscriminantStatistics total = null;
        for (PartitionSummary part : parts) {
            if (part.rows() != counts.get(part.partition()).rows()) {
                throw new SparkException("partition %d gave %d rows when counted and %d when summarised: the Dataset"
                    + " must give the same rows each time it is read (cache it)", part.partition(),
                    counts.get(part.partition()).rows(), part.rows());
            }
            DiscriminantStatistics s = (DiscriminantStatistics) part.statistics();
            total = total == null ? s : total.merge(s);
        }
        return total;
    }

    /**
     * Fits a linear discriminant from the statistics of {@link #discriminantStatistics}: equal, bit for bit, to
     * {@code discriminant.fit(table, labels)} on the same rows in the same order.
     *
     * @param data the calibration rows
     * @param discriminant the configured discriminant (no shrinkage or fixed shrinkage)
     * @param indicators the indicators, each read from the column the mapping names
     * @param labelColumn the numeric column of integer class labels
     * @param mapping where the columns are, and the missing-value policy
     * @return the fitted model
     * @throws SparkException as {@link #discriminantStatistics}, or if the discriminant is null or the library
     *     refuses the fit (its message kept)
     */
    public DiscriminantModel fit(Dataset<Row> data, LinearDiscriminant discriminant, List<Indicator> indicators,
            String labelColumn, ColumnMapping mapping) {
        if (discriminant == null) {
            throw new SparkException("linear discriminant must not be null");
        }
        DiscriminantStatistics statistics = discriminantStatistics(data, indicators, labelColumn, mapping);
        try {
            return discriminant.fit(statistics);
        } catch (IllegalArgumentException e) {
            throw new SparkException("fitting the linear discriminant", e);
        }
    }

    /**
     * Fits the whole segmentation pipeline from a Dataset, reading each column from the Dataset column the mapping
     * names and describing it by the customer indicator catalogue ({@code CustomerIndicators.all()}); see
     * {@link #fit(Dataset, CustomerAnalysis, List, ColumnMapping)}.
     *
     * @param data the calibration rows
     * @param analysis the configured pipeline
     * @param mapping where the columns are, and the missing-value policy
     * @return the fitted model
     * @throws SparkException as {@link #fit(Dataset, CustomerAnalysis, List, ColumnMapping)}
     * @since 0.2.0
     */
    public CustomerModel fit(Dataset<Row> data, CustomerAnalysis analysis, ColumnMapping mapping) {
        return fit(data, analysis, CustomerIndicators.all(), mapping);
    }

    /**
     * Fits the whole segmentation pipeline from a Dataset: equal, bit for bit, to
     * {@code analysis.fit(table)} ({@link CustomerAnalysis#fit(IndicatorTable)}) on a table of the same rows in the
     * same order with the given indicators. The Dataset is read six times: one pass counts each partition's rows
     * and summarises the bounds of the value columns (the GM(1,1) projected consumption and the log-scale
     * indicators derived row by row, as the library derives them) from which the driver fits the current- and
     * potential-value grey relational models with the AHP weights; one pass summarises the credit discriminant's
     * statistics (and the churn discriminant's, when retention comes from one) from each partition's first row, as
     * {@link #discriminantStatistics} does; and the four passes of {@link #quantiles} select, from the rows scored
     * by the model so far, the exact order statistics of the current and potential values and the default
     * probabilities that the value and credit-grade cut-offs are (none when both are given). All arithmetic is the
     * library's; Spark computes nothing. The Dataset must give the same rows in the same order each time it is
     * read (a file, or {@code cache()}); a null in a column the fit reads follows the mapping's
     * {@link MissingValues} policy (a dropped row leaves every step), a null label is refused under every policy
     * but dropping.
     *
     * <p>A configuration that cannot be reproduced bit for bit from mergeable statistics is refused before any
     * pass: a value evaluation normalising other than MIN_MAX or INITIAL_VALUE, mean value cut-offs (their sum
     * depends on the order partitions are added in), and a Ledoit-Wolf shrinkage of the credit discriminant (its
     * intensities need a second pass over the rows).
     *
     * @param data the calibration rows
     * @param analysis the configured pipeline
     * @param indicators the descriptions (directions, units) of the columns the pipeline reads, matched by name;
     *     others are ignored
     * @param mapping where the columns are, and the missing-value policy
     * @return the fitted model
     * @throws SparkException if an argument is null, a column is missing, not numeric or not described, the
     *     configuration is one of those refused above, no row is kept, or a job fails: a null under the reject
     *     policy, a label other than 0 or 1, a value the library refuses (each naming the column and the row's
     *     key; the message is one line, the failed job its cause)
     * @throws IllegalArgumentException as {@link CustomerAnalysis#check} (an inconsistent AHP matrix, a policy
     *     with a gap), with the segmentation module's message
     * @since 0.2.0
     */
    public CustomerModel fit(Dataset<Row> data, CustomerAnalysis analysis, List<Indicator> indicators,
            ColumnMapping mapping) {
        return CustomerFit.fit(data, analysis, indicators, mapping, batchRows);
    }

    /**
     * Exact quantiles of a numeric column, by the definition the library's value-segment and credit-grade cut-offs
     * use (type 7 of Hyndman and Fan (1996), "Sample quantiles in statistical packages", The American
     * Statistician 50(4)): with the \( n \) values in increasing order \( x_{(0)} \le \dots \le x_{(n-1)} \) and
     * \( h = (n-1)p \), \( Q(p) = x_{(\lfloor h \rfloor)} + (h - \lfloor h \rfloor)(x_{(\lfloor h \rfloor + 1)} -
     * x_{(\lfloor h \rfloor)}) \). The order statistics are found exactly (not by Spark's {@code approxQuantile}),
     * by radix selection: four passes over the Dataset, each summing per-partition counts of 16 more bits of the
     * values, 512 KiB per task and per order statistic, no shuffle. The result equals, bit for bit, the cut-off the
     * single-JVM fit takes from the same values, whatever their order and partitioning; for example
     * {@code quantiles(scored, "current_value", mapping, 0.8)} on the rows a {@link SparkScorer} scored with a
     * {@code CustomerModel} is the default current-value cut-off of
     * {@code org.powercx.segmentation.ValueSegmentation} on those values. A zero order statistic is taken as +0.0.
     * The Dataset must give the same rows each time it is read (a file, or {@code cache()}).
     *
     * @param data the rows
     * @param column the numeric column (looked up through the mapping, as an input name)
     * @param mapping where the column is, and the missing-value policy for its nulls
     * @param probabilities the probabilities \( p \), each in [0, 1]
     * @return the quantiles, in the order of the probabilities
     * @throws SparkException if an argument is null, a probability is out of range, the column is missing or not
     *     numeric, or no row is kept (a null or non-finite value under the policy fails the job naming the row)
     * @since 0.2.0
     */
    public double[] quantiles(Dataset<Row> data, String column, ColumnMapping mapping, double... probabilities) {
        if (column == null || probabilities == null || probabilities.length == 0) {
            throw new SparkException("quantiles need a column and at least one probability but got %s and %s",
                column, probabilities == null ? null : Arrays.toString(probabilities));
        }
        for (double p : probabilities) {
            if (!(p >= 0 && p <= 1)) {
                throw new SparkException("quantile probability must be in [0, 1] but was %s", p);
            }
        }
        RowReader.of(data, List.of(column), null, mapping);
        // the passes read the column (and the key) only
        List<Column> read = new ArrayList<>();
        read.add(data.col(quoted(mapping.column(column))));
        if (mapping.key() != null && !mapping.key().equals(mapping.column(column))) {
            read.add(data.col(quoted(mapping.key())));
        }
        Dataset<Row> narrow = data.select(read.toArray(new Column[0]));
        return ExactQuantiles.of(narrow, RowReader.of(narrow, List.of(column), null, mapping), probabilities.clone());
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** One summary per partition, in partition index order. */
    static List<PartitionSummary> collect(Dataset<Row> data, PartitionSummary.Blocks summarise) {
        List<PartitionSummary> parts = new ArrayList<>(data.javaRDD().mapPartitionsWithIndex(summarise, false)
            .collect());
        parts.sort(Comparator.comparingInt(PartitionSummary::partition));
        return parts;
    }

    private static void checkIndicators(List<Indicator> indicators) {
        if (indicators == null || indicators.isEmpty()) {
            throw new SparkException("indicators must be a non-empty list but were %s", indicators);
        }
        for (Indicator i : indicators) {
            if (i == null) {
                throw new SparkException("indicator list %s holds null", indicators);
            }
        }
    }

    private static List<String> names(List<Indicator> indicators) {
        List<String> out = new ArrayList<>();
        for (Indicator i : indicators) {
            out.add(i.name());
        }
        return out;
    }
}
