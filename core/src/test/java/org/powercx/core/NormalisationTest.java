package org.powercx.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalisationTest {

    private static IndicatorTable resource(String name, List<Indicator> indicators) throws Exception {
        try (Reader r = new InputStreamReader(NormalisationTest.class.getResourceAsStream("/refdata/" + name),
                StandardCharsets.UTF_8)) {
            return CsvTableReader.withDefaults().withIndicators(indicators).read(r, name).table();
        }
    }

    /** Min-max normalisation of the textbook supplier example (Si and Sun, ch. 14), to 1e-12. */
    @Test
    void minMaxMatchesTheTextbookTable() throws Exception {
        List<Indicator> costs = List.of(Indicator.cost("price"), Indicator.cost("distance"),
            Indicator.cost("after_sales_service"));
        IndicatorTable data = resource("gra01_supplier_data.csv", costs);
        IndicatorTable expected = resource("gra01_expected_min_max.csv", List.of());
        IndicatorTable normalised = Normalisation.MIN_MAX.apply(data);
        assertThat(normalised.indicatorNames()).isEqualTo(data.indicatorNames());
        for (int j = 0; j < data.indicatorCount(); j++) {
            assertThat(normalised.indicator(j).direction()).isEqualTo(Direction.BENEFIT);
            double[] actual = normalised.column(j);
            double[] want = expected.column(j);
            for (int i = 0; i < actual.length; i++) {
                assertThat(actual[i]).as("%s %s", data.id(i), data.indicator(j).name()).isCloseTo(want[i], within(1e-12));
            }
        }
    }

    private static final IndicatorTable SMALL = IndicatorTable.builder(
            Indicator.benefit("b"), Indicator.cost("c"), Indicator.target("t", 5))
        .row("r1", 2, 10, 3)
        .row("r2", 4, 20, 5)
        .row("r3", 6, 30, 9)
        .build();

    @Test
    void minMaxHonoursEveryDirection() {
        IndicatorTable n = Normalisation.MIN_MAX.apply(SMALL);
        assertThat(n.column("b")).containsExactly(0, 0.5, 1);
        assertThat(n.column("c")).containsExactly(1, 0.5, 0);
        // target 5: deviations 2, 0, 4, so 1 - d/4
        assertThat(n.column("t")).containsExactly(0.5, 1, 0);
    }

    @Test
    void scalingMethods() {
        IndicatorTable initial = Normalisation.INITIAL_VALUE.apply(SMALL);
        assertThat(initial.column("b")).containsExactly(1, 2, 3);
        assertThat(initial.indicator("c").direction()).isEqualTo(Direction.COST);
        assertThat(initial.indicator("t").target()).isEqualTo(5.0 / 3);
        IndicatorTable mean = Normalisation.MEAN.apply(SMALL);
        assertThat(mean.column("c")).containsExactly(0.5, 1, 1.5);
        IndicatorTable vector = Normalisation.VECTOR.apply(SMALL);
        double norm = Math.sqrt(4 + 16 + 36);
        assertThat(vector.column("b")).containsExactly(new double[] {2 / norm, 4 / norm, 6 / norm}, within(1e-15));
        IndicatorTable z = Normalisation.Z_SCORE.apply(SMALL);
        // mean 4, sample sd 2
        assertThat(z.column("b")).containsExactly(-1, 0, 1);
        assertThat(z.column("c")).containsExactly(-1, 0, 1);
        assertThat(z.indicator("t").target()).isCloseTo((5 - 17.0 / 3) / Math.sqrt(28.0 / 3), within(1e-15));
    }

    @Test
    void fittedBoundsApplyToNewRows() {
        Normaliser fitted = Normalisation.MIN_MAX.fit(SMALL);
        assertThat(fitted.apply(new double[] {8, 5, 1})).containsExactly(1.5, 1.25, 0);
        assertThat(fitted.apply(0, 4)).isEqualTo(0.5);
        IndicatorTable fresh = IndicatorTable.builder(Indicator.target("t", 5), Indicator.benefit("b"),
                Indicator.cost("c"), Indicator.benefit("extra"))
            .row("new", 5, 3, 15, 42).build();
        IndicatorTable scored = fitted.apply(fresh);
        assertThat(scored.indicatorNames()).containsExactly("b", "c", "t");
        assertThat(scored.row("new")).containsExactly(0.25, 0.75, 1);
        double[] out = new double[4];
        fitted.applyToColumn(1, new double[] {10, 20, 30}, 1, 3, out, 2);
        assertThat(out).containsExactly(0, 0, 0.5, 0);
        assertThat(fitted.method()).isEqualTo(Normalisation.MIN_MAX);
        assertThat(fitted.indicators()).isEqualTo(SMALL.indicators());
        assertThat(fitted.toString()).contains("MIN_MAX normaliser").contains("COST");
    }

    @Test
    void constantColumnsNeverYieldNaN() {
        IndicatorTable constant = IndicatorTable.builder(Indicator.benefit("k"), Indicator.target("t", 2),
                Indicator.cost("z"))
            .row("a", 7, 2, 0).row("b", 7, 2, 0).build();
        for (Normalisation method : List.of(Normalisation.MIN_MAX, Normalisation.Z_SCORE, Normalisation.VECTOR)) {
            IndicatorTable n = method.apply(constant);
            for (int j = 0; j < 3; j++) {
                for (double v : n.column(j)) {
                    assertThat(v).as("%s %s", method, constant.indicator(j)).isFinite();
                }
            }
        }
        assertThat(Normalisation.MIN_MAX.apply(constant).column("k")).containsExactly(1, 1);
        assertThat(Normalisation.MIN_MAX.apply(constant).column("t")).containsExactly(1, 1);
        assertThat(Normalisation.Z_SCORE.apply(constant).column("k")).containsExactly(0, 0);
        assertThat(Normalisation.VECTOR.apply(constant).column("z")).containsExactly(0, 0);
        IndicatorTable single = IndicatorTable.builder(Indicator.benefit("x")).row("only", 3).build();
        assertThat(Normalisation.Z_SCORE.apply(single).column("x")).containsExactly(0);
        assertThat(Normalisation.MEAN.apply(constant.select("k")).column("k")).containsExactly(1, 1);
    }

    @Test
    void extremeMagnitudesStayFinite() {
        IndicatorTable huge = IndicatorTable.builder(Indicator.benefit("h"), Indicator.benefit("tiny"))
            .row("a", 1e300, 1e-300).row("b", -1e300, 3e-300).row("c", 5e299, 2e-300).build();
        for (Normalisation method : Normalisation.values()) {
            IndicatorTable n = method.apply(huge);
            for (int j = 0; j < 2; j++) {
                for (double v : n.column(j)) {
                    assertThat(v).as("%s", method).isFinite();
                }
            }
        }
        assertThat(Normalisation.Z_SCORE.apply(huge).column("tiny")).containsExactly(new double[] {-1, 1, 0}, within(1e-15));
        assertThat(Normalisation.MIN_MAX.apply(huge).column("h")).containsExactly(new double[] {1, 0, 0.75}, within(1e-15));
    }

    @Test
    void rejectsZeroDivisorsNamingTheIndicator() {
        IndicatorTable zeroFirst = IndicatorTable.builder(Indicator.benefit("growth"))
            .row("c1", 0).row("c2", 1).build();
        assertThatThrownBy(() -> Normalisation.INITIAL_VALUE.fit(zeroFirst)).isInstanceOf(CoreException.class)
            .hasMessageContaining("indicator 'growth'").hasMessageContaining("customer 'c1'");
        IndicatorTable zeroMean = IndicatorTable.builder(Indicator.benefit("delta"))
            .row("c1", -1).row("c2", 1).build();
        assertThatThrownBy(() -> Normalisation.MEAN.fit(zeroMean))
            .hasMessageContaining("indicator 'delta': MEAN normalisation divides by the mean, which is 0");
        IndicatorTable empty = SMALL.rows(0, 0);
        assertThatThrownBy(() -> Normalisation.MIN_MAX.fit(empty)).hasMessageContaining("no rows");
        IndicatorTable overflow = IndicatorTable.builder(Indicator.benefit("o"))
            .row("a", Double.MAX_VALUE).row("b", -Double.MAX_VALUE).build();
        assertThatThrownBy(() -> Normalisation.MIN_MAX.fit(overflow)).hasMessageContaining("overflows");
    }

    @Test
    void rejectsMismatchedInput() {
        Normaliser fitted = Normalisation.MIN_MAX.fit(SMALL);
        assertThatThrownBy(() -> fitted.apply(new double[] {1, 2})).isInstanceOf(CoreException.class)
            .hasMessageContaining("row has 2 values but the normaliser was fitted on 3 indicators");
        assertThatThrownBy(() -> fitted.apply(new double[] {1, Double.NaN, 2}))
            .hasMessageContaining("indicator 'c': value must be finite but was NaN");
        assertThatThrownBy(() -> fitted.apply(5, 1.0)).hasMessageContaining("column 5");
        IndicatorTable other = IndicatorTable.builder(Indicator.benefit("b")).row("x", 1).build();
        assertThatThrownBy(() -> fitted.apply(other))
            .hasMessageContaining("indicator 'c' was fitted but is missing from the table");
        assertThatThrownBy(() -> fitted.apply((IndicatorTable) null)).isInstanceOf(CoreException.class)
            .hasMessage("table must not be null");
        // fitted on [0, 1e-300], a value of 1e300 on a later table normalises to 1e600: named, not returned
        Normaliser tiny = Normalisation.MIN_MAX.fit(IndicatorTable.builder(Indicator.benefit("t"))
            .row("a", 0).row("b", 1e-300).build());
        IndicatorTable later = IndicatorTable.builder(Indicator.benefit("t")).row("p", 0.5e-300).row("q", 1e300)
            .build();
        assertThatThrownBy(() -> tiny.apply(later)).isInstanceOf(CoreException.class)
            .hasMessage("customer 'q', indicator 't': value must be finite but was Infinity");
        assertThatThrownBy(() -> fitted.applyToColumn(0, new double[3], 0, 3, new double[2], 0))
            .hasMessageContaining("does not fit");
    }

    @Test
    void locationScaleAndConstantDescribeEveryColumnsMap() {
        IndicatorTable t = IndicatorTable.builder(Indicator.benefit("b"), Indicator.cost("c"),
                Indicator.target("t", 5), Indicator.benefit("k"))
            .row("r1", 1, 10, 3, 7).row("r2", 3, 20, 8, 7).row("r3", 8, 40, 5, 7).build();
        Normaliser mm = Normalisation.MIN_MAX.fit(t);
        assertThat(new double[] {mm.location(0), mm.scale(0)}).containsExactly(1, 7);
        assertThat(new double[] {mm.location(1), mm.scale(1)}).containsExactly(40, -30);
        assertThat(new double[] {mm.location(2), mm.scale(2)}).containsExactly(5, 3);
        assertThat(mm.isTargetDistance(2)).isTrue();
        assertThat(mm.isTargetDistance(0)).isFalse();
        assertThat(mm.constantValue(3)).hasValue(1.0);
        assertThat(mm.constantValue(0)).isEmpty();
        Normaliser z = Normalisation.Z_SCORE.fit(t);
        assertThat(z.location(0)).isCloseTo(4, within(1e-15));
        assertThat(z.scale(0)).isCloseTo(Math.sqrt(13), within(1e-15)); // deviations -3, -1, 4: 26 / 2
        assertThat(z.constantValue(3)).hasValue(0.0);
        Normaliser vector = Normalisation.VECTOR.fit(t);
        assertThat(vector.location(0)).isZero();
        assertThat(vector.scale(0)).isCloseTo(Math.sqrt(74), within(1e-14));
        // each map, applied by hand, reproduces the normaliser
        for (Normaliser n : new Normaliser[] {mm, z, vector, Normalisation.MEAN.fit(t),
                Normalisation.INITIAL_VALUE.fit(t)}) {
            for (int j = 0; j < 4; j++) {
                for (double x : t.column(j)) {
                    double expected = n.constantValue(j).isPresent() ? n.constantValue(j).getAsDouble()
                        : n.isTargetDistance(j) ? 1 - Math.abs(x - n.location(j)) / n.scale(j)
                        : (x - n.location(j)) / n.scale(j) + 0.0;
                    assertThat(n.apply(j, x)).as("%s column %d", n.method(), j).isEqualTo(expected);
                }
            }
        }
        assertThatThrownBy(() -> mm.location(4)).isInstanceOf(CoreException.class).hasMessageContaining("column 4");
        assertThatThrownBy(() -> mm.scale(-1)).isInstanceOf(CoreException.class).hasMessageContaining("column -1");
        assertThatThrownBy(() -> mm.constantValue(9)).isInstanceOf(CoreException.class);
        assertThatThrownBy(() -> mm.isTargetDistance(9)).isInstanceOf(CoreException.class);
    }
}
