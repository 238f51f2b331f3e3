package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * Result of {@link PlsBootstrap}: the full-sample estimates and bootstrap summaries of outer weights, loadings,
 * path coefficients, total effects, \( R^2 \), HTMT (absolute and signed), total and specific indirect effects and
 * Cohen's \( f^2 \), with the number of resamples that failed (left out of the summaries). Immutable.
 *
 * @since 0.1.0
 */
public final class BootstrapResult {
    private final PlsResult original;
    private final List<BootstrapEstimate> all;
    private final int[] groupStart;
    private final boolean consistent;
    private final boolean tooManyChains;
    private final int resamples;
    private final int failed;
    private final double level;
    private final long seed;

    BootstrapResult(PlsResult original, List<BootstrapEstimate> all, ResampleEngine engine, int resamples,
            int failed, double level, long seed) {
        this.original = original;
        this.all = List.copyOf(all);
        this.groupStart = engine.groupStart.clone();
        this.consistent = engine.consistent;
        this.tooManyChains = engine.tooManyChains;
        this.resamples = resamples;
        this.failed = failed;
        this.level = level;
        this.seed = seed;
    }

    /**
     * The estimates on the full sample.
     *
     * @return the original result
     */
    public PlsResult original() {
        return original;
    }

    /**
     * Number of resamples drawn.
     *
     * @return \( B \)
     */
    public int resamples() {
        return resamples;
    }

    /**
     * Number of resamples that did not converge or were singular.
     *
     * @return the failed count
     */
    public int failedResamples() {
        return failed;
    }

    /**
     * Confidence level of the intervals.
     *
     * @return the level
     */
    public double confidenceLevel() {
        return level;
    }

    /**
     * The seed.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    private List<BootstrapEstimate> group(int g) {
        return all.subList(groupStart[g], groupStart[g + 1]);
    }

    /**
     * Outer weights, named by indicator.
     *
     * @return an unmodifiable list in indicator order
     */
    public List<BootstrapEstimate> weights() {
        return group(0);
    }

    /**
     * Loadings, named by indicator.
     *
     * @return an unmodifiable list in indicator order
     */
    public List<BootstrapEstimate> loadings() {
        return group(1);
    }

    /**
     * Path coefficients, named {@code "from -> to"}.
     *
     * @return an unmodifiable list
     */
    public List<BootstrapEstimate> paths() {
        return group(2);
    }

    /**
     * Total effects for every pair joined by a directed chain of paths, named {@code "from -> to"}.
     *
     * @return an unmodifiable list
     */
    public List<BootstrapEstimate> totalEffects() {
        return group(3);
    }

    /**
     * \( R^2 \) of the endogenous constructs, named by construct.
     *
     * @return an unmodifiable list
     */
    public List<BootstrapEstimate> rSquared() {
        return group(4);
    }

    /**
     * HTMT (absolute correlations) for every pair of constructs, named {@code "A -> B"} in model order.
     *
     * @return an unmodifiable list
     */
    public List<BootstrapEstimate> htmt() {
        return group(5);
    }

    /**
     * Total indirect effects (total minus direct effect) for every pair joined by a chain of two or more paths,
     * named {@code "from -> to"}: the mediated part of an effect (Zhao, Lynch and Chen 2010; Nitzl, Roldán and
     * Cepeda 2016, <a href="https://doi.org/10.1108/IMDS-07-2015-0302">doi:10.1108/IMDS-07-2015-0302</a>); an
     * indirect effect is significant when its interval excludes 0.
     *
     * @return an unmodifiable list
     * @since 0.2.0
     */
    public List<BootstrapEstimate> indirectEffects() {
        return group(6);
    }

    /**
     * Specific indirect effects, the product of the path coefficients along one chain of two or more paths, named
     * by the chain, e.g. {@code "QUAL -> VAL -> SAT"}; the specific effects between two constructs add up to their
     * total indirect effect. Empty when the model has more than 1,000 chains (see
     * {@link #specificIndirectEffectsOmitted()}).
     *
     * @return an unmodifiable list, chains ordered by source construct, then depth first in model order
     * @since 0.2.0
     */
    public List<BootstrapEstimate> specificIndirectEffects() {
        return group(7);
    }

    /**
     * Whether the model has more than 1,000 chains of two or more paths, so that no specific indirect effect was
     * bootstrapped (the total indirect effects still are).
     *
     * @return true if the specific indirect effects were left out
     * @since 0.2.0
     */
    public boolean specificIndirectEffectsOmitted() {
        return tooManyChains;
    }

    /**
     * HTMT with signed correlations (as ADANCO reports it) for every pair of constructs, named {@code "A -> B"} in
     * model order. Discriminant validity at a threshold (0.85 or 0.90, or 1 for the HTMT inference of Henseler,
     * Ringle and Sarstedt 2015) is supported when the upper limit of the interval is below it; with a
     * {@linkplain PlsBootstrap#withConfidenceLevel(double) confidence level} of 0.90 the upper limit is the
     * one-sided 95 % bound.
     *
     * @return an unmodifiable list
     * @since 0.2.0
     */
    public List<BootstrapEstimate> signedHtmt() {
        return group(8);
    }

    /**
     * Cohen's \( f^2 = (R^2_{incl} - R^2_{excl})/(1 - R^2_{incl}) \) of every path, named {@code "from -> to"},
     * with \( R^2_{excl} \) from the construct scores kept (as {@link PlsQuality#fSquared()}, SmartPLS, ADANCO and
     * cSEM compute it).
     *
     * @return an unmodifiable list
     * @since 0.2.0
     */
    public List<BootstrapEstimate> fSquared() {
        return group(9);
    }

    /**
     * Whether loadings, paths, total and indirect effects, \( R^2 \) and \( f^2 \) are consistent PLS (PLSc)
     * estimates ({@link PlsBootstrap#withConsistentPls(boolean)}); {@link #original()} is then the PLS solution
     * they were corrected from.
     *
     * @return true for a PLSc bootstrap
     * @since 0.2.0
     */
    public boolean consistent() {
        return consistent;
    }

    /**
     * Looks up one estimate in a list by name.
     *
     * @param list one of the lists of this result
     * @param name the parameter name
     * @return the estimate
     * @throws SatisfactionException if the list has no such parameter
     */
    public static BootstrapEstimate find(List<BootstrapEstimate> list, String name) {
        for (BootstrapEstimate e : list) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new SatisfactionException("no bootstrap estimate named '%s'", name);
    }

    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        for (BootstrapEstimate e : paths()) {
            rows.add(List.of(e.name(), TextTable.number(e.original()), TextTable.number(e.standardError()),
                TextTable.number(e.t()), TextTable.number(e.p()), TextTable.number(e.lower()),
                TextTable.number(e.upper())));
        }
        return "Bootstrap" + (consistent ? " (PLSc)" : "") + ": " + resamples + " resamples (" + failed
            + " failed), seed " + seed + "\n"
            + TextTable.render(List.of("path", "estimate", "SE", "t", "p", "lower", "upper"), rows);
    }
}
