package org.powercx.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.powercx.core.GuideSnippets;

/** Runs every snippet of the satisfaction chapter of the user guide and checks the output it shows. */
class UserGuideTest {

    @Test
    void satisfactionGuideSnippetsRunAndPrintWhatTheGuideShows() {
        assertThat(GuideSnippets.verify("satisfaction.md")).isEqualTo(13);
    }
}
