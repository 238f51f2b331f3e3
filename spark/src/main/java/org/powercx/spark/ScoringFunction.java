package org.powercx.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The partition function of {@link SparkScorer}: reads the partition's rows in batches into column arrays, scores
 * each batch with the broadcast model's kernel in the task's thread, and returns each input row with the results
 * appended, lazily and in input order.
 */
final class ScoringFunction implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<ModelPayload> model;
    private final int[] inputIndex;
    private final String[] inputColumns;
    private final int keyIndex;
    private final MissingValues missing;
    private final int batchRows;
    private final int width;
    private final int outputs;

    ScoringFunction(Broadcast<ModelPayload> model, int[] inputIndex, String[] inputColumns, int keyIndex,
            MissingValues missing, int[] shape) {
        this.model = model;
        this.inputIndex = inputIndex.clone();
        this.inputColumns = inputColumns.clone();
        this.keyIndex = keyIndex;
        this.missing = missing;
        this.batchRows = shape[0];
        this.width = shape[1];
        this.outputs = shape[2];
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        return new Batches(input, model.value().newKernel(batchRows));
    }

    /** The rows of one partition, scored batch by batch. */
    private final class Batches implements Iterator<Row> {
        private final Iterator<Row> input;
        private final BatchKernel kernel;
        private final Row[] rows = new Row[batchRows];
        private final long[] positions = new long[batchRows];
        private final double[][] columns = new double[inputIndex.length][batchRows];
        private final MissingValues.Policy policy = missing.policy();
        private long read;
        private int size;
        private int next;

        Batches(Iterator<Row> input, BatchKernel kernel) {
            this.input = input;
            this.kernel = kernel;
        }

        @Override
        public boolean hasNext() {
            if (next < size) {
                return true;
            }
            fill();
            return size > 0;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row r = rows[next];
            Object[] values = new Object[width + outputs];
            for (int k = 0; k < width; k++) {
                values[k] = r.get(k);
            }
            kernel.write(next, values, width);
            rows[next++] = null;
            return RowFactory.create(values);
        }

        private void fill() {
            size = 0;
            next = 0;
            while (size < batchRows && input.hasNext()) {
                Row r = input.next();
                read++;
                boolean keep = true;
                for (int j = 0; j < inputIndex.length; j++) {
                    int c = inputIndex[j];
                    double v;
                    if (r.isNullAt(c)) {
                        if (policy == MissingValues.Policy.REJECT) {
                            throw new SparkException("column '%s' is null in the row %s (missing values: reject)",
                                inputColumns[j], key(r, read - 1));
                        }
                        if (policy == MissingValues.Policy.DROP_ROWS) {
                            keep = false;
                            break;
                        }
                        v = missing.fillValue();
                    } else {
                        v = ((Number) r.get(c)).doubleValue();
                        if (!Double.isFinite(v)) {
                            throw new SparkException("column '%s' has the value %s in the row %s: values must be finite",
                                inputColumns[j], v, key(r, read - 1));
                        }
                    }
                    columns[j][size] = v;
                }
                if (keep) {
                    positions[size] = read - 1;
                    rows[size++] = r;
                }
            }
            if (size > 0) {
                try {
                    kernel.score(columns, size);
                } catch (IllegalArgumentException e) {
                    throw refusal(e);
                }
            }
        }

        /** The kernel refused a batch: rescore its rows one by one to name the row it refuses. */
        private SparkException refusal(IllegalArgumentException batch) {
            double[][] one = new double[columns.length][1];
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < one.length; j++) {
                    one[j][0] = columns[j][i];
                }
                try {
                    kernel.score(one, 1);
                } catch (IllegalArgumentException e) {
                    return new SparkException("scoring the row " + key(rows[i], positions[i]), e);
                }
            }
            return new SparkException("scoring the batch from the row " + key(rows[0], positions[0]) + " to the row "
                + key(rows[size - 1], positions[size - 1]), batch);
        }

        private String key(Row r, long position) {
            if (keyIndex >= 0) {
                return "with key " + org.powercx.core.internal.Messages.quote(String.valueOf(r.get(keyIndex)));
            }
            TaskContext task = TaskContext.get();
            return (task == null ? "" : "of partition " + task.partitionId() + " ") + "at position " + position;
        }
    }
}
