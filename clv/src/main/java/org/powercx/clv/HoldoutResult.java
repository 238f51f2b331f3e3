package org.powercx.clv;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * Actual against predicted holdout transactions per calibration-frequency group, built by
 * {@link CalibrationHoldout#evaluate(BgNbd, int)}: group \(g &lt; m\) holds the customers with \(g\) calibration repeat
 * transactions, group \(m\) those with \(m\) or more.
 *
 * @since 0.1.0
 */
public final class HoldoutResult {
    private final int[] customers;
    private final double[] actual;
    private final double[] predicted;

    HoldoutResult(int[] customers, double[] actual, double[] predicted) {
        this.customers = customers;
        this.actual = actual;
        this.predicted = predicted;
    }

    /**
     * Customers per group.
     *
     * @return a copy, \(m+1\) values
     */
    public int[] customers() {
        return customers.clone();
    }

    /**
     * Mean actual holdout transactions per group, NaN for an empty group.
     *
     * @return a copy
     */
    public double[] actual() {
        return actual.clone();
    }

    /**
     * Mean predicted holdout transactions per group (the model's conditional expectation), NaN for an empty group.
     *
     * @return a copy
     */
    public double[] predicted() {
        return predicted.clone();
    }

    /**
     * Shows one row per group.
     *
     * @return an aligned table
     */
    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        int m = customers.length - 1;
        for (int g = 0; g <= m; g++) {
            rows.add(List.of(g < m ? Integer.toString(g) : m + "+", Integer.toString(customers[g]),
                    TextTable.number(actual[g]), TextTable.number(predicted[g])));
        }
        return TextTable.render(List.of("frequency", "customers", "actual", "predicted"), rows);
    }
}
