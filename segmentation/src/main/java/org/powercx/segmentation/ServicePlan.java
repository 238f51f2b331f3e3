package org.powercx.segmentation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercx.core.TextTable;

/**
 * The service measures each customer receives under a {@link ServicePolicy}. Customers with the same
 * measures share one list, so the plan takes one int per customer. Immutable.
 *
 * @since 0.1.0
 */
public final class ServicePlan {
    private final List<String> catalogue;
    private final List<List<String>> sets;
    private final int[] assigned;

    ServicePlan(List<String> catalogue, List<List<String>> sets, int[] assigned) {
        this.catalogue = List.copyOf(catalogue);
        this.sets = List.copyOf(sets);
        this.assigned = assigned;
    }

    /**
     * Number of customers.
     *
     * @return the count
     */
    public int size() {
        return assigned.length;
    }

    /**
     * A customer's measures, in policy order.
     *
     * @param row row index
     * @return an unmodifiable list
     * @throws SegmentationException if the row is out of range
     */
    public List<String> measures(int row) {
        if (row < 0 || row >= assigned.length) {
            throw new SegmentationException("row %d is not within [0, %d)", row, assigned.length);
        }
        return sets.get(assigned[row]);
    }

    /**
     * How many customers receive each measure of the policy, in policy order.
     *
     * @return an unmodifiable map from measure to customers (zero for a measure nobody receives)
     */
    public Map<String, Integer> measureCounts() {
        int[] perSet = new int[sets.size()];
        for (int s : assigned) {
            perSet[s]++;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String m : catalogue) {
            counts.put(m, 0);
        }
        for (int s = 0; s < sets.size(); s++) {
            for (String m : sets.get(s)) {
                counts.merge(m, perSet[s], Integer::sum);
            }
        }
        return java.util.Collections.unmodifiableMap(counts);
    }

    /**
     * Per measure: the customers receiving it and their share.
     *
     * @return a readable table
     */
    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Integer> e : measureCounts().entrySet()) {
            rows.add(List.of(e.getKey(), Integer.toString(e.getValue()),
                TextTable.number((double) e.getValue() / assigned.length)));
        }
        return "ServicePlan " + assigned.length + " customers, " + sets.size() + " distinct measure sets\n"
            + TextTable.render(List.of("measure", "customers", "share"), rows);
    }
}
