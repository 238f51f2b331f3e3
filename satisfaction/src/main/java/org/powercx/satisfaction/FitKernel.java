package org.powercx.satisfaction;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Model-implied indicator correlation matrices and the discrepancies SRMR, d_ULS and d_G on primitive arrays,
 * with per-instance buffers (one instance per thread). See {@link ModelFit} for the formulas.
 */
final class FitKernel {
    /** Number of statistics: SRMR, d_ULS, d_G for the estimated, then for the saturated model. */
    static final int WIDTH = 6;

    final PlsKernel k;
    final double[] implied;
    final double[] constructs;
    private final double[] psi;
    private final double[] a;
    private final CholeskyDecomposition_F64<DMatrixRMaj> chol;
    private final EigenDecomposition_F64<DMatrixRMaj> eig;
    private final DMatrixRMaj work;
    private final DMatrixRMaj l;
    private final double[] col;
    private final double[] tmp;

    FitKernel(PlsKernel k) {
        this.k = k;
        implied = new double[k.p * k.p];
        constructs = new double[k.m * k.m];
        psi = new double[k.m * k.m];
        a = new double[k.m * k.m];
        chol = DecompositionFactory_DDRM.chol(k.p, true);
        eig = DecompositionFactory_DDRM.eig(k.p, false, true);
        work = new DMatrixRMaj(k.p, k.p);
        l = new DMatrixRMaj(k.p, k.p);
        col = new double[k.p];
        tmp = new double[k.p * k.p];
    }

    /**
     * Construct correlations implied by the recursive structural model: with \( A = (I - B^\top)^{-1} = I + T^\top
     * \) and \( \Psi \) holding the estimated correlations of the exogenous constructs and \( 1 - R^2_j \) for the
     * structural errors of the endogenous ones, \( A \Psi A^\top \) with unit diagonal; into {@link #constructs}.
     */
    void structuralCorrelations(double[] corr, double[] total, double[] r2) {
        int m = k.m;
        java.util.Arrays.fill(psi, 0.0);
        for (int i = 0; i < m; i++) {
            boolean exoI = k.preds[i].length == 0;
            for (int j = 0; j < m; j++) {
                boolean exoJ = k.preds[j].length == 0;
                if (exoI && exoJ) {
                    psi[i * m + j] = corr[i * m + j];
                }
            }
            if (!exoI) {
                psi[i * m + i] = 1 - r2[i];
            }
            for (int c = 0; c < m; c++) {
                a[i * m + c] = (i == c ? 1 : 0) + total[c * m + i];
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double acc = 0;
                for (int c = 0; c < m; c++) {
                    double aic = a[i * m + c];
                    if (aic == 0) {
                        continue;
                    }
                    for (int d = 0; d < m; d++) {
                        acc += aic * psi[c * m + d] * a[j * m + d];
                    }
                }
                constructs[i * m + j] = i == j ? 1 : acc;
            }
        }
    }

    /** Copies construct correlations into {@link #constructs} (the saturated model). */
    void saturatedCorrelations(double[] corr) {
        System.arraycopy(corr, 0, constructs, 0, k.m * k.m);
    }

    /**
     * Indicator correlations implied by loadings and {@link #constructs}: \( \lambda_a\lambda_b\rho_{j(a)j(b)} \)
     * off the diagonal, 1 on it; within a block whose {@code composite} flag is set, the empirical correlations.
     */
    void implied(double[] r, double[] lambda, boolean[] composite) {
        int p = k.p;
        int m = k.m;
        for (int x = 0; x < p; x++) {
            int bx = k.blockOf[x];
            for (int y = 0; y < p; y++) {
                int by = k.blockOf[y];
                double v;
                if (x == y) {
                    v = 1;
                } else if (bx == by && composite[bx]) {
                    v = PlsMeasures.corr(p, r, x, y);
                } else {
                    v = lambda[x] * lambda[y] * constructs[bx * m + by];
                }
                implied[x * p + y] = v;
            }
        }
    }

    /** Writes SRMR and d_ULS of {@link #implied} against r, and d_G, at out[off], out[off + 1], out[off + 2]. */
    void discrepancies(double[] r, double[] out, int off) {
        int p = k.p;
        double sum = 0;
        for (int x = 0; x < p; x++) {
            for (int y = 0; y < x; y++) {
                double d = PlsMeasures.corr(p, r, x, y) - implied[x * p + y];
                sum += d * d;
            }
        }
        out[off] = Math.sqrt(sum / (p * (p + 1) / 2.0));
        out[off + 1] = sum;
        out[off + 2] = geodesic(r);
    }

    /**
     * \( d_G = \frac12\sum_i (\log_{10}\varphi_i)^2 \) with \( \varphi_i \) the eigenvalues of \( R^{-1}\Sigma \),
     * computed as those of the symmetric \( L^{-1}\Sigma L^{-\top} \) with \( R = LL^\top \); NaN when R is not
     * positive definite or an eigenvalue is not positive.
     */
    private double geodesic(double[] r) {
        int p = k.p;
        work.reshape(p, p);
        for (int x = 0; x < p; x++) {
            for (int y = 0; y < p; y++) {
                work.data[x * p + y] = PlsMeasures.corr(p, r, x, y);
            }
        }
        if (!chol.decompose(work)) {
            return Double.NaN;
        }
        l.reshape(p, p);
        chol.getT(l);
        // work := L^-1 Sigma (column by column), then work := L^-1 (L^-1 Sigma)^T = L^-1 Sigma L^-T
        for (int pass = 0; pass < 2; pass++) {
            double[] src = implied;
            if (pass == 1) {
                System.arraycopy(work.data, 0, tmp, 0, p * p);
                src = tmp;
            }
            for (int c = 0; c < p; c++) {
                for (int x = 0; x < p; x++) {
                    col[x] = pass == 0 ? src[x * p + c] : src[c * p + x];
                }
                TriangularSolver_DDRM.solveL(l.data, col, p);
                for (int x = 0; x < p; x++) {
                    work.data[x * p + c] = col[x];
                }
            }
        }
        for (int x = 0; x < p; x++) {
            for (int y = 0; y < x; y++) {
                double v = 0.5 * (work.data[x * p + y] + work.data[y * p + x]);
                work.data[x * p + y] = v;
                work.data[y * p + x] = v;
            }
        }
        if (!eig.decompose(work)) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < p; i++) {
            double phi = eig.getEigenvalue(i).getReal();
            if (!(phi > 0)) {
                return Double.NaN;
            }
            double lg = Math.log10(phi);
            sum += lg * lg;
        }
        return 0.5 * sum;
    }
}
