package org.powercx.spark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a Dataset's columns meet a model: the Dataset column that holds each model input (by default the column of
 * the input's own name), the key column that error messages name a row by, the {@link MissingValues} policy for
 * nulls, and a prefix for the appended result columns. Immutable; configured with {@link #withDefaults()} and the
 * {@code with...} methods.
 *
 * @since 0.2.0
 */
public final class ColumnMapping {
    private static final ColumnMapping DEFAULTS = new ColumnMapping(Map.of(), null, MissingValues.reject(), "");

    private final Map<String, String> columns;
    private final String key;
    private final MissingValues missing;
    private final String prefix;

    private ColumnMapping(Map<String, String> columns, String key, MissingValues missing, String prefix) {
        this.columns = columns;
        this.key = key;
        this.missing = missing;
        this.prefix = prefix;
    }

    /**
     * Inputs read from columns of their own names, no key column, nulls rejected, result columns unprefixed.
     *
     * @return the default mapping
     */
    public static ColumnMapping withDefaults() {
        return DEFAULTS;
    }

    /**
     * This mapping with one model input read from a column of another name.
     *
     * @param input the model's name of the input
     * @param column the Dataset column that holds it
     * @return a new mapping
     * @throws SparkException if a name is null or blank
     */
    public ColumnMapping with(String input, String column) {
        if (input == null || input.isBlank() || column == null || column.isBlank()) {
            throw new SparkException("column mapping: input '%s' and column '%s' must be non-blank", input, column);
        }
        Map<String, String> m = new LinkedHashMap<>(columns);
        m.put(input, column);
        return new ColumnMapping(Map.copyOf(m), key, missing, prefix);
    }

    /**
     * This mapping with a key column, whose value names a row in error messages.
     *
     * @param column the key column (any type; its string form is quoted)
     * @return a new mapping
     * @throws SparkException if the name is null or blank
     */
    public ColumnMapping withKey(String column) {
        if (column == null || column.isBlank()) {
            throw new SparkException("column mapping: key column '%s' must be non-blank", column);
        }
        return new ColumnMapping(columns, column, missing, prefix);
    }

    /**
     * This mapping with another policy for nulls.
     *
     * @param newMissing the policy
     * @return a new mapping
     * @throws SparkException if the policy is null
     */
    public ColumnMapping with(MissingValues newMissing) {
        if (newMissing == null) {
            throw new SparkException("column mapping: missing-value policy is null");
        }
        return new ColumnMapping(columns, key, newMissing, prefix);
    }

    /**
     * This mapping with a prefix for the names of the result columns.
     *
     * @param newPrefix the prefix, possibly empty
     * @return a new mapping
     * @throws SparkException if the prefix is null
     */
    public ColumnMapping withPrefix(String newPrefix) {
        if (newPrefix == null) {
            throw new SparkException("column mapping: output prefix is null");
        }
        return new ColumnMapping(columns, key, missing, newPrefix);
    }

    /**
     * The Dataset column of a model input.
     *
     * @param input the model's name of the input
     * @return the mapped column, or the input's own name
     */
    public String column(String input) {
        return columns.getOrDefault(input, input);
    }

    /**
     * The key column.
     *
     * @return its name, or null when rows are named by their position in the partition
     */
    public String key() {
        return key;
    }

    /**
     * The missing-value policy.
     *
     * @return the policy
     */
    public MissingValues missing() {
        return missing;
    }

    /**
     * The prefix of the result columns.
     *
     * @return the prefix, possibly empty
     */
    public String prefix() {
        return prefix;
    }

    @Override
    public String toString() {
        return "ColumnMapping" + columns + ", key " + key + ", " + missing + ", prefix '" + prefix + "'";
    }
}
