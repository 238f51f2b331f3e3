package org.powercx.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;

/** The bootstrap parts of PLS-MGA by their properties (the formulas are in MicomMgaReferenceTest). */
class PlsMgaTest {
    private static final IndicatorTable DATA = RefData.survey("satisfaction");
    private static final List<String> GENDER = Arrays.asList(RefData.gender());

    @Test
    void seededBitIdenticalAndBuiltFromEachGroupsBootstrap() {
        PlsBootstrap boot = PlsBootstrap.withDefaults().withResamples(300);
        PlsMga mga = PlsMga.withDefaults().with(boot);
        MgaResult one = mga.compare(PathModel.powerCsi(), DATA, GENDER, "female", "male", 7);
        MgaResult two = mga.with(boot.withThreads(3)).compare(PathModel.powerCsi(), DATA, GENDER, "female", "male",
            7);
        assertThat(two).isEqualTo(one).hasSameHashCodeAs(one);
        assertThat(two.henselerProbabilities()).containsExactly(one.henselerProbabilities());
        // the same numbers from the pieces: each group bootstrapped with the documented seeds
        SplittableRandom root = new SplittableRandom(7);
        long seedA = root.nextLong();
        long seedB = root.nextLong();
        BootstrapResult a = boot.withDrawsKept(true).run(PathModel.powerCsi(),
            DATA.filter(i -> GENDER.get(i).equals("female")), seedA);
        BootstrapResult b = boot.withDrawsKept(true).run(PathModel.powerCsi(),
            DATA.filter(i -> GENDER.get(i).equals("male")), seedB);
        for (int k = 0; k < one.paths().size(); k++) {
            BootstrapEstimate ea = a.paths().get(k);
            BootstrapEstimate eb = b.paths().get(k);
            assertThat(one.paths().get(k)).isEqualTo(ea.name());
            assertThat(one.coefficientsA()[k]).isEqualTo(ea.original());
            assertThat(one.coefficientsB()[k]).isEqualTo(eb.original());
            assertThat(one.standardErrorsA()[k]).isEqualTo(ea.standardError());
            assertThat(one.standardErrorsB()[k]).isEqualTo(eb.standardError());
            assertThat(one.henselerProbabilities()[k]).isEqualTo(
                PlsMga.henselerProbability(ea.original(), ea.draws(), eb.original(), eb.draws()));
            assertThat(one.differences()[k]).isEqualTo(ea.original() - eb.original());
            double pr = one.henselerProbabilities()[k];
            assertThat(one.henselerTwoSidedPValues()[k]).isEqualTo(2 * Math.min(pr, 1 - pr));
            assertThat(one.parametricT()[k]).isEqualTo(PlsMga.parametricTest(ea.original(), ea.standardError(), 148,
                eb.original(), eb.standardError(), 102)[0]);
            assertThat(one.welchT()[k]).isEqualTo(PlsMga.welchTest(ea.original(), ea.standardError(), 148,
                eb.original(), eb.standardError(), 102)[0]);
            assertThat(one.welchDegreesOfFreedom()[k]).isBetween(1.0, 248.0);
            assertThat(one.parametricPValues()[k]).isBetween(0.0, 1.0);
            assertThat(one.welchPValues()[k]).isBetween(0.0, 1.0);
        }
        // the coefficients are those of each group's own estimation
        PlsGroups groups = PlsGroups.withDefaults();
        assertThat(one.coefficientsA()[one.paths().indexOf("SAT -> LOY")])
            .isEqualTo(groups.fit(PathModel.powerCsi(), DATA, GENDER).get("female").pathCoefficient("SAT", "LOY"));
        // the two differences the permutation test finds (docs: IMAG -> LOY and SAT -> LOY, p < 0.01)
        assertThat(one.henselerProbability("IMAG -> LOY")).isLessThan(0.025);
        assertThat(one.henselerProbability("SAT -> LOY")).isGreaterThan(0.975);
        assertThat(one.henselerProbability("EXPE -> QUAL")).isBetween(0.025, 0.975);
        assertThat(one.resamples()).isEqualTo(300);
        assertThat(one.failedA()).isZero();
        assertThat(one.failedB()).isZero();
        assertThat(one.seed()).isEqualTo(7);
        assertThat(one.sizeA() + one.sizeB()).isEqualTo(250);
        assertThat(one.groupA()).isEqualTo("female");
        assertThat(one.groupB()).isEqualTo("male");
        assertThat(one.toString()).contains("PLS-MGA female (n = 148) vs male (n = 102), 300 resamples per group")
            .contains("P(A <= B)");
        assertThat(mga.compare(PathModel.powerCsi(), DATA, GENDER, "female", "male", 8)).isNotEqualTo(one);
    }

    @Test
    void henselerProbabilityIsAboutUniformUnderATrueNull() {
        // equal true paths: each estimate scatters around 0 with the spread its bootstrap draws show around it, so
        // P is about Phi of the standardised difference of the estimates, uniform on [0, 1]
        SplittableRandom rng = new SplittableRandom(11);
        int below = 0;
        double sum = 0;
        int runs = 400;
        for (int run = 0; run < runs; run++) {
            double[] a = new double[200];
            double[] b = new double[150];
            double ea = 0.8 * normal(rng);
            double eb = 0.8 * normal(rng);
            for (int i = 0; i < a.length; i++) {
                a[i] = ea + 0.8 * normal(rng);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = eb + 0.8 * normal(rng);
            }
            double p = PlsMga.henselerProbability(ea, a, eb, b);
            below += p < 0.05 ? 1 : 0;
            sum += p;
        }
        assertThat(below / (double) runs).isBetween(0.02, 0.09);
        assertThat(sum / runs).isBetween(0.45, 0.55);
    }

    @Test
    void bootstrapProbabilitiesOfRandomSplitsAreNotSystematicallyExtreme() {
        // random halves of one sample: no path differs, so the two-sided p values should rarely fall below 0.05
        SplittableRandom rng = new SplittableRandom(2009);
        PlsMga mga = PlsMga.withDefaults().with(PlsBootstrap.withDefaults().withResamples(200).withThreads(2));
        List<Double> probabilities = new ArrayList<>();
        int small = 0;
        for (int run = 0; run < 12; run++) {
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < DATA.rowCount(); i++) {
                labels.add(rng.nextInt(2) == 0 ? "a" : "b");
            }
            MgaResult r = mga.compare(PathModel.powerCsi(), DATA, labels, "a", "b", run);
            for (int k = 0; k < r.paths().size(); k++) {
                probabilities.add(r.henselerProbabilities()[k]);
                small += r.henselerTwoSidedPValues()[k] < 0.05 ? 1 : 0;
            }
        }
        double mean = probabilities.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(small / (double) probabilities.size()).isLessThan(0.15);
        assertThat(mean).isBetween(0.35, 0.65);
    }

    private static double normal(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    @Test
    void henselerProbabilityEdgeCasesAndValidation() {
        assertThat(PlsMga.henselerProbability(1, new double[] {1}, 1, new double[] {1})).isEqualTo(0.5);
        assertThat(PlsMga.henselerProbability(2, new double[] {2, 2.1}, 0, new double[] {0, 0.1})).isZero();
        assertThat(PlsMga.henselerProbability(0, new double[] {0, 0.1}, 2, new double[] {2, 2.1})).isEqualTo(1.0);
        double[] draws = {0.3, 0.1, 0.2};
        PlsMga.henselerProbability(0.2, draws, 0.1, new double[] {0.1});
        assertThat(draws).containsExactly(0.3, 0.1, 0.2);
        assertThatThrownBy(() -> PlsMga.henselerProbability(0, null, 0, new double[] {1}))
            .isInstanceOf(SatisfactionException.class).hasMessage("group A has no bootstrap draws");
        assertThatThrownBy(() -> PlsMga.henselerProbability(0, new double[] {1}, 0, new double[0]))
            .hasMessage("group B has no bootstrap draws");
        assertThatThrownBy(() -> PlsMga.henselerProbability(Double.NaN, new double[] {1}, 0, new double[] {1}))
            .hasMessage("estimate of group A is NaN, not a finite number");
        assertThatThrownBy(() -> PlsMga.henselerProbability(0, new double[] {1}, 0, new double[] {1,
            Double.POSITIVE_INFINITY})).hasMessage("bootstrap draw 1 of group B is Infinity, not a finite number");
        PlsMga m = PlsMga.withDefaults();
        assertThat(m.toString()).contains("resamples=5000");
        assertThatThrownBy(() -> m.with(null)).hasMessage("bootstrap is null");
        assertThatThrownBy(() -> m.compare(PathModel.powerCsi(), DATA, GENDER, "female", "female", 1))
            .hasMessageContaining("two different groups");
        List<String> tiny = new ArrayList<>(GENDER);
        tiny.set(0, "solo");
        assertThatThrownBy(() -> m.compare(PathModel.powerCsi(), DATA, tiny, "solo", "male", 1))
            .hasMessageStartingWith("group 'solo': ");
        double[] welch = PlsMga.welchTest(0.5, 1e-9, 3, 0.4, 1.0, 3);
        assertThat(welch[1]).isGreaterThanOrEqualTo(1.0);
    }
}
