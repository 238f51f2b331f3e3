package org.powercx.ahp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.powercx.core.GuideSnippets;

/** Compiles and runs every snippet of docs/ahp.md and checks the output it shows. */
class UserGuideTest {
    @Test
    void ahpGuideSnippetsRunAndPrintWhatThePageShows() {
        assertThat(GuideSnippets.verify("ahp.md")).isEqualTo(7);
    }
}
