/** Placeholder until the benchmarks issue lands. */
package org.powercx.benchmarks;
