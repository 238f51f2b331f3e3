package org.powercx.grey;

import java.util.Arrays;

/**
 * The reference sequence \(x_0\) that every customer is compared with in grey relational analysis.
 *
 * <ul>
 *   <li>{@link #ideal()} (the default): the best normalised value of each indicator over the calibration
 *       table: the column maximum for a BENEFIT indicator (every indicator after MIN_MAX normalisation), the
 *       minimum for COST, and the normalised target for TARGET.</li>
 *   <li>{@link #values(double...)}: given values in the indicators' raw units, normalised like the data.</li>
 *   <li>{@link #customer(String)}: one customer's normalised row, for "how similar to this customer".</li>
 * </ul>
 * Instances are immutable.
 *
 * @since 0.1.0
 */
public final class Reference {
    /** The kinds of reference. */
    enum Kind { IDEAL, VALUES, CUSTOMER }

    private static final Reference IDEAL = new Reference(Kind.IDEAL, null, null);

    private final Kind kind;
    private final double[] values;
    private final String customerId;

    private Reference(Kind kind, double[] values, String customerId) {
        this.kind = kind;
        this.values = values;
        this.customerId = customerId;
    }

    /**
     * The ideal sequence: the best normalised value of each indicator.
     *
     * @return the ideal reference
     */
    public static Reference ideal() {
        return IDEAL;
    }

    /**
     * A reference given in the indicators' raw units, one value per indicator in table column order.
     *
     * @param rawValues finite values; not modified
     * @return the reference
     * @throws GreyException if the array is null or empty, or a value is not finite (naming its position)
     */
    public static Reference values(double... rawValues) {
        if (rawValues == null || rawValues.length == 0) {
            throw new GreyException("reference values must not be empty");
        }
        for (int k = 0; k < rawValues.length; k++) {
            if (!Double.isFinite(rawValues[k])) {
                throw new GreyException("reference value %d must be finite but was %s", k, rawValues[k]);
            }
        }
        return new Reference(Kind.VALUES, rawValues.clone(), null);
    }

    /**
     * The normalised row of one customer of the calibration table.
     *
     * @param id the customer id
     * @return the reference
     * @throws GreyException if the id is null or blank
     */
    public static Reference customer(String id) {
        if (id == null || id.isBlank()) {
            throw new GreyException("reference customer id must not be blank but was '%s'", id);
        }
        return new Reference(Kind.CUSTOMER, null, id);
    }

    Kind kind() {
        return kind;
    }

    double[] rawValues() {
        return values.clone();
    }

    String customerId() {
        return customerId;
    }

    /**
     * Describes the reference.
     *
     * @return for example {@code IDEAL}, {@code VALUES[1.0, 2.0]} or {@code CUSTOMER[c7]}
     */
    @Override
    public String toString() {
        return switch (kind) {
            case IDEAL -> "IDEAL";
            case VALUES -> "VALUES" + Arrays.toString(values);
            case CUSTOMER -> "CUSTOMER[" + customerId + "]";
        };
    }
}
