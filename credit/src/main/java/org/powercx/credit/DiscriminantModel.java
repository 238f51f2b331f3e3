package org.powercx.credit;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TextTable;

/**
 * A fitted linear discriminant (immutable), produced by {@link LinearDiscriminant}.
 *
 * <p>Each class \( k \) has the linear score \( \delta_k(x) = c_k^T x + b_k \) and the posterior
 * \( P(k \mid x) = e^{\delta_k(x)} / \sum_m e^{\delta_m(x)} \). For two classes (labels \( 0 &lt; 1 \), say good
 * and defaulted) the model has one coefficient vector \( a = c_1 - c_0 = S_p^{-1}(\mu_1-\mu_0) \) (Fisher's
 * direction) and intercept \( b = b_1 - b_0 \); the decision value \( Z = a^T x + b \) is the log posterior
 * odds of class 1, \( P(1 \mid x) = 1/(1+e^{-Z}) \). This is scikit-learn's {@code coef_},
 * {@code intercept_}, {@code decision_function} and {@code predict_proba}. Accessors return copies.
 *
 * <p>A model is a value: {@link #parameters()} holds everything it was built from, including the fit-time
 * diagnostics (Wilks' test, eigenvalues, class counts), and {@link #of(Parameters)} rebuilds a model whose
 * every method returns the same bits. It is {@link Serializable} through a serialization proxy holding the
 * parameters.
 *
 * @serial exclude
 * @since 0.1.0
 */
public final class DiscriminantModel implements Serializable {
    private static final long serialVersionUID = 1L;

    private final transient List<Indicator> indicators;
    private final int[] classes;
    private final long[] counts;
    private final double[] priors;
    private final double[][] means;
    /** Class means minus the overall mean, formed from offset-free sums. */
    private final double[][] offsets;
    private final double[][] covariance;
    private final double[] sd;
    private final double shrinkage;
    private final double[] xbar;
    private final double[][] scalings;
    private final double[] ratio;
    private final double[] eigenvalues;
    private final WilksTest wilks;
    /** Directions of the standardised within-class covariance dropped as collinear, {@code [direction][indicator]}. */
    private final double[][] dropped;
    /** K rows (or 1 for two classes) of p coefficients. */
    private final double[][] coef;
    private final double[] intercept;

    DiscriminantModel(List<Indicator> indicators, int[] classes, long[] counts, double[] priors, double[][] means,
            double[][] offsets, double[][] covariance, double[] sd, double shrinkage, double[] xbar, double[][] scalings, double[] ratio,
            double[] eigenvalues, WilksTest wilks, double[][] dropped) {
        this.indicators = List.copyOf(indicators);
        this.dropped = dropped;
        this.classes = classes;
        this.counts = counts;
        this.priors = priors;
        this.means = means;
        this.offsets = offsets;
        this.covariance = covariance;
        this.sd = sd;
        this.shrinkage = shrinkage;
        this.xbar = xbar;
        this.scalings = scalings;
        this.ratio = ratio;
        this.eigenvalues = eigenvalues;
        this.wilks = wilks;
        int k = classes.length;
        int p = indicators.size();
        int r = scalings.length == 0 ? 0 : scalings[0].length;
        double[][] c = new double[k][p];
        double[] b = new double[k];
        for (int m = 0; m < k; m++) {
            double[] proj = new double[r];
            for (int q = 0; q < r; q++) {
                double v = 0;
                for (int j = 0; j < p; j++) {
                    v += offsets[m][j] * scalings[j][q];
                }
                proj[q] = v;
                b[m] -= 0.5 * v * v;
            }
            b[m] += Math.log(priors[m]);
            for (int j = 0; j < p; j++) {
                double v = 0;
                for (int q = 0; q < r; q++) {
                    v += proj[q] * scalings[j][q];
                }
                c[m][j] = v;
                b[m] -= xbar[j] * v;
            }
        }
        if (k == 2) {
            double[] a = new double[p];
            for (int j = 0; j < p; j++) {
                a[j] = c[1][j] - c[0][j];
            }
            this.coef = new double[][] {a};
            this.intercept = new double[] {b[1] - b[0]};
        } else {
            this.coef = c;
            this.intercept = b;
        }
    }

    /**
     * Everything a {@link DiscriminantModel} is built from: the fitted class statistics, the discriminant axes and
     * the fit-time diagnostics. The coefficients and intercepts are derived from these by the same arithmetic as
     * at fit time, \( c_k = W W^T(\mu_k - \bar x) \), \( b_k = \ln\pi_k - \tfrac12\|W^T(\mu_k-\bar x)\|^2 -
     * c_k^T \bar x \), so a rebuilt model gives identical bits. Array components are copied in and out.
     *
     * @param indicators the indicators, in column order (at least one, distinct names)
     * @param classes the class labels, ascending (at least two)
     * @param classCounts the number of calibration customers per class (non-negative)
     * @param priors the priors, one per class (positive, finite)
     * @param classMeans class means {@code [class][indicator]}
     * @param centredMeans class means minus the overall mean {@code [class][indicator]}, formed from offset-free
     *     sums at fit time (they can differ from {@code classMeans - overallMean} in the last bit)
     * @param pooledCovariance the pooled within-class covariance after shrinkage, {@code [p][p]}
     * @param withinStandardDeviations the pooled within-class standard deviations before shrinkage
     * @param shrinkageIntensity the shrinkage intensity in [0, 1]
     * @param overallMean the prior-weighted overall mean
     * @param scalings the discriminant axes {@code [indicator][axis]}, at most K-1 axes
     * @param explainedVarianceRatio share of the between-class variance per axis, {@code min(K-1, p)} values
     * @param eigenvalues eigenvalues per axis, as many as the ratios
     * @param wilks Wilks' test, or null when the unshrunk within-class scatter was singular
     * @param droppedDirections the directions dropped as collinear ({@link Collinearity#DROP}), one unit vector of
     *     standardised indicator weights per row; null or no rows when none was dropped
     * @serial exclude
     * @since 0.2.0
     */
    public record Parameters(List<Indicator> indicators, int[] classes, long[] classCounts, double[] priors,
            double[][] classMeans, double[][] centredMeans, double[][] pooledCovariance,
            double[] withinStandardDeviations, double shrinkageIntensity, double[] overallMean, double[][] scalings,
            double[] explainedVarianceRatio, double[] eigenvalues, WilksTest wilks, double[][] droppedDirections)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Parameters of a model that dropped no direction.
         *
         * @param indicators the indicators
         * @param classes the class labels
         * @param classCounts the class counts
         * @param priors the priors
         * @param classMeans the class means
         * @param centredMeans the centred class means
         * @param pooledCovariance the pooled covariance
         * @param withinStandardDeviations the within-class standard deviations
         * @param shrinkageIntensity the shrinkage intensity
         * @param overallMean the overall mean
         * @param scalings the discriminant axes
         * @param explainedVarianceRatio the explained variance ratios
         * @param eigenvalues the eigenvalues
         * @param wilks Wilks' test, or null
         * @throws CreditException as the canonical constructor
         */
        public Parameters(List<Indicator> indicators, int[] classes, long[] classCounts, double[] priors,
                double[][] classMeans, double[][] centredMeans, double[][] pooledCovariance,
                double[] withinStandardDeviations, double shrinkageIntensity, double[] overallMean,
                double[][] scalings, double[] explainedVarianceRatio, double[] eigenvalues, WilksTest wilks) {
            this(indicators, classes, classCounts, priors, classMeans, centredMeans, pooledCovariance,
                withinStandardDeviations, shrinkageIntensity, overallMean, scalings, explainedVarianceRatio,
                eigenvalues, wilks, null);
        }

        /**
         * Validates and copies the components.
         *
         * @param indicators the indicators
         * @param classes the class labels
         * @param classCounts the class counts
         * @param priors the priors
         * @param classMeans the class means
         * @param centredMeans the centred class means
         * @param pooledCovariance the pooled covariance
         * @param withinStandardDeviations the within-class standard deviations
         * @param shrinkageIntensity the shrinkage intensity
         * @param overallMean the overall mean
         * @param scalings the discriminant axes
         * @param explainedVarianceRatio the explained variance ratios
         * @param eigenvalues the eigenvalues
         * @param wilks Wilks' test, or null
         * @param droppedDirections the dropped directions, or null
         * @throws CreditException naming the component and value if a component is null, of the wrong shape or
         *     not finite, or more directions are dropped than there are indicators
         */
        public Parameters {
            if (indicators == null || indicators.isEmpty() || indicators.stream().anyMatch(Objects::isNull)) {
                throw new CreditException("discriminant parameters: indicators must be a non-empty list without "
                    + "nulls, got %s", indicators == null ? "null" : String.valueOf(indicators.size()));
            }
            indicators = List.copyOf(indicators);
            int p = indicators.size();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Indicator ind : indicators) {
                if (!seen.add(ind.name())) {
                    throw new CreditException("discriminant parameters: indicator '%s' is repeated",
                        ind.name());
                }
            }
            if (classes == null || classes.length < 2) {
                throw new CreditException("discriminant parameters: classes must hold at least two labels, got %s",
                    classes == null ? "null" : Arrays.toString(classes));
            }
            classes = classes.clone();
            for (int m = 1; m < classes.length; m++) {
                if (classes[m] <= classes[m - 1]) {
                    throw new CreditException("discriminant parameters: classes must ascend, got %s",
                        Arrays.toString(classes));
                }
            }
            int k = classes.length;
            if (classCounts == null || classCounts.length != k) {
                throw new CreditException("discriminant parameters: classCounts must hold %d values, got %s", k,
                    classCounts == null ? "null" : String.valueOf(classCounts.length));
            }
            classCounts = classCounts.clone();
            for (int m = 0; m < k; m++) {
                if (classCounts[m] < 0) {
                    throw new CreditException("discriminant parameters: classCounts[%d] is negative: %d", m,
                        classCounts[m]);
                }
            }
            priors = vector("priors", priors, k);
            for (int m = 0; m < k; m++) {
                if (!(priors[m] > 0)) {
                    throw new CreditException("discriminant parameters: priors[%d] must be positive, got %s", m,
                        priors[m]);
                }
            }
            classMeans = matrix("classMeans", classMeans, k, p);
            centredMeans = matrix("centredMeans", centredMeans, k, p);
            pooledCovariance = matrix("pooledCovariance", pooledCovariance, p, p);
            withinStandardDeviations = vector("withinStandardDeviations", withinStandardDeviations, p);
            if (!(shrinkageIntensity >= 0 && shrinkageIntensity <= 1)) {
                throw new CreditException("discriminant parameters: shrinkageIntensity must be in [0, 1], got %s",
                    shrinkageIntensity);
            }
            overallMean = vector("overallMean", overallMean, p);
            int axes = Math.min(k - 1, p);
            if (scalings == null || scalings.length != p || scalings[0] == null || scalings[0].length > axes) {
                throw new CreditException("discriminant parameters: scalings must have %d rows of at most %d "
                    + "values", p, axes);
            }
            scalings = matrix("scalings", scalings, p, scalings[0].length);
            explainedVarianceRatio = vector("explainedVarianceRatio", explainedVarianceRatio, axes);
            eigenvalues = vector("eigenvalues", eigenvalues, axes);
            if (droppedDirections == null) {
                droppedDirections = new double[0][];
            }
            if (droppedDirections.length >= p) {
                throw new CreditException("discriminant parameters: %d directions dropped of %d indicators",
                    droppedDirections.length, p);
            }
            droppedDirections = matrix("droppedDirections", droppedDirections, droppedDirections.length, p);
        }

        private static double[] vector(String field, double[] v, int length) {
            if (v == null || v.length != length) {
                throw new CreditException("discriminant parameters: %s must hold %d values, got %s", field, length,
                    v == null ? "null" : String.valueOf(v.length));
            }
            for (int i = 0; i < length; i++) {
                if (!Double.isFinite(v[i])) {
                    throw new CreditException("discriminant parameters: %s[%d] is not finite: %s", field, i, v[i]);
                }
            }
            return v.clone();
        }

        private static double[][] matrix(String field, double[][] a, int rows, int cols) {
            if (a == null || a.length != rows) {
                throw new CreditException("discriminant parameters: %s must have %d rows, got %s", field, rows,
                    a == null ? "null" : String.valueOf(a.length));
            }
            double[][] c = new double[rows][];
            for (int i = 0; i < rows; i++) {
                c[i] = vector(field + "[" + i + "]", a[i], cols);
            }
            return c;
        }

        /**
         * The {@code classes} component.
         *
         * @return a copy
         */
        @Override
        public int[] classes() {
            return classes.clone();
        }

        /**
         * The {@code classCounts} component.
         *
         * @return a copy
         */
        @Override
        public long[] classCounts() {
            return classCounts.clone();
        }

        /**
         * The {@code priors} component.
         *
         * @return a copy
         */
        @Override
        public double[] priors() {
            return priors.clone();
        }

        /**
         * The {@code classMeans} component.
         *
         * @return a copy
         */
        @Override
        public double[][] classMeans() {
            return Matrices.copy(classMeans);
        }

        /**
         * The {@code centredMeans} component.
         *
         * @return a copy
         */
        @Override
        public double[][] centredMeans() {
            return Matrices.copy(centredMeans);
        }

        /**
         * The {@code pooledCovariance} component.
         *
         * @return a copy
         */
        @Override
        public double[][] pooledCovariance() {
            return Matrices.copy(pooledCovariance);
        }

        /**
         * The {@code withinStandardDeviations} component.
         *
         * @return a copy
         */
        @Override
        public double[] withinStandardDeviations() {
            return withinStandardDeviations.clone();
        }

        /**
         * The {@code overallMean} component.
         *
         * @return a copy
         */
        @Override
        public double[] overallMean() {
            return overallMean.clone();
        }

        /**
         * The {@code scalings} component.
         *
         * @return a copy
         */
        @Override
        public double[][] scalings() {
            return Matrices.copy(scalings);
        }

        /**
         * The {@code explainedVarianceRatio} component.
         *
         * @return a copy
         */
        @Override
        public double[] explainedVarianceRatio() {
            return explainedVarianceRatio.clone();
        }

        /**
         * The {@code eigenvalues} component.
         *
         * @return a copy
         */
        @Override
        public double[] eigenvalues() {
            return eigenvalues.clone();
        }

        /**
         * The {@code droppedDirections} component.
         *
         * @return a copy
         */
        @Override
        public double[][] droppedDirections() {
            return Matrices.copy(droppedDirections);
        }

        /**
         * Equal when every component is equal, doubles compared by their bits.
         *
         * @param other another object
         * @return whether equal
         */
        @Override
        public boolean equals(Object other) {
            return other instanceof Parameters o && indicators.equals(o.indicators)
                && Arrays.equals(classes, o.classes) && Arrays.equals(classCounts, o.classCounts)
                && Arrays.equals(priors, o.priors) && Arrays.deepEquals(classMeans, o.classMeans)
                && Arrays.deepEquals(centredMeans, o.centredMeans)
                && Arrays.deepEquals(pooledCovariance, o.pooledCovariance)
                && Arrays.equals(withinStandardDeviations, o.withinStandardDeviations)
                && Double.compare(shrinkageIntensity, o.shrinkageIntensity) == 0
                && Arrays.equals(overallMean, o.overallMean) && Arrays.deepEquals(scalings, o.scalings)
                && Arrays.equals(explainedVarianceRatio, o.explainedVarianceRatio)
                && Arrays.equals(eigenvalues, o.eigenvalues) && Objects.equals(wilks, o.wilks)
                && Arrays.deepEquals(droppedDirections, o.droppedDirections);
        }

        /**
         * A hash code consistent with {@link #equals}.
         *
         * @return the hash code
         */
        @Override
        public int hashCode() {
            return Objects.hash(indicators, Arrays.hashCode(classes), Arrays.hashCode(classCounts),
                Arrays.hashCode(priors), Arrays.deepHashCode(classMeans), Arrays.deepHashCode(centredMeans),
                Arrays.deepHashCode(pooledCovariance), Arrays.hashCode(withinStandardDeviations),
                shrinkageIntensity, Arrays.hashCode(overallMean), Arrays.deepHashCode(scalings),
                Arrays.hashCode(explainedVarianceRatio), Arrays.hashCode(eigenvalues), wilks,
                Arrays.deepHashCode(droppedDirections));
        }

        /**
         * A short description.
         *
         * @return the text
         */
        @Override
        public String toString() {
            return "DiscriminantModel.Parameters[" + indicators.size() + " indicators, classes "
                + Arrays.toString(classes) + "]";
        }
    }

    /**
     * The parameters this model is built from.
     *
     * @return the parameters (copies)
     * @since 0.2.0
     */
    public Parameters parameters() {
        return new Parameters(indicators, classes, counts, priors, means, offsets, covariance, sd, shrinkage, xbar,
            scalings, ratio, eigenvalues, wilks, dropped);
    }

    /**
     * Rebuilds a model from its parameters; every method of the result returns the same bits as the model the
     * parameters came from.
     *
     * @param parameters the parameters, validated by their constructor
     * @return the model
     * @throws CreditException if the parameters are null
     * @since 0.2.0
     */
    public static DiscriminantModel of(Parameters parameters) {
        if (parameters == null) {
            throw new CreditException("discriminant parameters are null");
        }
        return new DiscriminantModel(parameters.indicators, parameters.classes, parameters.classCounts,
            parameters.priors, parameters.classMeans, parameters.centredMeans, parameters.pooledCovariance,
            parameters.withinStandardDeviations, parameters.shrinkageIntensity, parameters.overallMean,
            parameters.scalings, parameters.explainedVarianceRatio, parameters.eigenvalues, parameters.wilks,
            parameters.droppedDirections);
    }

    private Object writeReplace() {
        return new SerializedForm(parameters());
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("use the serialization proxy");
    }

    /**
     * The serialized form: the indicators' components and the parameters' arrays, so that the form does not
     * depend on how other library types serialize; read back through {@link Parameters}' validating
     * constructor.
     */
    private static final class SerializedForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String[] names;
        private final org.powercx.core.Direction[] directions;
        private final double[] targets;
        private final String[] units;
        private final String[] descriptions;
        private final int[] classes;
        private final long[] counts;
        private final double[] priors;
        private final double[][] means;
        private final double[][] centred;
        private final double[][] covariance;
        private final double[] sd;
        private final double shrinkage;
        private final double[] mean;
        private final double[][] scalings;
        private final double[] ratio;
        private final double[] eigenvalues;
        private final double[] wilks;
        private final double[][] dropped;

        SerializedForm(Parameters p) {
            int n = p.indicators.size();
            names = new String[n];
            directions = new org.powercx.core.Direction[n];
            targets = new double[n];
            units = new String[n];
            descriptions = new String[n];
            for (int j = 0; j < n; j++) {
                Indicator ind = p.indicators.get(j);
                names[j] = ind.name();
                directions[j] = ind.direction();
                targets[j] = ind.target();
                units[j] = ind.unit();
                descriptions[j] = ind.description();
            }
            classes = p.classes;
            counts = p.classCounts;
            priors = p.priors;
            means = p.classMeans;
            centred = p.centredMeans;
            covariance = p.pooledCovariance;
            sd = p.withinStandardDeviations;
            shrinkage = p.shrinkageIntensity;
            mean = p.overallMean;
            scalings = p.scalings;
            ratio = p.explainedVarianceRatio;
            eigenvalues = p.eigenvalues;
            wilks = p.wilks == null ? null : new double[] {p.wilks.lambda(), p.wilks.chiSquare(),
                p.wilks.degreesOfFreedom(), p.wilks.pValue()};
            dropped = p.droppedDirections;
        }

        private Object readResolve() throws InvalidObjectException {
            if (names == null || directions == null || targets == null || units == null || descriptions == null
                || directions.length != names.length || targets.length != names.length
                || units.length != names.length || descriptions.length != names.length) {
                throw new InvalidObjectException("discriminant parameters: malformed indicators");
            }
            try {
                List<Indicator> indicators = new ArrayList<>();
                for (int j = 0; j < names.length; j++) {
                    indicators.add(new Indicator(names[j], directions[j], targets[j], units[j], descriptions[j]));
                }
                WilksTest w = null;
                if (wilks != null) {
                    if (wilks.length != 4 || wilks[2] != Math.rint(wilks[2])) {
                        throw new CreditException("discriminant parameters: malformed Wilks test");
                    }
                    w = WilksTest.of(wilks[0], wilks[1], (int) wilks[2], wilks[3]);
                }
                return of(new Parameters(indicators, classes, counts, priors, means, centred, covariance, sd,
                    shrinkage, mean, scalings, ratio, eigenvalues, w, dropped));
            } catch (IllegalArgumentException e) {
                InvalidObjectException bad = new InvalidObjectException(e.getMessage());
                bad.initCause(e);
                throw bad;
            }
        }
    }

    /**
     * The indicators, in column order.
     *
     * @return the indicators, in column order
     */
    public List<Indicator> indicators() {
        return indicators;
    }

    /**
     * The class labels, ascending.
     *
     * @return the class labels, ascending
     */
    public int[] classes() {
        return classes.clone();
    }

    /**
     * The number of customers in each class.
     *
     * @return the number of customers in each class
     */
    public long[] classCounts() {
        return counts.clone();
    }

    /**
     * The priors used, one per class.
     *
     * @return the priors used, one per class
     */
    public double[] priors() {
        return priors.clone();
    }

    /**
     * Whether there are exactly two classes.
     *
     * @return whether there are exactly two classes
     */
    public boolean isBinary() {
        return classes.length == 2;
    }

    /**
     * Class means, {@code [class][indicator]}.
     *
     * @return class means, {@code [class][indicator]}
     */
    public double[][] classMeans() {
        return Matrices.copy(means);
    }

    /**
     * The within-class covariance the model uses: the pooled \( S_p = S_w/(n-K) \), after shrinkage if any, or
     * with a per-class {@link Shrinkage} ({@link Shrinkage#isByClass()}) \( \sum_k \pi_k \hat S_k \)
     * (scikit-learn's {@code covariance_}).
     *
     * @return the covariance
     */
    public double[][] pooledCovariance() {
        return Matrices.copy(covariance);
    }

    /**
     * The shrinkage intensity applied (0 when none); for {@link Shrinkage#ledoitWolfByClass()} the
     * prior-weighted mean \( \sum_k \pi_k \lambda_k \) of the class intensities.
     *
     * @return the intensity
     */
    public double shrinkageIntensity() {
        return shrinkage;
    }

    /**
     * The prior-weighted overall mean \( \bar x = \sum_k \pi_k \mu_k \).
     *
     * @return the prior-weighted overall mean \( \bar x = \sum_k \pi_k \mu_k \)
     */
    public double[] overallMean() {
        return xbar.clone();
    }

    /**
     * The coefficients, shaped as scikit-learn's {@code coef_}: one row \( a \) for two classes, else one row
     * \( c_k \) per class.
     *
     * @return the coefficient rows
     */
    public double[][] coefficients() {
        return Matrices.copy(coef);
    }

    /**
     * The intercepts, one per coefficient row ({@code intercept_}).
     *
     * @return the intercepts, one per coefficient row ({@code intercept_})
     */
    public double[] intercepts() {
        return intercept.clone();
    }

    /**
     * Standardised coefficients \( a_j \sqrt{S_{p,jj}} \): the change of the score when indicator j moves by
     * one pooled within-class standard deviation; one row per coefficient row.
     *
     * @return the standardised coefficients
     */
    public double[][] standardisedCoefficients() {
        double[][] s = Matrices.copy(coef);
        for (double[] row : s) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= sd[j];
            }
        }
        return s;
    }

    /**
     * The pooled within-class standard deviations \( \sqrt{S_{p,jj}} \) (before shrinkage).
     *
     * @return the pooled within-class standard deviations \( \sqrt{S_{p,jj}} \) (before shrinkage)
     */
    public double[] withinStandardDeviations() {
        return sd.clone();
    }

    /**
     * The discriminant axes {@code [indicator][axis]} (scikit-learn {@code scalings_}, R MASS
     * {@code lda()$scaling}), normalised to \( W^T S_p W = I \); each axis is signed so that the class with
     * the largest label projects above the class with the smallest.
     *
     * @return the axes, at most K-1 columns
     */
    public double[][] scalings() {
        return Matrices.copy(scalings);
    }

    /**
     * Share of the between-class variance carried by each axis ({@code explained_variance_ratio_}).
     *
     * @return share of the between-class variance carried by each axis ({@code explained_variance_ratio_})
     */
    public double[] explainedVarianceRatio() {
        return ratio.clone();
    }

    /**
     * Eigenvalues of \( S_p^{-1} B \) with \( B = \sum_k n\pi_k (\mu_k - \bar x)(\mu_k - \bar x)^T \); with
     * empirical priors and no shrinkage these are the eigenvalues of \( S_p^{-1} S_b \).
     *
     * @return one per axis, descending
     */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /**
     * The rank of the within-class covariance the model kept: the number of indicators, less the directions
     * dropped as collinear under {@link Collinearity#DROP}.
     *
     * @return the rank
     * @since 0.2.0
     */
    public int withinRank() {
        return indicators.size() - dropped.length;
    }

    /**
     * The directions dropped as collinear under {@link Collinearity#DROP}: eigenvectors of the standardised
     * within-class covariance whose singular value is at most the tolerance, one unit vector of weights on the
     * standardised indicators per row (a weight on indicator j multiplies \( x_j/\sigma_j \)).
     *
     * @return {@code [direction][indicator]}, no rows when nothing was dropped
     * @since 0.2.0
     */
    public double[][] droppedDirections() {
        return Matrices.copy(dropped);
    }

    /**
     * The indicators that take part in a dropped direction (weight at least 0.001 in absolute value), in column
     * order.
     *
     * @return the names, empty when nothing was dropped
     * @since 0.2.0
     */
    public List<String> collinearIndicators() {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < indicators.size(); j++) {
            for (double[] d : dropped) {
                if (Math.abs(d[j]) >= 1e-3) {
                    names.add(indicators.get(j).name());
                    break;
                }
            }
        }
        return names;
    }

    /**
     * Wilks' lambda and Bartlett's test for equal class means.
     *
     * @return the test
     * @throws CreditException if the unshrunk within-class scatter is singular
     */
    public WilksTest wilks() {
        if (wilks == null) {
            throw new CreditException("Wilks' lambda is undefined: the unshrunk within-class scatter is singular");
        }
        return wilks;
    }

    /**
     * Squared Mahalanobis distance between the two class means, \( D^2 = (\mu_1-\mu_0)^T S_p^{-1}(\mu_1-\mu_0)
     * = a^T(\mu_1-\mu_0) \).
     *
     * @return \( D^2 \)
     * @throws CreditException if the model has more than two classes
     */
    public double mahalanobisSquared() {
        requireBinary("the Mahalanobis distance between two groups");
        double d = 0;
        for (int j = 0; j < xbar.length; j++) {
            d += coef[0][j] * (offsets[1][j] - offsets[0][j]);
        }
        return d;
    }

    /**
     * The binary decision value \( Z = a^T x + b \), the log posterior odds of the larger label.
     *
     * @param row one value per model indicator, in model order; not modified
     * @return Z
     * @throws CreditException if the model is not binary, the row has the wrong length or a non-finite value, or
     *     the score overflows
     */
    public double decisionValue(double[] row) {
        requireBinary("a single decision value");
        checkRow(row);
        return linear(0, row);
    }

    /**
     * The decision values: one for a binary model, else one per class.
     *
     * @param row one value per model indicator, in model order; not modified
     * @return the values
     * @throws CreditException if the row has the wrong length or a non-finite value, or a score overflows
     */
    public double[] decisionValues(double[] row) {
        checkRow(row);
        double[] d = new double[coef.length];
        for (int m = 0; m < d.length; m++) {
            d[m] = linear(m, row);
        }
        return d;
    }

    /**
     * Posterior class probabilities, in class order.
     *
     * @param row one value per model indicator, in model order; not modified
     * @return probabilities summing to 1
     * @throws CreditException if the row has the wrong length or a non-finite value, or a score overflows
     */
    public double[] probabilities(double[] row) {
        return posterior(decisionValues(row));
    }

    /**
     * The posterior probability of the larger label (the default probability when 1 = defaulted).
     *
     * @param row one value per model indicator, in model order; not modified
     * @return \( 1/(1+e^{-Z}) \)
     * @throws CreditException if the model is not binary or the row is invalid
     */
    public double defaultProbability(double[] row) {
        return logistic(decisionValue(row));
    }

    /**
     * The predicted class label (largest posterior; ties go to the smaller label).
     *
     * @param row one value per model indicator, in model order; not modified
     * @return a label from {@link #classes()}
     * @throws CreditException if the row is invalid
     */
    public int predict(double[] row) {
        return classes[argmax(decisionValues(row))];
    }

    /**
     * Projection on the discriminant axes, \( W^T (x - \bar x) \) (scikit-learn {@code transform}).
     *
     * @param row one value per model indicator, in model order; not modified
     * @return one coordinate per axis
     * @throws CreditException if the row is invalid
     */
    public double[] transform(double[] row) {
        checkRow(row);
        int r = scalings.length == 0 ? 0 : scalings[0].length;
        double[] t = new double[r];
        for (int q = 0; q < r; q++) {
            double v = 0;
            for (int j = 0; j < row.length; j++) {
                v += (row[j] - xbar[j]) * scalings[j][q];
            }
            t[q] = v;
        }
        return t;
    }

    /**
     * Binary decision values of every customer of a table (columns matched by indicator name).
     *
     * @param table the customers, not modified
     * @return one Z per row
     * @throws CreditException if the model is not binary (use {@link #decisionValues(IndicatorTable)}) or the
     *     table lacks a model indicator
     */
    public double[] scores(IndicatorTable table) {
        requireBinary("scores (for more classes use decisionValues(table))");
        // the table's own columns, read without copies (tables are immutable; the kernel only reads)
        double[][] cols = org.powercx.core.internal.TableColumns.views(table, align(table));
        double[] out = new double[table.rowCount()];
        scores(cols, out);
        return out;
    }

    /**
     * Kernel: binary decision values of column-major data, without allocation.
     *
     * @param columns one column per model indicator, in model order; not modified
     * @param out receives one Z per row; modified
     * @throws CreditException if the model is not binary, sizes disagree, or a value or score is not finite
     *     (naming the indicator and row)
     */
    public void scores(double[][] columns, double[] out) {
        requireBinary("scores");
        if (columns == null || columns.length != coef[0].length || out == null) {
            throw new CreditException("expected %d columns and an output buffer", coef[0].length);
        }
        int n = out.length;
        for (double[] col : columns) {
            if (col == null || col.length != n) {
                throw new CreditException("every column must have %d values, the length of the output", n);
            }
        }
        Kernels.score(coef[0], intercept[0], columns, out);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(out[i])) {
                double[] row = new double[columns.length];
                for (int j = 0; j < row.length; j++) {
                    row[j] = columns[j][i];
                }
                checkRow(row, " in row " + i);
                throw overflow(row, "row " + i);
            }
        }
    }

    /**
     * Default probabilities (posterior of the larger label) of every customer of a table.
     *
     * @param table the customers, not modified
     * @return one probability per row
     * @throws CreditException if the model is not binary or the table lacks a model indicator
     */
    public double[] defaultProbabilities(IndicatorTable table) {
        double[] z = scores(table);
        for (int i = 0; i < z.length; i++) {
            z[i] = logistic(z[i]);
        }
        return z;
    }

    /**
     * Posterior probabilities of every customer of a table, computed column by column (the same bits as
     * {@link #probabilities(double[])} row by row).
     *
     * @param table the customers, not modified
     * @return {@code [row][class]}
     * @throws CreditException if the table lacks a model indicator, or a value or score is not finite (naming the
     *     indicator and row)
     */
    public double[][] probabilities(IndicatorTable table) {
        double[][] cols = columnsOf(table);
        int n = table.rowCount();
        double[][] p = new double[classes.length][n];
        probabilities(cols, p);
        return transpose(p, n);
    }

    /**
     * Kernel: posterior probabilities of column-major data, without allocating per row.
     *
     * @param columns one column per model indicator, in model order; not modified
     * @param out {@code out[class][row]}, one array per class of the columns' length; modified
     * @throws CreditException if sizes disagree, or a value or score is not finite (naming the indicator and row)
     * @since 0.2.0
     */
    public void probabilities(double[][] columns, double[][] out) {
        if (out == null || out.length != classes.length) {
            throw new CreditException("expected %d output columns, one per class", classes.length);
        }
        int n = checkColumns(columns, out[0]);
        for (double[] o : out) {
            if (o == null || o.length != n) {
                throw new CreditException("every output column must have %d values", n);
            }
        }
        if (coef.length == 1) {
            scoreColumns(columns, out[1]);
            for (int i = 0; i < n; i++) {
                double z = out[1][i];
                out[0][i] = logistic(-z);
                out[1][i] = logistic(z);
            }
            return;
        }
        scoreColumns(columns, out);
        double[] d = new double[classes.length];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < d.length; m++) {
                d[m] = out[m][i];
            }
            double[] p = posterior(d);
            for (int m = 0; m < d.length; m++) {
                out[m][i] = p[m];
            }
        }
    }

    /**
     * Decision values of every customer of a table: one per row for a binary model, else one per class (the
     * same bits as {@link #decisionValues(double[])} row by row).
     *
     * @param table the customers, not modified
     * @return {@code [row][value]}
     * @throws CreditException if the table lacks a model indicator, or a value or score is not finite (naming the
     *     indicator and row)
     * @since 0.2.0
     */
    public double[][] decisionValues(IndicatorTable table) {
        double[][] cols = columnsOf(table);
        int n = table.rowCount();
        double[][] d = new double[coef.length][n];
        decisionValues(cols, d);
        return transpose(d, n);
    }

    /**
     * Kernel: decision values of column-major data: {@code out[0]} the binary Z, or {@code out[k]} class k's
     * linear score \( \delta_k \).
     *
     * @param columns one column per model indicator, in model order; not modified
     * @param out one array per coefficient row (1 for two classes, else K), of the columns' length; modified
     * @throws CreditException if sizes disagree, or a value or score is not finite (naming the indicator and row)
     * @since 0.2.0
     */
    public void decisionValues(double[][] columns, double[][] out) {
        if (out == null || out.length != coef.length) {
            throw new CreditException("expected %d output columns, one per coefficient row", coef.length);
        }
        int n = checkColumns(columns, out[0]);
        for (double[] o : out) {
            if (o == null || o.length != n) {
                throw new CreditException("every output column must have %d values", n);
            }
        }
        scoreColumns(columns, out);
    }

    /**
     * Projections of every customer of a table on the discriminant axes (scikit-learn {@code transform}; the
     * same bits as {@link #transform(double[])} row by row).
     *
     * @param table the customers, not modified
     * @return {@code [row][axis]}
     * @throws CreditException if the table lacks a model indicator or a value is not finite
     * @since 0.2.0
     */
    public double[][] transform(IndicatorTable table) {
        double[][] cols = columnsOf(table);
        int n = table.rowCount();
        int r = scalings.length == 0 ? 0 : scalings[0].length;
        double[][] t = new double[r][n];
        transform(cols, t);
        return transpose(t, n);
    }

    /**
     * Kernel: projections of column-major data on the discriminant axes, \( W^T(x - \bar x) \).
     *
     * @param columns one column per model indicator, in model order; not modified
     * @param out {@code out[axis][row]}, one array per axis of the columns' length; modified
     * @throws CreditException if sizes disagree or a value is not finite (naming the indicator and row)
     * @since 0.2.0
     */
    public void transform(double[][] columns, double[][] out) {
        int r = scalings.length == 0 ? 0 : scalings[0].length;
        if (out == null || out.length != r || r == 0) {
            throw new CreditException("expected %d output columns, one per axis", r);
        }
        int n = checkColumns(columns, out[0]);
        for (int q = 0; q < r; q++) {
            double[] o = out[q];
            if (o == null || o.length != n) {
                throw new CreditException("every output column must have %d values", n);
            }
            java.util.Arrays.fill(o, 0.0);
            for (int j = 0; j < columns.length; j++) {
                double[] col = columns[j];
                double xb = xbar[j];
                double s = scalings[j][q];
                for (int i = 0; i < n; i++) {
                    o[i] += (col[i] - xb) * s;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(out[0][i])) {
                checkRow(rowOf(columns, i), " in row " + i);
            }
        }
    }

    /**
     * Predicted class labels of every customer of a table (largest posterior; ties go to the smaller label).
     *
     * @param table the customers, not modified
     * @return one label per row
     * @throws CreditException if the table lacks a model indicator, or a value or score is not finite
     */
    public int[] predict(IndicatorTable table) {
        double[][] d = new double[coef.length][table.rowCount()];
        scoreColumns(columnsOf(table), d);
        int[] out = new int[table.rowCount()];
        double[] v = new double[coef.length];
        for (int i = 0; i < out.length; i++) {
            for (int m = 0; m < v.length; m++) {
                v[m] = d[m][i];
            }
            out[i] = classes[argmax(v)];
        }
        return out;
    }

    /** The table's own columns in model order, read without copies (tables are immutable; kernels only read). */
    private double[][] columnsOf(IndicatorTable table) {
        return org.powercx.core.internal.TableColumns.views(table, align(table));
    }

    private int checkColumns(double[][] columns, double[] first) {
        if (columns == null || columns.length != coef[0].length || first == null) {
            throw new CreditException("expected %d columns and output buffers", coef[0].length);
        }
        int n = first.length;
        for (double[] col : columns) {
            if (col == null || col.length != n) {
                throw new CreditException("every column must have %d values, the length of the output", n);
            }
        }
        return n;
    }

    /** out[m] = linear score of coefficient row m, checked finite. */
    private void scoreColumns(double[][] columns, double[]... out) {
        for (int m = 0; m < out.length; m++) {
            Kernels.score(coef[m], intercept[m], columns, out[m]);
        }
        for (double[] o : out) {
            for (int i = 0; i < o.length; i++) {
                if (!Double.isFinite(o[i])) {
                    double[] row = rowOf(columns, i);
                    checkRow(row, " in row " + i);
                    throw overflow(row, "row " + i);
                }
            }
        }
    }

    private static double[] rowOf(double[][] columns, int i) {
        double[] row = new double[columns.length];
        for (int j = 0; j < row.length; j++) {
            row[j] = columns[j][i];
        }
        return row;
    }

    private static double[][] transpose(double[][] byColumn, int n) {
        double[][] out = new double[n][byColumn.length];
        for (int m = 0; m < byColumn.length; m++) {
            for (int i = 0; i < n; i++) {
                out[i][m] = byColumn[m][i];
            }
        }
        return out;
    }

    static double logistic(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private double[] posterior(double[] d) {
        if (d.length == 1) {
            double p1 = logistic(d[0]);
            return new double[] {logistic(-d[0]), p1};
        }
        double max = d[argmax(d)];
        double sum = 0;
        double[] p = new double[d.length];
        for (int m = 0; m < d.length; m++) {
            p[m] = Math.exp(d[m] - max);
            sum += p[m];
        }
        for (int m = 0; m < d.length; m++) {
            p[m] /= sum;
        }
        return p;
    }

    private static int argmax(double[] d) {
        if (d.length == 1) {
            return d[0] > 0 ? 1 : 0;
        }
        int best = 0;
        for (int m = 1; m < d.length; m++) {
            if (d[m] > d[best]) {
                best = m;
            }
        }
        return best;
    }

    private double linear(int m, double[] row) {
        double v = intercept[m];
        double[] c = coef[m];
        for (int j = 0; j < c.length; j++) {
            v += c[j] * row[j];
        }
        if (!Double.isFinite(v)) {
            throw overflow(row, "the row");
        }
        return v;
    }

    /** The exception for a finite row whose linear score overflows, naming the largest term's indicator. */
    private CreditException overflow(double[] row, String where) {
        int worst = 0;
        double largest = -1;
        for (double[] c : coef) {
            for (int j = 0; j < c.length; j++) {
                double t = Math.abs(c[j] * row[j]);
                if (t > largest) {
                    largest = t;
                    worst = j;
                }
            }
        }
        return new CreditException("the decision value of %s overflows double precision: indicator '%s' = %s is "
            + "too large for this model", where, indicators.get(worst).name(), row[worst]);
    }

    void checkRow(double[] row) {
        checkRow(row, "");
    }

    private void checkRow(double[] row, String where) {
        if (row == null || row.length != indicators.size()) {
            throw new CreditException("a row needs %d values (%s), got %s", indicators.size(),
                String.join(", ", indicatorNames()), row == null ? "null" : String.valueOf(row.length));
        }
        for (int j = 0; j < row.length; j++) {
            if (!Double.isFinite(row[j])) {
                throw new CreditException("indicator '%s' has the non-finite value %s%s", indicators.get(j).name(),
                    row[j], where);
            }
        }
    }

    List<String> indicatorNames() {
        List<String> names = new ArrayList<>();
        for (Indicator ind : indicators) {
            names.add(ind.name());
        }
        return names;
    }

    void requireBinary(String what) {
        if (classes.length != 2) {
            throw new CreditException("%s needs a two-class model, this one has %d classes", what,
                classes.length);
        }
    }

    double[][] coef() {
        return coef;
    }

    double[] sd() {
        return sd;
    }

    /**
     * A readable summary: classes, then coefficients per indicator.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("DiscriminantModel ").append(classes.length).append(" classes, ")
            .append(indicators.size()).append(" indicators");
        if (wilks != null) {
            sb.append(", ").append(wilks);
        }
        if (dropped.length > 0) {
            sb.append(", within-class rank ").append(withinRank()).append(" (collinear: ")
                .append(String.join(", ", collinearIndicators())).append(')');
        }
        sb.append('\n');
        List<String> header = new ArrayList<>(List.of("indicator"));
        for (int m = 0; m < coef.length; m++) {
            header.add(coef.length == 1 ? "coefficient" : "class " + classes[m]);
        }
        header.add(coef.length == 1 ? "standardised" : "sd");
        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < indicators.size(); j++) {
            List<String> row = new ArrayList<>(List.of(indicators.get(j).name()));
            for (double[] c : coef) {
                row.add(TextTable.number(c[j]));
            }
            row.add(TextTable.number(coef.length == 1 ? coef[0][j] * sd[j] : sd[j]));
            rows.add(row);
        }
        List<String> last = new ArrayList<>(List.of("(intercept)"));
        for (double b : intercept) {
            last.add(TextTable.number(b));
        }
        last.add("");
        rows.add(last);
        return sb.append(TextTable.render(header, rows)).toString();
    }

    /**
     * Column indices of this model's indicators in a table.
     *
     * @param table the table
     * @return positions
     */
    int[] align(IndicatorTable table) {
        if (table == null) {
            throw new CreditException("table is null");
        }
        int[] pos = new int[indicators.size()];
        for (int j = 0; j < pos.length; j++) {
            String name = indicators.get(j).name();
            if (!table.contains(name)) {
                throw new CreditException("the table has no indicator '%s' used by the model", name);
            }
            pos[j] = table.indexOf(name);
        }
        return pos;
    }
}
