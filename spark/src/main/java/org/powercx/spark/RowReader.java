package org.powercx.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import org.powercx.core.internal.Messages;

/**
 * Reads the model inputs (and a label) of a row as doubles under a {@link MissingValues} policy, naming the column
 * and the row's key in every refusal. Checks the Dataset's schema when created.
 */
final class RowReader implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] index;
    private final String[] columns;
    private final int[] labelIndex;
    private final String[] labelColumns;
    private final int keyIndex;
    private final MissingValues missing;

    private RowReader(int[] index, String[] columns, int[] labelIndex, String[] labelColumns, int keyIndex,
            MissingValues missing) {
        this.index = index;
        this.columns = columns;
        this.labelIndex = labelIndex;
        this.labelColumns = labelColumns;
        this.keyIndex = keyIndex;
        this.missing = missing;
    }

    static RowReader of(Dataset<Row> data, List<String> inputs, String label, ColumnMapping mapping) {
        return withLabels(data, inputs, label == null ? List.of() : List.of(label), mapping);
    }

    /** A reader of inputs and integer labels; label {@code k} of the row in slot {@code s} goes to
     * {@code labels[s * labels.size() + k]}. */
    static RowReader withLabels(Dataset<Row> data, List<String> inputs, List<String> labels,
            ColumnMapping mapping) {
        if (data == null || inputs == null || mapping == null) {
            throw new SparkException("data, indicators and column mapping must not be null");
        }
        StructType schema = data.schema();
        List<String> names = Arrays.asList(schema.fieldNames());
        int[] index = new int[inputs.size()];
        String[] columns = new String[inputs.size()];
        for (int j = 0; j < index.length; j++) {
            columns[j] = mapping.column(inputs.get(j));
            index[j] = numeric(schema, names, columns[j], inputs.get(j));
        }
        int[] labelIndex = new int[labels.size()];
        for (int k = 0; k < labelIndex.length; k++) {
            labelIndex[k] = numeric(schema, names, labels.get(k), "label");
        }
        int key = -1;
        if (mapping.key() != null) {
            key = names.indexOf(mapping.key());
            if (key < 0) {
                throw new SparkException("the Dataset has no key column '%s' (columns %s)", mapping.key(), names);
            }
        }
        return new RowReader(index, columns, labelIndex, labels.toArray(new String[0]), key, mapping.missing());
    }

    private static int numeric(StructType schema, List<String> names, String column, String input) {
        int k = names.indexOf(column);
        if (k < 0) {
            throw new SparkException("the Dataset has no column '%s' for the model input '%s' (columns %s)", column,
                input, names);
        }
        if (!(schema.fields()[k].dataType() instanceof NumericType)) {
            throw new SparkException("column '%s' must be numeric but is %s", column,
                schema.fields()[k].dataType().simpleString());
        }
        return k;
    }

    int width() {
        return index.length;
    }

    int labelCount() {
        return labelIndex.length;
    }

    boolean hasKey() {
        return keyIndex >= 0;
    }

    /**
     * Reads a row's inputs into values (and its label into labels[slot] when there is a label column).
     *
     * @return false if the row is dropped
     */
    boolean read(Row r, long position, double[] values, int[] labels, int slot) {
        for (int j = 0; j < index.length; j++) {
            int c = index[j];
            if (r.isNullAt(c)) {
                if (missing.policy() == MissingValues.Policy.REJECT) {
                    throw new SparkException("column '%s' is null in the row %s (missing values: reject)", columns[j],
                        name(r, position));
                }
                if (missing.policy() == MissingValues.Policy.DROP_ROWS) {
                    return false;
                }
                values[j] = missing.fillValue();
            } else {
                double v = ((Number) r.get(c)).doubleValue();
                if (!Double.isFinite(v)) {
                    throw new SparkException("column '%s' has the value %s in the row %s: values must be finite",
                        columns[j], v, name(r, position));
                }
                values[j] = v;
            }
        }
        for (int k = 0; k < labelIndex.length; k++) {
            int c = labelIndex[k];
            if (r.isNullAt(c)) {
                if (missing.policy() == MissingValues.Policy.DROP_ROWS) {
                    return false;
                }
                throw new SparkException("label column '%s' is null in the row %s", labelColumns[k],
                    name(r, position));
            }
            double v = ((Number) r.get(c)).doubleValue();
            if (!(v == Math.rint(v) && Math.abs(v) <= Integer.MAX_VALUE)) {
                throw new SparkException("label column '%s' has the value %s in the row %s: labels must be integers",
                    labelColumns[k], v, name(r, position));
            }
            labels[slot * labelIndex.length + k] = (int) v;
        }
        return true;
    }

    /** The row's id in a block: its key, or its partition and position. */
    String id(Row r, long position) {
        if (keyIndex >= 0) {
            return String.valueOf(r.get(keyIndex));
        }
        TaskContext task = TaskContext.get();
        return (task == null ? "" : task.partitionId() + ":") + position;
    }

    String name(Row r, long position) {
        if (keyIndex >= 0) {
            return "with key " + Messages.quote(String.valueOf(r.get(keyIndex)));
        }
        TaskContext task = TaskContext.get();
        return (task == null ? "" : "of partition " + task.partitionId() + " ") + "at position " + position;
    }
}
