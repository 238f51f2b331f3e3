package org.powercx.grey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The radix ranking against a comparison sort by {@code Double.compare}, ties in index order. */
class RankingTest {

    private static int[] expected(double[] g) {
        Integer[] idx = new Integer[g.length];
        for (int i = 0; i < g.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(g[b], g[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void agreesWithAComparisonSortOnEveryKindOfSpread() {
        SplittableRandom rnd = new SplittableRandom(20261204L);
        for (int kind = 0; kind < 7; kind++) {
            for (int n : new int[] {0, 1, 2, 63, 64, 65, 1000, 30_000}) {
                double[] g = new double[n];
                for (int i = 0; i < n; i++) {
                    g[i] = switch (kind) {
                        // grades of real tables: a narrow bell inside (0, 1]
                        case 0 -> (rnd.nextDouble() + rnd.nextDouble() + rnd.nextDouble()) / 3;
                        // a few distinct grades with many ties, and both zeros
                        case 1 -> rnd.nextInt(5) / 4.0 + (rnd.nextInt(3) == 0 ? -0.0 : 0.0);
                        // a tight cluster far from one outlier: the leading bits tie, the keys do not
                        case 2 -> i % 1000 == 7 ? 1.0 : 0.5 + rnd.nextDouble() * 1e-12;
                        // short clusters of near-equal grades beside an outlier
                        case 3 -> i % 5000 == 3 ? 1e-300 : 0.5 + rnd.nextInt(50) * 1e-13 + rnd.nextInt(3) * 1e-16;
                        // any bit pattern: negative, subnormal, infinite, NaN
                        case 4 -> Double.longBitsToDouble(rnd.nextLong());
                        case 5 -> rnd.nextInt(3) == 0 ? Double.NaN : rnd.nextBoolean() ? -0.0 : 0.0;
                        default -> 0.75;
                    };
                }
                assertThat(Ranking.descending(g)).as("kind %d, n %d", kind, n).containsExactly(expected(g));
            }
        }
    }

    @Test
    void everyThreadCountGivesTheSameOrderOnLargeArrays() {
        SplittableRandom rnd = new SplittableRandom(20261205L);
        int n = 200_003;
        for (int kind = 0; kind < 4; kind++) {
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = switch (kind) {
                    case 0 -> (rnd.nextDouble() + rnd.nextDouble() + rnd.nextDouble()) / 3;
                    // runs of tied leading bits that cross the parts' borders
                    case 1 -> i % 1000 == 7 ? 1.0 : 0.5 + rnd.nextDouble() * 1e-12;
                    // one low digit for all (the first pass is skipped) and ties of the full key
                    case 2 -> rnd.nextInt(7) / 8.0;
                    default -> i % 3 == 0 ? 0.25 : 0.25 + (i % 5) * Math.ulp(0.25);
                };
            }
            int[] expected = expected(g);
            for (int threads : new int[] {1, 2, 3, 8}) {
                assertThat(Ranking.descending(g, threads)).as("kind %d, %d threads", kind, threads)
                    .containsExactly(expected);
            }
        }
    }
}
