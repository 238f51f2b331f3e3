package org.powercx.satisfaction;

import java.util.List;
import java.util.Map;

/**
 * The estimates of an {@link ExtendedPathModel} by {@link ExtendedPls}: every stage's {@link PlsResult} and
 * accessors that take each quantity from the stage that estimates it (the weights and loadings of a dimension's
 * indicators from stage 1 of the two-stage approach; everything else from the final stage).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public final class ExtendedPlsResult {
    private final ExtendedPathModel model;
    private final ExtendedPls estimator;
    private final List<PlsResult> stages;
    private final PlsResult hocStage;
    private final Map<String, Double> interactionScale;

    ExtendedPlsResult(ExtendedPathModel model, ExtendedPls estimator, List<PlsResult> stages, PlsResult hocStage,
            Map<String, Double> interactionScale) {
        this.model = model;
        this.estimator = estimator;
        this.stages = List.copyOf(stages);
        this.hocStage = hocStage;
        this.interactionScale = Map.copyOf(interactionScale);
    }

    /**
     * The model.
     *
     * @return the model
     */
    public ExtendedPathModel model() {
        return model;
    }

    /**
     * The estimator.
     *
     * @return the estimator
     */
    public ExtendedPls estimator() {
        return estimator;
    }

    /**
     * Every stage in estimation order: the two-stage higher-order stage 1 (if any), the first stage of two-stage
     * interaction terms (if any), and the final stage.
     *
     * @return an unmodifiable list, the final stage last
     */
    public List<PlsResult> stages() {
        return stages;
    }

    /**
     * The final stage: the model with the higher-order constructs (indicators: dimension scores or repeated
     * indicators) and the interaction terms (indicators: {@code "iv*moderator_intxn"} or {@code "x*y"}).
     *
     * @return the final stage's estimates
     */
    public PlsResult finalStage() {
        return stages.get(stages.size() - 1);
    }

    /**
     * The path coefficient {@code from -> to} of the final stage; from an interaction term, the coefficient of
     * the unstandardised term, \( \beta^{std} / s \) (see {@link ExtendedPls} and {@link #interactionScale}),
     * as seminr reports it.
     *
     * @param from the source construct
     * @param to the target construct
     * @return the coefficient, 0 if there is no such path
     * @throws SatisfactionException if a construct is not in the final-stage model
     */
    public double pathCoefficient(String from, String to) {
        double beta = finalStage().pathCoefficient(from, to);
        Double s = interactionScale.get(from);
        return s == null ? beta : beta / s;
    }

    /**
     * The standard deviation \( s = \sum_k \mathrm{sd}(x_k) |\lambda_k| / \sum_k |\lambda_k| \) given to an
     * interaction term's score (Henseler and Chin 2010), under the estimator's variance convention.
     *
     * @param term the interaction term's name, {@code "iv*moderator"}
     * @return \( s &gt; 0 \)
     * @throws SatisfactionException if the model has no such interaction term
     */
    public double interactionScale(String term) {
        Double s = interactionScale.get(term);
        if (s == null) {
            throw new SatisfactionException("unknown interaction term '%s'", term);
        }
        return s;
    }

    /**
     * The \( R^2 \) of an endogenous construct in the final stage.
     *
     * @param construct the construct
     * @return its \( R^2 \)
     * @throws SatisfactionException if the construct is not in the final-stage model or not endogenous
     */
    public double rSquared(String construct) {
        return finalStage().rSquared(construct);
    }

    /**
     * The outer weight of an indicator on a construct, from the stage that estimates it. A higher-order
     * construct's indicators are its dimensions (two-stage) or its dimensions' indicators (repeated indicators).
     *
     * @param construct the construct
     * @param indicator one of its indicators
     * @return the weight
     * @throws SatisfactionException if the construct is unknown or the indicator is not in its block
     */
    public double weight(String construct, String indicator) {
        return locate(construct, indicator, true);
    }

    /**
     * The loading of an indicator on a construct, from the stage that estimates it (see
     * {@link #weight(String, String)}).
     *
     * @param construct the construct
     * @param indicator one of its indicators
     * @return the loading
     * @throws SatisfactionException if the construct is unknown or the indicator is not in its block
     */
    public double loading(String construct, String indicator) {
        return locate(construct, indicator, false);
    }

    /**
     * Scores of a construct, standardised, from the final stage, or from stage 1 for a dimension under the
     * two-stage approach; an interaction term's scores are multiplied by its {@link #interactionScale}.
     *
     * @param construct the construct
     * @param variance the variance the scores have ({@link ScoreVariance#SAMPLE} for seminr's scores)
     * @return a new array, one score per respondent
     * @throws SatisfactionException if the construct is unknown or the variance is null
     */
    public double[] scores(String construct, ScoreVariance variance) {
        double[] y = stageOf(construct).scores(construct, variance);
        Double s = interactionScale.get(construct);
        if (s != null) {
            for (int i = 0; i < y.length; i++) {
                y[i] *= s;
            }
        }
        return y;
    }

    private PlsResult stageOf(String construct) {
        if (hocStage != null && model.ownerOf(construct) != null) {
            return hocStage;
        }
        finalStage().model().indexOf(construct);
        return finalStage();
    }

    private double locate(String construct, String indicator, boolean weight) {
        if (indicator == null) {
            throw new SatisfactionException("indicator name is null");
        }
        PlsResult stage = stageOf(construct);
        PathModel pm = stage.model();
        List<String> block = pm.constructs().get(pm.indexOf(construct)).indicators();
        String name = indicator;
        if (!block.contains(name)) {
            String repeated = ExtendedPathModel.repeatedName(construct, indicator);
            if (!block.contains(repeated)) {
                throw new SatisfactionException("indicator '%s' is not in the block of construct '%s'", indicator,
                    construct);
            }
            name = repeated;
        }
        return weight ? stage.weight(name) : stage.loading(name);
    }

    @Override
    public String toString() {
        return "ExtendedPlsResult[" + stages.size() + " stages, " + estimator + "]\n" + finalStage();
    }
}
