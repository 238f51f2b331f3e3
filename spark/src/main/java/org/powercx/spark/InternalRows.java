package org.powercx.spark;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.types.StructType;

/**
 * A Dataset's internal rows, mapped partition by partition into a new Dataset of a given schema, without Spark's
 * conversions to and from {@code Row}. It uses two members Spark keeps for its own modules and connectors,
 * reached by name so that one jar runs on Spark 3.5 and 4.0 (whose classic Dataset and session are other classes):
 * {@code Dataset.queryExecution().toRdd()} and {@code SparkSession.internalCreateDataFrame(rdd, schema, false)}.
 * When either is missing the caller falls back to the public {@code Row} path.
 */
final class InternalRows {
    private InternalRows() {
    }

    /**
     * The mapped Dataset, or null when this Spark does not offer the members.
     *
     * @throws SparkException if Spark fails while planning the input
     */
    @SuppressWarnings("unchecked")
    static Dataset<Row> map(Dataset<Row> data, InternalScoringFunction function, StructType schema) {
        Method plan;
        Method create;
        SparkSession session = data.sparkSession();
        try {
            plan = data.getClass().getMethod("queryExecution");
            create = session.getClass().getMethod("internalCreateDataFrame", RDD.class, StructType.class,
                boolean.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
        try {
            Object execution = plan.invoke(data);
            if (!(execution instanceof QueryExecution q)) {
                return null;
            }
            RDD<InternalRow> rows = q.toRdd();
            RDD<InternalRow> scored = rows.toJavaRDD().mapPartitions(function).rdd();
            return (Dataset<Row>) create.invoke(session, scored, schema, false);
        } catch (IllegalAccessException e) {
            return null;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new SparkException("Spark failed to plan the Dataset: %s", String.valueOf(cause));
        }
    }
}
