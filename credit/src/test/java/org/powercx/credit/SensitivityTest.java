package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TestJson;

class SensitivityTest {
    private static final int[] LABELS = GermanCredit.labels();
    private static IndicatorTable table;
    private static DiscriminantModel model;
    private static JsonNode ref;

    @BeforeAll
    static void load() {
        table = GermanCredit.table();
        model = GermanCredit.model();
        ref = GermanCredit.reference();
    }

    @Test
    void oneStandardDeviationMovesTheScoreByTheStandardisedCoefficient() {
        SensitivityResult r = SensitivityAnalysis.of(model).population(table);
        double[] std = TestJson.vector(ref, "fisher_explicit", "standardized_coefficients_a_times_within_sd");
        for (int j = 0; j < 24; j++) {
            assertThat(r.scoreUp()[j]).isCloseTo(std[j], within(1e-8 * Math.abs(std[j])));
            assertThat(r.scoreDown()[j]).isCloseTo(-std[j], within(1e-8 * Math.abs(std[j])));
        }
        // the README's largest standardized coefficients are attributes 1, 2, 3 and 18
        int[] tornado = r.tornado();
        assertThat(List.of(r.indicators().get(tornado[0]), r.indicators().get(tornado[1]),
            r.indicators().get(tornado[2]), r.indicators().get(tornado[3]))).containsExactly("a1", "a2", "a3", "a18");
        assertThat(r.baseProbability()).isCloseTo(0.3, within(0.02));
        assertThat(r.gradeChangeShare()[0]).isNaN();
        assertThat(r.toString()).contains("a1", "dP up", "base default probability");
    }

    @Test
    void customerMovesByHand() {
        double[] row = table.row(3);
        double z = model.decisionValue(row);
        double[] a = model.coefficients()[0];
        CreditGrades grades = CreditGrades.ofCutoffs(-2, -1, 0, 1);
        SensitivityResult abs = SensitivityAnalysis.of(model).withShift(SensitivityAnalysis.Shift.ABSOLUTE, 2)
            .withGrades(grades).customer(row);
        SensitivityResult rel = SensitivityAnalysis.of(model).withShift(SensitivityAnalysis.Shift.RELATIVE, 0.1)
            .customer(row);
        for (int j = 0; j < 24; j++) {
            assertThat(abs.scoreUp()[j]).isCloseTo(2 * a[j], within(1e-14));
            double up = DiscriminantModel.logistic(z + 2 * a[j]) - DiscriminantModel.logistic(z);
            assertThat(abs.probabilityUp()[j]).isCloseTo(up, within(1e-15));
            double[] moved = row.clone();
            moved[j] -= 2;
            assertThat(abs.probabilityDown()[j]).isCloseTo(model.defaultProbability(moved)
                - model.defaultProbability(row), within(1e-14));
            boolean changes = grades.grade(z + 2 * a[j]) != grades.grade(z) || grades.grade(z - 2 * a[j])
                != grades.grade(z);
            assertThat(abs.gradeChangeShare()[j]).isEqualTo(changes ? 1.0 : 0.0);
            assertThat(rel.scoreUp()[j]).isCloseTo(0.1 * Math.abs(row[j]) * a[j], within(1e-14));
        }
        assertThat(abs.baseScore()).isCloseTo(z, within(1e-14));
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> SensitivityAnalysis.of(null)).hasMessageContaining("model is null");
        int[] iris = new int[150];
        DiscriminantModel three = LinearDiscriminant.withDefaults().fit(Reference.iris(iris), iris);
        assertThatThrownBy(() -> SensitivityAnalysis.of(three)).hasMessageContaining("sensitivity analysis needs");
        SensitivityAnalysis s = SensitivityAnalysis.of(model);
        assertThatThrownBy(() -> s.withShift(SensitivityAnalysis.Shift.ABSOLUTE, 0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> s.withShift(null, 1)).hasMessageContaining("kind");
        assertThatThrownBy(() -> s.withGrades(null)).hasMessageContaining("grade scale is null");
        assertThatThrownBy(() -> s.customer(new double[3])).hasMessageContaining("needs 24 values");
        assertThatThrownBy(() -> s.population(table.filter(i -> false))).hasMessageContaining("no customers");
        assertThatThrownBy(() -> new SensitivityResult(List.of("x"), 0, 0, new double[1], new double[1],
            new double[1], new double[1], new double[2])).hasMessageContaining("one value per indicator");
    }
}
