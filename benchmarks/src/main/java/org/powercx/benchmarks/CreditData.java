package org.powercx.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

/**
 * The seeded credit data of {@link CreditBenchmark} and {@link ScorecardBenchmark}: indicators {@code x0..x(p-1)}
 * with X ~ N(0, 1) and the default drawn from a logistic model with intercept -1 and coefficients uniform on
 * [-0.5, 0.5] (as the scikit-learn timing anchor in benchmarks/peers/logistic_peer.py).
 */
final class CreditData {
    final List<Indicator> indicators;
    final List<String> names;
    final double[][] columns;
    final int[] labels;
    final IndicatorTable table;

    private CreditData(List<Indicator> indicators, List<String> names, double[][] columns, int[] labels,
            IndicatorTable table) {
        this.indicators = indicators;
        this.names = names;
        this.columns = columns;
        this.labels = labels;
        this.table = table;
    }

    /**
     * Draws the data with seed 12345.
     *
     * @param rows customers
     * @param p indicators
     * @return the data
     */
    static CreditData generate(int rows, int p) {
        SplittableRandom random = new SplittableRandom(12345L);
        List<Indicator> list = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) {
            names.add("x" + j);
            list.add(Indicator.benefit("x" + j));
            beta[j] = random.nextDouble() - 0.5;
        }
        double[][] columns = new double[p][rows];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            double eta = -1;
            for (int j = 0; j < p; j++) {
                double x = gaussian(random);
                columns[j][i] = x;
                eta += beta[j] * x;
            }
            labels[i] = random.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        List<String> ids = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            ids.add("c" + i);
        }
        return new CreditData(list, names, columns, labels, IndicatorTable.ofColumns(list, ids, columns));
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }
}
