package org.powercx.satisfaction;

/**
 * How unanswered items (NaN) are handled before PLS estimation.
 *
 * @since 0.1.0
 */
public enum MissingTreatment {
    /** Each missing answer is replaced by the mean of the indicator's observed answers. */
    MEAN_REPLACEMENT,
    /** Respondents with any missing answer are removed (listwise deletion). */
    CASEWISE_DELETION
}
