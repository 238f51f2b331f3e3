package org.powercx.credit;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.powercx.core.Singularity;

/**
 * Cholesky factorisations and solves through EJML, under the library's singularity rule
 * ({@link Singularity}: a pivot at most 1e-9 times its diagonal entry is singular). EJML's decompositions
 * overwrite their input, so every method works on a copy. Package-private.
 */
final class Cholesky {
    private Cholesky() {
    }

    /**
     * Lower Cholesky factor of a symmetric matrix.
     *
     * @param a the matrix, not modified
     * @return lower-triangular L with L L' = a, or null when a is singular by {@link Singularity}
     */
    static DMatrixRMaj lower(double[][] a) {
        int p = a.length;
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(p, true);
        if (!chol.decompose(new DMatrixRMaj(a))) {
            return null;
        }
        DMatrixRMaj l = chol.getT(null);
        for (int j = 0; j < p; j++) {
            double d = l.unsafe_get(j, j);
            if (Singularity.isSingularPivot(d * d, a[j][j])) {
                return null;
            }
        }
        return l;
    }

    /**
     * The first column (in the given order) that {@link Singularity} declares collinear with the preceding
     * ones: the order of the smallest leading block that does not factor.
     *
     * @param a a matrix for which {@link #lower} returned null, not modified
     * @return the column index
     */
    static int firstSingularColumn(double[][] a) {
        int p = a.length;
        for (int q = 1; q < p; q++) {
            if (lower(leading(a, q)) == null) {
                return q - 1;
            }
        }
        return p - 1;
    }

    /**
     * Coefficients of the regression of column j on columns 0..j-1: the solution of
     * \( A_{11} \beta = a_{1j} \) with \( A_{11} \) the leading j x j block, which factors because j is the
     * first singular column.
     *
     * @param a the matrix, not modified
     * @param j the column from {@link #firstSingularColumn}
     * @return beta of length j
     */
    static double[] regressionOnPrevious(double[][] a, int j) {
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(j);
        boolean factored = solver.setA(new DMatrixRMaj(leading(a, j)));
        assert factored : "the leading block before the first singular column factors";
        DMatrixRMaj rhs = new DMatrixRMaj(j, 1);
        for (int r = 0; r < j; r++) {
            rhs.set(r, 0, a[r][j]);
        }
        DMatrixRMaj beta = new DMatrixRMaj(j, 1);
        solver.solve(rhs, beta);
        return beta.data;
    }

    /**
     * Inverse transpose of a lower-triangular matrix, \( U = L^{-T} \) (upper triangular), by forward
     * substitution on the unit vectors. Hand-written: at p = 10 to 30 it measured faster than EJML's
     * {@code TriangularSolver_DDRM.invertLower} plus a transpose ({@code CholeskyKernelBenchmark}).
     *
     * @param l lower triangular with a non-zero diagonal, not modified
     * @return U as a new row-major array
     */
    static double[][] inverseTranspose(DMatrixRMaj l) {
        int p = l.numRows;
        double[] f = l.data;
        double[][] inv = new double[p][p];
        for (int c = 0; c < p; c++) {
            // solve L x = e_c; x is column c of L^{-1}, that is row c of L^{-T}
            double[] row = inv[c];
            for (int i = c; i < p; i++) {
                double v = i == c ? 1.0 : 0.0;
                for (int k = c; k < i; k++) {
                    v -= f[i * p + k] * row[k];
                }
                row[i] = v / f[i * p + i];
            }
        }
        return inv;
    }

    /**
     * Sum of the logs of the diagonal of a triangular matrix (half the log-determinant of L L').
     *
     * @param l the factor
     * @return sum of log diagonal
     */
    static double logDiagonal(DMatrixRMaj l) {
        double s = 0;
        for (int j = 0; j < l.numRows; j++) {
            s += Math.log(l.unsafe_get(j, j));
        }
        return s;
    }

    private static double[][] leading(double[][] a, int q) {
        double[][] sub = new double[q][];
        for (int r = 0; r < q; r++) {
            sub[r] = java.util.Arrays.copyOf(a[r], q);
        }
        return sub;
    }
}
