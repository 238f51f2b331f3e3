package org.powercx.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.powercx.core.internal.Messages;

/**
 * What the partition functions of {@link SparkScorer} share: where the inputs and the key are, the missing-value
 * policy, and the batching of a partition's rows into column arrays for the broadcast model's kernel. The two
 * subclasses differ only in the rows they read and write: Spark's {@code Row}s ({@link ScoringFunction}) or its
 * internal rows ({@link InternalScoringFunction}).
 */
abstract class PartitionScoring implements Serializable {
    private static final long serialVersionUID = 1L;

    final Broadcast<ModelPayload> model;
    final int[] inputIndex;
    final String[] inputColumns;
    final int keyIndex;
    final MissingValues missing;
    final int batchRows;

    PartitionScoring(Broadcast<ModelPayload> model, int[] inputIndex, String[] inputColumns, int keyIndex,
            MissingValues missing, int batchRows) {
        this.model = model;
        this.inputIndex = inputIndex.clone();
        this.inputColumns = inputColumns.clone();
        this.keyIndex = keyIndex;
        this.missing = missing;
        this.batchRows = batchRows;
    }

    /**
     * The rows of one partition, scored batch by batch, lazily and in input order: a batch's inputs are read into
     * primitive column arrays reused for every batch, the kernel scores them, and each kept row is returned with
     * its results.
     *
     * @param <R> the row type
     */
    abstract class Batches<R> implements Iterator<R> {
        private final Iterator<R> input;
        final BatchKernel kernel;
        private final Object[] rows = new Object[batchRows];
        private final long[] positions = new long[batchRows];
        private final double[][] columns = new double[inputIndex.length][batchRows];
        private final MissingValues.Policy policy = missing.policy();
        private long read;
        private int size;
        private int next;

        Batches(Iterator<R> input) {
            this.input = input;
            this.kernel = model.value().newKernel(batchRows);
        }

        /** Whether the row's column c is null. */
        abstract boolean isNull(R r, int c);

        /** The row's j-th model input (column inputIndex[j], not null) as a double. */
        abstract double number(R r, int j);

        /**
         * Reads all the row's inputs into {@code columns[j][slot]} at once when none is null and all are finite,
         * the common case, and returns true; false (the default) leaves the row to the reading column by column,
         * which applies the missing-value policy and names what it refuses.
         */
        boolean readAll(R r, double[][] into, int slot) {
            return false;
        }

        /** The row's key as text. */
        abstract String keyText(R r);

        /**
         * Keeps the row until its batch is scored, as kept row {@code slot} (a copy when the input reuses its row
         * objects).
         */
        void keep(R r, int slot) {
            rows[slot] = r;
        }

        /** Kept row {@code slot} of the batch (a view that may be reused by the next call). */
        @SuppressWarnings("unchecked")
        R kept(int slot) {
            return (R) rows[slot];
        }

        /** Called before the rows of a new batch are read: the rows kept for the last batch are no longer needed. */
        void startBatch() {
        }

        /** The output row of kept row i of the scored batch. */
        abstract R emit(R r, int i);

        @Override
        public boolean hasNext() {
            if (next < size) {
                return true;
            }
            fill();
            return size > 0;
        }

        @Override
        public R next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            R r = kept(next);
            rows[next] = null;
            return emit(r, next++);
        }

        private void fill() {
            size = 0;
            next = 0;
            startBatch();
            while (size < batchRows && input.hasNext()) {
                R r = input.next();
                read++;
                if (readAll(r, columns, size)) {
                    positions[size] = read - 1;
                    keep(r, size++);
                    continue;
                }
                boolean keep = true;
                for (int j = 0; j < inputIndex.length; j++) {
                    double v;
                    if (isNull(r, inputIndex[j])) {
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
                        v = number(r, j);
                        if (!Double.isFinite(v)) {
                            throw new SparkException("column '%s' has the value %s in the row %s: values must be finite",
                                inputColumns[j], v, key(r, read - 1));
                        }
                    }
                    columns[j][size] = v;
                }
                if (keep) {
                    positions[size] = read - 1;
                    keep(r, size++);
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
                    return new SparkException("scoring the row " + key(kept(i), positions[i]), e);
                }
            }
            String first = key(kept(0), positions[0]);
            return new SparkException("scoring the batch from the row " + first + " to the row "
                + key(kept(size - 1), positions[size - 1]), batch);
        }

        private String key(R r, long position) {
            if (keyIndex >= 0) {
                return "with key " + Messages.quote(keyText(r));
            }
            TaskContext task = TaskContext.get();
            return (task == null ? "" : "of partition " + task.partitionId() + " ") + "at position " + position;
        }
    }
}
