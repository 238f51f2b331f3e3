package org.powercx.credit;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.core.internal.ParallelRanges;

/**
 * Fisher's linear discriminant analysis, an immutable calculator that fits a {@link DiscriminantModel}.
 *
 * <p>For classes \( k = 1..K \) with \( n_k \) customers, means \( \mu_k \) and the summed within-class
 * scatter \( S_w = \sum_k \sum_{i \in k} (x_i-\mu_k)(x_i-\mu_k)^T \), the pooled covariance is
 * \( S_p = S_w/(n-K) \) (optionally shrunk, see {@link Shrinkage}). With priors \( \pi_k \) and
 * \( \bar x = \sum_k \pi_k \mu_k \), the discriminant axes \( W \) solve the generalised eigenproblem
 * \( B v = \lambda S_p v \), \( B = \sum_k \frac{n\pi_k}{K-1} (\mu_k-\bar x)(\mu_k-\bar x)^T \),
 * normalised so that \( W^T S_p W = I \); there are at most \( K-1 \) of them. Class \( k \) gets the linear
 * score \( \delta_k(x) = c_k^T x + b_k \) with \( c_k = W W^T (\mu_k-\bar x) \) and
 * \( b_k = -\tfrac12 \lVert W^T(\mu_k-\bar x)\rVert^2 + \ln \pi_k - \bar x^T c_k \). These are exactly the
 * conventions of scikit-learn's {@code LinearDiscriminantAnalysis(solver='svd')}: for two classes the
 * coefficient vector \( c_2 - c_1 \) equals Fisher's direction \( a = S_p^{-1}(\mu_2-\mu_1) \)
 * (R. A. Fisher 1936, The use of multiple measurements in taxonomic problems, Ann. Eugenics 7, 179-188,
 * doi:10.1111/j.1469-1809.1936.tb02137.x).
 *
 * <p>The fit reads the data chunk by chunk: each chunk of 65,536 rows is summed about its own means (class
 * means and within-class cross-products in cache-sized blocks) and the chunks are merged by the pairwise update
 * of Chan, Golub and LeVeque (1979), so that no row's position, such as an outlier in the first row, costs
 * accuracy; a second pass is made only for the Ledoit-Wolf intensities. Labels are arbitrary integers; classes are their
 * distinct values in ascending order, so with labels 0 = good, 1 = defaulted the binary score points
 * towards default.
 *
 * @since 0.1.0
 */
public final class LinearDiscriminant {
    private static final LinearDiscriminant DEFAULT = new LinearDiscriminant(null, Shrinkage.none(), 1,
        Collinearity.REJECT);
    private static final int MAX_LABEL_RANGE = 1 << 20;
    private static final double RANK_TOLERANCE = 1e-4;
    /**
     * Smallest pooled variance accepted, 2^-900 (about 1.2e-271): squared deviations of that size and their
     * products stay far from the subnormal range, where double precision loses significant digits.
     */
    static final double MIN_VARIANCE = 0x1p-900;
    /**
     * Pooled variance, relative to the squared largest class mean, below which an indicator is tested for being
     * constant within every class: the chunk means' rounding leaves about 1e-32 of it.
     */
    private static final double CONSTANT_RESIDUE = 1e-24;
    /** Largest pooled variance accepted, 2^900 (about 8.5e270), so that covariances and their sums stay finite. */
    static final double MAX_VARIANCE = 0x1p900;

    private final double[] priors;
    private final Shrinkage shrinkage;
    private final int threads;
    private final Collinearity collinearity;

    private LinearDiscriminant(double[] priors, Shrinkage shrinkage, int threads, Collinearity collinearity) {
        this.priors = priors;
        this.shrinkage = shrinkage;
        this.threads = threads;
        this.collinearity = collinearity;
    }

    /**
     * Empirical priors, no shrinkage.
     *
     * @return the calculator
     */
    public static LinearDiscriminant withDefaults() {
        return DEFAULT;
    }

    /**
     * Given priors, one per class in ascending label order.
     *
     * @param classPriors positive values summing to 1 within 1e-9; copied
     * @return a new calculator
     * @throws CreditException if a prior is not positive and finite or they do not sum to 1
     */
    public LinearDiscriminant withPriors(double... classPriors) {
        if (classPriors == null || classPriors.length < 2) {
            throw new CreditException("at least two priors are needed, got %s",
                classPriors == null ? "null" : String.valueOf(classPriors.length));
        }
        double sum = 0;
        for (int k = 0; k < classPriors.length; k++) {
            if (!(classPriors[k] > 0 && classPriors[k] < Double.POSITIVE_INFINITY)) {
                throw new CreditException("prior %d must be positive and finite, got %s", k, classPriors[k]);
            }
            sum += classPriors[k];
        }
        if (!(Math.abs(sum - 1) <= 1e-9)) {
            throw new CreditException("priors must sum to 1, they sum to %s", sum);
        }
        return new LinearDiscriminant(classPriors.clone(), shrinkage, threads, collinearity);
    }

    /**
     * Priors estimated as the class shares \( n_k/n \) (the default).
     *
     * @return a new calculator
     */
    public LinearDiscriminant withEmpiricalPriors() {
        return new LinearDiscriminant(null, shrinkage, threads, collinearity);
    }

    /**
     * Shrinkage of the pooled covariance.
     *
     * @param newShrinkage the setting, not null
     * @return a new calculator
     * @throws CreditException if the setting is null
     */
    public LinearDiscriminant withShrinkage(Shrinkage newShrinkage) {
        if (newShrinkage == null) {
            throw new CreditException("shrinkage is null; use Shrinkage.none()");
        }
        return new LinearDiscriminant(priors, newShrinkage, threads, collinearity);
    }

    /**
     * The shrinkage this calculator applies, so that a caller fitting from statistics can refuse a Ledoit-Wolf
     * setting before summarising any row.
     *
     * @return the setting
     * @since 0.2.0
     */
    public Shrinkage shrinkage() {
        return shrinkage;
    }

    /**
     * Accumulates the class sums and cross-products on several threads. The rows are summed in fixed chunks of
     * 65,536 whose sums are merged in chunk order, so the fitted model is bit-identical for any thread count;
     * threads pay off from a few hundred thousand rows.
     *
     * @param count worker threads, 1 (the default) to
     *     {@value org.powercx.core.internal.ParallelRanges#MAX_THREADS}, the cap shared by every
     *     {@code withThreads} option
     * @return a new calculator
     * @throws CreditException if the count is outside
     *     [1, {@value org.powercx.core.internal.ParallelRanges#MAX_THREADS}]
     */
    public LinearDiscriminant withThreads(int count) {
        if (!ParallelRanges.isValidThreadCount(count)) {
            throw new CreditException("threads must lie in [1, %d], got %d", ParallelRanges.MAX_THREADS, count);
        }
        return new LinearDiscriminant(priors, shrinkage, count, collinearity);
    }

    /**
     * What to do with collinear indicators: refuse the fit (the default) or drop the collinear directions as
     * scikit-learn's {@code svd} solver does (see {@link Collinearity}).
     *
     * @param mode the setting, not null
     * @return a new calculator
     * @throws CreditException if the setting is null
     * @since 0.2.0
     */
    public LinearDiscriminant withCollinearity(Collinearity mode) {
        if (mode == null) {
            throw new CreditException("collinearity is null; use Collinearity.REJECT or Collinearity.DROP");
        }
        return new LinearDiscriminant(priors, shrinkage, threads, mode);
    }

    /**
     * The number of threads the fit uses.
     *
     * @return at least 1
     */
    public int threads() {
        return threads;
    }

    /**
     * Fits the model to a table.
     *
     * @param table customers by indicators, not modified
     * @param labels class label of each row, not modified
     * @return the fitted model
     * @throws CreditException if the labels have the wrong length, there is only one class, a class has
     *     fewer than two customers, the priors do not match the classes, the (shrunk) pooled covariance is
     *     singular by the rule of {@link org.powercx.core.Singularity} (an indicator's squared multiple
     *     correlation with the preceding ones is at least \( 1 - 10^{-9} \); the message names the constant or
     *     collinear indicators), or an indicator's pooled variance
     *     lies outside \( [2^{-900}, 2^{900}] \) (the message names it and asks to rescale it)
     */
    public DiscriminantModel fit(IndicatorTable table, int[] labels) {
        if (table == null) {
            throw new CreditException("table is null");
        }
        // the table's own columns, read without copies (tables are immutable; the fit only reads)
        double[][] cols = new double[table.indicatorCount()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = org.powercx.core.internal.TableColumns.view(table, j);
        }
        return fit(table.indicators(), cols, labels);
    }

    /**
     * Fits the model to column-major primitive data (the kernel behind {@link #fit(IndicatorTable, int[])}).
     *
     * @param indicators one per column
     * @param columns {@code columns[j][i]} is row i's value of indicator j; not modified
     * @param labels class label of each row; not modified
     * @return the fitted model
     * @throws CreditException as {@link #fit(IndicatorTable, int[])}, and if sizes disagree or a value is
     *     not finite (naming indicator and row)
     */
    public DiscriminantModel fit(List<Indicator> indicators, double[][] columns, int[] labels) {
        if (indicators == null || columns == null || indicators.isEmpty()) {
            throw new CreditException("no indicators");
        }
        int p = indicators.size();
        if (columns.length != p) {
            throw new CreditException("%d indicators but %d columns", p, columns.length);
        }
        int n = columns[0] == null ? 0 : columns[0].length;
        for (int j = 0; j < p; j++) {
            if (columns[j] == null || columns[j].length != n) {
                throw new CreditException("indicator '%s' has %s values but the first column has %d",
                    indicators.get(j).name(), columns[j] == null ? "no" : String.valueOf(columns[j].length), n);
            }
        }
        if (labels == null || labels.length != n) {
            throw new CreditException("%s labels for %d rows: labels must have one entry per row",
                labels == null ? "no" : String.valueOf(labels.length), n);
        }
        if (n == 0) {
            throw new CreditException("no rows to fit");
        }
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int v : labels) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if ((long) max - min >= MAX_LABEL_RANGE) {
            throw new CreditException("labels span %d to %d; use class indices 0..K-1", min, max);
        }
        int[] lookup = new int[max - min + 1];
        for (int v : labels) {
            lookup[v - min] = 1;
        }
        int k = 0;
        int[] classesTmp = new int[lookup.length];
        for (int v = 0; v < lookup.length; v++) {
            if (lookup[v] != 0) {
                classesTmp[k] = v + min;
                lookup[v] = k++;
            }
        }
        if (k < 2) {
            throw new CreditException("only one class (label %d): at least two classes are needed", min);
        }
        int[] classes = java.util.Arrays.copyOf(classesTmp, k);
        if (priors != null && priors.length != k) {
            throw new CreditException("%d priors given but the labels have %d classes", priors.length, k);
        }
        Scatter sc = Scatter.accumulate(columns, n, labels, lookup, min, k, threads);
        sc.checkFinite(columns, n, indicators);
        for (int c = 0; c < k; c++) {
            if (sc.counts[c] < 2) {
                throw new CreditException("class %d has %d customer(s); each class needs at least 2",
                    classes[c], sc.counts[c]);
            }
        }
        double[] pi = new double[k];
        for (int c = 0; c < k; c++) {
            pi[c] = priors != null ? priors[c] : (double) sc.counts[c] / n;
        }
        int lookupMin = min;
        return solve(indicators, j -> sc.constantWithinClasses(columns, n, labels, lookup, lookupMin, j),
            (centred, corr, sd, dof) -> LedoitWolf.intensity(columns, n, labels, lookup, lookupMin, sc.shift,
                centred, corr, sd, dof),
            (centred, scale, corr) -> LedoitWolf.classIntensities(columns, n, labels, lookup, lookupMin, sc.shift,
                centred, scale, corr, sc.counts), sc, classes, pi, n);
    }

    /** The Ledoit-Wolf intensity of the data behind a scatter. */
    @FunctionalInterface
    private interface Intensity {
        double of(double[][] centred, double[][] corr, double[] sd, double dof);
    }

    /** The Ledoit-Wolf intensities per class of the data behind a scatter. */
    @FunctionalInterface
    private interface ClassIntensities {
        double[] of(double[][] centred, double[][] scale, double[][][] corr);
    }

    /**
     * Fits the model to mergeable statistics of rows summarised block by block (a calibration set larger than
     * memory): equal, bit for bit, to {@link #fit(IndicatorTable, int[])} on the rows the statistics summarise.
     * Ledoit-Wolf shrinkage needs a second pass over the rows and is not available here; no shrinkage and
     * fixed shrinkage ({@link Shrinkage#fixed(double)}, {@link Shrinkage#fixedByClass(double)}) are.
     *
     * @param statistics the statistics; they must start at the data's first row
     * @return the fitted model
     * @throws CreditException if the statistics are null or empty, do not start at row 0, the shrinkage is
     *     Ledoit-Wolf, or as {@link #fit(IndicatorTable, int[])}
     * @since 0.2.0
     */
    public DiscriminantModel fit(DiscriminantStatistics statistics) {
        if (statistics == null) {
            throw new CreditException("statistics are null");
        }
        if (statistics.count() == 0) {
            throw new CreditException("no rows to fit");
        }
        if (statistics.firstRow() != 0) {
            throw new CreditException("statistics start at row %d: merge the parts before them first",
                statistics.firstRow());
        }
        if (shrinkage.isLedoitWolf()) {
            throw new CreditException("%s needs a second pass over the rows: fit on the table, or use "
                + "Shrinkage.fixed(lambda) or Shrinkage.fixedByClass(lambda) with statistics", shrinkage);
        }
        int[] labels = statistics.classes();
        int min = labels[0];
        int max = labels[labels.length - 1];
        if ((long) max - min >= MAX_LABEL_RANGE) {
            throw new CreditException("labels span %d to %d; use class indices 0..K-1", min, max);
        }
        int k = labels.length;
        if (k < 2) {
            throw new CreditException("only one class (label %d): at least two classes are needed", min);
        }
        if (priors != null && priors.length != k) {
            throw new CreditException("%d priors given but the labels have %d classes", priors.length, k);
        }
        List<Indicator> indicators = statistics.indicators();
        int[] classes = new int[k];
        Scatter sc = statistics.scatter(classes);
        int p = indicators.size();
        for (int j = 0; j < p; j++) {
            if (!sc.finiteVariance(j)) {
                throw new CreditException("indicator '%s' varies too widely for double precision: its sum of "
                    + "squared deviations overflows; rescale the indicator (the discriminant is invariant to "
                    + "rescaling)", indicators.get(j).name());
            }
        }
        for (int c = 0; c < k; c++) {
            if (sc.counts[c] < 2) {
                throw new CreditException("class %d has %d customer(s); each class needs at least 2",
                    classes[c], sc.counts[c]);
            }
        }
        long n = statistics.count();
        if (n > Integer.MAX_VALUE) {
            throw new CreditException("%d rows exceed the %d that a fit handles", n, Integer.MAX_VALUE);
        }
        double[] pi = new double[k];
        for (int c = 0; c < k; c++) {
            pi[c] = priors != null ? priors[c] : (double) sc.counts[c] / n;
        }
        return solve(indicators, statistics::constantWithinClasses, null, null, sc, classes, pi, (int) n);
    }

    private DiscriminantModel solve(List<Indicator> indicators, java.util.function.IntPredicate constantWithin,
            Intensity ledoitWolf, ClassIntensities byClass, Scatter sc, int[] classes, double[] pi, int n) {
        int p = sc.p;
        int k = sc.classCount;
        double[][] means = sc.means();
        // class-mean differences are formed from the shifted sums, so that a large common offset of an
        // indicator does not round them (the offset only enters the intercept)
        double[][] centred = sc.centredMeans();
        double[][] sw = sc.withinScatter();
        double dof = n - k;
        double[] sd = new double[p];
        boolean[] constant = new boolean[p];
        for (int j = 0; j < p; j++) {
            double v = sw[j][j] / dof;
            double size = 0;
            for (int c = 0; c < k; c++) {
                size = Math.max(size, Math.abs(means[c][j]));
            }
            // an indicator constant within each class leaves only the rounding of the chunk means, squared
            // (below 1e-30 of its squared size); the exact test on the data decides
            if (!(v >= MIN_VARIANCE && v > CONSTANT_RESIDUE * size * size) && constantWithin.test(j)) {
                if (collinearity == Collinearity.DROP) {
                    // a direction of zero within-class variance, dropped below as scikit-learn's svd solver does
                    constant[j] = true;
                    continue;
                }
                throw new CreditException("indicator '%s' is constant within every class (pooled variance %s): "
                    + "the pooled covariance is singular; drop the indicator or use Collinearity.DROP",
                    indicators.get(j).name(), v);
            }
            if (!(v >= MIN_VARIANCE && v <= MAX_VARIANCE)) {
                throw new CreditException("indicator '%s' has the pooled within-class variance %s, outside the range "
                    + "[%s, %s] that double precision resolves: its squared deviations %s; rescale the indicator "
                    + "(the discriminant is invariant to rescaling)", indicators.get(j).name(), v, MIN_VARIANCE,
                    MAX_VARIANCE, v > MAX_VARIANCE || Double.isNaN(v) ? "overflow" : "underflow");
            }
            sd[j] = Math.sqrt(v);
        }
        double[][] corr = new double[p][p];
        for (int j = 0; j < p; j++) {
            for (int l = 0; l < p; l++) {
                corr[j][l] = j == l ? 1.0 : constant[j] || constant[l] ? 0.0 : sw[j][l] / dof / (sd[j] * sd[l]);
            }
        }
        double lambda;
        double[][] shrunk = new double[p][p];
        double[][] cov;
        double[] scale;
        if (shrinkage.isByClass()) {
            double[] weight = new double[1];
            cov = classCovariance(sc, centred, pi, byClass, weight, constant);
            lambda = weight[0];
            scale = new double[p];
            for (int j = 0; j < p; j++) {
                scale[j] = Math.sqrt(cov[j][j]);
            }
            for (int j = 0; j < p; j++) {
                for (int l = 0; l < p; l++) {
                    shrunk[j][l] = j == l ? 1.0 : cov[j][l] / (scale[j] * scale[l]);
                }
            }
        } else {
            lambda = shrinkage.isLedoitWolf() ? ledoitWolf.of(centred, corr, sd, dof) : shrinkage.lambda();
            // an indicator constant within every class keeps a zero row: sd is 0 there
            cov = new double[p][p];
            scale = sd;
            for (int j = 0; j < p; j++) {
                for (int l = 0; l < p; l++) {
                    shrunk[j][l] = j == l ? 1.0 : (1 - lambda) * corr[j][l];
                    cov[j][l] = shrunk[j][l] * sd[j] * sd[l];
                }
            }
        }
        double[][] w1;
        double[][] dropped = new double[0][];
        if (collinearity == Collinearity.DROP) {
            double[] dn = new double[p];
            for (int j = 0; j < p; j++) {
                // scikit-learn standardises a column of zero within-class deviation by 1
                dn[j] = constant[j] ? 1.0 : sd[j] * Math.sqrt(dof / n);
            }
            double[][][] kept = new double[2][][];
            w1 = Whitening.dropCollinear(cov, dn, kept);
            dropped = kept[1];
        } else {
            DMatrixRMaj chol = Cholesky.lower(shrunk);
            if (chol == null) {
                throw singular(indicators, shrunk, Cholesky.firstSingularColumn(shrunk));
            }
            double[][] u = Cholesky.inverseTranspose(chol);
            w1 = new double[p][p];
            for (int j = 0; j < p; j++) {
                for (int m = 0; m < p; m++) {
                    w1[j][m] = u[j][m] / scale[j];
                }
            }
        }
        int rw = w1[0].length;
        double[] xbar = new double[p];
        double[] xbarCentred = new double[p];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < p; j++) {
                xbar[j] += pi[c] * means[c][j];
                xbarCentred[j] += pi[c] * centred[c][j];
            }
        }
        double[][] offsets = new double[k][p];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < p; j++) {
                offsets[c][j] = centred[c][j] - xbarCentred[j];
            }
        }
        DMatrixRMaj mm = new DMatrixRMaj(k, rw);
        for (int c = 0; c < k; c++) {
            double wc = Math.sqrt(n * pi[c] / (k - 1));
            for (int m = 0; m < rw; m++) {
                double v = 0;
                for (int j = 0; j < p; j++) {
                    v += offsets[c][j] * w1[j][m];
                }
                mm.set(c, m, wc * v);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(k, rw, false, true, true);
        if (!svd.decompose(mm)) {
            throw new CreditException("the singular value decomposition of the class centres failed");
        }
        double[] s = svd.getSingularValues();
        DMatrixRMaj v = svd.getV(null, false);
        int count = svd.numberOfSingularValues();
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(s[y], s[x]));
        double total = 0;
        for (int i = 0; i < count; i++) {
            total += s[i] * s[i];
        }
        int maxComponents = Math.min(k - 1, p);
        int usable = Math.min(k - 1, rw);
        int rank = 0;
        while (rank < Math.min(count, usable) && s[order[rank]] > RANK_TOLERANCE * s[order[0]]) {
            rank++;
        }
        double[] ratio = new double[maxComponents];
        double[] eigen = new double[maxComponents];
        for (int i = 0; i < maxComponents && i < count; i++) {
            double si = s[order[i]];
            ratio[i] = si * si / total;
            eigen[i] = si * si * (k - 1);
        }
        double[][] scalings = new double[p][rank];
        for (int r = 0; r < rank; r++) {
            int col = order[r];
            for (int j = 0; j < p; j++) {
                double x = 0;
                for (int m = 0; m < rw; m++) {
                    x += w1[j][m] * v.get(m, col);
                }
                scalings[j][r] = x;
            }
            double diff = 0;
            for (int j = 0; j < p; j++) {
                diff += (centred[k - 1][j] - centred[0][j]) * scalings[j][r];
            }
            if (diff < 0) {
                for (int j = 0; j < p; j++) {
                    scalings[j][r] = -scalings[j][r];
                }
            }
        }
        WilksTest wilks = WilksTest.compute(sw, centred, sc.counts, sd, n);
        return new DiscriminantModel(indicators, classes, sc.counts, pi, means, offsets, cov, sd, lambda, xbar, scalings,
            ratio, eigen, wilks, dropped);
    }

    /**
     * The covariance \( \Sigma = \sum_k \pi_k \hat S_k \) of class covariances \( S_k = W_k/n_k \) shrunk one by
     * one, as scikit-learn's {@code _class_cov}; {@code intensityOut[0]} receives the fixed intensity or the
     * prior-weighted mean of the per-class Ledoit-Wolf intensities.
     */
    private double[][] classCovariance(Scatter sc, double[][] centred, double[] pi, ClassIntensities byClass,
            double[] intensityOut, boolean[] constant) {
        int p = sc.p;
        int k = sc.classCount;
        double[][][] s = new double[k][][];
        double[][] scale = new double[k][p];
        double[][][] corr = new double[k][p][p];
        for (int c = 0; c < k; c++) {
            s[c] = sc.classScatter(c);
            for (int j = 0; j < p; j++) {
                for (int l = 0; l < p; l++) {
                    // an indicator constant within every class (Collinearity.DROP) keeps exact zeros, not the
                    // rounding left by the chunk means
                    s[c][j][l] = constant[j] || constant[l] ? 0.0 : s[c][j][l] / sc.counts[c];
                }
            }
            for (int j = 0; j < p; j++) {
                double sdj = Math.sqrt(s[c][j][j]);
                // scikit-learn's StandardScaler leaves an indicator constant within the class unscaled
                scale[c][j] = sdj < 10 * Math.ulp(1.0) ? 1.0 : sdj;
            }
            for (int j = 0; j < p; j++) {
                for (int l = 0; l < p; l++) {
                    corr[c][j][l] = s[c][j][l] / (scale[c][j] * scale[c][l]);
                }
            }
        }
        double[] intensity = new double[k];
        if (shrinkage.isLedoitWolf()) {
            intensity = byClass.of(centred, scale, corr);
        } else {
            java.util.Arrays.fill(intensity, shrinkage.lambda());
        }
        double[][] cov = new double[p][p];
        double weighted = 0;
        for (int c = 0; c < k; c++) {
            double lam = intensity[c];
            weighted += pi[c] * lam;
            double[][] target = shrinkage.isLedoitWolf() ? corr[c] : s[c];
            double mu = 0;
            for (int j = 0; j < p; j++) {
                mu += target[j][j];
            }
            mu /= p;
            for (int j = 0; j < p; j++) {
                for (int l = 0; l < p; l++) {
                    double v = (1 - lam) * target[j][l] + (j == l ? lam * mu : 0);
                    if (shrinkage.isLedoitWolf()) {
                        v *= scale[c][j] * scale[c][l];
                    }
                    cov[j][l] += pi[c] * v;
                }
            }
        }
        intensityOut[0] = shrinkage.isLedoitWolf() ? Math.min(1, weighted) : shrinkage.lambda();
        return cov;
    }

    private static CreditException singular(List<Indicator> indicators, double[][] corr, int j) {
        double[] beta = Cholesky.regressionOnPrevious(corr, j);
        List<String> involved = new ArrayList<>();
        for (int l = 0; l < j; l++) {
            if (Math.abs(beta[l]) > 1e-6) {
                involved.add("'" + indicators.get(l).name() + "'");
            }
        }
        return new CreditException("the pooled within-class covariance is singular: indicator '%s' is collinear "
            + "with %s; drop one of the collinear indicators or use shrinkage "
            + "(Shrinkage.fixed(lambda) or Shrinkage.ledoitWolf())", indicators.get(j).name(),
            involved.isEmpty() ? "the preceding indicators" : String.join(", ", involved));
    }
}
