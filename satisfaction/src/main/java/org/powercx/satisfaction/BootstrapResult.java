package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * Result of {@link PlsBootstrap}: the full-sample estimates and bootstrap summaries of outer weights, loadings,
 * path coefficients, total effects, \( R^2 \) and HTMT, with the number of resamples that failed (left out of
 * the summaries). Immutable.
 *
 * @since 0.1.0
 */
public final class BootstrapResult {
    private final PlsResult original;
    private final List<BootstrapEstimate> all;
    private final int[] groupStart;
    private final int resamples;
    private final int failed;
    private final double level;
    private final long seed;

    BootstrapResult(PlsResult original, List<BootstrapEstimate> all, int[] groupStart, int resamples, int failed,
            double level, long seed) {
        this.original = original;
        this.all = List.copyOf(all);
        this.groupStart = groupStart.clone();
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
        return "Bootstrap: " + resamples + " resamples (" + failed + " failed), seed " + seed + "\n"
            + TextTable.render(List.of("path", "estimate", "SE", "t", "p", "lower", "upper"), rows);
    }
}
