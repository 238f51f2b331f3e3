package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.powercx.core.GuideSnippets;

/** Runs every snippet of the credit chapter of the user guide and checks the output it shows. */
class UserGuideTest {

    @Test
    void creditGuideSnippetsRunAndPrintWhatTheGuideShows() {
        assertThat(GuideSnippets.verify("credit.md")).isEqualTo(9);
    }
}
