package org.powercx.credit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.powercx.core.Indicator;

/**
 * Seeded, well-conditioned two- or multi-class samples for the property, edge-case and concurrency tests:
 * class means drawn in [-2, 2], within-class noise through a random lower-triangular mixing matrix with
 * diagonal in [0.5, 2] and off-diagonal entries in [-0.5, 0.5] (so the pooled covariance is comfortably
 * positive definite), each column then scaled by 10^u, u in [-2, 2], and shifted by up to 50 of its units.
 */
final class Samples {
    final List<Indicator> indicators;
    final double[][] columns;
    final int[] labels;

    private Samples(List<Indicator> indicators, double[][] columns, int[] labels) {
        this.indicators = indicators;
        this.columns = columns;
        this.labels = labels;
    }

    static Samples generate(long seed, int n, int p, int classes) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Indicator> inds = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            inds.add(j % 2 == 0 ? Indicator.benefit("x" + j) : Indicator.cost("x" + j));
        }
        double[][] mean = new double[classes][p];
        for (double[] m : mean) {
            for (int j = 0; j < p; j++) {
                m[j] = r.nextDouble(-2, 2);
            }
        }
        double[][] mix = new double[p][p];
        double[] scale = new double[p];
        double[] offset = new double[p];
        for (int j = 0; j < p; j++) {
            for (int m = 0; m < j; m++) {
                mix[j][m] = r.nextDouble(-0.5, 0.5);
            }
            mix[j][j] = r.nextDouble(0.5, 2);
            scale[j] = Math.pow(10, r.nextDouble(-2, 2));
            offset[j] = r.nextDouble(-50, 50) * scale[j];
        }
        int[] labels = new int[n];
        double[][] cols = new double[p][n];
        double[] z = new double[p];
        for (int i = 0; i < n; i++) {
            labels[i] = i < 2 * classes ? i % classes : r.nextInt(classes);
            for (int m = 0; m < p; m++) {
                z[m] = r.nextDouble(-1, 1) + r.nextDouble(-1, 1) + r.nextDouble(-1, 1);
            }
            for (int j = 0; j < p; j++) {
                double v = mean[labels[i]][j];
                for (int m = 0; m <= j; m++) {
                    v += mix[j][m] * z[m];
                }
                cols[j][i] = v * scale[j] + offset[j];
            }
        }
        return new Samples(List.copyOf(inds), cols, labels);
    }

    double[] row(int i) {
        double[] x = new double[columns.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = columns[j][i];
        }
        return x;
    }

    int rows() {
        return labels.length;
    }

    Samples withColumn(int j, double[] values) {
        double[][] cols = columns.clone();
        cols[j] = values;
        return new Samples(indicators, cols, labels);
    }

    Samples permuted(int[] order) {
        double[][] cols = new double[columns.length][order.length];
        int[] lab = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            lab[i] = labels[order[i]];
            for (int j = 0; j < cols.length; j++) {
                cols[j][i] = columns[j][order[i]];
            }
        }
        return new Samples(indicators, cols, lab);
    }

    DiscriminantModel fit(LinearDiscriminant lda) {
        return lda.fit(indicators, columns, labels);
    }
}
