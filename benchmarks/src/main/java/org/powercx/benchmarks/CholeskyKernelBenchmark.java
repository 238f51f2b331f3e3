package org.powercx.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.powercx.core.Singularity;

/**
 * Hand-written Cholesky kernels against EJML's, in the same run, at the orders the library factors (p = 5 to 30
 * indicators or constructs) on a seeded correlation matrix: factor and solve one right-hand side (satisfaction's
 * Mode B blocks and structural regressions), and factor and form the whitening inverse \( L^{-T} \) (credit's
 * discriminant). The EJML variants do what the library does: copy, decompose, check the pivots against
 * {@link Singularity}, then solve or invert; every buffer is allocated once in the set-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CholeskyKernelBenchmark {
    /** Matrix order. */
    @Param({"5", "10", "20", "30"})
    public int order;

    double[] matrix;
    double[] rhs;
    double[] factor;
    double[] solution;
    double[] inverse;
    DMatrixRMaj work;
    DMatrixRMaj lower;
    DMatrixRMaj rhsMatrix;
    DMatrixRMaj solutionMatrix;
    CholeskyDecomposition_F64<DMatrixRMaj> decomposition;
    LinearSolverDense<DMatrixRMaj> solver;

    /** Builds the seeded correlation matrix of 4p Gaussian rows and the buffers. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20261203L);
        int p = order;
        int n = 4 * p;
        double[] x = new double[n * p];
        for (int i = 0; i < n * p; i++) {
            x[i] = gaussian(random) + (i % p == 0 ? 0 : 0.5 * x[i - 1]);
        }
        matrix = correlation(x, n, p);
        rhs = new double[p];
        for (int j = 0; j < p; j++) {
            rhs[j] = random.nextDouble() - 0.5;
        }
        factor = new double[p * p];
        solution = new double[p];
        inverse = new double[p * p];
        work = new DMatrixRMaj(p, p);
        lower = new DMatrixRMaj(p, p);
        rhsMatrix = new DMatrixRMaj(p, 1);
        solutionMatrix = new DMatrixRMaj(p, 1);
        decomposition = DecompositionFactory_DDRM.chol(p, true);
        solver = LinearSolverFactory_DDRM.chol(p);
    }

    static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    static double[] correlation(double[] x, int n, int p) {
        double[] mean = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                mean[j] += x[i * p + j] / n;
            }
        }
        double[] s = new double[p * p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                for (int l = 0; l < p; l++) {
                    s[j * p + l] += (x[i * p + j] - mean[j]) * (x[i * p + l] - mean[l]);
                }
            }
        }
        double[] r = new double[p * p];
        for (int j = 0; j < p; j++) {
            for (int l = 0; l < p; l++) {
                r[j * p + l] = j == l ? 1.0 : s[j * p + l] / Math.sqrt(s[j * p + j] * s[l * p + l]);
            }
        }
        return r;
    }

    /**
     * Hand-written factor and solve.
     *
     * @return the solution
     */
    @Benchmark
    public double[] handFactorSolve() {
        if (!HandKernels.cholesky(matrix, order, factor)) {
            throw new IllegalStateException("singular");
        }
        System.arraycopy(rhs, 0, solution, 0, order);
        HandKernels.solve(factor, order, solution);
        return solution;
    }

    /**
     * EJML's Cholesky decomposition, the pivot check and EJML's triangular solves (the satisfaction path).
     *
     * @return the solution
     */
    @Benchmark
    public double[] ejmlFactorSolve() {
        System.arraycopy(matrix, 0, work.data, 0, order * order);
        if (!decomposition.decompose(work)) {
            throw new IllegalStateException("singular");
        }
        decomposition.getT(lower);
        checkPivots();
        System.arraycopy(rhs, 0, solution, 0, order);
        TriangularSolver_DDRM.solveL(lower.data, solution, order);
        TriangularSolver_DDRM.solveTranL(lower.data, solution, order);
        return solution;
    }

    /**
     * EJML's Cholesky linear solver ({@code LinearSolverFactory_DDRM.chol}), without the pivot check.
     *
     * @return the solution
     */
    @Benchmark
    public double[] ejmlSolver() {
        System.arraycopy(matrix, 0, work.data, 0, order * order);
        if (!solver.setA(work)) {
            throw new IllegalStateException("singular");
        }
        System.arraycopy(rhs, 0, rhsMatrix.data, 0, order);
        solver.solve(rhsMatrix, solutionMatrix);
        return solutionMatrix.data;
    }

    /**
     * Hand-written factor and whitening inverse.
     *
     * @return \( L^{-T} \)
     */
    @Benchmark
    public double[] handFactorInverse() {
        if (!HandKernels.cholesky(matrix, order, factor)) {
            throw new IllegalStateException("singular");
        }
        java.util.Arrays.fill(inverse, 0.0);
        HandKernels.inverseTranspose(factor, order, inverse);
        return inverse;
    }

    /**
     * EJML's decomposition, the pivot check, EJML's triangular inverse and transpose (the credit path).
     *
     * @return \( L^{-T} \)
     */
    @Benchmark
    public DMatrixRMaj ejmlFactorInverse() {
        System.arraycopy(matrix, 0, work.data, 0, order * order);
        if (!decomposition.decompose(work)) {
            throw new IllegalStateException("singular");
        }
        decomposition.getT(lower);
        checkPivots();
        TriangularSolver_DDRM.invertLower(lower.data, order);
        return CommonOps_DDRM.transpose(lower, work);
    }

    private void checkPivots() {
        for (int j = 0; j < order; j++) {
            double d = lower.data[j * order + j];
            if (Singularity.isSingularPivot(d * d, matrix[j * order + j])) {
                throw new IllegalStateException("singular");
            }
        }
    }
}
