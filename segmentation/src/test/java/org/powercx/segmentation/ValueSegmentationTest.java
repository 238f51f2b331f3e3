package org.powercx.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ValueSegmentationTest {
    private static final double[] CURRENT = {1, 2, 3, 4, 10};
    private static final double[] POTENTIAL = {5, 1, 4, 2, 3};

    @Test
    void quantileIsHyndmanFanType7() {
        // R 4.x: quantile(c(1, 2, 3, 4, 10), c(0.3, 0.5, 0.9)) gives 2.2, 3, 7.6
        assertThat(ValueSegmentation.quantile(CURRENT, 0.3)).isCloseTo(2.2, within(1e-12));
        assertThat(ValueSegmentation.quantile(CURRENT, 0.5)).isEqualTo(3.0);
        assertThat(ValueSegmentation.quantile(CURRENT, 0.9)).isCloseTo(7.6, within(1e-12));
    }

    @Test
    void selectionGivesTheSameQuantilesAsSorting() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int n : new int[] {1, 2, 3, 10, 1001, 20_000}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextInt(50) / 7.0; // many ties
            }
            double[] sorted = x.clone();
            java.util.Arrays.sort(sorted);
            for (double p : new double[] {0, 0.1, 0.2, 0.5, 0.8, 0.999, 1}) {
                double h = (n - 1) * p;
                int lo = (int) Math.floor(h);
                int hi = Math.min(lo + 1, n - 1);
                double expected = sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
                assertThat(ValueSegmentation.quantile(x, p)).as("n %d p %s", n, p).isEqualTo(expected);
            }
        }
    }

    @Test
    void medianSplit() {
        ValueSegments defaults = ValueSegmentation.withDefaults().segment(CURRENT, POTENTIAL);
        // defaults: 0.8 quantile of current value, median of potential value
        assertThat(defaults.currentCutoff()).isCloseTo(5.2, within(1e-12));
        assertThat(defaults.potentialCutoff()).isEqualTo(3.0);
        assertThat(defaults.ordinals()).containsExactly(1, 3, 1, 3, 0);
        ValueSegments s = ValueSegmentation.withDefaults().withQuantiles(0.5, 0.5).segment(CURRENT, POTENTIAL);
        // cut-offs 3 and 3: high current {3, 4, 10}, high potential {5, 4, 3}
        assertThat(s.currentCutoff()).isEqualTo(3.0);
        assertThat(s.potentialCutoff()).isEqualTo(3.0);
        assertThat(s.segment(0)).isEqualTo(ValueSegment.DEVELOP);
        assertThat(s.segment(1)).isEqualTo(ValueSegment.BASIC);
        assertThat(s.segment(2)).isEqualTo(ValueSegment.KEY);
        assertThat(s.segment(3)).isEqualTo(ValueSegment.MAINTAIN);
        assertThat(s.segment(4)).isEqualTo(ValueSegment.KEY);
        assertThat(s.counts()).containsExactly(2, 1, 1, 1);
        assertThat(s.ordinals()).containsExactly(1, 3, 0, 2, 0);
        assertThat(s.method()).isEqualTo(CutoffMethod.QUANTILE);
        assertThat(s.size()).isEqualTo(5);
        assertThat(s.currentValues()).isEqualTo(CURRENT);
        assertThat(s.potentialValues()).isEqualTo(POTENTIAL);
        assertThat(s.toString()).contains("key", "develop", "QUANTILE cut-offs: current 3, potential 3");
    }

    @Test
    void meanAndGivenCutoffs() {
        ValueSegments mean = ValueSegmentation.withDefaults().withMeanCutoffs().segment(CURRENT, POTENTIAL);
        assertThat(mean.currentCutoff()).isEqualTo(4.0);
        assertThat(mean.potentialCutoff()).isEqualTo(3.0);
        assertThat(mean.segment(2)).isEqualTo(ValueSegment.DEVELOP);
        assertThat(mean.method()).isEqualTo(CutoffMethod.MEAN);
        ValueSegments given = ValueSegmentation.withDefaults().withCutoffs(10, 5).segment(CURRENT, POTENTIAL);
        assertThat(given.ordinals()).containsExactly(1, 3, 3, 3, 2);
        ValueSegments q = ValueSegmentation.withDefaults().withQuantiles(0.9, 0.1).segment(CURRENT, POTENTIAL);
        assertThat(q.currentCutoff()).isCloseTo(7.6, within(1e-12));
        assertThat(q.potentialCutoff()).isCloseTo(1.4, within(1e-12));
        assertThat(q.counts()).containsExactly(1, 3, 0, 1);
    }

    @Test
    void mediansAndTotalsPerSegment() {
        double[] clv = {7, 3, 144, 50, 1007};
        ValueSegments s = ValueSegmentation.withDefaults().withQuantiles(0.5, 0.5).segment(CURRENT, POTENTIAL);
        // key = rows 2 and 4: R 4.x median(c(144, 1007)) gives 575.5; one-customer segments are their value
        assertThat(s.medians(clv)).containsExactly(575.5, 7, 50, 3);
        assertThat(s.totals(clv)).containsExactly(1151, 7, 50, 3);
        ValueSegments q = ValueSegmentation.withDefaults().withQuantiles(0.9, 0.1).segment(CURRENT, POTENTIAL);
        // develop = rows 0, 2, 3: R median(c(7, 144, 50)) gives 50; maintain is empty
        assertThat(q.medians(clv)).containsExactly(1007, 50, Double.NaN, 3);
        assertThat(q.totals(clv)).containsExactly(1007, 201, 0, 3);
        assertThat(clv).containsExactly(7, 3, 144, 50, 1007);
        assertThatThrownBy(() -> s.medians(new double[4])).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("4 values for 5 customers");
        assertThatThrownBy(() -> s.totals(new double[] {1, 2, Double.POSITIVE_INFINITY, 4, 5}))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("row 2").hasMessageContaining("Infinity");
        assertThatThrownBy(() -> s.medians(null)).isInstanceOf(SegmentationException.class);
    }

    @Test
    void rejectsBadInput() {
        ValueSegmentation v = ValueSegmentation.withDefaults();
        assertThatThrownBy(() -> v.withQuantiles(1.0, 0.5)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("current-value quantile").hasMessageContaining("1.0");
        assertThatThrownBy(() -> v.withQuantiles(0.5, Double.NaN)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("potential-value quantile");
        assertThatThrownBy(() -> v.withCutoffs(Double.NaN, 1)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("finite");
        assertThatThrownBy(() -> v.segment(new double[0], new double[0])).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("at least one customer");
        assertThatThrownBy(() -> v.segment(new double[2], new double[3])).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("2 current values but 3 potential values");
        assertThatThrownBy(() -> v.segment(new double[] {1, Double.NaN}, new double[2]))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("current value of row 1").hasMessageContaining("NaN");
        assertThatThrownBy(() -> v.segment(CURRENT, POTENTIAL).segment(5)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("row 5");
    }

    @Test
    void theSettingsOfEachMethod() {
        ValueSegmentation defaults = ValueSegmentation.withDefaults();
        assertThat(defaults.currentParameter()).isEqualTo(0.8);
        assertThat(defaults.potentialParameter()).isEqualTo(0.5);
        ValueSegmentation given = defaults.withCutoffs(0.3, 0.4);
        assertThat(given.method()).isEqualTo(CutoffMethod.GIVEN);
        assertThat(given.currentParameter()).isEqualTo(0.3);
        assertThat(given.potentialParameter()).isEqualTo(0.4);
        assertThat(defaults.withMeanCutoffs().currentParameter()).isNaN();
        assertThat(CustomerAnalysis.withDefaults().with(given).valueSegmentation()).isSameAs(given);
    }
}
