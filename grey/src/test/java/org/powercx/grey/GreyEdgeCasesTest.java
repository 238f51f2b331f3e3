package org.powercx.grey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Normalisation;
import org.powercx.core.Weights;

/** Numerical edge cases of grey relational analysis and grey forecasting, each against a closed form. */
class GreyEdgeCasesTest {
    private static final GreyRelationalAnalysis GRA = GreyRelationalAnalysis.withDefaults();

    /** Three customers on one benefit indicator "x" and one cost indicator "y". */
    private static IndicatorTable table(double x0, double x1, double x2, double y0, double y1, double y2) {
        return IndicatorTable.builder(Indicator.benefit("x"), Indicator.cost("y"))
            .row("a", x0, y0).row("b", x1, y1).row("c", x2, y2).build();
    }

    /**
     * Grades of {@link #table} for x = (0, 1, 2) and y = (2, 1, 0) by hand: MIN_MAX gives (0, .5, 1) for both,
     * the ideal is (1, 1), Delta-min 0, Delta-max 1, so with rho = 0.5 every coefficient is 0.5 / (Delta + 0.5):
     * a = 1/3, b = 1/2, c = 1.
     */
    private static final double[] LINEAR_GRADES = {1.0 / 3, 0.5, 1.0};

    @Test
    void constantColumnHasCoefficientOneAndLeavesTheOtherGrades() {
        IndicatorTable t = IndicatorTable.builder(Indicator.benefit("flat"), Indicator.benefit("x"))
            .row("a", 7, 0).row("b", 7, 1).row("c", 7, 2).build();
        GreyRelationalResult r = GRA.evaluate(t);
        for (String id : List.of("a", "b", "c")) {
            assertThat(r.coefficient(id, "flat")).isEqualTo(1.0);
        }
        assertThat(r.grades()).containsExactly(0.5 + 0.5 / 3, 0.5 + 0.25, 1.0);
        // a new customer off the constant value is clipped back to it
        assertThat(GRA.fit(t).grade(-1e6, 2)).isEqualTo(1.0);
    }

    @Test
    void nearConstantColumnsOneUlpApartAreResolvedExactly() {
        double u = Math.ulp(1.0);
        IndicatorTable t = table(1, 1 + u, 1 + 2 * u, 1 + 2 * u, 1 + u, 1);
        assertThat(GRA.evaluate(t).grades()).containsExactly(LINEAR_GRADES);
        // Z_SCORE of values one ulp apart: the normalised spread is still resolved
        assertThat(GRA.with(Normalisation.Z_SCORE).evaluate(t).ranking()).containsExactly("c", "b", "a");
    }

    @Test
    void tinyMagnitudesGiveTheGradesOfTheRescaledTable() {
        assertThat(GRA.evaluate(table(1e-300, 2e-300, 3e-300, 3e-300, 2e-300, 1e-300)).grades())
            .containsExactly(LINEAR_GRADES, within(1e-15));
        // subnormal values: MIN_MAX divides by a subnormal range, the inline reciprocal would overflow
        double s = Double.MIN_VALUE;
        assertThat(GRA.evaluate(table(s, 2 * s, 3 * s, 3 * s, 2 * s, s)).grades()).containsExactly(LINEAR_GRADES);
        for (Normalisation method : List.of(Normalisation.VECTOR, Normalisation.Z_SCORE, Normalisation.MEAN,
                Normalisation.INITIAL_VALUE)) {
            double[] tiny = GRA.with(method).evaluate(table(1e-300, 2e-300, 3e-300, 3e-300, 2e-300, 1e-300)).grades();
            double[] unit = GRA.with(method).evaluate(table(1, 2, 3, 3, 2, 1)).grades();
            assertThat(tiny).as(method.name()).containsExactly(unit, within(1e-14));
        }
    }

    @Test
    void hugeMagnitudesGiveTheGradesOfTheRescaledTable() {
        assertThat(GRA.evaluate(table(1e300, 2e300, 3e300, 3e300, 2e300, 1e300)).grades())
            .containsExactly(LINEAR_GRADES, within(1e-15));
        for (Normalisation method : Normalisation.values()) {
            double[] huge = GRA.with(method).evaluate(table(1e300, 2e300, 3e300, 3e300, 2e300, 1e300)).grades();
            double[] unit = GRA.with(method).evaluate(table(1, 2, 3, 3, 2, 1)).grades();
            assertThat(huge).as(method.name()).containsExactly(unit, within(1e-14));
        }
    }

    @Test
    void rangeOverflowingADoubleIsRejectedNamingTheIndicator() {
        IndicatorTable t = table(1, 2, 3, -1e308, 0, 1e308);
        assertThatThrownBy(() -> GRA.evaluate(t)).isInstanceOf(GreyException.class)
            .hasMessageContaining("indicator 'y'").hasMessageContaining("overflows");
        // a raw reference far outside a tiny range normalises to infinity
        assertThatThrownBy(() -> GRA.with(Reference.values(1e308, 0)).evaluate(table(0, 1e-300, 2e-300, 1, 2, 3)))
            .isInstanceOf(GreyException.class).hasMessageContaining("indicator 'x'").hasMessageContaining("overflow");
    }

    @Test
    void oneCustomerMatchesItselfAndGradesOne() {
        IndicatorTable t = IndicatorTable.builder(Indicator.benefit("x"), Indicator.cost("y"))
            .row("only", 3, 4).build();
        GreyRelationalResult r = GRA.evaluate(t);
        assertThat(r.grades()).containsExactly(1.0);
        assertThat(r.deltaMax()).isZero();
        // with Delta-max 0 every new customer also matches: the model cannot tell customers apart
        assertThat(GRA.fit(t).grade(100, -100)).isEqualTo(1.0);
    }

    /** Regression: weights summing to 1 + 5e-10 (accepted by core) used to give grades above 1. */
    @Test
    void gradesAreCappedAtOneWhenTheWeightsSumSlightlyAboveOne() {
        IndicatorTable t = table(0, 1, 2, 2, 1, 0);
        Weights w = Weights.of(List.of("x", "y"), new double[] {0.5, 0.5 + 5e-10});
        GreyRelationalModel model = GRA.fit(t, w);
        assertThat(model.grades(t)[2]).isEqualTo(1.0);
        assertThat(model.evaluate(t).grade("c")).isEqualTo(1.0);
        assertThat(model.grade(2, 0)).isEqualTo(1.0);
        // equal weights of seven indicators sum to 1 + 2.2e-16 in floating point
        Indicator[] inds = new Indicator[7];
        for (int j = 0; j < 7; j++) {
            inds[j] = Indicator.benefit("i" + j);
        }
        IndicatorTable seven = IndicatorTable.builder(inds).row("p", 1, 1, 1, 1, 1, 1, 1).build();
        assertThat(GRA.evaluate(seven).grades()).containsExactly(1.0);
    }

    @Test
    void oneIndicatorGradeIsTheCoefficient() {
        IndicatorTable t = IndicatorTable.builder(Indicator.benefit("x")).row("a", 0).row("b", 1).row("c", 4).build();
        // normalised 0, .25, 1; Delta 1, .75, 0; rho 0.5: xi = 0.5 / (Delta + 0.5)
        assertThat(GRA.evaluate(t).grades()).containsExactly(1.0 / 3, 0.5 / 1.25, 1.0);
    }

    @Test
    void newCustomersOutsideTheCalibrationBoundsAreClipped() {
        IndicatorTable t = table(0, 1, 2, 2, 1, 0);
        GreyRelationalModel model = GRA.fit(t);
        // better than the best on both: scores like the best calibration customer
        assertThat(model.grade(1e6, -1e6)).isEqualTo(model.grade(2, 0)).isEqualTo(1.0);
        // worse than the worst: scores like the worst
        assertThat(model.grade(-1e300, 1e300)).isEqualTo(model.grade(0, 2)).isEqualTo(1.0 / 3);
        IndicatorTable outside = table(5, -5, 1, -3, 9, 1);
        GreyRelationalResult r = model.evaluate(outside);
        assertThat(r.normalised()[0]).containsExactly(1.0, 1.0);
        assertThat(r.normalised()[1]).containsExactly(0.0, 0.0);
        assertThat(r.grades()).containsExactly(1.0, 1.0 / 3, 0.5);
        assertThat(model.lowerBounds()).containsExactly(0.0, 0.0);
        assertThat(model.upperBounds()).containsExactly(1.0, 1.0);
    }

    /** Regression: a distinguishing coefficient so small that rho * Delta-max underflows used to grade all 1. */
    @Test
    void underflowingRhoIsRejected() {
        IndicatorTable t = table(0, 1, 2, 2, 1, 0);
        assertThatThrownBy(() -> GRA.withDistinguishingCoefficient(Double.MIN_VALUE).with(Normalisation.Z_SCORE)
            .evaluate(t)).isInstanceOf(GreyException.class).hasMessageContaining("rho")
            .hasMessageContaining("underflow");
        assertThatThrownBy(() -> GreyIncidence.withDefaults().withDistinguishingCoefficient(Double.MIN_VALUE)
            .deng(new double[] {1, 1.2, 1.4}, new double[] {1, 1.1, 1.3})).isInstanceOf(GreyException.class)
            .hasMessageContaining("rho").hasMessageContaining("underflow");
        // a subnormal rho with a large Delta-max: rho * Delta-max is normal, but the coefficients would underflow
        assertThatThrownBy(() -> GRA.withDistinguishingCoefficient(1e-310).with(Reference.values(1e10, 1e10))
            .evaluate(t)).isInstanceOf(GreyException.class).hasMessageContaining("rho = 1.0E-310");
        // Delta + rho * Delta-max beyond the largest double: a reference 1.5e308 away from every customer
        assertThatThrownBy(() -> GRA.with(Reference.values(1.5e308, 0)).evaluate(table(0, 1, 1, 2, 1, 0)))
            .isInstanceOf(GreyException.class).hasMessageContaining("Delta-max = 1.5E308");
        // a small but normal rho still works: the matching customer keeps 1, the others go to ~0
        double[] g = GRA.withDistinguishingCoefficient(1e-300).evaluate(t).grades();
        assertThat(g[2]).isEqualTo(1.0);
        assertThat(g[0]).isGreaterThan(0.0).isLessThan(1e-299);
    }

    // ---------------------------------------------------------------- GM(1,1)

    @Test
    void gm11AcceptsTheShortestSeriesAndRejectsShorter() {
        double[] x = {2, 2 * Math.exp(0.1), 2 * Math.exp(0.2), 2 * Math.exp(0.3)};
        GreyModelFit fit = GreyModel.withDefaults().fit(x);
        assertThat(fit.a()).isCloseTo(-2 * Math.tanh(0.05), within(1e-12));
        assertThat(fit.forecast(1)).hasSize(1);
        assertThatThrownBy(() -> GreyModel.withDefaults().fit(1, 2, 3)).isInstanceOf(GreyException.class)
            .hasMessageContaining("at least 4").hasMessageContaining("got 3");
        assertThatThrownBy(() -> DiscreteGreyModel.fit(1, 2, 3)).isInstanceOf(GreyException.class)
            .hasMessageContaining("at least 4");
    }

    @Test
    void gm11RejectsZerosNegativesAndNonFiniteValuesNamingThePoint() {
        assertThatThrownBy(() -> GreyModel.withDefaults().fit(1, 0, 2, 3)).isInstanceOf(GreyException.class)
            .hasMessageContaining("point 2 is 0.0");
        assertThatThrownBy(() -> GreyModel.withDefaults().fit(1, 2, 3, -4)).isInstanceOf(GreyException.class)
            .hasMessageContaining("point 4 is -4.0");
        assertThatThrownBy(() -> GreyModel.withDefaults().fit(1, 2, Double.NaN, 4)).isInstanceOf(GreyException.class)
            .hasMessageContaining("point 3 is NaN");
        assertThatThrownBy(() -> DiscreteGreyModel.fit(1, -0.0, 2, 3)).isInstanceOf(GreyException.class)
            .hasMessageContaining("point 2 is -0.0");
    }

    @Test
    void gm11OfAConstantSeriesIsFlat() {
        GreyModelFit fit = GreyModel.withDefaults().fit(5, 5, 5, 5, 5);
        assertThat(fit.a()).isZero();
        assertThat(fit.b()).isEqualTo(5.0);
        assertThat(fit.forecast(3)).containsExactly(5.0, 5.0, 5.0);
        assertThat(fit.posteriorVarianceRatio()).isZero();
        assertThat(fit.accuracyGrade()).isEqualTo(AccuracyGrade.GOOD);
    }

    /**
     * GM(1,1) and DGM(1,1) are scale-equivariant, and the fit is done on the series scaled by a power of two, so
     * series of magnitude 1e300 or 1e-300 give the parameters and forecasts of the unit series scaled exactly.
     */
    @Test
    void gm11OfHugeAndTinySeriesScalesTheUnitFit() {
        double[] unit = {2.87, 3.28, 3.34, 3.62, 3.83};
        GreyModelFit ref = GreyModel.withDefaults().fit(unit);
        DiscreteGreyModel dref = DiscreteGreyModel.fit(unit);
        for (double s : new double[] {1e300, 1e-300, 1e-310}) {
            double[] x = new double[unit.length];
            for (int k = 0; k < x.length; k++) {
                x[k] = unit[k] * s;
            }
            GreyModelFit fit = GreyModel.withDefaults().fit(x);
            double tol = s < 1e-308 ? 1e-9 : 1e-12; // subnormal inputs keep about 45 of their 53 bits
            assertThat(fit.a()).as("a at %s", s).isCloseTo(ref.a(), within(tol));
            assertThat(fit.b() / s).as("b at %s", s).isCloseTo(ref.b(), within(tol * ref.b()));
            assertThat(fit.forecast(2)[1] / s).isCloseTo(ref.forecast(2)[1], within(tol * ref.forecast(2)[1]));
            assertThat(fit.posteriorVarianceRatio()).isCloseTo(ref.posteriorVarianceRatio(), within(tol));
            assertThat(fit.accuracyGrade()).isEqualTo(ref.accuracyGrade());
            DiscreteGreyModel d = DiscreteGreyModel.fit(x);
            assertThat(d.beta1()).as("beta1 at %s", s).isCloseTo(dref.beta1(), within(tol));
            assertThat(d.forecast(1)[0] / s).isCloseTo(dref.forecast(1)[0], within(tol * dref.forecast(1)[0]));
        }
    }

    @Test
    void forecastsThatOverflowAreRejected() {
        double[] x = {1, Math.exp(0.6), Math.exp(1.2), Math.exp(1.8)};
        GreyModelFit fit = GreyModel.withDefaults().fit(x);
        double[] ten = fit.forecast(10);
        assertThat(ten[9]).isFinite().isGreaterThan(ten[8]);
        assertThatThrownBy(() -> fit.forecast(10000)).isInstanceOf(GreyException.class)
            .hasMessageContaining("forecast step").hasMessageContaining("overflows");
        assertThatThrownBy(() -> DiscreteGreyModel.fit(x).forecast(10000)).isInstanceOf(GreyException.class)
            .hasMessageContaining("forecast step").hasMessageContaining("overflows");
    }

    /** Regression (fuzzing): areas of opposite sign near the largest double made the absolute degree 0. */
    @Test
    void absoluteDegreeOfHugeOppositeAreasKeepsTheRatio() {
        // s0 = -7.5e307, s = 7.5e307: (1 + 1.5e308) / (1 + 1.5e308 + 1.5e308) = 0.5
        double e = GreyIncidence.withDefaults().absolute(new double[] {0, -1.5e308}, new double[] {0, 1.5e308});
        assertThat(e).isCloseTo(0.5, within(1e-15));
        assertThat(GreyIncidence.withDefaults().absolute(new double[] {0, -1.5}, new double[] {0, 1.5}))
            .isCloseTo(2.5 / 4, within(1e-15));
    }

    /** Regression: the MEAN operator's sum overflowed for values near the largest double, zeroing every sequence. */
    @Test
    void meanOperatorOfHugeSequencesGivesTheDegreesOfTheRescaledSequences() {
        GreyIncidence gi = GreyIncidence.withDefaults().with(SequenceOperator.MEAN);
        double[] huge = gi.deng(new double[] {1e308, 1.5e308}, new double[] {1e308, 1.5e308},
            new double[] {1.5e308, 1e308});
        // normalised (0.8, 1.2), (0.8, 1.2), (1.2, 0.8): Delta-min 0, Delta-max 0.4, degrees 1 and 0.2 / 0.6
        assertThat(huge).containsExactly(new double[] {1, 1.0 / 3}, within(1e-15));
        assertThat(gi.deng(new double[] {1, 1.5}, new double[] {1, 1.5}, new double[] {1.5, 1}))
            .containsExactly(huge, within(1e-15));
    }

    /** Regression (fuzzing): a decreasing series near the largest double has a grey input b beyond it. */
    @Test
    void gm11ParametersBeyondTheLargestDoubleAreRejected() {
        // x(k) = c q^k with q = 0.6 has b = 2 c q / (1 + q) = 1.25 x(1) = 2.1e308
        assertThatThrownBy(() -> GreyModel.withDefaults().fit(1.7e308, 1.02e308, 6.12e307, 3.672e307))
            .isInstanceOf(GreyException.class).hasMessageContaining("not finite").hasMessageContaining("b = Infinity");
        // the same series scaled down fits, with b = 1.25 x(1)
        assertThat(GreyModel.withDefaults().fit(1.7, 1.02, 0.612, 0.3672).b()).isCloseTo(1.25 * 1.7, within(1e-12));
    }
}
