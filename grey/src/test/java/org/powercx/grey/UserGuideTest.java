package org.powercx.grey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.powercx.core.GuideSnippets;

/** Runs every snippet of the grey chapter of the user guide and checks the output it shows. */
class UserGuideTest {

    @Test
    void greyGuideSnippetsRunAndPrintWhatTheGuideShows() {
        assertThat(GuideSnippets.verify("grey.md")).isEqualTo(6);
    }
}
