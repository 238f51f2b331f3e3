package org.powercx.samples;

import org.powercx.core.CustomerIndicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TestData;

class SurveyGeneratorTest {
    private static final IndicatorTable CUSTOMERS = CustomerGenerator.withDefaults().generate(3000, 5L).table();

    @Test
    void answersAreReproducibleOnTheScaleAndFromDistinctCustomers() {
        IndicatorTable a = SurveyGenerator.withDefaults().generate(CUSTOMERS, 800, 9L);
        IndicatorTable b = SurveyGenerator.withDefaults().generate(CUSTOMERS, 800, 9L);
        assertThat(a.rowCount()).isEqualTo(800);
        assertThat(a.indicatorCount()).isEqualTo(28);
        assertThat(a.ids()).isEqualTo(b.ids()).doesNotHaveDuplicates();
        for (int j = 0; j < a.indicatorCount(); j++) {
            assertThat(a.column(j)).isEqualTo(b.column(j));
        }
        for (int j = 1; j < a.indicatorCount(); j++) {
            for (double v : a.column(j)) {
                assertThat(v).isBetween(1.0, 10.0).isEqualTo(Math.rint(v));
            }
        }
        // the class column is copied from the customers
        for (int s = 0; s < 20; s++) {
            assertThat(a.get(s, 0)).isEqualTo(CUSTOMERS.get(a.id(s), CustomerIndicators.CUSTOMER_CLASS));
        }
    }

    @Test
    void modelIsDocumented() {
        assertThat(SurveyGenerator.truePaths()).containsEntry("SAT -> LOY", 0.55)
            .containsEntry("IMAG -> EXPE", 0.50).hasSize(10);
        assertThat(SurveyGenerator.blocks().get("QUAL")).containsExactly("qual1", "qual2", "qual3", "qual4", "qual5");
        assertThat(SurveyGenerator.blocks().keySet()).containsExactlyElementsOf(SurveyGenerator.CONSTRUCTS);
    }

    @Test
    void itemsOfOneConstructCorrelateMoreThanItemsOfDistantOnes() {
        IndicatorTable s = SurveyGenerator.withDefaults().generate(CUSTOMERS, 3000, 3L);
        double within = TestData.correlation(s.column("sat1"), s.column("sat2"));
        double near = TestData.correlation(s.column("sat1"), s.column("loy1"));
        double far = TestData.correlation(s.column("expe1"), s.column("loy1"));
        assertThat(within).isGreaterThan(near);
        assertThat(near).isGreaterThan(far);
        assertThat(far).isGreaterThan(0.05);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> SurveyGenerator.withDefaults().generate(CUSTOMERS, 3001, 1L))
            .isInstanceOf(SamplesException.class).hasMessageContaining("3001").hasMessageContaining("respondents");
        IndicatorTable noClass = IndicatorTable.ofRows(List.of(Indicator.benefit("x")), List.of("a"), new double[][] {{1}});
        assertThatThrownBy(() -> SurveyGenerator.withDefaults().generate(noClass, 1, 1L))
            .isInstanceOf(SamplesException.class).hasMessageContaining("customer_class");
    }
}
