package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

class DiscriminantErrorsTest {
    private static final List<Indicator> XY = List.of(Indicator.benefit("x"), Indicator.cost("arrears"));

    private static IndicatorTable table(double[][] rows) {
        IndicatorTable.Builder b = IndicatorTable.builder(XY.toArray(new Indicator[0]));
        for (int i = 0; i < rows.length; i++) {
            b.row("c" + i, rows[i]);
        }
        return b.build();
    }

    private static final double[][] ROWS = {{1, 2}, {2, 1}, {3, 5}, {4, 3}, {5, 8}, {6, 6}};
    private static final int[] LABELS = {0, 0, 0, 1, 1, 1};

    @Test
    void labelsOfTheWrongLength() {
        assertThatThrownBy(() -> LinearDiscriminant.withDefaults().fit(table(ROWS), new int[] {0, 1}))
            .isInstanceOf(CreditException.class).hasMessageContaining("2 labels for 6 rows");
        assertThatThrownBy(() -> LinearDiscriminant.withDefaults().fit(table(ROWS), null))
            .hasMessageContaining("no labels");
    }

    @Test
    void oneClassAndTooSmallClass() {
        assertThatThrownBy(() -> LinearDiscriminant.withDefaults().fit(table(ROWS), new int[6]))
            .isInstanceOf(CreditException.class).hasMessageContaining("only one class (label 0)");
        assertThatThrownBy(() -> LinearDiscriminant.withDefaults().fit(table(ROWS), new int[] {0, 0, 0, 0, 0, 7}))
            .hasMessageContaining("class 7 has 1 customer");
        assertThatThrownBy(() -> LinearDiscriminant.withDefaults().fit(table(ROWS),
            new int[] {0, 0, 0, 0, 0, Integer.MAX_VALUE})).hasMessageContaining("labels span");
    }

    @Test
    void nonFiniteValuesAndShapes() {
        double[][] cols = {{1, 2, 3, 4, 5, 6}, {2, 1, Double.NaN, 3, 8, 6}};
        assertThatThrownBy(() -> LinearDiscriminant.withDefaults().fit(XY, cols, LABELS))
            .isInstanceOf(CreditException.class).hasMessageContaining("'arrears'").hasMessageContaining("NaN")
            .hasMessageContaining("row 2");
        assertThatThrownBy(() -> LinearDiscriminant.withDefaults().fit(XY, new double[][] {{1, 2}, {1}}, LABELS))
            .hasMessageContaining("'arrears' has 1 values");
        assertThatThrownBy(() -> LinearDiscriminant.withDefaults().fit(XY, new double[][] {{1, 2}}, LABELS))
            .hasMessageContaining("2 indicators but 1 columns");
        assertThatThrownBy(() -> LinearDiscriminant.withDefaults().fit(List.of(), new double[0][], LABELS))
            .hasMessageContaining("no indicators");
        assertThatThrownBy(() -> LinearDiscriminant.withDefaults().fit(XY, new double[][] {{}, {}}, new int[0]))
            .hasMessageContaining("no rows");
        assertThatThrownBy(() -> LinearDiscriminant.withDefaults().fit(null, LABELS))
            .hasMessageContaining("table is null");
    }

    @Test
    void constantIndicatorIsNamed() {
        double[][] rows = {{1, 2}, {1, 1}, {1, 5}, {1, 3}, {1, 8}, {1, 6}};
        assertThatThrownBy(() -> LinearDiscriminant.withDefaults().fit(table(rows), LABELS))
            .isInstanceOf(CreditException.class).hasMessageContaining("'x' is constant within every class");
    }

    @Test
    void collinearIndicatorsAreNamedAndShrinkageSuggested() {
        List<Indicator> three = List.of(Indicator.benefit("x"), Indicator.cost("arrears"), Indicator.cost("sum"));
        double[][] cols = {{1, 2, 3, 4, 5, 6}, {2, 1, 5, 3, 8, 6}, {3, 3, 8, 7, 13, 12}};
        assertThatThrownBy(() -> LinearDiscriminant.withDefaults().fit(three, cols, LABELS))
            .isInstanceOf(CreditException.class)
            .hasMessageContaining("singular")
            .hasMessageContaining("'sum' is collinear with 'x', 'arrears'")
            .hasMessageContaining("shrinkage");
        DiscriminantModel shrunk = LinearDiscriminant.withDefaults().withShrinkage(Shrinkage.fixed(0.1))
            .fit(three, cols, LABELS);
        assertThat(shrunk.shrinkageIntensity()).isEqualTo(0.1);
        assertThatThrownBy(shrunk::wilks).hasMessageContaining("singular");
    }

    @Test
    void priorsAndShrinkageSettings() {
        assertThatThrownBy(() -> LinearDiscriminant.withDefaults().withPriors(0.5, 0.6))
            .isInstanceOf(CreditException.class).hasMessageContaining("sum to 1");
        assertThatThrownBy(() -> LinearDiscriminant.withDefaults().withPriors(1.0, 0.0))
            .hasMessageContaining("prior 1 must be positive");
        assertThatThrownBy(() -> LinearDiscriminant.withDefaults().withPriors(1.0))
            .hasMessageContaining("at least two priors");
        assertThatThrownBy(() -> LinearDiscriminant.withDefaults().withPriors(0.2, 0.3, 0.5).fit(table(ROWS), LABELS))
            .hasMessageContaining("3 priors given but the labels have 2 classes");
        assertThatThrownBy(() -> Shrinkage.fixed(1.5)).hasMessageContaining("[0, 1], got 1.5");
        assertThatThrownBy(() -> Shrinkage.fixed(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> LinearDiscriminant.withDefaults().withShrinkage(null))
            .hasMessageContaining("Shrinkage.none()");
        assertThat(Shrinkage.ledoitWolf().toString()).contains("Ledoit-Wolf");
        assertThat(Shrinkage.fixed(0.25).lambda()).isEqualTo(0.25);
        assertThat(Shrinkage.none().isLedoitWolf()).isFalse();
    }

    @Test
    void scoringInputIsChecked() {
        DiscriminantModel model = LinearDiscriminant.withDefaults().fit(table(ROWS), LABELS);
        assertThatThrownBy(() -> model.decisionValue(new double[] {1})).isInstanceOf(CreditException.class)
            .hasMessageContaining("needs 2 values (x, arrears), got 1");
        assertThatThrownBy(() -> model.decisionValue(new double[] {1, Double.POSITIVE_INFINITY}))
            .hasMessageContaining("'arrears' has the non-finite value Infinity");
        IndicatorTable other = IndicatorTable.builder(Indicator.benefit("x")).row("a", 1).build();
        assertThatThrownBy(() -> model.scores(other)).hasMessageContaining("no indicator 'arrears'");
        assertThatThrownBy(() -> model.scores(new double[][] {{1}}, new double[1]))
            .hasMessageContaining("expected 2 columns");
        assertThatThrownBy(() -> model.scores(new double[][] {{1}, {1, 2}}, new double[1]))
            .hasMessageContaining("must have 1 values");
        assertThatThrownBy(() -> model.scores((IndicatorTable) null)).hasMessageContaining("table is null");
        int[] iris = new int[150];
        DiscriminantModel three = LinearDiscriminant.withDefaults().fit(Reference.iris(iris), iris);
        assertThatThrownBy(three::mahalanobisSquared).hasMessageContaining("two-class model, this one has 3");
        assertThatThrownBy(() -> three.decisionValue(new double[4])).hasMessageContaining("two-class");
        assertThat(three.toString()).contains("class 2", "petal_width");
    }

    @Test
    void givenPriorsShiftOnlyTheIntercept() {
        DiscriminantModel empirical = LinearDiscriminant.withDefaults().fit(table(ROWS), LABELS);
        DiscriminantModel given = LinearDiscriminant.withDefaults().withPriors(0.8, 0.2).fit(table(ROWS), LABELS);
        assertThat(given.priors()).containsExactly(0.8, 0.2);
        for (int j = 0; j < 2; j++) {
            assertThat(given.coefficients()[0][j]).isCloseTo(empirical.coefficients()[0][j],
                org.assertj.core.api.Assertions.within(1e-12));
        }
        // intercept = -a'(mu0 + mu1)/2 + ln(pi1/pi0)
        double[][] m = given.classMeans();
        double[] a = given.coefficients()[0];
        double mid = -0.5 * (a[0] * (m[0][0] + m[1][0]) + a[1] * (m[0][1] + m[1][1]));
        assertThat(given.intercepts()[0]).isCloseTo(mid + Math.log(0.2 / 0.8),
            org.assertj.core.api.Assertions.within(1e-12));
        assertThat(LinearDiscriminant.withDefaults().withPriors(0.8, 0.2).withEmpiricalPriors()
            .fit(table(ROWS), LABELS).priors()).containsExactly(0.5, 0.5);
    }
}
