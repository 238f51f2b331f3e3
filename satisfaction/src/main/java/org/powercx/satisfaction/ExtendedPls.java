package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.powercx.core.IndicatorTable;

/**
 * Estimates an {@link ExtendedPathModel}: PLS path modeling with higher-order constructs and interaction terms,
 * in stages of {@link PlsPm} estimations, as seminr's {@code estimate_pls} does.
 *
 * <ol>
 * <li>Higher-order constructs, {@link HocMethod#TWO_STAGE} (Becker, Klein and Wetzels 2012,
 * <a href="https://doi.org/10.1016/j.lrp.2012.10.001">doi:10.1016/j.lrp.2012.10.001</a>): stage 1 estimates the
 * model in which each higher-order construct \( H \) with dimensions \( D_1, \dots, D_K \) is replaced by them
 * (every antecedent of \( H \) drives every \( D_k \), every \( D_k \) drives every outcome of \( H \)), without
 * interaction terms; the standardised scores \( y_{D_k} \) become the indicators of \( H \), in Mode A or
 * Mode B (reflective-formative, regression weights \( w = R_{DD}^{-1} r_{Dz} \)). With
 * {@link HocMethod#REPEATED_INDICATORS} the block of \( H \) repeats the dimensions' indicators and there is no
 * stage 1.</li>
 * <li>Interaction terms (Henseler and Chin 2010,
 * <a href="https://doi.org/10.1080/10705510903439003">doi:10.1080/10705510903439003</a>; Chin, Marcolin and
 * Newsted 2003, <a href="https://doi.org/10.1287/isre.14.2.189.16018">doi:10.1287/isre.14.2.189.16018</a>):
 * {@link InteractionMethod#TWO_STAGE} estimates the model of step 1 without the terms and takes
 * \( y_{iv} \cdot y_{mod} \) as the single indicator of {@code iv*moderator};
 * {@link InteractionMethod#PRODUCT_INDICATOR} takes the products \( z_k z_l \) of the indicators of both
 * constructs, each standardised to mean 0 and variance 1.</li>
 * <li>The final estimation of the whole model, whose path coefficients, \( R^2 \) and scores are reported. As
 * Henseler and Chin (2010) require, and as seminr computes it, the interaction term enters the structural
 * regression unstandardised: its standardised score is multiplied by
 * \( s = \sum_k \mathrm{sd}(x_k) |\lambda_k| / \sum_k |\lambda_k| \) over its indicators \( x_k \) (for the
 * two-stage term, \( s = \mathrm{sd}(y_{iv} y_{mod}) \)), so the interaction path is
 * \( \gamma = \beta^{std} / s \): the change of the effect of {@code iv} per standard deviation of the
 * moderator. Other paths and \( R^2 \) are not affected.</li>
 * </ol>
 *
 * <p>Higher-order estimates do not depend on the variance divisor (n or n - 1) of scores; the interaction
 * coefficients do, by \( \sqrt{n/(n-1)} \): {@link #with(ScoreVariance)} chooses it ({@link ScoreVariance#SAMPLE}
 * reproduces seminr). Instances are immutable and thread-safe.
 *
 * @since 0.2.0
 */
public final class ExtendedPls {
    private static final ExtendedPls DEFAULTS = new ExtendedPls(PlsPm.withDefaults(), HocMethod.TWO_STAGE,
        ScoreVariance.POPULATION);

    private final PlsPm estimator;
    private final HocMethod method;
    private final ScoreVariance variance;

    private ExtendedPls(PlsPm estimator, HocMethod method, ScoreVariance variance) {
        this.estimator = estimator;
        this.method = method;
        this.variance = variance;
    }

    /**
     * The default: {@link PlsPm#withDefaults()} in every stage and the two-stage approach for higher-order
     * constructs.
     *
     * @return the default estimator
     */
    public static ExtendedPls withDefaults() {
        return DEFAULTS;
    }

    /**
     * Returns an estimator that runs every stage with another PLS estimator (scheme, tolerance).
     *
     * @param newEstimator the estimator
     * @return a new estimator
     * @throws SatisfactionException if the estimator is null
     */
    public ExtendedPls with(PlsPm newEstimator) {
        if (newEstimator == null) {
            throw new SatisfactionException("PLS estimator is null");
        }
        return new ExtendedPls(newEstimator, method, variance);
    }

    /**
     * Returns an estimator with another method for higher-order constructs.
     *
     * @param newMethod the method
     * @return a new estimator
     * @throws SatisfactionException if the method is null
     */
    public ExtendedPls with(HocMethod newMethod) {
        if (newMethod == null) {
            throw new SatisfactionException("higher-order construct method is null");
        }
        return new ExtendedPls(estimator, newMethod, variance);
    }

    /**
     * Returns an estimator whose interaction terms use another variance convention: the standardised scores and
     * indicators that are multiplied, and the standard deviations of the products (see the class comment), have
     * population (divisor n) or sample (divisor n - 1, seminr's {@code scale}) variance 1. Only the coefficients
     * of interaction terms depend on it (by the factor \( \sqrt{n/(n-1)} \)).
     *
     * @param newVariance the convention
     * @return a new estimator
     * @throws SatisfactionException if the convention is null
     */
    public ExtendedPls with(ScoreVariance newVariance) {
        if (newVariance == null) {
            throw new SatisfactionException("score variance is null");
        }
        return new ExtendedPls(estimator, method, newVariance);
    }

    /**
     * The variance convention of interaction terms.
     *
     * @return the convention
     */
    public ScoreVariance scoreVariance() {
        return variance;
    }

    /**
     * The PLS estimator of every stage.
     *
     * @return the estimator
     */
    public PlsPm estimator() {
        return estimator;
    }

    /**
     * The method for higher-order constructs.
     *
     * @return the method
     */
    public HocMethod method() {
        return method;
    }

    /**
     * Estimates the model.
     *
     * @param model the model
     * @param data the answers; must contain every indicator of the first-order constructs
     * @return the estimates of every stage
     * @throws SatisfactionException if an argument is null, an indicator is missing or a stage fails as
     *     {@link PlsPm#fit(PathModel, IndicatorTable)} describes
     */
    public ExtendedPlsResult fit(ExtendedPathModel model, IndicatorTable data) {
        Map<String, double[]> columns = columns(model, data);
        return estimate(model, columns, data.rowCount(), data.ids());
    }

    /** The first-order indicator columns of the model, validated. */
    static Map<String, double[]> columns(ExtendedPathModel model, IndicatorTable data) {
        if (model == null) {
            throw new SatisfactionException("extended path model is null");
        }
        if (data == null) {
            throw new SatisfactionException("data table is null");
        }
        Map<String, double[]> out = new HashMap<>();
        for (Construct c : model.constructs()) {
            for (String ind : c.indicators()) {
                if (!data.contains(ind)) {
                    throw new SatisfactionException("indicator '%s' of construct '%s' is not in the data", ind,
                        c.name());
                }
                out.put(ind, data.column(ind));
            }
        }
        if (data.rowCount() < 3) {
            throw new SatisfactionException("PLS estimation needs at least 3 respondents but the data have %d",
                data.rowCount());
        }
        return out;
    }

    /** Runs the stages on the given columns (not modified). */
    ExtendedPlsResult estimate(ExtendedPathModel model, Map<String, double[]> firstOrder, int n, List<String> ids) {
        Map<String, double[]> cols = new HashMap<>(firstOrder);
        List<PlsResult> stages = new ArrayList<>(3);
        PlsResult hocStage = null;
        if (!model.higherOrderConstructs().isEmpty()) {
            if (method == HocMethod.TWO_STAGE) {
                hocStage = fit(model.stageOne(), cols, n, ids);
                stages.add(hocStage);
                for (HigherOrderConstruct h : model.higherOrderConstructs()) {
                    for (String d : h.dimensions()) {
                        cols.put(d, hocStage.scores(d));
                    }
                }
            } else {
                for (HigherOrderConstruct h : model.higherOrderConstructs()) {
                    for (String d : h.dimensions()) {
                        PathModel pm = model.mainModel(method);
                        for (String ind : pm.constructs().get(pm.indexOf(d)).indicators()) {
                            cols.put(ExtendedPathModel.repeatedName(h.name(), ind), cols.get(ind));
                        }
                    }
                }
            }
        }
        PathModel main = model.mainModel(method);
        boolean twoStage = false;
        for (InteractionTerm t : model.interactionTerms()) {
            twoStage |= t.method() == InteractionMethod.TWO_STAGE;
        }
        if (twoStage) {
            PlsResult first = fit(main, cols, n, ids);
            stages.add(first);
            for (InteractionTerm t : model.interactionTerms()) {
                if (t.method() == InteractionMethod.TWO_STAGE) {
                    double[] a = first.scores(t.iv(), variance);
                    double[] b = first.scores(t.moderator(), variance);
                    double[] prod = new double[n];
                    for (int i = 0; i < n; i++) {
                        prod[i] = a[i] * b[i];
                    }
                    cols.put(t.name() + ExtendedPathModel.INTERACTION_SUFFIX, prod);
                }
            }
        }
        for (InteractionTerm t : model.interactionTerms()) {
            if (t.method() == InteractionMethod.PRODUCT_INDICATOR) {
                for (String x : main.constructs().get(main.indexOf(t.iv())).indicators()) {
                    double[] zx = standardise(cols.get(x), x, t);
                    for (String y : main.constructs().get(main.indexOf(t.moderator())).indicators()) {
                        double[] zy = standardise(cols.get(y), y, t);
                        double[] prod = new double[n];
                        for (int i = 0; i < n; i++) {
                            prod[i] = zx[i] * zy[i];
                        }
                        cols.put(x + "*" + y, prod);
                    }
                }
            }
        }
        PathModel last = model.finalModel(method);
        PlsResult fin = fit(last, cols, n, ids);
        stages.add(fin);
        Map<String, Double> scale = new HashMap<>();
        for (InteractionTerm t : model.interactionTerms()) {
            double num = 0;
            double den = 0;
            for (String ind : last.constructs().get(last.indexOf(t.name())).indicators()) {
                double l = Math.abs(fin.loading(ind));
                num += sd(cols.get(ind)) * l;
                den += l;
            }
            scale.put(t.name(), num / den);
        }
        return new ExtendedPlsResult(model, this, stages, hocStage, scale);
    }

    private double sd(double[] v) {
        int n = v.length;
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= n;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (variance == ScoreVariance.SAMPLE ? n - 1 : n));
    }

    /** Mean 0, variance 1 under the variance convention. */
    private double[] standardise(double[] v, String name, InteractionTerm t) {
        int n = v.length;
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= n;
        double sd = sd(v);
        if (!(sd > 0) || !Double.isFinite(sd)) {
            throw new SatisfactionException("indicator '%s' of interaction term '%s' has no usable variance (standard"
                + " deviation %s)", name, t.name(), sd);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = (v[i] - mean) / sd;
        }
        return out;
    }

    private PlsResult fit(PathModel pm, Map<String, double[]> cols, int n, List<String> ids) {
        List<String> names = pm.indicatorNames();
        int p = names.size();
        double[] x = new double[n * p];
        for (int k = 0; k < p; k++) {
            double[] c = cols.get(names.get(k));
            for (int i = 0; i < n; i++) {
                x[i * p + k] = c[i];
            }
        }
        return estimator.fit(pm, estimator.kernel(pm), x, n, ids);
    }

    @Override
    public String toString() {
        return "ExtendedPls[method=" + method + ", variance=" + variance + ", " + estimator + "]";
    }
}
