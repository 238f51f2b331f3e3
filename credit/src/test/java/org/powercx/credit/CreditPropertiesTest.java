package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.powercx.core.TestData.correlation;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Invariants of the discriminant, the ROC summary and the grade scales over generated data
 * ({@link Samples}: well-conditioned, so the fits are accurate to a few hundred ulps).
 *
 * <p>Tolerances. Fisher's rule is exactly equivariant under an affine change \( x_j \to \alpha x_j + \beta \)
 * of one indicator: \( a_j \to a_j/\alpha \), the intercept absorbs \( -a_j\beta/\alpha \), and every decision
 * value \( \delta_k(x) \) (a log posterior odds) is unchanged, for negative \( \alpha \) too. In floating point
 * the two fits differ only by rounding of the transformed data and of the accumulated cross-products, which
 * the generated condition numbers (below about 10^3) amplify to well under 1e-11 relative; 1e-9 relative
 * therefore fails on any real defect and never on rounding.
 */
class CreditPropertiesTest {
    private static final double TOL = 1e-9;

    @Provide
    Arbitrary<Double> scales() {
        // |alpha| = 10^u, u in [-3, 3], either sign
        Arbitrary<Double> magnitude = Arbitraries.doubles().between(-3, 3).ofScale(6).map(u -> Math.pow(10, u));
        return Arbitraries.oneOf(magnitude, magnitude.map(a -> -a), Arbitraries.of(1.0, -1.0, 1e-3, -1e3));
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static double[] decisionValues(DiscriminantModel model, Samples s) {
        double[] z = new double[s.rows()];
        for (int i = 0; i < z.length; i++) {
            z[i] = model.decisionValue(s.row(i));
        }
        return z;
    }

    private static Samples rescaled(Samples s, int j, double alpha, double beta) {
        double[] col = s.columns[j].clone();
        for (int i = 0; i < col.length; i++) {
            col[i] = alpha * col[i] + beta;
        }
        return s.withColumn(j, col);
    }

    @Property(tries = 150)
    void binaryDecisionValuesAreInvariantToAffineRescalingOfAnIndicator(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 5) int p, @ForAll @IntRange(min = 0, max = 40) int extra,
            @ForAll @IntRange(min = 0, max = 4) int column, @ForAll("scales") double alpha,
            @ForAll @DoubleRange(min = -100, max = 100) double shiftInSds) {
        Samples s = Samples.generate(seed, p + 8 + extra, p, 2);
        int j = column % p;
        double sd = Math.sqrt(Arrays.stream(s.columns[j]).map(v -> v * v).average().orElseThrow());
        Samples t = rescaled(s, j, alpha, shiftInSds * Math.abs(alpha) * sd);
        DiscriminantModel m1 = s.fit(LinearDiscriminant.withDefaults());
        DiscriminantModel m2 = t.fit(LinearDiscriminant.withDefaults());
        double[] z1 = decisionValues(m1, s);
        double[] z2 = decisionValues(m2, t);
        double scale = 1 + maxAbs(z1);
        for (int i = 0; i < z1.length; i++) {
            assertThat(z2[i]).isCloseTo(z1[i], within(TOL * scale));
            // the classification does not flip, whatever the sign of alpha
            if (Math.abs(z1[i]) > TOL * scale) {
                assertThat(m2.predict(t.row(i))).isEqualTo(m1.predict(s.row(i)));
            }
        }
        // the centred scores are proportional with ratio +1: correlation 1
        if (maxAbs(z1) > 0 && Arrays.stream(z1).distinct().count() > 1) {
            assertThat(correlation(z1, z2)).isGreaterThan(1 - TOL);
        }
        double[] a1 = m1.coefficients()[0];
        double[] a2 = m2.coefficients()[0];
        double norm = 0;
        for (int l = 0; l < p; l++) {
            norm = Math.max(norm, Math.abs(a1[l]) * Math.sqrt(m1.pooledCovariance()[l][l]));
        }
        for (int l = 0; l < p; l++) {
            double expected = l == j ? a1[l] / alpha : a1[l];
            double unit = Math.sqrt(m2.pooledCovariance()[l][l]);
            assertThat(a2[l] * unit).isCloseTo(expected * unit, within(TOL * norm));
        }
    }

    @Property(tries = 100)
    void posteriorsAndPredictionsAreInvariantToAffineRescaling(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 4) int classes, @ForAll @IntRange(min = 1, max = 4) int p,
            @ForAll @IntRange(min = 0, max = 4) int column, @ForAll("scales") double alpha,
            @ForAll @DoubleRange(min = -1e3, max = 1e3) double beta, @ForAll boolean ledoitWolf) {
        Samples s = Samples.generate(seed, 6 * classes + 2 * p, p, classes);
        int j = column % p;
        double spread = maxAbs(s.columns[j]);
        Samples t = rescaled(s, j, alpha, beta * Math.abs(alpha) * spread / 1e3);
        LinearDiscriminant lda = LinearDiscriminant.withDefaults()
            .withShrinkage(ledoitWolf ? Shrinkage.ledoitWolf() : Shrinkage.none());
        DiscriminantModel m1 = s.fit(lda);
        DiscriminantModel m2 = t.fit(lda);
        assertThat(m2.shrinkageIntensity()).isCloseTo(m1.shrinkageIntensity(), within(TOL));
        for (int i = 0; i < s.rows(); i++) {
            double[] p1 = m1.probabilities(s.row(i));
            double[] p2 = m2.probabilities(t.row(i));
            assertThat(Arrays.stream(p1).sum()).isCloseTo(1, within(1e-12));
            for (int c = 0; c < classes; c++) {
                assertThat(p2[c]).isCloseTo(p1[c], within(TOL));
            }
            double[] d = m1.decisionValues(s.row(i));
            double[] sorted = d.clone();
            Arrays.sort(sorted);
            boolean clearWinner = d.length == 1 ? Math.abs(d[0]) > TOL * (1 + Math.abs(d[0]))
                : sorted[sorted.length - 1] - sorted[sorted.length - 2] > TOL * (1 + maxAbs(d));
            if (clearWinner) {
                assertThat(m2.predict(t.row(i))).isEqualTo(m1.predict(s.row(i)));
            }
        }
    }

    @Property(tries = 100)
    void permutingTheTrainingRowsLeavesTheModelUnchanged(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 3) int classes, @ForAll @IntRange(min = 1, max = 5) int p,
            @ForAll @IntRange(min = 0, max = 300) int extra, @ForAll @IntRange(min = 0, max = 2) int shrink) {
        Samples s = Samples.generate(seed, 4 * classes + p + extra, p, classes);
        int[] order = new int[s.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        for (int i = order.length - 1; i > 0; i--) {
            int k = r.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[k];
            order[k] = tmp;
        }
        Shrinkage setting = shrink == 0 ? Shrinkage.none() : shrink == 1 ? Shrinkage.fixed(0.2) : Shrinkage.ledoitWolf();
        LinearDiscriminant lda = LinearDiscriminant.withDefaults().withShrinkage(setting);
        DiscriminantModel m1 = s.fit(lda);
        DiscriminantModel m2 = s.permuted(order).fit(lda);
        double[][] c1 = m1.coefficients();
        double[][] c2 = m2.coefficients();
        double[] b1 = m1.intercepts();
        double[] b2 = m2.intercepts();
        for (int m = 0; m < c1.length; m++) {
            // relative to the row's largest standardised coefficient (the coefficients carry the column units)
            double norm = 0;
            for (int l = 0; l < p; l++) {
                norm = Math.max(norm, Math.abs(c1[m][l]) * Math.sqrt(m1.pooledCovariance()[l][l]));
            }
            for (int l = 0; l < p; l++) {
                double unit = Math.sqrt(m1.pooledCovariance()[l][l]);
                assertThat(c2[m][l] * unit).isCloseTo(c1[m][l] * unit, within(1e-10 * norm));
            }
            // the intercept -a'xbar + ... carries the rounding of the products a_l xbar_l
            double bScale = Math.abs(b1[m]) + 1;
            double[] xbar = m1.overallMean();
            for (int l = 0; l < p; l++) {
                bScale += Math.abs(c1[m][l] * xbar[l]);
            }
            assertThat(b2[m]).isCloseTo(b1[m], within(1e-10 * bScale));
        }
        assertThat(m2.classCounts()).containsExactly(m1.classCounts());
        assertThat(m2.shrinkageIntensity()).isCloseTo(m1.shrinkageIntensity(), within(1e-10));
    }

    @Provide
    Arbitrary<DoubleUnaryOperator> increasing() {
        return Arbitraries.of(x -> Math.exp(x / 25), x -> x * x * x, x -> Math.atan(x / 100), x -> 3 * x - 7,
            x -> Math.sinh(x / 10), x -> Math.log1p(x + 51));
    }

    @Property(tries = 200)
    void aucIsInvariantToStrictlyIncreasingTransformsOfTheScores(
            @ForAll @Size(min = 2, max = 60) List<@IntRange(min = -50, max = 50) Integer> scores,
            @ForAll long seed, @ForAll("increasing") DoubleUnaryOperator f) {
        double[] s = scores.stream().mapToDouble(Integer::doubleValue).toArray();
        int[] y = new int[s.length];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < y.length; i++) {
            y[i] = i < 2 ? i : r.nextInt(2);
        }
        double[] t = Arrays.stream(s).map(f).toArray();
        double[] neg = Arrays.stream(s).map(v -> -v).toArray();
        RocCurve roc = RocCurve.of(s, y);
        RocCurve rt = RocCurve.of(t, y);
        assertThat(rt.auc()).isEqualTo(roc.auc());
        assertThat(rt.ks()).isEqualTo(roc.ks());
        assertThat(rt.falsePositiveRates()).containsExactly(roc.falsePositiveRates());
        assertThat(rt.truePositiveRates()).containsExactly(roc.truePositiveRates());
        assertThat(RocCurve.auc(neg, y)).isCloseTo(1 - roc.auc(), within(1e-15));
        assertThat(roc.auc()).isBetween(0.0, 1.0);
    }

    @Property(tries = 200)
    void gradesAreMonotoneInTheScore(@ForAll @Size(min = 5, max = 80) List<@DoubleRange(min = -20, max = 20) Double> raw,
            @ForAll long seed, @ForAll @DoubleRange(min = 0, max = 1) double target) {
        double[] s = raw.stream().mapToDouble(Double::doubleValue).toArray();
        int[] y = new int[s.length];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-s[i] / 5)) ? 1 : 0;
        }
        double[] sortedCut = new double[4];
        for (int g = 0; g < 4; g++) {
            sortedCut[g] = r.nextDouble(-25, 25);
        }
        Arrays.sort(sortedCut);
        double t0 = target / 4;
        List<CreditGrades> scales = List.of(CreditGrades.ofCutoffs(sortedCut), CreditGrades.byQuantiles(s),
            CreditGrades.byTargetDefaultRates(s, y, t0, 2 * t0, 3 * t0, target));
        double[] sorted = s.clone();
        Arrays.sort(sorted);
        for (CreditGrades scale : scales) {
            int[] g = scale.grades(sorted);
            for (int i = 1; i < g.length; i++) {
                assertThat(g[i]).as("%s at %s", scale, sorted[i]).isGreaterThanOrEqualTo(g[i - 1]);
            }
            assertThat(scale.grade(-1e300)).isZero();
            assertThat(scale.grade(1e300)).isEqualTo(scale.names().size() - 1);
            for (int i = 0; i < g.length; i++) {
                assertThat(scale.name(sorted[i])).isEqualTo(scale.names().get(g[i]));
            }
        }
    }

    @Example
    void affineRescalingOfTheGermanCreditDataKeepsEveryScore() {
        int[] labels = GermanCredit.labels();
        var german = GermanCredit.table();
        double[][] cols = new double[24][];
        double[][] scaled = new double[24][];
        for (int j = 0; j < 24; j++) {
            cols[j] = german.column(j);
            scaled[j] = cols[j].clone();
            for (int i = 0; i < 1000; i++) {
                scaled[j][i] = (j % 2 == 0 ? -3.7 : 1e3) * scaled[j][i] + 11 * j;
            }
        }
        DiscriminantModel m1 = LinearDiscriminant.withDefaults().fit(german.indicators(), cols, labels);
        DiscriminantModel m2 = LinearDiscriminant.withDefaults().fit(german.indicators(), scaled, labels);
        double[] z1 = new double[1000];
        double[] z2 = new double[1000];
        m1.scores(cols, z1);
        m2.scores(scaled, z2);
        for (int i = 0; i < 1000; i++) {
            assertThat(z2[i]).isCloseTo(z1[i], within(TOL * (1 + maxAbs(z1))));
        }
    }
}
