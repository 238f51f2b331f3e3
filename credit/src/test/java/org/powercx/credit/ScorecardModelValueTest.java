package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.core.IndicatorTable;
import org.powercx.core.testing.ForkedJvm;

/**
 * A fitted scorecard is a value: rebuilt from its parameters, or read back from Java serialization in a fresh
 * JVM, it gives the same bits on every scoring path (scores, log-odds, probabilities, WoE, points).
 */
class ScorecardModelValueTest {
    private static final int ROWS = 100_000;

    /** Entry point of the forked JVM: {@code MODEL}; prints the digest of the scores. */
    public static final class Main {
        private Main() {
        }

        /**
         * Reads the scorecard, scores {@link #ROWS} deterministic rows and prints the digest.
         *
         * @param args the serialized file
         * @throws Exception if reading fails
         */
        public static void main(String[] args) throws Exception {
            ScorecardModel model = (ScorecardModel) ForkedJvm.read(Path.of(args[0]), Object.class);
            System.out.println(digest(model, rows(model, ROWS)));
        }
    }

    static ScorecardModel german() {
        return Scorecard.withDefaults().withRegression(LogisticRegression.withDefaults().withPenalty(0.5))
            .withScaling(PointsScaling.of(20, 600, 50)).fit(GermanCredit.table(), GermanCredit.labels());
    }

    static String digest(ScorecardModel model, IndicatorTable t) {
        return ForkedJvm.digest(model.scores(t), model.logits(t), model.defaultProbabilities(t));
    }

    /**
     * Deterministic rows over the German indicators: random values, every bin bound exactly and its neighbours
     * one ulp either side, zeros of both signs and large values.
     */
    static IndicatorTable rows(ScorecardModel model, int n) {
        IndicatorTable base = CreditModelValueTest.table(GermanCredit.table().indicators(), n);
        double[][] cols = new double[base.indicatorCount()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = base.column(j);
        }
        List<String> names = GermanCredit.table().indicatorNames();
        for (ScorecardModel.Bins b : model.parameters().card()) {
            double[] c = cols[names.indexOf(b.indicator())];
            double[] u = b.upperBounds();
            for (int k = 0; k < u.length; k++) {
                c[(10 + 3 * k) % n] = u[k];
                c[(11 + 3 * k) % n] = Math.nextDown(u[k]);
                c[(12 + 3 * k) % n] = Math.nextUp(u[k]);
            }
        }
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add("r" + i);
        }
        return IndicatorTable.ofColumns(GermanCredit.table().indicators(), ids, cols);
    }

    private static void assertBits(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(Double.doubleToRawLongBits(actual[i])).as("index %d", i)
                .isEqualTo(Double.doubleToRawLongBits(expected[i]));
        }
    }

    @Test
    void rebuiltScorecardGivesIdenticalBitsOnEveryPath() {
        ScorecardModel m = german();
        ScorecardModel r = ScorecardModel.of(m.parameters());
        assertThat(r.parameters()).isEqualTo(m.parameters());
        assertThat(r.parameters().hashCode()).isEqualTo(m.parameters().hashCode());
        assertThat(m.dropped()).isNotEmpty();
        assertThat(r.indicatorNames()).isEqualTo(m.indicatorNames());
        assertThat(r.rows()).isEqualTo(m.rows());
        assertThat(r.table()).isEqualTo(m.table());
        assertThat(r.toString()).isEqualTo(m.toString());
        assertThat(r.regression().toString()).isEqualTo(m.regression().toString());
        for (String name : m.indicatorNames()) {
            assertBits(r.points(name), m.points(name));
        }
        IndicatorTable t = rows(m, 5000);
        assertBits(r.scores(t), m.scores(t));
        assertBits(r.logits(t), m.logits(t));
        assertBits(r.defaultProbabilities(t), m.defaultProbabilities(t));
        double[][] wm = m.woe(t);
        double[][] wr = r.woe(t);
        for (int j = 0; j < wm.length; j++) {
            assertBits(wr[j], wm[j]);
        }
        double[][] cols = new double[m.indicatorNames().size()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = t.column(m.indicatorNames().get(j));
        }
        double[] a = new double[t.rowCount()];
        double[] b = new double[t.rowCount()];
        m.scores(cols, a);
        r.scores(cols, b);
        assertBits(b, a);
        for (int j = 0; j < m.dropped().size(); j++) {
            assertThat(r.dropped().get(j).toString()).isEqualTo(m.dropped().get(j).toString());
        }
    }

    @Test
    void javaSerializationRoundTripsInAFreshJvm(@TempDir Path dir) throws Exception {
        ScorecardModel m = german();
        ScorecardModel back = ForkedJvm.deserialize(ForkedJvm.serialize(m), ScorecardModel.class);
        assertThat(back.parameters()).isEqualTo(m.parameters());
        List<Path> files = ForkedJvm.writeAll(dir, m);
        assertThat(ForkedJvm.run(Main.class, files.get(0).toString())).isEqualTo(digest(m, rows(m, ROWS)));
    }

    @Test
    void theThreadCountIsNotSerialized() throws Exception {
        ScorecardModel m = german();
        ScorecardModel four = m.withThreads(4);
        byte[] one = ForkedJvm.serialize(m);
        assertThat(ForkedJvm.serialize(four)).isEqualTo(one);
        ScorecardModel back = ForkedJvm.deserialize(ForkedJvm.serialize(four), ScorecardModel.class);
        assertThat(back.threads()).isEqualTo(1);
        assertThat(back.parameters()).isEqualTo(four.parameters()).isEqualTo(m.parameters());
        assertThat(back.rows()).isEqualTo(m.rows());
        assertThat(back.toString()).isEqualTo(m.toString());
        IndicatorTable t = rows(m, 5000);
        assertThat(digest(back, t)).isEqualTo(digest(four, t)).isEqualTo(digest(m, t));
        assertBits(back.scores(t), four.scores(t));
    }

    @Test
    void invalidParametersAreRejectedNamingTheField() {
        ScorecardModel.Parameters p = german().parameters();
        ScorecardModel.Bins first = p.card().get(0);
        double[] coef = p.coefficients();
        coef[1] = Double.NaN;
        assertThatThrownBy(() -> new ScorecardModel.Parameters(p.card(), p.dropped(), p.intercept(), coef,
            p.penalty(), p.iterations(), p.passes(), p.pdo(), p.basePoints(), p.baseOdds()))
            .isInstanceOf(CreditException.class).hasMessageContaining("coefficients[1]")
            .hasMessageContaining(p.card().get(1).indicator());
        assertThatThrownBy(() -> new ScorecardModel.Parameters(p.card(), p.dropped(), p.intercept(),
            new double[1], p.penalty(), p.iterations(), p.passes(), p.pdo(), p.basePoints(), p.baseOdds()))
            .isInstanceOf(CreditException.class).hasMessageContaining("coefficients must hold");
        assertThatThrownBy(() -> new ScorecardModel.Parameters(p.card(), p.dropped(), p.intercept(),
            p.coefficients(), p.penalty(), p.iterations(), p.passes(), -20, p.basePoints(), p.baseOdds()))
            .isInstanceOf(CreditException.class).hasMessageContaining("points to double the odds");
        List<ScorecardModel.Bins> twice = new ArrayList<>(p.card());
        twice.add(first);
        assertThatThrownBy(() -> new ScorecardModel.Parameters(p.card(), twice, p.intercept(), p.coefficients(),
            p.penalty(), p.iterations(), p.passes(), p.pdo(), p.basePoints(), p.baseOdds()))
            .isInstanceOf(CreditException.class).hasMessageContaining("'" + first.indicator() + "' is repeated");
        double[] u = first.upperBounds();
        if (u.length > 1) {
            u[1] = u[0];
        }
        assertThatThrownBy(() -> new ScorecardModel.Bins(first.indicator(), u.length > 1 ? u
            : new double[] {Double.NaN}, first.goods(), first.defaults())).isInstanceOf(CreditException.class)
            .hasMessageContaining(first.indicator());
        long[] goods = first.goods();
        goods[0] = 0;
        assertThatThrownBy(() -> new ScorecardModel.Bins(first.indicator(), first.upperBounds(), goods,
            first.defaults())).isInstanceOf(CreditException.class).hasMessageContaining("bin 0");
        assertThatThrownBy(() -> new ScorecardModel.Bins(" ", first.upperBounds(), first.goods(),
            first.defaults())).isInstanceOf(CreditException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> ScorecardModel.of(null)).isInstanceOf(CreditException.class);
        // components are copied in and out
        first.upperBounds()[0] = 1e300;
        assertThat(first.upperBounds()[0]).isNotEqualTo(1e300);
    }
}
