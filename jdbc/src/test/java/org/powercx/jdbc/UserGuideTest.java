package org.powercx.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.powercx.core.GuideSnippets;

/** Runs the Java snippets of the database chapter of the user guide and checks the output they show. */
class UserGuideTest {

    @Test
    void jdbcGuideSnippetsRunAndPrintWhatTheGuideShows() {
        assertThat(GuideSnippets.verify("jdbc.md")).isEqualTo(3);
    }
}
