package org.powercx.samples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;

class SampleDataTest {
    @Test
    void bundledSampleIsTheGeneratorsOutputForTheDocumentedSeeds() {
        IndicatorTable customers = SampleData.customers();
        IndicatorTable expected = CustomerGenerator.withDefaults().generate(SampleData.CUSTOMERS,
            SampleData.CUSTOMER_SEED).table();
        assertThat(customers.ids()).isEqualTo(expected.ids());
        assertThat(customers.indicators()).isEqualTo(expected.indicators());
        for (int j = 0; j < expected.indicatorCount(); j++) {
            assertThat(customers.column(j)).as(expected.indicator(j).name()).isEqualTo(expected.column(j));
        }
        IndicatorTable survey = SampleData.survey();
        IndicatorTable expectedSurvey = SurveyGenerator.withDefaults().generate(expected, SampleData.RESPONDENTS,
            SampleData.SURVEY_SEED);
        assertThat(survey.ids()).isEqualTo(expectedSurvey.ids());
        assertThat(survey.indicatorNames()).isEqualTo(expectedSurvey.indicatorNames());
        for (int j = 0; j < survey.indicatorCount(); j++) {
            assertThat(survey.column(j)).isEqualTo(expectedSurvey.column(j));
        }
    }
}
