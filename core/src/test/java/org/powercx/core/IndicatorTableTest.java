package org.powercx.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorTableTest {
    private static final List<Indicator> INDICATORS =
        List.of(Indicator.benefit("kwh").withUnit("kWh"), Indicator.cost("arrears"), Indicator.target("load", 0.8));

    private static IndicatorTable sample() {
        return IndicatorTable.ofRows(INDICATORS, List.of("c1", "c2", "c3"),
            new double[][] {{100, 0, 0.7}, {250, 3, 0.9}, {50, 1, 0.8}});
    }

    @Test
    void rowsAndColumnsAgree() {
        IndicatorTable byRows = sample();
        IndicatorTable byColumns = IndicatorTable.ofColumns(INDICATORS, List.of("c1", "c2", "c3"),
            new double[][] {{100, 250, 50}, {0, 3, 1}, {0.7, 0.9, 0.8}});
        assertThat(byColumns.rowCount()).isEqualTo(3);
        assertThat(byColumns.indicatorCount()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(byColumns.row(i)).containsExactly(byRows.row(i));
        }
        assertThat(byRows.column("arrears")).containsExactly(0, 3, 1);
        assertThat(byRows.get("c2", "load")).isEqualTo(0.9);
        assertThat(byRows.get(2, 0)).isEqualTo(50);
        assertThat(byRows.row("c3")).containsExactly(50, 1, 0.8);
        assertThat(byRows.rowIndexOf("c2")).isEqualTo(1);
        assertThat(byRows.indexOf("load")).isEqualTo(2);
        assertThat(byRows.indicator("kwh").unit()).isEqualTo("kWh");
        assertThat(byRows.indicator(2).target()).isEqualTo(0.8);
        assertThat(byRows.id(0)).isEqualTo("c1");
        assertThat(byRows.ids()).containsExactly("c1", "c2", "c3");
        assertThat(byRows.contains("kwh")).isTrue();
        assertThat(byRows.contains("nope")).isFalse();
    }

    @Test
    void accessorsNeverExposeInternalArrays() {
        IndicatorTable table = sample();
        double[] column = table.column(0);
        column[0] = -1;
        double[] row = table.row(0);
        row[0] = -1;
        assertThat(table.get(0, 0)).isEqualTo(100);
        double[][] rows = {{1}, {2}};
        IndicatorTable t = IndicatorTable.ofRows(List.of(Indicator.benefit("x")), List.of("a", "b"), rows);
        rows[0][0] = 99;
        assertThat(t.get(0, 0)).isEqualTo(1);
        double[] buffer = new double[5];
        table.copyColumn(1, buffer, 2);
        assertThat(buffer).containsExactly(0, 0, 0, 3, 1);
    }

    @Test
    void selectFilterAndSlice() {
        IndicatorTable table = sample();
        IndicatorTable selected = table.select("load", "kwh");
        assertThat(selected.indicatorNames()).containsExactly("load", "kwh");
        assertThat(selected.row("c2")).containsExactly(0.9, 250);
        IndicatorTable filtered = table.filter(i -> table.get(i, 0) >= 100);
        assertThat(filtered.ids()).containsExactly("c1", "c2");
        assertThat(filtered.column("arrears")).containsExactly(0, 3);
        IndicatorTable slice = table.rows(1, 3);
        assertThat(slice.ids()).containsExactly("c2", "c3");
        assertThat(table.rows(1, 1).rowCount()).isZero();
        IndicatorTable redefined = table.withIndicators(
            List.of(Indicator.cost("kwh"), Indicator.cost("arrears"), Indicator.benefit("load")));
        assertThat(redefined.indicator("kwh").direction()).isEqualTo(Direction.COST);
        assertThat(redefined.column(0)).containsExactly(table.column(0));
    }

    @Test
    void unicodeNamesWork() {
        IndicatorTable table = IndicatorTable.builder(Indicator.benefit("年用电量"), Indicator.cost("欠费次数"))
            .row("客户1", 1200, 0)
            .row("客户2", 800, 2)
            .build();
        assertThat(table.get("客户2", "年用电量")).isEqualTo(800);
        assertThat(table.toString()).contains("年用电量").contains("客户2");
    }

    @Test
    void toStringShowsAFewRows() {
        IndicatorTable.Builder builder = IndicatorTable.builder(Indicator.benefit("x"));
        for (int i = 0; i < 25; i++) {
            builder.row("c" + i, i * 0.5);
        }
        String text = builder.build().toString();
        assertThat(text).startsWith("IndicatorTable 25 customers x 1 indicators")
            .contains("c9").doesNotContain("c10 ").endsWith("... 15 more rows\n");
    }

    @Test
    void rejectsBadInputNamingTheItem() {
        List<String> ids = List.of("c1", "c2");
        List<Indicator> one = List.of(Indicator.benefit("kwh"));
        assertThatThrownBy(() -> IndicatorTable.ofRows(one, ids, new double[][] {{1}, {Double.NaN}}))
            .isInstanceOf(CoreException.class).hasMessageContaining("'c2'").hasMessageContaining("'kwh'")
            .hasMessageContaining("NaN");
        assertThatThrownBy(() -> IndicatorTable.ofRows(one, ids,
                new double[][] {{Double.POSITIVE_INFINITY}, {1}}))
            .hasMessageContaining("Infinity").hasMessageContaining("'c1'");
        assertThatThrownBy(() -> IndicatorTable.ofRows(one, List.of("c1", "c1"), new double[][] {{1}, {2}}))
            .hasMessageContaining("duplicate customer id 'c1'");
        assertThatThrownBy(() -> IndicatorTable.ofRows(one, List.of("c1", " "), new double[][] {{1}, {2}}))
            .hasMessageContaining("row 1 is blank");
        assertThatThrownBy(() -> IndicatorTable.ofRows(List.of(Indicator.benefit("a"), Indicator.cost("a")), ids,
                new double[][] {{1, 1}, {2, 2}}))
            .hasMessageContaining("duplicate indicator 'a'");
        assertThatThrownBy(() -> IndicatorTable.ofRows(List.of(), ids, new double[][] {{}, {}}))
            .hasMessageContaining("at least one indicator");
        assertThatThrownBy(() -> IndicatorTable.ofRows(one, ids, new double[][] {{1}}))
            .hasMessageContaining("2 ids but 1 rows");
        assertThatThrownBy(() -> IndicatorTable.ofRows(one, ids, new double[][] {{1}, {1, 2}}))
            .hasMessageContaining("customer 'c2' (row 1) has 2 values but there are 1 indicators");
        assertThatThrownBy(() -> IndicatorTable.ofColumns(one, ids, new double[][] {{1, 2, 3}}))
            .hasMessageContaining("indicator 'kwh' has 3 values but there are 2 customers");
        assertThatThrownBy(() -> IndicatorTable.ofColumns(one, ids, new double[][] {{1, 2}, {3, 4}}))
            .hasMessageContaining("1 indicators but 2 columns");
        assertThatThrownBy(() -> IndicatorTable.ofRows(one, ids, null)).hasMessageContaining("rows are null");
        assertThatThrownBy(() -> IndicatorTable.ofRows(one, null, new double[0][])).hasMessageContaining("ids");
    }

    @Test
    void rejectsUnknownNamesAndIndices() {
        IndicatorTable table = sample();
        assertThatThrownBy(() -> table.column("fee")).isInstanceOf(CoreException.class)
            .hasMessageContaining("unknown indicator 'fee'").hasMessageContaining("[kwh, arrears, load]");
        assertThatThrownBy(() -> table.row("c9")).hasMessageContaining("unknown customer id 'c9'");
        assertThatThrownBy(() -> table.get(3, 0)).hasMessageContaining("row 3 is not within [0, 3)");
        assertThatThrownBy(() -> table.column(-1)).hasMessageContaining("column -1 is not within [0, 3)");
        assertThatThrownBy(() -> table.select()).hasMessageContaining("at least one");
        assertThatThrownBy(() -> table.select("kwh", "kwh")).hasMessageContaining("duplicate indicator 'kwh'");
        assertThatThrownBy(() -> table.rows(2, 5)).hasMessageContaining("[2, 5)");
        assertThatThrownBy(() -> table.copyColumn(0, new double[2], 0)).hasMessageContaining("cannot hold 3");
        assertThatThrownBy(() -> table.withIndicators(List.of(Indicator.benefit("x"))))
            .hasMessageContaining("1 indicators given for a table of 3 columns");
    }

    @Test
    void indicatorValidation() {
        assertThatThrownBy(() -> Indicator.benefit(" ")).isInstanceOf(CoreException.class)
            .hasMessageContaining("non-blank");
        assertThatThrownBy(() -> Indicator.benefit(null)).hasMessageContaining("null");
        assertThatThrownBy(() -> Indicator.target("load", Double.NaN))
            .hasMessageContaining("indicator 'load': target value must be finite but was NaN");
        assertThatThrownBy(() -> Indicator.of("x", Direction.TARGET)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new Indicator("x", Direction.COST, 3, null, null))
            .hasMessageContaining("a COST indicator takes no target value (got 3.0)");
        assertThatThrownBy(() -> new Indicator("x", null, Double.NaN, null, null))
            .hasMessageContaining("direction is null");
        Indicator ind = Indicator.target("load", 0.8).withUnit("%").withDescription("load factor").withName("lf");
        assertThat(ind.name()).isEqualTo("lf");
        assertThat(ind.description()).isEqualTo("load factor");
        assertThat(ind.toString()).isEqualTo("lf (TARGET 0.8, %)");
        assertThat(Indicator.of("x", Direction.COST)).isEqualTo(Indicator.cost("x"));
    }

    @Test
    void withColumnsKeepsTheCustomersAndValidatesTheNewColumns() {
        IndicatorTable t = sample();
        assertThat(t.rowIndexOf("c3")).isEqualTo(2);
        double[] score = {0.5, 0.25, 1};
        IndicatorTable scored = t.withColumns(List.of(Indicator.benefit("score")), new double[][] {score});
        score[0] = 99;
        assertThat(scored.ids()).isEqualTo(t.ids());
        assertThat(scored.column("score")).containsExactly(0.5, 0.25, 1);
        assertThat(scored.get("c2", "score")).isEqualTo(0.25);
        assertThat(scored.indicatorNames()).containsExactly("score");
        assertThatThrownBy(() -> t.withColumns(List.of(Indicator.benefit("s")), new double[][] {{1, 2}}))
            .isInstanceOf(CoreException.class).hasMessageContaining("'s' has 2 values but there are 3 customers");
        assertThatThrownBy(() -> t.withColumns(List.of(Indicator.benefit("s")), new double[][] {{1, 2, 3}, {1, 2, 3}}))
            .isInstanceOf(CoreException.class).hasMessageContaining("1 indicators but 2 columns");
        assertThatThrownBy(() -> t.withColumns(List.of(Indicator.benefit("s")), null))
            .isInstanceOf(CoreException.class).hasMessageContaining("columns are null");
        assertThatThrownBy(() -> t.withColumns(List.of(Indicator.benefit("s")), new double[][] {null}))
            .isInstanceOf(CoreException.class).hasMessageContaining("'s' has no values");
        assertThatThrownBy(() -> t.withColumns(List.of(Indicator.benefit("s")),
                new double[][] {{1, Double.NaN, 3}}))
            .isInstanceOf(CoreException.class).hasMessageContaining("customer 'c2', indicator 's'")
            .hasMessageContaining("NaN");
    }
}
