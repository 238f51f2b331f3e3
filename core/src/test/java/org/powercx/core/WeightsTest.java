package org.powercx.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightsTest {

    @Test
    void ofKeepsOrderAndLooksUpByName() {
        Weights w = Weights.of(List.of("kwh", "fee", "credit"), new double[] {0.5, 0.3, 0.2});
        assertThat(w.size()).isEqualTo(3);
        assertThat(w.names()).containsExactly("kwh", "fee", "credit");
        assertThat(w.get("fee")).isEqualTo(0.3);
        assertThat(w.contains("credit")).isTrue();
        assertThat(w.asMap()).containsExactly(Map.entry("kwh", 0.5), Map.entry("fee", 0.3), Map.entry("credit", 0.2));
        double[] values = w.values();
        values[0] = 9;
        assertThat(w.get("kwh")).isEqualTo(0.5);
        assertThat(w.toString()).contains("kwh").contains("0.5");
        assertThat(w).isEqualTo(Weights.of(w.asMap())).hasSameHashCodeAs(Weights.of(w.asMap()));
    }

    @Test
    void normalisedAndEqual() {
        Map<String, Double> raw = new LinkedHashMap<>();
        raw.put("a", 2.0);
        raw.put("b", 6.0);
        Weights w = Weights.normalised(raw);
        assertThat(w.values()).containsExactly(0.25, 0.75);
        Weights eq = Weights.equal(List.of("x", "y", "z"));
        assertThat(eq.values()).containsExactly(1.0 / 3, 1.0 / 3, 1.0 / 3);
        IndicatorTable table = IndicatorTable.builder(Indicator.benefit("p"), Indicator.cost("q")).row("c", 1, 2).build();
        assertThat(Weights.equal(table).names()).containsExactly("p", "q");
    }

    @Test
    void alignsToATableByName() {
        IndicatorTable table = IndicatorTable.builder(Indicator.benefit("kwh"), Indicator.cost("arrears"))
            .row("c1", 1, 2).build();
        Weights w = Weights.of(List.of("arrears", "kwh"), new double[] {0.4, 0.6});
        assertThat(w.alignTo(table)).containsExactly(0.6, 0.4);
        Weights wrong = Weights.of(List.of("arrears", "fee"), new double[] {0.4, 0.6});
        assertThatThrownBy(() -> wrong.alignTo(table)).isInstanceOf(CoreException.class)
            .hasMessageContaining("no weight for [kwh]").hasMessageContaining("weight for unknown [fee]");
    }

    @Test
    void rejectsBadWeights() {
        assertThatThrownBy(() -> Weights.of(List.of("a", "b"), new double[] {0.5, 0.6}))
            .isInstanceOf(CoreException.class).hasMessageContaining("sum to 1.1");
        assertThatThrownBy(() -> Weights.of(List.of("a", "b"), new double[] {1.5, -0.5}))
            .hasMessageContaining("weight 'b' must be finite and non-negative but was -0.5");
        assertThatThrownBy(() -> Weights.of(List.of("a", "b"), new double[] {Double.NaN, 1}))
            .hasMessageContaining("weight 'a'").hasMessageContaining("NaN");
        assertThatThrownBy(() -> Weights.normalised(List.of("a"), new double[] {Double.POSITIVE_INFINITY}))
            .hasMessageContaining("Infinity");
        assertThatThrownBy(() -> Weights.normalised(List.of("a", "b"), new double[] {0, 0}))
            .hasMessageContaining("sum is 0");
        assertThatThrownBy(() -> Weights.of(List.of("a", "a"), new double[] {0.5, 0.5}))
            .hasMessageContaining("duplicate weight name 'a'");
        assertThatThrownBy(() -> Weights.of(List.of("a"), new double[] {0.5, 0.5}))
            .hasMessageContaining("1 weight names but 2 values");
        assertThatThrownBy(() -> Weights.of(List.of(), new double[0])).hasMessageContaining("at least one");
        assertThatThrownBy(() -> Weights.equal(List.of())).hasMessageContaining("at least one");
        Map<String, Double> withNull = new LinkedHashMap<>();
        withNull.put("a", null);
        assertThatThrownBy(() -> Weights.of(withNull)).hasMessageContaining("weight 'a' is null");
        assertThatThrownBy(() -> Weights.of(List.of("a", " "), new double[] {0.5, 0.5}))
            .hasMessageContaining("weight name 1 is blank");
        Weights w = Weights.equal(List.of("a"));
        assertThatThrownBy(() -> w.get("z")).hasMessageContaining("no weight for 'z'");
    }

    @Test
    void toleratesRoundingInTheSum() {
        Weights w = Weights.of(List.of("a", "b", "c"), new double[] {0.1, 0.2, 0.7 + 5e-10});
        assertThat(w.get("c")).isCloseTo(0.7, within(1e-9));
    }
}
