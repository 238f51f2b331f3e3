package org.powercx.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TestData;

/**
 * Invariants of PLS path estimates over surveys generated from a known path model ({@link SyntheticSurvey}).
 *
 * <p>Comparisons use the estimator with tolerance \( 10^{-13} \) on \( \sum_k |\Delta w_k| \) so that both runs
 * iterate to the rounding floor rather than stopping at iterations a default tolerance might pick differently;
 * the remaining differences come from summing the same numbers in another order (row permutation) or from
 * rounding in \( a x + b \) (rescaling), a few units of \( 10^{-16} \) relative per moment, amplified little by the
 * contraction of the algorithm.
 */
class SatisfactionPropertiesTest {
    private static final PlsPm TIGHT = PlsPm.withDefaults().withTolerance(1e-13);

    @Provide
    Arbitrary<double[]> paths() {
        Arbitrary<Double> magnitude = Arbitraries.doubles().between(0.25, 0.5);
        Arbitrary<Double> signed = Arbitraries.of(-1.0, 1.0).flatMap(s -> magnitude.map(v -> s * v));
        return signed.array(double[].class).ofSize(4);
    }

    @Provide
    Arbitrary<InnerScheme> schemes() {
        return Arbitraries.of(InnerScheme.class);
    }

    @Property(tries = 40)
    void estimatesDoNotDependOnRowOrder(@ForAll("paths") double[] paths, @ForAll long seed,
            @ForAll @IntRange(min = 20, max = 120) int n, @ForAll("schemes") InnerScheme scheme,
            @ForAll boolean centred) {
        IndicatorTable data = SyntheticSurvey.generate(n, 3, paths, seed);
        int[] perm = TestData.permutation(n, seed ^ 0x5DEECE66DL);
        PlsPm pls = TIGHT.with(scheme).with(centred ? Scaling.CENTRED : Scaling.STANDARDISED);
        PathModel model = SyntheticSurvey.model(3);
        PlsResult a = pls.fit(model, data);
        PlsResult b = pls.fit(model, TestData.permuteRows(data, perm));
        assertRelativelyClose(b.outerWeights(), a.outerWeights(), 1e-10);
        assertRelativelyClose(b.loadings(), a.loadings(), 1e-10);
        assertSame(b.pathCoefficients(), a.pathCoefficients(), 1e-10);
        for (String c : SyntheticSurvey.CONSTRUCTS) {
            assertThat(b.rSquared(c)).as(c).isCloseTo(a.rSquared(c), within(1e-10 * Math.abs(a.rSquared(c))));
        }
        double[][] sa = a.scores();
        double[][] sb = b.scores();
        for (int i = 0; i < n; i++) {
            assertThat(b.ids().get(i)).isEqualTo(a.ids().get(perm[i]));
            // scores have unit variance, so 1e-10 absolute is 1e-10 relative to their scale
            for (int j = 0; j < sa[0].length; j++) {
                assertThat(sb[i][j]).isCloseTo(sa[perm[i]][j], within(1e-10));
            }
        }
    }

    /**
     * Under {@link Scaling#STANDARDISED} the algorithm sees only the correlation matrix, which \( x \mapsto ax + b \)
     * (\( a &gt; 0 \)) leaves unchanged; outer weights then apply to z-scores and are invariant too. (Under
     * {@link Scaling#CENTRED} the weight of the rescaled indicator changes by \( 1/a \), by design.) Tolerance
     * \( 10^{-9} \) relative: with \( |b| \le 100 \), \( a \ge 0.01 \) and indicator scales around 1 to 2, rounding
     * \( ax + b \) perturbs each deviation by up to about \( 10^{4} \cdot 2^{-53} \approx 10^{-12} \) relative.
     */
    @Property(tries = 40)
    void standardisedEstimatesAreInvariantToPositiveAffineRescalingOfAnIndicator(@ForAll("paths") double[] paths,
            @ForAll long seed, @ForAll @IntRange(min = 0, max = 11) int column,
            @ForAll @DoubleRange(min = 0.01, max = 100) double scale,
            @ForAll @DoubleRange(min = -100, max = 100) double shift, @ForAll("schemes") InnerScheme scheme) {
        IndicatorTable data = SyntheticSurvey.generate(80, 3, paths, seed);
        PlsPm pls = TIGHT.with(scheme);
        PathModel model = SyntheticSurvey.model(3);
        PlsResult a = pls.fit(model, data);
        PlsResult b = pls.fit(model, TestData.rescale(data, column, scale, shift));
        assertRelativelyClose(b.outerWeights(), a.outerWeights(), 1e-9);
        assertRelativelyClose(b.loadings(), a.loadings(), 1e-9);
        assertSame(b.pathCoefficients(), a.pathCoefficients(), 1e-9);
        for (String c : SyntheticSurvey.CONSTRUCTS) {
            assertThat(b.rSquared(c)).as(c).isCloseTo(a.rSquared(c), within(1e-9 * Math.abs(a.rSquared(c))));
        }
        double[][] sa = a.scores();
        double[][] sb = b.scores();
        for (int i = 0; i < sa.length; i++) {
            for (int j = 0; j < sa[i].length; j++) {
                assertThat(sb[i][j]).isCloseTo(sa[i][j], within(1e-9)); // unit-variance scores
            }
        }
        double[] ua = a.unstandardisedWeights();
        double[] ub = b.unstandardisedWeights();
        assertThat(ub[column]).isCloseTo(ua[column] / scale, within(1e-9 * Math.abs(ua[column] / scale)));
    }

    /**
     * With n = 2000 and true standardised paths of magnitude 0.25 to 0.5, the standard error of a PLS path is
     * about 0.02 and the attenuation from measurement error (composite reliability above 0.85) at most about 15 %,
     * so every estimated path has the sign of the population path, and the R2 of C and D exceed half the population
     * explained variance.
     */
    @Property(tries = 10)
    void largeSamplesRecoverTheSignsOfTheTruePaths(@ForAll("paths") double[] paths, @ForAll long seed,
            @ForAll("schemes") InnerScheme scheme) {
        IndicatorTable data = SyntheticSurvey.generate(2000, 4, paths, seed);
        PlsResult r = PlsPm.withDefaults().with(scheme).fit(SyntheticSurvey.model(4), data);
        String[][] names = {{"A", "C"}, {"B", "C"}, {"C", "D"}, {"A", "D"}};
        for (int q = 0; q < 4; q++) {
            double est = r.pathCoefficient(names[q][0], names[q][1]);
            assertThat(Math.signum(est)).as(names[q][0] + " -> " + names[q][1] + " = " + est)
                .isEqualTo(Math.signum(paths[q]));
            assertThat(est).isCloseTo(paths[q], within(0.2));
        }
        for (double l : r.loadings()) {
            assertThat(l).isGreaterThan(0.6);
        }
        double r2c = paths[0] * paths[0] + paths[1] * paths[1];
        assertThat(r.rSquared("C")).isGreaterThan(0.5 * r2c).isLessThan(1);
    }

    @Property(tries = 8)
    void bootstrapWithTheSameSeedIsBitIdenticalAcrossRuns(@ForAll("paths") double[] paths, @ForAll long dataSeed,
            @ForAll long seed, @ForAll boolean signChange) {
        IndicatorTable data = SyntheticSurvey.generate(60, 3, paths, dataSeed);
        PlsBootstrap boot = PlsBootstrap.withDefaults().withResamples(40)
            .with(signChange ? SignChange.CONSTRUCT : SignChange.NONE);
        PathModel model = SyntheticSurvey.model(3);
        BootstrapResult first = boot.run(model, data, seed);
        BootstrapResult second = boot.run(model, data, seed);
        // record equality compares double components with Double.compare, i.e. bit for bit (NaN included)
        assertThat(second.weights()).isEqualTo(first.weights());
        assertThat(second.loadings()).isEqualTo(first.loadings());
        assertThat(second.paths()).isEqualTo(first.paths());
        assertThat(second.totalEffects()).isEqualTo(first.totalEffects());
        assertThat(second.rSquared()).isEqualTo(first.rSquared());
        assertThat(second.htmt()).isEqualTo(first.htmt());
        assertThat(second.failedResamples()).isEqualTo(first.failedResamples());
    }

    static void assertRelativelyClose(double[] actual, double[] expected, double rel) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < expected.length; k++) {
            assertThat(actual[k]).as("element %d", k)
                .isCloseTo(expected[k], within(rel * Math.max(Math.abs(expected[k]), Double.MIN_NORMAL)));
        }
    }

    static void assertSame(double[][] actual, double[][] expected, double rel) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertRelativelyClose(actual[i], expected[i], rel);
        }
    }
}
