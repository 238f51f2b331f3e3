package org.powercx.satisfaction;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A construct (latent variable) of a path model: its name, measurement mode and the names of its indicators.
 *
 * @param name the construct name, non-blank
 * @param mode the measurement mode of its block
 * @param indicators the names of its indicators (at least one, non-blank, no repeats); copied
 * @since 0.1.0
 */
public record Construct(String name, Mode mode, List<String> indicators) {

    /**
     * Validates and copies the components.
     *
     * @param name the construct name, non-blank
     * @param mode the measurement mode of its block
     * @param indicators the names of its indicators (at least one, non-blank, no repeats); copied
     * @throws SatisfactionException if the name is blank, the mode is null, or the indicator list is empty or has
     *     a blank or repeated name (the message names the construct)
     */
    public Construct {
        if (name == null || name.isBlank()) {
            throw new SatisfactionException("construct name is blank");
        }
        if (mode == null) {
            throw new SatisfactionException("construct '%s' has no measurement mode", name);
        }
        if (indicators == null || indicators.isEmpty()) {
            throw new SatisfactionException("construct '%s' has no indicators", name);
        }
        Set<String> seen = new HashSet<>();
        for (String ind : indicators) {
            if (ind == null || ind.isBlank()) {
                throw new SatisfactionException("construct '%s' has a blank indicator name", name);
            }
            if (!seen.add(ind)) {
                throw new SatisfactionException("construct '%s' lists indicator '%s' twice", name, ind);
            }
        }
        indicators = List.copyOf(indicators);
    }

    /**
     * A reflective (Mode A) construct.
     *
     * @param name the construct name
     * @param indicators the indicator names
     * @return the construct
     * @throws SatisfactionException as the canonical constructor
     */
    public static Construct reflective(String name, String... indicators) {
        return new Construct(name, Mode.A, indicators == null ? null : java.util.Arrays.asList(indicators));
    }

    /**
     * A formative (Mode B) construct.
     *
     * @param name the construct name
     * @param indicators the indicator names
     * @return the construct
     * @throws SatisfactionException as the canonical constructor
     */
    public static Construct formative(String name, String... indicators) {
        return new Construct(name, Mode.B, indicators == null ? null : java.util.Arrays.asList(indicators));
    }

    /**
     * Number of indicators.
     *
     * @return the block size, at least 1
     */
    public int size() {
        return indicators.size();
    }
}
