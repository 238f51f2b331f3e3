package org.powercx.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.powercx.credit.CreditGrades;
import org.powercx.credit.DiscriminantModel;
import org.powercx.grey.GreyRelationalModel;
import org.powercx.segmentation.CustomerModel;
import org.powercx.segmentation.RiskRule;
import org.powercx.segmentation.ValueSegment;

/**
 * Scores a {@code Dataset<Row>} with a fitted model and returns it with the result columns appended. The model is
 * broadcast once; each task reads its partition in batches of {@link #batchRows()} rows into column arrays and
 * scores every batch with the library's column kernel in the task's own thread, so every result equals, bit for
 * bit, the one the same model gives on one machine for the same row: a grade or probability depends only on its
 * own row, never on the batch or the partition. The rows are read and written in Spark's internal form where the
 * Dataset gives it (every batch Dataset of numeric inputs): inputs read by column index as primitives, results
 * appended without boxing, labels converted to UTF-8 once per task; the lineage of the input then ends at the
 * scored Dataset, as after a {@code mapPartitions}. A streaming Dataset is scored through {@code Row}s, with the same
 * results. No arithmetic is done by Spark SQL (whose {@code ln} and
 * {@code exp} are {@link StrictMath}'s and differ from {@link Math}'s in the last bit on some values).
 *
 * <p>The columns the model reads are found through a {@link ColumnMapping} and must be numeric; a null in one of
 * them follows the mapping's {@link MissingValues} policy. Results are appended after the input columns, named
 * with the mapping's prefix:
 * <ul>
 *   <li>{@link GreyRelationalModel}: {@code value}, the grey relational grade;</li>
 *   <li>{@link DiscriminantModel} with {@link CreditGrades}: {@code credit_score} (the decision value
 *       \( Z = a^T x + b \)), {@code default_probability} \( 1/(1+e^{-Z}) \) and {@code credit_grade};</li>
 *   <li>{@link CustomerModel}: {@code current_value}, {@code potential_value}, {@code value} (combined),
 *       {@code projected_consumption} when the model projects it, {@code value_segment},
 *       {@code default_probability}, {@code credit_grade}, {@code risk_score_}<i>topic</i> and
 *       {@code risk_group_}<i>topic</i> per risk rule, {@code retention}, {@code lifetime_value} and
 *       {@code measures}.</li>
 * </ul>
 * The category columns ({@code value_segment}, {@code credit_grade}, {@code risk_group_}<i>topic</i>,
 * {@code measures}) hold labels by default; a scorer configured by {@link #with(ResultLayout)} with
 * {@link ResultLayout#CODES} writes them as integer codes instead, decoded by
 * {@link #labels(CustomerModel, ColumnMapping)}, the numbers unchanged.
 *
 * <p>The returned Dataset is lazy, as any transformation; a value a kernel refuses (a log-scale value that is not
 * positive, say) fails the action with a {@link SparkException} naming the rows' keys and the kernel's message.
 * Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public final class SparkScorer {
    /** Rows scored per kernel call unless configured otherwise. */
    public static final int DEFAULT_BATCH_ROWS = 4096;
    /** The largest batch accepted. */
    public static final int MAX_BATCH_ROWS = 1 << 20;
    private static final SparkScorer DEFAULTS = new SparkScorer(DEFAULT_BATCH_ROWS, true, ResultLayout.LABELS);

    private final int batchRows;
    private final boolean internalRows;
    private final ResultLayout layout;

    private SparkScorer(int batchRows, boolean internalRows, ResultLayout layout) {
        this.batchRows = batchRows;
        this.internalRows = internalRows;
        this.layout = layout;
    }

    /**
     * A scorer with batches of {@value #DEFAULT_BATCH_ROWS} rows that writes categories as labels
     * ({@link ResultLayout#LABELS}).
     *
     * @return the scorer
     */
    public static SparkScorer withDefaults() {
        return DEFAULTS;
    }

    /**
     * This scorer with another batch size; results do not depend on it.
     *
     * @param newBatchRows rows per kernel call, 1 to {@value #MAX_BATCH_ROWS}
     * @return a new scorer
     * @throws SparkException if the size is out of range
     */
    public SparkScorer withBatchRows(int newBatchRows) {
        if (newBatchRows < 1 || newBatchRows > MAX_BATCH_ROWS) {
            throw new SparkException("batch rows must be between 1 and %d but was %d", MAX_BATCH_ROWS, newBatchRows);
        }
        return new SparkScorer(newBatchRows, internalRows, layout);
    }

    /**
     * This scorer with another layout of the category columns: {@link ResultLayout#CODES} writes each segment,
     * grade, risk group and measure list as its index in the model's list of labels (decoded by
     * {@link #labels(CustomerModel, ColumnMapping)}), with every other result unchanged.
     *
     * @param newLayout the layout
     * @return a new scorer
     * @throws SparkException if the layout is null
     */
    public SparkScorer with(ResultLayout newLayout) {
        if (newLayout == null) {
            throw new SparkException("result layout is null");
        }
        return new SparkScorer(batchRows, internalRows, newLayout);
    }

    /** This scorer on Spark's public {@code Row}s only (the path of a streaming Dataset), for the tests. */
    SparkScorer withRowsOnly() {
        return new SparkScorer(batchRows, false, layout);
    }

    /**
     * The layout of the category columns.
     *
     * @return {@link ResultLayout#LABELS} unless configured otherwise
     */
    public ResultLayout layout() {
        return layout;
    }

    /**
     * The labels that the codes of a customer model's category columns stand for, by result column: in the
     * {@link ResultLayout#CODES} layout, code {@code k} of a column is label {@code k} of its list, the label that
     * the {@link ResultLayout#LABELS} layout writes for the same row. The columns are {@code value_segment} (the
     * labels of {@link ValueSegment#values()}), {@code credit_grade} (the model's grade names, best first) and
     * {@code risk_group_}<i>topic</i> per risk rule (the rule's labels), named with the mapping's prefix, in the
     * order they are appended. The code of {@code measures} is an index in {@link CustomerModel#measureSets()}.
     *
     * @param model the model whose scores are decoded
     * @param mapping the mapping the scores were made with (for its prefix)
     * @return an unmodifiable map from column name to labels, in column order
     * @throws SparkException if an argument is null
     * @since 0.2.0
     */
    public static Map<String, List<String>> labels(CustomerModel model, ColumnMapping mapping) {
        if (model == null || mapping == null) {
            throw new SparkException("customer model and column mapping must not be null");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> segments = new ArrayList<>();
        for (ValueSegment s : ValueSegment.values()) {
            segments.add(s.label());
        }
        out.put(mapping.prefix() + "value_segment", List.copyOf(segments));
        out.put(mapping.prefix() + "credit_grade", List.copyOf(model.parameters().creditGrades().names()));
        for (RiskRule r : model.parameters().riskRules()) {
            out.put(mapping.prefix() + "risk_group_" + r.topic(), List.copyOf(r.labels()));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The table of {@link #labels(CustomerModel, ColumnMapping)} as a small Dataset, one row per code of each
     * category column, to decode coded scores with a join: columns {@code column} (the result column's name),
     * {@code code} and {@code label}. A customer's measure list is {@link CustomerModel#measureSets()} at its
     * {@code measures} code.
     *
     * @param spark the session to make the Dataset in
     * @param model the model whose scores are decoded
     * @param mapping the mapping the scores were made with (for its prefix)
     * @return the lookup Dataset
     * @throws SparkException if an argument is null
     * @since 0.2.0
     */
    public static Dataset<Row> labelTable(SparkSession spark, CustomerModel model, ColumnMapping mapping) {
        if (spark == null) {
            throw new SparkException("Spark session is null");
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : labels(model, mapping).entrySet()) {
            for (int k = 0; k < e.getValue().size(); k++) {
                rows.add(RowFactory.create(e.getKey(), k, e.getValue().get(k)));
            }
        }
        StructType schema = new StructType(new StructField[] {
            DataTypes.createStructField("column", DataTypes.StringType, false),
            DataTypes.createStructField("code", DataTypes.IntegerType, false),
            DataTypes.createStructField("label", DataTypes.StringType, false)});
        return spark.createDataFrame(rows, schema);
    }

    /**
     * The rows per kernel call.
     *
     * @return the batch size
     */
    public int batchRows() {
        return batchRows;
    }

    /**
     * Scores customers with the whole segmentation pipeline of a {@link CustomerModel}: the rows' results equal
     * those of {@link CustomerModel#apply(org.powercx.core.IndicatorTable)} on the same rows.
     *
     * @param data the customers, with a numeric column for every {@link CustomerModel#inputColumns()} entry
     * @param model the fitted model
     * @param mapping where the inputs and the key are, and the missing-value policy
     * @return the Dataset with the result columns appended
     * @throws SparkException if an argument is null, a column is missing or not numeric, or a result column would
     *     repeat a name of the Dataset
     */
    public Dataset<Row> score(Dataset<Row> data, CustomerModel model, ColumnMapping mapping) {
        if (model == null) {
            throw new SparkException("customer model is null");
        }
        return run(data, ModelPayload.of(model, layout), mapping);
    }

    /**
     * Scores rows with a grey relational model: the grades equal those of
     * {@link GreyRelationalModel#grades(org.powercx.core.IndicatorTable)} on the same rows.
     *
     * @param data the rows, with a numeric column for every fitted indicator
     * @param model the fitted model
     * @param mapping where the inputs and the key are, and the missing-value policy
     * @return the Dataset with the {@code value} column appended
     * @throws SparkException if an argument is null, a column is missing or not numeric, or the result column
     *     would repeat a name of the Dataset
     */
    public Dataset<Row> score(Dataset<Row> data, GreyRelationalModel model, ColumnMapping mapping) {
        if (model == null) {
            throw new SparkException("grey relational model is null");
        }
        return run(data, ModelPayload.of(model), mapping);
    }

    /**
     * Scores rows with a binary discriminant and grades the default probabilities: the scores and probabilities
     * equal those of {@link DiscriminantModel#scores(org.powercx.core.IndicatorTable)} and
     * {@link DiscriminantModel#defaultProbabilities(org.powercx.core.IndicatorTable)} on the same rows, the grades
     * those of {@link CreditGrades#grade(double)}.
     *
     * @param data the rows, with a numeric column for every model indicator
     * @param model the fitted binary discriminant
     * @param grades the grade cut-offs on the default probability
     * @param mapping where the inputs and the key are, and the missing-value policy
     * @return the Dataset with {@code credit_score}, {@code default_probability} and {@code credit_grade} appended
     * @throws SparkException if an argument is null, the model is not binary, a column is missing or not numeric,
     *     or a result column would repeat a name of the Dataset
     */
    public Dataset<Row> score(Dataset<Row> data, DiscriminantModel model, CreditGrades grades, ColumnMapping mapping) {
        if (model == null || grades == null) {
            throw new SparkException("discriminant model and credit grades are required");
        }
        if (!model.isBinary()) {
            throw new SparkException("the discriminant model must be binary but has the classes %s",
                Arrays.toString(model.classes()));
        }
        return run(data, ModelPayload.of(model, grades, layout), mapping);
    }

    private Dataset<Row> run(Dataset<Row> data, ModelPayload payload, ColumnMapping mapping) {
        if (data == null || mapping == null) {
            throw new SparkException("data and column mapping must not be null");
        }
        StructType schema = data.schema();
        List<String> names = Arrays.asList(schema.fieldNames());
        BatchKernel probe = payload.newKernel(1);
        List<String> inputs = probe.inputs();
        int[] index = new int[inputs.size()];
        String[] columns = new String[inputs.size()];
        for (int j = 0; j < index.length; j++) {
            columns[j] = mapping.column(inputs.get(j));
            index[j] = names.indexOf(columns[j]);
            if (index[j] < 0) {
                throw new SparkException("the Dataset has no column '%s' for the model input '%s' (columns %s)",
                    columns[j], inputs.get(j), names);
            }
            if (!(schema.fields()[index[j]].dataType() instanceof NumericType)) {
                throw new SparkException("column '%s' must be numeric but is %s", columns[j],
                    schema.fields()[index[j]].dataType().simpleString());
            }
        }
        int key = -1;
        if (mapping.key() != null) {
            key = names.indexOf(mapping.key());
            if (key < 0) {
                throw new SparkException("the Dataset has no key column '%s' (columns %s)", mapping.key(), names);
            }
        }
        List<StructField> outputs = probe.outputs(mapping.prefix());
        Set<String> seen = new HashSet<>(names);
        List<StructField> fields = new ArrayList<>(Arrays.asList(schema.fields()));
        for (StructField f : outputs) {
            if (!seen.add(f.name())) {
                throw new SparkException("result column '%s' is already a column of the Dataset: choose a prefix with"
                    + " ColumnMapping.withPrefix", f.name());
            }
            fields.add(f);
        }
        StructType result = new StructType(fields.toArray(new StructField[0]));
        Broadcast<ModelPayload> shipped = JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext())
            .broadcast(payload);
        if (internalRows && !data.isStreaming()) {
            InternalScoringFunction fast = InternalScoringFunction.of(shipped, schema, index, columns, key,
                mapping.missing(), batchRows, new StructType(outputs.toArray(new StructField[0])));
            Dataset<Row> scored = fast == null ? null : InternalRows.map(data, fast, result);
            if (scored != null) {
                return scored;
            }
        }
        ScoringFunction f = new ScoringFunction(shipped, index, columns, key, mapping.missing(),
            new int[] {batchRows, names.size(), outputs.size()});
        return data.mapPartitions(f, Encoders.row(result));
    }
}
