package org.powercx.grey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.core.CsvBlockReader;
import org.powercx.core.CsvTableReader;
import org.powercx.core.CsvTableWriter;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Normalisation;
import org.powercx.core.Weights;

class GreyRelationalAnalysisTest {
    private static final GreyRelationalAnalysis GRA = GreyRelationalAnalysis.withDefaults();

    /** A random table of n customers by m indicators (every fourth a cost indicator), from a fixed seed. */
    static IndicatorTable random(int n, int m, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Indicator> inds = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            inds.add(j % 4 == 3 ? Indicator.cost("c" + j) : Indicator.benefit("b" + j));
        }
        List<String> ids = new ArrayList<>();
        double[][] cols = new double[m][n];
        for (int i = 0; i < n; i++) {
            ids.add("u" + i);
        }
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                cols[j][i] = 100 * rnd.nextDouble() + j;
            }
        }
        return IndicatorTable.ofColumns(inds, ids, cols);
    }

    private static IndicatorTable small() {
        return IndicatorTable.builder(Indicator.benefit("kwh"), Indicator.cost("arrears"))
            .row("a", 10, 5).row("b", 20, 0).row("c", 30, 10).build();
    }

    @Test
    void handComputedSmallCase() {
        // normalised: kwh 0, .5, 1; arrears .5, 1, 0; reference 1, 1; Delta-min 0, Delta-max 1
        // xi = 0.5 / (Delta + 0.5): a (1/3, 1/2), b (1/2, 1), c (1, 1/3)
        GreyRelationalResult r = GRA.evaluate(small(), Weights.of(List.of("kwh", "arrears"), new double[] {0.75, 0.25}));
        assertThat(r.coefficient("a", "kwh")).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(r.coefficient("b", "arrears")).isEqualTo(1.0);
        assertThat(r.grade("a")).isCloseTo(0.75 / 3 + 0.25 / 2, within(1e-15));
        assertThat(r.grade("b")).isCloseTo(0.75 / 2 + 0.25, within(1e-15));
        assertThat(r.grade("c")).isCloseTo(0.75 + 0.25 / 3, within(1e-15));
        assertThat(r.ranking()).containsExactly("c", "b", "a");
        assertThat(r.order()).containsExactly(2, 1, 0);
        assertThat(r.distinguishingCoefficient()).isEqualTo(0.5);
        assertThat(r.indicatorNames()).containsExactly("kwh", "arrears");
        assertThat(r.weights()).containsExactly(0.75, 0.25);
    }

    @Test
    void smallerRhoSpreadsCoefficients() {
        GreyRelationalResult r = GRA.withDistinguishingCoefficient(0.25).evaluate(small());
        assertThat(r.coefficient("a", "kwh")).isCloseTo(0.25 / (1 + 0.25), within(1e-15));
        assertThat(r.distinguishingCoefficient()).isEqualTo(0.25);
    }

    @Test
    void tiesKeepTableOrder() {
        IndicatorTable t = IndicatorTable.builder(Indicator.benefit("x"), Indicator.benefit("y"))
            .row("p", 1, 2).row("q", 2, 1).row("r", 0, 0).row("s", 2, 2).build();
        GreyRelationalResult r = GRA.evaluate(t);
        assertThat(r.grade("p")).isEqualTo(r.grade("q"));
        assertThat(r.ranking()).containsExactly("s", "p", "q", "r");
        assertThat(r.rank("q")).isEqualTo(3);
    }

    @Test
    void referenceCustomerAndGivenValues() {
        GreyRelationalResult byCustomer = GRA.with(Reference.customer("b")).evaluate(small());
        assertThat(byCustomer.grade("b")).isEqualTo(1.0);
        assertThat(byCustomer.ranking().get(0)).isEqualTo("b");
        assertThat(byCustomer.reference()).containsExactly(0.5, 1.0);
        // the raw best values give the ideal reference
        GreyRelationalResult given = GRA.with(Reference.values(30, 0)).evaluate(small());
        assertThat(given.grades()).isEqualTo(GRA.evaluate(small()).grades());
        assertThat(Reference.values(30, 0)).hasToString("VALUES[30.0, 0.0]");
        assertThat(Reference.customer("b")).hasToString("CUSTOMER[b]");
        assertThat(Reference.ideal()).hasToString("IDEAL");
    }

    @Test
    void otherNormalisationUsesBestValueOfEachDirection() {
        // MEAN: kwh / 20 = .5, 1, 1.5 (benefit, best 1.5); arrears / 5 = 1, 0, 2 (cost, best 0)
        GreyRelationalResult r = GRA.with(Normalisation.MEAN).evaluate(small());
        assertThat(r.reference()).containsExactly(1.5, 0.0);
        assertThat(r.deltaMax()).isEqualTo(2.0);
        assertThat(r.deltaMin()).isEqualTo(0.0);
        assertThat(r.coefficient("a", "kwh")).isCloseTo(1.0 / (1 + 1), within(1e-15));
        IndicatorTable target = IndicatorTable.builder(Indicator.target("pf", 0.95), Indicator.benefit("kwh"))
            .row("a", 0.8, 1).row("b", 0.95, 2).row("c", 1.0, 3).build();
        assertThat(GRA.with(Normalisation.MEAN).evaluate(target).reference()[0])
            .isCloseTo(0.95 / ((0.8 + 0.95 + 1.0) / 3), within(1e-15));
        assertThat(GRA.evaluate(target).grade("b")).isGreaterThan(GRA.evaluate(target).grade("a"));
    }

    @Test
    void allCustomersOnTheReferenceGradeOne() {
        IndicatorTable one = IndicatorTable.builder(Indicator.benefit("x")).row("only", 3).build();
        GreyRelationalResult r = GRA.evaluate(one);
        assertThat(r.deltaMax()).isZero();
        assertThat(r.grade("only")).isEqualTo(1.0);
        GreyRelationalModel m = GRA.fit(one);
        assertThat(m.grade(5)).isEqualTo(1.0);
        assertThat(m.grades(one)).containsExactly(1.0);
    }

    @Test
    void newValuesAreClippedToCalibrationBounds() {
        IndicatorTable cal = GreyRelationalReferenceTest.table();
        GreyRelationalModel model = GRA.fit(cal);
        double[] best = cal.row("S3"); // S3 has the best quality, 0.99
        double[] better = best.clone();
        better[0] = 5.0;
        assertThat(model.grade(better)).isEqualTo(model.grade(best));
        double[] worse = best.clone();
        worse[0] = -100;
        double[] worst = best.clone();
        worst[0] = 0.83;
        assertThat(model.grade(worse)).isEqualTo(model.grade(worst));
        IndicatorTable out = IndicatorTable.ofRows(cal.indicators(), List.of("new"), new double[][] {worse});
        GreyRelationalResult r = model.evaluate(out);
        assertThat(r.normalised()[0][0]).isZero();
        assertThat(r.coefficient("new", "quality")).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(model.lowerBounds()).containsOnly(0.0);
        assertThat(model.upperBounds()).containsOnly(1.0);
    }

    @Test
    void parallelScoringIsBitIdentical() {
        IndicatorTable t = random(5000, 16, 42);
        GreyRelationalModel seq = GRA.fit(t);
        double[] expected = GRA.evaluate(t).grades();
        assertThat(seq.grades(t)).isEqualTo(expected);
        for (int threads : new int[] {2, 3, 8}) {
            GreyRelationalModel par = GRA.withThreads(threads).fit(t);
            assertThat(par.threads()).isEqualTo(threads);
            assertThat(par.grades(t)).as("%d threads", threads).isEqualTo(expected);
        }
        assertThat(GRA.withThreads(2).evaluate(t).grades()).isEqualTo(expected);
    }

    @Test
    void everyKernelPathMatchesTheBatchResult() {
        // benefit, cost, target and constant columns under every normalisation, new rows beyond the bounds
        SplittableRandom rnd = new SplittableRandom(5);
        IndicatorTable.Builder cal = IndicatorTable.builder(Indicator.benefit("b"), Indicator.cost("c"),
            Indicator.target("t", 50), Indicator.benefit("k"));
        IndicatorTable.Builder fresh = IndicatorTable.builder(Indicator.benefit("b"), Indicator.cost("c"),
            Indicator.target("t", 50), Indicator.benefit("k"));
        for (int i = 0; i < 2100; i++) {
            cal.row("c" + i, 1 + 100 * rnd.nextDouble(), 1 + 100 * rnd.nextDouble(), 1 + 100 * rnd.nextDouble(), 7);
            fresh.row("n" + i, 300 * rnd.nextDouble() - 100, 300 * rnd.nextDouble() - 100,
                300 * rnd.nextDouble() - 100, 5 + i % 3);
        }
        IndicatorTable calibration = cal.build();
        IndicatorTable next = fresh.build();
        Weights w = Weights.normalised(calibration.indicatorNames(), new double[] {4, 3, 2, 1});
        GreyRelationalModel minMax = GRA.fit(calibration, w);
        GreyRelationalModel initial = GRA.with(Normalisation.INITIAL_VALUE).fit(calibration, w);
        GreyRelationalModel mean = GRA.with(Normalisation.MEAN).fit(calibration, w);
        for (int j = 0; j < 4; j++) {
            assertThat(minMax.kernel().isInline(j)).as("MIN_MAX column %d inline", j).isTrue();
            assertThat(initial.kernel().isInline(j)).as("INITIAL_VALUE column %d inline", j).isTrue();
            assertThat(mean.kernel().isInline(j)).as("MEAN column %d inline", j).isTrue();
        }
        // a subnormal mean has no finite reciprocal: that column falls back to the normaliser's own kernel
        IndicatorTable tiny = IndicatorTable.builder(Indicator.benefit("x"), Indicator.benefit("y"))
            .row("a", 1e-310, 1).row("b", 2e-310, 2).row("c", 4e-310, 4).build();
        GreyRelationalModel tinyMean = GRA.with(Normalisation.MEAN).fit(tiny, Weights.equal(tiny));
        assertThat(tinyMean.kernel().isInline(0)).isFalse();
        assertThat(tinyMean.kernel().isInline(1)).isTrue();
        // MEAN divides by the mean, so the subnormal column normalises as (1, 2, 4) does, up to the ~7 bits
        // that subnormals of this size lack
        IndicatorTable unit = IndicatorTable.builder(Indicator.benefit("x"), Indicator.benefit("y"))
            .row("a", 1, 1).row("b", 2, 2).row("c", 4, 4).build();
        double[] expected = GRA.with(Normalisation.MEAN).fit(unit, Weights.equal(unit)).grades(unit);
        double[] actual = tinyMean.grades(tiny);
        for (int i = 0; i < 3; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-12));
        }
        for (Normalisation method : new Normalisation[] {Normalisation.MIN_MAX, Normalisation.INITIAL_VALUE,
                Normalisation.MEAN, Normalisation.VECTOR, Normalisation.Z_SCORE}) {
            Reference inside = Reference.values(50, 50, 50, 8); // inside the ranges: Delta-min > 0 for most methods
            for (Reference ref : new Reference[] {Reference.ideal(), Reference.customer("c3"), inside}) {
                GreyRelationalAnalysis gra = GRA.with(method).with(ref);
                GreyRelationalResult batch = gra.evaluate(calibration, w);
                GreyRelationalModel model = gra.withThreads(2).fit(calibration, w);
                assertThat(model.grades(calibration)).as("%s %s", method, ref).isEqualTo(batch.grades());
                GreyRelationalResult scored = model.evaluate(next);
                double[] fast = model.grades(next);
                assertThat(fast).as("%s %s", method, ref).isEqualTo(scored.grades());
                for (int i = 0; i < 50; i++) {
                    assertThat(model.grade(next.row(i))).isEqualTo(fast[i]);
                }
                double xiMin = batch.deltaMax() == 0 ? 1
                    : (batch.deltaMin() + 0.5 * batch.deltaMax()) / (1.5 * batch.deltaMax());
                for (double[] row : scored.coefficients()) {
                    for (double xi : row) {
                        assertThat(xi).isBetween(xiMin, 1.0);
                    }
                }
                double[] lo = model.lowerBounds();
                double[] hi = model.upperBounds();
                for (double[] row : scored.normalised()) {
                    for (int j = 0; j < row.length; j++) {
                        assertThat(row[j]).isBetween(lo[j], hi[j]);
                    }
                }
            }
        }
    }

    @Test
    void primitiveKernelWritesOnlyItsRange() {
        IndicatorTable t = random(3000, 5, 7);
        GreyRelationalModel model = GRA.withThreads(2).fit(t);
        double[][] cols = new double[5][];
        for (int j = 0; j < 5; j++) {
            cols[j] = t.column(j);
        }
        double[][] copy = new double[5][];
        for (int j = 0; j < 5; j++) {
            copy[j] = cols[j].clone();
        }
        double[] out = new double[3000];
        java.util.Arrays.fill(out, -1);
        model.grades(cols, 1000, 2500, out, 500);
        double[] all = model.grades(t);
        for (int i = 0; i < 3000; i++) {
            double expected = i >= 500 && i < 2000 ? all[i + 500] : -1;
            assertThat(out[i]).isEqualTo(expected);
        }
        assertThat(cols).isDeepEqualTo(copy);
        assertThatThrownBy(() -> model.grades(new double[4][], 0, 1, out, 0)).isInstanceOf(GreyException.class)
            .hasMessageContaining("expected 5 columns");
        assertThatThrownBy(() -> model.grades(cols, 0, 3001, new double[4000], 0))
            .hasMessageContaining("column 0").hasMessageContaining("3000 values");
        assertThatThrownBy(() -> model.grades(cols, 10, 5, out, 0)).hasMessageContaining("rows [10, 5)");
        assertThatThrownBy(() -> model.grades(cols, 0, 10, out, 2995)).hasMessageContaining("output of length 3000");
    }

    @Test
    void streamsACsvFileInBlocks(@TempDir Path dir) throws Exception {
        IndicatorTable t = random(2500, 6, 11);
        GreyRelationalModel model = GRA.fit(t);
        Path csv = dir.resolve("customers.csv");
        CsvTableWriter.withDefaults().write(t, csv);
        List<String> ids = new ArrayList<>();
        List<Double> grades = new ArrayList<>();
        CsvTableReader reader = CsvTableReader.withDefaults().withIndicators(t.indicators());
        long count;
        try (CsvBlockReader blocks = reader.stream(csv, 700)) {
            count = model.score(blocks, (id, g) -> {
                ids.add(id);
                grades.add(g);
            });
        }
        assertThat(count).isEqualTo(2500);
        assertThat(ids).isEqualTo(t.ids());
        double[] expected = model.grades(CsvTableReader.withDefaults().withIndicators(t.indicators()).read(csv).table());
        for (int i = 0; i < expected.length; i++) {
            assertThat(grades.get(i)).isEqualTo(expected[i]);
        }
        // CSV round trip keeps doubles exactly, so the stream reproduces the batch grades
        assertThat(grades.get(17)).isEqualTo(GRA.evaluate(t).grades()[17]);
        StringWriter w = new StringWriter();
        CsvTableWriter.withDefaults().write(t.select("b0", "b1"), w);
        try (CsvBlockReader blocks = CsvTableReader.withDefaults().stream(new StringReader(w.toString()), "s", 10)) {
            assertThatThrownBy(() -> model.score(blocks, (id, g) -> { }))
                .hasMessageContaining("indicator 'b2' was fitted but is missing");
        }
        assertThatThrownBy(() -> model.score(null, (id, g) -> { })).hasMessageContaining("must not be null");
        assertThat(Files.exists(csv)).isTrue();
    }

    @Test
    void accessorsAndToString() {
        GreyRelationalModel model = GRA.fit(small());
        assertThat(model.indicators()).hasSize(2);
        assertThat(model.weights().get("kwh")).isEqualTo(0.5);
        assertThat(model.normaliser().method()).isEqualTo(Normalisation.MIN_MAX);
        assertThat(model.reference()).containsExactly(1.0, 1.0);
        assertThat(model.distinguishingCoefficient()).isEqualTo(0.5);
        assertThat(model.toString()).contains("Delta-max 1").contains("arrears").contains("COST");
        GreyRelationalResult r = GRA.evaluate(small());
        assertThat(r.toString()).contains("rank").contains("kwh").contains("Delta-min 0");
        assertThat(GRA.evaluate(random(30, 3, 1)).toString()).contains("... 10 more customers");
        assertThat(GRA.toString()).contains("rho=0.5").contains("MIN_MAX");
        assertThat(GRA.distinguishingCoefficient()).isEqualTo(0.5);
        assertThat(GRA.normalisation()).isEqualTo(Normalisation.MIN_MAX);
        assertThat(GRA.reference()).isSameAs(Reference.ideal());
        assertThat(GRA.threads()).isEqualTo(1);
        assertThat(r.rowCount()).isEqualTo(3);
        assertThat(r.ids()).containsExactly("a", "b", "c");
        assertThat(r.contributions()[0]).hasSize(2);
        assertThat(r.contribution("c", "kwh")).isEqualTo(0.5);
    }

    @Test
    void badConfigurationIsRejected() {
        for (double rho : new double[] {0, -0.5, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> GRA.withDistinguishingCoefficient(rho)).isInstanceOf(GreyException.class)
                .hasMessageContaining("rho must be in (0, 1]").hasMessageContaining(String.valueOf(rho));
        }
        assertThatThrownBy(() -> GRA.with((Normalisation) null)).hasMessageContaining("normalisation");
        assertThatThrownBy(() -> GRA.with((Reference) null)).hasMessageContaining("reference");
        assertThatThrownBy(() -> GRA.withThreads(0)).hasMessageContaining("thread count").hasMessageContaining("0");
        assertThatThrownBy(() -> Reference.values()).hasMessageContaining("empty");
        assertThatThrownBy(() -> Reference.values(1, Double.NaN)).hasMessageContaining("reference value 1")
            .hasMessageContaining("NaN");
        assertThatThrownBy(() -> Reference.customer(" ")).hasMessageContaining("blank");
    }

    @Test
    void theThreadCountIsCappedByTheSharedLimit() {
        assertThat(GRA.withThreads(64).fit(small()).threads()).isEqualTo(64);
        assertThatThrownBy(() -> GRA.withThreads(10_000)).isInstanceOf(GreyException.class)
            .hasMessage("thread count must be between 1 and 64 but was 10000");
        assertThatThrownBy(() -> GRA.withThreads(65)).isInstanceOf(GreyException.class).hasMessageContaining("65");
    }

    @Test
    void badInputIsRejected() {
        IndicatorTable t = small();
        assertThatThrownBy(() -> GRA.evaluate(null)).isInstanceOf(GreyException.class).hasMessageContaining("null");
        IndicatorTable empty = t.filter(i -> false);
        assertThatThrownBy(() -> GRA.evaluate(empty)).isInstanceOf(GreyException.class)
            .hasMessageContaining("at least one customer").hasMessageContaining("0 x 2");
        assertThatThrownBy(() -> GRA.evaluate(t, null)).hasMessageContaining("weights must not be null");
        Weights other = Weights.equal(List.of("kwh", "fees"));
        assertThatThrownBy(() -> GRA.evaluate(t, other)).isInstanceOf(GreyException.class)
            .hasMessageContaining("weights do not match").hasMessageContaining("fees");
        assertThatThrownBy(() -> GRA.with(Reference.values(1, 2, 3)).evaluate(t))
            .hasMessageContaining("reference has 3 values").hasMessageContaining("2 indicators");
        assertThatThrownBy(() -> GRA.with(Reference.customer("zz")).evaluate(t))
            .hasMessageContaining("reference customer 'zz'");
        IndicatorTable zeroFirst = IndicatorTable.builder(Indicator.benefit("x")).row("a", 0).row("b", 1).build();
        assertThatThrownBy(() -> GRA.with(Normalisation.INITIAL_VALUE).evaluate(zeroFirst))
            .isInstanceOf(GreyException.class).hasMessageContaining("INITIAL_VALUE").hasMessageContaining("'x'");
        GreyRelationalModel model = GRA.fit(t);
        assertThatThrownBy(() -> model.grade(1.0)).hasMessageContaining("row has 1 values")
            .hasMessageContaining("2 indicators");
        assertThatThrownBy(() -> model.grade((double[]) null)).hasMessageContaining("row has no values");
        assertThatThrownBy(() -> model.grade(1.0, Double.POSITIVE_INFINITY))
            .hasMessageContaining("indicator 'arrears'").hasMessageContaining("Infinity");
        assertThatThrownBy(() -> model.evaluate(t.select("kwh")))
            .hasMessageContaining("indicator 'arrears' was fitted but is missing");
        assertThatThrownBy(() -> model.grades((IndicatorTable) null)).hasMessageContaining("table must not be null");
        GreyRelationalResult r = GRA.evaluate(t);
        assertThatThrownBy(() -> r.grade("nobody")).hasMessageContaining("customer 'nobody'");
        assertThatThrownBy(() -> r.coefficient("a", "fees")).hasMessageContaining("indicator 'fees'");
    }

    @Test
    void scoresATableWithExtraColumnsInAnyOrder() {
        IndicatorTable t = small();
        GreyRelationalModel model = GRA.fit(t);
        IndicatorTable reordered = IndicatorTable.builder(Indicator.benefit("extra"), Indicator.cost("arrears"),
            Indicator.benefit("kwh")).row("x", 9, 5, 10).row("y", 9, 0, 20).build();
        assertThat(model.grades(reordered)).containsExactly(model.grade(10, 5), model.grade(20, 0));
    }
}
