package org.powercx.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.powercx.core.IndicatorTable;
import org.powercx.satisfaction.BootstrapResult;
import org.powercx.satisfaction.ConsistentPls;
import org.powercx.satisfaction.FitIndices;
import org.powercx.satisfaction.ModelFit;
import org.powercx.satisfaction.PathModel;
import org.powercx.satisfaction.PlsBootstrap;
import org.powercx.satisfaction.PlsPredict;
import org.powercx.satisfaction.PlscResult;
import org.powercx.satisfaction.PredictionResult;

/**
 * Consistent PLS, its Bollen-Stine model fit bootstrap and PLSpredict (10 folds x 10 repetitions) on the
 * power-industry CSI model and the satisfaction survey of {@link PlsBenchmark} (250 x 27). The in-run baseline
 * is {@link PlsBenchmark#baseline}: one pass that draws 250 rows with replacement and sums them, once per
 * resample (or, for PLSpredict, once per fold), so the results read as ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PlscBenchmark {
    /** Bollen-Stine resamples. */
    @Param({"1000"})
    public int resamples;

    /** Resamples of the PLSc bootstrap (the target). */
    static final int BOOTSTRAP_RESAMPLES = 5000;
    /** Resamples the PLSc bootstrap benchmark draws; the agreement test lowers it. */
    int bootstrapResamples = BOOTSTRAP_RESAMPLES;

    IndicatorTable survey;
    double[] answers;
    PlscResult plsc;
    final PathModel model = PathModel.powerCsi();

    /** Decodes the survey and estimates PLSc once. */
    @Setup(Level.Trial)
    public void setUp() {
        survey = PlsBenchmark.survey();
        answers = PlsBenchmark.flat(survey);
        plsc = ConsistentPls.withDefaults().fit(model, survey);
    }

    /**
     * Baseline for the fit bootstrap: one resample pass per resample.
     *
     * @return the grand sum
     */
    @Benchmark
    public double baselineResamplePass() {
        return PlsBenchmark.baseline(answers, PlsBenchmark.ITEMS.length, resamples, 1);
    }

    /**
     * Baseline for PLSpredict: one resample pass per fold of 10 x 10.
     *
     * @return the grand sum
     */
    @Benchmark
    public double baselineHundredPasses() {
        return PlsBenchmark.baseline(answers, PlsBenchmark.ITEMS.length, 100, 1);
    }

    /**
     * One PLSc estimation (PLS plus the correction).
     *
     * @return the estimates
     */
    @Benchmark
    public PlscResult plscOnce() {
        return ConsistentPls.withDefaults().fit(model, survey);
    }

    /**
     * The fit measures of the PLSc solution, without bootstrap.
     *
     * @return the fit
     */
    @Benchmark
    public FitIndices fitOnce() {
        return ModelFit.withDefaults().assess(plsc);
    }

    /**
     * Bollen-Stine fit bootstrap of the PLSc solution on two threads.
     *
     * @return the fit with quantiles
     */
    @Benchmark
    public FitIndices fitBootstrapTwoThreads() {
        return ModelFit.withDefaults().withResamples(resamples).withThreads(2).test(plsc, 42);
    }

    /**
     * Baseline for the PLSc bootstrap: one resample pass per resample, 5,000 resamples.
     *
     * @return the grand sum
     */
    @Benchmark
    public double baselineBootstrapPasses() {
        return PlsBenchmark.baseline(answers, PlsBenchmark.ITEMS.length, BOOTSTRAP_RESAMPLES, 1);
    }

    /**
     * The target: a PLSc bootstrap of 5,000 resamples on two threads (every estimate with percentile and BCa
     * intervals, indirect effects, signed HTMT and f2 included).
     *
     * @return the bootstrap result
     */
    @Benchmark
    public BootstrapResult plscBootstrapTwoThreads() {
        return PlsBootstrap.withDefaults().withConsistentPls(true).withResamples(bootstrapResamples).withThreads(2)
            .run(model, survey, 42);
    }

    /**
     * PLSpredict, 10 folds x 10 repetitions, one thread.
     *
     * @return the prediction metrics
     */
    @Benchmark
    public PredictionResult predictOneThread() {
        return PlsPredict.withDefaults().run(model, survey, 42);
    }

    /**
     * PLSpredict, 10 folds x 10 repetitions, two threads.
     *
     * @return the prediction metrics
     */
    @Benchmark
    public PredictionResult predictTwoThreads() {
        return PlsPredict.withDefaults().withThreads(2).run(model, survey, 42);
    }
}
