package org.powercx.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the core types over generated tables. */
class CorePropertiesTest {

    @Provide
    Arbitrary<IndicatorTable> tables() {
        Arbitrary<Integer> rows = Arbitraries.integers().between(1, 30);
        Arbitrary<Integer> cols = Arbitraries.integers().between(1, 5);
        Arbitrary<Double> value = Arbitraries.oneOf(
            Arbitraries.doubles().between(-1e6, 1e6),
            Arbitraries.doubles().between(-1e300, 1e300),
            Arbitraries.of(0.0, 1.0, -1.0, 1e-300));
        return Combinators.combine(rows, cols).flatAs((n, m) ->
            value.array(double[].class).ofSize(n * m).map(v -> {
                List<Indicator> inds = new ArrayList<>();
                for (int j = 0; j < m; j++) {
                    inds.add(j % 3 == 0 ? Indicator.benefit("i" + j)
                        : j % 3 == 1 ? Indicator.cost("i" + j) : Indicator.target("i" + j, v[j]));
                }
                List<String> ids = new ArrayList<>();
                double[][] columns = new double[m][n];
                for (int i = 0; i < n; i++) {
                    ids.add("c" + i);
                    for (int j = 0; j < m; j++) {
                        columns[j][i] = v[i * m + j];
                    }
                }
                return IndicatorTable.ofColumns(inds, ids, columns);
            }));
    }

    @Property(tries = 300)
    void minMaxMapsCalibrationDataIntoTheUnitInterval(@ForAll("tables") IndicatorTable table) {
        IndicatorTable n = Normalisation.MIN_MAX.apply(table);
        for (int j = 0; j < n.indicatorCount(); j++) {
            assertThat(n.indicator(j).direction()).isEqualTo(Direction.BENEFIT);
            for (double v : n.column(j)) {
                assertThat(v).isBetween(0.0, 1.0);
            }
        }
    }

    @Property(tries = 300)
    void everyNormalisationIsFiniteOrRejected(@ForAll("tables") IndicatorTable table) {
        for (Normalisation method : Normalisation.values()) {
            IndicatorTable n;
            try {
                n = method.apply(table);
            } catch (CoreException e) {
                assertThat(e.getMessage()).contains("indicator '");
                continue;
            }
            for (int j = 0; j < n.indicatorCount(); j++) {
                for (double v : n.column(j)) {
                    assertThat(v).isFinite();
                }
            }
        }
    }

    @Property(tries = 200)
    void minMaxIsInvariantToPositiveAffineRescalingOfABenefitIndicator(
            @ForAll @Size(min = 2, max = 40) List<@DoubleRange(min = -1e3, max = 1e3) Double> values,
            @ForAll @DoubleRange(min = 0.01, max = 100) double scale,
            @ForAll @DoubleRange(min = -1e3, max = 1e3) double shift) {
        IndicatorTable.Builder a = IndicatorTable.builder(Indicator.benefit("x"));
        IndicatorTable.Builder b = IndicatorTable.builder(Indicator.benefit("x"));
        for (int i = 0; i < values.size(); i++) {
            a.row("c" + i, values.get(i));
            b.row("c" + i, scale * values.get(i) + shift);
        }
        double[] na = Normalisation.MIN_MAX.apply(a.build()).column(0);
        double[] nb = Normalisation.MIN_MAX.apply(b.build()).column(0);
        for (int i = 0; i < na.length; i++) {
            assertThat(nb[i]).isCloseTo(na[i], within(1e-9));
        }
    }

    @Property(tries = 200)
    void normalisedWeightsSumToOne(
            @ForAll @Size(min = 1, max = 20) List<@DoubleRange(min = 0, max = 1e6) Double> raw) {
        double[] values = raw.stream().mapToDouble(Double::doubleValue).toArray();
        List<String> names = new ArrayList<>();
        for (int k = 0; k < values.length; k++) {
            names.add("w" + k);
        }
        double total = 0;
        for (double v : values) {
            total += v;
        }
        if (total == 0) {
            return;
        }
        Weights w = Weights.normalised(names, values);
        double sum = 0;
        for (double v : w.values()) {
            sum += v;
            assertThat(v).isBetween(0.0, 1.0);
        }
        assertThat(sum).isCloseTo(1.0, within(1e-12));
        Weights.of(names, w.values());
    }

    @Property(tries = 200)
    void csvRoundTripsExactly(@ForAll("tables") IndicatorTable table) {
        StringWriter out = new StringWriter();
        CsvTableWriter.withDefaults().write(table, out);
        IndicatorTable back = CsvTableReader.withDefaults().withIndicators(table.indicators())
            .read(new StringReader(out.toString()), "round-trip").table();
        assertThat(back.ids()).isEqualTo(table.ids());
        assertThat(back.indicators()).isEqualTo(table.indicators());
        for (int j = 0; j < table.indicatorCount(); j++) {
            assertThat(back.column(j)).containsExactly(table.column(j));
        }
    }
}
