package org.powercx.segmentation;

import org.powercx.samples.CustomerGenerator;
import org.powercx.samples.SurveyGenerator;
import org.powercx.samples.SampleData;
import org.powercx.samples.GeneratedCustomers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;

/**
 * Determinism under threads: the seeded generators give the same bits whatever the size of the pool that runs
 * them and when called from many threads at once, and one configured {@link CustomerAnalysis} run from 8 threads
 * on the bundled sample gives the single-threaded report.
 */
class SegmentationConcurrencyTest {
    private static final int THREADS = 8;
    /** Three generator blocks, so that a parallel run really splits the work. */
    private static final int CUSTOMERS = 2 * CustomerGenerator.BLOCK_ROWS + 1234;
    private static ExecutorService executor;

    @BeforeAll
    static void start() {
        executor = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    private static <T> List<T> concurrently(Callable<T> task) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(executor.submit(task));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    private static void assertSameCustomers(GeneratedCustomers actual, GeneratedCustomers expected) {
        assertSameTable(actual.table(), expected.table());
        assertThat(actual.creditQuality()).isEqualTo(expected.creditQuality());
        assertThat(actual.defaultProbability()).isEqualTo(expected.defaultProbability());
        assertThat(actual.latentGrowth()).isEqualTo(expected.latentGrowth());
        assertThat(actual.theft()).isEqualTo(expected.theft());
        assertThat(actual.defaultLabels()).isEqualTo(expected.defaultLabels());
    }

    /** Bit-for-bit equality of two tables (isEqualTo on double arrays compares every value exactly). */
    private static void assertSameTable(IndicatorTable actual, IndicatorTable expected) {
        assertThat(actual.ids()).isEqualTo(expected.ids());
        assertThat(actual.indicators()).isEqualTo(expected.indicators());
        for (int j = 0; j < expected.indicatorCount(); j++) {
            assertThat(actual.column(j)).as(expected.indicator(j).name()).isEqualTo(expected.column(j));
        }
    }

    @Test
    void customerGeneratorGivesTheSameBitsWhateverThePoolSize() throws Exception {
        GeneratedCustomers sequential = CustomerGenerator.withDefaults().withParallel(false).generate(CUSTOMERS, 42L);
        for (int parallelism : new int[] {1, 2, 8}) {
            ForkJoinPool pool = new ForkJoinPool(parallelism);
            try {
                // a parallel stream started inside a pool runs on that pool
                GeneratedCustomers parallel = pool.submit(
                        () -> CustomerGenerator.withDefaults().withParallel(true).generate(CUSTOMERS, 42L)).get();
                assertSameCustomers(parallel, sequential);
            } finally {
                pool.shutdownNow();
            }
        }
        for (GeneratedCustomers c : concurrently(() -> CustomerGenerator.withDefaults().generate(CUSTOMERS, 42L))) {
            assertSameCustomers(c, sequential);
        }
    }

    @Test
    void surveyGeneratorGivesTheSameBitsWhenCalledConcurrently() throws Exception {
        IndicatorTable customers = CustomerGenerator.withDefaults().generate(3000, 5L).table();
        IndicatorTable expected = SurveyGenerator.withDefaults().generate(customers, 400, 6L);
        for (IndicatorTable survey : concurrently(() -> SurveyGenerator.withDefaults().generate(customers, 400, 6L))) {
            assertSameTable(survey, expected);
        }
    }

    @Test
    void oneAnalysisRunFromEightThreadsGivesTheSingleThreadedReport() throws Exception {
        IndicatorTable customers = SampleData.customers();
        IndicatorTable survey = SampleData.survey();
        CustomerAnalysis analysis = CustomerAnalysis.withDefaults();
        AnalysisReport expected = analysis.analyse(customers, survey);
        for (AnalysisReport report : concurrently(() -> analysis.analyse(customers, survey))) {
            assertSameReport(report, expected);
        }
    }

    static void assertSameReport(AnalysisReport actual, AnalysisReport expected) {
        assertThat(actual.ids()).isEqualTo(expected.ids());
        assertThat(actual.values().current()).isEqualTo(expected.values().current());
        assertThat(actual.values().potential()).isEqualTo(expected.values().potential());
        assertThat(actual.values().combined()).isEqualTo(expected.values().combined());
        assertThat(actual.segments().ordinals()).isEqualTo(expected.segments().ordinals());
        assertThat(actual.segments().currentCutoff()).isEqualTo(expected.segments().currentCutoff());
        assertThat(actual.segments().potentialCutoff()).isEqualTo(expected.segments().potentialCutoff());
        assertThat(actual.credit().defaultProbabilities()).isEqualTo(expected.credit().defaultProbabilities());
        assertThat(actual.credit().grades()).isEqualTo(expected.credit().grades());
        for (String topic : expected.risks().topics()) {
            assertThat(actual.risks().scores(topic)).as(topic).isEqualTo(expected.risks().scores(topic));
            assertThat(actual.risks().groups(topic)).as(topic).isEqualTo(expected.risks().groups(topic));
        }
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.plan().measures(i)).isEqualTo(expected.plan().measures(i));
        }
        assertThat(actual.lifetimeValues()).isEqualTo(expected.lifetimeValues());
        assertThat(actual.satisfaction().isPresent()).isEqualTo(expected.satisfaction().isPresent());
        if (expected.satisfaction().isPresent()) {
            SatisfactionSegments a = actual.satisfaction().get();
            SatisfactionSegments e = expected.satisfaction().get();
            assertThat(a.segments()).hasSameSizeAs(e.segments());
            for (int s = 0; s < e.segments().size(); s++) {
                assertThat(a.segments().get(s).name()).isEqualTo(e.segments().get(s).name());
                assertThat(a.segments().get(s).indices()).isEqualTo(e.segments().get(s).indices());
            }
        }
        // everything else the report shows, at the printed precision
        assertThat(actual.toString()).isEqualTo(expected.toString());
    }

    @Test
    void tablesOfDifferentCustomersDoNotInterfere() throws Exception {
        // different inputs through the same shared analysis at the same time each get their own answer
        IndicatorTable all = SampleData.customers();
        CustomerAnalysis analysis = CustomerAnalysis.withDefaults();
        List<IndicatorTable> parts = new ArrayList<>();
        List<AnalysisReport> expected = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            IndicatorTable part = all.rows(t * 500, t * 500 + 400);
            parts.add(part);
            expected.add(analysis.analyse(part));
        }
        List<Future<AnalysisReport>> futures = new ArrayList<>();
        for (IndicatorTable part : parts) {
            futures.add(executor.submit(() -> analysis.analyse(part)));
        }
        for (int t = 0; t < THREADS; t++) {
            assertSameReport(futures.get(t).get(), expected.get(t));
        }
    }
}
