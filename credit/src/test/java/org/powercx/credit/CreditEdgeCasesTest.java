package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.powercx.core.Indicator;

/**
 * Numerical edge cases of the discriminant: each either gives the correct answer (checked against a closed
 * form or an independent computation) or a {@link CreditException} naming the indicator.
 */
class CreditEdgeCasesTest {
    private static final LinearDiscriminant LDA = LinearDiscriminant.withDefaults();

    /** A well-conditioned two-class sample with p indicators named x0, x1, ... */
    private static Samples sample(long seed, int n, int p) {
        return Samples.generate(seed, n, p, 2);
    }

    /** Forward error bound scale of the affine score \( a^T x + b \): \( |b| + \sum_j |a_j x_j| \). */
    private static double scoreScale(DiscriminantModel m, double[] x) {
        double s = Math.abs(m.intercepts()[0]);
        double[] a = m.coefficients()[0];
        for (int j = 0; j < a.length; j++) {
            s += Math.abs(a[j] * x[j]);
        }
        return s;
    }

    private static void assertSameScores(DiscriminantModel m1, Samples s1, DiscriminantModel m2, Samples s2,
            double relative) {
        for (int i = 0; i < s1.rows(); i++) {
            double z1 = m1.decisionValue(s1.row(i));
            double z2 = m2.decisionValue(s2.row(i));
            double scale = Math.max(scoreScale(m1, s1.row(i)), scoreScale(m2, s2.row(i)));
            assertThat(z2).isCloseTo(z1, within(relative * scale));
        }
    }

    @Test
    void nearSingularCovarianceIsRejectedWithShrinkageAdviceAndShrinkageMatchesTheClosedForm() {
        Samples s = sample(11, 60, 1);
        SplittableRandom r = new SplittableRandom(5);
        double[] x0 = s.columns[0];
        double[] x1 = new double[x0.length];
        for (int i = 0; i < x1.length; i++) {
            x1[i] = x0[i] + 1e-10 * r.nextDouble(-1, 1);
        }
        List<Indicator> two = List.of(Indicator.benefit("x0"), Indicator.benefit("x1"));
        double[][] cols = {x0, x1};
        assertThatThrownBy(() -> LDA.fit(two, cols, s.labels)).isInstanceOf(CreditException.class)
            .hasMessageContaining("singular").hasMessageContaining("'x1' is collinear with 'x0'")
            .hasMessageContaining("Shrinkage.fixed(lambda) or Shrinkage.ledoitWolf()");
        double lambda = 0.25;
        DiscriminantModel m = LDA.withShrinkage(Shrinkage.fixed(lambda)).fit(two, cols, s.labels);
        // closed form: S = D((1 - lambda) R + lambda I)D from a two-pass pooled covariance, a = S^{-1}(mu1 - mu0)
        double[][] mean = new double[2][2];
        int[] count = new int[2];
        for (int i = 0; i < x0.length; i++) {
            count[s.labels[i]]++;
            mean[s.labels[i]][0] += x0[i];
            mean[s.labels[i]][1] += x1[i];
        }
        for (int c = 0; c < 2; c++) {
            mean[c][0] /= count[c];
            mean[c][1] /= count[c];
        }
        double s00 = 0;
        double s01 = 0;
        double s11 = 0;
        for (int i = 0; i < x0.length; i++) {
            double d0 = x0[i] - mean[s.labels[i]][0];
            double d1 = x1[i] - mean[s.labels[i]][1];
            s00 += d0 * d0;
            s01 += d0 * d1;
            s11 += d1 * d1;
        }
        s01 *= 1 - lambda;
        double det = s00 * s11 - s01 * s01;
        double dof = x0.length - 2.0;
        double g0 = mean[1][0] - mean[0][0];
        double g1 = mean[1][1] - mean[0][1];
        double a0 = dof * (s11 * g0 - s01 * g1) / det;
        double a1 = dof * (-s01 * g0 + s00 * g1) / det;
        double[] a = m.coefficients()[0];
        double norm = Math.abs(a0) + Math.abs(a1);
        assertThat(a[0]).isCloseTo(a0, within(1e-9 * norm));
        assertThat(a[1]).isCloseTo(a1, within(1e-9 * norm));
        assertThat(LDA.withShrinkage(Shrinkage.ledoitWolf()).fit(two, cols, s.labels).shrinkageIntensity())
            .isGreaterThan(0).isLessThanOrEqualTo(1);
    }

    @Test
    void exactlyCollinearIndicatorsAreNamed() {
        Samples s = sample(12, 40, 2);
        double[] dup = s.columns[0].clone();
        double[] combo = new double[dup.length];
        for (int i = 0; i < combo.length; i++) {
            combo[i] = s.columns[0][i] - 2 * s.columns[1][i];
        }
        List<Indicator> three = List.of(Indicator.benefit("x0"), Indicator.cost("x1"), Indicator.cost("copy"));
        assertThatThrownBy(() -> LDA.fit(three, new double[][] {s.columns[0], s.columns[1], dup}, s.labels))
            .isInstanceOf(CreditException.class).hasMessageContaining("'copy' is collinear with 'x0'")
            .hasMessageNotContaining("'x1'").hasMessageContaining("shrinkage");
        assertThatThrownBy(() -> LDA.fit(three, new double[][] {s.columns[0], s.columns[1], combo}, s.labels))
            .isInstanceOf(CreditException.class).hasMessageContaining("'copy' is collinear with 'x0', 'x1'");
    }

    @Test
    void constantColumnsAreNamed() {
        Samples s = sample(13, 30, 2);
        double[] constant = new double[30];
        java.util.Arrays.fill(constant, 3.25);
        assertThatThrownBy(() -> LDA.fit(s.withColumn(1, constant).indicators,
            s.withColumn(1, constant).columns, s.labels)).isInstanceOf(CreditException.class)
            .hasMessageContaining("'x1' is constant within every class");
        // constant within each class but different between classes: the pooled variance is still zero
        double[] perClass = new double[30];
        for (int i = 0; i < 30; i++) {
            perClass[i] = s.labels[i] == 0 ? -0.5 : 7.0;
        }
        Samples t = s.withColumn(0, perClass);
        assertThatThrownBy(() -> t.fit(LDA)).isInstanceOf(CreditException.class)
            .hasMessageContaining("'x0' is constant within every class");
    }

    @Test
    void nearConstantColumnWithALargeOffsetIsFittedAsTheCentredColumn() {
        Samples s = sample(14, 80, 3);
        double offset = 1e3;
        double[] near = new double[80];
        double[] centred = new double[80];
        for (int i = 0; i < 80; i++) {
            near[i] = offset + 1e-6 * s.columns[1][i] / Math.abs(s.columns[1][0] + 1);
            centred[i] = near[i] - offset; // exact (Sterbenz)
        }
        Samples a = s.withColumn(1, near);
        Samples b = s.withColumn(1, centred);
        DiscriminantModel ma = a.fit(LDA);
        DiscriminantModel mb = b.fit(LDA);
        // The class-mean differences are formed from sums shifted by the first row, so the offset does not
        // round them: the coefficients agree to 1e-10 of the largest standardised coefficient, although the
        // offset is about 10^9 column standard deviations (before this was fixed they differed by about
        // ulp(offset) / sd, some 1e-7).
        double sd = Math.sqrt(mb.pooledCovariance()[1][1]);
        assertThat(offset / sd).isGreaterThan(1e8);
        double[] ca = ma.coefficients()[0];
        double[] cb = mb.coefficients()[0];
        double norm = 0;
        for (int j = 0; j < 3; j++) {
            norm = Math.max(norm, Math.abs(cb[j]) * Math.sqrt(mb.pooledCovariance()[j][j]));
        }
        for (int j = 0; j < 3; j++) {
            double unit = Math.sqrt(mb.pooledCovariance()[j][j]);
            assertThat(ca[j] * unit).isCloseTo(cb[j] * unit, within(1e-10 * norm));
        }
        assertThat(ma.mahalanobisSquared()).isCloseTo(mb.mahalanobisSquared(), within(1e-10 * mb.mahalanobisSquared()));
        assertThat(ma.wilks().lambda()).isCloseTo(mb.wilks().lambda(), within(1e-12));
        // scores: a'x + b cancels about |a_1| * offset, so allow 1e-12 of that scale (~10^3 ulps)
        assertSameScores(ma, a, mb, b, 1e-12);
        DiscriminantModel la = a.fit(LDA.withShrinkage(Shrinkage.ledoitWolf()));
        DiscriminantModel lb = b.fit(LDA.withShrinkage(Shrinkage.ledoitWolf()));
        assertThat(la.shrinkageIntensity()).isCloseTo(lb.shrinkageIntensity(), within(1e-10));
        assertThat(ma.pooledCovariance()[1][1]).isCloseTo(mb.pooledCovariance()[1][1],
            within(1e-12 * mb.pooledCovariance()[1][1]));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-125, 1e-60, 1e60, 1e125})
    void largeAndSmallButRepresentableMagnitudesGiveTheUnitScaleScores(double scale) {
        Samples s = sample(15, 50, 3);
        double[] col = s.columns[2].clone();
        for (int i = 0; i < col.length; i++) {
            col[i] *= scale;
        }
        Samples t = s.withColumn(2, col);
        assertSameScores(s.fit(LDA), s, t.fit(LDA), t, 1e-12);
        assertSameScores(s.fit(LDA.withShrinkage(Shrinkage.ledoitWolf())), s,
            t.fit(LDA.withShrinkage(Shrinkage.ledoitWolf())), t, 1e-12);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-300, 1e-200, 1e-160, 1e160, 1e200, 1e300})
    void extremeMagnitudesAreRejectedNamingTheIndicator(double scale) {
        Samples s = sample(16, 50, 3);
        double[] col = s.columns[1].clone();
        for (int i = 0; i < col.length; i++) {
            col[i] *= scale;
        }
        Samples t = s.withColumn(1, col);
        assertThatThrownBy(() -> t.fit(LDA)).isInstanceOf(CreditException.class)
            .hasMessageContaining("indicator 'x1'").hasMessageContaining("rescale")
            .hasMessageNotContaining("constant");
    }

    @Test
    void aClassWithOneRowIsRejected() {
        Samples s = sample(17, 10, 2);
        int[] labels = new int[10];
        labels[4] = 1;
        assertThatThrownBy(() -> LDA.fit(s.indicators, s.columns, labels)).isInstanceOf(CreditException.class)
            .hasMessageContaining("class 1 has 1 customer(s)");
    }

    @Test
    void oneIndicatorAndTwoRowsPerClassMatchTheClosedForm() {
        double[] x = {1.0, 2.5, 4.0, 7.0};
        int[] y = {0, 0, 1, 1};
        DiscriminantModel m = LDA.fit(List.of(Indicator.cost("arrears")), new double[][] {x}, y);
        // s^2 = ((1-1.75)^2 + (2.5-1.75)^2 + (4-5.5)^2 + (7-5.5)^2) / (4 - 2) = 2.8125
        double s2 = 2.8125;
        double a = (5.5 - 1.75) / s2;
        assertThat(m.coefficients()[0][0]).isCloseTo(a, within(1e-15 * a));
        assertThat(m.intercepts()[0]).isCloseTo(-a * (1.75 + 5.5) / 2, within(1e-14));
        assertThat(m.mahalanobisSquared()).isCloseTo(3.75 * 3.75 / s2, within(1e-14));
        assertThat(m.decisionValue(new double[] {3.625})).isCloseTo(0, within(1e-14));
        assertThat(m.defaultProbability(new double[] {3.625})).isCloseTo(0.5, within(1e-14));
        assertThat(m.wilks().lambda()).isCloseTo(2 * s2 / (2 * s2 + 4 * (1.875 * 1.875)), within(1e-14));
    }

    @Test
    void nonFiniteScoringInputIsRejectedNamingTheIndicator() {
        Samples s = sample(18, 40, 3);
        DiscriminantModel m = s.fit(LDA);
        SensitivityAnalysis sens = SensitivityAnalysis.of(m);
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            double[] row = s.row(0);
            row[2] = bad;
            String value = String.valueOf(bad);
            assertThatThrownBy(() -> m.decisionValue(row)).isInstanceOf(CreditException.class)
                .hasMessageContaining("'x2'").hasMessageContaining(value);
            assertThatThrownBy(() -> m.probabilities(row)).hasMessageContaining("'x2'");
            assertThatThrownBy(() -> m.predict(row)).hasMessageContaining("'x2'");
            assertThatThrownBy(() -> m.transform(row)).hasMessageContaining("'x2'");
            assertThatThrownBy(() -> m.defaultProbability(row)).hasMessageContaining("'x2'");
            assertThatThrownBy(() -> sens.customer(row)).hasMessageContaining("'x2'");
            double[][] cols = {s.columns[0], s.columns[1], s.columns[2].clone()};
            cols[2][7] = bad;
            assertThatThrownBy(() -> m.scores(cols, new double[40])).isInstanceOf(CreditException.class)
                .hasMessageContaining("'x2'").hasMessageContaining("row 7");
            assertThatThrownBy(() -> CreditGrades.byQuantiles(new double[] {0, bad})).hasMessageContaining("score 1");
            assertThatThrownBy(() -> RocCurve.of(new double[] {0, bad}, new int[] {0, 1}))
                .hasMessageContaining("score 1");
        }
    }

    @Test
    void finiteInputWhoseScoreOverflowsIsRejected() {
        Samples s = sample(19, 40, 2);
        for (double[] col : s.columns) {
            for (int i = 0; i < col.length; i++) {
                col[i] *= 1e-6;
            }
        }
        DiscriminantModel m = s.fit(LDA);
        double[] a = m.coefficients()[0];
        assertThat(Math.abs(a[0])).isGreaterThan(1);
        assertThat(Math.abs(a[1])).isGreaterThan(1);
        // a_0 x_0 = +Infinity and a_1 x_1 = -Infinity: without a check the score would be NaN
        double[] row = {Math.signum(a[0]) * Double.MAX_VALUE, -Math.signum(a[1]) * Double.MAX_VALUE};
        assertThatThrownBy(() -> m.decisionValue(row)).isInstanceOf(CreditException.class)
            .hasMessageContaining("overflow");
        assertThatThrownBy(() -> m.probabilities(row)).hasMessageContaining("overflow");
        assertThatThrownBy(() -> SensitivityAnalysis.of(m).customer(row)).isInstanceOf(CreditException.class)
            .hasMessageContaining("overflow");
        org.powercx.core.IndicatorTable table = org.powercx.core.IndicatorTable.ofRows(m.indicators(),
            List.of("ok", "huge"), new double[][] {s.row(0), row});
        assertThatThrownBy(() -> SensitivityAnalysis.of(m).population(table)).isInstanceOf(CreditException.class)
            .hasMessageContaining("overflow");
        // a finite score (about 1e297) whose shift a_1 * 1e20 * x_1 overflows
        assertThatThrownBy(() -> SensitivityAnalysis.of(m).withShift(SensitivityAnalysis.Shift.RELATIVE, 1e20)
            .customer(new double[] {s.row(0)[0], 1e300 / Math.abs(a[1]) / 1e3})).isInstanceOf(CreditException.class)
            .hasMessageContaining("moving indicator 'x1'").hasMessageContaining("overflows");
        double[][] cols = {{0, row[0]}, {0, row[1]}};
        assertThatThrownBy(() -> m.scores(cols, new double[2])).isInstanceOf(CreditException.class)
            .hasMessageContaining("row 1").hasMessageContaining("overflow");
    }
}
