package org.powercx.segmentation;

import org.powercx.samples.CustomerGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.grey.GreyModel;

class ConsumptionProjectionTest {
    @Test
    void kernelAgreesWithTheGreyModule() {
        IndicatorTable t = CustomerGenerator.withDefaults().generate(2000, 8L).table();
        for (int steps : new int[] {1, 3}) {
            double[] projected = ConsumptionProjection.project(t, ConsumptionProjection.DEFAULT_SERIES, steps);
            for (int i = 0; i < t.rowCount(); i++) {
                double[] series = new double[5];
                for (int k = 0; k < 5; k++) {
                    series[k] = t.get(i, t.indexOf(ConsumptionProjection.DEFAULT_SERIES.get(k)));
                }
                double expected = GreyModel.withDefaults().fit(series).forecast(steps)[steps - 1];
                assertThat(projected[i]).as("customer %d", i).isCloseTo(expected, within(1e-10 * expected));
            }
        }
    }

    @Test
    void exponentialSeriesIsProjectedAlongItsGrowth() {
        // GM(1,1) on 100 * 1.1^k: a close to -ln(1.1) and the forecast close to 100 * 1.1^5
        double[][] series = new double[5][1];
        for (int k = 0; k < 5; k++) {
            series[k][0] = 100 * Math.pow(1.1, k);
        }
        double[] out = new double[1];
        ConsumptionProjection.project(series, 1, out);
        assertThat(out[0]).isCloseTo(100 * Math.pow(1.1, 5), within(0.5));
    }

    @Test
    void rejectsBadInput() {
        IndicatorTable t = IndicatorTable.builder(Indicator.benefit("y1"), Indicator.benefit("y2"),
            Indicator.benefit("y3"), Indicator.benefit("y4")).row("a", 1, 2, 0, 3).build();
        assertThatThrownBy(() -> ConsumptionProjection.project(t, List.of("y1", "y2", "y3", "y4"), 1))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("customer 'a'")
            .hasMessageContaining("'y3'").hasMessageContaining("positive");
        assertThatThrownBy(() -> ConsumptionProjection.project(t, List.of("y1", "y2", "y4", "y5"), 1))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("unknown indicator 'y5'");
        assertThatThrownBy(() -> ConsumptionProjection.project(t, List.of("y1", "y2", "y3"), 1))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("at least 4");
        assertThatThrownBy(() -> ConsumptionProjection.project(new double[4][2], 0, new double[2]))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("steps");
        assertThatThrownBy(() -> ConsumptionProjection.project(new double[4][2], 1, new double[3]))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("3 values");
        assertThatThrownBy(() -> ConsumptionProjection.project(null, 1, new double[3]))
            .isInstanceOf(SegmentationException.class);
    }
}
