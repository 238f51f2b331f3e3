package org.powercx.core;

/**
 * An evaluation indicator: a named column of an {@link IndicatorTable} with the {@link Direction}
 * that says which values are better.
 *
 * <p>Names are any non-blank Unicode text ({@code 年用电量} is as good as {@code annual_kwh}); they
 * are kept as given, without trimming. A {@link Direction#TARGET TARGET} indicator carries its finite
 * target value; the others carry {@code NaN} as target. Unit and description are optional (empty
 * strings when absent).
 *
 * @param name non-blank name, unique within a table
 * @param direction which values are better
 * @param target the target value of a TARGET indicator, {@code NaN} otherwise
 * @param unit unit of measurement, or the empty string
 * @param description free text, or the empty string
 * @since 0.1.0
 * @serial exclude
 */
public record Indicator(String name, Direction direction, double target, String unit, String description)
        implements java.io.Serializable {

    /**
     * Validates the components.
     *
     * @param name non-blank name
     * @param direction which values are better
     * @param target the target of a TARGET indicator, {@code NaN} otherwise
     * @param unit unit, or null or empty for none
     * @param description description, or null or empty for none
     * @throws CoreException if the name is null or blank, the direction is null, a TARGET indicator's
     *     target is not finite, or a non-TARGET indicator is given a target
     */
    public Indicator {
        requireName(name);
        if (direction == null) {
            throw new CoreException("indicator '%s': direction is null", name);
        }
        if (direction == Direction.TARGET) {
            if (!Double.isFinite(target)) {
                throw new CoreException("indicator '%s': target value must be finite but was %s", name, target);
            }
        } else if (!Double.isNaN(target)) {
            throw new CoreException("indicator '%s': a %s indicator takes no target value (got %s)",
                name, direction, target);
        }
        unit = unit == null ? "" : unit;
        description = description == null ? "" : description;
    }

    /**
     * A larger-is-better indicator.
     *
     * @param name non-blank name
     * @return the indicator
     */
    public static Indicator benefit(String name) {
        return new Indicator(name, Direction.BENEFIT, Double.NaN, "", "");
    }

    /**
     * A smaller-is-better indicator.
     *
     * @param name non-blank name
     * @return the indicator
     */
    public static Indicator cost(String name) {
        return new Indicator(name, Direction.COST, Double.NaN, "", "");
    }

    /**
     * A closest-to-target-is-best indicator.
     *
     * @param name non-blank name
     * @param target finite target value
     * @return the indicator
     */
    public static Indicator target(String name, double target) {
        return new Indicator(name, Direction.TARGET, target, "", "");
    }

    /**
     * An indicator of the given direction; for {@link Direction#TARGET} use {@link #target(String, double)}.
     *
     * @param name non-blank name
     * @param direction BENEFIT or COST
     * @return the indicator
     * @throws CoreException if the direction is TARGET (it needs a target value)
     */
    public static Indicator of(String name, Direction direction) {
        return new Indicator(name, direction, Double.NaN, "", "");
    }

    /**
     * Returns a copy with the given unit.
     *
     * @param newUnit unit of measurement, for example {@code "kWh"}
     * @return a new indicator
     */
    public Indicator withUnit(String newUnit) {
        return new Indicator(name, direction, target, newUnit, description);
    }

    /**
     * Returns a copy with the given description.
     *
     * @param newDescription free text
     * @return a new indicator
     */
    public Indicator withDescription(String newDescription) {
        return new Indicator(name, direction, target, unit, newDescription);
    }

    /**
     * Returns a copy with another name, keeping direction, target, unit and description.
     *
     * @param newName non-blank name
     * @return a new indicator
     */
    public Indicator withName(String newName) {
        return new Indicator(newName, direction, target, unit, description);
    }

    /**
     * Whether the indicator is {@link Direction#TARGET}.
     *
     * @return true for a target indicator
     */
    public boolean hasTarget() {
        return direction == Direction.TARGET;
    }

    static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new CoreException("indicator name must be non-blank but was %s",
                name == null ? "null" : "'" + name + "'");
        }
        return name;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(" (").append(direction);
        if (hasTarget()) {
            sb.append(' ').append(target);
        }
        if (!unit.isEmpty()) {
            sb.append(", ").append(unit);
        }
        return sb.append(')').toString();
    }
}
