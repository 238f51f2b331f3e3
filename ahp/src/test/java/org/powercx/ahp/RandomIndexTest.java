package org.powercx.ahp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Random-index tables against refdata/ri_tables.csv (values as listed by each source). */
class RandomIndexTest {
    @Test
    void everyListedValueMatchesTheReferenceTable() {
        String[] lines = RefData.resource("ri_tables.csv").strip().split("\n");
        RandomIndex[] columns = {RandomIndex.SAATY_1980, RandomIndex.SAATY_2005, RandomIndex.DONEGAN_DODD,
            RandomIndex.ALONSO_LAMATA, RandomIndex.ALONSO_LAMATA, RandomIndex.AHPSURVEY_SIMULATED};
        int checked = 0;
        for (int r = 1; r < lines.length; r++) {
            String[] cells = lines[r].split(",", -1);
            int n = Integer.parseInt(cells[0]);
            for (int c = 0; c < columns.length; c++) {
                String cell = cells[c + 1].strip();
                if (cell.isEmpty() || n <= 2) {
                    continue;
                }
                if (c == 4 && n <= 15) {
                    // the formula column: our ALONSO_LAMATA uses the table up to 15, check the fit directly
                    assertThat((1.7699 * n - 4.3513) / (n - 1)).isCloseTo(Double.parseDouble(cell), within(5e-7));
                    continue;
                }
                assertThat(columns[c].value(n)).as("%s n=%d", columns[c], n)
                    .isCloseTo(Double.parseDouble(cell), within(5e-7));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(150);
    }

    @Test
    void ordersOneAndTwoHaveZeroIndex() {
        for (RandomIndex ri : RandomIndex.values()) {
            assertThat(ri.value(1)).isZero();
            assertThat(ri.value(2)).isZero();
        }
    }

    @Test
    void doneganDoddInterpolatesBetweenListedOrders() {
        assertThat(RandomIndex.DONEGAN_DODD.value(22)).isCloseTo(1.5371 + (1.5619 - 1.5371) * 2 / 5, within(1e-15));
        assertThat(RandomIndex.DONEGAN_DODD.value(55)).isCloseTo((1.6102 + 1.6178) / 2, within(1e-15));
        assertThat(RandomIndex.AHPSURVEY_SIMULATED.value(80)).isEqualTo(1.7060381);
        assertThat(RandomIndex.DONEGAN_DODD.maxOrder()).isEqualTo(100);
        assertThat(RandomIndex.SAATY_1980.maxOrder()).isEqualTo(15);
        assertThat(RandomIndex.ALONSO_LAMATA.maxOrder()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void ordersBeyondATableAreRejectedNamingTheTable() {
        assertThatThrownBy(() -> RandomIndex.SAATY_2005.value(16)).isInstanceOf(AhpException.class)
            .hasMessageContaining("SAATY_2005").hasMessageContaining("n = 16").hasMessageContaining("n <= 15");
        assertThatThrownBy(() -> RandomIndex.DONEGAN_DODD.value(101)).hasMessageContaining("n = 101");
        assertThatThrownBy(() -> RandomIndex.ALONSO_LAMATA.value(0)).isInstanceOf(AhpException.class)
            .hasMessageContaining("n = 0");
    }
}
