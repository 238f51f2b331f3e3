package org.powercx.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.powercx.satisfaction.BootstrapResult;
import org.powercx.satisfaction.ConsistentPls;
import org.powercx.satisfaction.FitIndices;
import org.powercx.satisfaction.FitMeasure;
import org.powercx.satisfaction.ModelFit;
import org.powercx.satisfaction.PathModel;
import org.powercx.satisfaction.PlsBootstrap;
import org.powercx.satisfaction.PlsPredict;
import org.powercx.satisfaction.PredictionResult;

class PlscBenchmarkTest {

    @Test
    void variantsAgreeWithThePublicApiAndLeaveInputUntouched() {
        PlscBenchmark b = new PlscBenchmark();
        b.resamples = 30;
        b.setUp();
        double[] before = b.answers.clone();
        assertThat(b.baselineResamplePass()).isPositive();
        assertThat(b.baselineHundredPasses()).isPositive();
        assertThat(b.plscOnce().pathCoefficients())
            .isDeepEqualTo(ConsistentPls.withDefaults().fit(PathModel.powerCsi(), b.survey).pathCoefficients());
        assertThat(b.fitOnce().srmr()).isEqualTo(ModelFit.withDefaults().assess(b.plsc).srmr());
        FitIndices two = b.fitBootstrapTwoThreads();
        FitIndices one = ModelFit.withDefaults().withResamples(30).test(b.plsc, 42);
        for (FitMeasure m : FitMeasure.values()) {
            assertThat(two.hi95(m)).isEqualTo(one.hi95(m));
        }
        b.bootstrapResamples = 40;
        assertThat(b.baselineBootstrapPasses()).isPositive();
        BootstrapResult boot = b.plscBootstrapTwoThreads();
        assertThat(boot.consistent()).isTrue();
        assertThat(boot.paths()).isEqualTo(PlsBootstrap.withDefaults().withConsistentPls(true).withResamples(40)
            .run(PathModel.powerCsi(), b.survey, 42).paths());
        PredictionResult p1 = b.predictOneThread();
        PredictionResult p2 = b.predictTwoThreads();
        assertThat(p2.plsRmse()).containsExactly(p1.plsRmse());
        assertThat(p1.lmRmse()).containsExactly(PlsPredict.withDefaults().run(PathModel.powerCsi(), b.survey, 42)
            .lmRmse());
        assertThat(b.answers).containsExactly(before);
    }
}
