package org.powercx.spark;

import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructField;

/**
 * One task's scorer: a model's column kernel with buffers for a batch of rows. Not thread-safe; one per task.
 */
abstract class BatchKernel {
    /** The model inputs, in the order of the columns handed to {@link #score(double[][], int)}. */
    abstract List<String> inputs();

    /** The appended result columns. */
    abstract List<StructField> outputs(String prefix);

    /** Scores rows [0, n) of the columns; the library's kernel does every calculation. */
    abstract void score(double[][] columns, int n);

    /** Writes the results of row i of the last batch into values[offset ..]. */
    abstract void write(int i, Object[] values, int offset);

    /**
     * Writes the results of row i of the last batch into fields [0, outputs) of a row of Spark's internal types
     * (doubles unboxed, strings as prepared UTF-8 strings), the same values as {@link #write(int, Object[], int)}.
     */
    abstract void write(int i, InternalRow results);
}
