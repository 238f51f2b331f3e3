package org.powercx.credit;

/** Small dense linear algebra on {@code double[][]} used by the discriminant. Package-private. */
final class Linear {
    /** Pivots of a unit-diagonal (correlation) matrix below this are treated as exact collinearity. */
    static final double PIVOT_TOLERANCE = 1e-9;

    private Linear() {
    }

    /**
     * Cholesky factor of a symmetric positive definite matrix with unit-scale diagonal.
     *
     * @param a the matrix, not modified
     * @return lower-triangular L with L L' = a, or null when a pivot falls below {@link #PIVOT_TOLERANCE};
     *     then {@code failed[0]} holds the column
     */
    static double[][] cholesky(double[][] a, int[] failed) {
        int p = a.length;
        double[][] l = new double[p][p];
        for (int j = 0; j < p; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            if (!(d > PIVOT_TOLERANCE * Math.max(1.0, a[j][j]))) {
                failed[0] = j;
                return null;
            }
            double djj = Math.sqrt(d);
            l[j][j] = djj;
            for (int i = j + 1; i < p; i++) {
                double v = a[i][j];
                for (int k = 0; k < j; k++) {
                    v -= l[i][k] * l[j][k];
                }
                l[i][j] = v / djj;
            }
        }
        return l;
    }

    /**
     * Coefficients of the regression of column j on columns 0..j-1, from a Cholesky factor that failed at j:
     * beta = L11^{-T} L11^{-1} a[0..j-1][j], where the row L[j][0..j-1] already holds L11^{-1} a[..][j].
     *
     * @param a the matrix
     * @param j failed column
     * @return beta of length j
     */
    static double[] regressionOnPrevious(double[][] a, int j) {
        double[][] l = new double[j][j];
        int[] failed = new int[1];
        double[][] sub = new double[j][j];
        for (int r = 0; r < j; r++) {
            System.arraycopy(a[r], 0, sub[r], 0, j);
        }
        double[][] f = cholesky(sub, failed);
        if (f != null) {
            l = f;
        }
        double[] y = new double[j];
        for (int r = 0; r < j; r++) {
            double v = a[r][j];
            for (int k = 0; k < r; k++) {
                v -= l[r][k] * y[k];
            }
            y[r] = v / l[r][r];
        }
        double[] beta = new double[j];
        for (int r = j - 1; r >= 0; r--) {
            double v = y[r];
            for (int k = r + 1; k < j; k++) {
                v -= l[k][r] * beta[k];
            }
            beta[r] = v / l[r][r];
        }
        return beta;
    }

    /**
     * Inverse transpose of a lower-triangular matrix, U = L^{-T} (upper triangular).
     *
     * @param l lower triangular, not modified
     * @return U
     */
    static double[][] inverseTranspose(double[][] l) {
        int p = l.length;
        double[][] inv = new double[p][p];
        for (int c = 0; c < p; c++) {
            // solve L x = e_c; x is column c of L^{-1}, row c of L^{-T}
            for (int i = c; i < p; i++) {
                double v = i == c ? 1.0 : 0.0;
                for (int k = c; k < i; k++) {
                    v -= l[i][k] * inv[c][k];
                }
                inv[c][i] = v / l[i][i];
            }
        }
        // inv[c][i] = (L^{-1})[i][c] = (L^{-T})[c][i]
        return inv;
    }

    /**
     * Sum of the logs of the diagonal of a triangular matrix (half the log-determinant of L L').
     *
     * @param l the factor
     * @return sum of log diagonal
     */
    static double logDiagonal(double[][] l) {
        double s = 0;
        for (int j = 0; j < l.length; j++) {
            s += Math.log(l[j][j]);
        }
        return s;
    }
}
