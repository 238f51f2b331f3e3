package org.powercx.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercx.core.CoreException;

class MessagesTest {
    @Test
    void quotedValuesShowTheirStartAndLength() {
        String big = "v".repeat(50_000_000);
        String message = new CoreException("line %d, column '%s': '%s' is not a number", 7, "a", big).getMessage();
        assertThat(message).isEqualTo("line 7, column 'a': '" + "v".repeat(80) + "...' (50,000,000 characters)"
            + " is not a number");
        assertThat(Messages.quote("ab")).isEqualTo("'ab'");
        assertThat(Messages.quote("w".repeat(81))).isEqualTo("'" + "w".repeat(80) + "...' (81 characters)");
    }

    @Test
    void otherTextIsCutLaterAndControlCharactersBecomeSpaces() {
        String names = List.of("x".repeat(1_400)).toString();
        assertThat(Messages.format("the header has %s", names))
            .isEqualTo("the header has [" + "x".repeat(999) + "... (1,402 characters)");
        assertThat(Messages.format("'%s' and %s", "a\nb\u0001", "c\td")).isEqualTo("'a b ' and c d");
        assertThat(Messages.format("%5.2f%% of %,d (%S) %b %s", 1.5, 12345, "ab", true, 3))
            .isEqualTo(" 1.50% of 12,345 (AB) true 3");
        assertThat(Messages.format("%2$s-%1$s", "a", "b")).isEqualTo("b-a");
        assertThat(Messages.format("no arguments %%")).isEqualTo("no arguments %");
        String surrogates = "\uD83D\uDE00".repeat(60);
        assertThat(Messages.quote("a" + surrogates)).startsWith("'a" + "\uD83D\uDE00".repeat(39) + "...'");
    }

    @Test
    void oneLineReplacesControlCharactersAndLineSeparatorsWithoutShortening() {
        assertThat(Messages.oneLine("a\rb\nc\u2028d\u0085e\tf\u2029g\u001b[31m")).isEqualTo("a b c d e f g [31m");
        assertThat(Messages.oneLine("x".repeat(5_000))).hasSize(5_000);
        assertThat(Messages.oneLine(null)).isEqualTo("null");
    }
}
