package org.powercx.core;

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

/** A fitted normaliser, weights and indicators are values: rebuilt from their parameters and serialized. */
class NormaliserValueTest {
    private static final int ROWS = 100_000;

    private static final List<Indicator> INDICATORS = List.of(Indicator.benefit("kwh").withUnit("kWh"),
        Indicator.cost("arrears"), Indicator.target("load_factor", 0.6).withDescription("closest to 0.6"),
        Indicator.benefit("constant"), Indicator.benefit("zeros"));

    /** A calibration table with a constant and an all-zero column, so every column kind is present. */
    static IndicatorTable calibration(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[n][];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows[i] = new double[] {1 + 1e4 * random.nextDouble(), 0.1 + random.nextDouble() * 3,
                random.nextDouble(), 7, 0};
            ids.add("c" + i);
        }
        return IndicatorTable.ofRows(INDICATORS, ids, rows);
    }

    /** Deterministic new rows, a third of them outside the calibration range, with edge values. */
    static double[][] columns(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] columns = new double[INDICATORS.size()][n];
        for (int i = 0; i < n; i++) {
            columns[0][i] = -5e3 + 2e4 * random.nextDouble();
            columns[1][i] = -1 + random.nextDouble() * 5;
            columns[2][i] = -0.5 + 2 * random.nextDouble();
            columns[3][i] = random.nextInt(3) * 7.0;
            columns[4][i] = random.nextBoolean() ? 0 : -0.0;
        }
        columns[0][0] = 0;
        columns[0][1] = -0.0;
        columns[0][2] = Double.MAX_VALUE / 4;
        columns[2][3] = 0.6;
        return columns;
    }

    /** Every column mapped by the column kernel, then by the scalar path, concatenated. */
    static double[] scores(Normaliser normaliser, double[][] columns) {
        int n = columns[0].length;
        int m = columns.length;
        double[] out = new double[2 * n * m];
        for (int j = 0; j < m; j++) {
            normaliser.applyToColumn(j, columns[j], 0, n, out, j * n);
            for (int i = 0; i < n; i++) {
                out[(m + j) * n + i] = normaliser.apply(j, columns[j][i]);
            }
        }
        return out;
    }

    @Test
    void rebuiltNormaliserMapsToTheSameBits() {
        IndicatorTable table = calibration(2_000, 16);
        double[][] columns = columns(5_000, 17);
        for (Normalisation method : List.of(Normalisation.MIN_MAX, Normalisation.VECTOR, Normalisation.Z_SCORE)) {
            Normaliser fitted = method.fit(table);
            Normaliser rebuilt = Normaliser.of(fitted.parameters());
            assertThat(rebuilt.parameters()).isEqualTo(fitted.parameters());
            assertThat(ForkedJvm.digest(scores(rebuilt, columns))).as("%s", method)
                .isEqualTo(ForkedJvm.digest(scores(fitted, columns)));
            assertThat(rebuilt.normalisedIndicators()).isEqualTo(fitted.normalisedIndicators());
            assertThat(rebuilt.toString()).isEqualTo(fitted.toString());
            for (int j = 0; j < INDICATORS.size(); j++) {
                assertThat(rebuilt.constantValue(j)).isEqualTo(fitted.constantValue(j));
                assertThat(rebuilt.isTargetDistance(j)).isEqualTo(fitted.isTargetDistance(j));
            }
        }
        IndicatorTable positive = table.select("kwh", "arrears", "constant");
        for (Normalisation method : List.of(Normalisation.INITIAL_VALUE, Normalisation.MEAN)) {
            Normaliser fitted = method.fit(positive);
            Normaliser rebuilt = Normaliser.of(fitted.parameters());
            double[][] three = {columns[0], columns[1], columns[3]};
            assertThat(ForkedJvm.digest(scores(rebuilt, three))).isEqualTo(ForkedJvm.digest(scores(fitted, three)));
        }
    }

    @Test
    void parametersAreCopiedAndValidated() {
        Normaliser fitted = Normalisation.MIN_MAX.fit(calibration(50, 1));
        Normaliser.Parameters p = fitted.parameters();
        p.scale()[0] = 99;
        assertThat(p.scale()[0]).isEqualTo(fitted.scale(0));
        double[] loc = p.location();
        double[] bad = p.scale();
        bad[1] = Double.NaN;
        assertThatThrownBy(() -> new Normaliser.Parameters(Normalisation.MIN_MAX, INDICATORS, loc, bad))
            .isInstanceOf(CoreException.class)
            .hasMessage("normaliser parameters: indicator 'arrears': scale must be finite but was NaN");
        assertThatThrownBy(() -> new Normaliser.Parameters(Normalisation.MIN_MAX, INDICATORS, new double[2], bad))
            .hasMessage("normaliser parameters: location has 2 values but there are 5 indicators");
        assertThatThrownBy(() -> new Normaliser.Parameters(null, INDICATORS, loc, bad))
            .hasMessage("normaliser parameters: method is null");
        assertThatThrownBy(() -> new Normaliser.Parameters(Normalisation.MEAN, INDICATORS, loc, new double[5]))
            .hasMessage("normaliser parameters: indicator 'kwh': MEAN scale must not be 0");
        assertThatThrownBy(() -> new Normaliser.Parameters(Normalisation.MIN_MAX,
            List.of(Indicator.benefit("a"), Indicator.cost("a")), new double[2], new double[2]))
            .hasMessage("normaliser parameters: indicator 'a' appears twice");
        assertThatThrownBy(() -> Normaliser.of(null)).hasMessage("normaliser parameters are null");
    }

    @Test
    void javaSerializationRoundTripsThroughTheProxy() throws Exception {
        Normaliser fitted = Normalisation.Z_SCORE.fit(calibration(300, 3));
        byte[] bytes = ForkedJvm.serialize(fitted);
        Normaliser back = ForkedJvm.deserialize(bytes, Normaliser.class);
        assertThat(back.parameters()).isEqualTo(fitted.parameters());
        Weights w = Weights.normalised(List.of("a", "b", "c"), new double[] {1, 2, 4});
        Weights wBack = ForkedJvm.deserialize(ForkedJvm.serialize(w), Weights.class);
        assertThat(wBack).isEqualTo(w);
        assertThat(Double.doubleToRawLongBits(wBack.get("c"))).isEqualTo(Double.doubleToRawLongBits(w.get("c")));
        Indicator ind = Indicator.target("t", 0.25).withUnit("%").withDescription("share");
        assertThat(ForkedJvm.deserialize(ForkedJvm.serialize(ind), Indicator.class)).isEqualTo(ind);
        // the class itself refuses a stream that bypasses the proxy
        java.lang.reflect.Method readObject = Normaliser.class.getDeclaredMethod("readObject",
            java.io.ObjectInputStream.class);
        readObject.setAccessible(true);
        assertThatThrownBy(() -> readObject.invoke(fitted, (Object) null)).hasCauseInstanceOf(InvalidObjectException.class);
    }

    @Test
    void tamperedWeightsStreamIsValidated() throws Exception {
        Weights w = Weights.of(List.of("a", "b"), new double[] {0.25, 0.75});
        byte[] bytes = ForkedJvm.serialize(w);
        // 0.75 is 0x3FE8000000000000; 0.875 (0x3FEC...) makes the sum 1.125
        byte[] tampered = replace(bytes, Double.doubleToRawLongBits(0.75), Double.doubleToRawLongBits(0.875));
        assertThatThrownBy(() -> ForkedJvm.deserialize(tampered, Weights.class)).isInstanceOf(CoreException.class)
            .hasMessageContaining("sum to 1.125");
    }

    private static byte[] replace(byte[] bytes, long from, long to) {
        byte[] out = bytes.clone();
        outer:
        for (int i = 0; i + 8 <= out.length; i++) {
            for (int k = 0; k < 8; k++) {
                if (out[i + k] != (byte) (from >>> (56 - 8 * k))) {
                    continue outer;
                }
            }
            for (int k = 0; k < 8; k++) {
                out[i + k] = (byte) (to >>> (56 - 8 * k));
            }
            return out;
        }
        throw new AssertionError("pattern not found");
    }

    /** Entry point of the forked JVM: reads a normaliser and prints the digest of its scores. */
    public static final class Main {
        private Main() {
        }

        /**
         * Reads the normaliser in the file named by the first argument.
         *
         * @param args the file
         * @throws Exception if it cannot be read
         */
        public static void main(String[] args) throws Exception {
            Normaliser normaliser = ForkedJvm.read(Path.of(args[0]), Normaliser.class);
            System.out.println(ForkedJvm.digest(scores(normaliser, columns(ROWS, 99))));
        }
    }

    @Test
    void roundTripInAFreshJvmGivesTheSameBits(@TempDir Path dir) {
        Normaliser fitted = Normalisation.MIN_MAX.fit(calibration(1_000, 5));
        Path file = ForkedJvm.write(fitted, dir.resolve("normaliser.ser"));
        assertThat(ForkedJvm.run(Main.class, file.toString()))
            .isEqualTo(ForkedJvm.digest(scores(fitted, columns(ROWS, 99))));
    }
}
