package org.powercx.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

class PlsBootstrapTest {
    private static final IndicatorTable MOBI = RefData.survey("mobi");
    private static final IndicatorTable SAT = RefData.survey("satisfaction");

    /**
     * seminr 2.x {@code bootstrap_model(nboot = 500, seed = 123)} on the 4-construct mobi model: the original
     * estimates must agree exactly; the bootstrap standard errors only loosely (different random streams), within
     * 15 % at 2000 resamples.
     */
    @Test
    void agreesWithSeminrBootReport() {
        BootstrapResult r = PlsBootstrap.withDefaults().withResamples(2000).withThreads(2)
            .run(RefData.m4(), MOBI, 123);
        assertThat(r.failedResamples()).isZero();
        assertThat(r.resamples()).isEqualTo(2000);
        check(r.paths(), "seminr/boot_report_paths.csv", true);
        check(r.loadings(), "seminr/boot_report_loadings.csv", false);
        check(r.htmt(), "seminr/boot_report_htmt.csv", false);
    }

    private static void check(List<BootstrapEstimate> list, String file, boolean paths) {
        Map<String, double[]> ref = RefData.table(file, 1);
        for (Map.Entry<String, double[]> e : ref.entrySet()) {
            String[] parts = e.getKey().split("  ->  ");
            String name = paths || file.contains("htmt") ? parts[0] + " -> " + parts[1] : parts[0];
            BootstrapEstimate est = BootstrapResult.find(list, name);
            assertThat(est.original()).as(name).isCloseTo(e.getValue()[0], within(1e-8));
            assertThat(est.standardError()).as(name).isCloseTo(e.getValue()[2], within(0.15 * e.getValue()[2]));
            assertThat(est.lower()).as(name).isCloseTo(e.getValue()[4], within(0.5 * e.getValue()[2]));
            assertThat(est.upper()).as(name).isCloseTo(e.getValue()[5], within(0.5 * e.getValue()[2]));
        }
    }

    @Test
    void identicalForAnyThreadCountAndSummariesConsistent() {
        PlsBootstrap boot = PlsBootstrap.withDefaults().withResamples(200);
        BootstrapResult one = boot.run(PathModel.powerCsi(), SAT, 42);
        BootstrapResult three = boot.withThreads(3).run(PathModel.powerCsi(), SAT, 42);
        assertThat(three.paths()).isEqualTo(one.paths());
        assertThat(three.weights()).isEqualTo(one.weights());
        assertThat(three.htmt()).isEqualTo(one.htmt());
        assertThat(three.totalEffects()).isEqualTo(one.totalEffects());
        assertThat(three.rSquared()).isEqualTo(one.rSquared());
        BootstrapResult other = boot.run(PathModel.powerCsi(), SAT, 43);
        assertThat(other.paths()).isNotEqualTo(one.paths());
        assertThat(one.weights()).hasSize(27);
        assertThat(one.loadings()).hasSize(27);
        assertThat(one.paths()).hasSize(10);
        assertThat(one.totalEffects()).hasSize(15);
        assertThat(one.rSquared()).hasSize(5);
        assertThat(one.htmt()).hasSize(15);
        assertThat(one.seed()).isEqualTo(42);
        assertThat(one.confidenceLevel()).isEqualTo(0.95);
        PlsResult o = one.original();
        BootstrapEstimate satLoy = BootstrapResult.find(one.paths(), "SAT -> LOY");
        assertThat(satLoy.original()).isEqualTo(o.pathCoefficient("SAT", "LOY"));
        assertThat(satLoy.t()).isCloseTo(satLoy.original() / satLoy.standardError(), within(1e-12));
        assertThat(satLoy.p()).isLessThan(1e-6);
        assertThat(satLoy.lower()).isLessThan(satLoy.original()).isGreaterThan(0.3);
        assertThat(satLoy.bcaLower()).isLessThan(satLoy.original());
        assertThat(satLoy.bcaUpper()).isGreaterThan(satLoy.original());
        BootstrapEstimate expeSat = BootstrapResult.find(one.paths(), "EXPE -> SAT");
        assertThat(expeSat.p()).isGreaterThan(0.5);
        assertThat(BootstrapResult.find(one.totalEffects(), "IMAG -> LOY").original())
            .isEqualTo(o.totalEffect("IMAG", "LOY"));
        assertThat(BootstrapResult.find(one.rSquared(), "SAT").original()).isEqualTo(o.rSquared("SAT"));
        assertThat(BootstrapResult.find(one.htmt(), "IMAG -> EXPE").original())
            .isCloseTo(o.quality().htmt(true)[0][1], within(1e-14));
        assertThat(one.toString()).contains("SAT -> LOY").contains("200 resamples (0 failed)");
        assertThatThrownBy(() -> BootstrapResult.find(one.paths(), "LOY -> SAT"))
            .hasMessageContaining("'LOY -> SAT'");
        BootstrapResult signed = boot.with(SignChange.CONSTRUCT).withConfidenceLevel(0.9)
            .with(PlsPm.withDefaults().with(InnerScheme.CENTROID)).run(PathModel.powerCsi(), SAT, 42);
        assertThat(BootstrapResult.find(signed.paths(), "SAT -> LOY").upper())
            .isLessThan(BootstrapResult.find(one.paths(), "SAT -> LOY").upper());
    }

    /** plspm 0.5 bootstrap (different streams and resample count): standard errors agree loosely. */
    @Test
    void centredBootstrapAgreesLooselyWithPlspm() {
        BootstrapResult r = PlsBootstrap.withDefaults().withResamples(1000).withThreads(2)
            .with(PlsPm.withDefaults().with(InnerScheme.CENTROID).with(Scaling.CENTRED))
            .run(PathModel.powerCsi(), SAT, 7);
        Map<String, double[]> ref = RefData.table("plspm/satisfaction_boot_paths.csv", 1);
        for (Map.Entry<String, double[]> e : ref.entrySet()) {
            BootstrapEstimate est = BootstrapResult.find(r.paths(), e.getKey());
            assertThat(est.original()).isCloseTo(e.getValue()[0], within(2e-6));
            assertThat(est.standardError()).as(e.getKey()).isCloseTo(e.getValue()[2], within(0.2 * e.getValue()[2]));
        }
    }

    @Test
    void failedResamplesAreCounted() {
        List<Indicator> inds = List.of(Indicator.benefit("a1"), Indicator.benefit("a2"), Indicator.benefit("b1"),
            Indicator.benefit("b2"));
        List<String> ids = new ArrayList<>();
        double[][] rows = new double[30][];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        for (int i = 0; i < 30; i++) {
            ids.add("c" + i);
            double f = rng.nextGaussian();
            rows[i] = new double[] {f + rng.nextGaussian(), f + rng.nextGaussian(), f + rng.nextGaussian(),
                i == 0 ? 1 : 0};
        }
        IndicatorTable t = IndicatorTable.ofRows(inds, ids, rows);
        PathModel model = PathModel.builder().reflective("A", "a1", "a2").reflective("B", "b1", "b2")
            .path("A", "B").build();
        BootstrapResult r = PlsBootstrap.withDefaults().withResamples(100).run(model, t, 5);
        assertThat(r.failedResamples()).isBetween(20, 50);
    }

    @Test
    void validation() {
        PlsBootstrap b = PlsBootstrap.withDefaults();
        assertThatThrownBy(() -> b.withResamples(1)).isInstanceOf(SatisfactionException.class)
            .hasMessageContaining("at least 2 resamples but was given 1");
        assertThatThrownBy(() -> b.withResamples(1_000_000_000)).isInstanceOf(SatisfactionException.class)
            .hasMessage("bootstrap takes at most 1,000,000 resamples but was given 1,000,000,000");
        assertThat(b.withResamples(PlsBootstrap.MAX_RESAMPLES)).isNotNull();
        assertThatThrownBy(() -> PlsBootstrap.checkStored("bootstrap", 1_000_000, "resamples", 51))
            .isInstanceOf(SatisfactionException.class).hasMessage("bootstrap of 1,000,000 resamples x 51 estimates"
                + " would store 51,000,000 values, above the limit of 50,000,000; use fewer");
        PlsBootstrap.checkStored("bootstrap", 1_000_000, "resamples", 50);
        // the draws are kept for the exact quantiles of the intervals: checked against the heap before any work
        long heap = 256L << 20;
        assertThatThrownBy(() -> PlsBootstrap.checkHeap(1_000_000, 250, 50, heap))
            .isInstanceOf(SatisfactionException.class).hasMessage("bootstrap of 1,000,000 resamples x 50 estimates"
                + " needs about 443 MB for its draws, more than the 256 MB the Java heap may use; use fewer resamples or"
                + " a larger heap");
        PlsBootstrap.checkHeap(500_000, 250, 50, heap);
        assertThatThrownBy(() -> b.withThreads(0)).hasMessageContaining("threads must be at least 1 but was 0");
        assertThatThrownBy(() -> b.withConfidenceLevel(1)).hasMessageContaining("confidence level");
        assertThatThrownBy(() -> b.withConfidenceLevel(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> b.with((PlsPm) null)).hasMessageContaining("estimator is null");
        assertThatThrownBy(() -> b.with((SignChange) null)).hasMessageContaining("sign change");
        assertThatThrownBy(() -> b.run(PathModel.ecsi(), SAT, 1)).hasMessageContaining("'IMAG1'");
        assertThat(b.toString()).contains("5000");
    }
}
