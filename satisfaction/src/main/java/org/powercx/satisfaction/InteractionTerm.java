package org.powercx.satisfaction;

/**
 * An interaction term (moderation) of an {@link ExtendedPathModel}: the product of an exogenous construct and a
 * moderator, named {@code "iv*moderator"} as in seminr, whose path to an endogenous construct estimates how the
 * moderator changes the effect of the exogenous construct (Henseler and Chin 2010,
 * <a href="https://doi.org/10.1080/10705510903439003">doi:10.1080/10705510903439003</a>). Its measurement is
 * chosen by {@link InteractionMethod}. The main effects of both constructs belong in the model too.
 *
 * @param iv the exogenous (independent) construct, non-blank
 * @param moderator the moderating construct, non-blank and different from {@code iv}
 * @param method how the term is measured
 * @since 0.2.0
 */
public record InteractionTerm(String iv, String moderator, InteractionMethod method) {

    /**
     * Validates the components.
     *
     * @param iv the exogenous (independent) construct, non-blank
     * @param moderator the moderating construct, non-blank and different from {@code iv}
     * @param method how the term is measured
     * @throws SatisfactionException if a name is blank, both are the same or the method is null
     */
    public InteractionTerm {
        if (iv == null || iv.isBlank()) {
            throw new SatisfactionException("interaction term has a blank construct name");
        }
        if (moderator == null || moderator.isBlank()) {
            throw new SatisfactionException("interaction term of '%s' has a blank moderator name", iv);
        }
        if (iv.equals(moderator)) {
            throw new SatisfactionException("interaction term of '%s' with itself (a quadratic term) is not"
                + " supported", iv);
        }
        if (method == null) {
            throw new SatisfactionException("interaction term '%s*%s' has no method", iv, moderator);
        }
    }

    /**
     * A two-stage interaction term.
     *
     * @param iv the exogenous construct
     * @param moderator the moderator
     * @return the term
     * @throws SatisfactionException as the canonical constructor
     */
    public static InteractionTerm twoStage(String iv, String moderator) {
        return new InteractionTerm(iv, moderator, InteractionMethod.TWO_STAGE);
    }

    /**
     * A product-indicator interaction term.
     *
     * @param iv the exogenous construct
     * @param moderator the moderator
     * @return the term
     * @throws SatisfactionException as the canonical constructor
     */
    public static InteractionTerm productIndicator(String iv, String moderator) {
        return new InteractionTerm(iv, moderator, InteractionMethod.PRODUCT_INDICATOR);
    }

    /**
     * The construct name of the term, {@code iv + "*" + moderator}.
     *
     * @return the name
     */
    public String name() {
        return iv + "*" + moderator;
    }
}
