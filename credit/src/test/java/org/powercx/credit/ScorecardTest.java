package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

/** Hand-checked small examples of the scorecard pieces, and their input checks. */
class ScorecardTest {
    /** x = 1..12 in start bins of three; defaults 1, 1, 2, 2 per bin. */
    private static final double[] X = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    private static final int[] Y = {0, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 0};

    @Test
    void equalDefaultRatesPoolIntoTwoBinsWithWoeOfPlusMinusLnTwo() {
        // start bins (-inf,3], (3,6], (6,9], (9,+inf) with default rates 1/3, 1/3, 2/3, 2/3: pooling ties leaves
        // (-inf,6] with 4 goods and 2 defaults and (6,+inf) with 2 goods and 4 defaults; G = D = 6, so
        // WoE = ln((4/6)/(2/6)) = ln 2 and -ln 2, IV = (2/3) ln 2 + (2/3) ln 2 ... = 2 (1/3) ln 2 = 0.4621
        BinnedIndicator b = MonotoneBinning.withDefaults().withStartBins(4).withMinBinShare(0).fit("x", X, Y);
        assertThat(b.upperBounds()).containsExactly(6.0);
        assertThat(b.goods()).containsExactly(4, 2);
        assertThat(b.defaults()).containsExactly(2, 4);
        assertThat(b.woe()).containsExactly(new double[] {Math.log(2), -Math.log(2)}, within(1e-15));
        assertThat(b.informationValue()).isCloseTo(2.0 / 3 * Math.log(2), within(1e-15));
        assertThat(b.labels()).containsExactly("(-inf, 6]", "(6, +inf)");
        assertThat(b.bin(6)).isZero();
        assertThat(b.bin(6.5)).isEqualTo(1);
        assertThat(b.bin(-1e300)).isZero();
    }

    @Test
    void fallingRiskIsBinnedWithRisingWoeAndSmallBinsMerge() {
        double[] x = new double[12];
        for (int i = 0; i < 12; i++) {
            x[i] = -X[i];
        }
        BinnedIndicator b = MonotoneBinning.withDefaults().withStartBins(4).withMinBinShare(0).fit("x", x, Y);
        assertThat(b.upperBounds()).containsExactly(-7.0);
        assertThat(b.woe()[0]).isCloseTo(-Math.log(2), within(1e-15));
        // a minimum share above one half cannot hold two bins: one bin, no information
        BinnedIndicator one = MonotoneBinning.withDefaults().withStartBins(4).withMinBinShare(0.5)
            .fit("x", new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
                new int[] {0, 0, 0, 1, 0, 0, 1, 1, 0, 1, 1, 1});
        assertThat(one.binCount()).isEqualTo(2);
        assertThat(MonotoneBinning.withDefaults().withStartBins(2).withMinBinShare(0.5)
            .fit("x", new double[] {1, 2, 3, 4, 5}, new int[] {0, 1, 0, 1, 0}).binCount()).isEqualTo(1);
    }

    @Test
    void logisticRegressionOnOneBinaryColumnGivesTheLogOddsRatio() {
        // x = 0: 1 default in 4; x = 1: 3 in 4. MLE: b0 = ln(1/3), b1 = ln 3 - ln(1/3) = 2 ln 3
        double[] x = {0, 0, 0, 0, 1, 1, 1, 1};
        int[] y = {1, 0, 0, 0, 1, 1, 1, 0};
        LogisticModel m = LogisticRegression.withDefaults().fit(List.of("x"), new double[][] {x}, y);
        assertThat(m.intercept()).isCloseTo(-Math.log(3), within(1e-12));
        assertThat(m.coefficients()[0]).isCloseTo(2 * Math.log(3), within(1e-12));
        // one pass to start and one per iteration but the last (its step is taken unconfirmed)
        assertThat(m.passes()).isEqualTo(m.iterations());
        // with a penalty the slope shrinks
        LogisticModel p = LogisticRegression.withDefaults().withPenalty(1).fit(List.of("x"), new double[][] {x}, y);
        assertThat(p.coefficients()[0]).isLessThan(2 * Math.log(3)).isPositive();
        assertThat(p.penalty()).isEqualTo(1);
        double[] prob = m.defaultProbabilities(new double[][] {{0, 1}});
        assertThat(prob).containsExactly(new double[] {0.25, 0.75}, within(1e-12));
    }

    @Test
    void pointsScalingGivesBasePointsAtBaseOddsAndPdoPerDoubling() {
        PointsScaling s = PointsScaling.of(20, 600, 50);
        assertThat(s.factor()).isCloseTo(20 / Math.log(2), within(1e-12));
        assertThat(s.offset()).isCloseTo(600 - 20 / Math.log(2) * Math.log(50), within(1e-12));
        // odds good:bad 50 means default log-odds -ln 50
        assertThat(s.points(-Math.log(50))).isCloseTo(600, within(1e-12));
        assertThat(s.points(-Math.log(100))).isCloseTo(620, within(1e-12));
        assertThat(s.logit(620)).isCloseTo(-Math.log(100), within(1e-12));
    }

    @Test
    void scorecardOnTheHandExampleSumsPointsPerBin() {
        IndicatorTable t = table(X);
        ScorecardModel card = Scorecard.withDefaults()
            .withBinning(MonotoneBinning.withDefaults().withStartBins(4).withMinBinShare(0)).fit(t, Y);
        // one WoE column of +-ln 2 with 4:2 and 2:4 counts: the MLE reproduces the bin log-odds, so
        // b0 + b1 ln 2 = ln(1/2) and b0 - b1 ln 2 = ln 2: b0 = 0, b1 = -1
        assertThat(card.regression().intercept()).isCloseTo(0, within(1e-12));
        assertThat(card.regression().coefficients()[0]).isCloseTo(-1, within(1e-12));
        PointsScaling s = card.scaling();
        assertThat(card.points("x")).containsExactly(new double[] {s.points(-Math.log(2)), s.points(Math.log(2))},
            within(1e-9));
        assertThat(card.rows()).hasSize(2);
        assertThat(card.rows().get(0)).isEqualTo(new ScorecardModel.Row("x", "(-inf, 6]",
            card.rows().get(0).woe(), card.rows().get(0).points()));
        assertThat(card.table()).contains("(6, +inf)");
        double[] out = new double[12];
        card.scores(new double[][] {X}, out);
        assertThat(out[0]).isEqualTo(card.points("x")[0]);
        assertThat(out[11]).isEqualTo(card.points("x")[1]);
        assertThat(card.scores(t)).containsExactly(out);
        assertThat(card.dropped()).isEmpty();
    }

    @Test
    void crossValidationOfTheScorecardRefitsEveryFold() {
        CrossValidationResult cv = Scorecard.withDefaults().crossValidate(CrossValidation.stratified(5, 7),
            GermanCredit.table(), GermanCredit.labels());
        assertThat(cv.foldAuc()).hasSize(5);
        assertThat(cv.meanAuc()).isBetween(0.70, 0.85);
        assertThat(cv.pooledAuc()).isBetween(0.70, 0.85);
    }

    @Test
    void largeDataWithTheSampledInformationMatrixReachesTheExactOptimum() {
        // from 65,536 rows the matrix comes from every 16th row; the gradient, from every row, must vanish
        // (below 1e-6 on an information matrix of about 1e4: coefficients within about 1e-10 of the optimum)
        int n = LogisticRegression.MIN_SAMPLED_ROWS + 4321;
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        double[][] x = new double[3][n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double eta = -1;
            for (int j = 0; j < 3; j++) {
                x[j][i] = random.nextDouble() * 4 - 2;
                eta += (j - 1) * 0.8 * x[j][i];
            }
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        for (double lambda : new double[] {0, 50}) {
            LogisticRegression lr = LogisticRegression.withDefaults().withPenalty(lambda);
            LogisticModel m = lr.fit(List.of("a", "b", "c"), x, y);
            double[] beta = {m.intercept(), m.coefficients()[0], m.coefficients()[1], m.coefficients()[2]};
            double[] grad = new double[4];
            lr.pass(x, y, beta, grad, new double[16], 1);
            for (double g : grad) {
                assertThat(Math.abs(g)).as("gradient at the fit, lambda %s", lambda).isLessThan(1e-6);
            }
            assertThat(m.coefficients()[2]).isCloseTo(0.8, within(0.05));
            assertThat(m.iterations()).isLessThan(15);
        }
    }

    @Test
    void theScoringKernelFindsTheSameBinsAsTheBinaryLookupAtAndAroundEveryBound() {
        ScorecardModel card = Scorecard.withDefaults().fit(GermanCredit.table(), GermanCredit.labels());
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        int n = 5000;
        double[][] cols = new double[card.bins().size()][n];
        double[] expected = new double[n];
        for (int j = 0; j < cols.length; j++) {
            BinnedIndicator b = card.bins().get(j);
            double[] u = b.upperBounds();
            double[] pts = card.points(b.name());
            for (int i = 0; i < n; i++) {
                double bound = u[random.nextInt(u.length)];
                int kind = random.nextInt(4);
                double v = kind == 0 ? bound : kind == 1 ? Math.nextUp(bound) : kind == 2 ? Math.nextDown(bound)
                    : (random.nextDouble() - 0.5) * 1e4;
                cols[j][i] = v;
                expected[i] += pts[b.bin(v)];
            }
        }
        double[] out = new double[n];
        card.scores(cols, out);
        assertThat(out).containsExactly(expected);
    }

    @Test
    void invalidInputIsRefusedNamingTheItem() {
        assertThatThrownBy(() -> MonotoneBinning.withDefaults().fit("age", new double[] {1, Double.NaN},
            new int[] {0, 1})).isInstanceOf(CreditException.class)
            .hasMessage("indicator 'age': value 1 is not finite: NaN");
        assertThatThrownBy(() -> MonotoneBinning.withDefaults().withStartBins(1))
            .hasMessageContaining("start bins");
        assertThatThrownBy(() -> MonotoneBinning.withDefaults().withMinBinShare(Double.NaN))
            .hasMessageContaining("minimum bin share");
        assertThatThrownBy(() -> LogisticRegression.withDefaults().withPenalty(-1)).hasMessageContaining("penalty");
        assertThatThrownBy(() -> LogisticRegression.withDefaults().withTolerance(0)).hasMessageContaining("tolerance");
        assertThatThrownBy(() -> LogisticRegression.withDefaults().withMaxIterations(0))
            .hasMessageContaining("iterations");
        assertThatThrownBy(() -> PointsScaling.of(0, 600, 50)).hasMessageContaining("double the odds");
        assertThatThrownBy(() -> PointsScaling.of(20, Double.NaN, 50)).hasMessageContaining("base points");
        assertThatThrownBy(() -> PointsScaling.of(20, 600, -1)).hasMessageContaining("base odds");
        assertThatThrownBy(() -> Scorecard.withDefaults().withMinInformationValue(-1))
            .hasMessageContaining("information value");
        assertThatThrownBy(() -> Scorecard.withDefaults().withBinning(null)).hasMessageContaining("binning");
        assertThatThrownBy(() -> Scorecard.withDefaults().fit(table(X), new int[3])).hasMessageContaining("3 outcomes");
        // separated outcomes: no unpenalised optimum
        double[] x = {1, 2, 3, 4};
        int[] y = {0, 0, 1, 1};
        assertThatThrownBy(() -> LogisticRegression.withDefaults().fit(List.of("x"), new double[][] {x}, y))
            .isInstanceOf(CreditException.class).hasMessageContaining("separated").hasMessageContaining("penalty");
        assertThat(LogisticRegression.withDefaults().withPenalty(0.1).fit(List.of("x"), new double[][] {x}, y)
            .coefficients()[0]).isPositive();
        // collinear columns
        assertThatThrownBy(() -> LogisticRegression.withDefaults().fit(List.of("x", "twice"),
            new double[][] {{1, 2, 3, 4, 5}, {2, 4, 6, 8, 10}}, new int[] {0, 1, 0, 1, 1}))
            .hasMessageContaining("'twice' is collinear");
        assertThatThrownBy(() -> LogisticRegression.withDefaults().fit(List.of("x"),
            new double[][] {{1, Double.POSITIVE_INFINITY}}, new int[] {0, 1})).hasMessageContaining("row 1");
        ScorecardModel card = Scorecard.withDefaults()
            .withBinning(MonotoneBinning.withDefaults().withStartBins(4).withMinBinShare(0)).fit(table(X), Y);
        assertThatThrownBy(() -> card.scores(new double[][] {{1, Double.NaN}}, new double[2]))
            .hasMessageContaining("'x' row 1 is not finite");
        assertThatThrownBy(() -> card.scores(new double[][] {{1, 2}}, new double[1])).hasMessageContaining("output");
        assertThatThrownBy(() -> card.points("y")).hasMessageContaining("'y' is not on the scorecard");
        IndicatorTable other = IndicatorTable.ofColumns(List.of(Indicator.benefit("z")), List.of("a"),
            new double[][] {{1}});
        assertThatThrownBy(() -> card.scores(other)).hasMessageContaining("no indicator 'x'");
        assertThatThrownBy(() -> Scorecard.withDefaults().withMinInformationValue(100).fit(table(X), Y))
            .hasMessageContaining("no indicator");
    }

    private static IndicatorTable table(double[] x) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            ids.add("c" + i);
        }
        return IndicatorTable.ofColumns(List.of(Indicator.benefit("x")), ids, new double[][] {x});
    }
}
