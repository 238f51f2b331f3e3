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
 * Credit's tiled Gram kernel against EJML's matrix products on the same blocks, in the same run: 64 blocks of
 * {@value HandKernels#BLOCK} customers by q = p + 2 rows (p shifted indicators and two class indicators, as
 * the discriminant's one-pass accumulation forms them), summed into one q x q cross-product. The hand kernel
 * reads each block as q rows of customers and fills the lower triangle; EJML gets each block in the layout
 * its kernel prefers (filled in the set-up, not timed): customers by q for {@code multAddTransA} and
 * {@code multInner}, q by customers for {@code multAddTransB}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GramKernelBenchmark {
    /** Number of blocks. */
    static final int BLOCKS = 64;

    /** Number of indicators p; a block has p + 2 rows. */
    @Param({"5", "10", "20", "30"})
    public int indicators;

    int q;
    /** q x BLOCK per block, as the hand kernel reads it. */
    double[][] byRow;
    DMatrixRMaj[] customersByQ;
    DMatrixRMaj[] qByCustomers;
    double[] gram;
    double[] quad;
    DMatrixRMaj gramMatrix;
    DMatrixRMaj blockGram;

    /** Builds the seeded blocks. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20261204L);
        q = indicators + 2;
        int len = HandKernels.BLOCK;
        byRow = new double[BLOCKS][q * len];
        customersByQ = new DMatrixRMaj[BLOCKS];
        qByCustomers = new DMatrixRMaj[BLOCKS];
        for (int b = 0; b < BLOCKS; b++) {
            for (int t = 0; t < len; t++) {
                for (int j = 0; j < indicators; j++) {
                    byRow[b][j * len + t] = CholeskyKernelBenchmark.gaussian(random);
                }
                byRow[b][(indicators + (random.nextDouble() < 0.2 ? 1 : 0)) * len + t] = 1.0;
            }
            qByCustomers[b] = new DMatrixRMaj(q, len, true, byRow[b]);
            customersByQ[b] = CommonOps_DDRM.transpose(qByCustomers[b], null);
        }
        gram = new double[q * q];
        quad = new double[4];
        gramMatrix = new DMatrixRMaj(q, q);
        blockGram = new DMatrixRMaj(q, q);
    }

    /**
     * The hand-written 2 x 2 tiled kernel (lower triangle).
     *
     * @return the cross-product
     */
    @Benchmark
    public double[] handTiled() {
        java.util.Arrays.fill(gram, 0.0);
        for (int b = 0; b < BLOCKS; b++) {
            HandKernels.crossBlock(byRow[b], HandKernels.BLOCK, q, gram, quad);
        }
        return gram;
    }

    /**
     * EJML's \( C \mathrel{+}= X^\top X \), {@code CommonOps_DDRM.multAddTransA}.
     *
     * @return the cross-product
     */
    @Benchmark
    public DMatrixRMaj ejmlMultAddTransA() {
        gramMatrix.zero();
        for (int b = 0; b < BLOCKS; b++) {
            CommonOps_DDRM.multAddTransA(customersByQ[b], customersByQ[b], gramMatrix);
        }
        return gramMatrix;
    }

    /**
     * EJML's \( C \mathrel{+}= B B^\top \), {@code CommonOps_DDRM.multAddTransB} on the hand kernel's layout.
     *
     * @return the cross-product
     */
    @Benchmark
    public DMatrixRMaj ejmlMultAddTransB() {
        gramMatrix.zero();
        for (int b = 0; b < BLOCKS; b++) {
            CommonOps_DDRM.multAddTransB(qByCustomers[b], qByCustomers[b], gramMatrix);
        }
        return gramMatrix;
    }

    /**
     * EJML's symmetric inner product \( X^\top X \), {@code CommonOps_DDRM.multInner}, added block by block.
     *
     * @return the cross-product
     */
    @Benchmark
    public DMatrixRMaj ejmlMultInner() {
        gramMatrix.zero();
        for (int b = 0; b < BLOCKS; b++) {
            CommonOps_DDRM.multInner(customersByQ[b], blockGram);
            CommonOps_DDRM.addEquals(gramMatrix, blockGram);
        }
        return gramMatrix;
    }
}
