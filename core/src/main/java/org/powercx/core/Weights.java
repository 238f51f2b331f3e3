package org.powercx.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named, non-negative weights that sum to one, for example the priorities of an AHP matrix.
 *
 * <p>Every weight is finite and non-negative, and the weights sum to 1 within {@value #SUM_TOLERANCE};
 * {@link #normalised(Map)} rescales arbitrary non-negative numbers to such weights. Names keep the order
 * they were given in. Instances are immutable and {@link java.io.Serializable} through a serialization proxy
 * holding the names and the values, which deserializes through {@link #of(List, double[])} (so a tampered stream
 * is validated) and gives the same bits.
 *
 * @since 0.1.0
 * @serial exclude
 */
public final class Weights implements java.io.Serializable {
    /** How far from 1 the sum of the weights may be. */
    public static final double SUM_TOLERANCE = 1e-9;

    /** Up to this many names, lookups scan the names instead of building a hash index. */
    private static final int SCAN_LIMIT = 16;

    private final List<String> names;
    private final double[] values;
    private final Map<String, Integer> index;

    private Weights(List<String> names, double[] values) {
        this.names = names;
        this.values = values;
        if (names.size() <= SCAN_LIMIT) {
            this.index = null;
        } else {
            Map<String, Integer> map = new HashMap<>(2 * names.size());
            for (int k = 0; k < names.size(); k++) {
                map.put(names.get(k), k);
            }
            this.index = map;
        }
    }

    /** Position of a name, or -1. */
    private int indexOf(String name) {
        if (index != null) {
            Integer k = index.get(name);
            return k == null ? -1 : k;
        }
        for (int k = 0; k < names.size(); k++) {
            if (names.get(k).equals(name)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Weights that already sum to one.
     *
     * @param names the names, non-blank and unique; not modified
     * @param values one weight per name; copied
     * @return the weights
     * @throws CoreException if the sizes differ, a name is blank or repeated, a weight is negative or not
     *     finite (the message names it), or the sum differs from 1 by more than {@value #SUM_TOLERANCE}
     */
    public static Weights of(List<String> names, double[] values) {
        Weights w = checked(names, values);
        double sum = sum(w.values);
        if (!(Math.abs(sum - 1.0) <= SUM_TOLERANCE)) {
            throw new CoreException("weights %s sum to %s, not 1 (use Weights.normalised to rescale)",
                w.asMap(), sum);
        }
        return w;
    }

    /**
     * Weights that already sum to one, from a map whose iteration order gives the order of the names.
     *
     * @param weights name to weight
     * @return the weights
     * @throws CoreException as {@link #of(List, double[])}
     */
    public static Weights of(Map<String, Double> weights) {
        return of(new ArrayList<>(requireMap(weights).keySet()), unbox(weights.values()));
    }

    /**
     * Rescales non-negative numbers to weights: {@code w_k = v_k / sum(v)}.
     *
     * @param names the names, non-blank and unique; not modified
     * @param values non-negative finite numbers, not all zero; not modified
     * @return the weights
     * @throws CoreException if a value is negative or not finite, or all are zero
     */
    public static Weights normalised(List<String> names, double[] values) {
        Weights w = checked(names, values);
        double sum = sum(w.values);
        if (!(sum > 0) || !Double.isFinite(sum)) {
            throw new CoreException("cannot normalise weights %s: their sum is %s", w.asMap(), sum);
        }
        for (int k = 0; k < w.values.length; k++) {
            w.values[k] /= sum;
        }
        return w;
    }

    /**
     * Rescales non-negative numbers to weights.
     *
     * @param weights name to non-negative number, in order
     * @return the weights
     * @throws CoreException as {@link #normalised(List, double[])}
     */
    public static Weights normalised(Map<String, Double> weights) {
        return normalised(new ArrayList<>(requireMap(weights).keySet()), unbox(weights.values()));
    }

    /**
     * Equal weights {@code 1/k}.
     *
     * @param names the names, at least one, unique
     * @return the weights
     * @throws CoreException if there are no names or a name repeats
     */
    public static Weights equal(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new CoreException("equal weights need at least one name");
        }
        double[] values = new double[names.size()];
        java.util.Arrays.fill(values, 1.0 / names.size());
        return normalised(names, values);
    }

    /**
     * Equal weights over the indicators of a table.
     *
     * @param table the table
     * @return the weights
     */
    public static Weights equal(IndicatorTable table) {
        return equal(table.indicatorNames());
    }

    private static Map<String, Double> requireMap(Map<String, Double> weights) {
        if (weights == null || weights.isEmpty()) {
            throw new CoreException("weights need at least one name");
        }
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (e.getValue() == null) {
                throw new CoreException("weight '%s' is null", e.getKey());
            }
        }
        return weights;
    }

    private static double[] unbox(Collection<Double> values) {
        double[] array = new double[values.size()];
        int k = 0;
        for (Double v : values) {
            array[k++] = v;
        }
        return array;
    }

    private static Weights checked(List<String> names, double[] values) {
        if (names == null || values == null || names.isEmpty()) {
            throw new CoreException("weights need at least one name and value");
        }
        if (names.size() != values.length) {
            throw new CoreException("%d weight names but %d values", names.size(), values.length);
        }
        int size = values.length;
        for (int k = 0; k < size; k++) {
            String name = names.get(k);
            if (name == null || name.isBlank()) {
                throw new CoreException("weight name %d is blank", k);
            }
            if (!(values[k] >= 0) || !Double.isFinite(values[k])) {
                throw new CoreException("weight '%s' must be finite and non-negative but was %s", name, values[k]);
            }
        }
        // an unmodifiable list (for example an indicator table's or a matrix's names) is shared, not copied
        List<String> copy = List.copyOf(names);
        if (size <= SCAN_LIMIT) {
            for (int k = 1; k < size; k++) {
                String name = copy.get(k);
                for (int i = 0; i < k; i++) {
                    if (copy.get(i).equals(name)) {
                        throw new CoreException("duplicate weight name '%s'", name);
                    }
                }
            }
        } else {
            java.util.Set<String> seen = new java.util.HashSet<>(2 * size);
            for (String name : copy) {
                if (!seen.add(name)) {
                    throw new CoreException("duplicate weight name '%s'", name);
                }
            }
        }
        return new Weights(copy, values.clone());
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    /**
     * Number of weights.
     *
     * @return at least 1
     */
    public int size() {
        return names.size();
    }

    /**
     * The names, in order.
     *
     * @return an unmodifiable list
     */
    public List<String> names() {
        return names;
    }

    /**
     * The weights, in the order of {@link #names()}.
     *
     * @return a new array
     */
    public double[] values() {
        return values.clone();
    }

    /**
     * The weight of a name.
     *
     * @param name a name
     * @return its weight
     * @throws CoreException if the name is unknown
     */
    public double get(String name) {
        int k = indexOf(name);
        if (k < 0) {
            throw new CoreException("no weight for '%s'; weights are given for %s", name, names);
        }
        return values[k];
    }

    /**
     * Whether a name has a weight.
     *
     * @param name a name
     * @return true if present
     */
    public boolean contains(String name) {
        return indexOf(name) >= 0;
    }

    /**
     * The weights in the column order of a table, matched by name.
     *
     * @param table the table whose indicators the weights must cover exactly
     * @return a new array, one weight per column
     * @throws CoreException if an indicator has no weight or a weight names no indicator
     */
    public double[] alignTo(IndicatorTable table) {
        return alignTo(table.indicatorNames());
    }

    /**
     * The weights in the order of the given names.
     *
     * @param indicatorNames names that the weights must cover exactly
     * @return a new array, one weight per name
     * @throws CoreException if a name has no weight or a weight names none of them
     */
    public double[] alignTo(List<String> indicatorNames) {
        List<String> missing = new ArrayList<>();
        double[] aligned = new double[indicatorNames.size()];
        for (int j = 0; j < aligned.length; j++) {
            int k = indexOf(indicatorNames.get(j));
            if (k < 0) {
                missing.add(indicatorNames.get(j));
            } else {
                aligned[j] = values[k];
            }
        }
        List<String> extra = new ArrayList<>();
        java.util.Set<String> wanted = new java.util.HashSet<>(indicatorNames);
        for (String name : names) {
            if (!wanted.contains(name)) {
                extra.add(name);
            }
        }
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new CoreException("weights do not match the indicators: no weight for %s; weight for unknown %s",
                missing, extra);
        }
        return aligned;
    }

    /**
     * The weights as an ordered map.
     *
     * @return an unmodifiable map from name to weight
     */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            map.put(names.get(k), values[k]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private Object writeReplace() {
        return new SerializedForm(names, values);
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("use the serialization proxy");
    }

    /**
     * The serialized form of weights: the names and the values, version 1.
     *
     * @serial exclude
     */
    private static final class SerializedForm implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        /** The names, in order. */
        private final String[] names;
        /** The weights, in the order of the names. */
        private final double[] values;

        SerializedForm(List<String> names, double[] values) {
            this.names = names.toArray(new String[0]);
            this.values = values.clone();
        }

        private Object readResolve() {
            return of(java.util.Arrays.asList(names), values);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Weights other
            && names.equals(other.names)
            && java.util.Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + java.util.Arrays.hashCode(values);
    }

    /**
     * The weights as a two-column text table.
     *
     * @return a readable rendering
     */
    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            rows.add(List.of(names.get(k), TextTable.number(values[k])));
        }
        return TextTable.render(List.of("name", "weight"), rows);
    }
}
