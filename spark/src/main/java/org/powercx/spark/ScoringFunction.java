package org.powercx.spark;

import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The partition function of {@link SparkScorer} on Spark's public {@code Row}s, for a Dataset whose internal rows
 * are not at hand (a streaming Dataset): reads the partition's rows in batches into column arrays, scores each
 * batch with the broadcast model's kernel in the task's thread, and returns each input row with the results
 * appended, lazily and in input order.
 */
final class ScoringFunction extends PartitionScoring implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final int width;
    private final int outputs;

    ScoringFunction(Broadcast<ModelPayload> model, int[] inputIndex, String[] inputColumns, int keyIndex,
            MissingValues missing, int[] shape) {
        super(model, inputIndex, inputColumns, keyIndex, missing, shape[0]);
        this.width = shape[1];
        this.outputs = shape[2];
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        return new Batches<Row>(input) {
            @Override
            boolean isNull(Row r, int c) {
                return r.isNullAt(c);
            }

            @Override
            double number(Row r, int j) {
                return ((Number) r.get(inputIndex[j])).doubleValue();
            }

            @Override
            String keyText(Row r) {
                return String.valueOf(r.get(keyIndex));
            }

            @Override
            Row emit(Row r, int i) {
                Object[] values = new Object[width + outputs];
                for (int k = 0; k < width; k++) {
                    values[k] = r.get(k);
                }
                kernel.write(i, values, width);
                return RowFactory.create(values);
            }
        };
    }
}
