/**
 * Indicator tables read from a SQL query through plain JDBC, whole or in streamed blocks, and results (scores,
 * grades, segments, service measures) written back in batches inside one transaction.
 */
package org.powercx.jdbc;
