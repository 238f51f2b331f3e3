package org.powercx.satisfaction;

/**
 * The estimates of one bootstrap resample, handed to the consumer of
 * {@link PlsBootstrap#run(PathModel, org.powercx.core.IndicatorTable, long, java.util.function.Consumer)} so that
 * a custom statistic (a difference of two paths, a ratio of effects) can be summarised over the resamples without
 * the draws being kept. Values are looked up by the names {@link BootstrapResult} uses; a resample that did not
 * converge ({@link #converged()} false) gives NaN for every value. Immutable.
 *
 * @since 0.2.0
 */
public final class BootstrapDraw {
    private final ResampleEngine engine;
    private final int resample;
    private final double[] values;

    BootstrapDraw(ResampleEngine engine, int resample, double[] values) {
        this.engine = engine;
        this.resample = resample;
        this.values = values;
    }

    /**
     * Returns the index of the resample, 0 to \( B - 1 \), the order in which draws are handed over.
     *
     * @return the resample index
     */
    public int resample() {
        return resample;
    }

    /**
     * Returns whether the resample converged (a failed one is left out of the summaries).
     *
     * @return true if its values are estimates, false if they are all NaN
     */
    public boolean converged() {
        return values != null;
    }

    /**
     * Returns an outer weight.
     *
     * @param indicator the indicator
     * @return its weight in this resample
     * @throws SatisfactionException if the indicator is unknown
     */
    public double weight(String indicator) {
        return value(0, indicator, "indicator");
    }

    /**
     * Returns a loading (PLSc loading in a consistent bootstrap).
     *
     * @param indicator the indicator
     * @return its loading in this resample
     * @throws SatisfactionException if the indicator is unknown
     */
    public double loading(String indicator) {
        return value(1, indicator, "indicator");
    }

    /**
     * Returns a path coefficient.
     *
     * @param from the source construct
     * @param to the target construct
     * @return the coefficient in this resample
     * @throws SatisfactionException if the model has no such path
     */
    public double pathCoefficient(String from, String to) {
        return value(2, from + " -> " + to, "path");
    }

    /**
     * Returns a total effect.
     *
     * @param from the source construct
     * @param to the target construct
     * @return the total effect in this resample
     * @throws SatisfactionException if no chain of paths leads from one to the other
     */
    public double totalEffect(String from, String to) {
        return value(3, from + " -> " + to, "total effect");
    }

    /**
     * Returns the \( R^2 \) of an endogenous construct.
     *
     * @param construct the construct
     * @return its \( R^2 \) in this resample
     * @throws SatisfactionException if the construct is not endogenous
     */
    public double rSquared(String construct) {
        return value(4, construct, "endogenous construct");
    }

    /**
     * Returns the HTMT (absolute correlations) of two constructs, in either order.
     *
     * @param a one construct
     * @param b the other
     * @return the HTMT in this resample
     * @throws SatisfactionException if a construct is unknown or they are the same
     */
    public double htmt(String a, String b) {
        return pair(5, a, b);
    }

    /**
     * Returns the total indirect effect (total minus direct).
     *
     * @param from the source construct
     * @param to the target construct
     * @return the indirect effect in this resample
     * @throws SatisfactionException if no chain of two or more paths leads from one to the other
     */
    public double indirectEffect(String from, String to) {
        return value(6, from + " -> " + to, "indirect effect");
    }

    /**
     * Returns a specific indirect effect, the product of the paths along a chain.
     *
     * @param chain the chain as {@link BootstrapResult#specificIndirectEffects()} names it, e.g.
     *     {@code "QUAL -> VAL -> SAT"}
     * @return the effect in this resample
     * @throws SatisfactionException if there is no such chain
     */
    public double specificIndirectEffect(String chain) {
        return value(7, chain, "chain");
    }

    /**
     * Returns the HTMT with signed correlations of two constructs, in either order.
     *
     * @param a one construct
     * @param b the other
     * @return the signed HTMT in this resample
     * @throws SatisfactionException if a construct is unknown or they are the same
     */
    public double signedHtmt(String a, String b) {
        return pair(8, a, b);
    }

    /**
     * Returns Cohen's \( f^2 \) of a path.
     *
     * @param from the source construct
     * @param to the target construct
     * @return the effect size in this resample
     * @throws SatisfactionException if the model has no such path
     */
    public double fSquared(String from, String to) {
        return value(9, from + " -> " + to, "path");
    }

    private double pair(int group, String a, String b) {
        Integer at = engine.index.get(group).get(a + " -> " + b);
        if (at == null) {
            at = engine.index.get(group).get(b + " -> " + a);
        }
        if (at == null) {
            throw new SatisfactionException("no construct pair '%s' and '%s'", a, b);
        }
        return values == null ? Double.NaN : values[engine.groupStart[group] + at];
    }

    private double value(int group, String name, String what) {
        Integer at = engine.index.get(group).get(name);
        if (at == null) {
            throw new SatisfactionException("no %s '%s' in the bootstrap", what, name);
        }
        return values == null ? Double.NaN : values[engine.groupStart[group] + at];
    }

    @Override
    public String toString() {
        return "BootstrapDraw[resample=" + resample + ", converged=" + converged() + "]";
    }
}
