package org.powercx.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void controlCharactersAndLineSeparatorsBecomeSpaces() {
        assertThat(Messages.oneLine("a\rb\nc\u2028d\u0085e\tf\u2029g\u001b[31m")).isEqualTo("a b c d e f g [31m");
        assertThat(Messages.oneLine("plain text, 年用电量")).isEqualTo("plain text, 年用电量");
        assertThat(Messages.oneLine(null)).isEqualTo("null");
    }
}
