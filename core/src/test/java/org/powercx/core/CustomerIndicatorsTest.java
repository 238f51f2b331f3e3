package org.powercx.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CustomerIndicatorsTest {
    @Test
    void oneEntryPerNameWithDirectionsOfTheSourceDocuments() {
        List<Indicator> all = CustomerIndicators.all();
        assertThat(all).hasSize(30);
        assertThat(all.stream().map(Indicator::name).collect(Collectors.toSet())).hasSize(30);
        assertThat(all.get(0).name()).isEqualTo(CustomerIndicators.CUSTOMER_CLASS);
        assertThat(all.get(23).name()).isEqualTo(CustomerIndicators.DEFAULTED);
        assertThat(CustomerIndicators.customerTable()).isEqualTo(all.subList(0, 24));
        assertThat(CustomerIndicators.of(CustomerIndicators.ASSET_LIABILITY_RATIO).direction())
            .isEqualTo(Direction.COST);
        assertThat(CustomerIndicators.of(CustomerIndicators.ON_TIME_PAYMENT_RATE).direction())
            .isEqualTo(Direction.BENEFIT);
        assertThat(CustomerIndicators.of(CustomerIndicators.ARREARS_AMOUNT).direction()).isEqualTo(Direction.COST);
        assertThat(CustomerIndicators.of(CustomerIndicators.SERVICE_QUALITY_SENSITIVITY).direction())
            .isEqualTo(Direction.COST);
        assertThat(CustomerIndicators.of("consumption_y1", "consumption_y5")).extracting(Indicator::unit)
            .containsExactly("MWh", "MWh");
    }

    @Test
    void oneUnitPerQuantity() {
        // Money in thousand yuan, shares as fractions of one: the units that once disagreed between catalogues.
        assertThat(CustomerIndicators.of(CustomerIndicators.ARREARS_AMOUNT).unit()).isEqualTo("thousand yuan");
        assertThat(CustomerIndicators.of(CustomerIndicators.FEE_REVENUE).unit()).isEqualTo("thousand yuan");
        assertThat(CustomerIndicators.of(CustomerIndicators.ON_TIME_PAYMENT_RATE).unit()).isEqualTo("share");
        assertThat(CustomerIndicators.of(CustomerIndicators.ASSET_LIABILITY_RATIO).unit()).isEqualTo("share");
        for (Indicator i : CustomerIndicators.all()) {
            assertThat(i.unit().isEmpty() && i.description().isEmpty()).as(i.name()).isFalse();
            assertThat(i.unit()).as(i.name()).doesNotContain("CNY");
        }
    }

    @Test
    void unknownNamesAreNamed() {
        assertThatThrownBy(() -> CustomerIndicators.of("arrears")).isInstanceOf(CoreException.class)
            .hasMessageContaining("'arrears'").hasMessageContaining("catalogue");
        assertThatThrownBy(() -> CustomerIndicators.of((String) null)).isInstanceOf(CoreException.class);
        assertThatThrownBy(() -> CustomerIndicators.of((String[]) null)).isInstanceOf(CoreException.class)
            .hasMessageContaining("null");
        assertThatThrownBy(() -> CustomerIndicators.of("tariff", "x")).hasMessageContaining("'x'");
    }
}
