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

/**
 * Satisfaction's weighted cross-product kernel (four rows at a time) against EJML's products, in the same run,
 * on centred survey answers of the sizes PLS path models see (250 and 2,000 respondents, 10 and 30
 * indicators). The weights are all 1 (unweighted data, the usual case): the hand kernel still multiplies by
 * them, EJML's {@code multTransA} and {@code multInner} get the unweighted product, so the comparison favours
 * EJML.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MomentsKernelBenchmark {
    /** Number of respondents. */
    @Param({"250", "2000"})
    public int rows;

    /** Number of indicators. */
    @Param({"10", "30"})
    public int indicators;

    double[] centred;
    double[] weight;
    double[] product;
    DMatrixRMaj centredMatrix;
    DMatrixRMaj productMatrix;

    /** Builds the seeded centred answers. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20261205L);
        int p = indicators;
        centred = new double[rows * p];
        for (int i = 0; i < rows * p; i++) {
            centred[i] = random.nextInt(1, 11) - 5.5;
        }
        weight = new double[rows];
        java.util.Arrays.fill(weight, 1.0);
        product = new double[p * p];
        centredMatrix = new DMatrixRMaj(rows, p, true, centred);
        productMatrix = new DMatrixRMaj(p, p);
    }

    /**
     * The hand-written kernel.
     *
     * @return \( C^\top \mathrm{diag}(w) C \)
     */
    @Benchmark
    public double[] handUnrolled() {
        HandKernels.weightedCrossProduct(centred, weight, rows, indicators, product);
        return product;
    }

    /**
     * EJML's {@code CommonOps_DDRM.multTransA}.
     *
     * @return \( C^\top C \)
     */
    @Benchmark
    public DMatrixRMaj ejmlMultTransA() {
        CommonOps_DDRM.multTransA(centredMatrix, centredMatrix, productMatrix);
        return productMatrix;
    }

    /**
     * EJML's symmetric {@code CommonOps_DDRM.multInner}.
     *
     * @return \( C^\top C \)
     */
    @Benchmark
    public DMatrixRMaj ejmlMultInner() {
        CommonOps_DDRM.multInner(centredMatrix, productMatrix);
        return productMatrix;
    }
}
