package org.powercx.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

class MissingAnswersTest {
    private static final List<Indicator> INDS = List.of(Indicator.benefit("q1"), Indicator.benefit("q2"));
    private static final List<String> IDS = List.of("a", "b", "c", "d");
    private static final double[][] ROWS = {{1, 2}, {Double.NaN, 4}, {3, Double.NaN}, {5, 6}};

    @Test
    void meanReplacement() {
        MissingAnswers m = MissingAnswers.treat(INDS, IDS, ROWS, MissingTreatment.MEAN_REPLACEMENT);
        IndicatorTable t = m.table();
        assertThat(t.rowCount()).isEqualTo(4);
        assertThat(t.get("b", "q1")).isEqualTo(3.0);
        assertThat(t.get("c", "q2")).isEqualTo(4.0);
        assertThat(m.answersReplaced()).isEqualTo(2);
        assertThat(m.respondentsDeleted()).isZero();
        assertThat(m.respondentsRead()).isEqualTo(4);
        assertThat(m.missingPerIndicator()).containsExactly(1, 1);
        assertThat(ROWS[1][0]).isNaN();
    }

    @Test
    void casewiseDeletion() {
        MissingAnswers m = MissingAnswers.treat(INDS, IDS, ROWS, MissingTreatment.CASEWISE_DELETION);
        assertThat(m.table().ids()).containsExactly("a", "d");
        assertThat(m.respondentsDeleted()).isEqualTo(2);
        assertThat(m.answersReplaced()).isZero();
    }

    @Test
    void validation() {
        assertThatThrownBy(() -> MissingAnswers.treat(INDS, IDS, ROWS, null)).hasMessageContaining("null");
        assertThatThrownBy(() -> MissingAnswers.treat(INDS, IDS.subList(0, 3), ROWS, MissingTreatment.MEAN_REPLACEMENT))
            .hasMessageContaining("3 respondent ids but 4 rows");
        assertThatThrownBy(() -> MissingAnswers.treat(INDS, IDS, new double[][] {{1, 2}, {1}, {1, 2}, {1, 2}},
            MissingTreatment.MEAN_REPLACEMENT)).hasMessageContaining("respondent 'b' has 1 answers");
        assertThatThrownBy(() -> MissingAnswers.treat(INDS, IDS, new double[][] {{1, 2}, {1, 2},
            {Double.POSITIVE_INFINITY, 2}, {1, 2}}, MissingTreatment.MEAN_REPLACEMENT))
            .hasMessageContaining("respondent 'c', indicator 'q1'").hasMessageContaining("Infinity");
        double[][] empty = {{Double.NaN, 1}, {Double.NaN, 2}, {Double.NaN, 3}, {Double.NaN, 4}};
        assertThatThrownBy(() -> MissingAnswers.treat(INDS, IDS, empty, MissingTreatment.MEAN_REPLACEMENT))
            .hasMessageContaining("indicator 'q1' has no answers");
        double[][] all = {{Double.NaN, 1}, {1, Double.NaN}, {Double.NaN, 3}, {4, Double.NaN}};
        assertThatThrownBy(() -> MissingAnswers.treat(INDS, IDS, all, MissingTreatment.CASEWISE_DELETION))
            .hasMessageContaining("removed all 4 respondents");
        assertThatThrownBy(() -> MissingAnswers.treat(INDS, List.of("a", "a", "b", "c"), ROWS,
            MissingTreatment.MEAN_REPLACEMENT)).isInstanceOf(SatisfactionException.class)
            .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> new MissingAnswers(null, 1, 0, 0, new int[0])).hasMessageContaining("null");
        IndicatorTable t = MissingAnswers.treat(INDS, IDS, ROWS, MissingTreatment.MEAN_REPLACEMENT).table();
        assertThatThrownBy(() -> new MissingAnswers(t, -1, 0, 0, new int[0])).hasMessageContaining("-1 read");
    }
}
