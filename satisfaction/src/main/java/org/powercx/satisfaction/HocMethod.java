package org.powercx.satisfaction;

/**
 * How {@link ExtendedPls} estimates a {@link HigherOrderConstruct} (Becker, Klein and Wetzels 2012,
 * <a href="https://doi.org/10.1016/j.lrp.2012.10.001">doi:10.1016/j.lrp.2012.10.001</a>; Sarstedt et al. 2019,
 * <a href="https://doi.org/10.1016/j.ausmj.2019.05.003">doi:10.1016/j.ausmj.2019.05.003</a>).
 *
 * @since 0.2.0
 */
public enum HocMethod {
    /**
     * Two-stage (embedded) approach, as seminr's {@code higher_composite(..., method = two_stage)}: stage 1
     * estimates the model with every higher-order construct replaced by its dimensions (the construct's
     * antecedents drive each dimension, each dimension drives the construct's outcomes); the stage-1 scores of
     * the dimensions are then the indicators of the higher-order construct in stage 2.
     */
    TWO_STAGE,
    /**
     * Repeated-indicators approach (Lohm&ouml;ller 1989): the higher-order construct's block is the union of its
     * dimensions' indicators, which keep their own blocks as well; a reflective (Mode A) higher-order construct
     * drives its dimensions, a formative (Mode B) one is driven by them. Antecedents of a formative higher-order
     * construct then explain almost nothing (its dimensions explain it fully), the reason Becker et al. advise the
     * two-stage approach for that case.
     */
    REPEATED_INDICATORS
}
