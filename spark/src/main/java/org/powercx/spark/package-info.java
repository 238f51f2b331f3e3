/**
 * PowerCX models on Apache Spark: a {@code Dataset<Row>} scored by the library's column kernels partition by
 * partition, and grey relational and discriminant models fitted from per-partition statistics merged in
 * partition order, both bit-identical to the same calls on one machine. Spark is a provided dependency; the
 * API takes and returns Spark's Java types only.
 */
package org.powercx.spark;
