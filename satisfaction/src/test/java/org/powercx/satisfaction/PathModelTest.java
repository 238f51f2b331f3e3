package org.powercx.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathModelTest {

    @Test
    void templates() {
        PathModel csi = PathModel.powerCsi();
        assertThat(csi.constructNames()).containsExactly("IMAG", "EXPE", "QUAL", "VAL", "SAT", "LOY");
        assertThat(csi.indicatorNames()).hasSize(27);
        assertThat(csi.predecessors("SAT")).containsExactly("IMAG", "EXPE", "QUAL", "VAL");
        assertThat(csi.hasPath("SAT", "LOY")).isTrue();
        assertThat(csi.hasPath("LOY", "SAT")).isFalse();
        assertThat(csi.toString()).contains("IMAG (Mode A): imag1").contains("SAT -> LOY");
        PathModel ecsi = PathModel.ecsi();
        assertThat(ecsi.constructCount()).isEqualTo(7);
        assertThat(ecsi.predecessors("Loyalty")).containsExactly("Image", "Satisfaction", "Complaints");
        assertThat(ecsi.constructs().get(5).size()).isEqualTo(1);
        boolean[][] adj = ecsi.adjacency();
        adj[0][1] = false;
        assertThat(ecsi.hasPath("Image", "Expectation")).isTrue();
    }

    @Test
    void constructValidation() {
        assertThatThrownBy(() -> Construct.reflective(" ", "a")).isInstanceOf(SatisfactionException.class)
            .hasMessageContaining("blank");
        assertThatThrownBy(() -> Construct.reflective("X")).hasMessageContaining("'X' has no indicators");
        assertThatThrownBy(() -> Construct.formative("X", "a", "a")).hasMessageContaining("'X' lists indicator 'a'");
        assertThatThrownBy(() -> Construct.formative("X", "a", null)).hasMessageContaining("'X' has a blank");
        assertThatThrownBy(() -> new Construct("X", null, List.of("a"))).hasMessageContaining("'X' has no measurement mode");
        assertThatThrownBy(() -> new Construct("X", Mode.A, null)).hasMessageContaining("'X' has no indicators");
        assertThat(Construct.formative("X", "a", "b").mode()).isEqualTo(Mode.B);
    }

    @Test
    void modelValidation() {
        assertThatThrownBy(() -> PathModel.builder().reflective("A", "a").build())
            .isInstanceOf(SatisfactionException.class).hasMessageContaining("at least two constructs");
        assertThatThrownBy(() -> PathModel.builder().reflective("A", "a").reflective("A", "b"))
            .hasMessageContaining("'A' is declared twice");
        assertThatThrownBy(() -> PathModel.builder().construct(null)).hasMessageContaining("null");
        assertThatThrownBy(() -> PathModel.builder().reflective("A", "a").reflective("B", "a").path("A", "B").build())
            .hasMessageContaining("indicator 'a' belongs to both construct 'A' and 'B'");
        assertThatThrownBy(() -> PathModel.builder().reflective("A", "a").reflective("B", "b").path("A", "C").build())
            .hasMessageContaining("unknown construct 'C'");
        assertThatThrownBy(() -> PathModel.builder().reflective("A", "a").reflective("B", "b").path("Z", "B").build())
            .hasMessageContaining("unknown construct 'Z'");
        assertThatThrownBy(() -> PathModel.builder().reflective("A", "a").reflective("B", "b").path("A", "A").build())
            .hasMessageContaining("construct 'A' to itself");
        assertThatThrownBy(() -> PathModel.builder().reflective("A", "a").reflective("B", "b").path("A", "B")
            .path("A", "B").build()).hasMessageContaining("'A' -> 'B' is declared twice");
        assertThatThrownBy(() -> PathModel.builder().reflective("A", "a").reflective("B", "b").reflective("C", "c")
            .path("A", "B").build()).hasMessageContaining("construct 'C' takes part in no structural path");
        assertThatThrownBy(() -> PathModel.builder().reflective("A", "a").reflective("B", "b").reflective("C", "c")
            .path("A", "B").path("B", "C").path("C", "A").build()).hasMessageContaining("cycle through construct");
        assertThatThrownBy(() -> PathModel.powerCsi().indexOf("NOPE")).hasMessageContaining("unknown construct 'NOPE'");
    }
}
