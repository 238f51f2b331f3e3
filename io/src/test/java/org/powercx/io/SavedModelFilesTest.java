package org.powercx.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.ahp.Ahp;
import org.powercx.ahp.AhpResult;
import org.powercx.ahp.Hierarchy;
import org.powercx.ahp.HierarchyResult;
import org.powercx.ahp.PairwiseMatrix;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Normalisation;
import org.powercx.core.Normaliser;
import org.powercx.core.Weights;
import org.powercx.core.testing.ForkedJvm;
import org.powercx.grey.GreyModel;
import org.powercx.grey.GreyModelFit;
import org.powercx.grey.GreyRelationalAnalysis;
import org.powercx.grey.GreyRelationalModel;
import org.powercx.grey.LevelRatioPolicy;
import org.powercx.grey.Reference;

/** Saved models load back with the same bits; bad files get one line naming the file, the line and the field. */
class SavedModelFilesTest {
    private static final int ROWS = 100_000;
    private static final Provenance PROVENANCE = new Provenance("0.2.0", 3000,
        Instant.parse("2026-12-04T10:00:00Z"), Map.of("rho", "0.4"));
    private static final List<Indicator> INDICATORS = List.of(Indicator.benefit("kwh").withUnit("kWh"),
        Indicator.cost("arrears"), Indicator.target("load_factor", 0.6).withDescription("closest to 0.6"),
        Indicator.benefit("tiny"));

    static IndicatorTable table(int n, long seed, double spread) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[n][];
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows[i] = new double[] {1e3 + 1e4 * spread * (random.nextDouble() - 0.2),
                0.5 + spread * random.nextDouble(), spread * random.nextDouble(), (1 + random.nextInt(4)) * 1e-310};
            ids.add("c" + i);
        }
        return IndicatorTable.ofRows(INDICATORS, ids, rows);
    }

    static List<GreyRelationalModel> models() {
        IndicatorTable cal = table(3_000, 7, 1);
        Weights w = Weights.normalised(List.of("tiny", "load_factor", "arrears", "kwh"), new double[] {1, 3, 4, 5});
        GreyRelationalAnalysis gra = GreyRelationalAnalysis.withDefaults();
        return List.of(gra.fit(cal, w),
            gra.with(Normalisation.MEAN).withDistinguishingCoefficient(0.4).fit(cal, w),
            gra.with(Normalisation.Z_SCORE).with(Reference.values(5e3, 1, 0.5, 2e-310)).fit(cal, w));
    }

    private static Path save(Path dir, GreyRelationalModel model, String name) {
        Path file = dir.resolve(name);
        GreyRelationalModelFile.write(file, model, PROVENANCE);
        return file;
    }

    @Test
    void greyRelationalModelsLoadWithTheSameGradesOnAHundredThousandRows(@TempDir Path dir) {
        IndicatorTable fresh = table(ROWS, 21, 3);
        int k = 0;
        for (GreyRelationalModel model : models()) {
            Path file = save(dir, model, "model" + k++ + ".json");
            GreyRelationalModel back = GreyRelationalModelFile.read(file);
            assertThat(back.parameters()).isEqualTo(model.parameters());
            assertThat(ForkedJvm.digest(back.grades(fresh))).isEqualTo(ForkedJvm.digest(model.grades(fresh)));
            double[] row = {2e4, -1, 0.6, 5e-310};
            assertThat(Double.doubleToRawLongBits(back.grade(row)))
                .isEqualTo(Double.doubleToRawLongBits(model.grade(row)));
        }
        assertThat(models().get(1).parameters().inline()).contains(false);
    }

    @Test
    void otherKindsRoundTrip(@TempDir Path dir) throws IOException {
        Normaliser normaliser = Normalisation.Z_SCORE.fit(table(500, 3, 1));
        Path nf = dir.resolve("normaliser.json");
        NormaliserFile.write(nf, normaliser, PROVENANCE);
        assertThat(NormaliserFile.read(nf).parameters()).isEqualTo(normaliser.parameters());

        Weights weights = Weights.normalised(List.of("a", "b", "c"), new double[] {1, 1, 1});
        Path wf = dir.resolve("weights.json");
        WeightsFile.write(wf, weights, PROVENANCE);
        assertThat(WeightsFile.read(wf)).isEqualTo(weights);
        Files.writeString(wf, "{\"weights\": {\"a\": 1, \"b\": 3}}");
        assertThat(WeightsFile.read(wf).values()).containsExactly(0.25, 0.75);

        for (GreyModel gm : List.of(GreyModel.withDefaults(), GreyModel.withDefaults().with(LevelRatioPolicy.SHIFT))) {
            GreyModelFit fit = gm.fit(2.67, 3.13, 3.25, 3.36, 3.56, 3.72, 30, 4.1);
            Path gf = dir.resolve("gm.json");
            GreyModelFile.write(gf, fit, PROVENANCE);
            GreyModelFit back = GreyModelFile.read(gf);
            assertThat(back.parameters()).isEqualTo(fit.parameters());
            assertThat(back.forecast(30)).isEqualTo(fit.forecast(30));
            assertThat(back.toString()).isEqualTo(fit.toString());
        }

        AhpResult ahp = Ahp.withDefaults().evaluate(PairwiseMatrix.fromUpperTriangle(List.of("x", "y", "z", "w"),
            3, 1.0 / 7, 5, 1.0 / 3, 2, 9));
        Path af = dir.resolve("ahp.json");
        AhpResultFile.write(af, ahp, PROVENANCE);
        assertThat(AhpResultFile.read(af)).isEqualTo(ahp);

        HierarchyResult h = Hierarchy.builder("goal", PairwiseMatrix.fromUpperTriangle(List.of("cost", "service"), 3))
            .node("cost", PairwiseMatrix.fromUpperTriangle(List.of("p", "q", "r"), 2, 7, 3))
            .node("service", Weights.normalised(List.of("p", "q", "r"), new double[] {1, 2, 2}))
            .build().evaluate(Ahp.withDefaults());
        Path hf = dir.resolve("hierarchy.json");
        HierarchyResultFile.write(hf, h, PROVENANCE);
        HierarchyResult hBack = HierarchyResultFile.read(hf);
        assertThat(hBack.toString()).isEqualTo(h.toString());
        assertThat(hBack.parameters()).isEqualTo(h.parameters());
        assertThat(hBack.leafWeights().values()).isEqualTo(h.leafWeights().values());
        assertThat(Files.readString(hf)).contains("\"kind\" : \"hierarchy-result\"");
    }

    @Test
    void badFilesGetOneLineNamingFileLineAndField(@TempDir Path dir) throws IOException {
        Path file = save(dir, models().get(0), "m.json");
        String text = Files.readString(file);
        assertThatThrownBy(() -> NormaliserFile.read(file)).isInstanceOf(FileFormatException.class)
            .hasMessage(file + ":3: field 'kind': expected a normaliser file but this file holds a "
                + "grey-relational-model");
        assertThat(bad(dir, text.replace("\"version\" : 1", "\"version\" : 2")))
            .startsWith(":4: field 'version': version 2 was written by a newer PowerCX");
        assertThat(bad(dir, text.substring(0, text.length() / 2))).contains("invalid JSON");
        String noDelta = text.replaceAll("(?m)^  \"deltaMax\" : .*$", "  \"deltaMaxx\" : 1");
        assertThat(bad(dir, noDelta)).matches(":\\d+: field 'deltaMaxx': unknown field .*");
        String huge = text.replaceAll("(?m)^  \"deltaMin\" : [^,]*,", "  \"deltaMin\" : 1e999,");
        assertThat(bad(dir, huge)).matches(":\\d+: field 'deltaMin': number out of range .*");
        String missing = text.replaceAll("(?m)^  \"distinguishingCoefficient\" : [^,]*,\n", "");
        assertThat(bad(dir, missing)).isEqualTo(":1: top level: missing field 'distinguishingCoefficient'");
        String direction = text.replace("\"COST\"", "\"CHEAP\"");
        assertThat(bad(dir, direction)).matches(":\\d+: field 'normaliser.indicators\\[1\\].direction': expected one "
            + "of BENEFIT, COST, TARGET but found 'CHEAP'");
        String rho = text.replaceAll("(?m)^  \"distinguishingCoefficient\" : [^,]*,", "  \"distinguishingCoefficient\" : 2,");
        assertThat(bad(dir, rho)).isEqualTo(":1: grey relational model parameters: distinguishing coefficient rho "
            + "must be in (0, 1] but was 2.0");
    }

    /** The message of a grey relational model file with the given text, without the file name. */
    private static String bad(Path dir, String text) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, text);
        try {
            GreyRelationalModelFile.read(file);
        } catch (FileFormatException e) {
            assertThat(e.getMessage()).doesNotContain("\n").startsWith(file.toString());
            return e.getMessage().substring(file.toString().length());
        }
        throw new AssertionError("no error for\n" + text);
    }
}
