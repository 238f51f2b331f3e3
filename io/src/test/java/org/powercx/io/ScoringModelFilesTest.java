package org.powercx.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.core.testing.ForkedJvm;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.grey.DiscreteGreyModel;
import org.powercx.satisfaction.PathModel;
import org.powercx.satisfaction.PlsPm;
import org.powercx.satisfaction.PlsScoringModel;

/**
 * PLS scoring model and DGM(1,1) files: save, load, identical parameters and identical scores bit for bit on
 * 10^5 rows; a bad file gets one line naming the file, the line and the field.
 */
class ScoringModelFilesTest {
    private static final Provenance PROVENANCE = new Provenance("0.2.0", 400,
        Instant.parse("2026-12-04T10:00:00Z"), Map.of("scheme", "path"));
    static final PathModel MODEL = PathModel.builder().reflective("QUAL", "q1", "q2", "q3")
        .reflective("SAT", "s1", "s2").reflective("LOY", "l1", "l2").path("QUAL", "SAT").path("SAT", "LOY").build();

    /** A survey on a 1-10 scale whose answers follow QUAL -&gt; SAT -&gt; LOY. */
    static IndicatorTable survey(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Indicator> inds = new ArrayList<>();
        for (String name : MODEL.indicatorNames()) {
            inds.add(Indicator.benefit(name));
        }
        double[][] rows = new double[n][inds.size()];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double q = r.nextGaussian();
            double s = 0.6 * q + 0.8 * r.nextGaussian();
            double l = 0.7 * s + 0.7 * r.nextGaussian();
            double[] latent = {q, q, q, s, s, l, l};
            for (int k = 0; k < latent.length; k++) {
                rows[i][k] = Math.max(1, Math.min(10, Math.rint(5.5 + 1.5 * latent[k] + r.nextGaussian())));
            }
            ids.add("r" + i);
        }
        return IndicatorTable.ofRows(inds, ids, rows);
    }

    static double[][] answers(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] rows = new double[n][MODEL.indicatorNames().size()];
        for (double[] row : rows) {
            for (int k = 0; k < row.length; k++) {
                row[k] = 1 + r.nextInt(10);
            }
        }
        return rows;
    }

    static String digest(double[][] rows) {
        double[][] flat = new double[1][];
        flat[0] = new double[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat[0], i * rows[0].length, rows[0].length);
        }
        return ForkedJvm.digest(flat);
    }

    @Test
    void plsScoringModelRoundTripsWithIdenticalScoresOn100000Rows(@TempDir Path dir) {
        PlsScoringModel m = PlsScoringModel.of(PlsPm.withDefaults().fit(MODEL, survey(400, 3)), 1, 10);
        Path file = dir.resolve("pls.json");
        PlsScoringModelFile.write(file, m, PROVENANCE);
        PlsScoringModel back = PlsScoringModelFile.read(file);
        assertThat(back.parameters()).isEqualTo(m.parameters());
        double[][] rows = answers(100_000, 8);
        assertThat(digest(back.scores(rows))).isEqualTo(digest(m.scores(rows)));
        assertThat(digest(back.indices(rows))).isEqualTo(digest(m.indices(rows)));
        assertThat(PlsScoringModelFile.parse(PlsScoringModelFile.toJson(m, PROVENANCE), "x").parameters())
            .isEqualTo(m.parameters());
    }

    private static void assertBad(String text, String... parts) {
        assertThatThrownBy(() -> PlsScoringModelFile.parse(text, "pls.json")).isInstanceOf(FileFormatException.class)
            .satisfies(e -> {
                assertThat(e.getMessage()).startsWith("pls.json:").doesNotContain("\n");
                for (String p : parts) {
                    assertThat(e.getMessage()).contains(p);
                }
            });
    }

    @Test
    void badPlsScoringModelFilesNameTheFileLineAndField() {
        String text = PlsScoringModelFile.toJson(PlsScoringModel.of(PlsPm.withDefaults().fit(MODEL, survey(300, 4)),
            1, 10), PROVENANCE);
        assertBad(text.replace("\"pls-scoring-model\"", "\"credit-model\""), "pls-scoring-model", "credit-model");
        assertBad(text.replace("\"version\" : 1", "\"version\" : 2"), "newer", "version");
        assertBad(text.substring(0, text.length() / 2));
        assertBad(text.replaceFirst("\"means\"", "\"mean\""), "mean");
        assertBad(text.replaceFirst("\"scaleMin\" : [^,]*,", ""), "scaleMin");
        assertBad(text.replaceFirst("\"scaleMin\" : [^,]*,", "\"scaleMin\" : 1e999,"), "scaleMin");
        assertBad(text.replaceFirst("\"standardDeviations\" : \\[ [^,]*,", "\"standardDeviations\" : [ -1,"),
            "standardDeviations[0]");
        assertBad(text.replaceFirst("\"scaling\" : \"STANDARDISED\"", "\"scaling\" : \"RAW\""), "scaling");
        assertBad(text.replaceFirst("\"q3\" \\]", "\"q3\", \"q4\" ]"), "weights has 7 values");
    }

    @Test
    void discreteGreyModelRoundTripsAndNamesBadFields(@TempDir Path dir) {
        DiscreteGreyModel m = DiscreteGreyModel.fit(2.874, 3.278, 3.337, 3.390, 3.679);
        Path file = dir.resolve("dgm.json");
        DiscreteGreyModelFile.write(file, m, PROVENANCE);
        DiscreteGreyModel back = DiscreteGreyModelFile.read(file);
        assertThat(back.parameters()).isEqualTo(m.parameters());
        assertThat(ForkedJvm.digest(back.fitted(), back.forecast(50)))
            .isEqualTo(ForkedJvm.digest(m.fitted(), m.forecast(50)));
        String text = DiscreteGreyModelFile.toJson(m, PROVENANCE);
        assertThatThrownBy(() -> DiscreteGreyModelFile.parse(text.replaceFirst("\"beta1\" : [^,]*,", ""), "dgm.json"))
            .isInstanceOf(FileFormatException.class).hasMessageStartingWith("dgm.json:").hasMessageContaining("beta1");
        assertThatThrownBy(() -> DiscreteGreyModelFile.parse(text.replaceFirst("\"series\" : \\[ [^,]*,",
            "\"series\" : [ -1,"), "dgm.json")).hasMessageStartingWith("dgm.json:").hasMessageContaining("positive");
        assertThatThrownBy(() -> GreyModelFile.parse(Json.parse(new java.io.StringReader(text), "dgm.json")))
            .hasMessageContaining("grey-model").hasMessageContaining("discrete-grey-model");
    }
}
