package org.powercx.satisfaction;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.powercx.core.internal.ParallelRanges;

/**
 * Overall model fit of PLS and PLSc solutions (Henseler et al. 2014, "Common beliefs and reality about PLS",
 * Organizational Research Methods 17(2), 182-209, <a href="https://doi.org/10.1177/1094428114526928">
 * doi:10.1177/1094428114526928</a>; Dijkstra and Henseler 2015,
 * <a href="https://doi.org/10.1016/j.csda.2014.07.008">doi:10.1016/j.csda.2014.07.008</a>), as ADANCO, cSEM and
 * SmartPLS report it.
 *
 * <p><b>Model-implied correlations.</b> With loadings \( \lambda \) and construct correlations \( P \), the
 * implied correlation of indicators \( a \ne b \) of constructs \( i, j \) is
 * \( \Sigma_{ab} = \lambda_a\lambda_b P_{ij} \) (\( P_{ii} = 1 \)), with unit diagonal; within the block of a
 * composite the empirical correlations are kept. For a PLS solution every construct is a composite
 * (the PLS loadings, the score correlations); for a PLSc solution Mode A constructs are common factors (the
 * consistent loadings, the disattenuated correlations) and Mode B constructs composites. The <i>saturated</i>
 * model uses the estimated construct correlations \( P \); the <i>estimated</i> model replaces them by those
 * implied by the recursive structural model, \( A\Psi A^\top \) with \( A = (I - B^\top)^{-1} \), \( \Psi \) the
 * exogenous constructs' correlations and the structural error variances \( 1 - R_j^2 \) (errors uncorrelated),
 * and unit diagonal.
 *
 * <p><b>Discrepancies</b> between the empirical correlation matrix \( R \) and \( \Sigma \) (p indicators):
 * <ul>
 * <li>\( SRMR = \sqrt{\sum_{a \le b}(r_{ab} - \sigma_{ab})^2 / (p(p+1)/2)} \);</li>
 * <li>\( d_{ULS} = \frac12\|R - \Sigma\|_F^2 = \sum_{a &lt; b}(r_{ab} - \sigma_{ab})^2 \);</li>
 * <li>\( d_G = \frac12\sum_i(\log_{10}\varphi_i)^2 \), \( \varphi_i \) the eigenvalues of \( R^{-1}\Sigma \).</li>
 * </ul>
 * The geodesic discrepancy uses base-10 logarithms as ADANCO and cSEM compute it (and as their published values
 * are); Dijkstra and Henseler's definition with natural logarithms is \( (\ln 10)^2 \approx 5.30 \) times larger.
 *
 * <p><b>Bootstrap test of exact fit</b> ({@link #test(PlsResult, long)}): the standardised data \( Z \) are
 * transformed to \( Z R^{-1/2}\Sigma^{1/2} \), whose correlation matrix is exactly \( \Sigma \) (Bollen and
 * Stine 1992, <a href="https://doi.org/10.1177/0049124192021002004">doi:10.1177/0049124192021002004</a>), once
 * with the estimated and once with the saturated model's \( \Sigma \); each resample draws respondents with
 * replacement (the same draw for both), re-estimates the model from unit weights on the resample's correlation
 * matrix and computes the discrepancies; a PLSc resample is left out when its correction is inadmissible (a
 * loading or reliability above 1, a construct correlation matrix that is not positive definite), as cSEM's
 * {@code testOMF} drops inadmissible draws. HI95 and HI99 are the 95 % and 99 % quantiles of the resampled
 * values (linear interpolation between order statistics, R's default type 7). Resample \( b \) draws from its
 * own {@link SplittableRandom} split from the seed in index order, so the quantiles are bit-for-bit identical at
 * any thread count. A resample whose estimation fails is left out and counted
 * ({@link FitIndices#failedResamples()}); with nearly collinear constructs PLSc can lose a large share of them.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.2.0
 */
public final class ModelFit {
    private static final ModelFit DEFAULTS = new ModelFit(999, 1);
    private static final double[] LEVELS = {0.95, 0.99};

    private final int resamples;
    private final int threads;

    private ModelFit(int resamples, int threads) {
        this.resamples = resamples;
        this.threads = threads;
    }

    /**
     * The default: 999 bootstrap resamples for {@link #test}, one thread.
     *
     * @return the default calculator
     */
    public static ModelFit withDefaults() {
        return DEFAULTS;
    }

    /**
     * Returns a calculator with another number of bootstrap resamples.
     *
     * @param newResamples 2 to {@value PlsBootstrap#MAX_RESAMPLES}
     * @return a new calculator
     * @throws SatisfactionException if outside that range
     */
    public ModelFit withResamples(int newResamples) {
        if (newResamples < 2 || newResamples > PlsBootstrap.MAX_RESAMPLES) {
            throw new SatisfactionException("model fit bootstrap takes 2 to %,d resamples but was given %,d",
                PlsBootstrap.MAX_RESAMPLES, newResamples);
        }
        return new ModelFit(newResamples, threads);
    }

    /**
     * Returns a calculator running the bootstrap on another number of threads (results do not depend on it).
     *
     * @param newThreads 1 to {@value org.powercx.core.internal.ParallelRanges#MAX_THREADS}
     * @return a new calculator
     * @throws SatisfactionException if outside that range
     */
    public ModelFit withThreads(int newThreads) {
        return new ModelFit(resamples, PlsBootstrap.checkThreads(newThreads));
    }

    /**
     * Number of bootstrap resamples.
     *
     * @return the count
     */
    public int resamples() {
        return resamples;
    }

    /**
     * Number of threads.
     *
     * @return the count
     */
    public int threads() {
        return threads;
    }

    /**
     * Fit of a PLS solution (composite model), without bootstrap quantiles.
     *
     * @param pls the PLS estimates
     * @return the fit measures
     * @throws SatisfactionException if the solution is null
     */
    public FitIndices assess(PlsResult pls) {
        return run(check(pls), null, 0, 0);
    }

    /**
     * Fit of a PLSc solution (common factor model for Mode A constructs), without bootstrap quantiles.
     *
     * @param plsc the PLSc estimates
     * @return the fit measures
     * @throws SatisfactionException if the solution is null
     */
    public FitIndices assess(PlscResult plsc) {
        return run(check(plsc).pls(), plsc, 0, 0);
    }

    /**
     * Fit of a PLS solution with Bollen-Stine bootstrap quantiles HI95 and HI99.
     *
     * @param pls the PLS estimates
     * @param seed the random seed
     * @return the fit measures and their quantiles
     * @throws SatisfactionException if the solution is null, a model-implied matrix is not positive
     *     semi-definite (the transformation needs its square root), or fewer than 2 resamples succeed
     */
    public FitIndices test(PlsResult pls, long seed) {
        return run(check(pls), null, resamples, seed);
    }

    /**
     * Fit of a PLSc solution with Bollen-Stine bootstrap quantiles HI95 and HI99; each resample is corrected
     * by PLSc.
     *
     * @param plsc the PLSc estimates
     * @param seed the random seed
     * @return the fit measures and their quantiles
     * @throws SatisfactionException as {@link #test(PlsResult, long)}
     */
    public FitIndices test(PlscResult plsc, long seed) {
        return run(check(plsc).pls(), plsc, resamples, seed);
    }

    private static <T> T check(T result) {
        if (result == null) {
            throw new SatisfactionException("estimation result is null");
        }
        return result;
    }

    private FitIndices run(PlsResult pls, PlscResult plsc, int count, long seed) {
        PlsKernel k = pls.kernel();
        int p = k.p;
        int m = k.m;
        boolean consistent = plsc != null;
        boolean[] composite = new boolean[m];
        for (int j = 0; j < m; j++) {
            composite[j] = !consistent || k.modeB[j];
        }
        double[] r = pls.correlationArray();
        double[] lambda = consistent ? plsc.loadingArray() : pls.loadings();
        double[] corr = consistent ? plsc.correlationArray() : pls.ryArray();
        double[] total = consistent ? plsc.totalArray() : flatten(pls.totalEffects());
        double[] r2 = consistent ? plsc.r2Array() : rSquared(pls);
        FitKernel fit = new FitKernel(k);
        double[] values = new double[FitKernel.WIDTH];
        fit.structuralCorrelations(corr, total, r2);
        fit.implied(r, lambda, composite);
        double[] estimated = fit.implied.clone();
        fit.discrepancies(r, values, 0);
        fit.saturatedCorrelations(corr);
        fit.implied(r, lambda, composite);
        double[] saturated = fit.implied.clone();
        fit.discrepancies(r, values, 3);
        double[][] quantiles = new double[LEVELS.length][FitKernel.WIDTH];
        for (double[] q : quantiles) {
            Arrays.fill(q, Double.NaN);
        }
        if (count == 0) {
            return new FitIndices(pls.model(), consistent, values, estimated, saturated, quantiles, new int[2]);
        }
        int n = pls.sampleSize();
        double[] z = standardised(pls);
        double[] zEst = transform(z, n, p, r, estimated, "estimated");
        double[] zSat = transform(z, n, p, r, saturated, "saturated");
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[count];
        for (int b = 0; b < count; b++) {
            streams[b] = root.split();
        }
        double[] draws = new double[count * FitKernel.WIDTH];
        ParallelRanges.run(count, threads, (from, to) -> {
            Buffers buf = new Buffers(k, n);
            for (int b = from; b < to; b++) {
                Arrays.fill(buf.counts, 0);
                SplittableRandom rng = streams[b];
                for (int i = 0; i < n; i++) {
                    buf.counts[rng.nextInt(n)]++;
                }
                evaluate(zEst, n, buf, consistent, composite, false, draws, b * FitKernel.WIDTH);
                evaluate(zSat, n, buf, consistent, composite, true, draws, b * FitKernel.WIDTH + 3);
            }
        });
        int failed = 0;
        for (int b = 0; b < count; b++) {
            boolean bad = false;
            for (int c = 0; c < FitKernel.WIDTH; c += 3) {
                bad |= Double.isNaN(draws[b * FitKernel.WIDTH + c]);
            }
            failed += bad ? 1 : 0;
        }
        for (int c = 0; c < FitKernel.WIDTH; c++) {
            double[] v = new double[count];
            int ok = 0;
            for (int b = 0; b < count; b++) {
                double x = draws[b * FitKernel.WIDTH + c];
                if (!Double.isNaN(x)) {
                    v[ok++] = x;
                }
            }
            if (ok < 2 && c % 3 != 2) {
                throw new SatisfactionException("model fit bootstrap: only %d of %d resamples could be estimated",
                    ok, count);
            }
            Arrays.sort(v, 0, ok);
            for (int q = 0; q < LEVELS.length; q++) {
                quantiles[q][c] = ok < 2 ? Double.NaN : quantile(v, ok, LEVELS[q]);
            }
        }
        return new FitIndices(pls.model(), consistent, values, estimated, saturated, quantiles,
            new int[] {count, failed});
    }

    /** Per-thread buffers. */
    private static final class Buffers {
        final double[] s;
        final double[] mean;
        final double[] sd;
        final double[] centred;
        final double[] weight;
        final int[] counts;
        final double[] loadings;
        final double[] total;
        final double[] power;
        final double[] next;
        final PlsKernel.Workspace ws;
        final PlscKernel plsc;
        final FitKernel fit;

        Buffers(PlsKernel k, int n) {
            s = new double[k.p * k.p];
            mean = new double[k.p];
            sd = new double[k.p];
            centred = new double[n * k.p];
            weight = new double[n];
            counts = new int[n];
            loadings = new double[k.p];
            total = new double[k.m * k.m];
            power = new double[k.m * k.m];
            next = new double[k.m * k.m];
            ws = new PlsKernel.Workspace(k);
            plsc = new PlscKernel(k);
            fit = new FitKernel(k);
        }
    }

    /** Estimates on one resample of the transformed data; writes 3 discrepancies, NaN if estimation fails. */
    private static void evaluate(double[] z, int n, Buffers b, boolean consistent, boolean[] composite,
            boolean saturated, double[] out, int off) {
        PlsKernel k = b.fit.k;
        Arrays.fill(out, off, off + 3, Double.NaN);
        if (Moments.compute(z, n, k.p, b.counts, true, b.s, b.mean, b.sd, b.centred, b.weight) != -1) {
            return;
        }
        if (k.estimate(b.s, b.ws) != PlsKernel.CONVERGED) {
            return;
        }
        PlsMeasures.loadings(k, b.s, b.ws.u, b.loadings, 0);
        double[] lambda = b.loadings;
        double[] corr = b.ws.ry;
        double[] path = b.ws.path;
        double[] r2 = b.ws.r2;
        if (consistent) {
            if (b.plsc.correct(b.s, b.ws.w, b.loadings, b.ws.ry) != PlscKernel.OK
                    || !b.plsc.admissible(PlscResult.ADMISSIBLE_SLACK)) {
                return;
            }
            lambda = b.plsc.lambda;
            corr = b.plsc.corr;
            path = b.plsc.path;
            r2 = b.plsc.r2;
        }
        if (saturated) {
            b.fit.saturatedCorrelations(corr);
        } else {
            PlsMeasures.totalEffects(k.m, path, b.total, b.power, b.next);
            b.fit.structuralCorrelations(corr, b.total, r2);
        }
        b.fit.implied(b.s, lambda, composite);
        b.fit.discrepancies(b.s, out, off);
    }

    /** Type 7 quantile of the first {@code n} sorted values. */
    static double quantile(double[] sorted, int n, double level) {
        double h = (n - 1) * level;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    /** The respondents' z-scores (population standard deviation), row-major n x p. */
    private static double[] standardised(PlsResult pls) {
        double[] x = pls.dataArray();
        double[] mean = pls.indicatorMeans();
        double[] sd = pls.indicatorStandardDeviations();
        int p = mean.length;
        double[] z = new double[x.length];
        for (int i = 0; i < z.length; i++) {
            int c = i % p;
            z[i] = (x[i] - mean[c]) / sd[c];
        }
        return z;
    }

    /** \( Z R^{-1/2} \Sigma^{1/2} \). */
    private static double[] transform(double[] z, int n, int p, double[] r, double[] sigma, String which) {
        double[] rInvHalf = power(r, p, -0.5, "empirical");
        double[] sigmaHalf = power(sigma, p, 0.5, which + " model's implied");
        double[] t = new double[p * p];
        for (int a = 0; a < p; a++) {
            for (int c = 0; c < p; c++) {
                double ra = rInvHalf[a * p + c];
                for (int b = 0; b < p; b++) {
                    t[a * p + b] += ra * sigmaHalf[c * p + b];
                }
            }
        }
        double[] out = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < p; c++) {
                double zc = z[i * p + c];
                for (int b = 0; b < p; b++) {
                    out[i * p + b] += zc * t[c * p + b];
                }
            }
        }
        return out;
    }

    /** Symmetric matrix power through the eigendecomposition; the matrix must be positive definite. */
    private static double[] power(double[] a, int p, double exponent, String what) {
        DMatrixRMaj mat = new DMatrixRMaj(p, p);
        for (int x = 0; x < p; x++) {
            for (int y = 0; y < p; y++) {
                mat.data[x * p + y] = PlsMeasures.corr(p, a, x, y);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, true, true);
        if (!eig.decompose(mat)) {
            throw new SatisfactionException("model fit bootstrap: the eigendecomposition of the %s correlation "
                + "matrix failed", what);
        }
        double[] out = new double[p * p];
        for (int i = 0; i < p; i++) {
            double lambda = eig.getEigenvalue(i).getReal();
            if (!(lambda > 1e-12)) {
                throw new SatisfactionException("model fit bootstrap: the %s correlation matrix is not positive "
                    + "definite (eigenvalue %s)", what, lambda);
            }
            double f = Math.pow(lambda, exponent);
            DMatrixRMaj v = eig.getEigenVector(i);
            for (int x = 0; x < p; x++) {
                for (int y = 0; y < p; y++) {
                    out[x * p + y] += f * v.data[x] * v.data[y];
                }
            }
        }
        return out;
    }

    private static double[] flatten(double[][] a) {
        int m = a.length;
        double[] out = new double[m * m];
        for (int i = 0; i < m; i++) {
            System.arraycopy(a[i], 0, out, i * m, m);
        }
        return out;
    }

    private static double[] rSquared(PlsResult pls) {
        java.util.List<String> names = pls.model().constructNames();
        double[] out = new double[names.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = pls.rSquared(names.get(j));
        }
        return out;
    }

    @Override
    public String toString() {
        return "ModelFit[resamples=" + resamples + ", threads=" + threads + "]";
    }
}
