package org.powercx.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InvalidObjectException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.core.testing.ForkedJvm;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

/**
 * A fitted discriminant and a grade scale are values: rebuilt from their parameters, or read back from Java
 * serialization in a fresh JVM, they give the same bits on every scoring path.
 */
class CreditModelValueTest {
    private static final int ROWS = 100_000;

    /** Entry point of the forked JVM: {@code MODEL GRADES}; prints the digest of scores and grades. */
    public static final class Main {
        private Main() {
        }

        /**
         * Reads the model and the scale, scores {@link #ROWS} deterministic rows and prints digests.
         *
         * @param args the two serialized files
         * @throws Exception if reading fails
         */
        public static void main(String[] args) throws Exception {
            DiscriminantModel model = (DiscriminantModel) ForkedJvm.read(Path.of(args[0]), Object.class);
            CreditGrades grades = (CreditGrades) ForkedJvm.read(Path.of(args[1]), Object.class);
            System.out.println(digest(model, grades, table(model.indicators(), ROWS)));
        }
    }

    static String digest(DiscriminantModel model, CreditGrades grades, IndicatorTable t) {
        double[] z = model.scores(t);
        return ForkedJvm.digest(z, model.defaultProbabilities(t)) + " " + ForkedJvm.digest(
            grades.grades(z)) + " " + ForkedJvm.digest(model.predict(t));
    }

    /** Deterministic rows around the samples' range, with exact zeros, negative zeros and large values. */
    static IndicatorTable table(List<Indicator> indicators, int n) {
        SplittableRandom r = new SplittableRandom(42);
        double[][] cols = new double[indicators.size()][n];
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add("c" + i);
            for (int j = 0; j < cols.length; j++) {
                double v;
                switch (i % 97) {
                    case 0 -> v = 0.0;
                    case 1 -> v = -0.0;
                    case 2 -> v = 1e6 * (j + 1);
                    case 3 -> v = -1e-300;
                    default -> v = r.nextDouble(-100, 100) * Math.pow(10, r.nextInt(-2, 3));
                }
                cols[j][i] = v;
            }
        }
        return IndicatorTable.ofColumns(indicators, ids, cols);
    }

    private static List<String> ids(int n) {
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add("s" + i);
        }
        return ids;
    }

    private static DiscriminantModel binary() {
        Samples s = Samples.generate(7, 400, 5, 2);
        return LinearDiscriminant.withDefaults().withShrinkage(Shrinkage.ledoitWolf())
            .fit(IndicatorTable.ofColumns(s.indicators, ids(s.rows()), s.columns), s.labels);
    }

    private static DiscriminantModel threeClasses() {
        Samples s = Samples.generate(11, 300, 4, 3);
        return LinearDiscriminant.withDefaults().fit(IndicatorTable.ofColumns(s.indicators, ids(s.rows()), s.columns),
            s.labels);
    }

    @Test
    void rebuiltBinaryModelGivesIdenticalBitsOnEveryPath() {
        for (DiscriminantModel m : List.of(binary(), GermanCredit.model())) {
            DiscriminantModel r = DiscriminantModel.of(m.parameters());
            assertThat(r.parameters()).isEqualTo(m.parameters());
            assertThat(r.parameters().hashCode()).isEqualTo(m.parameters().hashCode());
            assertSameAccessors(m, r);
            IndicatorTable t = table(m.indicators(), 3000);
            assertBits(r.scores(t), m.scores(t));
            assertBits(r.defaultProbabilities(t), m.defaultProbabilities(t));
            assertThat(r.predict(t)).isEqualTo(m.predict(t));
            assertThat(r.mahalanobisSquared()).isEqualTo(m.mahalanobisSquared());
            double[][] cols = new double[m.indicators().size()][];
            for (int j = 0; j < cols.length; j++) {
                cols[j] = t.column(j);
            }
            double[] a = new double[t.rowCount()];
            double[] b = new double[t.rowCount()];
            m.scores(cols, a);
            r.scores(cols, b);
            assertBits(b, a);
            for (int i = 0; i < 500; i++) {
                double[] row = t.row(i);
                assertThat(Double.doubleToRawLongBits(r.decisionValue(row)))
                    .isEqualTo(Double.doubleToRawLongBits(m.decisionValue(row)));
                assertThat(Double.doubleToRawLongBits(r.defaultProbability(row)))
                    .isEqualTo(Double.doubleToRawLongBits(m.defaultProbability(row)));
                assertBits(r.transform(row), m.transform(row));
                assertBits(r.probabilities(row), m.probabilities(row));
            }
        }
    }

    @Test
    void rebuiltMultiClassModelGivesIdenticalBits() {
        DiscriminantModel m = threeClasses();
        DiscriminantModel r = DiscriminantModel.of(m.parameters());
        assertThat(r.parameters()).isEqualTo(m.parameters());
        assertSameAccessors(m, r);
        IndicatorTable t = table(m.indicators(), 2000);
        assertThat(r.predict(t)).isEqualTo(m.predict(t));
        double[][] pm = m.probabilities(t);
        double[][] pr = r.probabilities(t);
        for (int i = 0; i < pm.length; i++) {
            assertBits(pr[i], pm[i]);
            double[] row = t.row(i);
            assertBits(r.decisionValues(row), m.decisionValues(row));
            assertBits(r.transform(row), m.transform(row));
        }
    }

    private static void assertSameAccessors(DiscriminantModel m, DiscriminantModel r) {
        assertThat(r.indicators()).isEqualTo(m.indicators());
        assertThat(r.classes()).isEqualTo(m.classes());
        assertThat(r.classCounts()).isEqualTo(m.classCounts());
        assertBits(r.priors(), m.priors());
        assertThat(r.classMeans()).isDeepEqualTo(m.classMeans());
        assertThat(r.pooledCovariance()).isDeepEqualTo(m.pooledCovariance());
        assertThat(r.coefficients()).isDeepEqualTo(m.coefficients());
        assertBits(r.intercepts(), m.intercepts());
        assertThat(r.standardisedCoefficients()).isDeepEqualTo(m.standardisedCoefficients());
        assertBits(r.withinStandardDeviations(), m.withinStandardDeviations());
        assertThat(r.shrinkageIntensity()).isEqualTo(m.shrinkageIntensity());
        assertBits(r.overallMean(), m.overallMean());
        assertThat(r.scalings()).isDeepEqualTo(m.scalings());
        assertBits(r.explainedVarianceRatio(), m.explainedVarianceRatio());
        assertBits(r.eigenvalues(), m.eigenvalues());
        assertThat(r.wilks()).isEqualTo(m.wilks());
        assertThat(r.toString()).isEqualTo(m.toString());
    }

    private static void assertBits(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(Double.doubleToRawLongBits(actual[i])).as("index %d", i)
                .isEqualTo(Double.doubleToRawLongBits(expected[i]));
        }
    }

    @Test
    void parametersAreCopiedInAndOut() {
        DiscriminantModel.Parameters p = binary().parameters();
        double[] priors = p.priors();
        priors[0] = 0.99;
        assertThat(p.priors()[0]).isNotEqualTo(0.99);
        double[][] cov = p.pooledCovariance();
        cov[0][0] = -1;
        assertThat(p.pooledCovariance()[0][0]).isPositive();
    }

    @Test
    void invalidParametersAreRejectedNamingTheField() {
        DiscriminantModel.Parameters p = binary().parameters();
        double[] badPriors = p.priors();
        badPriors[1] = Double.NaN;
        assertThatThrownBy(() -> new DiscriminantModel.Parameters(p.indicators(), p.classes(), p.classCounts(),
            badPriors, p.classMeans(), p.centredMeans(), p.pooledCovariance(), p.withinStandardDeviations(),
            p.shrinkageIntensity(), p.overallMean(), p.scalings(), p.explainedVarianceRatio(), p.eigenvalues(),
            p.wilks())).isInstanceOf(CreditException.class).hasMessageContaining("priors[1]");
        double[][] cov = p.pooledCovariance();
        cov[2] = new double[1];
        assertThatThrownBy(() -> new DiscriminantModel.Parameters(p.indicators(), p.classes(), p.classCounts(),
            p.priors(), p.classMeans(), p.centredMeans(), cov, p.withinStandardDeviations(),
            p.shrinkageIntensity(), p.overallMean(), p.scalings(), p.explainedVarianceRatio(), p.eigenvalues(),
            p.wilks())).isInstanceOf(CreditException.class).hasMessageContaining("pooledCovariance[2]");
        assertThatThrownBy(() -> new DiscriminantModel.Parameters(p.indicators(), new int[] {1, 0},
            p.classCounts(), p.priors(), p.classMeans(), p.centredMeans(), p.pooledCovariance(),
            p.withinStandardDeviations(), p.shrinkageIntensity(), p.overallMean(), p.scalings(),
            p.explainedVarianceRatio(), p.eigenvalues(), p.wilks())).isInstanceOf(CreditException.class)
            .hasMessageContaining("classes");
        assertThatThrownBy(() -> new DiscriminantModel.Parameters(null, p.classes(), p.classCounts(), p.priors(),
            p.classMeans(), p.centredMeans(), p.pooledCovariance(), p.withinStandardDeviations(),
            p.shrinkageIntensity(), p.overallMean(), p.scalings(), p.explainedVarianceRatio(), p.eigenvalues(),
            p.wilks())).isInstanceOf(CreditException.class).hasMessageContaining("indicators");
        assertThatThrownBy(() -> DiscriminantModel.of(null)).isInstanceOf(CreditException.class);
        assertThatThrownBy(() -> new CreditGrades.Parameters(List.of("A", "B"), new double[] {Double.NaN}))
            .isInstanceOf(CreditException.class).hasMessageContaining("cut-off 0");
        assertThatThrownBy(() -> new CreditGrades.Parameters(List.of("A", "A"), new double[] {1}))
            .isInstanceOf(CreditException.class).hasMessageContaining("'A'");
        assertThatThrownBy(() -> CreditGrades.of(null)).isInstanceOf(CreditException.class);
        assertThatThrownBy(() -> WilksTest.of(2, 1, 1, 0.5)).isInstanceOf(CreditException.class);
    }

    @Test
    void gradesRebuildExactly() {
        DiscriminantModel m = GermanCredit.model();
        double[] z = m.scores(GermanCredit.table());
        CreditGrades g = CreditGrades.byTargetDefaultRates(z, GermanCredit.labels(), 0.05, 0.15, 0.3, 0.5);
        CreditGrades r = CreditGrades.of(g.parameters());
        assertThat(r.parameters()).isEqualTo(g.parameters());
        assertThat(r.names()).isEqualTo(g.names());
        assertBits(r.cutoffs(), g.cutoffs());
        assertThat(r.grades(z)).isEqualTo(g.grades(z));
        assertThat(r.toString()).isEqualTo(g.toString());
    }

    @Test
    void javaSerializationRoundTripsInAFreshJvm(@TempDir Path dir) throws Exception {
        DiscriminantModel m = GermanCredit.model();
        CreditGrades g = CreditGrades.byQuantiles(m.scores(GermanCredit.table()));
        DiscriminantModel back = ForkedJvm.deserialize(ForkedJvm.serialize(m), DiscriminantModel.class);
        assertThat(back.parameters()).isEqualTo(m.parameters());
        List<Path> files = ForkedJvm.writeAll(dir, m, g);
        String expected = digest(m, g, table(m.indicators(), ROWS));
        assertThat(ForkedJvm.run(Main.class, files.get(0).toString(), files.get(1).toString()))
            .isEqualTo(expected);
    }

    @Test
    void aStreamNamingTheModelClassDirectlyIsRefused() throws Exception {
        // The proxy's form is the only one accepted: a stream that bypasses it cannot build a model.
        byte[] bytes = ForkedJvm.serialize(threeClasses());
        Object back = ForkedJvm.deserialize(bytes, Object.class);
        assertThat(back).isInstanceOf(DiscriminantModel.class);
        java.lang.reflect.Method readObject = DiscriminantModel.class.getDeclaredMethod("readObject",
            java.io.ObjectInputStream.class);
        readObject.setAccessible(true);
        assertThatThrownBy(() -> readObject.invoke(back, (Object) null)).hasCauseInstanceOf(
            InvalidObjectException.class);
    }
}
