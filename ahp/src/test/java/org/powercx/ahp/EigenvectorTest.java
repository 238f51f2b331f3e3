package org.powercx.ahp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

/**
 * The power iteration (with its inverse-iteration refinement) against commons-math3 3.6.1's
 * EigenDecomposition on seeded random reciprocal matrices, from consistent to wildly inconsistent.
 */
class EigenvectorTest {
    private static final double[] SCALE = {1.0 / 9, 1.0 / 7, 1.0 / 5, 1.0 / 3, 1, 3, 5, 7, 9, 2, 1.0 / 2};

    @Test
    void agreesWithADenseEigenDecomposition() {
        SplittableRandom random = new SplittableRandom(7L);
        for (int trial = 0; trial < 60; trial++) {
            int n = 3 + trial % 10;
            List<String> names = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                names.add("c" + i);
            }
            double[] upper = new double[n * (n - 1) / 2];
            for (int k = 0; k < upper.length; k++) {
                upper[k] = SCALE[random.nextInt(SCALE.length)];
            }
            PairwiseMatrix m = PairwiseMatrix.fromUpperTriangle(names, upper);
            AhpResult r = Ahp.withDefaults().with(RandomIndex.ALONSO_LAMATA).evaluate(m);
            EigenDecomposition ed = new EigenDecomposition(new Array2DRowRealMatrix(m.toArray()));
            int best = 0;
            for (int k = 1; k < n; k++) {
                if (ed.getRealEigenvalue(k) > ed.getRealEigenvalue(best)) {
                    best = k;
                }
            }
            RealVector v = ed.getEigenvector(best);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += v.getEntry(i);
            }
            double[] expected = new double[n];
            for (int i = 0; i < n; i++) {
                expected[i] = v.getEntry(i) / sum;
            }
            assertThat(r.weights().values()).as("trial %d, n = %d", trial, n).containsExactly(expected, within(1e-9));
            assertThat(r.lambdaMax()).isCloseTo(ed.getRealEigenvalue(best), within(1e-9 * n));
        }
    }
}
