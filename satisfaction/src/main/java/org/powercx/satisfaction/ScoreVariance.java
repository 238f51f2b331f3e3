package org.powercx.satisfaction;

/**
 * The variance construct scores are standardised to. Weights, loadings, paths and \( R^2 \) do not depend on it;
 * only the scale of the scores does: sample-variance scores are population-variance scores times
 * \( \sqrt{(n-1)/n} \) (a score with population variance 1 has sample variance \( n/(n-1) \)).
 *
 * @since 0.2.0
 */
public enum ScoreVariance {
    /** Population variance 1 (divisor \( n \)), as plspm and ADANCO report scores; the default. */
    POPULATION,
    /** Sample variance 1 (divisor \( n - 1 \)), as seminr (R {@code scale()}) and SmartPLS report scores. */
    SAMPLE
}
