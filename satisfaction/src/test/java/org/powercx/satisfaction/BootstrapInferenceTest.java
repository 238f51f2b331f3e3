package org.powercx.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;

/**
 * Mediation, signed HTMT, f2, BCa, kept and streamed draws, and the PLSc bootstrap.
 */
class BootstrapInferenceTest {
    private static final IndicatorTable SAT = RefData.survey("satisfaction");
    private static final PlsPm CENTROID = PlsPm.withDefaults().with(InnerScheme.CENTROID).withTolerance(1e-13);
    /** ADANCO stops its iterations about 2e-8 from the fixed point (see AdancoReferenceTest). */
    private static final double ADANCO_TOL = 5e-8;
    /** PLSc paths and effects amplify that about 17-fold (see ConsistentPlsReferenceTest). */
    private static final double ADANCO_PLSC_TOL = 1e-6;

    /** Checks an ADANCO "Indirect_Effects" sheet (source rows, target columns) against total indirect effects. */
    private static int assertIndirectSheet(String file, List<BootstrapEstimate> indirect, double tol) {
        List<String[]> lines = RefData.lines("adanco/" + file);
        String[] targets = lines.get(2);
        int checked = 0;
        for (String[] row : lines.subList(3, lines.size())) {
            for (int c = 2; c < row.length; c++) {
                if (!row[c].isEmpty()) {
                    String name = row[1] + " -> " + targets[c];
                    assertThat(BootstrapResult.find(indirect, name).original()).as("%s %s", file, name)
                        .isCloseTo(RefData.num(row[c]), within(tol));
                    checked++;
                }
            }
        }
        return checked;
    }

    @Test
    void indirectEffectsMatchAdancoAndAddUp() {
        BootstrapResult r = PlsBootstrap.withDefaults().with(CENTROID).withResamples(100)
            .run(RefData.s6ModeB(), SAT, 11);
        assertThat(assertIndirectSheet("composite_modeB__Indirect_Effects.csv", r.indirectEffects(), ADANCO_TOL))
            .isEqualTo(10);
        assertThat(r.indirectEffects()).hasSize(10);
        PlsResult o = r.original();
        for (BootstrapEstimate e : r.indirectEffects()) {
            String[] ft = e.name().split(" -> ");
            assertThat(e.original()).isCloseTo(o.indirectEffect(ft[0], ft[1]), within(1e-14));
            double sum = 0;
            for (BootstrapEstimate s : r.specificIndirectEffects()) {
                String[] chain = s.name().split(" -> ");
                if (chain[0].equals(ft[0]) && chain[chain.length - 1].equals(ft[1])) {
                    sum += s.original();
                }
            }
            assertThat(sum).as(e.name()).isCloseTo(e.original(), within(1e-14));
            assertThat(e.lower()).isLessThanOrEqualTo(e.upper());
        }
        BootstrapEstimate qvs = BootstrapResult.find(r.specificIndirectEffects(), "QUAL -> VAL -> SAT");
        assertThat(qvs.original()).isEqualTo(o.pathCoefficient("QUAL", "VAL") * o.pathCoefficient("VAL", "SAT"));
        assertThat(r.specificIndirectEffectsOmitted()).isFalse();
        // chains of two or more paths in the S6 model, counted by hand from its 10 paths: 12 from IMAG, 8 from
        // EXPE, 3 from QUAL, 1 from VAL
        assertThat(r.specificIndirectEffects()).hasSize(24);
    }

    @Test
    void consistentBootstrapMatchesConsistentPlsAndAdanco() {
        PlsBootstrap boot = PlsBootstrap.withDefaults().with(CENTROID).withResamples(200).withConsistentPls(true);
        BootstrapResult r = boot.run(PathModel.powerCsi(), SAT, 3);
        PlscResult plsc = ConsistentPls.withDefaults().with(CENTROID).fit(PathModel.powerCsi(), SAT);
        assertThat(r.consistent()).isTrue();
        assertThat(assertIndirectSheet("cf_modeA_plsc__Indirect_Effects.csv", r.indirectEffects(), ADANCO_PLSC_TOL))
            .isEqualTo(10);
        for (BootstrapEstimate e : r.paths()) {
            String[] ft = e.name().split(" -> ");
            assertThat(e.original()).as(e.name()).isEqualTo(plsc.pathCoefficient(ft[0], ft[1]));
        }
        for (BootstrapEstimate e : r.loadings()) {
            assertThat(e.original()).as(e.name()).isEqualTo(plsc.loading(e.name()));
        }
        BootstrapEstimate satLoy = BootstrapResult.find(r.paths(), "SAT -> LOY");
        assertThat(satLoy.standardError()).isGreaterThan(0).isLessThan(0.5);
        assertThat(r.failedResamples()).isLessThan(200);
        assertThat(r.toString()).contains("(PLSc)");
        assertThat(boot.withThreads(2).run(PathModel.powerCsi(), SAT, 3).paths()).isEqualTo(r.paths());
        assertThatThrownBy(() -> boot.with(PlsPm.withDefaults().with(Scaling.CENTRED)).run(PathModel.powerCsi(),
            SAT, 3)).isInstanceOf(SatisfactionException.class).hasMessage("consistent PLS bootstrap needs "
                + "standardised scaling but the estimator has CENTRED");
    }

    @Test
    void signedHtmtAndFSquaredStartFromTheQualityMeasures() {
        BootstrapResult r = PlsBootstrap.withDefaults().withResamples(100).withConfidenceLevel(0.9)
            .run(PathModel.powerCsi(), SAT, 5);
        PlsQuality q = r.original().quality();
        List<String> cn = r.original().model().constructNames();
        double[][] signed = q.htmt(false);
        double[][] f2 = q.fSquared();
        assertThat(r.signedHtmt()).hasSize(15);
        for (BootstrapEstimate e : r.signedHtmt()) {
            String[] ab = e.name().split(" -> ");
            assertThat(e.original()).isCloseTo(signed[cn.indexOf(ab[0])][cn.indexOf(ab[1])], within(1e-14));
        }
        assertThat(r.fSquared()).hasSize(10);
        for (BootstrapEstimate e : r.fSquared()) {
            String[] ft = e.name().split(" -> ");
            assertThat(e.original()).isCloseTo(f2[cn.indexOf(ft[0])][cn.indexOf(ft[1])], within(1e-14));
        }
        // HTMT inference: IMAG and EXPE are distinct constructs (upper one-sided 95 % bound below 1)
        assertThat(BootstrapResult.find(r.signedHtmt(), "IMAG -> EXPE").upper()).isLessThan(1);
    }

    /**
     * Kept draws reproduce the summaries; the streamed draws are the kept ones, in resample order, at any thread
     * count; a custom statistic (a difference of two paths) is summarised from the stream.
     */
    @Test
    void keptAndStreamedDraws() {
        PlsBootstrap boot = PlsBootstrap.withDefaults().withResamples(120).withDrawsKept(true);
        List<Integer> order = new ArrayList<>();
        double[] diff = new double[120];
        BootstrapResult r = boot.run(PathModel.powerCsi(), SAT, 9, d -> {
            order.add(d.resample());
            diff[d.resample()] = d.pathCoefficient("SAT", "LOY") - d.pathCoefficient("IMAG", "LOY");
        });
        BootstrapEstimate satLoy = BootstrapResult.find(r.paths(), "SAT -> LOY");
        double[] draws = satLoy.draws();
        assertThat(draws).hasSize(120 - r.failedResamples());
        assertThat(Arrays.stream(draws).average().orElseThrow()).isCloseTo(satLoy.mean(), within(1e-14));
        double[] sorted = draws.clone();
        Arrays.sort(sorted);
        assertThat(BootstrapSummary.quantile(sorted, 0.025)).isEqualTo(satLoy.lower());
        assertThat(order).hasSize(120);
        for (int b = 0; b < 120; b++) {
            assertThat(order.get(b)).isEqualTo(b);
        }
        BootstrapEstimate imagLoy = BootstrapResult.find(r.paths(), "IMAG -> LOY");
        double[] imag = imagLoy.draws();
        for (int b = 0; b < draws.length; b++) {
            assertThat(diff[b]).isEqualTo(draws[b] - imag[b]);
        }
        double[] threaded = new double[120];
        boot.withThreads(3).run(PathModel.powerCsi(), SAT, 9, d -> threaded[d.resample()] =
            d.pathCoefficient("SAT", "LOY") - d.pathCoefficient("IMAG", "LOY"));
        assertThat(threaded).isEqualTo(diff);
        assertThat(PlsBootstrap.withDefaults().withResamples(20).run(PathModel.powerCsi(), SAT, 9).paths().get(0)
            .draws()).isEmpty();
        List<BootstrapDraw> first = new ArrayList<>();
        boot.withResamples(2).run(PathModel.powerCsi(), SAT, 9, first::add);
        BootstrapDraw d = first.get(0);
        assertThat(d.converged()).isTrue();
        assertThat(d.htmt("EXPE", "IMAG")).isEqualTo(d.htmt("IMAG", "EXPE"));
        assertThat(d.signedHtmt("IMAG", "EXPE")).isFinite();
        assertThat(d.indirectEffect("IMAG", "LOY")).isCloseTo(d.totalEffect("IMAG", "LOY")
            - d.pathCoefficient("IMAG", "LOY"), within(1e-15));
        assertThat(d.specificIndirectEffect("QUAL -> VAL -> SAT")).isCloseTo(d.pathCoefficient("QUAL", "VAL")
            * d.pathCoefficient("VAL", "SAT"), within(1e-15));
        assertThat(d.weight("imag1") + d.loading("imag1") + d.rSquared("SAT") + d.fSquared("SAT", "LOY"))
            .isFinite();
        assertThatThrownBy(() -> d.pathCoefficient("LOY", "SAT")).isInstanceOf(SatisfactionException.class)
            .hasMessage("no path 'LOY -> SAT' in the bootstrap");
        assertThatThrownBy(() -> d.htmt("IMAG", "IMAG")).hasMessage("no construct pair 'IMAG' and 'IMAG'");
        assertThat(d.toString()).contains("resample=0");
    }

    /**
     * BCa against scipy 1.17.1 {@code stats.bootstrap(method="BCa")}: the same draws and jackknife values
     * (written by {@code bca/bca_reference.py}) must give scipy's limits; the arithmetic is the same up to
     * rounding, so 1e-12.
     */
    @Test
    void bcaMatchesScipy() {
        List<String[]> lines = RefData.lines("bca/bca.csv");
        assertThat(lines).hasSize(5);
        for (String[] row : lines.subList(1, lines.size())) {
            double level = Double.parseDouble(row[1]);
            double original = Double.parseDouble(row[2]);
            double[] jack = Arrays.stream(row[7].split(" ")).mapToDouble(Double::parseDouble).toArray();
            double[] draws = Arrays.stream(row[8].split(" ")).mapToDouble(Double::parseDouble).sorted().toArray();
            assertThat(draws).hasSize(2000);
            double[] bca = BootstrapSummary.bca(draws, original, jack, level);
            assertThat(bca[0]).as("%s %s low", row[0], level).isCloseTo(Double.parseDouble(row[3]), within(1e-12));
            assertThat(bca[1]).as("%s %s high", row[0], level).isCloseTo(Double.parseDouble(row[4]), within(1e-12));
            double alpha = (1 - level) / 2;
            assertThat(BootstrapSummary.quantile(draws, alpha)).isCloseTo(Double.parseDouble(row[5]), within(1e-12));
            assertThat(BootstrapSummary.quantile(draws, 1 - alpha)).isCloseTo(Double.parseDouble(row[6]),
                within(1e-12));
        }
        assertThat(BootstrapSummary.bca(new double[] {1, 2, 3}, 0.5, new double[] {1, 2}, 0.95)).containsOnly(
            Double.NaN);
        assertThat(BootstrapSummary.acceleration(new double[] {2, 2, 2})).isZero();
    }

    /**
     * The bootstrap's BCa limits are those of its kept draws with the leave-one-out estimates refitted through the
     * public API (a fresh fit of the survey without each respondent): the jackknife inside the bootstrap deletes
     * the right rows. The refits converge to 1e-10 on their own, hence the tolerance.
     */
    @Test
    void bcaUsesTheLeaveOneOutEstimates() {
        BootstrapResult r = PlsBootstrap.withDefaults().withResamples(300).withDrawsKept(true)
            .run(PathModel.powerCsi(), SAT, 21);
        PlsPm pls = PlsPm.withDefaults();
        int n = SAT.rowCount();
        for (String path : new String[] {"QUAL -> SAT", "SAT -> LOY"}) {
            String[] ft = path.split(" -> ");
            double[] jack = new double[n];
            for (int i = 0; i < n; i++) {
                int drop = i;
                jack[i] = pls.fit(PathModel.powerCsi(), SAT.filter(row -> row != drop)).pathCoefficient(ft[0], ft[1]);
            }
            BootstrapEstimate e = BootstrapResult.find(r.paths(), path);
            double[] sorted = e.draws();
            Arrays.sort(sorted);
            double[] bca = BootstrapSummary.bca(sorted, e.original(), jack, 0.95);
            assertThat(e.bcaLower()).as(path).isCloseTo(bca[0], within(1e-9));
            assertThat(e.bcaUpper()).as(path).isCloseTo(bca[1], within(1e-9));
            assertThat(e.bcaLower()).isNotEqualTo(e.lower());
        }
    }

    /** A complete order of 12 constructs has 4,017 chains of two or more paths: no specific effect is reported. */
    @Test
    void tooManyChainsLeaveOutTheSpecificEffectsOnly() {
        int m = 12;
        List<org.powercx.core.Indicator> inds = new ArrayList<>();
        PathModel.Builder b = PathModel.builder();
        for (int k = 0; k < m; k++) {
            inds.add(org.powercx.core.Indicator.benefit("x" + k));
            b.reflective("C" + k, "x" + k);
        }
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                b.path("C" + i, "C" + j);
            }
        }
        java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
        List<String> ids = new ArrayList<>();
        double[][] rows = new double[80][m];
        for (int r = 0; r < rows.length; r++) {
            ids.add("r" + r);
            double f = rng.nextGaussian();
            for (int k = 0; k < m; k++) {
                rows[r][k] = f + rng.nextGaussian();
            }
        }
        BootstrapResult r = PlsBootstrap.withDefaults().withResamples(10).run(b.build(),
            IndicatorTable.ofRows(inds, ids, rows), 1);
        assertThat(r.specificIndirectEffectsOmitted()).isTrue();
        assertThat(r.specificIndirectEffects()).isEmpty();
        // every pair two or more steps apart: 66 pairs less the 11 adjacent ones
        assertThat(r.indirectEffects()).hasSize(55);
        assertThat(r.paths()).hasSize(66);
    }

    @Test
    void hugePermutationCountsAreRefusedOnOneLine() {
        assertThatThrownBy(() -> PlsGroups.withDefaults().withPermutations(2_000_000_000))
            .isInstanceOf(SatisfactionException.class)
            .hasMessage("group comparison takes at most 1,000,000 permutations but was given 2,000,000,000");
        assertThatThrownBy(() -> PlsBootstrap.withDefaults().withResamples(200_000).withDrawsKept(true)
            .run(PathModel.powerCsi(), SAT, 1)).isInstanceOf(SatisfactionException.class)
            .hasMessageStartingWith("bootstrap with kept draws of 200,000 resamples x ");
    }
}
