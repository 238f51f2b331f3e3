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
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.powercx.ahp.Ahp;
import org.powercx.ahp.AhpResult;
import org.powercx.ahp.PairwiseMatrix;

/**
 * AHP's principal eigenvector: the library's power iteration (with its inverse-iteration refinement), timed
 * through the whole public evaluation (weights, CI, CR and the result object), against EJML's general
 * eigenvalue decomposition of the same seeded expert matrix followed only by picking the Perron vector and
 * normalising it, in the same run, for the orders AHP uses (3 to 15). The comparison favours EJML.
 *
 * <p>The refinement inside the power iteration, two steps of inverse iteration with \( A - \mu I \) (shift
 * just below lambda max), is timed alone too: the hand-written LU against EJML's LU solver, once with a solver
 * made for the call (as one evaluation would need) and once with a solver reused across calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EigenKernelBenchmark {
    /** Matrix order. */
    @Param({"3", "5", "7", "9", "11", "13", "15"})
    public int order;

    PairwiseMatrix matrix;
    double[] entries;
    DMatrixRMaj work;
    double[] weights;
    EigenDecomposition_F64<DMatrixRMaj> decomposition;
    double shift;
    double[] start;
    double[] refined;
    double[] luWork;
    LinearSolverDense<DMatrixRMaj> reusedSolver;
    DMatrixRMaj rhs;
    DMatrixRMaj solution;
    final Ahp ahp = Ahp.withDefaults();

    /** Builds the seeded expert matrix. */
    @Setup(Level.Trial)
    public void setUp() {
        matrix = AhpBenchmark.expert(order, new SplittableRandom(20261206L));
        entries = new double[order * order];
        double[][] a = matrix.toArray();
        for (int i = 0; i < order; i++) {
            System.arraycopy(a[i], 0, entries, i * order, order);
        }
        work = new DMatrixRMaj(order, order);
        weights = new double[order];
        decomposition = DecompositionFactory_DDRM.eig(order, true, false);
        AhpResult result = ahp.evaluate(matrix);
        shift = result.lambdaMax() * (1 - 1e-4);
        start = new double[order];
        double[] w = result.weights().values();
        for (int i = 0; i < order; i++) {
            start[i] = w[i] * (1 + 0.01 * ((i % 3) - 1));
        }
        refined = new double[order];
        luWork = new double[order * order + 3 * order];
        reusedSolver = LinearSolverFactory_DDRM.lu(order);
        rhs = new DMatrixRMaj(order, 1);
        solution = new DMatrixRMaj(order, 1);
    }

    /**
     * Two steps of shifted inverse iteration with the hand-written LU.
     *
     * @return the refined vector
     */
    @Benchmark
    public double[] handShiftedLu() {
        System.arraycopy(start, 0, refined, 0, order);
        HandKernels.shiftedInverseIteration(entries, order, refined, shift, luWork);
        return refined;
    }

    /**
     * The same with EJML's LU solver made for the call.
     *
     * @return the refined vector
     */
    @Benchmark
    public double[] ejmlShiftedLuNewSolver() {
        return ejmlShifted(LinearSolverFactory_DDRM.lu(order), new DMatrixRMaj(order, order),
            new DMatrixRMaj(order, 1), new DMatrixRMaj(order, 1));
    }

    /**
     * The same with one EJML LU solver reused across calls.
     *
     * @return the refined vector
     */
    @Benchmark
    public double[] ejmlShiftedLuReused() {
        return ejmlShifted(reusedSolver, work, rhs, solution);
    }

    private double[] ejmlShifted(LinearSolverDense<DMatrixRMaj> solver, DMatrixRMaj shifted, DMatrixRMaj b,
            DMatrixRMaj x) {
        System.arraycopy(entries, 0, shifted.data, 0, order * order);
        for (int i = 0; i < order; i++) {
            shifted.data[i * order + i] -= shift;
        }
        if (!solver.setA(shifted)) {
            throw new IllegalStateException("singular");
        }
        System.arraycopy(start, 0, x.data, 0, order);
        for (int step = 0; step < 2; step++) {
            System.arraycopy(x.data, 0, b.data, 0, order);
            solver.solve(b, x);
            double sum = 0;
            for (int i = 0; i < order; i++) {
                sum += x.data[i];
            }
            for (int i = 0; i < order; i++) {
                x.data[i] /= sum;
            }
        }
        System.arraycopy(x.data, 0, refined, 0, order);
        return refined;
    }

    /**
     * The library's evaluation by power iteration.
     *
     * @return the result
     */
    @Benchmark
    public AhpResult powerIteration() {
        return ahp.evaluate(matrix);
    }

    /**
     * EJML's eigenvalue decomposition and the Perron vector, normalised to sum 1.
     *
     * @return the weights
     */
    @Benchmark
    public double[] ejmlEigen() {
        System.arraycopy(entries, 0, work.data, 0, order * order);
        if (!decomposition.decompose(work)) {
            throw new IllegalStateException("no eigen decomposition");
        }
        int best = -1;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < decomposition.getNumberOfEigenvalues(); i++) {
            if (decomposition.getEigenvalue(i).isReal() && decomposition.getEigenvalue(i).real > max) {
                max = decomposition.getEigenvalue(i).real;
                best = i;
            }
        }
        DMatrixRMaj v = decomposition.getEigenVector(best);
        double sum = 0;
        for (int i = 0; i < order; i++) {
            sum += v.data[i];
        }
        for (int i = 0; i < order; i++) {
            weights[i] = v.data[i] / sum;
        }
        return weights;
    }
}
