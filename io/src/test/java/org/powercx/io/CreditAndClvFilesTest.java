package org.powercx.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.clv.BgBb;
import org.powercx.clv.BgBbFit;
import org.powercx.clv.BgNbd;
import org.powercx.clv.BgNbdFit;
import org.powercx.clv.GammaGamma;
import org.powercx.clv.GammaGammaFit;
import org.powercx.clv.ParetoNbdFit;
import org.powercx.clv.ShiftedBetaGeometric;
import org.powercx.clv.ShiftedBetaGeometricFit;
import org.powercx.core.testing.ForkedJvm;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.credit.CreditGrades;
import org.powercx.credit.DiscriminantModel;
import org.powercx.credit.LinearDiscriminant;

/**
 * Credit-model and CLV fit files: save, load, identical parameters and identical scores bit for bit; every bad
 * file gets one line naming the file, the line and the field.
 */
class CreditAndClvFilesTest {
    private static final Provenance PROVENANCE = new Provenance("0.2.0", 600,
        Instant.parse("2026-12-04T10:00:00Z"), Map.of("shrinkage", "none"));

    static IndicatorTable table(int n, long seed, int[] labels) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Indicator> inds = List.of(Indicator.benefit("income"), Indicator.cost("arrears"),
            Indicator.target("utilisation", 0.3).withUnit("share"));
        double[][] cols = new double[3][n];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int y = labels == null ? 0 : (i < 2 ? i : r.nextInt(2));
            if (labels != null) {
                labels[i] = y;
            }
            ids.add("c" + i);
            cols[0][i] = r.nextGaussian() * 1000 + 3000 - 800 * y;
            cols[1][i] = r.nextGaussian() * 0.7 + 1.3 * y + 0.2 * cols[0][i] / 1000;
            cols[2][i] = i % 101 == 0 ? -0.0 : r.nextDouble() + 0.2 * y;
        }
        return IndicatorTable.ofColumns(inds, ids, cols);
    }

    static DiscriminantModel model() {
        int[] labels = new int[600];
        IndicatorTable t = table(600, 5, labels);
        return LinearDiscriminant.withDefaults().fit(t, labels);
    }

    @Test
    void creditModelRoundTripsWithIdenticalScoresOn100000Rows(@TempDir Path dir) {
        DiscriminantModel m = model();
        int[] labels = new int[600];
        CreditGrades g = CreditGrades.byQuantiles(m.scores(table(600, 5, labels)));
        Path file = dir.resolve("credit.json");
        CreditModelFile.write(file, m, g, PROVENANCE);
        CreditModelFile.CreditModel back = CreditModelFile.read(file);
        assertThat(back.discriminant().parameters()).isEqualTo(m.parameters());
        assertThat(back.grades().parameters()).isEqualTo(g.parameters());
        IndicatorTable t = table(100_000, 9, null);
        double[] z = m.scores(t);
        assertThat(ForkedJvm.digest(back.discriminant().scores(t), back.discriminant().defaultProbabilities(t)))
            .isEqualTo(ForkedJvm.digest(z, m.defaultProbabilities(t)));
        assertThat(back.grades().grades(back.discriminant().scores(t))).isEqualTo(g.grades(z));
        assertThat(back.discriminant().wilks()).isEqualTo(m.wilks());
        assertThat(back.discriminant().indicators()).isEqualTo(m.indicators());
        assertThat(CreditModelFile.toJson(back.discriminant(), back.grades(), PROVENANCE))
            .isEqualTo(CreditModelFile.toJson(m, g, PROVENANCE));
    }

    @Test
    void aModelWithDroppedCollinearDirectionsRoundTrips(@TempDir Path dir) {
        int[] labels = new int[600];
        IndicatorTable t = table(600, 5, labels);
        double[][] cols = new double[4][];
        for (int j = 0; j < 3; j++) {
            cols[j] = t.column(j);
        }
        cols[3] = cols[1].clone();
        List<Indicator> inds = new ArrayList<>(t.indicators());
        inds.add(Indicator.cost("arrears_copy"));
        DiscriminantModel m = LinearDiscriminant.withDefaults()
            .withCollinearity(org.powercx.credit.Collinearity.DROP).fit(inds, cols, labels);
        assertThat(m.withinRank()).isEqualTo(3);
        Path file = dir.resolve("credit.json");
        CreditModelFile.write(file, m, CreditGrades.ofCutoffs(-2, -1, 0, 1), PROVENANCE);
        DiscriminantModel back = CreditModelFile.read(file).discriminant();
        assertThat(back.parameters()).isEqualTo(m.parameters());
        assertThat(back.collinearIndicators()).containsExactly("arrears", "arrears_copy");
    }

    private static String creditText() {
        DiscriminantModel m = model();
        return CreditModelFile.toJson(m, CreditGrades.ofCutoffs(-2, -1, 0, 1), PROVENANCE);
    }

    private static void assertBad(String text, String... parts) {
        assertThatThrownBy(() -> CreditModelFile.parse(text, "model.json")).isInstanceOf(FileFormatException.class)
            .satisfies(e -> {
                assertThat(e.getMessage()).startsWith("model.json:").doesNotContain("\n");
                for (String p : parts) {
                    assertThat(e.getMessage()).contains(p);
                }
            });
    }

    @Test
    void badCreditFilesNameTheFileLineAndField() {
        String text = creditText();
        assertBad(text.replace("\"credit-model\"", "\"bg-nbd-fit\""), "credit-model", "bg-nbd-fit");
        assertBad(text.replace("\"version\" : 1", "\"version\" : 2"), "newer", "version");
        assertBad(text.substring(0, text.length() / 2));
        assertBad(text.replaceFirst("\"priors\"", "\"prior\""), "prior");
        assertBad(text.replaceFirst("\"shrinkageIntensity\" : [^,]*,", ""), "shrinkageIntensity");
        assertBad(text.replaceFirst("\"shrinkageIntensity\" : [^,]*,", "\"shrinkageIntensity\" : 1e999,"),
            "shrinkageIntensity");
        assertBad(text.replaceFirst("\"cutoffs\" : \\[ [^,]*,", "\"cutoffs\" : [ 5,"), "cut-off");
        assertBad(text.replaceFirst("\"direction\" : \"BENEFIT\"", "\"direction\" : \"UP\""), "direction");
    }

    @Test
    void clvFitsRoundTripExactly(@TempDir Path dir) {
        SplittableRandom r = new SplittableRandom(3);
        int n = 400;
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        double[] spend = new double[n];
        for (int i = 0; i < n; i++) {
            age[i] = r.nextDouble(20, 40);
            x[i] = r.nextInt(0, 8);
            tx[i] = x[i] == 0 ? 0 : r.nextDouble(1, age[i]);
            spend[i] = x[i] == 0 ? 0 : r.nextDouble(10, 60);
        }
        BgNbdFit bgNbd = BgNbd.fit(x, tx, age);
        // Fader, Hardie and Lee's CDNOW estimates (the fit itself is tested in the clv module)
        ParetoNbdFit pareto = ParetoNbdFit.of(new ParetoNbdFit.Parameters(0.5533, 10.5776, 0.6061, 11.6650,
            -9595.0, 2357, 300));
        GammaGammaFit gg = GammaGamma.fit(x, spend);
        double[] bx = {0, 1, 2, 3, 4, 5, 6, 2, 4, 6};
        double[] btx = {0, 3, 4, 5, 6, 6, 6, 6, 5, 6};
        double[] bn = {6, 6, 6, 6, 6, 6, 6, 6, 6, 6};
        BgBbFit bb = BgBb.fit(bx, btx, bn, new double[] {100, 40, 30, 25, 20, 18, 30, 10, 12, 9});
        ShiftedBetaGeometricFit sbg = ShiftedBetaGeometric.fit(new double[] {1000, 631, 468, 382, 326});
        BgNbdFitFile.write(dir.resolve("a.json"), bgNbd, PROVENANCE);
        ParetoNbdFitFile.write(dir.resolve("b.json"), pareto, PROVENANCE);
        GammaGammaFitFile.write(dir.resolve("c.json"), gg, PROVENANCE);
        BgBbFitFile.write(dir.resolve("d.json"), bb, PROVENANCE);
        ShiftedBetaGeometricFitFile.write(dir.resolve("e.json"), sbg, PROVENANCE);
        assertThat(BgNbdFitFile.read(dir.resolve("a.json"))).isEqualTo(bgNbd);
        assertThat(ParetoNbdFitFile.read(dir.resolve("b.json"))).isEqualTo(pareto);
        assertThat(GammaGammaFitFile.read(dir.resolve("c.json"))).isEqualTo(gg);
        assertThat(BgBbFitFile.read(dir.resolve("d.json"))).isEqualTo(bb);
        assertThat(ShiftedBetaGeometricFitFile.read(dir.resolve("e.json"))).isEqualTo(sbg);
        // records compare doubles by their bits, so equality above is exact; the scores follow
        BgNbd back = BgNbdFitFile.read(dir.resolve("a.json")).model();
        double[] a = new double[100_000];
        double[] b = new double[100_000];
        for (int i = 0; i < a.length; i++) {
            double xi = i % 20;
            double ti = xi == 0 ? 0 : (i % 37) * 0.5;
            a[i] = bgNbd.model().conditionalExpectedTransactions(10, xi, ti, 40);
            b[i] = back.conditionalExpectedTransactions(10, xi, ti, 40);
        }
        assertThat(ForkedJvm.digest(b)).isEqualTo(ForkedJvm.digest(a));
    }

    @Test
    void badClvFilesNameTheFileLineAndField(@TempDir Path dir) throws Exception {
        String text = BgNbdFitFile.toJson(BgNbdFit.of(new BgNbdFit.Parameters(0.24, 4.4, 0.79, 2.4, -9582.4, 2357,
            300)), PROVENANCE);
        Path file = dir.resolve("fit.json");
        Files.writeString(file, text.replace("\"alpha\" : 4.4", "\"alpha\" : -4.4"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BgNbdFitFile.read(file)).isInstanceOf(FileFormatException.class)
            .hasMessageContaining(file.toString()).hasMessageContaining("alpha");
        Files.writeString(file, text.replace("  \"customers\" : 2357,\n", ""), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BgNbdFitFile.read(file)).hasMessageContaining("customers");
        assertThatThrownBy(() -> GammaGammaFitFile.parse(text, "fit.json")).hasMessageContaining("gamma-gamma-fit")
            .hasMessageContaining("bg-nbd-fit");
        assertThatThrownBy(() -> BgNbdFitFile.parse(text.replace("\"version\" : 1", "\"version\" : 7"), "fit.json"))
            .hasMessageContaining("version");
    }
}
