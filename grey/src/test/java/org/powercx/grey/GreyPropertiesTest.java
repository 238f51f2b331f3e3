package org.powercx.grey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.powercx.core.TestData.rescale;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.powercx.core.Direction;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TestData;
import org.powercx.core.Normalisation;
import org.powercx.core.Weights;

/** Invariants of grey relational analysis, GM(1,1), DGM(1,1) and the degrees of grey incidence. */
class GreyPropertiesTest {

    /** A generated table with the raw material for weights, a reference and a row permutation. */
    record Case(IndicatorTable table, double[] rawWeights, int[] permutation, long seed) {
        Weights weights() {
            return Weights.normalised(table.indicatorNames(), rawWeights);
        }

        @Override
        public String toString() {
            return table + "weights " + java.util.Arrays.toString(rawWeights) + ", permutation "
                + java.util.Arrays.toString(permutation) + ", seed " + seed;
        }
    }

    private static Indicator indicator(int j, int kind, double target) {
        return switch (kind) {
            case 0 -> Indicator.benefit("i" + j);
            case 1 -> Indicator.cost("i" + j);
            default -> Indicator.target("i" + j, target);
        };
    }

    /**
     * Tables of 1 to 30 customers and 1 to 5 indicators of random direction (targets drawn inside or outside
     * the data), values in [-1000, 1000] with jqwik's edge cases (0, the bounds, repeated values).
     */
    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Integer> rows = Arbitraries.integers().between(1, 30);
        Arbitrary<Integer> cols = Arbitraries.integers().between(1, 5);
        return Combinators.combine(rows, cols).flatAs((n, m) -> Combinators.combine(
            Arbitraries.doubles().between(-1e3, 1e3).ofScale(6).array(double[].class).ofSize(n * m),
            Arbitraries.integers().between(0, 2).array(int[].class).ofSize(m),
            Arbitraries.doubles().between(-1e3, 1e3).array(double[].class).ofSize(m),
            Arbitraries.doubles().between(0.001, 1).ofScale(6).array(double[].class).ofSize(m),
            Arbitraries.longs(),
            Arbitraries.shuffle(java.util.stream.IntStream.range(0, n).boxed().toList())
        ).as((v, kinds, targets, w, seed, perm) -> {
            List<Indicator> inds = new ArrayList<>();
            for (int j = 0; j < m; j++) {
                inds.add(indicator(j, kinds[j], targets[j]));
            }
            List<String> ids = new ArrayList<>();
            double[][] columns = new double[m][n];
            for (int i = 0; i < n; i++) {
                ids.add("c" + i);
                for (int j = 0; j < m; j++) {
                    columns[j][i] = v[i * m + j];
                }
            }
            return new Case(IndicatorTable.ofColumns(inds, ids, columns), w, perm.stream().mapToInt(Integer::intValue)
                .toArray(), seed);
        }));
    }

    /**
     * Tables of 2 to 30 customers and 1 to 5 BENEFIT/COST indicators whose every column holds 0 and 100 (rows 0
     * and 1) besides values in [0, 100]: well-conditioned for rescaling, since each column's range is 100.
     */
    @Provide
    Arbitrary<Case> spreadCases() {
        return cases().map(c -> {
            IndicatorTable t = c.table();
            int n = t.rowCount() + 1;
            int m = t.indicatorCount();
            List<Indicator> inds = new ArrayList<>();
            double[][] columns = new double[m][n];
            for (int j = 0; j < m; j++) {
                Indicator ind = t.indicator(j);
                inds.add(ind.direction() == Direction.COST ? Indicator.cost(ind.name()) : Indicator.benefit(ind.name()));
                double[] x = t.column(j);
                for (int i = 0; i < x.length; i++) {
                    columns[j][i + 1] = (x[i] + 1e3) / 20;
                }
                columns[j][0] = 0;
                columns[j][1] = 100;
            }
            List<String> ids = new ArrayList<>(t.ids());
            ids.add(0, "lo");
            return new Case(IndicatorTable.ofColumns(inds, ids, columns), c.rawWeights(), c.permutation(), c.seed());
        });
    }

    private static Reference reference(Case c, int kind) {
        IndicatorTable t = c.table();
        return switch (kind) {
            case 0 -> Reference.ideal();
            case 1 -> Reference.customer(t.id((int) Math.floorMod(c.seed(), (long) t.rowCount())));
            default -> Reference.values(t.row(t.rowCount() - 1));
        };
    }

    @Property(tries = 200)
    void gradesLieInTheHalfOpenUnitInterval(@ForAll("cases") Case c, @ForAll Normalisation method,
            @ForAll @IntRange(min = 0, max = 2) int referenceKind,
            @ForAll @DoubleRange(min = 0.01, max = 1) double rho) {
        GreyRelationalModel model;
        try {
            model = GreyRelationalAnalysis.withDefaults().with(method).with(reference(c, referenceKind))
                .withDistinguishingCoefficient(rho).fit(c.table(), c.weights());
        } catch (GreyException e) {
            // INITIAL_VALUE divides by the first value, MEAN by the mean: a 0 there is rejected by name
            assertThat(method).isIn(Normalisation.INITIAL_VALUE, Normalisation.MEAN);
            assertThat(e.getMessage()).contains("indicator '").contains("divides by");
            return;
        }
        GreyRelationalResult r = model.evaluate(c.table());
        for (double g : r.grades()) {
            assertThat(g).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        }
        for (double[] row : r.coefficients()) {
            for (double xi : row) {
                assertThat(xi).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
            }
        }
        for (double g : model.grades(c.table())) {
            assertThat(g).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        }
    }

    @Property(tries = 200)
    void singleRowGradeEqualsTableGrades(@ForAll("cases") Case c, @ForAll Normalisation method,
            @ForAll @IntRange(min = 0, max = 2) int referenceKind) {
        GreyRelationalModel model;
        try {
            model = GreyRelationalAnalysis.withDefaults().with(method).with(reference(c, referenceKind))
                .fit(c.table(), c.weights());
        } catch (GreyException e) {
            return; // checked in gradesLieInTheHalfOpenUnitInterval
        }
        IndicatorTable t = c.table();
        double[] table = model.grades(t);
        double[] full = model.evaluate(t).grades();
        for (int i = 0; i < t.rowCount(); i++) {
            // the three paths do the same floating-point operations in the same order
            assertThat(model.grade(t.row(i))).isEqualTo(table[i]).isEqualTo(full[i]);
        }
    }

    /**
     * Under a positive affine map of one indicator, MIN_MAX and Z_SCORE normalised values are unchanged up to
     * the rounding of a * x + b: at most ulp(1100) / (a * 100) < 3e-15 relative for a >= 0.1, |b| <= 100 and a
     * column range of 100, so 1e-12 on grades is tight. The ranking is compared on pairs whose grades differ by
     * more than that tolerance (exact mathematical ties may fall either way after rounding).
     */
    @Property(tries = 200)
    void affineRescalingOfAnIndicatorKeepsGradesAndRanking(@ForAll("spreadCases") Case c,
            @ForAll @DoubleRange(min = 0.1, max = 10) double a, @ForAll @DoubleRange(min = -100, max = 100) double b,
            @ForAll @IntRange(min = 0, max = 4) int column, @ForAll boolean zScore) {
        IndicatorTable t = c.table();
        int j = column % t.indicatorCount();
        GreyRelationalAnalysis gra = GreyRelationalAnalysis.withDefaults()
            .with(zScore ? Normalisation.Z_SCORE : Normalisation.MIN_MAX);
        double[] before = gra.evaluate(t, c.weights()).grades();
        double[] after = gra.evaluate(rescale(t, j, a, b), c.weights()).grades();
        for (int i = 0; i < before.length; i++) {
            assertThat(after[i]).isCloseTo(before[i], within(1e-12 * before[i]));
        }
        for (int p = 0; p < before.length; p++) {
            for (int q = 0; q < before.length; q++) {
                if (before[p] > before[q] + 1e-12) {
                    assertThat(after[p]).isGreaterThan(after[q]);
                }
            }
        }
    }

    /** Affine rescaling of a cost indicator, checked separately because COST flips the MIN_MAX map. */
    @Property(tries = 100)
    void affineRescalingOfACostIndicatorKeepsMinMaxGrades(@ForAll("spreadCases") Case c,
            @ForAll @DoubleRange(min = 0.1, max = 10) double a, @ForAll @DoubleRange(min = -100, max = 100) double b) {
        IndicatorTable base = c.table();
        List<Indicator> inds = new ArrayList<>(base.indicators());
        inds.set(0, Indicator.cost(inds.get(0).name()));
        IndicatorTable t = base.withIndicators(inds);
        double[] before = GreyRelationalAnalysis.withDefaults().evaluate(t, c.weights()).grades();
        double[] after = GreyRelationalAnalysis.withDefaults().evaluate(rescale(t, 0, a, b), c.weights()).grades();
        for (int i = 0; i < before.length; i++) {
            assertThat(after[i]).isCloseTo(before[i], within(1e-12 * before[i]));
        }
    }

    /**
     * Permuting the rows permutes the grades. MIN_MAX uses only minima and maxima, so the grades are bit-identical;
     * MEAN, VECTOR and Z_SCORE sum in row order, which moves the normalised values by a few ulps (1e-12 relative).
     * INITIAL_VALUE divides by the first row, which a permutation changes by definition, so it is left out.
     */
    @Property(tries = 200)
    void permutingRowsPermutesGrades(@ForAll("cases") Case c,
            @ForAll @IntRange(min = 0, max = 3) int methodIndex) {
        Normalisation method = List.of(Normalisation.MIN_MAX, Normalisation.MEAN, Normalisation.VECTOR,
            Normalisation.Z_SCORE).get(methodIndex);
        GreyRelationalAnalysis gra = GreyRelationalAnalysis.withDefaults().with(method);
        IndicatorTable t = c.table();
        IndicatorTable p = TestData.permuteRows(t, c.permutation());
        double[] before;
        try {
            before = gra.evaluate(t, c.weights()).grades();
        } catch (GreyException e) {
            assertThat(method).isEqualTo(Normalisation.MEAN);
            return;
        }
        GreyRelationalResult after = gra.evaluate(p, c.weights());
        for (int i = 0; i < before.length; i++) {
            double g = after.grade(t.id(i));
            if (method == Normalisation.MIN_MAX) {
                assertThat(g).isEqualTo(before[i]);
            } else {
                assertThat(g).isCloseTo(before[i], within(1e-12));
            }
        }
    }

    // ---------------------------------------------------------------- GM(1,1) and DGM(1,1)

    private static double[] exponential(double c, double alpha, int n) {
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = c * Math.exp(alpha * (k + 1));
        }
        return x;
    }

    /**
     * For \(x^{(0)}(k) = c e^{\alpha k}\) the GM(1,1) grey equation holds exactly with \(a = -2\tanh(\alpha/2)\)
     * and \(b = 2cq/(1+q)\), \(q = e^\alpha\) (the discretisation of the background value), so least squares
     * recovers them up to rounding; the 1e-9 relative tolerance covers the cancellation in the centred sums
     * for |alpha| down to 0.01.
     */
    @Property(tries = 200)
    void gm11RecoversTheDevelopmentCoefficientOfAnExponential(
            @ForAll @DoubleRange(min = 0.01, max = 1e4) double c,
            @ForAll @DoubleRange(min = 0.01, max = 0.5) double magnitude, @ForAll boolean growing,
            @ForAll @IntRange(min = GreyModel.MIN_LENGTH, max = 12) int n) {
        double alpha = growing ? magnitude : -magnitude;
        GreyModelFit fit = GreyModel.withDefaults().fit(exponential(c, alpha, n));
        double q = Math.exp(alpha);
        assertThat(fit.a()).isCloseTo(-2 * Math.tanh(alpha / 2), within(1e-9 * Math.abs(alpha)));
        assertThat(fit.b()).isCloseTo(2 * c * q / (1 + q), within(1e-9 * c));
        assertThat(fit.isAdmissible()).isEqualTo(Math.abs(alpha) < 2.0 / (n + 1));
    }

    /**
     * GM(1,1) is scale-equivariant: multiplying the series by s > 0 leaves a unchanged and multiplies b, the
     * fitted values and the forecasts by s (also under the SHIFT policy, whose constant scales too). The
     * positive series is drawn in [1, 1000]; 1e-9 relative covers the rounding of the scaled input.
     */
    @Property(tries = 200)
    void gm11ForecastsScaleWithTheSeries(
            @ForAll @Size(min = GreyModel.MIN_LENGTH, max = 12) List<@DoubleRange(min = 1, max = 1000) Double> values,
            @ForAll @DoubleRange(min = 1e-3, max = 1e3) @Scale(6) double s, @ForAll LevelRatioPolicy policy) {
        double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            y[k] = s * x[k];
        }
        GreyModel gm = GreyModel.withDefaults().with(policy);
        GreyModelFit fx = gm.fit(x);
        GreyModelFit fy = gm.fit(y);
        assertThat(fy.a()).isCloseTo(fx.a(), within(1e-9 * Math.max(1e-3, Math.abs(fx.a()))));
        double[] forecastX = fx.forecast(3);
        double[] forecastY = fy.forecast(3);
        double[] fittedX = fx.fitted();
        double[] fittedY = fy.fitted();
        double scale = 0;
        for (double v : x) {
            scale = Math.max(scale, v);
        }
        for (int h = 0; h < 3; h++) {
            double tol = 1e-9 * s * Math.max(scale, Math.abs(forecastX[h]));
            assertThat(forecastY[h]).isCloseTo(s * forecastX[h], within(tol));
        }
        for (int k = 0; k < x.length; k++) {
            double tol = 1e-9 * s * Math.max(scale, Math.abs(fittedX[k]));
            assertThat(fittedY[k]).isCloseTo(s * fittedX[k], within(tol));
        }
        assertThat(fy.mape()).isCloseTo(fx.mape(), within(1e-9 * Math.max(1, fx.mape())));
    }

    /** DGM(1,1) is exact on exponentials: \(\beta_1 = e^\alpha\) and the forecasts continue the series. */
    @Property(tries = 200)
    void dgm11ContinuesAnExactExponential(@ForAll @DoubleRange(min = 0.01, max = 1e4) double c,
            @ForAll @DoubleRange(min = -0.5, max = 0.5) double alpha,
            @ForAll @IntRange(min = GreyModel.MIN_LENGTH, max = 12) int n) {
        DiscreteGreyModel dgm = DiscreteGreyModel.fit(exponential(c, alpha, n));
        assertThat(dgm.beta1()).isCloseTo(Math.exp(alpha), within(1e-9));
        double[] next = dgm.forecast(2);
        double[] truth = exponential(c, alpha, n + 2);
        assertThat(next[0]).isCloseTo(truth[n], within(1e-8 * truth[n]));
        assertThat(next[1]).isCloseTo(truth[n + 1], within(1e-8 * truth[n + 1]));
    }

    // ---------------------------------------------------------------- degrees of grey incidence

    @Property(tries = 200)
    void dengDegreesLieInTheHalfOpenUnitInterval(
            @ForAll @Size(min = 1, max = 10) List<@DoubleRange(min = 1, max = 1e3) Double> reference,
            @ForAll @DoubleRange(min = 0.01, max = 1) double rho, @ForAll SequenceOperator operator,
            @ForAll long seed) {
        double[] x0 = reference.stream().mapToDouble(Double::doubleValue).toArray();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        double[][] xs = new double[3][x0.length];
        for (double[] xi : xs) {
            for (int k = 0; k < xi.length; k++) {
                xi[k] = 1 + 999 * rnd.nextDouble();
            }
        }
        double[] degrees = GreyIncidence.withDefaults().with(operator).withDistinguishingCoefficient(rho)
            .deng(x0, xs);
        for (double d : degrees) {
            assertThat(d).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        }
    }

    /** Liu's absolute degree is symmetric, in (0, 1], and 1 for sequences that differ by a constant. */
    @Property(tries = 200)
    void absoluteDegreeIsSymmetricAndOneForParallelSequences(
            @ForAll @Size(min = 2, max = 10) List<@DoubleRange(min = -1e3, max = 1e3) Double> a,
            @ForAll @DoubleRange(min = -1e3, max = 1e3) double shift, @ForAll long seed) {
        double[] x = a.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = new double[x.length];
        double[] z = new double[x.length];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        for (int k = 0; k < x.length; k++) {
            y[k] = x[k] + shift;
            z[k] = 2e3 * rnd.nextDouble() - 1e3;
        }
        GreyIncidence gi = GreyIncidence.withDefaults();
        double e = gi.absolute(x, z);
        assertThat(e).isGreaterThan(0.0).isLessThanOrEqualTo(1.0).isEqualTo(gi.absolute(z, x));
        // the zero-starting-point images of x and y agree up to the rounding of x + shift
        assertThat(gi.absolute(x, y)).isCloseTo(1.0, within(1e-12));
    }
}
