package org.powercx.grey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorStatistics;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Normalisation;
import org.powercx.core.Weights;

/**
 * A fit from mergeable statistics equals the in-memory fit bit for bit, whatever the split of the table into
 * blocks added or merged in order.
 */
class GreyStreamingFitTest {

    /** A table of benefit, cost and target indicators at scales from 1e-3 to 1e6, some columns constant. */
    static IndicatorTable table(long seed, int n, boolean targets) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int m = 1 + rnd.nextInt(6);
        List<Indicator> inds = new ArrayList<>();
        double[][] cols = new double[m][n];
        for (int j = 0; j < m; j++) {
            double scale = Math.pow(10, rnd.nextInt(-3, 7));
            double offset = rnd.nextDouble(-5, 5) * scale;
            int kind = rnd.nextInt(targets ? 3 : 2);
            inds.add(kind == 0 ? Indicator.benefit("b" + j) : kind == 1 ? Indicator.cost("c" + j)
                : Indicator.target("t" + j, offset + scale * rnd.nextDouble()));
            boolean constant = rnd.nextInt(8) == 0;
            for (int i = 0; i < n; i++) {
                cols[j][i] = constant ? offset : offset + scale * rnd.nextDouble();
            }
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("c" + i);
        }
        return IndicatorTable.ofColumns(inds, ids, cols);
    }

    /** Random cut points splitting [0, n) into consecutive blocks, some empty. */
    static List<IndicatorTable> blocks(IndicatorTable t, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        List<IndicatorTable> out = new ArrayList<>();
        int from = 0;
        while (from < t.rowCount()) {
            int to = Math.min(t.rowCount(), from + rnd.nextInt(t.rowCount() / 3 + 2));
            out.add(t.rows(from, to));
            from = to;
        }
        return out;
    }

    static void assertSameModel(GreyRelationalModel streamed, GreyRelationalModel inMemory, IndicatorTable t) {
        assertThat(streamed.deltaMin()).isEqualTo(inMemory.deltaMin());
        assertThat(streamed.deltaMax()).isEqualTo(inMemory.deltaMax());
        assertThat(streamed.reference()).containsExactly(inMemory.reference());
        assertThat(streamed.lowerBounds()).containsExactly(inMemory.lowerBounds());
        assertThat(streamed.upperBounds()).containsExactly(inMemory.upperBounds());
        for (int j = 0; j < t.indicatorCount(); j++) {
            assertThat(streamed.normaliser().location(j)).isEqualTo(inMemory.normaliser().location(j));
            assertThat(streamed.normaliser().scale(j)).isEqualTo(inMemory.normaliser().scale(j));
            assertThat(streamed.kernel().isInline(j)).isEqualTo(inMemory.kernel().isInline(j));
        }
        double[] a = streamed.grades(t);
        double[] b = inMemory.grades(t);
        for (int i = 0; i < a.length; i++) {
            assertThat(Double.doubleToRawLongBits(a[i])).as("grade %d", i).isEqualTo(Double.doubleToRawLongBits(b[i]));
        }
    }

    @Property(tries = 150, seed = "20261204")
    void blocksAddedInOrderFitLikeTheTable(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int n,
            @ForAll boolean initialValue) {
        // INITIAL_VALUE keeps a target inside the range, where Delta-min needs the table: no targets there
        IndicatorTable t = table(seed, n, !initialValue);
        GreyRelationalAnalysis gra = GreyRelationalAnalysis.withDefaults()
            .with(initialValue ? Normalisation.INITIAL_VALUE : Normalisation.MIN_MAX);
        Weights w = Weights.equal(t);
        GreyRelationalModel inMemory;
        try {
            inMemory = gra.fit(t, w);
        } catch (GreyException e) {
            // a zero first value under INITIAL_VALUE: the streamed fit must refuse it alike
            assertThatThrownBy(() -> gra.fit(IndicatorStatistics.of(t), w)).hasMessage(e.getMessage());
            return;
        }
        IndicatorStatistics added = IndicatorStatistics.empty(t.indicators());
        IndicatorStatistics merged = IndicatorStatistics.empty(t.indicators());
        for (IndicatorTable block : blocks(t, seed)) {
            added = added.add(block);
            merged = merged.merge(IndicatorStatistics.of(block));
        }
        assertThat(added.count()).isEqualTo(n);
        assertSameModel(gra.fit(added, w), inMemory, t);
        assertSameModel(gra.fit(merged, w), inMemory, t);
        // the evaluation of the calibration table keeps its grades, and the lazy coefficients sum to them
        GreyRelationalResult r = gra.evaluate(t, w);
        double[][] contributions = r.contributions();
        double[] grades = r.grades();
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (double c : contributions[i]) {
                sum += c;
            }
            assertThat(grades[i]).isEqualTo(Math.min(sum, 1.0));
        }
    }

    @Test
    void rankingIsStableAndDescendingOnLargeTables() {
        double[] g = new double[5000];
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < g.length; i++) {
            g[i] = rnd.nextInt(50) / 49.0 + (i % 97 == 0 ? -0.0 : 0.0);
        }
        g[10] = 0.0;
        g[11] = -0.0;
        int[] order = Ranking.descending(g);
        Integer[] expected = new Integer[g.length];
        for (int i = 0; i < g.length; i++) {
            expected[i] = i;
        }
        java.util.Arrays.sort(expected, (a, b) -> {
            int c = Double.compare(g[b], g[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int r = 0; r < g.length; r++) {
            assertThat(order[r]).isEqualTo(expected[r]);
        }
    }

    @Test
    void referenceValuesBeyondTheRangeStreamButInsideNeedTheTable() {
        IndicatorTable t = IndicatorTable.builder(Indicator.benefit("a"), Indicator.cost("b"))
            .row("x", 1, 5).row("y", 3, 2).row("z", 2, 9).build();
        IndicatorStatistics s = IndicatorStatistics.of(t);
        GreyRelationalAnalysis beyond = GreyRelationalAnalysis.withDefaults().with(Reference.values(4, 1));
        assertSameModel(beyond.fit(s), beyond.fit(t), t);
        GreyRelationalAnalysis inside = GreyRelationalAnalysis.withDefaults().with(Reference.values(2.5, 1));
        assertThatThrownBy(() -> inside.fit(s)).isInstanceOf(GreyException.class)
            .hasMessageContaining("indicator 'a'").hasMessageContaining("inside").hasMessageNotContaining("\n");
        GreyRelationalAnalysis customer = GreyRelationalAnalysis.withDefaults().with(Reference.customer("y"));
        assertThatThrownBy(() -> customer.fit(s)).isInstanceOf(GreyException.class)
            .hasMessageContaining("reference customer 'y'");
    }

    @Test
    void badStatisticsAreRejectedInOneLine() {
        IndicatorTable t = IndicatorTable.builder(Indicator.benefit("a"), Indicator.cost("b"))
            .row("x", 1, 5).row("y", 3, 2).build();
        IndicatorTable other = IndicatorTable.builder(Indicator.benefit("a"), Indicator.benefit("b"))
            .row("x", 1, 5).build();
        IndicatorStatistics s = IndicatorStatistics.of(t);
        GreyRelationalAnalysis gra = GreyRelationalAnalysis.withDefaults();
        assertThatThrownBy(() -> s.add(other)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("block has indicators").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> s.merge(IndicatorStatistics.of(other))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("cannot merge").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> gra.fit(IndicatorStatistics.empty(t.indicators())))
            .isInstanceOf(GreyException.class).hasMessageContaining("hold no customers");
        assertThatThrownBy(() -> gra.with(Normalisation.Z_SCORE).fit(s)).isInstanceOf(GreyException.class)
            .hasMessageContaining("Z_SCORE normalisation failed");
        assertThatThrownBy(() -> gra.fit(s, Weights.equal(List.of("a", "c")))).isInstanceOf(GreyException.class)
            .hasMessageContaining("weights do not match");
        assertThatThrownBy(() -> gra.fit((IndicatorStatistics) null)).isInstanceOf(GreyException.class);
        assertThatThrownBy(() -> IndicatorStatistics.empty(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndicatorStatistics.empty(List.of(Indicator.benefit("a"), Indicator.cost("a"))))
            .hasMessageContaining("'a' is repeated");
        // NaN never reaches the statistics: a table refuses it, naming the customer and the indicator
        assertThatThrownBy(() -> IndicatorTable.builder(Indicator.benefit("a")).row("x", Double.NaN).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
        assertThat(s.merge(IndicatorStatistics.empty(t.indicators()))).isSameAs(s);
        assertThat(s.firstRow()).containsExactly(1, 5);
        assertThat(s.firstId()).isEqualTo("x");
        assertThat(s.toString()).contains("2 rows");
    }
}
