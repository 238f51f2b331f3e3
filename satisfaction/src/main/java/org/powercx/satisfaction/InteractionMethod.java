package org.powercx.satisfaction;

/**
 * How an {@link InteractionTerm} (moderation) is measured, as seminr's {@code interaction_term(iv, moderator,
 * method)} defines the methods (Chin, Marcolin and Newsted 2003,
 * <a href="https://doi.org/10.1287/isre.14.2.189.16018">doi:10.1287/isre.14.2.189.16018</a>; Henseler and Chin
 * 2010, <a href="https://doi.org/10.1080/10705510903439003">doi:10.1080/10705510903439003</a>).
 *
 * @since 0.2.0
 */
public enum InteractionMethod {
    /**
     * Two-stage approach: stage 1 estimates the model without interaction terms; the product
     * \( y_{iv} \cdot y_{mod} \) of the standardised stage-1 scores is the single indicator of the interaction
     * construct in stage 2 (indicator name {@code "iv*moderator_intxn"}).
     */
    TWO_STAGE,
    /**
     * Product-indicator approach: every pairwise product \( z_{iv,k} \cdot z_{mod,l} \) of the standardised
     * indicators of the two constructs is an indicator of the interaction construct, Mode A
     * (indicator names {@code "x*y"}).
     */
    PRODUCT_INDICATOR
}
