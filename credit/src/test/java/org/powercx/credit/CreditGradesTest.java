package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.powercx.core.TestJson;

class CreditGradesTest {

    @Test
    void decileCutoffsMatchNumpyLinearQuantilesOfGermanScores() {
        Map<String, double[]> scores = GermanCredit.scores();
        double[] z = scores.get("fisher_z");
        List<String> ten = List.of("D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "D9", "D10");
        CreditGrades deciles = CreditGrades.byQuantiles(ten, z, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9);
        double[] expected = TestJson.vector(GermanCredit.reference(), "fisher_explicit",
            "score_deciles_numpy_linear");
        double[] cut = deciles.cutoffs();
        for (int g = 0; g < 9; g++) {
            assertThat(cut[g]).isCloseTo(expected[g], within(1e-12));
        }
        double[] y = scores.get("y_bad");
        int[] outcomes = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            outcomes[i] = (int) y[i];
        }
        GradeReport report = deciles.report(z, outcomes);
        assertThat(report.counts()).containsOnly(100L);
        long total = 0;
        for (long d : report.defaults()) {
            total += d;
        }
        assertThat(total).isEqualTo(300);
        CreditGrades five = CreditGrades.byQuantiles(z);
        GradeReport r5 = five.report(z, outcomes);
        assertThat(r5.counts()).containsExactly(200, 200, 200, 200, 200);
        assertThat(r5.isMonotone()).isTrue();
        assertThat(r5.toString()).contains("AAA", "default rate", "monotone");
    }

    @Test
    void cutoffRuleAndNames() {
        CreditGrades g = CreditGrades.ofCutoffs(-2, -1, 0, 1);
        assertThat(g.name(-5)).isEqualTo("AAA");
        assertThat(g.name(-2)).isEqualTo("AAA");
        assertThat(g.name(-1.5)).isEqualTo("AA");
        assertThat(g.name(0.5)).isEqualTo("B");
        assertThat(g.name(7)).isEqualTo("C");
        assertThat(g.grades(new double[] {-3, 0, 3})).containsExactly(0, 2, 4);
        assertThat(g.names()).isEqualTo(CreditGrades.DEFAULT_NAMES);
        assertThat(g.toString()).contains("AAA <= -2 <", "C");
        CreditGrades custom = CreditGrades.ofCutoffs(List.of("low", "high"), 0.5);
        assertThat(custom.name(0.7)).isEqualTo("high");
    }

    @Test
    void targetDefaultRatesByHand() {
        // sorted scores 1..10; defaults at 3, 6, 8, 9, 10
        double[] s = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        int[] y = {0, 0, 1, 0, 0, 1, 0, 1, 1, 1};
        // grade "low", target 0.25: prefix rates 0,0,1/3,1/4,1/5,2/6,2/7,3/8,4/9,5/10 -> longest <= .25 ends at 5
        // grade "mid", target 0.5 on 6..10: 1/1, 1/2, 2/3, 3/4, 4/5 -> ends at 7
        CreditGrades g = CreditGrades.byTargetDefaultRates(List.of("low", "mid", "high"), s, y, 0.25, 0.5);
        assertThat(g.cutoffs()).containsExactly(5, 7);
        GradeReport r = g.report(s, y);
        assertThat(r.counts()).containsExactly(5, 2, 3);
        assertThat(r.defaultRates()).containsExactly(0.2, 0.5, 1.0);
        assertThat(r.isMonotone()).isTrue();
        // a first grade that nothing fits stays empty
        CreditGrades empty = CreditGrades.byTargetDefaultRates(List.of("a", "b"), new double[] {1, 2},
            new int[] {1, 0}, 0.0);
        assertThat(empty.report(new double[] {1, 2}, new int[] {1, 0}).counts()).containsExactly(0, 2);
        assertThat(empty.report(new double[] {1, 2}, new int[] {1, 0}).defaultRates()[0]).isNaN();
        // ties stay together: the good customer at score 2 cannot join "a" without its defaulted twin
        CreditGrades tied = CreditGrades.byTargetDefaultRates(List.of("a", "b"), new double[] {1, 2, 2},
            new int[] {0, 1, 0}, 0.3);
        assertThat(tied.cutoffs()).containsExactly(1.0);
        CreditGrades five = CreditGrades.byTargetDefaultRates(s, y, 0.0, 0.2, 0.3, 0.5);
        assertThat(five.names()).hasSize(5);
    }

    @Test
    void nonMonotoneReport() {
        GradeReport r = new GradeReport(List.of("a", "b"), new long[] {2, 2}, new long[] {2, 1});
        assertThat(r.isMonotone()).isFalse();
        assertThat(r.toString()).contains("NOT monotone");
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> CreditGrades.ofCutoffs(1, 2, 3)).isInstanceOf(CreditException.class)
            .hasMessageContaining("5 grades need 4 cut-offs, got 3");
        assertThatThrownBy(() -> CreditGrades.ofCutoffs(1, 2, 3, Double.NaN)).hasMessageContaining("cut-off 3 (B)");
        assertThatThrownBy(() -> CreditGrades.ofCutoffs(1, 2, 1, 3)).hasMessageContaining("must not decrease");
        assertThatThrownBy(() -> CreditGrades.ofCutoffs(List.of("a", "a"), 1)).hasMessageContaining("'a'");
        assertThatThrownBy(() -> CreditGrades.ofCutoffs(List.of("a"))).hasMessageContaining("at least two");
        assertThatThrownBy(() -> CreditGrades.byQuantiles(new double[0])).hasMessageContaining("no scores");
        assertThatThrownBy(() -> CreditGrades.byQuantiles(new double[] {1, Double.NaN}))
            .hasMessageContaining("score 1 is not finite");
        assertThatThrownBy(() -> CreditGrades.byQuantiles(List.of("a", "b"), new double[] {1}, 1.5))
            .hasMessageContaining("quantile probability 0");
        assertThatThrownBy(() -> CreditGrades.byQuantiles(List.of("a", "b"), new double[] {1}, (double[]) null))
            .hasMessageContaining("no quantile");
        assertThatThrownBy(() -> CreditGrades.byTargetDefaultRates(new double[] {1}, new int[] {0}, 0.1))
            .hasMessageContaining("5 grades need 4 target");
        assertThatThrownBy(() -> CreditGrades.byTargetDefaultRates(List.of("a", "b"), new double[] {1},
            new int[] {0}, 2.0)).hasMessageContaining("target default rate of a");
        CreditGrades g = CreditGrades.ofCutoffs(0, 1, 2, 3);
        assertThatThrownBy(() -> g.grade(Double.NaN)).hasMessageContaining("not finite");
        assertThatThrownBy(() -> g.grades(new double[] {0, Double.NEGATIVE_INFINITY}))
            .hasMessageContaining("score 1");
        assertThatThrownBy(() -> g.grades(null)).hasMessageContaining("no scores");
        assertThatThrownBy(() -> g.report(new double[] {1}, new int[] {3})).hasMessageContaining("outcome 0 is 3");
        assertThatThrownBy(() -> new GradeReport(List.of("a"), new long[] {1}, new long[] {2}))
            .hasMessageContaining("grade a: 2 defaults among 1");
        assertThatThrownBy(() -> new GradeReport(List.of("a"), new long[] {1, 2}, new long[] {2}))
            .hasMessageContaining("one count");
    }
}
