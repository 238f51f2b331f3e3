package org.powercx.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.powercx.clv.BgNbd;
import org.powercx.clv.DiscountedClv;
import org.powercx.clv.GammaGamma;
import org.powercx.clv.PaymentTiming;
import org.powercx.clv.PurchaseClv;
import org.powercx.clv.ShiftedBetaGeometric;

class ClvBenchmarkTest {

    @Test
    void everyVariantAgreesWithThePublicApiAndLeavesItsInputUntouched() {
        ClvBenchmark b = new ClvBenchmark();
        b.setUp();
        assertThat(b.frequency).hasSize(2357);
        double[] cohort = b.cohort.clone();
        double[] x = b.frequency.clone();
        double[] tx = b.recency.clone();
        double[] t = b.age.clone();
        double[] z = b.meanSpend.clone();
        double[] m = b.margins.clone();
        double[] r = b.retentions.clone();

        assertThat(b.sbgFit()).isEqualTo(ShiftedBetaGeometric.fit(cohort).model().alpha());
        assertThat(b.bgNbdFit()).isEqualTo(BgNbd.fit(x, tx, t).model().r());
        assertThat(b.gammaGammaFit()).isEqualTo(GammaGamma.fit(x, z).model().p());
        double[] inf = b.deterministicClvInfinite().clone();
        double[] ten = b.deterministicClvTenPeriods().clone();
        DiscountedClv api = DiscountedClv.of(0.08);
        DiscountedClv api10 = api.withHorizon(10).with(PaymentTiming.START_OF_PERIOD);
        for (int i = 0; i < m.length; i += 997) {
            assertThat(inf[i]).isEqualTo(api.value(m[i], r[i]));
            assertThat(ten[i]).isEqualTo(api10.value(m[i], r[i]));
        }
        double[] mx = b.millionFrequency.clone();
        double[] mtx = b.millionRecency.clone();
        double[] mt = b.millionAge.clone();
        double[] mz = b.millionSpend.clone();
        double[] purchase = b.purchaseClvMillion().clone();
        PurchaseClv clv = PurchaseClv.of(BgNbd.fit(x, tx, t).model(), GammaGamma.fit(x, z).model(), 12, 52.0 / 12)
                .withDiscountRate(0.01).withMargin(0.3);
        for (int i = 0; i < mx.length; i += 997) {
            assertThat(purchase[i]).isEqualTo(clv.value(mx[i], mtx[i], mt[i], mz[i]));
        }
        assertThat(b.baselineMillionHistoriesPass()[7]).isEqualTo(mx[7] + mtx[7] + mt[7] + mz[7]);
        assertThat(Arrays.equals(b.millionFrequency, mx) && Arrays.equals(b.millionRecency, mtx)
                && Arrays.equals(b.millionAge, mt) && Arrays.equals(b.millionSpend, mz)).as("histories untouched")
                .isTrue();
        double[] base = b.baselineMillionPass();
        assertThat(base[5]).isEqualTo(m[5] * r[5]);
        assertThat(b.baselineCohortPass()).isEqualTo(3599);
        assertThat(b.baselineCdnowPass()).isPositive();

        assertThat(Arrays.equals(b.cohort, cohort)).as("cohort untouched").isTrue();
        assertThat(Arrays.equals(b.frequency, x)).as("frequency untouched").isTrue();
        assertThat(Arrays.equals(b.recency, tx)).as("recency untouched").isTrue();
        assertThat(Arrays.equals(b.age, t)).as("age untouched").isTrue();
        assertThat(Arrays.equals(b.meanSpend, z)).as("meanSpend untouched").isTrue();
        assertThat(Arrays.equals(b.margins, m)).as("margins untouched").isTrue();
        assertThat(Arrays.equals(b.retentions, r)).as("retentions untouched").isTrue();
    }
}
