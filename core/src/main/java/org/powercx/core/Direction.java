package org.powercx.core;

/**
 * Which values of an indicator are better.
 *
 * @since 0.1.0
 */
public enum Direction {
    /** Larger is better, for example annual consumption or fee revenue. */
    BENEFIT,
    /** Smaller is better, for example arrears or the number of equipment accidents. */
    COST,
    /** Closest to a target value is best, for example a load factor near a planned level. */
    TARGET
}
