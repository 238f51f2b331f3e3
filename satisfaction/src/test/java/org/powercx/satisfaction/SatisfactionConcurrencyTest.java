package org.powercx.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;

/**
 * Determinism and thread safety: seeded resampling gives bit-identical results at 1, 2 and 8 threads, and one
 * fitted result used from 8 threads at once gives the single-threaded answers. Equality of
 * {@link BootstrapEstimate}s compares their doubles with {@link Double#compare}, i.e. bit for bit.
 */
class SatisfactionConcurrencyTest {
    private static final IndicatorTable SAT = RefData.survey("satisfaction");

    @Test
    void bootstrapIsBitIdenticalAt1And2And8Threads() {
        for (SignChange sign : SignChange.values()) {
            PlsBootstrap boot = PlsBootstrap.withDefaults().withResamples(60).with(sign);
            BootstrapResult one = boot.withThreads(1).run(PathModel.powerCsi(), SAT, 20261123L);
            for (int threads : new int[] {2, 8}) {
                BootstrapResult many = boot.withThreads(threads).run(PathModel.powerCsi(), SAT, 20261123L);
                assertThat(many.weights()).as("%d threads", threads).isEqualTo(one.weights());
                assertThat(many.loadings()).isEqualTo(one.loadings());
                assertThat(many.paths()).isEqualTo(one.paths());
                assertThat(many.totalEffects()).isEqualTo(one.totalEffects());
                assertThat(many.rSquared()).isEqualTo(one.rSquared());
                assertThat(many.htmt()).isEqualTo(one.htmt());
                assertThat(many.failedResamples()).isEqualTo(one.failedResamples());
            }
        }
    }

    @Test
    void groupPermutationTestIsBitIdenticalAt1And2And8Threads() {
        List<String> gender = List.of(RefData.gender());
        PlsGroups groups = PlsGroups.withDefaults().withPermutations(60);
        GroupComparison one = groups.withThreads(1).compare(PathModel.powerCsi(), SAT, gender, "female", "male", 9);
        for (int threads : new int[] {2, 8}) {
            GroupComparison many = groups.withThreads(threads)
                .compare(PathModel.powerCsi(), SAT, gender, "female", "male", 9);
            assertThat(many.pValues()).as("%d threads", threads).isEqualTo(one.pValues());
            assertThat(many.coefficientsA()).isEqualTo(one.coefficientsA());
            assertThat(many.coefficientsB()).isEqualTo(one.coefficientsB());
            assertThat(many.differences()).isEqualTo(one.differences());
            assertThat(many.failed()).isEqualTo(one.failed());
        }
        for (double p : one.pValues()) {
            assertThat(p).isGreaterThan(0).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void bootstrapAndPermutationTestOnACallersExecutorMatchTheOneThreadAnswer() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger tasks = new AtomicInteger();
        java.util.concurrent.Executor counting = r -> {
            tasks.incrementAndGet();
            pool.execute(r);
        };
        try {
            PlsBootstrap boot = PlsBootstrap.withDefaults().withResamples(40);
            BootstrapResult one = boot.run(PathModel.powerCsi(), SAT, 77);
            BootstrapResult pooled = boot.withThreads(4).withExecutor(counting).run(PathModel.powerCsi(), SAT, 77);
            // resamples and jackknife: three parts each after the caller's own
            assertThat(tasks).hasValue(6);
            assertThat(pooled.paths()).isEqualTo(one.paths());
            assertThat(pooled.weights()).isEqualTo(one.weights());
            assertThat(pooled.htmt()).isEqualTo(one.htmt());
            assertThat(boot.withExecutor(counting).toString()).contains("executor=");

            List<String> gender = List.of(RefData.gender());
            PlsGroups groups = PlsGroups.withDefaults().withPermutations(40);
            GroupComparison g1 = groups.compare(PathModel.powerCsi(), SAT, gender, "female", "male", 3);
            GroupComparison gp = groups.withExecutor(pool).withThreads(3)
                .compare(PathModel.powerCsi(), SAT, gender, "female", "male", 3);
            assertThat(gp.pValues()).isEqualTo(g1.pValues());
            assertThat(gp.differences()).isEqualTo(g1.differences());
            assertThat(groups.withExecutor(pool).toString()).contains("executor=");
        } finally {
            pool.shutdownNow();
        }
        assertThatThrownBy(() -> PlsBootstrap.withDefaults().withExecutor(null))
            .isInstanceOf(SatisfactionException.class).hasMessage("executor is null");
        assertThatThrownBy(() -> PlsGroups.withDefaults().withExecutor(null))
            .isInstanceOf(SatisfactionException.class).hasMessage("executor is null");
    }

    @Test
    void threadCountsAboveTheSharedCapAreRejectedNamingTheValue() {
        assertThatThrownBy(() -> PlsBootstrap.withDefaults().withThreads(10_000))
            .isInstanceOf(SatisfactionException.class).hasMessage("threads must be at most 64 but was 10000");
        assertThatThrownBy(() -> PlsGroups.withDefaults().withThreads(10_000))
            .isInstanceOf(SatisfactionException.class).hasMessage("threads must be at most 64 but was 10000");
        assertThat(PlsBootstrap.withDefaults().withThreads(64).toString()).contains("threads=64");
        assertThat(PlsGroups.withDefaults().withThreads(64).toString()).contains("threads=64");
    }

    @Test
    void anInterruptedBootstrapThrowsAfterItsThreadsStopAndKeepsTheFlag() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                PlsBootstrap.withDefaults().withResamples(20).withThreads(2).run(PathModel.powerCsi(), SAT, 1);
            } catch (Throwable t) {
                thrown.set(t);
            }
            flag.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        caller.join(60_000);
        assertThat(thrown.get()).isInstanceOf(CancellationException.class).hasMessageContaining("interrupted");
        assertThat(flag.get()).isTrue();
    }

    /** What a service computes from one fitted model per request. */
    private static double[] answers(PlsResult r) {
        SatisfactionIndex index = SatisfactionIndex.of(r, 0, 10);
        PlsQuality q = r.quality();
        List<Double> out = new ArrayList<>();
        for (double v : index.indices()) {
            out.add(v);
        }
        for (double v : index.respondentIndices("SAT")) {
            out.add(v);
        }
        for (double v : index.importancePerformance("LOY").importance()) {
            out.add(v);
        }
        for (double[] row : r.scores()) {
            for (double v : row) {
                out.add(v);
            }
        }
        for (double v : q.rhoA()) {
            out.add(v);
        }
        for (double[] row : q.htmt(true)) {
            for (double v : row) {
                out.add(v);
            }
        }
        for (double[] row : q.fSquared()) {
            for (double v : row) {
                out.add(v);
            }
        }
        out.add(q.gof());
        out.add(r.totalEffect("IMAG", "LOY"));
        out.add(r.adjustedRSquared("SAT"));
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void oneFittedModelUsedFrom8ThreadsGivesTheSingleThreadedAnswers() throws Exception {
        PlsResult shared = PlsPm.withDefaults().fit(PathModel.powerCsi(), SAT);
        double[] expected = answers(shared);
        String text = shared.toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> {
                    for (int rep = 0; rep < 25; rep++) {
                        double[] got = answers(shared);
                        if (!java.util.Arrays.equals(got, expected) || !shared.toString().equals(text)) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> f : pool.invokeAll(tasks)) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers(shared)).isEqualTo(expected);
    }

    @Test
    void oneEstimatorFittingFrom8ThreadsGivesTheSingleThreadedEstimates() throws Exception {
        PlsPm pls = PlsPm.withDefaults();
        double[] expected = pls.fit(PathModel.powerCsi(), SAT).outerWeights();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<double[]>> tasks = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                tasks.add(() -> pls.fit(PathModel.powerCsi(), SAT).outerWeights());
            }
            for (Future<double[]> f : pool.invokeAll(tasks)) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
