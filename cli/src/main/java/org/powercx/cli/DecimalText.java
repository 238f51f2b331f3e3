package org.powercx.cli;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * The text of a double in CSV output: the shortest decimal that reads back as the same double, in the format of
 * {@link Double#toString(double)}, the same on every Java version.
 *
 * <p>Java 19 and later print exactly that (R. Giulietti, "The Schubfach way to render doubles", 2020; JDK-4511638).
 * Java 17 and 18 print some doubles with more digits than needed (about 1 in 400 random bit patterns, for example
 * {@code 9.999999999999999E22} for 1.0E23), so that the same result would be written differently by two Java
 * versions; there Jackson's implementation of the same algorithm is used, which is also 2 to 3 times faster than
 * theirs.
 *
 * @since 0.2.0
 */
final class DecimalText {
    /** Whether {@link Double#toString(double)} is already the shortest decimal. */
    private static final boolean BUILT_IN = Runtime.version().feature() >= 19;

    private DecimalText() {
    }

    /**
     * The text of a double.
     *
     * @param value any double
     * @return its shortest decimal text, {@code NaN} or {@code Infinity} as {@link Double#toString(double)} prints them
     */
    static String of(double value) {
        return BUILT_IN ? Double.toString(value) : NumberOutput.toString(value, true);
    }

    /**
     * Appends the text of a double.
     *
     * @param text the text so far
     * @param value any double
     * @return {@code text}
     */
    static StringBuilder append(StringBuilder text, double value) {
        return BUILT_IN ? text.append(value) : text.append(NumberOutput.toString(value, true));
    }
}
