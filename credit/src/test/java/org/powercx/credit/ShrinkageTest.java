package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;

class ShrinkageTest {

    @Test
    void fixedShrinkageScalesCorrelationsAndSolvesTheShrunkSystem() {
        int[] labels = GermanCredit.labels();
        IndicatorTable german = GermanCredit.table();
        DiscriminantModel plain = LinearDiscriminant.withDefaults().fit(german, labels);
        DiscriminantModel shrunk = LinearDiscriminant.withDefaults().withShrinkage(Shrinkage.fixed(0.3))
            .fit(german, labels);
        double[][] s0 = plain.pooledCovariance();
        double[][] s = shrunk.pooledCovariance();
        double[] a = shrunk.coefficients()[0];
        double[][] m = shrunk.classMeans();
        for (int j = 0; j < 24; j++) {
            double residual = -(m[1][j] - m[0][j]);
            for (int l = 0; l < 24; l++) {
                double expected = j == l ? s0[j][l] : 0.7 * s0[j][l];
                assertThat(s[j][l]).isCloseTo(expected, within(1e-12 * Math.abs(s0[j][j])));
                residual += s[j][l] * a[l];
            }
            assertThat(residual).isCloseTo(0, within(1e-10));
        }
        assertThat(shrunk.wilks().lambda()).isEqualTo(plain.wilks().lambda());
        DiscriminantModel full = LinearDiscriminant.withDefaults().withShrinkage(Shrinkage.fixed(1)).fit(german, labels);
        // lambda = 1: diagonal covariance, a_j = (mu1_j - mu0_j) / var_j
        for (int j = 0; j < 24; j++) {
            assertThat(full.coefficients()[0][j]).isCloseTo((m[1][j] - m[0][j]) / s0[j][j], within(1e-12));
        }
    }

    /** The Ledoit-Wolf intensity recomputed naively from the definitions of Ledoit and Wolf (2004), Lemma 3.3. */
    @Test
    void ledoitWolfIntensityMatchesTheDefinitions() {
        int[] labels = new int[150];
        IndicatorTable iris = Reference.iris(labels);
        DiscriminantModel lw = LinearDiscriminant.withDefaults().withShrinkage(Shrinkage.ledoitWolf()).fit(iris, labels);
        int n = 150;
        int p = 4;
        double[][] mean = new double[3][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                mean[labels[i]][j] += iris.get(i, j) / 50.0;
            }
        }
        double[][] z = new double[n][p];
        double[] var = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                z[i][j] = iris.get(i, j) - mean[labels[i]][j];
                var[j] += z[i][j] * z[i][j] / n;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                z[i][j] /= Math.sqrt(var[j]);
            }
        }
        double[][] sample = new double[p][p];
        for (double[] zi : z) {
            for (int j = 0; j < p; j++) {
                for (int l = 0; l < p; l++) {
                    sample[j][l] += zi[j] * zi[l] / n;
                }
            }
        }
        double mu = 0;
        for (int j = 0; j < p; j++) {
            mu += sample[j][j] / p;
        }
        double d2 = 0;
        for (int j = 0; j < p; j++) {
            for (int l = 0; l < p; l++) {
                double v = sample[j][l] - (j == l ? mu : 0);
                d2 += v * v / p;
            }
        }
        double b2 = 0;
        for (double[] zi : z) {
            for (int j = 0; j < p; j++) {
                for (int l = 0; l < p; l++) {
                    double v = zi[j] * zi[l] - sample[j][l];
                    b2 += v * v / p / ((double) n * n);
                }
            }
        }
        double expected = Math.min(b2, d2) / d2;
        assertThat(lw.shrinkageIntensity()).isCloseTo(expected, within(1e-12)).isBetween(0.0, 1.0);
        assertThat(expected).isGreaterThan(0.001);
    }
}
