package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The chunked, multi-threaded passes of {@link LogisticRegression}. */
class LogisticRegressionThreadsTest {
    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e");

    /** 200,003 rows (four chunks, the last partial, not a multiple of the block) drawn from a logistic model. */
    private static double[][] columns(int n, int[] y, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[NAMES.size()][n];
        for (int i = 0; i < n; i++) {
            double eta = -0.7;
            for (int j = 0; j < x.length; j++) {
                x[j][i] = random.nextDouble() * 4 - 2;
                eta += (j - 2) * 0.3 * x[j][i];
            }
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        return x;
    }

    @Test
    void everyThreadCountGivesTheSameBits() {
        int n = 200_003;
        int[] y = new int[n];
        double[][] x = columns(n, y, 17);
        for (double lambda : new double[] {0, 25}) {
            LogisticModel one = LogisticRegression.withDefaults().withPenalty(lambda).fit(NAMES, x, y);
            for (int threads : new int[] {2, 3, 7}) {
                LogisticModel many = LogisticRegression.withDefaults().withPenalty(lambda).withThreads(threads)
                    .fit(NAMES, x, y);
                assertThat(many.intercept()).as("threads %d", threads).isEqualTo(one.intercept());
                assertThat(many.coefficients()).as("threads %d", threads).containsExactly(one.coefficients());
                assertThat(many.passes()).isEqualTo(one.passes());
            }
            // the optimum: the exact gradient from every row vanishes there
            double[] beta = new double[NAMES.size() + 1];
            beta[0] = one.intercept();
            System.arraycopy(one.coefficients(), 0, beta, 1, NAMES.size());
            double[] grad = new double[beta.length];
            LogisticRegression.withDefaults().withPenalty(lambda).pass(x, y, beta, grad, null, 1);
            for (double g : grad) {
                assertThat(Math.abs(g)).as("gradient, lambda %s", lambda).isLessThan(1e-6);
            }
        }
    }

    @Test
    void theLossMatchesTheRowByRowSumOfLogarithms() {
        int n = 70_001;
        int[] y = new int[n];
        double[][] x = columns(n, y, 3);
        double[] beta = {0.4, -3, 1.5, 0.2, 7, -0.01};
        double expected = 0;
        for (int i = 0; i < n; i++) {
            double eta = beta[0];
            for (int j = 0; j < x.length; j++) {
                eta += beta[j + 1] * x[j][i];
            }
            expected += Math.max(eta, 0) + Math.log1p(Math.exp(-Math.abs(eta))) - y[i] * eta;
        }
        double loss = LogisticRegression.withDefaults().pass(x, y, beta, new double[beta.length], null, 1);
        // rounding of n terms near 1: well within 1e-12 relative
        assertThat(Math.abs(loss - expected)).isLessThan(1e-12 * expected);
    }

    @Test
    void aValueThatIsNotFiniteIsNamedWithoutAnExtraPass() {
        int n = 1000;
        int[] y = new int[n];
        double[][] x = columns(n, y, 5);
        x[3][417] = Double.NEGATIVE_INFINITY;
        assertThatThrownBy(() -> LogisticRegression.withDefaults().withThreads(2).fit(NAMES, x, y))
            .isInstanceOf(CreditException.class).hasMessage("column 'd' row 417 is not finite: -Infinity");
        x[3][417] = 0;
        x[0][999] = Double.NaN;
        assertThatThrownBy(() -> LogisticRegression.withDefaults().fit(NAMES, x, y))
            .isInstanceOf(CreditException.class).hasMessage("column 'a' row 999 is not finite: NaN");
    }

    @Test
    void threadCountsOutsideTheRangeAreRefused() {
        assertThat(LogisticRegression.withDefaults().threads()).isEqualTo(1);
        assertThat(LogisticRegression.withDefaults().withThreads(64).threads()).isEqualTo(64);
        assertThatThrownBy(() -> LogisticRegression.withDefaults().withThreads(0))
            .isInstanceOf(CreditException.class).hasMessage("threads must lie in [1, 64], got 0");
        assertThatThrownBy(() -> LogisticRegression.withDefaults().withThreads(65))
            .isInstanceOf(CreditException.class).hasMessage("threads must lie in [1, 64], got 65");
    }

    @Test
    void chunksDependOnTheRowCountOnly() {
        assertThat(LogisticRegression.chunkRows(1)).isEqualTo(1 << 16);
        assertThat(LogisticRegression.chunkRows(512 << 16)).isEqualTo(1 << 16);
        assertThat(LogisticRegression.chunkRows((512 << 16) + 1)).isEqualTo(2 << 16);
        assertThat(LogisticRegression.chunkRows(Integer.MAX_VALUE)).isEqualTo(64 << 16);
    }
}
