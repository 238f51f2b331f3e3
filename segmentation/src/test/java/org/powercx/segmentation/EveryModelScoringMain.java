package org.powercx.segmentation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.powercx.ahp.AhpResult;
import org.powercx.ahp.HierarchyResult;
import org.powercx.clv.BgBbFit;
import org.powercx.clv.BgNbdFit;
import org.powercx.clv.GammaGammaFit;
import org.powercx.clv.ParetoNbdFit;
import org.powercx.clv.ShiftedBetaGeometricFit;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Normaliser;
import org.powercx.core.Weights;
import org.powercx.core.testing.ForkedJvm;
import org.powercx.credit.CreditGrades;
import org.powercx.credit.DiscriminantModel;
import org.powercx.credit.ScorecardModel;
import org.powercx.grey.DiscreteGreyModel;
import org.powercx.grey.GreyModelFit;
import org.powercx.grey.GreyRelationalModel;
import org.powercx.io.AhpResultFile;
import org.powercx.io.BgBbFitFile;
import org.powercx.io.BgNbdFitFile;
import org.powercx.io.CreditModelFile;
import org.powercx.io.DiscreteGreyModelFile;
import org.powercx.io.GammaGammaFitFile;
import org.powercx.io.GreyModelFile;
import org.powercx.io.GreyRelationalModelFile;
import org.powercx.io.HierarchyResultFile;
import org.powercx.io.NormaliserFile;
import org.powercx.io.ParetoNbdFitFile;
import org.powercx.io.PlsScoringModelFile;
import org.powercx.io.ScorecardModelFile;
import org.powercx.io.ShiftedBetaGeometricFitFile;
import org.powercx.io.WeightsFile;
import org.powercx.satisfaction.PlsScoringModel;

/**
 * Run in a fresh JVM by {@link EveryModelRoundTripTest}: for every model kind, reads the model from its JSON
 * file ({@code kind.json}) and from its Java serialization ({@code kind.ser}) in the directory given, scores
 * the deterministic inputs of this class (10^5 rows where the model scores rows) and prints one line per kind:
 * the kind, the digest of the JSON-loaded model's scores and that of the deserialized one.
 */
public final class EveryModelScoringMain {
    /** The kinds, in the order of the printed lines. */
    static final List<String> KINDS = List.of("normaliser", "weights", "grey-relational-model", "grey-model",
        "discrete-grey-model", "credit-model", "ahp-result", "hierarchy-result", "bg-nbd-fit", "gamma-gamma-fit",
        "pareto-nbd-fit", "bg-bb-fit", "shifted-beta-geometric-fit", "pls-scoring-model", "customer-model",
        "scorecard-model");
    static final int ROWS = 100_000;

    private EveryModelScoringMain() {
    }

    /** A model read back from a JSON file, as the object (or objects) a kind's digest takes. */
    static Object readJson(String kind, Path file) {
        switch (kind) {
            case "normaliser":
                return NormaliserFile.read(file);
            case "weights":
                return WeightsFile.read(file);
            case "grey-relational-model":
                return GreyRelationalModelFile.read(file);
            case "grey-model":
                return GreyModelFile.read(file);
            case "discrete-grey-model":
                return DiscreteGreyModelFile.read(file);
            case "credit-model":
                CreditModelFile.CreditModel c = CreditModelFile.read(file);
                return new Object[] {c.discriminant(), c.grades()};
            case "ahp-result":
                return AhpResultFile.read(file);
            case "hierarchy-result":
                return HierarchyResultFile.read(file);
            case "bg-nbd-fit":
                return BgNbdFitFile.read(file);
            case "gamma-gamma-fit":
                return GammaGammaFitFile.read(file);
            case "pareto-nbd-fit":
                return ParetoNbdFitFile.read(file);
            case "bg-bb-fit":
                return BgBbFitFile.read(file);
            case "shifted-beta-geometric-fit":
                return ShiftedBetaGeometricFitFile.read(file);
            case "pls-scoring-model":
                return PlsScoringModelFile.read(file);
            case "customer-model":
                return CustomerModelFile.read(file);
            case "scorecard-model":
                return ScorecardModelFile.read(file);
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    /** The customers every customer-table model scores. */
    static IndicatorTable customers() {
        return CustomerModelScoringMain.table();
    }

    private static double[][] columns(IndicatorTable t, List<org.powercx.core.Indicator> indicators) {
        double[][] c = new double[indicators.size()][];
        for (int j = 0; j < c.length; j++) {
            c[j] = t.column(indicators.get(j).name());
        }
        return c;
    }

    /** Survey answers on 1-10 for the PLS scoring model. */
    static double[][] answers(int p) {
        SplittableRandom r = new SplittableRandom(2026);
        double[][] rows = new double[ROWS][p];
        for (double[] row : rows) {
            for (int k = 0; k < p; k++) {
                row[k] = 1 + r.nextInt(10);
            }
        }
        return rows;
    }

    private static double[] flat(double[][] rows) {
        int m = rows[0].length;
        double[] out = new double[rows.length * m];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * m, m);
        }
        return out;
    }

    /** The digest of a model's scores on the deterministic inputs. */
    static String digest(String kind, Object model, IndicatorTable customers) {
        switch (kind) {
            case "normaliser": {
                Normaliser n = (Normaliser) model;
                double[][] in = columns(customers, n.parameters().indicators());
                double[] out = new double[in.length * ROWS];
                for (int j = 0; j < in.length; j++) {
                    n.applyToColumn(j, in[j], 0, ROWS, out, j * ROWS);
                }
                return ForkedJvm.digest(out);
            }
            case "weights":
                return ForkedJvm.digest(((Weights) model).values()) + ((Weights) model).names();
            case "grey-relational-model": {
                GreyRelationalModel g = (GreyRelationalModel) model;
                double[] out = new double[ROWS];
                g.grades(columns(customers, g.indicators()), 0, ROWS, out, 0);
                return ForkedJvm.digest(out);
            }
            case "grey-model": {
                GreyModelFit f = (GreyModelFit) model;
                return ForkedJvm.digest(f.fitted(), f.forecast(40), new double[] {f.a(), f.b(), f.mape(),
                    f.posteriorVarianceRatio()});
            }
            case "discrete-grey-model": {
                DiscreteGreyModel d = (DiscreteGreyModel) model;
                return ForkedJvm.digest(d.fitted(), d.forecast(40));
            }
            case "credit-model": {
                Object[] c = (Object[]) model;
                DiscriminantModel m = (DiscriminantModel) c[0];
                double[] z = m.scores(customers);
                return ForkedJvm.digest(z, m.defaultProbabilities(customers)) + " "
                    + ForkedJvm.digest(((CreditGrades) c[1]).grades(z));
            }
            case "ahp-result": {
                AhpResult a = (AhpResult) model;
                return ForkedJvm.digest(a.weights().values(), new double[] {a.lambdaMax(), a.consistencyRatio()});
            }
            case "hierarchy-result": {
                HierarchyResult h = (HierarchyResult) model;
                return ForkedJvm.digest(h.leafWeights().values(), new double[] {h.consistencyRatio()});
            }
            case "pls-scoring-model": {
                PlsScoringModel p = (PlsScoringModel) model;
                double[][] rows = answers(p.indicators().size());
                return ForkedJvm.digest(flat(p.scores(rows)), flat(p.indices(rows)));
            }
            case "customer-model":
                return CustomerModelScoringMain.digest(((CustomerModel) model).apply(customers));
            case "scorecard-model": {
                ScorecardModel s = (ScorecardModel) model;
                return ForkedJvm.digest(s.scores(customers), s.logits(customers), s.defaultProbabilities(customers));
            }
            default:
                return clv(kind, model);
        }
    }

    private static String clv(String kind, Object model) {
        SplittableRandom r = new SplittableRandom(2026);
        double[] out = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            int x = r.nextInt(0, 30);
            double age = r.nextDouble(1, 80);
            double tx = x == 0 ? 0 : r.nextDouble(0, age);
            int n = r.nextInt(1, 12);
            int bx = r.nextInt(0, n + 1);
            int btx = bx == 0 ? 0 : r.nextInt(bx, n + 1);
            switch (kind) {
                case "bg-nbd-fit":
                    out[i] = ((BgNbdFit) model).model().conditionalExpectedTransactions(52, x, tx, age);
                    break;
                case "gamma-gamma-fit":
                    out[i] = ((GammaGammaFit) model).model().conditionalExpectedSpend(x, x == 0 ? 0
                        : 1 + 499 * tx / age);
                    break;
                case "pareto-nbd-fit":
                    out[i] = ((ParetoNbdFit) model).model().conditionalExpectedTransactions(52, x, tx, age);
                    break;
                case "bg-bb-fit":
                    out[i] = ((BgBbFit) model).model().conditionalExpectedTransactions(5, bx, btx, n);
                    break;
                case "shifted-beta-geometric-fit":
                    out[i] = ((ShiftedBetaGeometricFit) model).model().survival(i % 200);
                    break;
                default:
                    throw new IllegalArgumentException(kind);
            }
        }
        return ForkedJvm.digest(out);
    }

    /**
     * Reads every kind from the directory given as the first argument and prints its lines.
     *
     * @param args the directory
     * @throws Exception if a file cannot be read
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        IndicatorTable customers = customers();
        List<String> lines = new ArrayList<>();
        for (String kind : KINDS) {
            Object json = readJson(kind, dir.resolve(kind + ".json"));
            Object ser = ForkedJvm.read(dir.resolve(kind + ".ser"), Object.class);
            lines.add(kind + " " + digest(kind, json, customers) + " " + digest(kind, ser, customers));
        }
        System.out.println(String.join("\n", lines));
    }
}
