package org.powercx.grey;

/**
 * What {@link GreyModel} does when a series fails the level-ratio admissibility test.
 *
 * @since 0.1.0
 */
public enum LevelRatioPolicy {
    /** Fit the series as given and report the failed test. */
    REPORT,
    /**
     * If the test fails, add a constant \(c\) to the series before fitting, 1.1 times the smallest constant
     * that brings every level ratio inside the admissible interval, and subtract it from fitted values and
     * forecasts. An admissible series is fitted unchanged.
     */
    SHIFT
}
