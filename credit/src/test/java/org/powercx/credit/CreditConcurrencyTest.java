package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;

/**
 * One fitted model shared by many threads gives the single-threaded answers bit for bit, and seeded
 * cross-validation is reproducible whoever runs it. The credit API has no thread-count option (fits,
 * cross-validation and sensitivity run on the caller's thread), so "1, 2 and 8 threads" means the same
 * seeded procedure run concurrently from that many threads.
 */
class CreditConcurrencyTest {
    private static final int THREADS = 8;
    private static ExecutorService pool;
    private static final int[] LABELS = GermanCredit.labels();
    private static IndicatorTable german;

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(THREADS);
        german = GermanCredit.table();
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    /** Runs the task from {@code threads} threads, {@code times} each, and returns every answer. */
    private static <T> List<T> concurrently(int threads, int times, Callable<T> task) throws Exception {
        List<Future<List<T>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                List<T> out = new ArrayList<>();
                for (int r = 0; r < times; r++) {
                    out.add(task.call());
                }
                return out;
            }));
        }
        List<T> all = new ArrayList<>();
        for (Future<List<T>> f : futures) {
            all.addAll(f.get());
        }
        return all;
    }

    private record Answers(double[] scores, double[] pd, double[][] posteriors, int[] predictions,
            double[] kernel, double[] transformed, double[] sensitivity) {
    }

    private static Answers answers(DiscriminantModel model, double[][] cols) {
        double[] kernel = new double[1000];
        model.scores(cols, kernel);
        double[] transformed = new double[1000];
        for (int i = 0; i < 1000; i++) {
            transformed[i] = model.transform(german.row(i))[0];
        }
        SensitivityResult s = SensitivityAnalysis.of(model).withGrades(CreditGrades.byQuantiles(kernel))
            .population(german);
        double[] sens = new double[5 * 24];
        for (int j = 0; j < 24; j++) {
            sens[j] = s.scoreDown()[j];
            sens[24 + j] = s.scoreUp()[j];
            sens[48 + j] = s.probabilityDown()[j];
            sens[72 + j] = s.probabilityUp()[j];
            sens[96 + j] = s.gradeChangeShare()[j];
        }
        return new Answers(model.scores(german), model.defaultProbabilities(german), model.probabilities(german),
            model.predict(german), kernel, transformed, sens);
    }

    private static void assertBitIdentical(Answers a, Answers b) {
        assertThat(a.scores()).isEqualTo(b.scores());
        assertThat(a.pd()).isEqualTo(b.pd());
        assertThat(a.posteriors()).isDeepEqualTo(b.posteriors());
        assertThat(a.predictions()).isEqualTo(b.predictions());
        assertThat(a.kernel()).isEqualTo(b.kernel());
        assertThat(a.transformed()).isEqualTo(b.transformed());
        assertThat(a.sensitivity()).isEqualTo(b.sensitivity());
    }

    @Test
    void oneSharedModelScoredFromEightThreadsGivesTheSingleThreadedAnswers() throws Exception {
        DiscriminantModel model = LinearDiscriminant.withDefaults().withShrinkage(Shrinkage.ledoitWolf())
            .fit(german, LABELS);
        double[][] cols = new double[24][];
        for (int j = 0; j < 24; j++) {
            cols[j] = german.column(j);
        }
        Answers expected = answers(model, cols);
        for (Answers a : concurrently(THREADS, 5, () -> answers(model, cols))) {
            assertBitIdentical(a, expected);
        }
        // the inputs were only read
        for (int j = 0; j < 24; j++) {
            assertThat(cols[j]).isEqualTo(german.column(j));
        }
    }

    @Test
    void aSharedThreeClassModelGivesTheSingleThreadedPosteriors() throws Exception {
        int[] labels = new int[150];
        IndicatorTable iris = Reference.iris(labels);
        DiscriminantModel model = LinearDiscriminant.withDefaults().fit(iris, labels);
        double[][] expected = model.probabilities(iris);
        int[] predicted = model.predict(iris);
        for (double[][] p : concurrently(THREADS, 20, () -> model.probabilities(iris))) {
            assertThat(p).isDeepEqualTo(expected);
        }
        for (int[] p : concurrently(THREADS, 20, () -> model.predict(iris))) {
            assertThat(p).isEqualTo(predicted);
        }
    }

    @Test
    void aFitOnOneTwoOrEightThreadsIsBitIdentical() {
        // 200,000 rows: four chunks of 65,536, so two and eight threads really split the accumulation
        Samples data = Samples.generate(99L, 200_000, 6, 3);
        DiscriminantModel one = LinearDiscriminant.withDefaults().fit(data.indicators, data.columns, data.labels);
        assertThat(LinearDiscriminant.withDefaults().threads()).isEqualTo(1);
        for (int threads : new int[] {2, 8}) {
            LinearDiscriminant lda = LinearDiscriminant.withDefaults().withThreads(threads);
            assertThat(lda.threads()).isEqualTo(threads);
            DiscriminantModel m = lda.withShrinkage(Shrinkage.none()).fit(data.indicators, data.columns, data.labels);
            assertThat(m.coefficients()).isDeepEqualTo(one.coefficients());
            assertThat(m.intercepts()).isEqualTo(one.intercepts());
            assertThat(m.classMeans()).isDeepEqualTo(one.classMeans());
            assertThat(m.pooledCovariance()).isDeepEqualTo(one.pooledCovariance());
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LinearDiscriminant.withDefaults().withThreads(0))
            .isInstanceOf(CreditException.class).hasMessageContaining("threads").hasMessageContaining("0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LinearDiscriminant.withDefaults().withThreads(65))
            .isInstanceOf(CreditException.class).hasMessageContaining("65");
    }

    @Test
    void theThreadCountIsCappedByTheSharedLimit() {
        assertThat(LinearDiscriminant.withDefaults().withThreads(64).threads()).isEqualTo(64);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LinearDiscriminant.withDefaults().withThreads(10_000))
            .isInstanceOf(CreditException.class).hasMessage("threads must lie in [1, 64], got 10000");
    }

    @Test
    void fitsRunConcurrentlyGiveTheSameModel() throws Exception {
        LinearDiscriminant lda = LinearDiscriminant.withDefaults().withShrinkage(Shrinkage.ledoitWolf());
        DiscriminantModel expected = lda.fit(german, LABELS);
        for (DiscriminantModel m : concurrently(THREADS, 2, () -> lda.fit(german, LABELS))) {
            assertThat(m.coefficients()).isDeepEqualTo(expected.coefficients());
            assertThat(m.intercepts()).isEqualTo(expected.intercepts());
            assertThat(m.shrinkageIntensity()).isEqualTo(expected.shrinkageIntensity());
        }
    }

    @Test
    void seededCrossValidationIsBitIdenticalAtOneTwoAndEightConcurrentRuns() throws Exception {
        CrossValidation cv = CrossValidation.stratified(5, 20260523L);
        LinearDiscriminant lda = LinearDiscriminant.withDefaults();
        CrossValidationResult expected = cv.run(lda, german, LABELS);
        for (int threads : new int[] {1, 2, 8}) {
            for (CrossValidationResult r : concurrently(threads, 1, () -> cv.run(lda, german, LABELS))) {
                assertThat(r.folds()).isEqualTo(expected.folds());
                assertThat(r.foldAuc()).isEqualTo(expected.foldAuc());
                assertThat(r.foldAccuracy()).isEqualTo(expected.foldAccuracy());
                assertThat(r.outOfFoldScores()).isEqualTo(expected.outOfFoldScores());
                assertThat(Double.doubleToLongBits(r.pooledAuc())).isEqualTo(Double.doubleToLongBits(
                    expected.pooledAuc()));
            }
        }
        // a fresh procedure with the same seed deals the same folds; another seed deals others
        assertThat(CrossValidation.stratified(5, 20260523L).folds(LABELS)).isEqualTo(expected.folds());
        assertThat(CrossValidation.stratified(5, 20260524L).folds(LABELS)).isNotEqualTo(expected.folds());
    }
}
