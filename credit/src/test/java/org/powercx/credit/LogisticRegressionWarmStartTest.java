package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The warm start of {@link LogisticRegression} on large data (the fit on every 16th row) and its fall-backs: the
 * fitted coefficients are the optimum of the whole data whichever way the iteration started.
 */
class LogisticRegressionWarmStartTest {
    private static final List<String> NAMES = List.of("a", "b");

    private static void assertOptimum(LogisticRegression lr, double[][] x, int[] y, LogisticModel m) {
        double[] beta = {m.intercept(), m.coefficients()[0], m.coefficients()[1]};
        double[] grad = new double[3];
        lr.pass(x, y, beta, grad, null, 1);
        for (double g : grad) {
            // the exact gradient over every row; its scale is n = 10^5 times O(1)
            assertThat(Math.abs(g)).isLessThan(1e-6);
        }
    }

    @Test
    void aSampleWithoutDefaultsFallsBackToTheStartAtZero() {
        int n = 100_000;
        SplittableRandom random = new SplittableRandom(9);
        double[][] x = new double[2][n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = random.nextDouble() * 2 - 1;
            x[1][i] = random.nextDouble() * 2 - 1;
            // rows 0, 16, 32, ... (the sample) never default
            y[i] = i % 16 != 0 && random.nextDouble() < 1 / (1 + Math.exp(1 - x[0][i] + 0.5 * x[1][i])) ? 1 : 0;
        }
        LogisticRegression lr = LogisticRegression.withDefaults();
        LogisticModel m = lr.fit(NAMES, x, y);
        assertOptimum(lr, x, y, m);
        assertThat(m.coefficients()[0]).isBetween(0.8, 1.2);
    }

    @Test
    void aSeparatedSampleFallsBackToTheStartAtZero() {
        int n = 100_000;
        SplittableRandom random = new SplittableRandom(10);
        double[][] x = new double[2][n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = random.nextDouble() * 2 - 1;
            x[1][i] = random.nextDouble() * 2 - 1;
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-2 * x[0][i])) ? 1 : 0;
            if (i % 16 == 0) {
                // the sample is separated by the sign of a: its fit diverges, the whole data's does not
                y[i] = x[0][i] > 0 ? 1 : 0;
            }
        }
        LogisticRegression lr = LogisticRegression.withDefaults();
        LogisticModel m = lr.fit(NAMES, x, y);
        assertOptimum(lr, x, y, m);
        assertThat(m.coefficients()[0]).isBetween(1.5, 2.5);
    }

    @Test
    void theWarmStartReachesTheSameOptimumAsExactNewtonFromZero() {
        int n = 100_000;
        SplittableRandom random = new SplittableRandom(11);
        double[][] x = new double[2][n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = random.nextGaussian() * 3;
            x[1][i] = random.nextDouble() < 0.1 ? 1 : 0;
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(2 - 0.4 * x[0][i] - 1.5 * x[1][i])) ? 1 : 0;
        }
        LogisticRegression lr = LogisticRegression.withDefaults().withPenalty(3);
        LogisticModel warm = lr.fit(NAMES, x, y);
        assertOptimum(lr, x, y, warm);
        // a fit to a 100x tighter tolerance moves the coefficients by less than the default tolerance
        LogisticModel tight = lr.withTolerance(1e-12).fit(NAMES, x, y);
        assertThat(warm.intercept()).isCloseTo(tight.intercept(), org.assertj.core.data.Offset.offset(1e-9));
        for (int j = 0; j < 2; j++) {
            assertThat(warm.coefficients()[j])
                .isCloseTo(tight.coefficients()[j], org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void theNestedWarmStartAndSecantUpdatesReachTheOptimumWithTheSameBitsOnAnyThreadCount() {
        // from 524,288 rows the sample's fit starts at the fit on every 256th row, and the kept matrices take
        // BFGS updates
        int n = 600_000;
        SplittableRandom random = new SplittableRandom(12);
        double[][] x = new double[2][n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = random.nextGaussian() * 2;
            x[1][i] = random.nextDouble() < 0.3 ? 1 : 0;
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(1 - 0.7 * x[0][i] + 0.8 * x[1][i])) ? 1 : 0;
        }
        LogisticRegression lr = LogisticRegression.withDefaults();
        LogisticModel m = lr.fit(NAMES, x, y);
        double[] beta = {m.intercept(), m.coefficients()[0], m.coefficients()[1]};
        double[] grad = new double[3];
        lr.pass(x, y, beta, grad, null, 1);
        for (double g : grad) {
            // n = 6 x 10^5 rows of O(1) terms
            assertThat(Math.abs(g)).isLessThan(6e-6);
        }
        LogisticModel tight = lr.withTolerance(1e-13).fit(NAMES, x, y);
        assertThat(m.intercept()).isCloseTo(tight.intercept(), org.assertj.core.data.Offset.offset(1e-9));
        for (int j = 0; j < 2; j++) {
            assertThat(m.coefficients()[j])
                .isCloseTo(tight.coefficients()[j], org.assertj.core.data.Offset.offset(1e-9));
        }
        LogisticModel three = lr.withThreads(3).fit(NAMES, x, y);
        assertThat(three.intercept()).isEqualTo(m.intercept());
        assertThat(three.coefficients()).containsExactly(m.coefficients());
        assertThat(m.passes()).isLessThanOrEqualTo(6);
    }
}
