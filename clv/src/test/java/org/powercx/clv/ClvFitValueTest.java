package org.powercx.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.core.testing.ForkedJvm;

/**
 * Every CLV fit is a value: rebuilt from its parameters, or read back from Java serialization in a fresh JVM, it
 * is equal to the original and its model scores 10^5 deterministic customers with the same bits.
 */
class ClvFitValueTest {
    static final int ROWS = 100_000;
    private static BgNbdFit bgNbd;
    private static GammaGammaFit gammaGamma;
    private static ParetoNbdFit paretoNbd;
    private static BgBbFit bgBb;
    private static ShiftedBetaGeometricFit sbg;

    @BeforeAll
    static void fit() {
        double[][] cdnow = BgNbdTest.CDNOW;
        bgNbd = BgNbd.fit(cdnow[1], cdnow[2], cdnow[3]);
        paretoNbd = ParetoNbd.fit(cdnow[1], cdnow[2], cdnow[3]);
        gammaGamma = GammaGamma.fit(GammaGammaTest.DATA[1], GammaGammaTest.DATA[4]);
        bgBb = BgBbTest.fit();
        sbg = ShiftedBetaGeometric.fit(ShiftedBetaGeometricTest.cohort(1, 7));
    }

    /** Entry point of the forked JVM: five serialized fits; prints {@link #digest}. */
    public static final class Main {
        private Main() {
        }

        /**
         * Reads the fits and prints the digest of their scores.
         *
         * @param args the serialized BG/NBD, Gamma-Gamma, Pareto/NBD, BG/BB and sBG fits
         * @throws Exception if reading fails
         */
        public static void main(String[] args) throws Exception {
            Object[] fits = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                fits[i] = ForkedJvm.read(Path.of(args[i]), Object.class);
            }
            System.out.println(digest((BgNbdFit) fits[0], (GammaGammaFit) fits[1], (ParetoNbdFit) fits[2],
                (BgBbFit) fits[3], (ShiftedBetaGeometricFit) fits[4]));
        }
    }

    /** Scores of every fit on {@link #ROWS} deterministic customers, as a digest of the raw bits. */
    static String digest(BgNbdFit a, GammaGammaFit b, ParetoNbdFit c, BgBbFit d, ShiftedBetaGeometricFit e) {
        SplittableRandom r = new SplittableRandom(2026);
        double[] out = new double[7 * ROWS];
        for (int i = 0; i < ROWS; i++) {
            int x = r.nextInt(0, 30);
            double age = r.nextDouble(1, 80);
            double tx = x == 0 ? 0 : r.nextDouble(0, age);
            int n = r.nextInt(1, 12);
            int bx = r.nextInt(0, n + 1);
            int btx = bx == 0 ? 0 : r.nextInt(bx, n + 1);
            out[7 * i] = a.model().conditionalExpectedTransactions(52, x, tx, age);
            out[7 * i + 1] = a.model().probabilityAlive(x, tx, age);
            out[7 * i + 2] = b.model().conditionalExpectedSpend(x, x == 0 ? 0 : r.nextDouble(1, 500));
            out[7 * i + 3] = c.model().conditionalExpectedTransactions(52, x, tx, age);
            out[7 * i + 4] = d.model().conditionalExpectedTransactions(5, bx, btx, n);
            out[7 * i + 5] = e.model().survival(i % 200);
            out[7 * i + 6] = e.model().discountedExpectedResidualLifetime(0.1, 1 + i % 50);
        }
        double[] fitted = {a.logLikelihood(), b.logLikelihood(), c.logLikelihood(), d.logLikelihood(),
            e.logLikelihood(), e.customers()};
        return ForkedJvm.digest(out, fitted);
    }

    @Test
    void rebuiltFitsAreEqualAndScoreIdentically() {
        assertThat(BgNbdFit.of(bgNbd.parameters())).isEqualTo(bgNbd);
        assertThat(GammaGammaFit.of(gammaGamma.parameters())).isEqualTo(gammaGamma);
        assertThat(ParetoNbdFit.of(paretoNbd.parameters())).isEqualTo(paretoNbd);
        assertThat(BgBbFit.of(bgBb.parameters())).isEqualTo(bgBb);
        assertThat(ShiftedBetaGeometricFit.of(sbg.parameters())).isEqualTo(sbg);
        assertThat(BgNbdFit.of(bgNbd.parameters()).parameters()).isEqualTo(bgNbd.parameters());
        assertThat(digest(BgNbdFit.of(bgNbd.parameters()), GammaGammaFit.of(gammaGamma.parameters()),
            ParetoNbdFit.of(paretoNbd.parameters()), BgBbFit.of(bgBb.parameters()),
            ShiftedBetaGeometricFit.of(sbg.parameters())))
            .isEqualTo(digest(bgNbd, gammaGamma, paretoNbd, bgBb, sbg));
        assertThat(bgNbd.parameters().r()).isEqualTo(bgNbd.model().r());
        assertThat(paretoNbd.parameters().beta()).isEqualTo(paretoNbd.model().beta());
        assertThat(bgBb.parameters().delta()).isEqualTo(bgBb.model().delta());
        assertThat(gammaGamma.parameters().v()).isEqualTo(gammaGamma.model().v());
        assertThat(sbg.parameters().customers()).isEqualTo(sbg.customers());
    }

    @Test
    void invalidParametersAreRejectedNamingTheComponent() {
        assertThatThrownBy(() -> new BgNbdFit.Parameters(-1, 1, 1, 1, -10, 5, 1)).isInstanceOf(ClvException.class)
            .hasMessageContaining("r");
        assertThatThrownBy(() -> new GammaGammaFit.Parameters(1, Double.NaN, 1, -10, 5, 1))
            .isInstanceOf(ClvException.class).hasMessageContaining("q");
        assertThatThrownBy(() -> new ParetoNbdFit.Parameters(1, 1, 1, 1, Double.POSITIVE_INFINITY, 5, 1))
            .isInstanceOf(ClvException.class).hasMessageContaining("log-likelihood");
        assertThatThrownBy(() -> new BgBbFit.Parameters(1, 1, 1, 1, -10, 0, 1)).isInstanceOf(ClvException.class)
            .hasMessageContaining("customers");
        assertThatThrownBy(() -> new ShiftedBetaGeometricFit.Parameters(1, 1, -10, 100, -1))
            .isInstanceOf(ClvException.class).hasMessageContaining("evaluations");
        for (Runnable r : List.<Runnable>of(() -> BgNbdFit.of((BgNbdFit.Parameters) null), () -> GammaGammaFit.of((GammaGammaFit.Parameters) null),
            () -> ParetoNbdFit.of((ParetoNbdFit.Parameters) null), () -> BgBbFit.of((BgBbFit.Parameters) null), () -> ShiftedBetaGeometricFit.of((ShiftedBetaGeometricFit.Parameters) null))) {
            assertThatThrownBy(r::run).isInstanceOf(ClvException.class).hasMessageContaining("null");
        }
    }

    @Test
    void javaSerializationRoundTripsInAFreshJvm(@TempDir Path dir) throws Exception {
        for (Object fit : List.of(bgNbd, gammaGamma, paretoNbd, bgBb, sbg)) {
            assertThat(ForkedJvm.deserialize(ForkedJvm.serialize(fit), Object.class)).isEqualTo(fit);
        }
        List<Path> files = ForkedJvm.writeAll(dir, bgNbd, gammaGamma, paretoNbd, bgBb, sbg);
        String[] args = files.stream().map(Path::toString).toArray(String[]::new);
        assertThat(ForkedJvm.run(Main.class, args)).isEqualTo(digest(bgNbd, gammaGamma, paretoNbd, bgBb,
            sbg));
    }
}
