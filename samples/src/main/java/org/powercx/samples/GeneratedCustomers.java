package org.powercx.samples;

import org.powercx.core.CustomerIndicators;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import org.powercx.core.IndicatorTable;
import org.powercx.core.TextTable;

/**
 * Customers made by {@link CustomerGenerator}: the observable columns of {@link CustomerIndicators} and the
 * latent truth behind them (credit quality, default probability, growth rate, theft), which tests use to
 * check that an analysis recovers the structure the generator put in.
 *
 * <p>Columns are held as primitive arrays; {@link #table()} builds an {@link IndicatorTable} (which copies
 * them) with ids {@code C00000001}, {@code C00000002}, and so on. Accessors return copies. Instances are
 * immutable.
 *
 * @since 0.1.0
 */
public final class GeneratedCustomers {
    private final double[][] columns;
    private final double[] quality;
    private final double[] defaultProbability;
    private final double[] growth;
    private final boolean[] theft;

    GeneratedCustomers(double[][] columns, double[] quality, double[] defaultProbability, double[] growth,
            boolean[] theft) {
        this.columns = columns;
        this.quality = quality;
        this.defaultProbability = defaultProbability;
        this.growth = growth;
        this.theft = theft;
    }

    /**
     * Number of customers.
     *
     * @return at least 1
     */
    public int size() {
        return quality.length;
    }

    /**
     * The id of a customer: {@code "C"} and the 1-based row number padded to eight digits.
     *
     * @param row row index, 0-based
     * @return the id
     */
    public static String id(int row) {
        String digits = Integer.toString(row + 1);
        return digits.length() >= 8 ? "C" + digits : "C" + "0".repeat(8 - digits.length()) + digits;
    }

    /**
     * The customer ids in row order, computed on access (no per-row storage).
     *
     * @return an unmodifiable list
     */
    public List<String> ids() {
        int n = size();
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                if (index < 0 || index >= n) {
                    throw new SamplesException("row %d is not within [0, %d)", index, n);
                }
                return id(index);
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    /**
     * The observable columns as a table, in the order of {@link CustomerIndicators#customerTable()}.
     *
     * @return a new table
     */
    public IndicatorTable table() {
        return IndicatorTable.ofColumns(CustomerGenerator.columns(), ids(), columns);
    }

    /**
     * A copy of one observable column.
     *
     * @param name a name from {@link CustomerIndicators}
     * @return a new array
     * @throws SamplesException if the name is not a generated column
     */
    public double[] column(String name) {
        for (int j = 0; j < CustomerGenerator.COLUMNS; j++) {
            if (CustomerGenerator.columns().get(j).name().equals(name)) {
                return columns[j].clone();
            }
        }
        throw new SamplesException("unknown generated column '%s'", name);
    }

    /**
     * The latent credit quality \( q_i \) of each customer.
     *
     * @return a new array
     */
    public double[] creditQuality() {
        return quality.clone();
    }

    /**
     * The true default probability \( \sigma(\alpha + \beta q_i) \) of each customer.
     *
     * @return a new array
     */
    public double[] defaultProbability() {
        return defaultProbability.clone();
    }

    /**
     * The latent yearly growth rate \( g_i \) of each customer's consumption.
     *
     * @return a new array
     */
    public double[] latentGrowth() {
        return growth.clone();
    }

    /**
     * Whether each customer steals electricity.
     *
     * @return a new array
     */
    public boolean[] theft() {
        return theft.clone();
    }

    /**
     * The default labels (1 defaulted, 0 not), as the credit module takes them.
     *
     * @return a new array
     */
    public int[] defaultLabels() {
        double[] d = columns[CustomerGenerator.COLUMNS - 1];
        int[] labels = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            labels[i] = (int) d[i];
        }
        return labels;
    }

    /**
     * Per class: customers, mean consumption, mean fee revenue, default and theft rates.
     *
     * @return a readable table
     */
    @Override
    public String toString() {
        int k = CustomerClass.values().length;
        double[] count = new double[k];
        double[] mwh = new double[k];
        double[] fee = new double[k];
        double[] def = new double[k];
        double[] thefts = new double[k];
        for (int i = 0; i < size(); i++) {
            int c = (int) columns[0][i] - 1;
            count[c]++;
            mwh[c] += columns[8][i];
            fee[c] += columns[11][i];
            def[c] += columns[23][i];
            thefts[c] += theft[i] ? 1 : 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (CustomerClass cc : CustomerClass.values()) {
            int c = cc.code() - 1;
            double n = Math.max(count[c], 1);
            rows.add(List.of(cc.label(), TextTable.number(count[c]), TextTable.number(mwh[c] / n),
                TextTable.number(fee[c] / n), TextTable.number(def[c] / n), TextTable.number(thefts[c] / n)));
        }
        return "GeneratedCustomers " + size() + " customers\n" + TextTable.render(List.of("class", "customers",
            "mean MWh", "mean fee kyuan", "default rate", "theft rate"), rows);
    }
}
