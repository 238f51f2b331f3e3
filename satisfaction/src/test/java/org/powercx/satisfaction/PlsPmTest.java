package org.powercx.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.powercx.core.TestData.correlation;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

class PlsPmTest {
    private static final IndicatorTable DATA = RefData.survey("satisfaction");

    @Test
    void settingsAndValidation() {
        PlsPm pls = PlsPm.withDefaults();
        assertThat(pls.scheme()).isEqualTo(InnerScheme.PATH);
        assertThat(pls.scaling()).isEqualTo(Scaling.STANDARDISED);
        assertThat(pls.tolerance()).isEqualTo(1e-10);
        assertThat(pls.maxIterations()).isEqualTo(300);
        assertThat(pls.withMaxIterations(5).maxIterations()).isEqualTo(5);
        assertThat(pls.toString()).contains("PATH");
        assertThatThrownBy(() -> pls.with((InnerScheme) null)).isInstanceOf(SatisfactionException.class)
            .hasMessageContaining("scheme");
        assertThatThrownBy(() -> pls.with((Scaling) null)).hasMessageContaining("scaling");
        assertThatThrownBy(() -> pls.withTolerance(Double.NaN)).hasMessageContaining("tolerance must be finite")
            .hasMessageContaining("NaN");
        assertThatThrownBy(() -> pls.withTolerance(0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> pls.withMaxIterations(0)).hasMessageContaining("at least 1 but was 0");
        assertThatThrownBy(() -> pls.fit(null, DATA)).hasMessageContaining("model is null");
        assertThatThrownBy(() -> pls.fit(PathModel.powerCsi(), null)).hasMessageContaining("data table is null");
        assertThatThrownBy(() -> pls.fit(PathModel.ecsi(), DATA))
            .hasMessageContaining("indicator 'IMAG1' of construct 'Image' is not in the data");
        assertThatThrownBy(() -> pls.fit(PathModel.powerCsi(), DATA.rows(0, 2)))
            .hasMessageContaining("at least 3 respondents");
    }

    @Test
    void nonConvergenceReportsLastChange() {
        assertThatThrownBy(() -> PlsPm.withDefaults().withMaxIterations(2).fit(PathModel.powerCsi(), DATA))
            .isInstanceOf(SatisfactionException.class)
            .hasMessageContaining("did not converge in 2 iterations")
            .hasMessageContaining("last weight change");
    }

    @Test
    void constantAndCollinearIndicators() {
        List<Indicator> inds = List.of(Indicator.benefit("a1"), Indicator.benefit("a2"), Indicator.benefit("b1"),
            Indicator.benefit("b2"));
        double[][] rows = {{1, 2, 3, 5}, {2, 4, 3, 1}, {3, 6, 3, 2}, {4, 8, 3, 7}};
        IndicatorTable t = IndicatorTable.ofRows(inds, List.of("r1", "r2", "r3", "r4"), rows);
        PathModel constant = PathModel.builder().reflective("A", "a1", "a2").reflective("B", "b1", "b2")
            .path("A", "B").build();
        assertThatThrownBy(() -> PlsPm.withDefaults().fit(constant, t))
            .hasMessageContaining("indicator 'b1' of construct 'B' has no variance");
        PathModel collinear = PathModel.builder().formative("A", "a1", "a2").reflective("B", "b2")
            .path("A", "B").build();
        assertThatThrownBy(() -> PlsPm.withDefaults().fit(collinear, t))
            .hasMessageContaining("construct 'A' is singular");
    }

    @Test
    void resultAccessorsAreConsistent() {
        PlsResult r = PlsPm.withDefaults().fit(PathModel.powerCsi(), DATA);
        assertThat(r.sampleSize()).isEqualTo(250);
        assertThat(r.ids()).hasSize(250).startsWith("1");
        assertThat(r.iterations()).isBetween(2, 50);
        assertThat(r.lastChange()).isLessThan(1e-10);
        assertThat(r.estimator().scheme()).isEqualTo(InnerScheme.PATH);
        double[] sat = r.scores("SAT");
        double mean = 0;
        double var = 0;
        for (double v : sat) {
            mean += v / sat.length;
        }
        for (double v : sat) {
            var += (v - mean) * (v - mean) / sat.length;
        }
        assertThat(mean).isCloseTo(0, within(1e-12));
        assertThat(var).isCloseTo(1, within(1e-12));
        double[][] y = r.scores();
        assertThat(y[7][4]).isEqualTo(sat[7]);
        assertThat(r.constructCorrelations()[4][5]).isCloseTo(correlation(sat, r.scores("LOY")), within(1e-12));
        assertThat(r.standardisedWeights()).containsExactly(r.outerWeights());
        double[] unstd = r.unstandardisedWeights();
        double[] sd = r.indicatorStandardDeviations();
        assertThat(unstd[0] * sd[0]).isCloseTo(r.weight("imag1"), within(1e-15));
        assertThat(r.indicatorMeans()[0]).isCloseTo(7.5, within(0.5));
        assertThat(r.indirectEffect("IMAG", "LOY")).isCloseTo(r.totalEffect("IMAG", "LOY")
            - r.pathCoefficient("IMAG", "LOY"), within(1e-15));
        assertThat(r.adjustedRSquared("IMAG")).isZero();
        assertThat(r.rSquared("IMAG")).isZero();
        assertThat(r.toString()).contains("SAT -> LOY").contains("adjusted R2");
        assertThat(r.quality().toString()).contains("rho_A").contains("GoF");
        assertThat(r.quality().gof()).isBetween(0.5, 0.7);
        assertThatThrownBy(() -> r.weight("nope")).hasMessageContaining("indicator 'nope'");
        double[][] fl = r.quality().fornellLarcker();
        assertThat(fl[0][0] * fl[0][0]).isCloseTo(r.blockCommunality("IMAG"), within(1e-12));
    }

}
