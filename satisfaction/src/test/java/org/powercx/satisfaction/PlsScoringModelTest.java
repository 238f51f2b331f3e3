package org.powercx.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.powercx.core.IndicatorTable;

/**
 * The PLS scoring model against the fitted estimate it comes from: on the calibration respondents its scores
 * equal {@link PlsResult#scores()} and its indices {@link SatisfactionIndex#respondentIndices} bit for bit
 * (those are checked against ADANCO 2.2.1 and plspm in their own tests), and a rebuilt or deserialized model
 * scores new respondents with the same bits.
 */
class PlsScoringModelTest {
    private static final IndicatorTable DATA = RefData.survey("satisfaction");
    private static final PlsPm CENTROID = PlsPm.withDefaults().with(InnerScheme.CENTROID).withTolerance(1e-13);

    static double[][] rows(IndicatorTable table, List<String> indicators) {
        double[][] rows = new double[table.rowCount()][indicators.size()];
        for (int k = 0; k < indicators.size(); k++) {
            double[] c = table.column(indicators.get(k));
            for (int i = 0; i < rows.length; i++) {
                rows[i][k] = c[i];
            }
        }
        return rows;
    }

    private static void sameBits(double[][] a, double[][] b) {
        assertThat(a.length).isEqualTo(b.length);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                assertThat(Double.doubleToRawLongBits(a[i][j])).as("row %d column %d", i, j)
                    .isEqualTo(Double.doubleToRawLongBits(b[i][j]));
            }
        }
    }

    private static void calibrationBits(PathModel model, PlsPm estimator) {
        PlsResult r = estimator.fit(model, DATA);
        PlsScoringModel s = PlsScoringModel.of(r, 0, 10);
        assertThat(s.indicators()).isEqualTo(model.indicatorNames());
        assertThat(s.constructs()).isEqualTo(model.constructNames());
        double[][] answers = rows(DATA, s.indicators());
        sameBits(s.scores(answers), r.scores());
        SatisfactionIndex idx = SatisfactionIndex.of(r, 0, 10);
        double[][] indices = s.indices(answers);
        double[][] expected = new double[answers.length][model.constructCount()];
        for (int j = 0; j < model.constructCount(); j++) {
            double[] col = idx.respondentIndices(model.constructNames().get(j));
            for (int i = 0; i < col.length; i++) {
                expected[i][j] = col[i];
            }
        }
        sameBits(indices, expected);
    }

    @Test
    void onTheCalibrationRespondentsScoresAndIndicesEqualTheFitBitForBit() {
        calibrationBits(PathModel.powerCsi(), CENTROID);
        calibrationBits(PathModel.powerCsi(), PlsPm.withDefaults().with(Scaling.CENTRED));
        // mode B blocks with a negative weight: NaN indices, as SatisfactionIndex (and ADANCO) leave them
        calibrationBits(RefData.s6ModeB(), CENTROID);
    }

    static double[][] newRespondents(int n, int p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] rows = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                rows[i][k] = i == 0 ? 0 : i == 1 ? 10 : rng.nextInt(11);
            }
        }
        return rows;
    }

    @Test
    void aRebuiltAndADeserializedModelScoreNewRespondentsWithTheSameBits() throws Exception {
        PlsScoringModel s = PlsScoringModel.of(CENTROID.fit(PathModel.powerCsi(), DATA), 0, 10);
        PlsScoringModel rebuilt = PlsScoringModel.of(s.parameters());
        assertThat(rebuilt.parameters()).isEqualTo(s.parameters()).hasSameHashCodeAs(s.parameters());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        PlsScoringModel read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = (PlsScoringModel) in.readObject();
        }
        double[][] rows = newRespondents(5000, s.indicators().size(), 16);
        for (PlsScoringModel other : List.of(rebuilt, read)) {
            sameBits(other.scores(rows), s.scores(rows));
            sameBits(other.indices(rows), s.indices(rows));
        }
        assertThat(s.toString()).contains("SAT").contains("[0.0, 10.0]");
        assertThat(s.parameters().toString()).contains("weights=");
    }

    @Test
    void badRowsAndParametersAreNamed() {
        PlsScoringModel s = PlsScoringModel.of(CENTROID.fit(PathModel.powerCsi(), DATA), 0, 10);
        int p = s.indicators().size();
        double[][] bad = newRespondents(3, p, 1);
        bad[2][1] = Double.NaN;
        assertThatThrownBy(() -> s.scores(bad)).isInstanceOf(SatisfactionException.class)
            .hasMessageContaining("row 2, indicator '" + s.indicators().get(1) + "'").hasMessageContaining("NaN");
        double[][] off = newRespondents(3, p, 1);
        off[1][0] = 11;
        assertThat(s.scores(off)).hasNumberOfRows(3);
        assertThatThrownBy(() -> s.indices(off)).hasMessageContaining("row 1, indicator '" + s.indicators().get(0)
            + "'").hasMessageContaining("scale [0.0, 10.0]");
        assertThatThrownBy(() -> s.scores(new double[][] {new double[p - 1]})).hasMessageContaining("row 0 has "
            + (p - 1) + " answers");
        assertThatThrownBy(() -> s.scores(null)).hasMessageContaining("null");
        assertThatThrownBy(() -> PlsScoringModel.of((PlsScoringModel.Parameters) null)).hasMessageContaining("null");
        assertThatThrownBy(() -> PlsScoringModel.of((PlsResult) null, 0, 10)).hasMessageContaining("null");
        PlsScoringModel.Parameters q = s.parameters();
        double[] sd = q.standardDeviations();
        sd[3] = 0;
        assertThatThrownBy(() -> new PlsScoringModel.Parameters(q.constructs(), q.blocks(), q.weights(), q.means(),
            sd, q.scaling(), 0, 10)).isInstanceOf(SatisfactionException.class)
            .hasMessageContaining("standardDeviations[3] = 0.0");
        double[] w = q.weights();
        w[0] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> new PlsScoringModel.Parameters(q.constructs(), q.blocks(), w, q.means(),
            q.standardDeviations(), q.scaling(), 0, 10)).hasMessageContaining("weights[0] = Infinity");
        assertThatThrownBy(() -> new PlsScoringModel.Parameters(q.constructs(), q.blocks(), q.weights(), q.means(),
            q.standardDeviations(), q.scaling(), 10, 0)).hasMessageContaining("answer scale [10.0, 0.0]");
        assertThatThrownBy(() -> new PlsScoringModel.Parameters(q.constructs(), q.blocks().subList(0, 2),
            q.weights(), q.means(), q.standardDeviations(), q.scaling(), 0, 10)).hasMessageContaining("2 blocks");
        assertThatThrownBy(() -> new PlsScoringModel.Parameters(q.constructs(), q.blocks(), new double[2], q.means(),
            q.standardDeviations(), q.scaling(), 0, 10)).hasMessageContaining("weights has 2 values");
        // the accessors copy
        q.weights()[0] = 99;
        assertThat(s.parameters().weights()[0]).isNotEqualTo(99);
    }
}
