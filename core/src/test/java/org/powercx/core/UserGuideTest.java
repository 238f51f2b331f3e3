package org.powercx.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs every snippet of the core chapter of the user guide and checks the output it shows. */
class UserGuideTest {

    @Test
    void coreGuideSnippetsRunAndPrintWhatTheGuideShows() {
        assertThat(GuideSnippets.verify("core.md")).isEqualTo(9);
    }
}
