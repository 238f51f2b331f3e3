package org.powercx.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.powercx.ahp.Ahp;

class KernelBenchmarksTest {

    private static void assertClose(double[] actual, double[] expected, double relative) {
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("entry %d", i).isCloseTo(expected[i], within(relative * scale));
        }
    }

    private static double[] lowerTriangle(double[] square, int q) {
        double[] out = new double[q * (q + 1) / 2];
        int k = 0;
        for (int j = 0; j < q; j++) {
            for (int l = 0; l <= j; l++) {
                out[k++] = square[j * q + l];
            }
        }
        return out;
    }

    @Test
    void choleskyVariantsAgreeAndLeaveTheMatrixUntouched() {
        for (int p : new int[] {5, 30}) {
            CholeskyKernelBenchmark b = new CholeskyKernelBenchmark();
            b.order = p;
            b.setUp();
            double[] before = b.matrix.clone();
            double[] hand = b.handFactorSolve().clone();
            assertClose(b.ejmlFactorSolve(), hand, 1e-12);
            assertClose(b.ejmlSolver(), hand, 1e-12);
            // A x = b
            double[] product = new double[p];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    product[i] += b.matrix[i * p + j] * hand[j];
                }
            }
            assertClose(product, b.rhs, 1e-12);
            double[] handInverse = b.handFactorInverse().clone();
            DMatrixRMaj ejmlInverse = b.ejmlFactorInverse();
            assertClose(ejmlInverse.data, handInverse, 1e-12);
            assertThat(b.matrix).containsExactly(before);
        }
    }

    @Test
    void gramVariantsAgreeOnTheLowerTriangle() {
        GramKernelBenchmark b = new GramKernelBenchmark();
        b.indicators = 5;
        b.setUp();
        int q = b.q;
        double[] full = b.handTiled().clone();
        double[] hand = lowerTriangle(full, q);
        assertClose(lowerTriangle(b.ejmlMultAddTransA().data, q), hand, 1e-13);
        assertClose(lowerTriangle(b.ejmlMultAddTransB().data, q), hand, 1e-13);
        assertClose(lowerTriangle(b.ejmlMultInner().data, q), hand, 1e-13);
        // the class indicators' diagonal counts every customer once
        assertThat(full[(q - 2) * q + q - 2] + full[(q - 1) * q + q - 1])
            .isEqualTo((double) GramKernelBenchmark.BLOCKS * HandKernels.BLOCK);
    }

    @Test
    void momentsVariantsAgree() {
        MomentsKernelBenchmark b = new MomentsKernelBenchmark();
        b.rows = 250;
        b.indicators = 10;
        b.setUp();
        double[] before = b.centred.clone();
        double[] hand = b.handUnrolled().clone();
        assertClose(b.ejmlMultTransA().data, hand, 1e-13);
        assertClose(b.ejmlMultInner().data, hand, 1e-13);
        assertThat(b.centred).containsExactly(before);
    }

    @Test
    void eigenVariantsAgreeWithThePublicApi() {
        for (int n : new int[] {3, 9, 15}) {
            EigenKernelBenchmark b = new EigenKernelBenchmark();
            b.order = n;
            b.setUp();
            double[] before = b.entries.clone();
            double[] power = b.powerIteration().weights().values();
            assertThat(power).containsExactly(Ahp.withDefaults().evaluate(b.matrix).weights().values());
            assertClose(b.ejmlEigen(), power, 1e-9);
            double[] hand = b.handShiftedLu().clone();
            assertClose(hand, power, 1e-6);
            assertClose(b.ejmlShiftedLuNewSolver().clone(), hand, 1e-9);
            assertClose(b.ejmlShiftedLuReused().clone(), hand, 1e-9);
            assertThat(b.entries).containsExactly(before);
        }
    }
}
