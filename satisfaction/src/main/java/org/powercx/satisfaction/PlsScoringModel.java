package org.powercx.satisfaction;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A fitted PLS path model as a scoring model: construct scores and 0-100 indices of new respondents from the
 * outer weights, indicator means and standard deviations fitted on the calibration survey, without refitting.
 *
 * <p>For indicator \( k \) of construct \( j \) with fitted outer weight \( w_k \), mean \( \bar x_k \) and
 * population standard deviation \( s_k \), the score of a respondent with answers \( x_k \) is
 * \( y_j = \sum_{k \in j} w_k (x_k - \bar x_k) / s_k \) for standardised estimation and
 * \( y_j = \sum_{k \in j} w_k (x_k - \bar x_k) \) for centred estimation (Tenenhaus et al. 2005,
 * <a href="https://doi.org/10.1016/j.csda.2004.03.005">doi:10.1016/j.csda.2004.03.005</a>, section 2.3). The
 * 0-100 index is the ACSI index of {@link SatisfactionIndex} (Fornell et al. 1996): with
 * \( \pi_k \) the weights on the raw answer scale rescaled to sum to one per construct,
 * \( I_j = 100\,(\sum_{k \in j} \tilde\pi_k x_k - a)/(b - a) \) on the answer scale \( [a, b] \); a construct
 * with a negative (or zero-sum) weight has NaN indices.
 *
 * <p>On the calibration respondents the scores equal {@link PlsResult#scores()} and the indices
 * {@link SatisfactionIndex#respondentIndices} bit for bit: the same operations run in the same order.
 * {@link Parameters} holds every value the scores depend on and {@link #of(Parameters)} rebuilds an identical
 * model. Immutable and thread-safe.
 *
 * @since 0.2.0
 * @serial exclude
 */
public final class PlsScoringModel implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Every value the scores depend on.
     *
     * @param constructs the construct names, in model order
     * @param blocks each construct's indicator names, in indicator order (their concatenation is the order of
     *     a respondent's answers)
     * @param weights the fitted outer weights \( w_k \), in indicator order
     * @param means the fitted indicator means
     * @param standardDeviations the fitted population standard deviations, positive
     * @param scaling the estimation's scaling
     * @param scaleMin the lowest possible answer \( a \)
     * @param scaleMax the highest possible answer \( b \)
     * @since 0.2.0
     * @serial exclude
     */
    public record Parameters(List<String> constructs, List<List<String>> blocks, double[] weights, double[] means,
            double[] standardDeviations, Scaling scaling, double scaleMin, double scaleMax) implements Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Validates and copies the components.
         *
         * @param constructs at least one distinct non-blank name
         * @param blocks one non-empty block per construct; indicator names distinct across blocks
         * @param weights finite, one per indicator
         * @param means finite, one per indicator
         * @param standardDeviations finite and positive, one per indicator
         * @param scaling not null
         * @param scaleMin finite, below {@code scaleMax}
         * @param scaleMax finite
         * @throws SatisfactionException naming the component and the offending value
         */
        public Parameters {
            if (constructs == null || constructs.isEmpty() || blocks == null || scaling == null) {
                throw new SatisfactionException("PLS scoring model: %s is null or empty",
                    constructs == null || constructs.isEmpty() ? "constructs" : blocks == null ? "blocks" : "scaling");
            }
            constructs = List.copyOf(constructs);
            if (new HashSet<>(constructs).size() != constructs.size()) {
                throw new SatisfactionException("PLS scoring model: construct names %s repeat", constructs);
            }
            if (blocks.size() != constructs.size()) {
                throw new SatisfactionException("PLS scoring model: %d blocks for %d constructs", blocks.size(),
                    constructs.size());
            }
            List<List<String>> copy = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < blocks.size(); j++) {
                List<String> b = blocks.get(j);
                if (b == null || b.isEmpty()) {
                    throw new SatisfactionException("PLS scoring model: construct '%s' has no indicators",
                        constructs.get(j));
                }
                for (String name : b) {
                    if (name == null || name.isBlank() || !seen.add(name)) {
                        throw new SatisfactionException("PLS scoring model: indicator name '%s' is blank or repeated",
                            name);
                    }
                }
                copy.add(List.copyOf(b));
            }
            blocks = List.copyOf(copy);
            int p = seen.size();
            weights = finite("weights", weights, p, false);
            means = finite("means", means, p, false);
            standardDeviations = finite("standardDeviations", standardDeviations, p, true);
            if (!(Double.isFinite(scaleMin) && Double.isFinite(scaleMax) && scaleMin < scaleMax)) {
                throw new SatisfactionException("PLS scoring model: answer scale [%s, %s] must be finite with min < max",
                    scaleMin, scaleMax);
            }
        }

        private static double[] finite(String what, double[] values, int p, boolean positive) {
            if (values == null || values.length != p) {
                throw new SatisfactionException("PLS scoring model: %s has %s values but the blocks hold %d indicators",
                    what, values == null ? "no" : String.valueOf(values.length), p);
            }
            for (int k = 0; k < p; k++) {
                if (!Double.isFinite(values[k]) || positive && !(values[k] > 0)) {
                    throw new SatisfactionException("PLS scoring model: %s[%d] = %s must be finite%s", what, k,
                        values[k], positive ? " and positive" : "");
                }
            }
            return values.clone();
        }

        /**
         * The outer weights.
         *
         * @return a copy
         */
        @Override
        public double[] weights() {
            return weights.clone();
        }

        /**
         * The indicator means.
         *
         * @return a copy
         */
        @Override
        public double[] means() {
            return means.clone();
        }

        /**
         * The indicator standard deviations.
         *
         * @return a copy
         */
        @Override
        public double[] standardDeviations() {
            return standardDeviations.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Parameters q && constructs.equals(q.constructs) && blocks.equals(q.blocks)
                && Arrays.equals(weights, q.weights) && Arrays.equals(means, q.means)
                && Arrays.equals(standardDeviations, q.standardDeviations) && scaling == q.scaling
                && Double.compare(scaleMin, q.scaleMin) == 0 && Double.compare(scaleMax, q.scaleMax) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(constructs, blocks, Arrays.hashCode(weights), Arrays.hashCode(means),
                Arrays.hashCode(standardDeviations), scaling, scaleMin, scaleMax);
        }

        @Override
        public String toString() {
            return "PlsScoringModel.Parameters[constructs=" + constructs + ", blocks=" + blocks + ", weights="
                + Arrays.toString(weights) + ", means=" + Arrays.toString(means) + ", standardDeviations="
                + Arrays.toString(standardDeviations) + ", scaling=" + scaling + ", scale=[" + scaleMin + ", "
                + scaleMax + "]]";
        }
    }

    private final Parameters parameters;
    private final List<String> indicators;
    private final int p;
    private final int m;
    private final int[] blockOf;
    private final int[] start;
    private final double[] weights;
    private final double[] means;
    private final double[] sds;
    private final double[] factor;
    private final boolean centred;
    private final double[] rescaled;

    private PlsScoringModel(Parameters parameters) {
        this.parameters = parameters;
        this.m = parameters.constructs().size();
        List<String> names = new ArrayList<>();
        for (List<String> b : parameters.blocks()) {
            names.addAll(b);
        }
        this.indicators = List.copyOf(names);
        this.p = names.size();
        this.blockOf = new int[p];
        this.start = new int[m + 1];
        for (int j = 0, k = 0; j < m; j++) {
            start[j] = k;
            for (int t = 0; t < parameters.blocks().get(j).size(); t++) {
                blockOf[k++] = j;
            }
            start[j + 1] = k;
        }
        this.weights = parameters.weights();
        this.means = parameters.means();
        this.sds = parameters.standardDeviations();
        this.centred = parameters.scaling() == Scaling.CENTRED;
        // the same arithmetic as PlsResult's scores: x, mean and sd scaled by 2^-e (e the exponent of sd)
        this.factor = new double[p];
        for (int k = 0; k < p; k++) {
            factor[k] = centred ? 1.0 : Math.scalb(1.0, -Math.getExponent(sds[k]));
        }
        // and SatisfactionIndex's rescaled weights on the raw answer scale
        this.rescaled = new double[p];
        for (int j = 0; j < m; j++) {
            double sum = 0;
            boolean negative = false;
            double[] pi = new double[p];
            for (int c = start[j]; c < start[j + 1]; c++) {
                double standardised = centred ? weights[c] * sds[c] : weights[c];
                pi[c] = standardised / sds[c];
                sum += pi[c];
                negative |= pi[c] < 0;
            }
            for (int c = start[j]; c < start[j + 1]; c++) {
                rescaled[c] = negative || !(sum > 0) ? Double.NaN : pi[c] / sum;
            }
        }
    }

    /**
     * The scoring model of a fitted PLS estimate.
     *
     * @param result the fitted estimate
     * @param scaleMin the lowest possible answer (for example 1)
     * @param scaleMax the highest possible answer (for example 10)
     * @return the model
     * @throws SatisfactionException if the result is null or the scale is not finite and increasing
     */
    public static PlsScoringModel of(PlsResult result, double scaleMin, double scaleMax) {
        if (result == null) {
            throw new SatisfactionException("PLS result is null");
        }
        PathModel model = result.model();
        List<List<String>> blocks = new ArrayList<>();
        for (Construct c : model.constructs()) {
            blocks.add(c.indicators());
        }
        return new PlsScoringModel(new Parameters(model.constructNames(), blocks, result.outerWeights(),
            result.indicatorMeans(), result.indicatorStandardDeviations(), result.estimator().scaling(), scaleMin,
            scaleMax));
    }

    /**
     * Rebuilds a model from its parameters; it scores exactly as the model they came from.
     *
     * @param parameters the parameters
     * @return the model
     * @throws SatisfactionException if the parameters are null
     */
    public static PlsScoringModel of(Parameters parameters) {
        if (parameters == null) {
            throw new SatisfactionException("PLS scoring model parameters are null");
        }
        return new PlsScoringModel(parameters);
    }

    /**
     * Everything the scores depend on.
     *
     * @return the parameters
     */
    public Parameters parameters() {
        return parameters;
    }

    /**
     * The indicators, in the order of a respondent's answers.
     *
     * @return an unmodifiable list
     */
    public List<String> indicators() {
        return indicators;
    }

    /**
     * The constructs, in the order of the scores' columns.
     *
     * @return an unmodifiable list
     */
    public List<String> constructs() {
        return parameters.constructs();
    }

    /**
     * Construct scores of respondents.
     *
     * @param answers one row per respondent, one finite answer per indicator of {@link #indicators()}
     * @return {@code y[i][j]} for respondent i and construct j
     * @throws SatisfactionException naming the row and the indicator of a short row or a non-finite answer
     */
    public double[][] scores(double[][] answers) {
        check(answers, false);
        double[][] out = new double[answers.length][m];
        for (int i = 0; i < answers.length; i++) {
            double[] x = answers[i];
            double[] y = out[i];
            for (int k = 0; k < p; k++) {
                double z = x[k] * factor[k] - means[k] * factor[k];
                if (!centred) {
                    z /= sds[k] * factor[k];
                }
                y[blockOf[k]] += z * weights[k];
            }
        }
        return out;
    }

    /**
     * The 0-100 indices of respondents.
     *
     * @param answers one row per respondent, one answer on the scale per indicator of {@link #indicators()}
     * @return {@code I[i][j]} for respondent i and construct j (NaN for a construct with a negative weight)
     * @throws SatisfactionException naming the row and the indicator of a short row or an answer that is not
     *     finite or outside the answer scale
     */
    public double[][] indices(double[][] answers) {
        check(answers, true);
        double lo = parameters.scaleMin();
        double range = parameters.scaleMax() - lo;
        double[][] out = new double[answers.length][m];
        for (int i = 0; i < answers.length; i++) {
            double[] x = answers[i];
            for (int j = 0; j < m; j++) {
                double v = 0;
                for (int c = start[j]; c < start[j + 1]; c++) {
                    v += rescaled[c] * x[c];
                }
                out[i][j] = 100 * (v - lo) / range;
            }
        }
        return out;
    }

    private void check(double[][] answers, boolean onScale) {
        if (answers == null) {
            throw new SatisfactionException("answers are null");
        }
        for (int i = 0; i < answers.length; i++) {
            double[] x = answers[i];
            if (x == null || x.length != p) {
                throw new SatisfactionException("row %d has %s answers but the model has %d indicators %s", i,
                    x == null ? "no" : String.valueOf(x.length), p, indicators);
            }
            for (int k = 0; k < p; k++) {
                if (!Double.isFinite(x[k])
                        || onScale && (x[k] < parameters.scaleMin() || x[k] > parameters.scaleMax())) {
                    throw new SatisfactionException("row %d, indicator '%s': answer %s must be finite%s", i,
                        indicators.get(k), x[k], onScale ? " and on the scale [" + parameters.scaleMin() + ", "
                            + parameters.scaleMax() + "]" : "");
                }
            }
        }
    }

    /**
     * The constructs and the answer scale.
     *
     * @return a one-line summary
     */
    @Override
    public String toString() {
        return "PlsScoringModel of " + parameters.constructs() + " on " + p + " indicators, answers on ["
            + parameters.scaleMin() + ", " + parameters.scaleMax() + "]";
    }

    private Object writeReplace() {
        return new SerializedForm(parameters);
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("use the serialization proxy");
    }

    /**
     * The serialized form: the parameters, version 1.
     *
     * @serial exclude
     */
    private static final class SerializedForm implements Serializable {
        private static final long serialVersionUID = 1L;
        /** The parameters. */
        private final Parameters parameters;

        SerializedForm(Parameters parameters) {
            this.parameters = parameters;
        }

        private Object readResolve() {
            return of(parameters);
        }
    }
}
