package org.powercx.grey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Normalisation;
import org.powercx.core.Weights;

/**
 * One fitted grey relational model shared by many threads gives the single-threaded answer bit for bit, and
 * the scoring thread count never changes a grade. Double arrays are compared with {@code isEqualTo}, that is
 * {@link Arrays#equals(double[], double[])}, which compares {@link Double#doubleToLongBits} bit patterns.
 */
class GreyConcurrencyTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 20;

    /** Benefit, cost and target indicators with positive values (INITIAL_VALUE divides by the first row). */
    private static IndicatorTable table(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Indicator> inds = List.of(Indicator.benefit("kwh"), Indicator.cost("arrears"),
            Indicator.target("power_factor", 0.95), Indicator.benefit("tenure"), Indicator.cost("complaints"),
            Indicator.benefit("satisfaction"));
        List<String> ids = new ArrayList<>();
        double[][] cols = new double[inds.size()][n];
        for (int i = 0; i < n; i++) {
            ids.add("u" + i);
            cols[0][i] = 1e4 * rnd.nextDouble();
            cols[1][i] = 1 + rnd.nextInt(12);
            cols[2][i] = 0.7 + 0.3 * rnd.nextDouble();
            cols[3][i] = 1 + rnd.nextInt(30);
            cols[4][i] = rnd.nextDouble() < 0.8 ? 1 : 1 + rnd.nextInt(5);
            cols[5][i] = 1 + 4 * rnd.nextDouble();
        }
        return IndicatorTable.ofColumns(inds, ids, cols);
    }

    private static Weights weights(IndicatorTable t) {
        return Weights.normalised(t.indicatorNames(), new double[] {0.3, 0.2, 0.1, 0.15, 0.15, 0.1});
    }

    /** MIN_MAX and INITIAL_VALUE are normalised inline by the kernel, the others through core's normaliser. */
    @ParameterizedTest
    @EnumSource(Normalisation.class)
    void sharedModelScoredFromEightThreadsGivesTheSequentialAnswer(Normalisation method) throws Exception {
        IndicatorTable calibration = table(1500, 1);
        // another sample: some new customers fall outside the calibration range, so that clipping is exercised
        IndicatorTable scored = table(2500, 2);
        GreyRelationalModel model = GreyRelationalAnalysis.withDefaults().with(method)
            .fit(calibration, weights(calibration));
        double[][] columns = new double[6][];
        for (int j = 0; j < 6; j++) {
            columns[j] = scored.column(model.indicators().get(j).name());
        }
        double[] expected = model.grades(scored);
        double[] expectedFull = model.evaluate(scored).grades();
        double[] expectedRows = new double[scored.rowCount()];
        for (int i = 0; i < expectedRows.length; i++) {
            expectedRows[i] = model.grade(scored.row(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int worker = t;
                Callable<Void> task = () -> {
                    for (int round = 0; round < ROUNDS; round++) {
                        switch ((worker + round) % 4) {
                            case 0 -> assertThat(model.grades(scored)).isEqualTo(expected);
                            case 1 -> {
                                double[] out = new double[expected.length + 3];
                                model.grades(columns, 0, expected.length, out, 3);
                                assertThat(Arrays.copyOfRange(out, 3, out.length)).isEqualTo(expected);
                            }
                            case 2 -> {
                                for (int i = worker; i < expectedRows.length; i += 5) {
                                    if (model.grade(scored.row(i)) != expectedRows[i]) {
                                        throw new AssertionError("grade of row " + i + " differs");
                                    }
                                }
                            }
                            default -> assertThat(model.evaluate(scored).grades()).isEqualTo(expectedFull);
                        }
                    }
                    return null;
                };
                futures.add(pool.submit(task));
            }
            for (Future<Void> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // the three paths agree with each other too
        assertThat(expectedFull).isEqualTo(expected);
        assertThat(expectedRows).isEqualTo(expected);
    }

    /** 10,000 rows are 10 blocks of {@value GreyRelationalModel#BLOCK}: 2 and 8 threads split them unevenly. */
    @ParameterizedTest
    @EnumSource(value = Normalisation.class, names = {"MIN_MAX", "Z_SCORE"})
    void gradesAreBitIdenticalAtOneTwoAndEightThreads(Normalisation method) {
        IndicatorTable calibration = table(800, 3);
        IndicatorTable scored = table(10_000, 4);
        double[] one = GreyRelationalAnalysis.withDefaults().with(method).withThreads(1)
            .fit(calibration, weights(calibration)).grades(scored);
        for (int threads : new int[] {2, 8}) {
            GreyRelationalModel model = GreyRelationalAnalysis.withDefaults().with(method).withThreads(threads)
                .fit(calibration, weights(calibration));
            assertThat(model.threads()).isEqualTo(threads);
            assertThat(model.grades(scored)).as("%d threads", threads).isEqualTo(one);
            double[] out = new double[6000];
            double[][] columns = new double[6][];
            for (int j = 0; j < 6; j++) {
                columns[j] = scored.column(j);
            }
            model.grades(columns, 2500, 8500, out, 0);
            assertThat(out).isEqualTo(Arrays.copyOfRange(one, 2500, 8500));
        }
        // evaluating the calibration table (fit + score) is deterministic at any thread count as well
        assertThat(GreyRelationalAnalysis.withDefaults().with(method).withThreads(8).evaluate(scored).grades())
            .isEqualTo(GreyRelationalAnalysis.withDefaults().with(method).evaluate(scored).grades());
    }
}
