package org.powercx.ahp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.core.Weights;
import org.powercx.core.testing.ForkedJvm;

/** AHP results and hierarchy results are values: rebuilt from their parameters and through serialization. */
class AhpValueTest {

    static PairwiseMatrix random(List<String> names, SplittableRandom random) {
        int n = names.size();
        double[] upper = new double[n * (n - 1) / 2];
        for (int k = 0; k < upper.length; k++) {
            int v = 1 + random.nextInt(9);
            upper[k] = random.nextBoolean() ? v : 1.0 / v;
        }
        return PairwiseMatrix.fromUpperTriangle(names, upper);
    }

    /** A hierarchy with a shared leaf set, a node of given weights and inconsistent random matrices. */
    static HierarchyResult hierarchy() {
        SplittableRandom random = new SplittableRandom(16L);
        List<String> alternatives = List.of("x", "y", "z", "u", "v");
        return Hierarchy.builder("goal", random(List.of("price", "quality", "service"), random))
            .node("price", random(alternatives, random))
            .node("quality", random(List.of("durability", "finish"), random))
            .node("durability", random(alternatives, random))
            .node("finish", Weights.normalised(alternatives, new double[] {3, 1, 4, 1, 5}))
            .node("service", random(alternatives, random))
            .build().evaluate(Ahp.withDefaults().with(PriorityMethod.GEOMETRIC_MEAN).withConsistencyThreshold(0.15));
    }

    static AhpResult result() {
        return Ahp.withDefaults().evaluate(random(List.of("a", "b", "c", "d", "e", "f"), new SplittableRandom(4)));
    }

    /** Every number a hierarchy result reports, and its print. */
    static String describe(HierarchyResult r) {
        List<Double> v = new ArrayList<>();
        for (String name : List.of("goal", "price", "quality", "durability", "finish", "service", "x", "y", "z")) {
            v.add(r.globalWeight(name));
        }
        v.add(r.consistencyRatio());
        for (AhpResult local : r.localResults().values()) {
            v.addAll(List.of(local.lambdaMax(), local.consistencyIndex(), local.consistencyRatio(),
                local.geometricConsistencyIndex()));
            for (double w : local.weights().values()) {
                v.add(w);
            }
        }
        double[] values = v.stream().mapToDouble(Double::doubleValue).toArray();
        return ForkedJvm.digest(values) + " " + r.isAcceptable() + " " + r.inconsistentNodes() + "\n" + r;
    }

    @Test
    void rebuiltResultsAreEqual() throws Exception {
        AhpResult r = result();
        AhpResult rebuilt = AhpResult.of(r.parameters());
        assertThat(rebuilt).isEqualTo(r);
        assertThat(rebuilt.toString()).isEqualTo(r.toString());
        assertThat(rebuilt.geometricConsistencyIndex()).isEqualTo(r.geometricConsistencyIndex());
        assertThat(ForkedJvm.deserialize(ForkedJvm.serialize(r), AhpResult.class)).isEqualTo(r);
        PairwiseMatrix m = r.matrix();
        assertThat(ForkedJvm.deserialize(ForkedJvm.serialize(m), PairwiseMatrix.class)).isEqualTo(m);
        HierarchyResult h = hierarchy();
        assertThat(h.isAcceptable()).isFalse();
        assertThat(describe(HierarchyResult.of(h.parameters()))).isEqualTo(describe(h));
        assertThat(HierarchyResult.of(h.parameters()).parameters()).isEqualTo(h.parameters());
        assertThat(describe(ForkedJvm.deserialize(ForkedJvm.serialize(h), HierarchyResult.class)))
            .isEqualTo(describe(h));
    }

    @Test
    void parametersAreValidated() {
        AhpResult.Parameters p = result().parameters();
        assertThatThrownBy(() -> new AhpResult.Parameters(p.matrix(), p.weights(), Double.NaN, 0, 1, 0,
            PriorityMethod.EIGENVECTOR, 0.1)).isInstanceOf(AhpException.class)
            .hasMessage("lambda max must be positive and finite but was NaN");
        assertThatThrownBy(() -> new AhpResult.Parameters(p.matrix(), Weights.equal(List.of("a", "b")), 6, 0, 1, 0,
            PriorityMethod.EIGENVECTOR, 0.1)).hasMessageStartingWith("weights over [a, b] do not match the matrix");
        assertThatThrownBy(() -> AhpResult.of(null)).hasMessage("AHP result parameters is null");
        HierarchyResult.Parameters h = hierarchy().parameters();
        assertThatThrownBy(() -> new HierarchyResult.Parameters("top", h.leafWeights(), h.nodeWeights(),
            h.localResults(), h.consistencyRatio(), h.threshold(), h.positions()))
            .hasMessageStartingWith("node weights [goal, price, quality, durability, finish, service] do not include the "
                + "goal 'top'");
        assertThatThrownBy(() -> new HierarchyResult.Parameters("goal", h.leafWeights(), Map.of("goal", -1.0),
            h.localResults(), h.consistencyRatio(), h.threshold(), h.positions()))
            .hasMessage("global weight of node 'goal' must be finite and non-negative but was -1.0");
        assertThatThrownBy(() -> new HierarchyResult.Position(1, "x", 0.5, 0.2, Double.POSITIVE_INFINITY))
            .hasMessage("consistency ratio of 'x' must be finite and non-negative but was Infinity");
    }

    /** Entry point of the forked JVM: prints the description of a serialized hierarchy result. */
    public static final class Main {
        private Main() {
        }

        /**
         * Reads the result in the file named by the first argument.
         *
         * @param args the file
         * @throws Exception if it cannot be read
         */
        public static void main(String[] args) throws Exception {
            System.out.println(describe(ForkedJvm.read(Path.of(args[0]), HierarchyResult.class)));
            AhpResult r = ForkedJvm.read(Path.of(args[1]), AhpResult.class);
            System.out.println(r.equals(result()) + " " + ForkedJvm.digest(r.weights().values()));
        }
    }

    @Test
    void javaSerializationInAFreshJvm(@TempDir Path dir) {
        HierarchyResult h = hierarchy();
        AhpResult r = result();
        String out = ForkedJvm.run(Main.class, ForkedJvm.write(h, dir.resolve("h.ser")).toString(),
            ForkedJvm.write(r, dir.resolve("r.ser")).toString());
        assertThat(out).isEqualTo((describe(h) + "\n" + "true " + ForkedJvm.digest(r.weights().values())).strip());
    }
}
