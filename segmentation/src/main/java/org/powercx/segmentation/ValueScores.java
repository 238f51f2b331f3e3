package org.powercx.segmentation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercx.ahp.HierarchyResult;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TextTable;
import org.powercx.grey.GreyRelationalModel;
import org.powercx.grey.GreyRelationalResult;

/**
 * The result of {@link ValueEvaluation#evaluate}: every customer's current, potential and combined value,
 * the AHP weights, and the fitted GRA models that explain a customer's values indicator by indicator.
 * Immutable; accessors return copies.
 *
 * @since 0.1.0
 */
public final class ValueScores {
    private final HierarchyResult weights;
    private final GreyRelationalModel currentModel;
    private final GreyRelationalModel potentialModel;
    private final IndicatorTable currentTable;
    private final IndicatorTable potentialTable;
    private final double[] current;
    private final double[] potential;
    private final double[] combined;

    ValueScores(HierarchyResult weights, GreyRelationalModel currentModel, GreyRelationalModel potentialModel,
            IndicatorTable currentTable, IndicatorTable potentialTable, double[] current, double[] potential,
            double[] combined) {
        this.weights = weights;
        this.currentModel = currentModel;
        this.potentialModel = potentialModel;
        this.currentTable = currentTable;
        this.potentialTable = potentialTable;
        this.current = current;
        this.potential = potential;
        this.combined = combined;
    }

    /**
     * Number of customers.
     *
     * @return the count
     */
    public int size() {
        return current.length;
    }

    /**
     * The AHP weights of the index system, with every matrix's consistency.
     *
     * @return the hierarchy result
     */
    public HierarchyResult weights() {
        return weights;
    }

    /**
     * The GRA model of current value, fitted on the evaluated customers; it scores new customers alike.
     *
     * @return the model
     */
    public GreyRelationalModel currentModel() {
        return currentModel;
    }

    /**
     * The GRA model of potential value.
     *
     * @return the model
     */
    public GreyRelationalModel potentialModel() {
        return potentialModel;
    }

    /**
     * Current value (weighted grey relational grade) of each customer, in row order.
     *
     * @return a new array of values in (0, 1]
     */
    public double[] current() {
        return current.clone();
    }

    /**
     * Potential value of each customer.
     *
     * @return a new array of values in (0, 1]
     */
    public double[] potential() {
        return potential.clone();
    }

    /**
     * Combined value \( g_c V^c_i + g_p V^p_i \) of each customer.
     *
     * @return a new array
     */
    public double[] combined() {
        return combined.clone();
    }

    /**
     * What drove one customer's values: each indicator's contribution \( w_k \xi_{ik} \) to its current or
     * potential value, largest first.
     *
     * @param id a customer id of the evaluated table
     * @return an ordered map from {@code "current value: indicator"} or {@code "potential value: indicator"}
     *     to contribution
     * @throws SegmentationException if the customer is unknown
     */
    public Map<String, Double> drivers(String id) {
        int row;
        try {
            row = currentTable.rowIndexOf(id);
        } catch (org.powercx.core.CoreException e) {
            throw new SegmentationException(e, "unknown customer id '%s'", id);
        }
        List<Map.Entry<String, Double>> entries = new ArrayList<>();
        add(entries, ValueIndexSystem.CURRENT, currentModel.evaluate(currentTable.rows(row, row + 1)));
        add(entries, ValueIndexSystem.POTENTIAL, potentialModel.evaluate(potentialTable.rows(row, row + 1)));
        entries.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        Map<String, Double> map = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : entries) {
            map.put(e.getKey(), e.getValue());
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static void add(List<Map.Entry<String, Double>> entries, String system, GreyRelationalResult r) {
        double[] c = r.contributions()[0];
        List<String> names = r.indicatorNames();
        for (int k = 0; k < c.length; k++) {
            entries.add(Map.entry(system + ": " + names.get(k), c[k]));
        }
    }

    /**
     * The weights of the index system and the distribution of the values.
     *
     * @return a readable rendering
     */
    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        addWeights(rows, ValueIndexSystem.CURRENT);
        addWeights(rows, ValueIndexSystem.POTENTIAL);
        List<List<String>> dist = new ArrayList<>();
        addDistribution(dist, "current", current);
        addDistribution(dist, "potential", potential);
        addDistribution(dist, "combined", combined);
        return "ValueScores " + size() + " customers\n" + TextTable.render(List.of("system", "indicator", "local weight",
            "global weight", "CR"), rows) + TextTable.render(List.of("value", "min", "median", "mean", "max"), dist);
    }

    private void addWeights(List<List<String>> rows, String node) {
        var local = weights.local(node);
        for (String name : local.weights().names()) {
            rows.add(List.of(node, name, TextTable.number(local.weights().get(name)),
                TextTable.number(weights.globalWeight(name)), TextTable.number(local.consistencyRatio())));
        }
    }

    private static void addDistribution(List<List<String>> rows, String name, double[] v) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
            sum += x;
        }
        rows.add(List.of(name, TextTable.number(min), TextTable.number(ValueSegmentation.quantile(v, 0.5)),
            TextTable.number(sum / v.length), TextTable.number(max)));
    }
}
