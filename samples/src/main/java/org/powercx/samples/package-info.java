/**
 * Seeded generators of realistic power-customer tables and satisfaction surveys, and the bundled sample data
 * the demo, the guide and the benchmarks run on. Not needed to analyse one's own data.
 */
package org.powercx.samples;
