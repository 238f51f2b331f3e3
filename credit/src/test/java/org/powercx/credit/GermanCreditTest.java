package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The shared German credit fixture: its shape, its class balance, and labels that a test cannot spoil. */
class GermanCreditTest {
    @Test
    void thousandApplicantsWithTwentyFourAttributesAndThreeHundredBad() {
        assertThat(GermanCredit.table().rowCount()).isEqualTo(GermanCredit.ROWS);
        assertThat(GermanCredit.table().indicatorCount()).isEqualTo(GermanCredit.ATTRIBUTES);
        assertThat(GermanCredit.table().indicatorNames()).startsWith("a1", "a2").endsWith("a24");
        assertThat(Arrays.stream(GermanCredit.labels()).sum()).isEqualTo(300);
        assertThat(GermanCredit.scores().get("y_bad")).hasSize(GermanCredit.ROWS);
        assertThat(GermanCredit.folds()).hasSize(GermanCredit.ROWS);
    }

    @Test
    void labelsAreHandedOutAsCopiesAndTheModelIsFittedOnce() {
        int[] a = GermanCredit.labels();
        Arrays.fill(a, 1);
        assertThat(Arrays.stream(GermanCredit.labels()).sum()).isEqualTo(300);
        assertThat(GermanCredit.model()).isSameAs(GermanCredit.model());
        assertThat(GermanCredit.model().scores(GermanCredit.table()))
            .containsExactly(LinearDiscriminant.withDefaults().fit(GermanCredit.table(), GermanCredit.labels())
                .scores(GermanCredit.table()));
    }
}
