package org.powercx.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;

/**
 * PLSpredict. No third-party output is available for fixed folds (seminr's {@code predict_pls} draws its folds
 * from R's generator), so the test recomputes one repetition independently: the same folds, PLS fitted through
 * the public {@link PlsPm} on each training table, predictions from its public weights, loadings and total
 * effects, the LM benchmark by commons-math3's OLS, and the metrics from their definitions.
 */
class PlsPredictTest {
    private static final IndicatorTable MOBI = RefData.survey("mobi");
    private static final PathModel ECSI = PathModel.ecsi();

    @Test
    void oneRepetitionRecomputedIndependently() {
        long seed = 2019;
        int k = 10;
        PredictionResult res = PlsPredict.withDefaults().withFolds(k).withRepetitions(1).run(ECSI, MOBI, seed);
        int n = MOBI.rowCount();
        int[] fold = PlsPredict.assign(n, k, new SplittableRandom(seed).split());
        int[] sizes = new int[k];
        for (int f : fold) {
            sizes[f]++;
        }
        assertThat(sizes).containsOnly(25);
        List<String> names = ECSI.indicatorNames();
        List<String> endo = res.indicators();
        // Image is the only exogenous construct
        assertThat(endo).hasSize(names.size() - 5).doesNotContain("IMAG1");
        int q = endo.size();
        double[] ssePls = new double[q];
        double[] saePls = new double[q];
        double[] sseLm = new double[q];
        double[] sseNaive = new double[q];
        String[] exo = {"IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5"};
        for (int f = 0; f < k; f++) {
            int ff = f;
            IndicatorTable train = MOBI.filter(i -> fold[i] != ff);
            IndicatorTable test = MOBI.filter(i -> fold[i] == ff);
            PlsResult pls = PlsPm.withDefaults().fit(ECSI, train);
            double[] w = pls.standardisedWeights();
            double[] mean = pls.indicatorMeans();
            double[] sd = pls.indicatorStandardDeviations();
            double[] lambda = pls.loadings();
            double[][] x = new double[train.rowCount()][exo.length];
            for (int i = 0; i < train.rowCount(); i++) {
                for (int a = 0; a < exo.length; a++) {
                    x[i][a] = train.get(i, train.indexOf(exo[a]));
                }
            }
            for (int c = 0; c < q; c++) {
                String ind = endo.get(c);
                int kk = names.indexOf(ind);
                OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
                ols.newSampleData(train.column(ind), x);
                double[] beta = ols.estimateRegressionParameters();
                String construct = ECSI.constructs().stream().filter(cc -> cc.indicators().contains(ind)).findFirst()
                    .orElseThrow().name();
                double total = pls.totalEffect("Image", construct);
                for (int i = 0; i < test.rowCount(); i++) {
                    double score = 0;
                    double lmHat = beta[0];
                    for (int a = 0; a < exo.length; a++) {
                        int col = names.indexOf(exo[a]);
                        double v = test.get(i, test.indexOf(exo[a]));
                        score += w[col] * (v - mean[col]) / sd[col];
                        lmHat += beta[a + 1] * v;
                    }
                    double plsHat = mean[kk] + sd[kk] * lambda[kk] * total * score;
                    double obs = test.get(i, test.indexOf(ind));
                    ssePls[c] += (obs - plsHat) * (obs - plsHat);
                    saePls[c] += Math.abs(obs - plsHat);
                    sseLm[c] += (obs - lmHat) * (obs - lmHat);
                    sseNaive[c] += (obs - mean[kk]) * (obs - mean[kk]);
                }
            }
        }
        for (int c = 0; c < q; c++) {
            assertThat(res.plsRmse()[c]).as("PLS RMSE %s", endo.get(c)).isCloseTo(Math.sqrt(ssePls[c] / n),
                within(1e-10));
            assertThat(res.plsMae()[c]).isCloseTo(saePls[c] / n, within(1e-10));
            assertThat(res.lmRmse()[c]).as("LM RMSE %s", endo.get(c)).isCloseTo(Math.sqrt(sseLm[c] / n),
                within(1e-9));
            assertThat(res.q2Predict()[c]).isCloseTo(1 - ssePls[c] / sseNaive[c], within(1e-10));
            assertThat(res.lmQ2Predict()[c]).isCloseTo(1 - sseLm[c] / sseNaive[c], within(1e-9));
            assertThat(res.lmMae()[c]).isPositive();
        }
    }

    @Test
    void identicalAtAnyThreadCount() {
        PlsPredict base = PlsPredict.withDefaults().withFolds(5).withRepetitions(4);
        PredictionResult one = base.run(ECSI, MOBI, 7);
        PredictionResult four = base.withThreads(4).run(ECSI, MOBI, 7);
        assertThat(four.plsRmse()).containsExactly(one.plsRmse());
        assertThat(four.plsMae()).containsExactly(one.plsMae());
        assertThat(four.q2Predict()).containsExactly(one.q2Predict());
        assertThat(four.lmRmse()).containsExactly(one.lmRmse());
        assertThat(four.lmMae()).containsExactly(one.lmMae());
        PredictionResult other = base.run(ECSI, MOBI, 8);
        assertThat(other.plsRmse()).isNotEqualTo(one.plsRmse());
        assertThat(one.folds()).isEqualTo(5);
        assertThat(one.repetitions()).isEqualTo(4);
        assertThat(one.seed()).isEqualTo(7);
        assertThat(one.model()).isSameAs(ECSI);
        assertThat(one.toString()).contains("Q2predict", "CUSA1", "5 folds x 4 repetitions");
    }

    @Test
    void onTheTrueModelPlsPredictsAsWellAsTheLinearModel() {
        PathModel model = SyntheticSurvey.model(3);
        IndicatorTable data = SyntheticSurvey.generate(4000, 3, new double[] {0.5, 0.4, 0.5, 0.2}, 3);
        PredictionResult res = PlsPredict.withDefaults().withRepetitions(2).run(model, data, 1);
        for (int c = 0; c < res.indicators().size(); c++) {
            assertThat(res.q2Predict()[c]).isPositive();
            // PLS uses the true structure, LM estimates 6 free coefficients per indicator: at n = 4000 the two
            // differ by sampling noise only
            assertThat(res.plsRmse()[c]).isCloseTo(res.lmRmse()[c], within(0.02 * res.lmRmse()[c]));
        }
    }

    @Test
    void invalidSettingsAndDataNameTheProblem() {
        assertThatThrownBy(() -> PlsPredict.withDefaults().withFolds(1)).isInstanceOf(SatisfactionException.class)
            .hasMessageContaining("2 folds");
        assertThatThrownBy(() -> PlsPredict.withDefaults().withRepetitions(0))
            .isInstanceOf(SatisfactionException.class).hasMessageContaining("repetitions");
        assertThatThrownBy(() -> PlsPredict.withDefaults().withThreads(0)).isInstanceOf(SatisfactionException.class);
        assertThatThrownBy(() -> PlsPredict.withDefaults().with(null)).isInstanceOf(SatisfactionException.class);
        assertThatThrownBy(() -> PlsPredict.withDefaults().withFolds(300).run(ECSI, MOBI, 1))
            .isInstanceOf(SatisfactionException.class).hasMessageContaining("300 folds");
        assertThatThrownBy(() -> PlsPredict.withDefaults().withFolds(2).run(ECSI, MOBI.rows(0, 8), 1))
            .isInstanceOf(SatisfactionException.class).hasMessageContaining("training fold");
        assertThatThrownBy(() -> PlsPredict.withDefaults().run(null, MOBI, 1))
            .isInstanceOf(SatisfactionException.class);
        // a constant indicator within a training set (but not in the full data) fails the run, naming the fold
        double[][] rows = new double[40][];
        for (int i = 0; i < 40; i++) {
            rows[i] = MOBI.row(i);
        }
        int col = MOBI.indexOf("CUSCO");
        for (int i = 0; i < 40; i++) {
            rows[i][col] = i == 0 ? 9 : 5;
        }
        IndicatorTable odd = IndicatorTable.ofRows(MOBI.indicators(), MOBI.ids().subList(0, 40), rows);
        assertThatThrownBy(() -> PlsPredict.withDefaults().withFolds(2).run(ECSI, odd, 1))
            .isInstanceOf(SatisfactionException.class).hasMessageContaining("constant");
        assertThat(PlsPredict.withDefaults().folds()).isEqualTo(10);
        assertThat(PlsPredict.withDefaults().repetitions()).isEqualTo(10);
        assertThat(PlsPredict.withDefaults().toString()).contains("folds=10");
    }
}
