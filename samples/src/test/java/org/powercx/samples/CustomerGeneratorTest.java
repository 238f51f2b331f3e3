package org.powercx.samples;

import org.powercx.core.CustomerIndicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TestData;

class CustomerGeneratorTest {
    private static final GeneratedCustomers BIG = CustomerGenerator.withDefaults().generate(60_000, 7L);

    @Test
    void sameSeedGivesSameBitsWhateverTheThreads() {
        GeneratedCustomers a = CustomerGenerator.withDefaults().generate(40_000 / 2, 11L);
        GeneratedCustomers b = CustomerGenerator.withDefaults().withParallel(false).generate(40_000 / 2, 11L);
        for (var ind : CustomerGenerator.columns()) {
            assertThat(a.column(ind.name())).as(ind.name()).isEqualTo(b.column(ind.name()));
        }
        assertThat(a.creditQuality()).isEqualTo(b.creditQuality());
        assertThat(a.theft()).isEqualTo(b.theft());
        GeneratedCustomers c = CustomerGenerator.withDefaults().generate(20_000, 12L);
        assertThat(c.column(CustomerIndicators.ANNUAL_CONSUMPTION)).isNotEqualTo(a.column(CustomerIndicators.ANNUAL_CONSUMPTION));
    }

    @Test
    void classSharesAndSizesFollowTheModel() {
        double[] cls = BIG.column(CustomerIndicators.CUSTOMER_CLASS);
        double[] mwh = BIG.column(CustomerIndicators.ANNUAL_CONSUMPTION);
        double[] count = new double[4];
        double[] mean = new double[4];
        for (int i = 0; i < cls.length; i++) {
            count[(int) cls[i] - 1]++;
            mean[(int) cls[i] - 1] += mwh[i];
        }
        for (CustomerClass c : CustomerClass.values()) {
            double p = c.share();
            double se = Math.sqrt(p * (1 - p) / cls.length);
            assertThat(count[c.code() - 1] / cls.length).as(c.label()).isCloseTo(p, within(4 * se));
            mean[c.code() - 1] /= count[c.code() - 1];
        }
        // large industry > commerce and industry > agriculture > residential
        assertThat(mean[0]).isGreaterThan(mean[1]);
        assertThat(mean[1]).isGreaterThan(mean[3]);
        assertThat(mean[3]).isGreaterThan(mean[2]);
    }

    @Test
    void feeRevenueIsConsumptionTimesTariff() {
        double[] mwh = BIG.column(CustomerIndicators.ANNUAL_CONSUMPTION);
        double[] tariff = BIG.column(CustomerIndicators.TARIFF);
        double[] fee = BIG.column(CustomerIndicators.FEE_REVENUE);
        for (int i = 0; i < 1000; i++) {
            assertThat(fee[i]).isCloseTo(mwh[i] * tariff[i], within(0.005 + 1e-9));
        }
    }

    @Test
    void defaultsFollowTheLatentCreditQuality() {
        double[] q = BIG.creditQuality();
        double[] pd = BIG.defaultProbability();
        int[] d = BIG.defaultLabels();
        double expected = 0;
        double observed = 0;
        for (int i = 0; i < q.length; i++) {
            assertThat(pd[i]).isEqualTo(1 / (1 + Math.exp(-(CustomerGenerator.DEFAULT_INTERCEPT
                + CustomerGenerator.DEFAULT_SLOPE * q[i]))), within(1e-12));
            expected += pd[i];
            observed += d[i];
        }
        // observed defaults within 4 binomial standard errors of the model's expectation
        assertThat(observed).isCloseTo(expected, within(4 * Math.sqrt(expected)));
        // on-time payment rises with credit quality
        double[] onTime = BIG.column(CustomerIndicators.ON_TIME_PAYMENT_RATE);
        assertThat(TestData.correlation(q, onTime)).isGreaterThan(0.6);
        double[] arrears = BIG.column(CustomerIndicators.ARREARS_COUNT);
        assertThat(TestData.correlation(q, arrears)).isLessThan(-0.4);
    }

    @Test
    void tableHasTheDocumentedColumnsAndIds() {
        GeneratedCustomers g = CustomerGenerator.withDefaults().generate(3, 1L);
        IndicatorTable t = g.table();
        assertThat(t.indicators()).isEqualTo(CustomerGenerator.columns());
        assertThat(t.ids()).containsExactly("C00000001", "C00000002", "C00000003");
        assertThat(GeneratedCustomers.id(123_456_788)).isEqualTo("C123456789");
        assertThat(g.size()).isEqualTo(3);
        assertThat(g.latentGrowth()).hasSize(3);
        assertThat(g.toString()).contains("large industry", "default rate", "3 customers");
        assertThatThrownBy(() -> g.ids().get(3)).isInstanceOf(SamplesException.class).hasMessageContaining("row 3");
        assertThatThrownBy(() -> g.column("nope")).isInstanceOf(SamplesException.class).hasMessageContaining("'nope'");
    }

    @Test
    void rejectsBadCounts() {
        assertThatThrownBy(() -> CustomerGenerator.withDefaults().generate(0, 1L))
            .isInstanceOf(SamplesException.class).hasMessageContaining("number of customers").hasMessageContaining("0");
        assertThatThrownBy(() -> CustomerClass.ofCode(7)).isInstanceOf(SamplesException.class)
            .hasMessageContaining("7");
        assertThat(CustomerClass.ofCode(1)).isEqualTo(CustomerClass.LARGE_INDUSTRY);
    }
}
