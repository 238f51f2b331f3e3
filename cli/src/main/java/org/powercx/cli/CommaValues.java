package org.powercx.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comma-separated values of an option given once ({@code --priors 0.7,0.3}), parsed with one-line errors that
 * name the option. Options take their list as one value so that the usage line shows each option once.
 */
final class CommaValues {
    /** A decimal number: no hexadecimal, no type suffix, no NaN or infinity. */
    private static final java.util.regex.Pattern DECIMAL =
        java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private CommaValues() {
    }

    /**
     * Numbers.
     *
     * @param option the option's name, for messages
     * @param text the option's value, or null when not given
     * @return the numbers, or null when the option was not given
     * @throws CliException naming the option and the value that is not a number
     */
    static double[] numbers(String option, String text) {
        if (text == null) {
            return null;
        }
        List<String> items = items(option, text);
        double[] values = new double[items.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(option, items.get(i));
        }
        return values;
    }

    /**
     * Names.
     *
     * @param option the option's name, for messages
     * @param text the option's value, or null when not given
     * @return the names, empty when the option was not given
     * @throws CliException naming the option when a name is blank
     */
    static List<String> names(String option, String text) {
        return text == null ? List.of() : items(option, text);
    }

    /**
     * {@code NAME=VALUE} pairs with numeric values, in the order given.
     *
     * @param option the option's name, for messages
     * @param text the option's value, or null when not given
     * @return the pairs, empty when the option was not given
     * @throws CliException naming the option and the pair that is malformed or repeats a name
     */
    static Map<String, Double> pairs(String option, String text) {
        Map<String, Double> pairs = new LinkedHashMap<>();
        for (String item : names(option, text)) {
            int eq = item.lastIndexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                throw new CliException("option %s: '%s' is not NAME=VALUE", option, item);
            }
            String name = item.substring(0, eq).strip();
            if (pairs.put(name, number(option, item.substring(eq + 1))) != null) {
                throw new CliException("option %s: '%s' is given twice", option, name);
            }
        }
        return pairs;
    }

    private static List<String> items(String option, String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String s = item.strip();
            if (s.isEmpty()) {
                throw new CliException("option %s: empty item in '%s'", option, text);
            }
            items.add(s);
        }
        return items;
    }

    private static double number(String option, String text) {
        String s = text.strip();
        if (!DECIMAL.matcher(s).matches()) {
            throw new CliException("option %s: '%s' is not a decimal number", option, s);
        }
        return Double.parseDouble(s);
    }
}
