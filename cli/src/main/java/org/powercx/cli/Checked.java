package org.powercx.cli;

import java.util.function.Supplier;

/**
 * The commands' shared checks: a library call that refuses an option's value or an input
 * ({@link IllegalArgumentException}) becomes a {@link CliException} naming the option or the input, with the
 * library's message unchanged.
 */
final class Checked {
    private Checked() {
    }

    /**
     * Runs a call configured by an option; a refusal reads {@code option --name: message}.
     *
     * @param option the option as typed, such as {@code --penalty} (or {@code --pdo/--base-points} for several)
     */
    static <T> T option(String option, Supplier<T> call) {
        return input("option " + option, call);
    }

    /** As {@link #option(String, Supplier)} for a call without a result. */
    static void option(String option, Runnable call) {
        option(option, () -> {
            call.run();
            return null;
        });
    }

    /**
     * Runs a call on an input; a refusal reads {@code source: message}.
     *
     * @param source the input, such as the file
     */
    static <T> T input(Object source, Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw new CliException("%s: %s", source, e.getMessage());
        }
    }

    /**
     * Checks an optional count option.
     *
     * @param option the option as typed, such as {@code --top}
     * @param value its value, null when not given
     * @throws CliException if the value is given and below 1
     */
    static void atLeastOne(String option, Integer value) {
        if (value != null && value < 1) {
            throw new CliException("option %s: must be at least 1 but was %d", option, value);
        }
    }
}
