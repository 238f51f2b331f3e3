package org.powercx.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The maximum-likelihood driver: optimum on log-parameters, and failures reported with the last state. */
class LogParameterFitTest {
    private static final String[] NAMES = {"a", "b"};

    @Test
    void findsTheMaximumOfASmoothFunction() {
        // maximum at a = 2, b = 0.5
        LogParameterFit.Optimum opt = LogParameterFit.maximise("test", NAMES, new double[] {1, 1},
                p -> -Math.pow(Math.log(p[0] / 2), 2) - Math.pow(Math.log(p[1] / 0.5), 2));
        assertThat(opt.parameters()[0]).isCloseTo(2, within(1e-7));
        assertThat(opt.parameters()[1]).isCloseTo(0.5, within(1e-7));
        assertThat(opt.logLikelihood()).isCloseTo(0, within(1e-12));
        assertThat(opt.evaluations()).isPositive();
    }

    @Test
    void tooManyEvaluationsIsAnErrorWithTheLastState() {
        assertThatThrownBy(() -> LogParameterFit.maximise("test", NAMES, new double[] {1, 1},
                p -> -Math.pow(Math.log(p[0] / 2), 2) - Math.pow(Math.log(p[1] / 0.5), 2), 8))
                .isInstanceOf(ClvException.class).hasMessageContaining("test fit failed after")
                .hasMessageContaining("last state {a=").hasMessageContaining("log-likelihood");
    }

    @Test
    void aParameterRunningToTheBoundIsAnError() {
        assertThatThrownBy(() -> LogParameterFit.maximise("test", NAMES, new double[] {1, 1},
                p -> -Math.pow(Math.log(p[0] / 2), 2) - 1 / p[1]))
                .isInstanceOf(ClvException.class).hasMessageContaining("b ran to the bound")
                .hasMessageContaining("last state {a=2.0");
    }

    @Test
    void anUnboundedLikelihoodIsAnError() {
        assertThatThrownBy(() -> LogParameterFit.maximise("test", NAMES, new double[] {1, 1},
                p -> -Math.pow(Math.log(p[0] / 2), 2) + Math.log(p[1])))
                .isInstanceOf(ClvException.class).hasMessageContaining("test fit failed")
                .hasMessageContaining("last state {a=");
    }

    @Test
    void aNonFiniteOptimumIsAnError() {
        assertThatThrownBy(() -> LogParameterFit.maximise("test", NAMES, new double[] {1, 1},
                p -> Double.NaN)).isInstanceOf(ClvException.class).hasMessageContaining("log-likelihood NaN");
    }
}
