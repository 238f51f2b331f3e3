package org.powercx.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.ahp.Ahp;
import org.powercx.ahp.AhpResult;
import org.powercx.ahp.Hierarchy;
import org.powercx.ahp.HierarchyResult;
import org.powercx.ahp.PairwiseMatrix;
import org.powercx.clv.BgBbFit;
import org.powercx.clv.BgNbdFit;
import org.powercx.clv.GammaGammaFit;
import org.powercx.clv.ParetoNbdFit;
import org.powercx.clv.ShiftedBetaGeometricFit;
import org.powercx.core.CustomerIndicators;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Normaliser;
import org.powercx.core.Weights;
import org.powercx.core.testing.ForkedJvm;
import org.powercx.credit.Scorecard;
import org.powercx.credit.ScorecardModel;
import org.powercx.grey.DiscreteGreyModel;
import org.powercx.grey.GreyModel;
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
import org.powercx.io.Provenance;
import org.powercx.io.ScorecardModelFile;
import org.powercx.io.ShiftedBetaGeometricFitFile;
import org.powercx.io.WeightsFile;
import org.powercx.samples.CustomerGenerator;
import org.powercx.samples.SampleData;
import org.powercx.satisfaction.PathModel;
import org.powercx.satisfaction.PlsPm;
import org.powercx.satisfaction.PlsScoringModel;

/**
 * Every model kind written in this JVM as a JSON file and through Java serialization, then read back in a fresh
 * JVM ({@link EveryModelScoringMain}) that scores 10^5 rows (customers, survey respondents or CLV customers; the
 * grey forecasting models and the AHP weights have no rows, their forecasts and weights are compared): the
 * digests of the raw bits equal those of the original models' scores in this JVM.
 *
 * <p>The CLV fits are built from published parameter estimates (BG/NBD and Pareto/NBD on CDNOW, Fader, Hardie
 * and Lee 2005; Gamma-Gamma on CDNOW, Fader and Hardie 2013; BG/BB on the donation data, Fader, Hardie and
 * Shang 2010; shifted-beta-geometric "regular" cohort, Fader and Hardie 2007); the rest are fitted here.
 */
class EveryModelRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void everyKindScoresIdenticallyInAFreshJvmFromJsonAndFromJavaSerialization() {
        CustomerModel customer = CustomerAnalysis.withDefaults().with(Retention.fromChurnModel(
            List.of(CustomerIndicators.ARREARS_COUNT), CustomerIndicators.DEFAULTED))
            .fit(CustomerGenerator.withDefaults().generate(20_000, 5L).table());
        CustomerModel.Parameters cp = customer.parameters();
        GreyRelationalModel gra = cp.currentModel();
        Normaliser normaliser = Normaliser.of(gra.parameters().normaliser());
        Weights weights = gra.parameters().weights();
        AhpResult ahp = Ahp.withDefaults().evaluate(PairwiseMatrix.fromUpperTriangle(List.of("tariff", "service",
            "reliability", "green"), new double[] {2, 3, 5, 2, 3, 2}));
        HierarchyResult hierarchy = Hierarchy.builder("value", PairwiseMatrix.fromUpperTriangle(List.of("current",
            "potential"), new double[] {2})).node("current", PairwiseMatrix.fromUpperTriangle(List.of("consumption",
            "margin", "tenure"), new double[] {1, 3, 3})).node("potential", PairwiseMatrix.fromUpperTriangle(
            List.of("forecast", "power"), new double[] {2})).build().evaluate(Ahp.withDefaults());
        double[] series = {2.874, 3.278, 3.337, 3.390, 3.679};
        GreyModelFit gm = GreyModel.withDefaults().fit(series);
        DiscreteGreyModel dgm = DiscreteGreyModel.fit(series);
        BgNbdFit bgNbd = BgNbdFit.of(new BgNbdFit.Parameters(0.243, 4.414, 0.793, 2.426, -9582.4, 2357, 40));
        GammaGammaFit gg = GammaGammaFit.of(new GammaGammaFit.Parameters(6.25, 3.74, 15.44, -4000.9, 946, 30));
        ParetoNbdFit pareto = ParetoNbdFit.of(new ParetoNbdFit.Parameters(0.553, 10.578, 0.606, 11.669, -9595.0,
            2357, 60));
        BgBbFit bgBb = BgBbFit.of(new BgBbFit.Parameters(1.204, 0.750, 0.657, 2.783, -33225.6, 11104, 50));
        ShiftedBetaGeometricFit sbg = ShiftedBetaGeometricFit.of(new ShiftedBetaGeometricFit.Parameters(0.704,
            1.182, -1680.3, 1000, 20));
        PlsScoringModel pls = PlsScoringModel.of(PlsPm.withDefaults().fit(PathModel.powerCsi(),
            SampleData.survey()), 1, 10);
        IndicatorTable calibration = CustomerGenerator.withDefaults().generate(20_000, 5L).table();
        double[] defaulted = calibration.column(CustomerIndicators.DEFAULTED);
        int[] outcomes = new int[defaulted.length];
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = (int) defaulted[i];
        }
        ScorecardModel scorecard = Scorecard.withDefaults().fit(calibration.select(
            CustomerIndicators.ON_TIME_PAYMENT_RATE, CustomerIndicators.ARREARS_COUNT,
            CustomerIndicators.ARREARS_AMOUNT, CustomerIndicators.ASSET_LIABILITY_RATIO,
            CustomerIndicators.CURRENT_RATIO), outcomes);
        Provenance prov = Provenance.of(20_000);

        NormaliserFile.write(json("normaliser"), normaliser, prov);
        WeightsFile.write(json("weights"), weights, prov);
        GreyRelationalModelFile.write(json("grey-relational-model"), gra, prov);
        GreyModelFile.write(json("grey-model"), gm, prov);
        DiscreteGreyModelFile.write(json("discrete-grey-model"), dgm, prov);
        CreditModelFile.write(json("credit-model"), cp.creditModel(), cp.creditGrades(), prov);
        AhpResultFile.write(json("ahp-result"), ahp, prov);
        HierarchyResultFile.write(json("hierarchy-result"), hierarchy, prov);
        BgNbdFitFile.write(json("bg-nbd-fit"), bgNbd, prov);
        GammaGammaFitFile.write(json("gamma-gamma-fit"), gg, prov);
        ParetoNbdFitFile.write(json("pareto-nbd-fit"), pareto, prov);
        BgBbFitFile.write(json("bg-bb-fit"), bgBb, prov);
        ShiftedBetaGeometricFitFile.write(json("shifted-beta-geometric-fit"), sbg, prov);
        PlsScoringModelFile.write(json("pls-scoring-model"), pls, prov);
        CustomerModelFile.write(json("customer-model"), customer, prov);
        ScorecardModelFile.write(json("scorecard-model"), scorecard, prov);

        List<Object> models = List.of(normaliser, weights, gra, gm, dgm, new Object[] {cp.creditModel(),
            cp.creditGrades()}, ahp, hierarchy, bgNbd, gg, pareto, bgBb, sbg, pls, customer, scorecard);
        IndicatorTable customers = EveryModelScoringMain.customers();
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < models.size(); k++) {
            String kind = EveryModelScoringMain.KINDS.get(k);
            ForkedJvm.write(models.get(k), dir.resolve(kind + ".ser"));
            String d = EveryModelScoringMain.digest(kind, models.get(k), customers);
            expected.add(kind + " " + d + " " + d);
        }
        assertThat(ForkedJvm.run(EveryModelScoringMain.class, dir.toString()).lines())
            .containsExactlyElementsOf(expected);
    }

    private Path json(String kind) {
        return dir.resolve(kind + ".json");
    }
}
