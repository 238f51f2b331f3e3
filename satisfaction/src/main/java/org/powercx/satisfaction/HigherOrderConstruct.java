package org.powercx.satisfaction;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A higher-order construct of an {@link ExtendedPathModel}: a construct measured by other constructs, its
 * dimensions (lower-order constructs), in the sense of Becker, Klein and Wetzels 2012
 * (<a href="https://doi.org/10.1016/j.lrp.2012.10.001">doi:10.1016/j.lrp.2012.10.001</a>). A reflective
 * (Mode A) higher-order construct over reflective dimensions is the reflective-reflective type; a formative
 * (Mode B) one is the reflective-formative type of many customer satisfaction index models, where the
 * dimensions' scores form the construct with regression weights. {@link HocMethod} chooses the estimation.
 *
 * @param name the construct name, non-blank
 * @param mode the measurement mode of the second-order block
 * @param dimensions the names of its dimensions, at least two, non-blank, no repeats; copied
 * @since 0.2.0
 */
public record HigherOrderConstruct(String name, Mode mode, List<String> dimensions) {

    /**
     * Validates and copies the components.
     *
     * @param name the construct name, non-blank
     * @param mode the measurement mode of the second-order block
     * @param dimensions the names of its dimensions, at least two, non-blank, no repeats; copied
     * @throws SatisfactionException if the name is blank, the mode is null, or there are fewer than two
     *     dimensions or a blank, repeated or self-referencing one (the message names the construct)
     */
    public HigherOrderConstruct {
        if (name == null || name.isBlank()) {
            throw new SatisfactionException("higher-order construct name is blank");
        }
        if (mode == null) {
            throw new SatisfactionException("higher-order construct '%s' has no measurement mode", name);
        }
        if (dimensions == null || dimensions.size() < 2) {
            throw new SatisfactionException("higher-order construct '%s' needs at least two dimensions but has %d",
                name, dimensions == null ? 0 : dimensions.size());
        }
        Set<String> seen = new HashSet<>();
        for (String d : dimensions) {
            if (d == null || d.isBlank()) {
                throw new SatisfactionException("higher-order construct '%s' has a blank dimension name", name);
            }
            if (d.equals(name)) {
                throw new SatisfactionException("higher-order construct '%s' lists itself as a dimension", name);
            }
            if (!seen.add(d)) {
                throw new SatisfactionException("higher-order construct '%s' lists dimension '%s' twice", name, d);
            }
        }
        dimensions = List.copyOf(dimensions);
    }

    /**
     * A reflective (Mode A) higher-order construct.
     *
     * @param name the construct name
     * @param dimensions its dimensions
     * @return the construct
     * @throws SatisfactionException as the canonical constructor
     */
    public static HigherOrderConstruct reflective(String name, String... dimensions) {
        return new HigherOrderConstruct(name, Mode.A, dimensions == null ? null : Arrays.asList(dimensions));
    }

    /**
     * A formative (Mode B) higher-order construct, the reflective-formative type when its dimensions are
     * reflective.
     *
     * @param name the construct name
     * @param dimensions its dimensions
     * @return the construct
     * @throws SatisfactionException as the canonical constructor
     */
    public static HigherOrderConstruct formative(String name, String... dimensions) {
        return new HigherOrderConstruct(name, Mode.B, dimensions == null ? null : Arrays.asList(dimensions));
    }
}
