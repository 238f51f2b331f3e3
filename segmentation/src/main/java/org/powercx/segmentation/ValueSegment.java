package org.powercx.segmentation;

/**
 * The four cells of the current-value by potential-value matrix of the value-evaluation seed.
 *
 * @since 0.1.0
 */
public enum ValueSegment {
    /** High current and high potential value: keep and grow with dedicated service. */
    KEY("key"),
    /** Low current but high potential value: develop. */
    DEVELOP("develop"),
    /** High current but low potential value: maintain. */
    MAINTAIN("maintain"),
    /** Low current and low potential value: basic, standardised service. */
    BASIC("basic");

    private final String label;

    ValueSegment(String label) {
        this.label = label;
    }

    /**
     * The lower-case label used in policy tables and reports.
     *
     * @return for example {@code "key"}
     */
    public String label() {
        return label;
    }

    /**
     * The segment of a pair of high/low flags.
     *
     * @param highCurrent whether current value reaches its cut-off
     * @param highPotential whether potential value reaches its cut-off
     * @return the segment
     */
    public static ValueSegment of(boolean highCurrent, boolean highPotential) {
        if (highCurrent) {
            return highPotential ? KEY : MAINTAIN;
        }
        return highPotential ? DEVELOP : BASIC;
    }
}
