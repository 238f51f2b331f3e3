package org.powercx.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.powercx.core.GuideSnippets;

/** Runs the snippets of docs/segmentation.md and docs/production.md and checks the outputs they show. */
class UserGuideTest {
    @Test
    void guideSnippetsRunAndPrintWhatTheGuideShows() {
        assertThat(GuideSnippets.verify("segmentation.md")).isGreaterThanOrEqualTo(10);
    }

    @Test
    void productionChapterSnippetsRunAndPrintWhatItShows() {
        assertThat(GuideSnippets.verify("production.md")).isEqualTo(4);
    }
}
