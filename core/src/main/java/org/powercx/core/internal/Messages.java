package org.powercx.core.internal;

/**
 * Message text shared by the modules' exceptions. Internal: not part of the API, may change in any release.
 */
public final class Messages {
    private Messages() {
    }

    /**
     * The text on one line: every control character (line feed, carriage return, tab, escape, next line...) and
     * the Unicode line and paragraph separators become a space, so that a name or value taken from a file cannot
     * break a message over several lines or send terminal escapes.
     *
     * @param text the text, possibly null
     * @return the text without control characters, {@code "null"} for null
     */
    public static String oneLine(String text) {
        String s = String.valueOf(text);
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                if (b == null) {
                    b = new StringBuilder(s);
                }
                b.setCharAt(i, ' ');
            }
        }
        return b == null ? s : b.toString();
    }
}
