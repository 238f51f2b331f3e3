package org.powercx.ahp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.powercx.core.TestJson;

/** AHP-05: Bozoki, Fulop and Ronyai (2010) 4 x 4 example with (c, d) missing (refdata/ahp05_*). */
class IncompleteMatrixTest {
    private static JsonNode file;
    private static List<String> names;
    private static IncompleteMatrix matrix;

    @BeforeAll
    static void load() {
        file = RefData.json("ahp05_incomplete_4x4_bozoki.json");
        names = RefData.elements(file);
        matrix = IncompleteMatrix.of(names, RefData.fractions(file, "matrix_str_with_nulls_for_missing"));
    }

    @Test
    void harkerMatchesReference() {
        JsonNode e = TestJson.at(file, "expected", "harker");
        CompletionResult r = Ahp.withDefaults().with(RandomIndex.DONEGAN_DODD).evaluate(matrix, CompletionMethod.HARKER);
        assertThat(r.result().weights().values()).containsExactly(TestJson.inOrder(TestJson.at(e, "weights"), names),
            within(1e-9));
        assertThat(r.completed().get("c", "d")).isCloseTo(TestJson.number(e, "completed_values", "c|d"), within(1e-9));
        assertThat(r.result().lambdaMax()).isCloseTo(TestJson.number(e, "lambda_max_harker_matrix"), within(1e-9));
        assertThat(r.result().consistencyIndex()).isCloseTo(TestJson.number(e, "ci_from_lambda_harker"), within(1e-9));
        assertThat(r.result().consistencyRatio()).isCloseTo(TestJson.number(e, "cr_dd"), within(1e-9));
        assertThat(Ahp.withDefaults().with(RandomIndex.SAATY_2005).evaluate(matrix, CompletionMethod.HARKER)
            .result().consistencyRatio()).isCloseTo(TestJson.number(e, "cr_saaty2005"), within(1e-9));
        assertThat(r.completed().get("a", "c")).isEqualTo(5.0);
        assertThat(r.method()).isEqualTo(CompletionMethod.HARKER);
        assertThat(r.toString()).contains("HARKER completion").contains("lambda max");
    }

    @Test
    void lambdaMaxOptimalCompletionMatchesReference() {
        JsonNode e = TestJson.at(file, "expected", "lambda_max_optimal_completion");
        CompletionResult r = Ahp.withDefaults().with(RandomIndex.DONEGAN_DODD)
            .evaluate(matrix, CompletionMethod.LAMBDA_MAX_OPTIMAL);
        double cd = TestJson.number(e, "completed_values", "c|d");
        assertThat(r.completed().get("c", "d")).isCloseTo(cd, within(1e-4 * cd));
        assertThat(r.result().weights().values()).containsExactly(TestJson.inOrder(TestJson.at(e, "weights"), names),
            within(1e-4));
        assertThat(r.result().lambdaMax()).isCloseTo(TestJson.number(e, "lambda_max"), within(1e-6));
        assertThat(r.result().consistencyRatio()).isCloseTo(TestJson.number(e, "cr_dd"), within(1e-6));
        JsonNode pub = TestJson.at(file, "published");
        assertThat(r.result().weights().values()).containsExactly(TestJson.inOrder(TestJson.at(pub, "weights"), names),
            within(1e-4));
        assertThat(r.completed().get("c", "d")).isCloseTo(TestJson.number(pub, "completed_c_d"), within(1e-4));
        // the optimum is no worse than Harker's completion
        assertThat(r.result().lambdaMax()).isLessThanOrEqualTo(
            Ahp.withDefaults().evaluate(matrix, CompletionMethod.HARKER).result().lambdaMax());
    }

    @Test
    void completeMatrixReferenceFromThePublishedExample() {
        JsonNode ref = TestJson.at(file, "published", "complete_matrix_reference");
        PairwiseMatrix full = matrix.with("c", "d", 0.75).complete(CompletionMethod.HARKER);
        AhpResult r = Ahp.withDefaults().with(RandomIndex.DONEGAN_DODD).evaluate(full);
        assertThat(r.weights().values()).containsExactly(TestJson.inOrder(TestJson.at(ref, "weights"), names),
            within(1e-4));
        assertThat(r.consistencyRatio()).isCloseTo(TestJson.number(ref, "cr"), within(1e-4));
        assertThat(matrix.with("c", "d", 0.75).complete(CompletionMethod.LAMBDA_MAX_OPTIMAL)).isEqualTo(full);
    }

    @Test
    void structureQueries() {
        assertThat(matrix.missingPairs()).containsExactly(List.of("c", "d"));
        assertThat(matrix.isConnected()).isTrue();
        assertThat(matrix.names()).isEqualTo(names);
        assertThat(matrix.toString()).contains("0.2");
        IncompleteMatrix chain = IncompleteMatrix.empty(List.of("p", "q", "r")).with("p", "q", 2).with("q", "r", 3);
        PairwiseMatrix done = chain.complete(CompletionMethod.LAMBDA_MAX_OPTIMAL);
        assertThat(done.get("p", "r")).isCloseTo(6.0, within(1e-6));
        assertThat(chain.complete(CompletionMethod.HARKER).get("p", "r")).isCloseTo(6.0, within(1e-10));
    }

    @Test
    void optimalCompletionIsALocalMinimumOfLambdaMaxForSeveralMissingEntries() {
        List<String> six = List.of("p", "q", "r", "s", "t", "u");
        IncompleteMatrix m = IncompleteMatrix.empty(six).with("p", "q", 3).with("p", "r", 5).with("q", "r", 1)
            .with("q", "s", 4).with("r", "t", 0.5).with("s", "t", 2).with("t", "u", 7).with("p", "u", 9)
            .with("s", "u", 3).with("q", "u", 6);
        assertThat(m.missingPairs()).hasSize(5);
        PairwiseMatrix best = m.complete(CompletionMethod.LAMBDA_MAX_OPTIMAL);
        double lambda = Ahp.withDefaults().evaluate(best).lambdaMax();
        assertThat(lambda).isLessThanOrEqualTo(
            Ahp.withDefaults().evaluate(m.complete(CompletionMethod.HARKER)).lambdaMax() + 1e-12);
        for (List<String> pair : m.missingPairs()) {
            double v = best.get(pair.get(0), pair.get(1));
            for (double f : new double[] {0.99, 1.01}) {
                double moved = Ahp.withDefaults().evaluate(best.with(pair.get(0), pair.get(1), v * f)).lambdaMax();
                assertThat(moved).as("%s x %s", pair, f).isGreaterThan(lambda);
            }
        }
        // known judgments are kept
        assertThat(best.get("t", "u")).isEqualTo(7.0);
    }

    @Test
    void disconnectedGraphNamesTheGroups() {
        IncompleteMatrix m = IncompleteMatrix.empty(List.of("fee", "load", "credit", "volume"))
            .with("fee", "credit", 3).with("load", "volume", 0.5);
        assertThat(m.groups()).containsExactly(List.of("fee", "credit"), List.of("load", "volume"));
        assertThat(m.isConnected()).isFalse();
        assertThatThrownBy(() -> m.complete(CompletionMethod.HARKER)).isInstanceOf(AhpException.class)
            .hasMessageContaining("disconnected").hasMessageContaining("[[fee, credit], [load, volume]]");
        assertThatThrownBy(() -> Ahp.withDefaults().evaluate(m, CompletionMethod.LAMBDA_MAX_OPTIMAL))
            .hasMessageContaining("[fee, credit]");
    }

    @Test
    void badInputIsNamed() {
        double n = Double.NaN;
        assertThatThrownBy(() -> IncompleteMatrix.of(List.of("a", "b"), new double[][] {{1, n}, {2, 1}}))
            .isInstanceOf(AhpException.class).hasMessageContaining("a[a][b] is missing but a[b][a] = 2");
        assertThatThrownBy(() -> IncompleteMatrix.of(List.of("a", "b"), new double[][] {{1, 3}, {0.5, 1}}))
            .hasMessageContaining("a[a][b] = 3 but a[b][a] = 0.5, expected 0.3333");
        assertThatThrownBy(() -> IncompleteMatrix.of(List.of("a", "b"), new double[][] {{1, -3}, {0.5, 1}}))
            .hasMessageContaining("a[a][b] must be positive").hasMessageContaining("-3.0");
        assertThatThrownBy(() -> IncompleteMatrix.of(List.of("a", "b"), new double[][] {{n, 1}, {1, 1}}))
            .hasMessageContaining("diagonal entry a[a][a] must be 1 but was NaN");
        assertThatThrownBy(() -> IncompleteMatrix.of(List.of("a", "b"), new double[][] {{1, 1}}))
            .hasMessageContaining("needs 2 rows but has 1");
        assertThatThrownBy(() -> IncompleteMatrix.of(List.of("a", "b"), new double[][] {{1, 1}, {1}}))
            .hasMessageContaining("row 'b'");
        assertThatThrownBy(() -> matrix.with("c", "e", 2)).hasMessageContaining("unknown criterion 'e'");
        assertThatThrownBy(() -> matrix.with("c", "c", 2)).hasMessageContaining("diagonal");
        assertThatThrownBy(() -> matrix.with("c", "d", Double.POSITIVE_INFINITY))
            .hasMessageContaining("a[c][d]").hasMessageContaining("Infinity");
        assertThatThrownBy(() -> matrix.complete(null)).hasMessageContaining("completion method");
        assertThatThrownBy(() -> Ahp.withDefaults().evaluate(null, CompletionMethod.HARKER))
            .hasMessageContaining("incomplete matrix is null");
    }
}
