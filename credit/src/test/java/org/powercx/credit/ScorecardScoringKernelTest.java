package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

/**
 * The scoring kernel against the definition: each score is the sum, in card order starting from 0, of the points
 * of the bins found by a plain binary search (bin = number of upper bounds strictly below the value), bit for bit,
 * for any thread count, on random cards whose bounds take every shape the kernel distinguishes.
 */
class ScorecardScoringKernelTest {

    /** Bin of x: the number of bounds u with u &lt; x, by bisection. */
    private static int naiveBin(double[] u, double x) {
        int lo = 0;
        int hi = u.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (u[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double[] naiveScores(ScorecardModel card, double[][] cols) {
        double[] out = new double[cols[0].length];
        for (int i = 0; i < out.length; i++) {
            double s = 0;
            for (int j = 0; j < cols.length; j++) {
                String name = card.indicatorNames().get(j);
                double[] pts = card.points(name);
                s += pts[naiveBin(card.bins().get(j).upperBounds(), cols[j][i])];
            }
            out[i] = s;
        }
        return out;
    }

    /** Bounds of one of several shapes: ordinary, one bound, around zero with -0.0, tiny, huge, clustered. */
    private static double[] bounds(SplittableRandom random, int shape) {
        int k = 1 + random.nextInt(18);
        double[] u = new double[k];
        switch (shape) {
            case 0 -> {
                double x = random.nextGaussian();
                for (int i = 0; i < k; i++) {
                    x += 0.01 + random.nextDouble();
                    u[i] = x;
                }
            }
            case 1 -> u = new double[] {random.nextGaussian()};
            case 2 -> u = new double[] {-1.5, -Double.MIN_VALUE, -0.0, Double.MIN_VALUE, 3};
            case 3 -> {
                for (int i = 0; i < k; i++) {
                    u[i] = (i - k / 2) * 1e-310;
                }
            }
            case 4 -> u = new double[] {-1e300, -1, 0.5, 1e300};
            case 5 -> {
                // bounds one ulp apart next to a far one: no grid of 2^16 cells separates them
                u = new double[] {1, Math.nextUp(1.0), Math.nextUp(Math.nextUp(1.0)), 1e6};
            }
            default -> {
                for (int i = 0; i < k; i++) {
                    u[i] = Math.scalb(1.0, i * 3 - 20) * (1 + random.nextDouble());
                }
                java.util.Arrays.sort(u);
                for (int i = 1; i < k; i++) {
                    if (!(u[i] > u[i - 1])) {
                        u[i] = Math.nextUp(u[i - 1]);
                    }
                }
            }
        }
        return u;
    }

    private static ScorecardModel randomCard(SplittableRandom random, int m) {
        List<ScorecardModel.Bins> card = new ArrayList<>();
        double[] beta = new double[m];
        for (int j = 0; j < m; j++) {
            double[] u = bounds(random, j % 7);
            long[] goods = new long[u.length + 1];
            long[] defaults = new long[u.length + 1];
            for (int b = 0; b <= u.length; b++) {
                goods[b] = 1 + random.nextInt(500);
                defaults[b] = 1 + random.nextInt(100);
            }
            card.add(new ScorecardModel.Bins("x" + j, u, goods, defaults));
            beta[j] = random.nextGaussian();
        }
        return ScorecardModel.of(new ScorecardModel.Parameters(card, List.of(), random.nextGaussian(), beta, 0, 3, 4,
            20, 600, 50));
    }

    /** Values at a bound, one ulp either side, zeros of both signs, extremes and random values. */
    private static double[][] values(SplittableRandom random, ScorecardModel card, int n) {
        double[][] cols = new double[card.bins().size()][n];
        for (int j = 0; j < cols.length; j++) {
            double[] u = card.bins().get(j).upperBounds();
            for (int i = 0; i < n; i++) {
                double bound = u[random.nextInt(u.length)];
                cols[j][i] = switch (random.nextInt(8)) {
                    case 0 -> bound;
                    case 1 -> Math.nextUp(bound);
                    case 2 -> Math.nextDown(bound);
                    case 3 -> random.nextBoolean() ? 0.0 : -0.0;
                    case 4 -> random.nextBoolean() ? Double.MAX_VALUE : -Double.MAX_VALUE;
                    case 5 -> random.nextGaussian() * Math.scalb(1.0, random.nextInt(80) - 40);
                    default -> bound + (random.nextDouble() - 0.5) * (Math.abs(bound) + 1);
                };
            }
        }
        return cols;
    }

    @Test
    void everyScoreIsTheCardOrderSumOfTheBinarySearchPointsBitForBitAtAnyThreadCount() {
        SplittableRandom random = new SplittableRandom(20);
        for (int trial = 0; trial < 12; trial++) {
            ScorecardModel card = randomCard(random, 1 + random.nextInt(24));
            int n = 1 + random.nextInt(5000);
            double[][] cols = values(random, card, n);
            double[] expected = naiveScores(card, cols);
            for (int threads : new int[] {1, 2, 3, 7}) {
                double[] out = new double[n + 3];
                java.util.Arrays.fill(out, Double.NaN);
                card.withThreads(threads).scores(cols, out);
                assertThat(java.util.Arrays.copyOf(out, n)).as("trial %d, %d threads", trial, threads)
                    .containsExactly(expected);
                assertThat(out[n]).isNaN();
            }
            List<Indicator> indicators = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (String name : card.indicatorNames()) {
                indicators.add(Indicator.benefit(name));
            }
            for (int i = 0; i < n; i++) {
                ids.add("c" + i);
            }
            IndicatorTable table = IndicatorTable.ofColumns(indicators, ids, cols);
            assertThat(card.withThreads(2).scores(table)).containsExactly(expected);
        }
    }

    @Test
    void aBoundOfNegativeZeroDoesNotPutPositiveZeroAboveIt() {
        ScorecardModel card = ScorecardModel.of(new ScorecardModel.Parameters(List.of(new ScorecardModel.Bins("x",
            new double[] {-0.0}, new long[] {10, 20}, new long[] {5, 2})), List.of(), -1, new double[] {1}, 0, 1, 1,
            20, 600, 50));
        double[] pts = card.points("x");
        double[] out = new double[3];
        card.scores(new double[][] {{0.0, -0.0, Double.MIN_VALUE}}, out);
        assertThat(out).containsExactly(0.0 + pts[0], 0.0 + pts[0], 0.0 + pts[1]);
    }

    @Test
    void infinitiesAndNaNAreRefusedNamingTheFirstInColumnOrderAtAnyThreadCount() {
        SplittableRandom random = new SplittableRandom(21);
        ScorecardModel card = randomCard(random, 3);
        double[][] cols = values(random, card, 4000);
        cols[2][10] = Double.NaN;
        cols[1][3500] = Double.POSITIVE_INFINITY;
        cols[1][3900] = Double.NEGATIVE_INFINITY;
        for (int threads : new int[] {1, 2, 4}) {
            assertThatThrownBy(() -> card.withThreads(threads).scores(cols, new double[4000]))
                .isInstanceOf(CreditException.class).hasMessage("indicator 'x1' row 3500 is not finite: Infinity");
        }
        cols[1][3500] = 0;
        assertThatThrownBy(() -> card.scores(cols, new double[4000]))
            .hasMessage("indicator 'x1' row 3900 is not finite: -Infinity");
        cols[1][3900] = 0;
        assertThatThrownBy(() -> card.withThreads(3).scores(cols, new double[4000]))
            .hasMessage("indicator 'x2' row 10 is not finite: NaN");
    }

    @Test
    void threadCountsOutsideOneToTheCapAreRefused() {
        ScorecardModel card = randomCard(new SplittableRandom(22), 2);
        assertThat(card.threads()).isEqualTo(1);
        assertThat(card.withThreads(4).threads()).isEqualTo(4);
        assertThat(card.withThreads(4).parameters()).isEqualTo(card.parameters());
        assertThatThrownBy(() -> card.withThreads(0)).isInstanceOf(CreditException.class)
            .hasMessage("threads must lie in [1, 64], got 0");
        assertThatThrownBy(() -> card.withThreads(65)).hasMessage("threads must lie in [1, 64], got 65");
    }
}
