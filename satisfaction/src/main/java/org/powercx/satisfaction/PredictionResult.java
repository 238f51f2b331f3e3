package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * Out-of-sample prediction metrics of {@link PlsPredict} for each indicator of the endogenous constructs:
 * RMSE, MAE and \( Q^2_{predict} \) of the PLS predictions and of the linear-model benchmark, pooled over all
 * respondents and repetitions. Shmueli et al. (2019) read them as: no predictive power if \( Q^2_{predict} \le 0
 * \); otherwise compare PLS with LM indicator by indicator (PLS lower RMSE or MAE for all indicators: high, for
 * most: medium, for a minority: low, for none: lacking predictive power). Arrays follow {@link #indicators()}.
 * Immutable; accessors return copies.
 *
 * @since 0.2.0
 */
public final class PredictionResult {
    private final PathModel model;
    private final List<String> indicators;
    private final double[] plsRmse;
    private final double[] plsMae;
    private final double[] plsQ2;
    private final double[] lmRmse;
    private final double[] lmMae;
    private final double[] lmQ2;
    private final int folds;
    private final int repetitions;
    private final long seed;

    PredictionResult(PathModel model, int[] endo, double[] y, double[][] pls, double[][] lm, double[][] naive,
            int[] design, long seed) {
        this.model = model;
        List<String> names = new ArrayList<>();
        for (int c : endo) {
            names.add(model.indicatorNames().get(c));
        }
        this.indicators = List.copyOf(names);
        this.folds = design[0];
        this.repetitions = design[1];
        this.seed = seed;
        int q = endo.length;
        int n = y.length / q;
        plsRmse = new double[q];
        plsMae = new double[q];
        plsQ2 = new double[q];
        lmRmse = new double[q];
        lmMae = new double[q];
        lmQ2 = new double[q];
        for (int c = 0; c < q; c++) {
            double ssePls = 0;
            double saePls = 0;
            double sseLm = 0;
            double saeLm = 0;
            double sseNaive = 0;
            for (int r = 0; r < pls.length; r++) {
                for (int i = 0; i < n; i++) {
                    double obs = y[i * q + c];
                    double ep = obs - pls[r][i * q + c];
                    double el = obs - lm[r][i * q + c];
                    double en = obs - naive[r][i * q + c];
                    ssePls += ep * ep;
                    saePls += Math.abs(ep);
                    sseLm += el * el;
                    saeLm += Math.abs(el);
                    sseNaive += en * en;
                }
            }
            double count = (double) n * pls.length;
            plsRmse[c] = Math.sqrt(ssePls / count);
            plsMae[c] = saePls / count;
            plsQ2[c] = 1 - ssePls / sseNaive;
            lmRmse[c] = Math.sqrt(sseLm / count);
            lmMae[c] = saeLm / count;
            lmQ2[c] = 1 - sseLm / sseNaive;
        }
    }

    /**
     * The model.
     *
     * @return the model
     */
    public PathModel model() {
        return model;
    }

    /**
     * The predicted indicators (those of the endogenous constructs), in model order.
     *
     * @return an unmodifiable list
     */
    public List<String> indicators() {
        return indicators;
    }

    /**
     * Number of folds.
     *
     * @return k
     */
    public int folds() {
        return folds;
    }

    /**
     * Number of repetitions.
     *
     * @return the count
     */
    public int repetitions() {
        return repetitions;
    }

    /**
     * The seed.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Root mean squared prediction error of PLS per indicator.
     *
     * @return a new array
     */
    public double[] plsRmse() {
        return plsRmse.clone();
    }

    /**
     * Mean absolute prediction error of PLS per indicator.
     *
     * @return a new array
     */
    public double[] plsMae() {
        return plsMae.clone();
    }

    /**
     * \( Q^2_{predict} = 1 - \sum(x - \hat x)^2/\sum(x - \bar x_{train})^2 \) of PLS per indicator.
     *
     * @return a new array
     */
    public double[] q2Predict() {
        return plsQ2.clone();
    }

    /**
     * Root mean squared prediction error of the linear-model benchmark per indicator.
     *
     * @return a new array
     */
    public double[] lmRmse() {
        return lmRmse.clone();
    }

    /**
     * Mean absolute prediction error of the linear-model benchmark per indicator.
     *
     * @return a new array
     */
    public double[] lmMae() {
        return lmMae.clone();
    }

    /**
     * \( Q^2_{predict} \) of the linear-model benchmark per indicator.
     *
     * @return a new array
     */
    public double[] lmQ2Predict() {
        return lmQ2.clone();
    }

    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < indicators.size(); c++) {
            rows.add(List.of(indicators.get(c), TextTable.number(plsQ2[c]), TextTable.number(plsRmse[c]),
                TextTable.number(plsMae[c]), TextTable.number(lmRmse[c]), TextTable.number(lmMae[c])));
        }
        return "PLSpredict (" + folds + " folds x " + repetitions + " repetitions, seed " + seed + ")\n"
            + TextTable.render(List.of("indicator", "Q2predict", "PLS RMSE", "PLS MAE", "LM RMSE", "LM MAE"), rows);
    }
}
