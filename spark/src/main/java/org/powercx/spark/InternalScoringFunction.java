package org.powercx.spark;

import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.JoinedRow;
import org.apache.spark.sql.catalyst.expressions.SpecificInternalRow;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructType;

/**
 * The partition function of {@link SparkScorer} on Spark's internal rows: the inputs are read from the rows by
 * column index as primitives (no conversion of a row to a {@code Row}, no boxing), each input row is copied once
 * and kept until its batch is scored, and it is returned joined with a results row reused for every row, whose
 * strings and string arrays are Spark's UTF-8 forms prepared once per task. The scan that takes the rows encodes
 * each joined row before it asks for the next one. The numbers read are those the {@code Row} path reads:
 * a float, an integer or a decimal is converted to double exactly as its boxed Java value would be.
 */
final class InternalScoringFunction extends PartitionScoring implements FlatMapFunction<Iterator<InternalRow>,
        InternalRow> {
    private static final long serialVersionUID = 1L;
    private static final int DOUBLE = 0;
    private static final int FLOAT = 1;
    private static final int LONG = 2;
    private static final int INT = 3;
    private static final int SHORT = 4;
    private static final int BYTE = 5;
    private static final int DECIMAL = 6;

    private final int[] kinds;
    private final int[] precision;
    private final int[] scale;
    private final DataType keyType;
    private final StructType results;

    private InternalScoringFunction(PartitionScoring where, int[] kinds, int[] precision, int[] scale,
            DataType keyType, StructType results) {
        super(where.model, where.inputIndex, where.inputColumns, where.keyIndex, where.missing, where.batchRows);
        this.kinds = kinds.clone();
        this.precision = precision.clone();
        this.scale = scale.clone();
        this.keyType = keyType;
        this.results = results;
    }

    /** The placement of the inputs and the key, before the column types are known. */
    private static final class Placement extends PartitionScoring {
        private static final long serialVersionUID = 1L;

        Placement(Broadcast<ModelPayload> model, int[] inputIndex, String[] inputColumns, int keyIndex,
                MissingValues missing, int batchRows) {
            super(model, inputIndex, inputColumns, keyIndex, missing, batchRows);
        }
    }

    /**
     * The function for a schema, or null when an input column has a numeric type this function does not read
     * (the caller then scores through {@code Row}s).
     */
    static InternalScoringFunction of(Broadcast<ModelPayload> model, StructType schema, int[] inputIndex,
            String[] inputColumns, int keyIndex, MissingValues missing, int batchRows, StructType results) {
        int[] kinds = new int[inputIndex.length];
        int[] precision = new int[inputIndex.length];
        int[] scale = new int[inputIndex.length];
        for (int j = 0; j < kinds.length; j++) {
            DataType t = schema.fields()[inputIndex[j]].dataType();
            if (t instanceof DoubleType) {
                kinds[j] = DOUBLE;
            } else if (t instanceof FloatType) {
                kinds[j] = FLOAT;
            } else if (t instanceof LongType) {
                kinds[j] = LONG;
            } else if (t instanceof IntegerType) {
                kinds[j] = INT;
            } else if (t instanceof ShortType) {
                kinds[j] = SHORT;
            } else if (t instanceof ByteType) {
                kinds[j] = BYTE;
            } else if (t instanceof DecimalType d) {
                kinds[j] = DECIMAL;
                precision[j] = d.precision();
                scale[j] = d.scale();
            } else {
                return null;
            }
        }
        DataType keyType = keyIndex < 0 ? null : schema.fields()[keyIndex].dataType();
        return new InternalScoringFunction(new Placement(model, inputIndex, inputColumns, keyIndex, missing,
            batchRows), kinds, precision, scale, keyType, results);
    }

    @Override
    public Iterator<InternalRow> call(Iterator<InternalRow> input) {
        // reused for every row: the scan encodes a returned row before it asks for the next
        SpecificInternalRow out = new SpecificInternalRow(results);
        JoinedRow joined = new JoinedRow();
        return new Batches<InternalRow>(input) {
            @Override
            boolean isNull(InternalRow r, int c) {
                return r.isNullAt(c);
            }

            @Override
            double number(InternalRow r, int j) {
                int c = inputIndex[j];
                switch (kinds[j]) {
                    case DOUBLE:
                        return r.getDouble(c);
                    case FLOAT:
                        return r.getFloat(c);
                    case LONG:
                        return r.getLong(c);
                    case INT:
                        return r.getInt(c);
                    case SHORT:
                        return r.getShort(c);
                    case BYTE:
                        return r.getByte(c);
                    default:
                        return r.getDecimal(c, precision[j], scale[j]).toJavaBigDecimal().doubleValue();
                }
            }

            @Override
            String keyText(InternalRow r) {
                return String.valueOf(CatalystTypeConverters.convertToScala(r.get(keyIndex, keyType), keyType));
            }

            @Override
            InternalRow keep(InternalRow r) {
                return r.copy();
            }

            @Override
            InternalRow emit(InternalRow r, int i) {
                kernel.write(i, out);
                return joined.apply(r, out);
            }
        };
    }
}
