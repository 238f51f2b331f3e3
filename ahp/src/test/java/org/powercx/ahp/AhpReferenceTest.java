package org.powercx.ahp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.powercx.core.TestJson;

/**
 * Single matrices of the reference set (AHP-01 Saaty drinks via AHPy, AHP-08 R ahp consistent 3x3, the 11
 * matrices of AHP-03) at the tolerances of refdata/README.md.
 */
class AhpReferenceTest {
    private static final Map<String, RandomIndex> TABLES = Map.of(
        "saaty2005_ahpy", RandomIndex.SAATY_2005,
        "saaty1980_pydecision", RandomIndex.SAATY_1980,
        "donegan_dodd_ahpy", RandomIndex.DONEGAN_DODD,
        "alonso_lamata_r_ahp", RandomIndex.ALONSO_LAMATA,
        "ahpsurvey_sim", RandomIndex.AHPSURVEY_SIMULATED);

    /** Checks all three methods and all five RI tables of one expected block. */
    private static void checkAll(List<String> names, double[][] m, JsonNode expected, double tol) {
        PairwiseMatrix matrix = PairwiseMatrix.of(names, m);
        JsonNode eig = TestJson.at(expected, "eigenvector");
        for (Map.Entry<String, RandomIndex> t : TABLES.entrySet()) {
            AhpResult r = Ahp.withDefaults().with(t.getValue()).evaluate(matrix);
            assertThat(r.weights().values()).containsExactly(TestJson.vector(eig, "weights"), within(tol));
            assertThat(r.weights().names()).isEqualTo(names);
            assertThat(r.lambdaMax()).isCloseTo(TestJson.number(eig, "lambda_max"), within(tol));
            assertThat(r.consistencyIndex()).isCloseTo(Math.max(0, TestJson.number(eig, "ci")), within(tol));
            assertThat(r.consistencyRatio()).as(t.getKey())
                .isCloseTo(Math.max(0, TestJson.number(eig, "cr", t.getKey())), within(tol));
        }
        for (String key : List.of("geometric_mean", "column_normalized_mean")) {
            PriorityMethod pm = key.equals("geometric_mean") ? PriorityMethod.GEOMETRIC_MEAN
                : PriorityMethod.COLUMN_MEAN;
            AhpResult r = Ahp.withDefaults().with(pm).evaluate(matrix);
            JsonNode e = TestJson.at(expected, key);
            assertThat(r.weights().values()).as(key).containsExactly(TestJson.vector(e, "weights"), within(tol));
            assertThat(r.lambdaMax()).isCloseTo(TestJson.number(e, "lambda_max_estimate"), within(tol));
            assertThat(r.method()).isEqualTo(pm);
        }
    }

    @Test
    void saatyDrinksAllMethodsAndTables() {
        JsonNode f = RefData.json("ahp01_saaty_drinks_7x7.json");
        List<String> names = RefData.elements(f);
        double[][] m = RefData.fractions(f, "matrix_str");
        checkAll(names, m, TestJson.at(f, "expected"), 1e-9);
    }

    @Test
    void saatyDrinksAgainstPublishedRoundedValues() {
        JsonNode f = RefData.json("ahp01_saaty_drinks_7x7.json");
        List<String> names = RefData.elements(f);
        PairwiseMatrix matrix = PairwiseMatrix.of(names, RefData.fractions(f, "matrix_str"));
        JsonNode published = TestJson.at(f, "published");
        // AHPy precision 3, random_index 'saaty' (Saaty 2005)
        AhpResult saaty = Ahp.withDefaults().with(RandomIndex.SAATY_2005).evaluate(matrix);
        assertThat(saaty.weights().values())
            .containsExactly(TestJson.inOrder(TestJson.at(published.get(2), "weights"), names), within(5e-4));
        assertThat(saaty.consistencyRatio()).isCloseTo(TestJson.number(published.get(2), "cr"), within(5e-4));
        // AHPy precision 4, random_index 'dd'
        AhpResult dd = Ahp.withDefaults().with(RandomIndex.DONEGAN_DODD).evaluate(matrix);
        assertThat(dd.weights().values())
            .containsExactly(TestJson.inOrder(TestJson.at(published.get(3), "weights"), names), within(5e-5));
        assertThat(dd.consistencyRatio()).isCloseTo(TestJson.number(published.get(3), "cr"), within(5e-5));
        assertThat(dd.isAcceptable()).isTrue();
    }

    @Test
    void consistentThreeByThreeGivesExactWeightsForEveryMethod() {
        JsonNode f = RefData.json("ahp08_r_ahp_consistent_3x3.json");
        List<String> names = RefData.elements(f);
        PairwiseMatrix matrix = PairwiseMatrix.of(names, RefData.fractions(f, "matrix_str"));
        for (PriorityMethod pm : PriorityMethod.values()) {
            AhpResult r = Ahp.withDefaults().with(pm).evaluate(matrix);
            assertThat(r.weights().values()).containsExactly(new double[] {2.0 / 3, 1.0 / 9, 2.0 / 9}, within(1e-12));
            assertThat(r.lambdaMax()).isCloseTo(3.0, within(1e-10));
            assertThat(r.consistencyIndex()).isCloseTo(0.0, within(1e-10));
            assertThat(r.consistencyRatio()).isBetween(0.0, 1e-10);
            assertThat(r.geometricConsistencyIndex()).isBetween(0.0, 1e-20);
        }
    }

    @Test
    void carHierarchyEveryMatrix() {
        JsonNode f = RefData.json("ahp03_car_hierarchy.json");
        JsonNode nodes = TestJson.at(f, "nodes");
        assertThat(nodes).hasSize(11);
        for (JsonNode node : nodes) {
            checkAll(RefData.elements(node), RefData.fractions(node, "matrix_str"),
                TestJson.at(node, "expected"), 1e-8);
        }
    }
}
