package org.powercx.ahp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    private static void checkAll(List<String> names, double[][] m, Map<String, Object> expected, double tol) {
        PairwiseMatrix matrix = PairwiseMatrix.of(names, m);
        Map<String, Object> eig = RefData.map(expected, "eigenvector");
        for (Map.Entry<String, RandomIndex> t : TABLES.entrySet()) {
            AhpResult r = Ahp.withDefaults().with(t.getValue()).evaluate(matrix);
            assertThat(r.weights().values()).containsExactly(RefData.doubles(eig.get("weights")), within(tol));
            assertThat(r.weights().names()).isEqualTo(names);
            assertThat(r.lambdaMax()).isCloseTo(RefData.num(eig, "lambda_max"), within(tol));
            assertThat(r.consistencyIndex()).isCloseTo(Math.max(0, RefData.num(eig, "ci")), within(tol));
            assertThat(r.consistencyRatio()).as(t.getKey())
                .isCloseTo(Math.max(0, RefData.num(eig, "cr", t.getKey())), within(tol));
        }
        for (String key : List.of("geometric_mean", "column_normalized_mean")) {
            PriorityMethod pm = key.equals("geometric_mean") ? PriorityMethod.GEOMETRIC_MEAN
                : PriorityMethod.COLUMN_MEAN;
            AhpResult r = Ahp.withDefaults().with(pm).evaluate(matrix);
            Map<String, Object> e = RefData.map(expected, key);
            assertThat(r.weights().values()).as(key).containsExactly(RefData.doubles(e.get("weights")), within(tol));
            assertThat(r.lambdaMax()).isCloseTo(RefData.num(e, "lambda_max_estimate"), within(tol));
            assertThat(r.method()).isEqualTo(pm);
        }
    }

    @Test
    void saatyDrinksAllMethodsAndTables() {
        Map<String, Object> f = RefData.json("ahp01_saaty_drinks_7x7.json");
        List<String> names = RefData.strings(f.get("elements"));
        double[][] m = RefData.fractions(f.get("matrix_str"));
        checkAll(names, m, RefData.map(f, "expected"), 1e-9);
    }

    @Test
    void saatyDrinksAgainstPublishedRoundedValues() {
        Map<String, Object> f = RefData.json("ahp01_saaty_drinks_7x7.json");
        List<String> names = RefData.strings(f.get("elements"));
        PairwiseMatrix matrix = PairwiseMatrix.of(names, RefData.fractions(f.get("matrix_str")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> published = (List<Map<String, Object>>) f.get("published");
        // AHPy precision 3, random_index 'saaty' (Saaty 2005)
        AhpResult saaty = Ahp.withDefaults().with(RandomIndex.SAATY_2005).evaluate(matrix);
        assertThat(saaty.weights().values())
            .containsExactly(RefData.inOrder(RefData.map(published.get(2), "weights"), names), within(5e-4));
        assertThat(saaty.consistencyRatio()).isCloseTo(RefData.num(published.get(2), "cr"), within(5e-4));
        // AHPy precision 4, random_index 'dd'
        AhpResult dd = Ahp.withDefaults().with(RandomIndex.DONEGAN_DODD).evaluate(matrix);
        assertThat(dd.weights().values())
            .containsExactly(RefData.inOrder(RefData.map(published.get(3), "weights"), names), within(5e-5));
        assertThat(dd.consistencyRatio()).isCloseTo(RefData.num(published.get(3), "cr"), within(5e-5));
        assertThat(dd.isAcceptable()).isTrue();
    }

    @Test
    void consistentThreeByThreeGivesExactWeightsForEveryMethod() {
        Map<String, Object> f = RefData.json("ahp08_r_ahp_consistent_3x3.json");
        List<String> names = RefData.strings(f.get("elements"));
        PairwiseMatrix matrix = PairwiseMatrix.of(names, RefData.fractions(f.get("matrix_str")));
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
        Map<String, Object> f = RefData.json("ahp03_car_hierarchy.json");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) f.get("nodes");
        assertThat(nodes).hasSize(11);
        for (Map<String, Object> node : nodes) {
            checkAll(RefData.strings(node.get("elements")), RefData.fractions(node.get("matrix_str")),
                RefData.map(node, "expected"), 1e-8);
        }
    }
}
