package org.powercx.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Statistics of blocks against the definitions, evaluated row by row with {@code Math.min} and {@code Math.max}. */
class IndicatorStatisticsTest {

    @Test
    void boundsAndTargetDistancesEqualTheRowByRowDefinitionsBitForBit() {
        SplittableRandom rnd = new SplittableRandom(20261204L);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rnd.nextInt(400);
            int m = 1 + rnd.nextInt(4);
            List<Indicator> inds = new ArrayList<>();
            double[] targets = new double[m];
            for (int j = 0; j < m; j++) {
                targets[j] = switch (rnd.nextInt(4)) {
                    case 0 -> 0.0;
                    case 1 -> 1e300;
                    case 2 -> -1e-3;
                    default -> rnd.nextDouble() * 10 - 5;
                };
                inds.add(j % 2 == 0 ? Indicator.target("t" + j, targets[j]) : Indicator.benefit("b" + j));
            }
            double[][] cols = new double[m][n];
            for (int j = 0; j < m; j++) {
                for (int i = 0; i < n; i++) {
                    cols[j][i] = switch (rnd.nextInt(6)) {
                        case 0 -> -0.0;
                        case 1 -> 0.0;
                        case 2 -> -1.5e308;
                        case 3 -> targets[j] + Math.ulp(targets[j]) * (rnd.nextInt(5) - 2);
                        default -> rnd.nextDouble() * 20 - 10;
                    };
                }
            }
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add("c" + i);
            }
            IndicatorTable table = IndicatorTable.ofColumns(inds, ids, cols);
            IndicatorStatistics s = IndicatorStatistics.empty(inds);
            for (int from = 0; from < n;) {
                int to = Math.min(n, from + 1 + rnd.nextInt(n));
                s = s.add(table.rows(from, to));
                from = to;
            }
            for (IndicatorStatistics stats : List.of(s, IndicatorStatistics.of(table))) {
                for (int j = 0; j < m; j++) {
                    double lo = Double.POSITIVE_INFINITY;
                    double hi = Double.NEGATIVE_INFINITY;
                    double dlo = Double.POSITIVE_INFINITY;
                    double dhi = 0;
                    for (int i = 0; i < n; i++) {
                        lo = Math.min(lo, cols[j][i]);
                        hi = Math.max(hi, cols[j][i]);
                        if (j % 2 == 0) {
                            double d = Math.abs(cols[j][i] - targets[j]);
                            dlo = Math.min(dlo, d);
                            dhi = Math.max(dhi, d);
                        }
                    }
                    assertThat(stats.minima()[j]).as("min %d", j).isEqualTo(lo);
                    assertThat(Double.doubleToRawLongBits(stats.minima()[j])).isEqualTo(Double.doubleToRawLongBits(lo));
                    assertThat(Double.doubleToRawLongBits(stats.maxima()[j])).isEqualTo(Double.doubleToRawLongBits(hi));
                    assertThat(Double.doubleToRawLongBits(stats.targetDistanceMinima()[j])).as("dmin %d", j)
                        .isEqualTo(Double.doubleToRawLongBits(dlo));
                    assertThat(Double.doubleToRawLongBits(stats.targetDistanceMaxima()[j])).as("dmax %d", j)
                        .isEqualTo(Double.doubleToRawLongBits(dhi));
                }
                assertThat(stats.count()).isEqualTo(n);
            }
        }
    }

    @Test
    void threadedStatisticsEqualTheSequentialOnesBitForBit() {
        SplittableRandom rnd = new SplittableRandom(20261205L);
        int n = 300_007;
        List<Indicator> inds = List.of(Indicator.target("t", 0.0), Indicator.benefit("b"), Indicator.cost("c"));
        double[][] cols = new double[3][n];
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < n; i++) {
                cols[j][i] = switch (rnd.nextInt(8)) {
                    case 0 -> -0.0;
                    case 1 -> 0.0;
                    case 2 -> Math.ulp(0.0) * (rnd.nextInt(5) - 2);
                    default -> rnd.nextDouble() * 20 - 10;
                };
            }
        }
        // zeros of both signs in every part; the extremes in the last part only
        cols[1][n - 1] = 1e308;
        cols[2][n - 2] = -1e308;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("c" + i);
        }
        IndicatorTable table = IndicatorTable.ofColumns(inds, ids, cols);
        IndicatorStatistics sequential = IndicatorStatistics.of(table);
        for (int threads : new int[] {1, 2, 3, 4, 7}) {
            IndicatorStatistics s = IndicatorStatistics.of(table, threads);
            assertThat(s.count()).isEqualTo(n);
            assertThat(bits(s.minima())).as("minima, %d threads", threads).containsExactly(bits(sequential.minima()));
            assertThat(bits(s.maxima())).as("maxima").containsExactly(bits(sequential.maxima()));
            assertThat(bits(s.targetDistanceMinima())).containsExactly(bits(sequential.targetDistanceMinima()));
            assertThat(bits(s.targetDistanceMaxima())).containsExactly(bits(sequential.targetDistanceMaxima()));
            assertThat(bits(s.firstRow())).containsExactly(bits(table.row(0)));
            assertThat(s.firstId()).isEqualTo("c0");
        }
        assertThat(sequential.maxima()[1]).isEqualTo(1e308);
        assertThat(sequential.minima()[2]).isEqualTo(-1e308);
    }

    @Test
    void aBadThreadCountIsRefusedByName() {
        IndicatorTable table = IndicatorTable.ofColumns(List.of(Indicator.benefit("b")), List.of("c0"),
            new double[][] {{1.0}});
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IndicatorStatistics.of(table, 0))
            .isInstanceOf(CoreException.class).hasMessage("threads must be 1 to 64 but was 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IndicatorStatistics.of(null, 2))
            .isInstanceOf(CoreException.class).hasMessage("table must not be null");
    }

    private static long[] bits(double[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.doubleToRawLongBits(values[i]);
        }
        return out;
    }
}
