package org.powercx.grey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Normalisation;
import org.powercx.core.Weights;
import org.powercx.core.testing.ForkedJvm;

/** Fitted grey models are values: rebuilt from their parameters and through Java serialization, bit for bit. */
class GreyModelValueTest {
    private static final int ROWS = 100_000;
    private static final List<Indicator> INDICATORS = List.of(Indicator.benefit("kwh"), Indicator.cost("arrears"),
        Indicator.target("load_factor", 0.6), Indicator.benefit("constant"), Indicator.benefit("tiny"));

    /** A table of n rows; calibration rows lie in a narrower range than new rows, and column 4 is subnormal. */
    static IndicatorTable table(int n, long seed, boolean wide) {
        SplittableRandom random = new SplittableRandom(seed);
        double spread = wide ? 3 : 1;
        double[][] rows = new double[n][];
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows[i] = new double[] {1e3 + 1e4 * spread * (random.nextDouble() - 0.2),
                0.5 + spread * random.nextDouble(), spread * random.nextDouble(), wide ? random.nextInt(3) : 1,
                (1 + random.nextInt(4)) * 1e-310};
            ids.add("c" + i);
        }
        IndicatorTable t = IndicatorTable.ofRows(INDICATORS, ids, rows);
        return t;
    }

    static final Weights WEIGHTS = Weights.normalised(List.of("tiny", "constant", "load_factor", "arrears", "kwh"),
        new double[] {1, 2, 3, 4, 5});

    /** Models covering every kernel path: affine, target distance, constant, generic, clamped distances. */
    static List<GreyRelationalModel> models() {
        IndicatorTable cal = table(3_000, 7, false);
        GreyRelationalAnalysis gra = GreyRelationalAnalysis.withDefaults();
        List<GreyRelationalModel> models = new ArrayList<>();
        models.add(gra.fit(cal, WEIGHTS));
        models.add(gra.with(Normalisation.MEAN).withDistinguishingCoefficient(0.3).fit(cal, WEIGHTS));
        models.add(gra.with(Normalisation.Z_SCORE).with(Reference.customer("c17")).withThreads(3).fit(cal, WEIGHTS));
        models.add(gra.with(Reference.values(5e3, 1, 0.5, 1, 2e-310)).fit(cal, WEIGHTS));
        return models;
    }

    /** Every scoring path of a model on a table, concatenated. */
    static double[] scores(GreyRelationalModel model, IndicatorTable table) {
        int n = table.rowCount();
        int m = INDICATORS.size();
        double[][] columns = new double[m][];
        for (int j = 0; j < m; j++) {
            columns[j] = table.column(j);
        }
        double[] out = new double[4 * n];
        System.arraycopy(model.grades(table), 0, out, 0, n);
        model.grades(columns, 0, n, out, n);
        double[] row = new double[m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                row[j] = columns[j][i];
            }
            out[2 * n + i] = model.grade(row);
        }
        int part = Math.min(n, 4_000);
        GreyRelationalResult r = model.evaluate(table.rows(0, part));
        System.arraycopy(r.grades(), 0, out, 3 * n, part);
        return out;
    }

    static String digest(GreyRelationalModel model, IndicatorTable table) {
        return ForkedJvm.digest(scores(model, table));
    }

    @Test
    void rebuiltModelScoresEveryPathToTheSameBits() {
        IndicatorTable fresh = table(5_000, 11, true);
        List<GreyRelationalModel> models = models();
        assertThat(models.get(1).parameters().inline()).containsExactly(true, true, true, true, false);
        for (GreyRelationalModel fitted : models) {
            GreyRelationalModel rebuilt = GreyRelationalModel.of(fitted.parameters());
            assertThat(rebuilt.parameters()).isEqualTo(fitted.parameters());
            assertThat(digest(rebuilt, fresh)).as("%s", fitted).isEqualTo(digest(fitted, fresh));
            GreyRelationalResult a = fitted.evaluate(fresh);
            GreyRelationalResult b = rebuilt.evaluate(fresh);
            assertThat(b.coefficients()).isDeepEqualTo(a.coefficients());
            assertThat(b.contributions()).isDeepEqualTo(a.contributions());
            assertThat(b.normalised()).isDeepEqualTo(a.normalised());
            assertThat(rebuilt.toString()).isEqualTo(fitted.toString());
            assertThat(rebuilt.threads()).isEqualTo(1);
        }
    }

    @Test
    void theInlineChoiceIsPartOfTheModel() {
        GreyRelationalModel mean = models().get(1);
        GreyRelationalModel.Parameters p = mean.parameters();
        GreyRelationalModel.Parameters allInline = new GreyRelationalModel.Parameters(p.normaliser(), p.weights(),
            p.reference(), p.lowerBounds(), p.upperBounds(), new boolean[] {true, true, true, true, true},
            p.distinguishingCoefficient(), p.deltaMin(), p.deltaMax());
        IndicatorTable fresh = table(2_000, 12, false);
        assertThat(digest(GreyRelationalModel.of(allInline), fresh)).isNotEqualTo(digest(mean, fresh));
    }

    @Test
    void parametersAreValidated() {
        GreyRelationalModel.Parameters p = models().get(0).parameters();
        double[] ref = p.reference();
        ref[2] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> new GreyRelationalModel.Parameters(p.normaliser(), p.weights(), ref,
            p.lowerBounds(), p.upperBounds(), p.inline(), 0.5, p.deltaMin(), p.deltaMax()))
            .isInstanceOf(GreyException.class).hasMessage("grey relational model parameters: indicator "
                + "'load_factor': reference must be finite but was Infinity");
        assertThatThrownBy(() -> new GreyRelationalModel.Parameters(p.normaliser(), p.weights(), p.reference(),
            p.lowerBounds(), p.upperBounds(), new boolean[2], 0.5, p.deltaMin(), p.deltaMax()))
            .hasMessage("grey relational model parameters: inline has 2 values but there are 5 indicators");
        assertThatThrownBy(() -> new GreyRelationalModel.Parameters(p.normaliser(), p.weights(), p.reference(),
            p.upperBounds(), p.lowerBounds(), p.inline(), 0.5, p.deltaMin(), p.deltaMax()))
            .hasMessageStartingWith("grey relational model parameters: indicator 'kwh': lower bound 1.0 exceeds");
        assertThatThrownBy(() -> new GreyRelationalModel.Parameters(p.normaliser(), p.weights(), p.reference(),
            p.lowerBounds(), p.upperBounds(), p.inline(), 1.5, p.deltaMin(), p.deltaMax()))
            .hasMessage("grey relational model parameters: distinguishing coefficient rho must be in (0, 1] but "
                + "was 1.5");
        assertThatThrownBy(() -> new GreyRelationalModel.Parameters(p.normaliser(), Weights.equal(List.of("kwh")),
            p.reference(), p.lowerBounds(), p.upperBounds(), p.inline(), 0.5, p.deltaMin(), p.deltaMax()))
            .hasMessageStartingWith("grey relational model parameters: weights do not match the indicators");
        assertThatThrownBy(() -> new GreyRelationalModel.Parameters(p.normaliser(), p.weights(), p.reference(),
            p.lowerBounds(), p.upperBounds(), p.inline(), 0.5, 2, 1))
            .hasMessage("grey relational model parameters: Delta-min 2.0 and Delta-max 1.0 must be finite with "
                + "0 <= Delta-min <= Delta-max");
        assertThatThrownBy(() -> GreyRelationalModel.of(null)).hasMessage("grey relational model parameters are null");
        assertThatThrownBy(() -> models().get(0).withThreads(0)).isInstanceOf(GreyException.class);
    }

    @Test
    void greyForecastsAreValues() throws Exception {
        double[] series = {2.67, 3.13, 3.25, 3.36, 3.56, 3.72, 30, 4.1};
        for (GreyModel gm : List.of(GreyModel.withDefaults(), GreyModel.withDefaults().with(LevelRatioPolicy.SHIFT)
                .with(ResidualRange.FROM_SECOND))) {
            GreyModelFit fit = gm.fit(series);
            for (GreyModelFit back : List.of(GreyModelFit.of(fit.parameters()),
                    ForkedJvm.deserialize(ForkedJvm.serialize(fit), GreyModelFit.class))) {
                assertThat(back.parameters()).isEqualTo(fit.parameters());
                assertThat(ForkedJvm.digest(forecastAndChecks(back))).isEqualTo(ForkedJvm.digest(forecastAndChecks(fit)));
                assertThat(back.toString()).isEqualTo(fit.toString());
            }
        }
        GreyModelFit shifted = GreyModel.withDefaults().with(LevelRatioPolicy.SHIFT).fit(series);
        assertThat(shifted.shift()).isPositive();
        DiscreteGreyModel dgm = DiscreteGreyModel.fit(1e-200, 3e-200, 2e-200, 5e-200, 4e-200);
        for (DiscreteGreyModel back : List.of(DiscreteGreyModel.of(dgm.parameters()),
                ForkedJvm.deserialize(ForkedJvm.serialize(dgm), DiscreteGreyModel.class))) {
            assertThat(back.parameters()).isEqualTo(dgm.parameters());
            assertThat(back.fitted()).isEqualTo(dgm.fitted());
            assertThat(back.forecast(50)).isEqualTo(dgm.forecast(50));
        }
        assertThatThrownBy(() -> new GreyModelFit.Parameters(series, Double.NaN, 1, 0, ResidualRange.ALL))
            .isInstanceOf(GreyException.class).hasMessage("GM(1,1) parameters: a = NaN and b = 1.0 must be finite");
        assertThatThrownBy(() -> new GreyModelFit.Parameters(series, 0.1, 1, -1, ResidualRange.ALL))
            .hasMessage("GM(1,1) parameters: shift must be finite and non-negative but was -1.0");
        assertThatThrownBy(() -> new GreyModelFit.Parameters(new double[] {1, 2, -3, 4}, 0.1, 1, 0, ResidualRange.ALL))
            .hasMessage("GM(1,1) needs positive finite values but point 3 is -3.0");
        assertThatThrownBy(() -> new DiscreteGreyModel.Parameters(series, 1, Double.NaN))
            .hasMessage("DGM(1,1) parameters: beta1 = 1.0 and beta2 = NaN must be finite");
    }

    private static double[] forecastAndChecks(GreyModelFit fit) {
        List<double[]> parts = List.of(fit.fitted(), fit.residuals(), fit.relativeErrors(), fit.forecast(40),
            new double[] {fit.a(), fit.b(), fit.shift(), fit.mape(), fit.posteriorVarianceRatio(),
                fit.smallErrorProbability()}, fit.admissibleInterval());
        int n = parts.stream().mapToInt(a -> a.length).sum();
        double[] out = new double[n];
        int k = 0;
        for (double[] a : parts) {
            System.arraycopy(a, 0, out, k, a.length);
            k += a.length;
        }
        return out;
    }

    /** Entry point of the forked JVM: reads serialized models and prints the digest of each one's scores. */
    public static final class Main {
        private Main() {
        }

        /**
         * Scores the fixed table with each model file named by the arguments.
         *
         * @param args the files
         * @throws Exception if a file cannot be read
         */
        public static void main(String[] args) throws Exception {
            IndicatorTable fresh = table(ROWS, 21, true);
            for (String file : args) {
                System.out.println(digest(ForkedJvm.read(Path.of(file), GreyRelationalModel.class), fresh));
            }
        }
    }

    @Test
    void javaSerializationInAFreshJvmGivesTheSameBits(@TempDir Path dir) {
        List<GreyRelationalModel> models = models();
        List<String> files = new ArrayList<>();
        StringBuilder expected = new StringBuilder();
        IndicatorTable fresh = table(ROWS, 21, true);
        for (int k = 0; k < models.size(); k++) {
            files.add(ForkedJvm.write(models.get(k), dir.resolve("model" + k + ".ser")).toString());
            expected.append(k == 0 ? "" : "\n").append(digest(models.get(k), fresh));
        }
        assertThat(ForkedJvm.run(Main.class, files.toArray(new String[0]))).isEqualTo(expected.toString());
    }
}
