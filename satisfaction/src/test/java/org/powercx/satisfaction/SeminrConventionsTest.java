package org.powercx.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;

/** seminr's conventions as options (sample-variance scores, re-estimated f2) and SmartPLS's unstandardised IPMA. */
class SeminrConventionsTest {
    private static final IndicatorTable MOBI = RefData.survey("mobi");
    private static final IndicatorTable SAT = RefData.survey("satisfaction");
    /** seminr converges to about 1e-10 (resources README). */
    private static final double SEMINR_TOL = 1e-8;

    /** seminr 2.x fixture {@code inner_weights_constructscores.csv} (scores scaled by {@code scale()}, n - 1). */
    @Test
    void sampleVarianceScoresAreSeminrs() {
        PlsResult r = PlsPm.withDefaults().fit(RefData.m4(), MOBI);
        List<String[]> lines = RefData.lines("seminr/inner_weights_constructscores.csv");
        double[][] y = r.scores(ScoreVariance.SAMPLE);
        List<String> cols = List.of(lines.get(0)).subList(1, 5);
        assertThat(lines).hasSize(251);
        for (int i = 1; i < lines.size(); i++) {
            for (int j = 0; j < 4; j++) {
                int c = r.model().indexOf(cols.get(j));
                assertThat(y[i - 1][c]).isCloseTo(RefData.num(lines.get(i)[j + 1]), within(SEMINR_TOL));
            }
        }
        assertThat(r.scores("Image", ScoreVariance.SAMPLE)[7]).isEqualTo(y[7][0]);
        assertThat(r.scores(ScoreVariance.POPULATION)).isEqualTo(r.scores());
        assertThat(r.scores("Image", ScoreVariance.POPULATION)).isEqualTo(r.scores("Image"));
        assertThatThrownBy(() -> r.scores((ScoreVariance) null)).isInstanceOf(SatisfactionException.class)
            .hasMessage("score variance is null");
    }

    /**
     * f2 with the model re-estimated without the path, checked by fitting the reduced models by hand; a construct
     * with a single predecessor gets the same f2 either way (its R2 without the path is 0).
     */
    @Test
    void reestimatedFSquaredRefitsTheModelWithoutThePath() {
        PlsPm pls = PlsPm.withDefaults();
        PlsResult r = pls.fit(RefData.m4(), MOBI);
        double[][] f2 = r.quality().fSquaredReestimated();
        double full = r.rSquared("Satisfaction");
        // without Image -> Satisfaction, Image takes part in no path and is dropped, as seminr drops it
        PathModel withoutImage = PathModel.builder()
            .reflective("Expectation", "CUEX1", "CUEX2", "CUEX3")
            .reflective("Value", "PERV1", "PERV2")
            .reflective("Satisfaction", "CUSA1", "CUSA2", "CUSA3")
            .path("Expectation", "Satisfaction").path("Value", "Satisfaction").build();
        double excl = pls.fit(withoutImage, MOBI).rSquared("Satisfaction");
        assertThat(f2[0][3]).isCloseTo((full - excl) / (1 - full), within(1e-12));
        assertThat(f2[0][3]).isNotCloseTo(r.quality().fSquared()[0][3], within(1e-6));
        assertThat(f2[1][0]).isZero();

        PlsResult s = pls.fit(PathModel.powerCsi(), SAT);
        double[][] re = s.quality().fSquaredReestimated();
        double[][] kept = s.quality().fSquared();
        List<String> cn = s.model().constructNames();
        int expe = cn.indexOf("EXPE");
        int qual = cn.indexOf("QUAL");
        assertThat(re[expe][qual]).isCloseTo(kept[expe][qual], within(1e-12));
        int val = cn.indexOf("VAL");
        int sat = cn.indexOf("SAT");
        PathModel.Builder b = PathModel.builder();
        for (Construct c : s.model().constructs()) {
            b.construct(c);
        }
        boolean[][] adj = s.model().adjacency();
        for (int i = 0; i < adj.length; i++) {
            for (int j = 0; j < adj.length; j++) {
                if (adj[i][j] && !(i == val && j == sat)) {
                    b.path(cn.get(i), cn.get(j));
                }
            }
        }
        double satFull = s.rSquared("SAT");
        double satExcl = pls.fit(b.build(), SAT).rSquared("SAT");
        assertThat(re[val][sat]).isCloseTo((satFull - satExcl) / (1 - satFull), within(1e-12));
    }

    /**
     * Unstandardised IPMA recomputed from scratch: least-squares regressions (commons-math3 OLS with intercept) of
     * each respondent index on its predecessors' indices give the unstandardised paths; their total effects
     * \( B + B^2 + \dots \) must equal the importances; performances are the indices.
     */
    @Test
    void unstandardisedImportanceIsTheTotalEffectOfTheIndices() {
        PlsResult r = PlsPm.withDefaults().fit(PathModel.powerCsi(), SAT);
        SatisfactionIndex index = SatisfactionIndex.of(r, 0, 10);
        ImportancePerformance ipma = index.importancePerformanceUnstandardised("LOY");
        List<String> cn = r.model().constructNames();
        int m = cn.size();
        double[][] path = new double[m][m];
        for (int j = 0; j < m; j++) {
            List<String> preds = r.model().predecessors(cn.get(j));
            if (preds.isEmpty()) {
                continue;
            }
            double[] y = index.respondentIndices(cn.get(j));
            double[][] x = new double[y.length][preds.size()];
            for (int k = 0; k < preds.size(); k++) {
                double[] col = index.respondentIndices(preds.get(k));
                for (int i = 0; i < y.length; i++) {
                    x[i][k] = col[i];
                }
            }
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.newSampleData(y, x);
            double[] beta = ols.estimateRegressionParameters();
            for (int k = 0; k < preds.size(); k++) {
                path[cn.indexOf(preds.get(k))][j] = beta[k + 1];
            }
        }
        double[][] total = new double[m][m];
        double[][] power = path;
        for (int step = 0; step < m; step++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    total[i][j] += power[i][j];
                }
            }
            double[][] next = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int l = 0; l < m; l++) {
                    for (int j = 0; j < m; j++) {
                        next[i][j] += power[i][l] * path[l][j];
                    }
                }
            }
            power = next;
        }
        int loy = cn.indexOf("LOY");
        assertThat(ipma.constructs()).containsExactly("IMAG", "EXPE", "QUAL", "VAL", "SAT");
        assertThat(ipma.unstandardised()).isTrue();
        for (int k = 0; k < ipma.constructs().size(); k++) {
            String c = ipma.constructs().get(k);
            assertThat(ipma.importance()[k]).as(c).isCloseTo(total[cn.indexOf(c)][loy], within(1e-9));
            assertThat(ipma.performance()[k]).isEqualTo(index.index(c));
        }
        ImportancePerformance standardised = index.importancePerformance("LOY");
        assertThat(standardised.unstandardised()).isFalse();
        assertThat(ipma).isNotEqualTo(standardised);
        assertThat(ipma.toString()).contains("(unstandardised)");
        assertThat(ipma.hashCode()).isNotEqualTo(standardised.hashCode());
    }
}
