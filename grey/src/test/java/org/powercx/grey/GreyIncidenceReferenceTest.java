package org.powercx.grey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.powercx.core.TestJson;

/**
 * GI-01 (refdata/gi01_ghg_incidence.json): China energy-related GHG emissions 2000-2015 from the R package
 * greyforecasting's dataset {@code ghg}; expected degrees from its {@code abGI()} and {@code basicGI()} run by
 * the data's authors, recomputed with numpy (tolerance 1e-12).
 */
class GreyIncidenceReferenceTest {
    private static final JsonNode DATA =
        TestJson.resource(GreyIncidenceReferenceTest.class, "refdata/gi01_ghg_incidence.json");
    private static final String[] FUELS = {"coal", "oil", "gas"};

    private static double[] total() {
        return TestJson.vector(DATA, "reference_total");
    }

    private static double[] fuel(String name) {
        return TestJson.vector(DATA, "comparison", name);
    }

    @Test
    void absoluteDegreeMatchesLiuAt1e12() {
        JsonNode exp = TestJson.at(DATA, "expected", "absolute_degree_of_grey_incidence");
        assertThat(GreyIncidence.area(total())).isCloseTo(TestJson.number(exp, "s0"), within(1e-12 * 49521.675));
        for (String f : FUELS) {
            assertThat(GreyIncidence.area(fuel(f))).isCloseTo(TestJson.number(exp, "si", f), within(1e-9));
            assertThat(GreyIncidence.withDefaults().absolute(total(), fuel(f))).as(f)
                .isCloseTo(TestJson.number(exp, "degrees", f), within(1e-12))
                .isCloseTo(TestJson.number(DATA, "published", "abGI", f), within(1e-12));
        }
    }

    @Test
    void dengInitialValueImageMatchesAt1e12() {
        double[] d = GreyIncidence.withDefaults().deng(total(), fuel("coal"), fuel("oil"), fuel("gas"));
        for (int i = 0; i < FUELS.length; i++) {
            assertThat(d[i]).as(FUELS[i])
                .isCloseTo(TestJson.number(DATA, "expected", "deng_initial_value_image", "degrees", FUELS[i]),
                    within(1e-12))
                .isCloseTo(TestJson.number(DATA, "published", "basicGI_initial_value_image", FUELS[i]), within(1e-12));
        }
    }

    @Test
    void dengMeanImageMatchesAt1e12() {
        double[] d = GreyIncidence.withDefaults().with(SequenceOperator.MEAN)
            .deng(total(), fuel("coal"), fuel("oil"), fuel("gas"));
        for (int i = 0; i < FUELS.length; i++) {
            assertThat(d[i]).as(FUELS[i])
                .isCloseTo(TestJson.number(DATA, "expected", "deng_mean_value_image", "degrees", FUELS[i]),
                    within(1e-12));
        }
    }
}
