package org.powercx.spark;

import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.JoinedRow;
import org.apache.spark.sql.catalyst.expressions.SpecificInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.Platform;

/**
 * The partition function of {@link SparkScorer} on Spark's internal rows: the inputs are read from the rows by
 * column index as primitives (no conversion of a row to a {@code Row}, no boxing), the bytes of each input row are
 * copied once into an arena reused for every batch (no object per row) and kept until the batch is scored, and the
 * row is returned joined with a results row reused for every row, whose
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
    private final int inputWidth;
    /** The inputs' bits in a compact row's null bit set when every input is a double; null otherwise. */
    private final long[] nullMask;

    private InternalScoringFunction(PartitionScoring where, int[] kinds, int[] precision, int[] scale,
            DataType keyType, StructType results, int inputWidth) {
        super(where.model, where.inputIndex, where.inputColumns, where.keyIndex, where.missing, where.batchRows);
        this.inputWidth = inputWidth;
        boolean doubles = true;
        for (int k : kinds) {
            doubles &= k == DOUBLE;
        }
        if (doubles) {
            // the bits of the inputs in the null bit set of a compact row of the input's width
            this.nullMask = new long[(inputWidth + 63) / 64];
            for (int c : where.inputIndex) {
                nullMask[c >> 6] |= 1L << (c & 63);
            }
        } else {
            this.nullMask = null;
        }
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
            batchRows), kinds, precision, scale, keyType, results, schema.size());
    }

    @Override
    public Iterator<InternalRow> call(Iterator<InternalRow> input) {
        // reused for every row: the scan encodes a returned row before it asks for the next
        SpecificInternalRow out = new SpecificInternalRow(results);
        JoinedRow joined = new JoinedRow();
        return new Batches<InternalRow>(input) {
            // the kept input rows of a batch: the bytes of Spark's compact rows one after another in an arena
            // reused for every batch, read through one reused view; any other row is copied
            private byte[] arena = new byte[batchRows * 64];
            private int used;
            private final int[] offset = new int[batchRows];
            private final int[] length = new int[batchRows];
            private final InternalRow[] copied = new InternalRow[batchRows];
            private final UnsafeRow view = new UnsafeRow(inputWidth);

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
            boolean readAll(InternalRow r, double[][] into, int slot) {
                if (nullMask == null || !(r instanceof UnsafeRow u) || u.numFields() != inputWidth) {
                    return false;
                }
                // a compact row: its null bits, then one 8-byte word per field; read the doubles in place
                Object base = u.getBaseObject();
                long at = u.getBaseOffset();
                for (int w = 0; w < nullMask.length; w++) {
                    if ((Platform.getLong(base, at + 8L * w) & nullMask[w]) != 0) {
                        return false;
                    }
                }
                long fields = at + 8L * nullMask.length;
                for (int j = 0; j < inputIndex.length; j++) {
                    double v = Platform.getDouble(base, fields + 8L * inputIndex[j]);
                    if (!Double.isFinite(v)) {
                        return false;
                    }
                    into[j][slot] = v;
                }
                return true;
            }

            @Override
            String keyText(InternalRow r) {
                return String.valueOf(CatalystTypeConverters.convertToScala(r.get(keyIndex, keyType), keyType));
            }

            @Override
            void startBatch() {
                used = 0;
            }

            @Override
            void keep(InternalRow r, int slot) {
                if (r instanceof UnsafeRow u) {
                    // the bytes of the row, appended to the batch's arena: no object per row
                    int n = u.getSizeInBytes();
                    if (arena.length - used < n) {
                        arena = Arrays.copyOf(arena, (int) Math.min(Integer.MAX_VALUE - 8,
                            Math.max(2L * arena.length, (long) used + n)));
                    }
                    Platform.copyMemory(u.getBaseObject(), u.getBaseOffset(), arena, Platform.BYTE_ARRAY_OFFSET
                        + used, n);
                    offset[slot] = used;
                    length[slot] = n;
                    used += n;
                    copied[slot] = null;
                } else {
                    copied[slot] = r.copy();
                }
            }

            @Override
            InternalRow kept(int slot) {
                if (copied[slot] != null) {
                    return copied[slot];
                }
                view.pointTo(arena, Platform.BYTE_ARRAY_OFFSET + offset[slot], length[slot]);
                return view;
            }

            @Override
            InternalRow emit(InternalRow r, int i) {
                kernel.write(i, out);
                return joined.apply(r, out);
            }
        };
    }
}
