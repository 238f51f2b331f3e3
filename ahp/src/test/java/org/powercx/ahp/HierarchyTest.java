package org.powercx.ahp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.powercx.core.TestJson;
import org.powercx.core.Weights;

/** AHP-03: Wikipedia's car example as coded in AHPy (refdata/ahp03_car_hierarchy.json). */
class HierarchyTest {
    private static JsonNode file;
    private static List<JsonNode> nodes;

    @BeforeAll
    static void load() {
        file = RefData.json("ahp03_car_hierarchy.json");
        nodes = new java.util.ArrayList<>();
        TestJson.at(file, "nodes").forEach(nodes::add);
    }

    private static PairwiseMatrix matrix(JsonNode node) {
        return PairwiseMatrix.of(RefData.elements(node), RefData.fractions(node, "matrix_str"));
    }

    private static Hierarchy car(Map<String, Weights> replaced) {
        Hierarchy.Builder b = Hierarchy.builder("Criteria", matrix(nodes.get(0)));
        for (JsonNode node : nodes.subList(1, nodes.size())) {
            String name = TestJson.string(node, "name");
            if (replaced.containsKey(name)) {
                b.node(name, replaced.get(name));
            } else {
                b.node(name, matrix(node));
            }
        }
        return b.build();
    }

    @Test
    void targetAndNodeGlobalWeightsMatchReference() {
        HierarchyResult r = car(Map.of()).evaluate(Ahp.withDefaults().with(RandomIndex.DONEGAN_DODD));
        JsonNode expected = TestJson.at(file, "expected_target_weights");
        List<String> cars = TestJson.keys(expected);
        assertThat(r.leafWeights().alignTo(cars)).containsExactly(TestJson.inOrder(expected, cars), within(1e-8));
        JsonNode published = TestJson.at(file, "published", "target_weights");
        assertThat(r.leafWeights().alignTo(cars)).containsExactly(TestJson.inOrder(published, cars), within(1e-3));
        for (JsonNode node : nodes) {
            String name = TestJson.string(node, "name");
            assertThat(r.globalWeight(name)).as(name).isCloseTo(TestJson.number(node, "global_weight"), within(1e-8));
            assertThat(r.local(name).consistencyRatio()).as(name)
                .isCloseTo(Math.max(0, TestJson.number(node, "expected", "eigenvector", "cr", "donegan_dodd_ahpy")),
                    within(1e-8));
        }
        Map<String, Double> cost4 = TestJson.numbers(file, "published", "cost_global_4dp");
        for (String c : cost4.keySet()) {
            assertThat(r.globalWeight(c)).isCloseTo(cost4.get(c), within(5e-5));
        }
        assertThat(r.globalWeight("Cargo")).isCloseTo(TestJson.number(file, "published", "cargo_global_weight_4dp"),
            within(5e-5));
        assertThat(r.globalWeight("Odyssey")).isEqualTo(r.leafWeights().get("Odyssey"));
    }

    @Test
    void overallConsistencyRatioIsGlobalWeightedCiOverRi() {
        HierarchyResult r = car(Map.of()).evaluate(Ahp.withDefaults().with(RandomIndex.DONEGAN_DODD));
        double ci = 0;
        double ri = 0;
        for (JsonNode node : nodes) {
            double g = TestJson.number(node, "global_weight");
            JsonNode eig = TestJson.at(node, "expected", "eigenvector");
            double nodeCi = Math.max(0, TestJson.number(eig, "ci"));
            double nodeCr = Math.max(0, TestJson.number(eig, "cr", "donegan_dodd_ahpy"));
            ci += g * nodeCi;
            ri += nodeCr > 0 ? g * nodeCi / nodeCr : g * RandomIndex.DONEGAN_DODD.value(
                RefData.elements(node).size());
        }
        assertThat(r.consistencyRatio()).isCloseTo(ci / ri, within(1e-8));
        assertThat(r.isAcceptable()).isTrue();
        assertThat(r.inconsistentNodes()).containsExactly("Style");
        assertThat(r.localResults()).hasSize(11);
    }

    @Test
    void measuredValueVariantMatchesReference() {
        JsonNode variant = TestJson.at(file, "variant_measured_values");
        JsonNode measured = TestJson.at(variant, "measured_values");
        List<String> cars = RefData.elements(nodes.get(3));
        Map<String, Weights> replaced = new java.util.HashMap<>();
        for (String node : TestJson.keys(measured)) {
            replaced.put(node, Weights.normalised(cars, TestJson.vector(measured, node)));
        }
        HierarchyResult r = car(replaced).evaluate(Ahp.withDefaults().with(RandomIndex.DONEGAN_DODD));
        JsonNode expected = TestJson.at(variant, "expected_target_weights");
        assertThat(r.leafWeights().alignTo(cars)).containsExactly(TestJson.inOrder(expected, cars), within(1e-8));
        JsonNode published = TestJson.at(variant, "published", "target_weights");
        assertThat(r.leafWeights().alignTo(cars)).containsExactly(TestJson.inOrder(published, cars), within(1e-3));
        assertThatThrownBy(() -> r.local("Cargo")).isInstanceOf(AhpException.class)
            .hasMessageContaining("node 'Cargo' has no pairwise matrix");
    }

    @Test
    void treePrintShowsNodesWeightsAndCr() {
        HierarchyResult r = car(Map.of()).evaluate(Ahp.withDefaults().with(RandomIndex.DONEGAN_DODD));
        String text = r.toString();
        assertThat(text).contains("node").contains("  Cost").contains("    Price").contains("      Element")
            .contains("0.510075").contains("overall CR").contains("Odyssey");
        assertThat(car(Map.of()).goal()).isEqualTo("Criteria");
        assertThat(car(Map.of()).nodeNames()).hasSize(11).startsWith("Criteria", "Cost");
    }

    @Test
    void criteriaOnlyHierarchyWithGivenWeightsAtTheGoal() {
        Hierarchy h = Hierarchy.builder("value", Weights.of(List.of("current", "potential"), new double[] {0.6, 0.4}))
            .node("current", PairwiseMatrix.fromUpperTriangle(List.of("consumption", "fees"), 3))
            .build();
        HierarchyResult r = h.evaluate(Ahp.withDefaults());
        assertThat(r.leafWeights().names()).containsExactly("consumption", "fees", "potential");
        assertThat(r.leafWeights().values()).containsExactly(new double[] {0.45, 0.15, 0.4}, within(1e-15));
        assertThat(r.consistencyRatio()).isZero();
        assertThatThrownBy(() -> r.globalWeight("price")).hasMessageContaining("'price' is neither");
    }

    @Test
    void badStructuresAreNamed() {
        PairwiseMatrix ab = PairwiseMatrix.fromUpperTriangle(List.of("a", "b"), 2);
        assertThatThrownBy(() -> Hierarchy.builder("g", ab).node("x", ab).build()).isInstanceOf(AhpException.class)
            .hasMessageContaining("node 'x' is not a child of any node");
        assertThatThrownBy(() -> Hierarchy.builder("g", ab).node("a", ab).node("b", ab).build())
            .hasMessageContaining("node 'a' has two parents, 'g' and 'a'");
        assertThatThrownBy(() -> Hierarchy.builder("g", ab).node("a", PairwiseMatrix.fromUpperTriangle(
            List.of("g", "c"), 2)).build()).hasMessageContaining("the goal 'g' cannot be a child of node 'a'");
        assertThatThrownBy(() -> Hierarchy.builder("g", ab).node("a", ab).node("a", ab)).hasMessageContaining("defined twice");
        assertThatThrownBy(() -> Hierarchy.builder(" ", ab)).hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> Hierarchy.builder("g", (PairwiseMatrix) null)).hasMessageContaining("matrix of node 'g'");
        assertThatThrownBy(() -> Hierarchy.builder("g", (Weights) null)).hasMessageContaining("weights of node 'g'");
        PairwiseMatrix xy = PairwiseMatrix.fromUpperTriangle(List.of("x", "y"), 2);
        PairwiseMatrix yx = PairwiseMatrix.fromUpperTriangle(List.of("y", "z"), 2);
        PairwiseMatrix x2 = PairwiseMatrix.fromUpperTriangle(List.of("x", "w"), 2);
        assertThatThrownBy(() -> Hierarchy.builder("g", ab).node("x", yx).node("y", x2).build())
            .hasMessageContaining("cycle");
        assertThatThrownBy(() -> Hierarchy.builder("g", ab).build().evaluate(null)).hasMessageContaining("calculator");
        assertThat(xy.size()).isEqualTo(2);
    }
}
