package org.powercx.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.core.CsvTableReader;
import org.powercx.core.CustomerIndicators;
import org.powercx.core.Direction;
import org.powercx.core.GuideSnippets;
import org.powercx.core.IndicatorTable;
import org.powercx.io.FileFormatException;
import org.powercx.samples.SampleData;

class SegmentationConfigurationTest {
    private static final IndicatorTable SAMPLE = SampleData.customers();
    private static final Path SME = GuideSnippets.docsDir().resolve("examples/sme");

    @TempDir
    Path dir;

    @Test
    void theBundledDefaultConfigurationIsTodaysPipelineBitForBit() {
        SegmentationConfiguration c = SegmentationConfiguration.defaults();
        AnalysisReport expected = CustomerAnalysis.withDefaults().analyse(SAMPLE);
        CustomerModel model = c.analysis().fit(c.prepare(SAMPLE));
        CustomerModelTest.assertSameBits(expected, model.apply(SAMPLE));
        assertThat(model.parameters().riskRules()).isEqualTo(RiskSegmentation.withDefaults().rules());
        assertThat(c.analysis().servicePolicy()).isEqualTo(ServicePolicy.defaults());
        assertThat(c.analysis().valueEvaluation().system().toString())
            .isEqualTo(ValueIndexSystem.defaults().toString());
        assertThat(c.columns()).contains(CustomerIndicators.FEE_REVENUE, "consumption_y1", CustomerIndicators.DEFAULTED)
            .doesNotContain(ConsumptionProjection.PROJECTED_CONSUMPTION);
    }

    @Test
    void theSmeExampleRunsOnTheSuppliersOwnColumnsWithRetentionFromItsChurnLabel() {
        SegmentationConfiguration c = SegmentationConfiguration.read(SME.resolve("sme-configuration.json"));
        IndicatorTable raw = CsvTableReader.withDefaults().read(SME.resolve("sme-customers.csv")).table();
        IndicatorTable t = c.prepare(raw);
        assertThat(t.indicator("payment_delay_days").direction()).isEqualTo(Direction.COST);
        assertThat(c.analysis().retention().source()).isEqualTo(Retention.Source.CHURN_MODEL);
        AnalysisReport r = c.analysis().analyse(t);
        CustomerModel model = c.analysis().fit(t);
        CustomerModelTest.assertSameBits(r, model.apply(t));
        assertThat(r.size()).isEqualTo(400);
        // lifetime value: the net margin over 5 years at 8 %, retention one minus the churn model's probability
        double[] margin = t.column("net_margin");
        CustomerScores s = model.apply(t);
        double[] ret = s.retention();
        double[] clv = r.lifetimeValues();
        for (int i = 0; i < 20; i++) {
            double expected = 0;
            for (int k = 1; k <= 5; k++) {
                expected += margin[i] * Math.pow(ret[i], k) / Math.pow(1.08, k);
            }
            assertThat(clv[i]).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1e-9));
            assertThat(ret[i]).isBetween(0.0, 1.0);
        }
        // the churn model separates: leavers have lower retention on average
        double[] churn = t.column("churn");
        double left = 0;
        double stayed = 0;
        int nLeft = 0;
        for (int i = 0; i < churn.length; i++) {
            if (churn[i] == 1) {
                left += ret[i];
                nLeft++;
            } else {
                stayed += ret[i];
            }
        }
        assertThat(left / nLeft).isLessThan(stayed / (churn.length - nLeft));
    }

    @Test
    void aConfiguredColumnMissingFromTheTableIsNamedWithTheFile() {
        SegmentationConfiguration c = SegmentationConfiguration.read(SME.resolve("sme-configuration.json"));
        IndicatorTable raw = CsvTableReader.withDefaults().read(SME.resolve("sme-customers.csv")).table();
        List<String> keep = new ArrayList<>(raw.indicatorNames());
        keep.remove("pow_max");
        assertThatThrownBy(() -> c.prepare(raw.select(keep.toArray(new String[0]))))
            .isInstanceOf(SegmentationException.class)
            .hasMessageStartingWith("column 'pow_max' named by ")
            .hasMessageContaining("sme-configuration.json");
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private String smeText() throws IOException {
        return Files.readString(SME.resolve("sme-configuration.json"), StandardCharsets.UTF_8);
    }

    @Test
    void errorsInTheFileNameFileLineAndField() throws IOException {
        Files.copy(SME.resolve("sme-policy.csv"), dir.resolve("sme-policy.csv"));
        String text = smeText();
        assertError(write("a.json", text.replace("\"direction\": \"cost\"", "\"direction\": \"costly\"")),
            "a.json:20:", "direction", "costly");
        assertError(write("b.json", text.replace("\"marginRate\"", "\"marginRatio\"")), "b.json:", "marginRatio",
            "unknown field");
        assertError(write("c.json", text.replace("\"version\": 1", "\"version\": 2")), "c.json:4:", "version",
            "newer");
        assertError(write("d.json", text.replace("\"kind\": \"segmentation-configuration\"", "\"kind\": \"weights\"")),
            "d.json:3:", "kind", "weights");
        assertError(write("e.json", text.replace("\"judgments\": [1, 3, 3]", "\"judgments\": [1, 3]")),
            "e.json:14:", "judgments");
        assertError(write("f.json", text.replace("\"source\": \"churn-model\"", "\"source\": \"magic\"")),
            "f.json:", "source", "magic");
        assertError(write("g.json", text.replace("\"policy\": \"sme-policy.csv\"", "\"policy\": \"nowhere.csv\"")),
            "g.json:", "policy", "nowhere.csv");
        assertError(write("h.json", text.substring(0, text.length() / 2)), "h.json:");
        assertError(write("i.json", text.replace("\"cutoffs\": [10, 30]", "\"cutoffs\": [30, 10]")), "i.json:",
            "risk", "strictly increasing");
        assertError(write("j.json", text.replace("\"discountRate\": 0.08,", "")), "j.json:", "discountRate");
        assertError(write("k.json", text.replace("\"judgments\": [2, 3, 2]", "\"judgments\": [9, \"1/9\", 9]")),
            "k.json:", "consistency");
        assertError(write("l.json", text.replace("\"labels\": [\"small\", \"medium\", \"large\"]",
            "\"labels\": [\"small\", \"medium\", \"huge\"]")), "l.json:", "large");
    }

    private static void assertError(Path file, String... parts) {
        assertThatThrownBy(() -> SegmentationConfiguration.read(file))
            .isInstanceOf(IllegalArgumentException.class)
            .satisfies(e -> {
                assertThat(e.getMessage()).doesNotContain("\n");
                for (String p : parts) {
                    assertThat(e.getMessage()).contains(p);
                }
            });
    }

    @Test
    void aFileOfAnotherFormatIsRefused() throws IOException {
        assertThatThrownBy(() -> SegmentationConfiguration.read(write("x.json", "[1, 2]")))
            .isInstanceOf(FileFormatException.class).hasMessageContaining("x.json:1:");
        assertThatThrownBy(() -> SegmentationConfiguration.read(write("y.json", "{\"kind\": \"x\"}")))
            .isInstanceOf(FileFormatException.class).hasMessageContaining("format");
    }
}
