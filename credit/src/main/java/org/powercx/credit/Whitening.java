package org.powercx.credit;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Whitening of a possibly singular within-class covariance by its eigenvectors, dropping the directions below
 * scikit-learn's rank tolerance ({@link Collinearity#DROP}). Package-private.
 */
final class Whitening {
    /** scikit-learn's {@code tol}: singular values of the standardised within-class data at most this are dropped. */
    static final double TOLERANCE = 1e-4;

    private Whitening() {
    }

    /**
     * The whitening \( W_1 = D^{-1} V_r \Lambda_r^{-1/2} \) of \( C = D^{-1}\Sigma D^{-1} \), keeping the
     * eigenvectors whose \( \sqrt{\lambda} \) exceeds {@link #TOLERANCE}.
     *
     * @param cov the covariance \( \Sigma \), not modified
     * @param dn the standardising deviations \( D \)
     * @param droppedOut receives at index 1 the dropped eigenvectors, one unit row each, largest weight positive
     * @return W_1, p rows of r columns, eigenvalues descending
     * @throws CreditException if the decomposition fails or no direction is left
     */
    static double[][] dropCollinear(double[][] cov, double[] dn, double[][][] droppedOut) {
        int p = cov.length;
        DMatrixRMaj c = new DMatrixRMaj(p, p);
        for (int j = 0; j < p; j++) {
            for (int l = 0; l < p; l++) {
                c.set(j, l, cov[j][l] / (dn[j] * dn[l]));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, true, true);
        if (!eig.decompose(c)) {
            throw new CreditException("the eigendecomposition of the within-class covariance failed");
        }
        Integer[] order = new Integer[p];
        double[] values = new double[p];
        for (int i = 0; i < p; i++) {
            order[i] = i;
            values[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        int rank = 0;
        while (rank < p && Math.sqrt(Math.max(values[order[rank]], 0)) > TOLERANCE) {
            rank++;
        }
        if (rank == 0) {
            throw new CreditException("every direction of the within-class covariance is below the rank tolerance %s",
                TOLERANCE);
        }
        double[][] w1 = new double[p][rank];
        for (int m = 0; m < rank; m++) {
            DMatrixRMaj v = eig.getEigenVector(order[m]);
            double f = Math.sqrt(values[order[m]]);
            for (int j = 0; j < p; j++) {
                w1[j][m] = v.get(j, 0) / (dn[j] * f);
            }
        }
        double[][] dropped = new double[p - rank][p];
        for (int m = rank; m < p; m++) {
            DMatrixRMaj v = eig.getEigenVector(order[m]);
            double norm = 0;
            int big = 0;
            for (int j = 0; j < p; j++) {
                norm += v.get(j, 0) * v.get(j, 0);
                if (Math.abs(v.get(j, 0)) > Math.abs(v.get(big, 0))) {
                    big = j;
                }
            }
            double sign = v.get(big, 0) < 0 ? -1 : 1;
            for (int j = 0; j < p; j++) {
                dropped[m - rank][j] = sign * v.get(j, 0) / Math.sqrt(norm);
            }
        }
        droppedOut[1] = dropped;
        return w1;
    }
}
