package org.powercx.credit;

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
import org.powercx.core.IndicatorTable;

/**
 * A linear discriminant fitted from mergeable statistics equals the in-memory fit bit for bit, whatever the
 * split of the rows into blocks added in order or parts merged in order.
 */
class DiscriminantStatisticsTest {

    record Data(IndicatorTable table, int[] labels) {
    }

    /** Classes with shifted means; indicators at scales from 1e-2 to 1e5 with a large common offset. */
    static Data data(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int p = 1 + rnd.nextInt(5);
        int k = 2 + rnd.nextInt(3);
        List<Indicator> inds = new ArrayList<>();
        double[][] cols = new double[p][n];
        int[] labels = new int[n];
        double[] scale = new double[p];
        double[] offset = new double[p];
        for (int j = 0; j < p; j++) {
            inds.add(Indicator.benefit("x" + j));
            scale[j] = Math.pow(10, rnd.nextInt(-2, 6));
            offset[j] = rnd.nextDouble(-1e3, 1e3) * scale[j];
        }
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            // the first rows visit every class twice so that each has at least two customers
            labels[i] = 3 * (i < 2 * k ? i % k : rnd.nextInt(k)) - 1;
            for (int j = 0; j < p; j++) {
                cols[j][i] = offset[j] + scale[j] * (rnd.nextGaussian() + 0.7 * labels[i] * (j + 1) / p);
            }
            ids.add("c" + i);
        }
        return new Data(IndicatorTable.ofColumns(inds, ids, cols), labels);
    }

    static int[] cuts(SplittableRandom rnd, int n) {
        List<Integer> cuts = new ArrayList<>();
        cuts.add(0);
        int at = 0;
        while (at < n) {
            int step = rnd.nextInt(4) == 0 ? DiscriminantStatistics.CHUNK : 1 + rnd.nextInt(Math.max(1, n / 3));
            at = Math.min(n, at + step);
            cuts.add(at);
        }
        return cuts.stream().mapToInt(Integer::intValue).toArray();
    }

    static void assertSame(DiscriminantModel a, DiscriminantModel b) {
        assertThat(a.classes()).containsExactly(b.classes());
        assertThat(a.classCounts()).containsExactly(b.classCounts());
        assertThat(a.priors()).containsExactly(b.priors());
        assertThat(a.classMeans()).isDeepEqualTo(b.classMeans());
        assertThat(a.pooledCovariance()).isDeepEqualTo(b.pooledCovariance());
        assertThat(a.coefficients()).isDeepEqualTo(b.coefficients());
        assertThat(a.intercepts()).containsExactly(b.intercepts());
        assertThat(a.scalings()).isDeepEqualTo(b.scalings());
        assertThat(a.eigenvalues()).containsExactly(b.eigenvalues());
        assertThat(a.overallMean()).containsExactly(b.overallMean());
    }

    @Property(tries = 12, seed = "20261204")
    void blocksAndPartsFitLikeTheTable(@ForAll long seed, @ForAll @IntRange(min = 10, max = 160_000) int n) {
        Data d = data(seed, n);
        LinearDiscriminant lda = LinearDiscriminant.withDefaults().withThreads(2);
        DiscriminantModel inMemory = lda.fit(d.table(), d.labels());
        SplittableRandom rnd = new SplittableRandom(seed + 1);
        int[] cuts = cuts(rnd, n);
        DiscriminantStatistics added = DiscriminantStatistics.empty(d.table().indicators());
        DiscriminantStatistics merged = DiscriminantStatistics.empty(d.table().indicators());
        for (int c = 0; c + 1 < cuts.length; c++) {
            IndicatorTable block = d.table().rows(cuts[c], cuts[c + 1]);
            int[] labels = java.util.Arrays.copyOfRange(d.labels(), cuts[c], cuts[c + 1]);
            added = added.add(block, labels);
            merged = merged.merge(DiscriminantStatistics.startingAt(d.table().indicators(), cuts[c])
                .add(block, labels));
        }
        assertThat(added.count()).isEqualTo(n);
        assertThat(merged.count()).isEqualTo(n);
        assertSame(lda.fit(added), inMemory);
        assertSame(lda.fit(merged), inMemory);
        LinearDiscriminant shrunk = LinearDiscriminant.withDefaults().withShrinkage(Shrinkage.fixed(0.2));
        assertSame(shrunk.fit(merged), shrunk.fit(d.table(), d.labels()));
    }

    @Test
    void badInputIsNamedInOneLine() {
        Data d = data(3, 50);
        List<Indicator> inds = d.table().indicators();
        DiscriminantStatistics s = DiscriminantStatistics.of(d.table(), d.labels());
        LinearDiscriminant lda = LinearDiscriminant.withDefaults();
        assertThatThrownBy(() -> lda.fit(DiscriminantStatistics.empty(inds))).isInstanceOf(CreditException.class)
            .hasMessage("no rows to fit");
        assertThatThrownBy(() -> s.add(d.table(), new int[3])).hasMessageContaining("3 labels for 50 rows");
        IndicatorTable other = IndicatorTable.builder(Indicator.cost("z")).row("a", 1).build();
        assertThatThrownBy(() -> s.add(other, new int[1])).isInstanceOf(CreditException.class)
            .hasMessageContaining("block has indicators").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> s.merge(DiscriminantStatistics.of(other, new int[1])))
            .hasMessageContaining("cannot merge");
        // parts must be adjacent
        DiscriminantStatistics gap = DiscriminantStatistics.startingAt(inds, 60)
            .add(d.table().rows(0, 5), new int[5]);
        assertThatThrownBy(() -> s.merge(gap)).isInstanceOf(CreditException.class)
            .hasMessageContaining("rows [60, 65) cannot follow rows [0, 50)");
        DiscriminantStatistics later = DiscriminantStatistics.startingAt(inds, 50)
            .add(d.table().rows(0, 5), new int[5]);
        assertThatThrownBy(() -> lda.fit(later)).hasMessageContaining("start at row 50");
        assertThatThrownBy(() -> DiscriminantStatistics.startingAt(inds, -1))
            .isInstanceOf(CreditException.class).hasMessage("first row must be at least 0 but was -1");
        assertThatThrownBy(() -> LinearDiscriminant.withDefaults().withShrinkage(Shrinkage.ledoitWolf()).fit(s))
            .hasMessageContaining("Ledoit-Wolf");
        assertThatThrownBy(() -> lda.fit(DiscriminantStatistics.of(d.table().rows(0, 3), new int[] {1, 1, 1})))
            .hasMessageContaining("only one class");
        assertThatThrownBy(() -> DiscriminantStatistics.empty(List.of())).hasMessage("no indicators");
        assertThat(s.toString()).contains("rows 0 to 50");
    }

    @Test
    void anIndicatorConstantWithinClassesIsNamedAsInMemory() {
        IndicatorTable t = IndicatorTable.builder(Indicator.benefit("a"), Indicator.benefit("flag"))
            .row("p", 1, 0).row("q", 2, 0).row("r", 3, 1).row("s", 5, 1).build();
        int[] labels = {0, 0, 1, 1};
        LinearDiscriminant lda = LinearDiscriminant.withDefaults();
        String expected = org.assertj.core.api.Assertions.catchThrowable(() -> lda.fit(t, labels)).getMessage();
        assertThat(expected).contains("'flag' is constant within every class");
        assertThatThrownBy(() -> lda.fit(DiscriminantStatistics.of(t, labels))).hasMessage(expected);
    }
}
