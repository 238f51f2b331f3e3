package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

/**
 * Survey answers generated from a known population path model, for property tests.
 *
 * <p>Latent variables (unit variance): A and B exogenous and independent; \( C = b_{AC} A + b_{BC} B + e_C \);
 * \( D = b_{CD} C + b_{AD} A + e_D \), with disturbance variances chosen so that C and D have unit variance, so
 * the given coefficients are the standardised population paths. Each indicator is
 * \( x = \lambda \xi + \sqrt{1 - \lambda^2}\,\varepsilon \) with \( \lambda \in [0.75, 0.9] \) (positive, so
 * the PLS orientation rule orients every construct like its latent variable), then mapped to
 * \( \mathrm{offset} + \mathrm{scale} \cdot x \) per indicator.
 */
final class SyntheticSurvey {
    static final String[] CONSTRUCTS = {"A", "B", "C", "D"};

    private SyntheticSurvey() {
    }

    /** The model A, B -> C; C, A -> D with {@code size} reflective indicators per block. */
    static PathModel model(int size) {
        PathModel.Builder b = PathModel.builder();
        for (String c : CONSTRUCTS) {
            b.reflective(c, names(c, size).toArray(new String[0]));
        }
        return b.path("A", "C").path("B", "C").path("C", "D").path("A", "D").build();
    }

    static List<String> names(String construct, int size) {
        List<String> out = new ArrayList<>();
        for (int k = 1; k <= size; k++) {
            out.add(construct.toLowerCase(java.util.Locale.ROOT) + k);
        }
        return out;
    }

    /**
     * Generates n respondents.
     *
     * @param paths {b_AC, b_BC, b_CD, b_AD}, each of absolute value at most 0.5
     */
    static IndicatorTable generate(int n, int size, double[] paths, long seed) {
        double bAc = paths[0];
        double bBc = paths[1];
        double bCd = paths[2];
        double bAd = paths[3];
        double varC = 1 - bAc * bAc - bBc * bBc;
        double varD = 1 - bCd * bCd - bAd * bAd - 2 * bCd * bAd * bAc;
        SplittableRandom rng = new SplittableRandom(seed);
        int p = 4 * size;
        double[] lambda = new double[p];
        double[] scale = new double[p];
        double[] offset = new double[p];
        List<Indicator> inds = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            lambda[k] = 0.75 + 0.15 * rng.nextDouble();
            scale[k] = 0.5 + 2 * rng.nextDouble();
            offset[k] = 5 + 2 * rng.nextDouble();
            inds.add(Indicator.benefit(names(CONSTRUCTS[k / size], size).get(k % size)));
        }
        List<String> ids = new ArrayList<>();
        double[][] rows = new double[n][p];
        double[] xi = new double[4];
        for (int i = 0; i < n; i++) {
            xi[0] = gauss(rng);
            xi[1] = gauss(rng);
            xi[2] = bAc * xi[0] + bBc * xi[1] + Math.sqrt(varC) * gauss(rng);
            xi[3] = bCd * xi[2] + bAd * xi[0] + Math.sqrt(varD) * gauss(rng);
            for (int k = 0; k < p; k++) {
                double l = lambda[k];
                rows[i][k] = offset[k] + scale[k] * (l * xi[k / size] + Math.sqrt(1 - l * l) * gauss(rng));
            }
            ids.add("r" + i);
        }
        return IndicatorTable.ofRows(inds, ids, rows);
    }

    /** Standard normal deviate (Box-Muller, one of the pair). */
    static double gauss(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

}
