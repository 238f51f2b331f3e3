package org.powercx.spark;

import java.io.Serializable;

/**
 * What scoring does with a null in a column the model reads: {@link #reject()} fails the job with a message
 * naming the column and the row's key, {@link #dropRows()} leaves the row out of the result, and
 * {@link #fill(double)} scores the row with a given value in place of the null. A null never reaches a kernel, so
 * no score, probability or grade is ever {@code NaN} because of one. Immutable.
 *
 * @since 0.2.0
 * @serial exclude
 */
public final class MissingValues implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final MissingValues REJECT = new MissingValues(Policy.REJECT, Double.NaN);
    private static final MissingValues DROP = new MissingValues(Policy.DROP_ROWS, Double.NaN);

    /** The three policies. */
    enum Policy {
        REJECT, DROP_ROWS, FILL
    }

    private final Policy policy;
    private final double value;

    private MissingValues(Policy policy, double value) {
        this.policy = policy;
        this.value = value;
    }

    /**
     * Fail on the first null, naming the column and the row's key (the default).
     *
     * @return the policy
     */
    public static MissingValues reject() {
        return REJECT;
    }

    /**
     * Leave every row with a null in a column the model reads out of the scored Dataset.
     *
     * @return the policy
     */
    public static MissingValues dropRows() {
        return DROP;
    }

    /**
     * Score a null as a given value.
     *
     * @param value the value scored in place of a null; finite
     * @return the policy
     * @throws SparkException if the value is not finite
     */
    public static MissingValues fill(double value) {
        if (!Double.isFinite(value)) {
            throw new SparkException("fill value must be finite but was %s", value);
        }
        return new MissingValues(Policy.FILL, value);
    }

    Policy policy() {
        return policy;
    }

    /**
     * The value of a {@link #fill(double)} policy.
     *
     * @return the fill value, {@code NaN} for the other policies
     */
    public double fillValue() {
        return value;
    }

    private Object readResolve() {
        return policy == Policy.REJECT ? REJECT : policy == Policy.DROP_ROWS ? DROP : this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MissingValues m && m.policy == policy
            && Double.doubleToLongBits(m.value) == Double.doubleToLongBits(value);
    }

    @Override
    public int hashCode() {
        return policy.hashCode() * 31 + Double.hashCode(value);
    }

    @Override
    public String toString() {
        return policy == Policy.FILL ? "fill(" + value + ")" : policy == Policy.REJECT ? "reject" : "drop rows";
    }
}
