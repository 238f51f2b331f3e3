package org.powercx.grey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TestJson;
import org.powercx.core.Weights;

/**
 * GRA-01 (refdata/gra01_supplier_selection_textbook.json): Si Shoukui &amp; Sun Xijing, "Mathematical
 * Modeling Algorithms and Applications", ch. 14 supplier-selection example; expected values recomputed with an
 * independent numpy implementation, published 6-dp table from a notebook reproducing the example.
 */
class GreyRelationalReferenceTest {
    private static final JsonNode DATA =
        TestJson.resource(GreyRelationalReferenceTest.class, "refdata/gra01_supplier_selection_textbook.json");

    static IndicatorTable table() {
        List<String> names = TestJson.strings(DATA, "indicators");
        List<String> types = TestJson.strings(DATA, "indicator_types");
        List<Indicator> indicators = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            indicators.add("cost".equals(types.get(j)) ? Indicator.cost(names.get(j)) : Indicator.benefit(names.get(j)));
        }
        return IndicatorTable.ofRows(indicators, TestJson.strings(DATA, "alternatives"), TestJson.matrix(DATA, "data"));
    }

    private static void assertMatrix(double[][] actual, double[][] expected, double tol) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(actual[i][j]).as("[%d][%d]", i, j).isCloseTo(expected[i][j], within(tol));
            }
        }
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    @Test
    void equalWeightsMatchExpectedAt1e12() {
        GreyRelationalResult r = GreyRelationalAnalysis.withDefaults().evaluate(table());
        JsonNode exp = TestJson.at(DATA, "expected");
        assertMatrix(r.normalised(), TestJson.matrix(exp, "normalised"), 1e-12);
        assertMatrix(r.coefficients(), TestJson.matrix(exp, "coefficients"), 1e-12);
        assertThat(r.deltaMin()).isCloseTo(TestJson.number(exp, "delta_min"), within(1e-12));
        assertThat(r.deltaMax()).isCloseTo(TestJson.number(exp, "delta_max"), within(1e-12));
        for (String id : r.ids()) {
            assertThat(r.grade(id)).as(id).isCloseTo(TestJson.number(exp, "grades", id), within(1e-12));
        }
        assertThat(r.ranking()).isEqualTo(TestJson.strings(exp, "ranking_best_first"));
        assertThat(r.rank("S4")).isEqualTo(1);
        assertThat(r.rank("S1")).isEqualTo(6);
        assertThat(r.reference()).containsOnly(1.0);
    }

    @Test
    void matchesPublishedSixDigitTables() {
        GreyRelationalResult r = GreyRelationalAnalysis.withDefaults().evaluate(table());
        JsonNode pub = TestJson.at(DATA, "published");
        assertMatrix(transpose(r.normalised()), TestJson.matrix(pub, "normalised_6dp_indicator_rows"), 5e-7);
        assertMatrix(transpose(r.coefficients()), TestJson.matrix(pub, "coefficients_6dp_indicator_rows"), 5e-7);
        for (String id : r.ids()) {
            assertThat(r.grade(id)).as(id).isCloseTo(TestJson.number(pub, "grades_6dp", id), within(5e-7));
        }
        // pyDecision / RMCDA divide the weighted sum by the number of alternatives
        for (String id : r.ids()) {
            assertThat(r.grade(id) / r.rowCount())
                .isCloseTo(TestJson.number(DATA, "pydecision_convention", "grades", id), within(1e-12));
        }
    }

    @Test
    void weightedVariantMatchesAt1e12() {
        IndicatorTable t = table();
        JsonNode exp = TestJson.at(DATA, "expected_weighted_variant_derived");
        Weights w = Weights.of(t.indicatorNames(), TestJson.vector(exp, "weights"));
        GreyRelationalResult r = GreyRelationalAnalysis.withDefaults().evaluate(t, w);
        for (String id : r.ids()) {
            assertThat(r.grade(id)).as(id).isCloseTo(TestJson.number(exp, "grades", id), within(1e-12));
        }
        assertThat(r.ranking()).isEqualTo(TestJson.strings(exp, "ranking_best_first"));
        // contributions are w_k * xi and add up to the grade
        double[][] c = r.contributions();
        double[][] xi = r.coefficients();
        double[] wv = r.weights();
        for (int i = 0; i < c.length; i++) {
            double sum = 0;
            for (int k = 0; k < wv.length; k++) {
                assertThat(c[i][k]).isEqualTo(wv[k] * xi[i][k]);
                sum += c[i][k];
            }
            assertThat(sum).isEqualTo(r.grades()[i]);
        }
        assertThat(r.contribution("S3", "quality")).isCloseTo(0.2, within(1e-15));
        assertThat(r.coefficient("S1", "price")).isCloseTo(0.404580152672, within(1e-12));
    }

    @Test
    void fittedModelReproducesBatchExactly() {
        IndicatorTable t = table();
        Weights w = Weights.of(t.indicatorNames(),
            TestJson.vector(DATA, "expected_weighted_variant_derived", "weights"));
        GreyRelationalResult batch = GreyRelationalAnalysis.withDefaults().evaluate(t, w);
        GreyRelationalModel model = GreyRelationalAnalysis.withDefaults().fit(t, w);
        GreyRelationalResult scored = model.evaluate(t);
        assertThat(scored.grades()).isEqualTo(batch.grades());
        assertThat(scored.coefficients()).isDeepEqualTo(batch.coefficients());
        assertThat(model.grades(t)).isEqualTo(batch.grades());
        for (int i = 0; i < t.rowCount(); i++) {
            assertThat(model.grade(t.row(i))).isEqualTo(batch.grades()[i]);
        }
        assertThat(model.deltaMin()).isEqualTo(batch.deltaMin());
        assertThat(model.deltaMax()).isEqualTo(batch.deltaMax());
    }
}
