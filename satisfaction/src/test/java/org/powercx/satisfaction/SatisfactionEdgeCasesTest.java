package org.powercx.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

/** Numerical and structural edge cases of the PLS estimator, each with a closed form or the exception. */
class SatisfactionEdgeCasesTest {
    private static final double[] PATHS = {0.4, -0.3, 0.5, 0.25};
    private static final IndicatorTable DATA = SyntheticSurvey.generate(150, 3, PATHS, 7);
    private static final PathModel MODEL = SyntheticSurvey.model(3);

    /** Table with the columns of {@code t} plus a last column {@code name} holding {@code values}. */
    private static IndicatorTable withColumn(IndicatorTable t, String name, double[] values) {
        List<Indicator> inds = new ArrayList<>(t.indicators());
        inds.add(Indicator.benefit(name));
        double[][] cols = new double[inds.size()][];
        for (int j = 0; j < t.indicatorCount(); j++) {
            cols[j] = t.column(j);
        }
        cols[t.indicatorCount()] = values;
        return IndicatorTable.ofColumns(inds, t.ids(), cols);
    }

    /** The synthetic model with block D replaced by the single indicator {@code item}, in mode {@code mode}. */
    private static PathModel singleItemModel(String item, Mode mode) {
        return PathModel.builder().reflective("A", "a1", "a2", "a3").reflective("B", "b1", "b2", "b3")
            .reflective("C", "c1", "c2", "c3").construct(new Construct("D", mode, List.of(item)))
            .path("A", "C").path("B", "C").path("C", "D").path("A", "D").build();
    }

    /**
     * plspm: a one-indicator block has its standardised indicator as score, so loading 1 and weight 1 (scaled) or
     * \( 1/s \) on the centred answers (unscaled), whatever the mode; the paths into it are then the OLS
     * coefficients of the standardised indicator on the predecessor scores.
     */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void singleIndicatorBlockHasLoadingOneAndWeightOne(Mode mode) {
        PathModel model = singleItemModel("d2", mode);
        PlsResult r = PlsPm.withDefaults().fit(model, DATA);
        assertThat(r.loading("d2")).isCloseTo(1.0, within(1e-14));
        assertThat(r.weight("d2")).isCloseTo(1.0, within(1e-14));
        double[] d2 = DATA.column("d2");
        double mean = 0;
        for (double v : d2) {
            mean += v / d2.length;
        }
        double var = 0;
        for (double v : d2) {
            var += (v - mean) * (v - mean) / d2.length;
        }
        double sd = Math.sqrt(var);
        double[] score = r.scores("D");
        for (int i = 0; i < d2.length; i++) {
            assertThat(score[i]).isCloseTo((d2[i] - mean) / sd, within(1e-12));
        }
        assertThat(r.quality().cronbachAlpha()[3]).isEqualTo(1.0);
        assertThat(r.quality().rhoC()[3]).isEqualTo(1.0);
        assertThat(r.blockCommunality("D")).isCloseTo(1.0, within(1e-14));
        // path C, A -> D by the normal equations on the scores, solved independently here
        double[] c = r.scores("C");
        double[] a = r.scores("A");
        double saa = 0;
        double scc = 0;
        double sac = 0;
        double sad = 0;
        double scd = 0;
        for (int i = 0; i < c.length; i++) {
            saa += a[i] * a[i];
            scc += c[i] * c[i];
            sac += a[i] * c[i];
            sad += a[i] * score[i];
            scd += c[i] * score[i];
        }
        double det = saa * scc - sac * sac;
        assertThat(r.pathCoefficient("C", "D")).isCloseTo((saa * scd - sac * sad) / det, within(1e-12));
        assertThat(r.pathCoefficient("A", "D")).isCloseTo((scc * sad - sac * scd) / det, within(1e-12));

        PlsResult unscaled = PlsPm.withDefaults().with(Scaling.CENTRED).fit(model, DATA);
        assertThat(unscaled.weight("d2")).isCloseTo(1 / sd, within(1e-12 / sd));
        assertThat(unscaled.loading("d2")).isCloseTo(1.0, within(1e-14));
    }

    /**
     * A constant item is rejected whatever its value: 0.1 (not a binary fraction, so its rounded mean differs from
     * the answers by about 1e-17 and a variance test on the centred values alone would see a tiny variance) and 7.
     */
    @ParameterizedTest
    @EnumSource(Scaling.class)
    void itemWithoutVarianceIsRejectedByName(Scaling scaling) {
        for (double value : new double[] {0.1, 7.0, 1e-300}) {
            itemWithoutVarianceIsRejectedByName(scaling, value);
        }
    }

    private static void itemWithoutVarianceIsRejectedByName(Scaling scaling, double value) {
        double[] constant = new double[DATA.rowCount()];
        java.util.Arrays.fill(constant, value);
        PathModel model = PathModel.builder().reflective("A", "a1", "a2", "a3").reflective("B", "b1", "b2", "b3")
            .reflective("C", "c1", "c2", "c3").reflective("D", "d1", "d2", "flat")
            .path("A", "C").path("B", "C").path("C", "D").path("A", "D").build();
        assertThatThrownBy(() -> PlsPm.withDefaults().with(scaling).fit(model, withColumn(DATA, "flat", constant)))
            .isInstanceOf(SatisfactionException.class)
            .hasMessageContaining("indicator 'flat' of construct 'D' has no variance");
        assertThatThrownBy(() -> PlsBootstrap.withDefaults().withResamples(10).run(model,
            withColumn(DATA, "flat", constant), 1)).isInstanceOf(SatisfactionException.class)
            .hasMessageContaining("'flat'");
    }

    /**
     * An item {@code 5 + eps * d3} is almost constant but perfectly correlated with {@code d3}: standardised
     * estimates must equal those with {@code d3} itself. Rounding {@code 5 + eps * x} leaves about
     * \( 5 \cdot 2^{-53} / \varepsilon \) relative error in each deviation, hence the tolerance.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1e-3, 1e-6, 1e-9})
    void nearConstantItemIsEstimatedLikeItsRescaledSource(double eps) {
        PathModel model = PathModel.builder().reflective("A", "a1", "a2", "a3").reflective("B", "b1", "b2", "b3")
            .reflective("C", "c1", "c2", "c3").reflective("D", "d1", "d2", "near")
            .path("A", "C").path("B", "C").path("C", "D").path("A", "D").build();
        double[] near = DATA.column("d3");
        for (int i = 0; i < near.length; i++) {
            near[i] = 5 + eps * (near[i] - 6);
        }
        PlsPm pls = PlsPm.withDefaults().withTolerance(1e-13);
        PlsResult r = pls.fit(model, withColumn(DATA, "near", near));
        PlsResult ref = pls.fit(MODEL, DATA);
        double tol = 1e3 * 5 * 0x1p-53 / eps;
        SatisfactionPropertiesTest.assertRelativelyClose(r.standardisedWeights(), ref.standardisedWeights(), tol);
        SatisfactionPropertiesTest.assertRelativelyClose(r.loadings(), ref.loadings(), tol);
        assertThat(r.pathCoefficient("C", "D")).isCloseTo(ref.pathCoefficient("C", "D"), within(tol));
        assertThat(r.rSquared("D")).isCloseTo(ref.rSquared("D"), within(tol));
    }

    /**
     * Every answer multiplied by {@code 1e-300} or {@code 1e300} (exact powers of ten are not exact in binary, so
     * compared with a relative tolerance): standardised estimates equal those of the original answers, since the
     * correlation matrix does not depend on the scale. Squaring such answers over- or underflows, so a naive
     * covariance would report "no variance"; the estimator must not.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1e-300, 1e300, 1e-200, 1e200})
    void extremeMagnitudesGiveTheSameStandardisedEstimates(double factor) {
        double[][] cols = new double[DATA.indicatorCount()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = DATA.column(j);
            for (int i = 0; i < cols[j].length; i++) {
                cols[j][i] *= factor;
            }
        }
        IndicatorTable scaled = IndicatorTable.ofColumns(DATA.indicators(), DATA.ids(), cols);
        PlsPm pls = PlsPm.withDefaults().withTolerance(1e-13);
        PlsResult r = pls.fit(MODEL, scaled);
        PlsResult ref = pls.fit(MODEL, DATA);
        SatisfactionPropertiesTest.assertRelativelyClose(r.outerWeights(), ref.outerWeights(), 1e-10);
        SatisfactionPropertiesTest.assertRelativelyClose(r.loadings(), ref.loadings(), 1e-10);
        assertThat(r.pathCoefficient("C", "D")).isCloseTo(ref.pathCoefficient("C", "D"), within(1e-10));
        assertThat(r.rSquared("D")).isCloseTo(ref.rSquared("D"), within(1e-10));
        assertThat(r.indicatorStandardDeviations()[0])
            .isCloseTo(ref.indicatorStandardDeviations()[0] * factor, within(1e-12 * factor));
        double[] u = r.unstandardisedWeights();
        double[] uref = ref.unstandardisedWeights();
        assertThat(u[0]).isCloseTo(uref[0] / factor, within(1e-9 * uref[0] / factor));
        BootstrapResult boot = PlsBootstrap.withDefaults().withResamples(20).run(MODEL, scaled, 3);
        assertThat(boot.failedResamples()).isZero();
        BootstrapResult bootRef = PlsBootstrap.withDefaults().withResamples(20).run(MODEL, DATA, 3);
        for (int q = 0; q < boot.paths().size(); q++) {
            assertThat(boot.paths().get(q).standardError())
                .isCloseTo(bootRef.paths().get(q).standardError(), within(1e-8));
        }
    }

    /**
     * Answers of one item spread over most of the double range (d1 mapped affinely onto [-1.5e308, 1.5e308], so
     * that {@code x - mean} overflows): standardised scores equal those with {@code d1} itself, since the
     * item is an affine image of it (fuzzing regression: the scores were infinite).
     */
    @Test
    void answersSpanningTheDoubleRangeGiveTheScoresOfTheUnscaledItem() {
        double[] wide = DATA.column("d1");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : wide) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        for (int i = 0; i < wide.length; i++) {
            wide[i] = 1.5e308 * ((wide[i] - lo) / (hi - lo) * 2 - 1);
        }
        assertThat(wide).contains(1.5e308, -1.5e308);
        PathModel model = PathModel.builder().reflective("A", "a1", "a2", "a3").reflective("B", "b1", "b2", "b3")
            .reflective("C", "c1", "c2", "c3").reflective("D", "wide", "d2", "d3")
            .path("A", "C").path("B", "C").path("C", "D").path("A", "D").build();
        PlsPm pls = PlsPm.withDefaults().withTolerance(1e-13);
        PlsResult r = pls.fit(model, withColumn(DATA, "wide", wide));
        PlsResult ref = pls.fit(MODEL, DATA);
        SatisfactionPropertiesTest.assertRelativelyClose(r.outerWeights(), ref.outerWeights(), 1e-12);
        double[][] y = r.scores();
        double[][] yRef = ref.scores();
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(y[i][j]).isCloseTo(yRef[i][j], within(1e-12));
            }
        }
    }

    /** Subnormal answers (below 2.2e-308) have no usable precision: rejected by name (fuzzing regression). */
    @Test
    void subnormalAnswersAreRejectedByName() {
        double[] tiny = DATA.column("d1");
        for (int i = 0; i < tiny.length; i++) {
            tiny[i] = tiny[i] > 6 ? Double.MIN_VALUE : 0.0;
        }
        PathModel model = PathModel.builder().reflective("A", "a1", "a2", "a3").reflective("B", "b1", "b2", "b3")
            .reflective("C", "c1", "c2", "c3").reflective("D", "tiny", "d2", "d3")
            .path("A", "C").path("B", "C").path("C", "D").path("A", "D").build();
        for (Scaling scaling : Scaling.values()) {
            assertThatThrownBy(() -> PlsPm.withDefaults().with(scaling).fit(model, withColumn(DATA, "tiny", tiny)))
                .isInstanceOf(SatisfactionException.class).hasMessageContaining("indicator 'tiny' of construct 'D'");
        }
    }

    /** Unscaled (covariance) estimation cannot represent variances of order 1e±600: named exception. */
    @ParameterizedTest
    @ValueSource(doubles = {1e-300, 1e300})
    void extremeMagnitudesUnderCentredScalingAreRejectedByName(double factor) {
        double[] col = DATA.column("a1");
        for (int i = 0; i < col.length; i++) {
            col[i] *= factor;
        }
        PathModel model = PathModel.builder().reflective("A", "huge", "a2", "a3").reflective("B", "b1", "b2", "b3")
            .reflective("C", "c1", "c2", "c3").reflective("D", "d1", "d2", "d3")
            .path("A", "C").path("B", "C").path("C", "D").path("A", "D").build();
        assertThatThrownBy(() -> PlsPm.withDefaults().with(Scaling.CENTRED).fit(model, withColumn(DATA, "huge", col)))
            .isInstanceOf(SatisfactionException.class).hasMessageContaining("indicator 'huge' of construct 'A'");
    }

    @Test
    void missingAnswersAreTreatedAsConfigured() {
        int n = 40;
        int p = DATA.indicatorCount();
        double[][] rows = new double[n][];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows[i] = DATA.row(i);
            ids.add(DATA.id(i));
        }
        rows[3][0] = Double.NaN;
        rows[3][5] = Double.NaN;
        rows[10][5] = Double.NaN;
        MissingAnswers mean = MissingAnswers.treat(DATA.indicators(), ids, rows, MissingTreatment.MEAN_REPLACEMENT);
        assertThat(mean.table().rowCount()).isEqualTo(n);
        assertThat(mean.answersReplaced()).isEqualTo(3);
        double observed = 0;
        for (int i = 0; i < n; i++) {
            observed += i == 3 || i == 10 ? 0 : rows[i][5];
        }
        assertThat(mean.table().get(10, 5)).isCloseTo(observed / (n - 2), within(1e-12));
        assertThat(rows[3][0]).isNaN(); // input untouched
        MissingAnswers listwise = MissingAnswers.treat(DATA.indicators(), ids, rows,
            MissingTreatment.CASEWISE_DELETION);
        assertThat(listwise.table().rowCount()).isEqualTo(n - 2);
        assertThat(listwise.respondentsDeleted()).isEqualTo(2);
        assertThat(listwise.missingPerIndicator()[5]).isEqualTo(2);
        PlsResult a = PlsPm.withDefaults().fit(MODEL, listwise.table());
        PlsResult b = PlsPm.withDefaults().fit(MODEL, DATA.filter(i -> i < n && i != 3 && i != 10));
        assertThat(a.outerWeights()).isEqualTo(b.outerWeights());
        assertThat(PlsPm.withDefaults().fit(MODEL, mean.table()).sampleSize()).isEqualTo(n);
        for (int j = 0; j < p; j++) {
            rows[0][j] = j == 2 ? rows[0][j] : Double.NaN;
        }
        for (int i = 1; i < n; i++) {
            rows[i][2] = Double.NaN;
        }
        // item 2 answered by one respondent only: mean replacement makes it constant, the fit names it
        MissingAnswers one = MissingAnswers.treat(DATA.indicators(), ids, rows, MissingTreatment.MEAN_REPLACEMENT);
        assertThatThrownBy(() -> PlsPm.withDefaults().fit(MODEL, one.table()))
            .isInstanceOf(SatisfactionException.class).hasMessageContaining("indicator 'a3'")
            .hasMessageContaining("no variance");
        assertThatThrownBy(() -> MissingAnswers.treat(DATA.indicators(), ids, rows,
            MissingTreatment.CASEWISE_DELETION)).isInstanceOf(SatisfactionException.class)
            .hasMessageContaining("removed all 40 respondents");
        for (int i = 0; i < n; i++) {
            rows[i][2] = Double.NaN;
        }
        assertThatThrownBy(() -> MissingAnswers.treat(DATA.indicators(), ids, rows,
            MissingTreatment.MEAN_REPLACEMENT)).isInstanceOf(SatisfactionException.class)
            .hasMessageContaining("indicator 'a3' has no answers");
        rows[5][1] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> MissingAnswers.treat(DATA.indicators(), ids, rows,
            MissingTreatment.MEAN_REPLACEMENT)).isInstanceOf(SatisfactionException.class)
            .hasMessageContaining("respondent 'r5', indicator 'a2'");
    }

    /**
     * Five respondents and twelve indicators: the correlation matrix is singular, but Mode A never inverts it, so
     * the estimates exist; they must be internally consistent (unit-variance scores, loadings equal to the
     * correlation of each item with its score, paths equal to OLS on the scores). A Mode B block of three items
     * on three respondents is singular and named.
     */
    @Test
    void fewerRespondentsThanIndicators() {
        IndicatorTable small = DATA.rows(0, 5);
        PlsResult r = PlsPm.withDefaults().fit(MODEL, small);
        double[][] y = r.scores();
        for (int j = 0; j < 4; j++) {
            double ss = 0;
            for (double[] row : y) {
                ss += row[j] * row[j];
            }
            assertThat(ss / 5).isCloseTo(1.0, within(1e-12));
        }
        double[] a1 = small.column("a1");
        double[] yA = r.scores("A");
        double mean = 0;
        for (double v : a1) {
            mean += v / 5;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < 5; i++) {
            sxy += (a1[i] - mean) * yA[i];
            sxx += (a1[i] - mean) * (a1[i] - mean);
        }
        assertThat(r.loading("a1")).isCloseTo(sxy / Math.sqrt(sxx * 5), within(1e-12));
        double[] yB = r.scores("B");
        double[] yC = r.scores("C");
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        double sac = 0;
        double sbc = 0;
        for (int i = 0; i < 5; i++) {
            saa += yA[i] * yA[i];
            sbb += yB[i] * yB[i];
            sab += yA[i] * yB[i];
            sac += yA[i] * yC[i];
            sbc += yB[i] * yC[i];
        }
        double det = saa * sbb - sab * sab;
        assertThat(r.pathCoefficient("A", "C")).isCloseTo((sbb * sac - sab * sbc) / det, within(1e-9));
        assertThat(r.rSquared("C")).isBetween(0.0, 1.0 + 1e-12);

        PathModel formative = PathModel.builder().formative("A", "a1", "a2", "a3").reflective("B", "b1", "b2", "b3")
            .reflective("C", "c1", "c2", "c3").reflective("D", "d1", "d2", "d3")
            .path("A", "C").path("B", "C").path("C", "D").path("A", "D").build();
        assertThatThrownBy(() -> PlsPm.withDefaults().fit(formative, DATA.rows(0, 3)))
            .isInstanceOf(SatisfactionException.class).hasMessageContaining("construct 'A' is singular");
        assertThatThrownBy(() -> PlsPm.withDefaults().fit(MODEL, DATA.rows(0, 2)))
            .isInstanceOf(SatisfactionException.class).hasMessageContaining("at least 3 respondents");
    }

    /**
     * A block of an item and its reversed, rescaled copy ({@code 10 - 2 d1}): loadings are exactly +1 and -1, so
     * \( \rho_c \)'s formula reads 0/0; it is reported as 0 (its limit), not NaN (fuzzing regression). On the
     * correlation scale the unit starting weights cancel and the block is reported singular by name.
     */
    @Test
    void blockOfAnItemAndItsReversalHasZeroCompositeReliability() {
        double[] reversed = DATA.column("d1");
        for (int i = 0; i < reversed.length; i++) {
            reversed[i] = 10 - 2 * reversed[i];
        }
        IndicatorTable data = withColumn(DATA, "rev", reversed);
        PathModel model = PathModel.builder().reflective("A", "a1", "a2", "a3").reflective("B", "b1", "b2", "b3")
            .reflective("C", "c1", "c2", "c3").reflective("D", "d1", "rev")
            .path("A", "C").path("B", "C").path("C", "D").path("A", "D").build();
        PlsResult r = PlsPm.withDefaults().with(Scaling.CENTRED).fit(model, data);
        // one loading +1, the other -1 (the tie in plspm's majority sign rule leaves the orientation as found)
        assertThat(Math.abs(r.loading("d1"))).isCloseTo(1.0, within(1e-12));
        assertThat(r.loading("rev")).isCloseTo(-r.loading("d1"), within(1e-12));
        assertThat(r.quality().rhoC()[3]).isEqualTo(0.0);
        assertThat(r.quality().rhoC()[0]).isBetween(0.5, 1.0);
        assertThatThrownBy(() -> PlsPm.withDefaults().fit(model, data)).isInstanceOf(SatisfactionException.class)
            .hasMessageContaining("construct 'D' is singular");
    }

    @Test
    void cyclicInnerModelIsRejected() {
        assertThatThrownBy(() -> PathModel.builder().reflective("A", "a1").reflective("B", "b1")
            .reflective("C", "c1").path("A", "B").path("B", "C").path("C", "A").build())
            .isInstanceOf(SatisfactionException.class).hasMessageContaining("form a cycle through construct");
        assertThatThrownBy(() -> PathModel.builder().reflective("A", "a1").reflective("B", "b1")
            .path("A", "B").path("B", "A").build())
            .isInstanceOf(SatisfactionException.class).hasMessageContaining("cycle");
        assertThatThrownBy(() -> PathModel.builder().reflective("A", "a1").reflective("B", "b1")
            .path("A", "A").path("A", "B").build())
            .isInstanceOf(SatisfactionException.class).hasMessageContaining("construct 'A' to itself");
    }

    @Test
    void unknownConstructsAreRejectedByName() {
        assertThatThrownBy(() -> PathModel.builder().reflective("A", "a1").reflective("B", "b1")
            .path("A", "B").path("B", "Z").build())
            .isInstanceOf(SatisfactionException.class).hasMessageContaining("unknown construct 'Z'");
        PlsResult r = PlsPm.withDefaults().fit(MODEL, DATA);
        assertThatThrownBy(() -> r.pathCoefficient("A", "Z")).isInstanceOf(SatisfactionException.class)
            .hasMessageContaining("unknown construct 'Z'");
        assertThatThrownBy(() -> r.loading("zz")).isInstanceOf(SatisfactionException.class)
            .hasMessageContaining("indicator 'zz'");
        assertThatThrownBy(() -> SatisfactionIndex.of(r, -1000, 1000).importancePerformance("Z"))
            .isInstanceOf(SatisfactionException.class).hasMessageContaining("unknown construct 'Z'");
        PathModel other = PathModel.builder().reflective("A", "a1").reflective("B", "missing").path("A", "B").build();
        assertThatThrownBy(() -> PlsPm.withDefaults().fit(other, DATA)).isInstanceOf(SatisfactionException.class)
            .hasMessageContaining("indicator 'missing' of construct 'B' is not in the data");
    }
}
