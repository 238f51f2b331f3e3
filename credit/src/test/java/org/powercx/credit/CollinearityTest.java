package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercx.core.Indicator;
import org.powercx.core.TestJson;

/**
 * Collinear indicators dropped as scikit-learn 1.2.1 {@code LinearDiscriminantAnalysis(solver='svd')} does, on the
 * German credit data with a25 = a24 and a26 = a1 + 2 a2 added ({@code sklearn_lda_extended.json}). Decision values
 * and probabilities within 1e-9: the directions kept have singular values from 0.40 up, so the whitening loses no
 * more than a few units of 1e-15 relative, and scikit-learn's own SVD of the data is accurate to that order too.
 */
class CollinearityTest {
    private static final JsonNode REF = TestJson.at(Reference.json("sklearn_lda_extended.json"),
        "german_collinear_svd");

    static double[][] columns() {
        double[][] cols = new double[26][];
        for (int j = 0; j < 24; j++) {
            cols[j] = GermanCredit.table().column(j);
        }
        cols[24] = cols[23].clone();
        cols[25] = new double[GermanCredit.ROWS];
        for (int i = 0; i < GermanCredit.ROWS; i++) {
            cols[25][i] = cols[0][i] + 2 * cols[1][i];
        }
        return cols;
    }

    static List<Indicator> indicators() {
        List<Indicator> inds = new ArrayList<>();
        for (int j = 1; j <= 26; j++) {
            inds.add(Indicator.benefit("a" + j));
        }
        return inds;
    }

    @Test
    void droppedDirectionsMatchScikitLearnsSvdSolver() {
        double[][] cols = columns();
        DiscriminantModel model = LinearDiscriminant.withDefaults().withCollinearity(Collinearity.DROP)
            .fit(indicators(), cols, GermanCredit.labels());
        assertThat(model.withinRank()).isEqualTo((int) TestJson.number(REF, "within_rank")).isEqualTo(24);
        assertThat(model.droppedDirections()).hasDimensions(2, 26);
        assertThat(model.collinearIndicators()).containsExactly("a1", "a2", "a24", "a25", "a26");
        double[] decision = TestJson.vector(REF, "decision");
        double[][] proba = TestJson.matrix(REF, "proba");
        double[][] transform = TestJson.matrix(REF, "transform");
        double[] row = new double[26];
        for (int i = 0; i < GermanCredit.ROWS; i++) {
            for (int j = 0; j < 26; j++) {
                row[j] = cols[j][i];
            }
            assertThat(Math.abs(model.decisionValue(row) - decision[i])).as("decision value %d", i).isLessThan(1e-9);
            assertThat(Math.abs(model.defaultProbability(row) - proba[i][1])).as("probability %d", i)
                .isLessThan(1e-9);
            assertThat(Math.abs(model.transform(row)[0] - transform[i][0])).as("transform %d", i).isLessThan(1e-9);
        }
        // the model rebuilt from its parameters keeps the report
        DiscriminantModel rebuilt = DiscriminantModel.of(model.parameters());
        assertThat(rebuilt.withinRank()).isEqualTo(24);
        assertThat(rebuilt.parameters()).isEqualTo(model.parameters());
        assertThat(model.toString()).contains("within-class rank 24 (collinear: a1, a2, a24, a25, a26)");
    }

    @Test
    void fullRankDataLoseNothingAndTheDefaultStillRefuses() {
        DiscriminantModel dropped = LinearDiscriminant.withDefaults().withCollinearity(Collinearity.DROP)
            .fit(GermanCredit.table(), GermanCredit.labels());
        DiscriminantModel plain = GermanCredit.model();
        assertThat(dropped.withinRank()).isEqualTo(24);
        assertThat(dropped.droppedDirections()).isEmpty();
        assertThat(dropped.collinearIndicators()).isEmpty();
        double[] a = dropped.coefficients()[0];
        double[] b = plain.coefficients()[0];
        for (int j = 0; j < a.length; j++) {
            assertThat(a[j]).isCloseTo(b[j], org.assertj.core.api.Assertions.within(1e-10 * (1 + Math.abs(b[j]))));
        }
        assertThatThrownBy(() -> LinearDiscriminant.withDefaults().fit(indicators(), columns(), GermanCredit.labels()))
            .isInstanceOf(CreditException.class).hasMessageContaining("'a25' is collinear with 'a24'");
        assertThatThrownBy(() -> LinearDiscriminant.withDefaults().withCollinearity(null))
            .hasMessageContaining("collinearity is null");
    }

    /** German plus a25 = 1.5 (good) / 4.0 (bad) and a26 = 3.25: both constant within every class. */
    static double[][] constantColumns() {
        double[][] cols = new double[26][];
        for (int j = 0; j < 24; j++) {
            cols[j] = GermanCredit.table().column(j);
        }
        int[] y = GermanCredit.labels();
        cols[24] = new double[GermanCredit.ROWS];
        cols[25] = new double[GermanCredit.ROWS];
        for (int i = 0; i < GermanCredit.ROWS; i++) {
            cols[24][i] = y[i] == 1 ? 4.0 : 1.5;
            cols[25][i] = 3.25;
        }
        return cols;
    }

    /**
     * Indicators constant within every class are directions of zero within-class variance, which scikit-learn's
     * svd solver drops ({@code sklearn_lda_constant.csv}, written by {@code sklearn_lda_constant.py}). Tolerance
     * 1e-12 on decision values (largest 5.0), probabilities and coordinates: scikit-learn agrees with itself
     * without the two columns to 1.2e-14 (its own rounding on these data) and this fit is within 3.3e-14 of it;
     * coefficients (those of the constant indicators are 0 in scikit-learn) within 1e-10 relative.
     */
    @Test
    void indicatorsConstantWithinEveryClassAreDroppedAsScikitLearnDoes() {
        double[][] cols = constantColumns();
        DiscriminantModel model = LinearDiscriminant.withDefaults().withCollinearity(Collinearity.DROP)
            .fit(indicators(), cols, GermanCredit.labels());
        assertThat(model.withinRank()).isEqualTo(24);
        assertThat(model.droppedDirections()).hasDimensions(2, 26);
        assertThat(model.collinearIndicators()).containsExactly("a25", "a26");
        assertThatThrownBy(model::wilks).isInstanceOf(CreditException.class).hasMessageContaining("singular");
        java.util.Map<String, double[]> ref = Reference.csv("sklearn_lda_constant.csv");
        java.util.Map<String, double[]> coef = Reference.csv("sklearn_lda_constant_coef.csv");
        double[] row = new double[26];
        double worst = 0;
        for (int i = 0; i < GermanCredit.ROWS; i++) {
            for (int j = 0; j < 26; j++) {
                row[j] = cols[j][i];
            }
            worst = Math.max(worst, Math.abs(model.decisionValue(row) - ref.get("decision")[i]));
            worst = Math.max(worst, Math.abs(model.defaultProbability(row) - ref.get("proba_bad")[i]));
            worst = Math.max(worst, Math.abs(model.transform(row)[0] - ref.get("transform")[i]));
        }
        assertThat(worst).as("largest difference from scikit-learn").isLessThan(1e-12);
        double[] c = model.coefficients()[0];
        for (int j = 0; j < 26; j++) {
            double expected = coef.get("a" + (j + 1))[0];
            assertThat(Math.abs(c[j] - expected)).as("coefficient a%d", j + 1)
                .isLessThan(1e-10 * (1 + Math.abs(expected)));
        }
        assertThat(DiscriminantModel.of(model.parameters()).parameters()).isEqualTo(model.parameters());
        // the default still refuses, naming the indicator
        assertThatThrownBy(() -> LinearDiscriminant.withDefaults().fit(indicators(), cols, GermanCredit.labels()))
            .isInstanceOf(CreditException.class).hasMessageContaining("'a25' is constant within every class")
            .hasMessageContaining("Collinearity.DROP").hasMessageNotContaining("\n");
    }

    /**
     * With the pooled Ledoit-Wolf shrinkage the constant indicators stay out of the intensity and keep a zero
     * row, so the model equals the one fitted without them.
     */
    @Test
    void constantIndicatorsUnderPooledShrinkageLeaveTheOthersUnchanged() {
        double[][] cols = constantColumns();
        DiscriminantModel model = LinearDiscriminant.withDefaults().withCollinearity(Collinearity.DROP)
            .withShrinkage(Shrinkage.ledoitWolf()).fit(indicators(), cols, GermanCredit.labels());
        DiscriminantModel plain = LinearDiscriminant.withDefaults().withShrinkage(Shrinkage.ledoitWolf())
            .fit(GermanCredit.table(), GermanCredit.labels());
        assertThat(model.shrinkageIntensity()).isCloseTo(plain.shrinkageIntensity(),
            org.assertj.core.api.Assertions.within(1e-14));
        assertThat(model.collinearIndicators()).containsExactly("a25", "a26");
        double[] a = model.coefficients()[0];
        double[] b = plain.coefficients()[0];
        for (int j = 0; j < 24; j++) {
            assertThat(Math.abs(a[j] - b[j])).as("coefficient a%d", j + 1).isLessThan(1e-10 * (1 + Math.abs(b[j])));
        }
        assertThat(Math.abs(a[24]) + Math.abs(a[25])).isLessThan(1e-12);
    }

    /**
     * Shrinkage by class gives a constant indicator the variance of its target, so it stays; an offset of 10^6 on
     * it (which leaves rounding in the chunk means) changes no decision value beyond 1e-9 of the largest.
     */
    @Test
    void constantIndicatorsUnderShrinkageByClassAreOffsetInvariant() {
        double[][] small = constantColumns();
        double[][] large = constantColumns();
        for (int i = 0; i < GermanCredit.ROWS; i++) {
            large[24][i] += 1e6 + 0.1;
            large[25][i] += 1e6 + 0.1;
        }
        for (Shrinkage s : java.util.List.of(Shrinkage.fixedByClass(0.3), Shrinkage.ledoitWolfByClass())) {
            LinearDiscriminant lda = LinearDiscriminant.withDefaults().withShrinkage(s)
                .withCollinearity(Collinearity.DROP);
            DiscriminantModel a = lda.fit(indicators(), small, GermanCredit.labels());
            DiscriminantModel b = lda.fit(indicators(), large, GermanCredit.labels());
            assertThat(a.droppedDirections()).as("%s", s).isEmpty();
            double[] row = new double[26];
            double[] shifted = new double[26];
            double worst = 0;
            double size = 0;
            for (int i = 0; i < GermanCredit.ROWS; i++) {
                for (int j = 0; j < 26; j++) {
                    row[j] = small[j][i];
                    shifted[j] = large[j][i];
                }
                double za = a.decisionValue(row);
                worst = Math.max(worst, Math.abs(za - b.decisionValue(shifted)));
                size = Math.max(size, Math.abs(za));
            }
            assertThat(worst).as("%s", s).isLessThan(1e-9 * size);
        }
    }
}
