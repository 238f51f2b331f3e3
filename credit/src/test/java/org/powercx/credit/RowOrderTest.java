package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.powercx.core.Indicator;

/**
 * The fit does not depend on where an outlier sits among the rows: the scatter is summed about each chunk's
 * means (chunks merged by Chan, Golub and LeVeque's update), not about the first row. On the data below, with the
 * first row as shift, moving the outlier from the first to the last row moved the coefficients by 1.4e-7 of the
 * largest; now by about 5e-13.
 */
class RowOrderTest {
    private static final int N = 2000;

    /**
     * n = 2000 rows: x1 = x0 + 1e-4 noise (nearly collinear), x2 independent; the good customer in row 0 has the
     * outlier x2 = 1e5, or, when {@code outlierFirst} is false, rows 0 and n - 2 (both good) are swapped.
     */
    static double[][] columns(boolean outlierFirst) {
        SplittableRandom rnd = new SplittableRandom(20);
        double[][] cols = new double[3][N];
        for (int i = 0; i < N; i++) {
            double label = i % 2;
            double a = rnd.nextGaussian() + 0.5 * label;
            cols[0][i] = a;
            cols[1][i] = a + 1e-4 * rnd.nextGaussian() + 2e-4 * label;
            cols[2][i] = rnd.nextGaussian() - 0.3 * label;
        }
        cols[2][0] = 1e5;
        if (!outlierFirst) {
            for (double[] col : cols) {
                double t = col[0];
                col[0] = col[N - 2];
                col[N - 2] = t;
            }
        }
        return cols;
    }

    static int[] labels() {
        int[] y = new int[N];
        for (int i = 0; i < N; i++) {
            y[i] = i % 2;
        }
        return y;
    }

    @Test
    void anOutlierInTheFirstRowCostsNoAccuracy() {
        List<Indicator> inds = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            inds.add(Indicator.benefit("x" + j));
        }
        for (LinearDiscriminant lda : List.of(LinearDiscriminant.withDefaults(),
                LinearDiscriminant.withDefaults().withShrinkage(Shrinkage.fixed(1e-6)),
                LinearDiscriminant.withDefaults().withShrinkage(Shrinkage.ledoitWolfByClass()))) {
            double[] a = lda.fit(inds, columns(true), labels()).coefficients()[0];
            double[] b = lda.fit(inds, columns(false), labels()).coefficients()[0];
            double norm = 0;
            for (double v : b) {
                norm = Math.max(norm, Math.abs(v));
            }
            // the coefficients are about -2.1e4, 2.1e4 and -2.4e-5: compared relative to the largest
            for (int j = 0; j < 3; j++) {
                assertThat(Math.abs(a[j] - b[j]) / norm).as("coefficient %d", j).isLessThan(1e-10);
            }
        }
    }
}
