package org.powercx.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.powercx.core.GuideSnippets;

/** Runs the Java snippet of the file-format chapter of the user guide and checks the output it shows. */
class UserGuideTest {

    @Test
    void formatsGuideSnippetsRunAndPrintWhatTheGuideShows() {
        assertThat(GuideSnippets.verify("formats.md")).isEqualTo(1);
    }
}
