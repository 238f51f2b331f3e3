package org.powercx.grey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GI-01 (refdata/gi01_ghg_incidence.json): China energy-related GHG emissions 2000-2015 from the R package
 * greyforecasting's dataset {@code ghg}; expected degrees from its {@code abGI()} and {@code basicGI()} run by
 * the data's authors, recomputed with numpy (tolerance 1e-12).
 */
class GreyIncidenceReferenceTest {
    private static final Map<String, Object> DATA = Json.resource("gi01_ghg_incidence.json");
    private static final String[] FUELS = {"coal", "oil", "gas"};

    private static double[] total() {
        return Json.vec(DATA, "reference_total");
    }

    private static double[] fuel(String name) {
        return Json.vec(DATA, "comparison", name);
    }

    @Test
    void absoluteDegreeMatchesLiuAt1e12() {
        Object exp = Json.get(DATA, "expected", "absolute_degree_of_grey_incidence");
        assertThat(GreyIncidence.area(total())).isCloseTo(Json.num(exp, "s0"), within(1e-12 * 49521.675));
        for (String f : FUELS) {
            assertThat(GreyIncidence.area(fuel(f))).isCloseTo(Json.num(exp, "si", f), within(1e-9));
            assertThat(GreyIncidence.withDefaults().absolute(total(), fuel(f))).as(f)
                .isCloseTo(Json.num(exp, "degrees", f), within(1e-12))
                .isCloseTo(Json.num(DATA, "published", "abGI", f), within(1e-12));
        }
    }

    @Test
    void dengInitialValueImageMatchesAt1e12() {
        double[] d = GreyIncidence.withDefaults().deng(total(), fuel("coal"), fuel("oil"), fuel("gas"));
        for (int i = 0; i < FUELS.length; i++) {
            assertThat(d[i]).as(FUELS[i])
                .isCloseTo(Json.num(DATA, "expected", "deng_initial_value_image", "degrees", FUELS[i]), within(1e-12))
                .isCloseTo(Json.num(DATA, "published", "basicGI_initial_value_image", FUELS[i]), within(1e-12));
        }
    }

    @Test
    void dengMeanImageMatchesAt1e12() {
        double[] d = GreyIncidence.withDefaults().with(SequenceOperator.MEAN)
            .deng(total(), fuel("coal"), fuel("oil"), fuel("gas"));
        for (int i = 0; i < FUELS.length; i++) {
            assertThat(d[i]).as(FUELS[i])
                .isCloseTo(Json.num(DATA, "expected", "deng_mean_value_image", "degrees", FUELS[i]), within(1e-12));
        }
    }
}
