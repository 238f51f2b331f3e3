package org.powercx.clv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.powercx.core.GuideSnippets;

/** Runs every snippet of the CLV chapter of the user guide and checks the output it shows. */
class ClvUserGuideTest {

    @Test
    void clvGuideSnippetsRunAndPrintWhatTheGuideShows() {
        assertThat(GuideSnippets.verify("clv.md")).isEqualTo(11);
    }
}
