package org.powercx.core.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formats the one-line messages of the modules' exceptions so that a value taken from untrusted input cannot
 * make a message long or break it over lines. Internal: used by every module's exception constructor.
 *
 * <p>A text argument of a plain {@code %s} is shortened: a quoted one ({@code '%s'}, a value from the input) to
 * its first {@value #QUOTED_CHARS} characters followed by {@code ...'} and its length, any other (a file name, a
 * list of names) to its first {@value #OTHER_CHARS} characters. Line breaks and other control characters in text
 * arguments become spaces, so that neither a line break nor a terminal escape gets through. Numbers and every other conversion are
 * formatted as by {@link String#format(Locale, String, Object...)} in {@link Locale#ROOT}.
 */
public final class Messages {
    /** Characters of a quoted value a message shows. */
    public static final int QUOTED_CHARS = 80;
    /** Characters of any other text argument a message shows. */
    public static final int OTHER_CHARS = 1_000;

    private static final Pattern SPECIFIER =
        Pattern.compile("%(\\d+\\$)?([-#+ 0,(<]*)(\\d+)?(\\.\\d+)?([tT])?([a-zA-Z%])");

    private Messages() {
    }

    /**
     * Formats a message in {@link Locale#ROOT}, shortening long text arguments and replacing control characters by spaces.
     *
     * @param format the template, as for {@link String#format(Locale, String, Object...)}
     * @param args its arguments
     * @return the message
     */
    public static String format(String format, Object... args) {
        if (args == null || args.length == 0) {
            return String.format(Locale.ROOT, format);
        }
        try {
            return shortened(format, args);
        } catch (RuntimeException e) {
            return String.format(Locale.ROOT, format, args);
        }
    }

    private static String shortened(String format, Object[] args) {
        StringBuilder out = new StringBuilder(format.length() + 32 * args.length);
        Matcher m = SPECIFIER.matcher(format);
        int at = 0;
        int next = 0;
        while (m.find()) {
            char conversion = m.group(6).charAt(0);
            boolean plain = m.group(1) == null && m.group(2).isEmpty() && m.group(3) == null
                && m.group(4) == null && m.group(5) == null;
            if (conversion == '%' || conversion == 'n') {
                out.append(format, at, m.start());
                out.append(conversion == '%' ? "%" : System.lineSeparator());
                at = m.end();
                continue;
            }
            Object arg;
            if (m.group(1) != null) {
                arg = args[Integer.parseInt(m.group(1).substring(0, m.group(1).length() - 1)) - 1];
            } else if (m.group(2).contains("<")) {
                throw new IllegalArgumentException("relative index");
            } else {
                arg = args[next++];
            }
            boolean quoted = m.start() > 0 && format.charAt(m.start() - 1) == '\''
                && m.end() < format.length() && format.charAt(m.end()) == '\'';
            if ((conversion == 's' || conversion == 'S') && plain && !(arg instanceof Number)
                && !(arg instanceof Boolean)) {
                String text = String.valueOf(arg);
                if (conversion == 'S') {
                    text = text.toUpperCase(Locale.ROOT);
                }
                int max = quoted ? QUOTED_CHARS : OTHER_CHARS;
                out.append(format, at, m.start());
                out.append(shown(text, max));
                if (quoted) {
                    out.append('\'');
                    at = m.end() + 1;
                } else {
                    at = m.end();
                }
                if (text.length() > max) {
                    out.append(" (").append(String.format(Locale.ROOT, "%,d", text.length())).append(" characters)");
                }
                continue;
            }
            out.append(format, at, m.start());
            out.append(String.format(Locale.ROOT, "%" + nullToEmpty(m.group(2)) + nullToEmpty(m.group(3))
                + nullToEmpty(m.group(4)) + nullToEmpty(m.group(5)) + m.group(6), arg));
            at = m.end();
        }
        out.append(format, at, format.length());
        return out.toString();
    }

    /**
     * Shortens a value for a message: at most {@value #QUOTED_CHARS} characters, then {@code ...} and the
     * length in characters, control characters as spaces. For messages built without a format.
     *
     * @param value the value
     * @return the value in single quotes, shortened
     */
    public static String quote(String value) {
        String text = String.valueOf(value);
        String q = "'" + shown(text, QUOTED_CHARS) + "'";
        return text.length() > QUOTED_CHARS
            ? q + " (" + String.format(Locale.ROOT, "%,d", text.length()) + " characters)" : q;
    }

    /**
     * The text on one line: every control character (line feed, carriage return, tab, escape, next line...) and
     * the Unicode line and paragraph separators become a space, so that a name or value taken from a file cannot
     * break a message over several lines or send terminal escapes. Nothing is shortened.
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

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The first {@code max} characters of the text, control characters as spaces, then "..." if cut. */
    private static String shown(String text, int max) {
        int end = Math.min(text.length(), max);
        if (end < text.length() && end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        StringBuilder b = new StringBuilder(end + 8);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        if (end < text.length()) {
            b.append("...");
        }
        return b.toString();
    }
}
