package org.powercx.satisfaction;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.powercx.core.Singularity;

/**
 * A reusable Cholesky factor through EJML, under the library's singularity rule ({@link Singularity}: a pivot
 * at most 1e-9 times its diagonal entry is singular). It factors a diagonal block of a row-major matrix and
 * then solves with it any number of times; after construction nothing is allocated, so one instance per
 * thread serves every iteration. Not thread-safe. Package-private.
 */
final class Cholesky {
    private final CholeskyDecomposition_F64<DMatrixRMaj> decomposition;
    /** EJML overwrites the matrix it decomposes: the block is copied here first. */
    private final DMatrixRMaj work;
    /** The lower factor L of the last successful {@link #factor}. */
    private final DMatrixRMaj l;
    private final double[] x;
    private int order;

    /**
     * Creates a factor for blocks up to the given order.
     *
     * @param maxOrder the largest block order
     */
    Cholesky(int maxOrder) {
        decomposition = DecompositionFactory_DDRM.chol(maxOrder, true);
        work = new DMatrixRMaj(maxOrder, maxOrder);
        l = new DMatrixRMaj(maxOrder, maxOrder);
        x = new double[maxOrder];
    }

    /**
     * Factors the q x q diagonal block at offset o of the ld x ld row-major matrix a.
     *
     * @param a the matrix, not modified
     * @param ld its order
     * @param o the block's offset
     * @param q the block's order
     * @return false when the block is singular by {@link Singularity} (the factor is then unusable)
     */
    boolean factor(double[] a, int ld, int o, int q) {
        work.reshape(q, q);
        for (int i = 0; i < q; i++) {
            System.arraycopy(a, (o + i) * ld + o, work.data, i * q, q);
        }
        order = q;
        if (!decomposition.decompose(work)) {
            return false;
        }
        l.reshape(q, q);
        decomposition.getT(l);
        for (int i = 0; i < q; i++) {
            double d = l.data[i * q + i];
            if (Singularity.isSingularPivot(d * d, a[(o + i) * ld + o + i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Solves \( L L^\top y = b \) in place with the last factor.
     *
     * @param b right-hand side, overwritten by the solution
     * @param off offset of the block's entries in b
     */
    void solve(double[] b, int off) {
        System.arraycopy(b, off, x, 0, order);
        TriangularSolver_DDRM.solveL(l.data, x, order);
        TriangularSolver_DDRM.solveTranL(l.data, x, order);
        System.arraycopy(x, 0, b, off, order);
    }
}
