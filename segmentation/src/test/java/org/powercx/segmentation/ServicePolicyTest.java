package org.powercx.segmentation;

import org.powercx.core.CustomerIndicators;
import org.powercx.samples.CustomerGenerator;
import org.powercx.samples.GeneratedCustomers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServicePolicyTest {
    private static final List<String> SEGMENTS = List.of("key", "develop", "maintain", "basic");
    private static final List<String> GRADES = List.of("AAA", "AA", "A", "B", "C");
    private static final Map<String, List<String>> TOPICS = RiskSegmentation.withDefaults().topicLabels();

    private static ServicePolicy parse(String text) {
        return ServicePolicy.read(new StringReader(text), "policy.csv");
    }

    @Test
    void defaultPolicyCoversEveryCombination() {
        ServicePolicy p = ServicePolicy.defaults().validate(SEGMENTS, GRADES, TOPICS);
        assertThat(p.dimensions()).containsExactly("value_segment", "credit_grade", "fee_recovery", "inspection",
            "outage_sensitivity", "key_customer", "service_channel");
        assertThat(p.size()).isEqualTo(17);
        assertThat(p.allMeasures()).contains("dedicated account manager", "prepayment or guarantee",
            "on-site electricity inspection", "overdue-fee rebate incentive");
        assertThat(p.toString()).contains("AA|AAA", "dedicated account manager; on-site service");
        assertThat(p).isEqualTo(ServicePolicy.defaults()).hasSameHashCodeAs(ServicePolicy.defaults());
    }

    @Test
    void measuresAreTheUnionOfMatchingRowsInFileOrder() {
        ServicePolicy p = ServicePolicy.defaults();
        List<String> m = p.measuresFor(Map.of("value_segment", "key", "credit_grade", "C", "fee_recovery", "high",
            "inspection", "normal", "outage_sensitivity", "high", "key_customer", "key", "service_channel", "mixed"));
        assertThat(m).containsExactly("dedicated account manager", "on-site service", "priority repair channel",
            "advance outage negotiation", "prepayment or guarantee", "on-site fee collection",
            "publicise default liability", "follow-up investigation of habitual default", "overdue-fee rebate incentive",
            "advance outage notice", "emergency power supply plan", "emergency response mechanism");
        assertThatThrownBy(() -> p.measuresFor(Map.of("value_segment", "key")))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("credit_grade");
    }

    @Test
    void aGapIsReportedWithTheUncoveredCombination() {
        String text = "value_segment,credit_grade,fee_recovery,measures\n"
            + "key|develop|maintain,*,*,account manager\n"
            + "basic,AAA|AA|A|B,*,standard service\n"
            + "basic,C,low|medium,prepayment\n";
        ServicePolicy p = parse(text);
        assertThatThrownBy(() -> p.validate(SEGMENTS, GRADES, TOPICS)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("gap").hasMessageContaining("value_segment=basic, credit_grade=C, fee_recovery=high");
        assertThat(parse(text + "basic,C,high,on-site collection\n").validate(SEGMENTS, GRADES, TOPICS).size()).isEqualTo(4);
    }

    @Test
    void unknownLabelsAndColumnsAreNamed() {
        assertThatThrownBy(() -> parse("value_segment,credit_grade,measures\n*,AAAA,x\n").validate(SEGMENTS, GRADES, TOPICS))
            .isInstanceOf(SegmentationException.class)
            .hasMessageContaining(":2: ").hasMessageContaining("'credit_grade'").hasMessageContaining("'AAAA'");
        assertThatThrownBy(() -> parse("value_segment,credit_grade,theft,measures\n*,*,*,x\n").validate(SEGMENTS, GRADES, TOPICS))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("column 'theft' is not a risk topic");
        assertThatThrownBy(() -> parse("value_segment,credit_grade,measures\n*,*,x\n").validate(SEGMENTS, List.of(), TOPICS))
            .isInstanceOf(SegmentationException.class).hasMessageContaining("credit grades");
    }

    @Test
    void malformedFilesAreRejected() {
        assertThatThrownBy(() -> parse("value_segment,measures\n*,x\n")).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("no column 'credit_grade'");
        assertThatThrownBy(() -> parse("value_segment,credit_grade,measures\n*,*\n")).isInstanceOf(SegmentationException.class)
            .hasMessageContaining(":2: ").hasMessageContaining("2 fields but the header has 3");
        assertThatThrownBy(() -> parse("value_segment,credit_grade,measures\n*,A|,x\n")).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("blank label");
        assertThatThrownBy(() -> parse("value_segment,credit_grade,measures\n*,*, ; \n")).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("no measures");
        assertThatThrownBy(() -> parse("value_segment,credit_grade,credit_grade,measures\n")).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("'credit_grade' is repeated");
        assertThatThrownBy(() -> parse("value_segment,credit_grade,measures\n")).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("no rows");
        assertThatThrownBy(() -> parse("# only a comment\n")).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("no header");
        assertThatThrownBy(() -> parse("value_segment,credit_grade,measures\n\"*,*,x\n")).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("policy.csv");
    }

    @Test
    void readsFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.csv");
        Files.writeString(file, "\uFEFFvalue_segment,credit_grade,measures\n*,*,standard service\n");
        ServicePolicy p = ServicePolicy.read(file).validate(SEGMENTS, GRADES, TOPICS);
        assertThat(p.allMeasures()).containsExactly("standard service");
        assertThatThrownBy(() -> ServicePolicy.read(dir.resolve("missing.csv")))
            .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("missing.csv");
    }

    @Test
    void planAssignsEveryCustomerItsMeasures() {
        GeneratedCustomers data = CustomerGenerator.withDefaults().generate(2000, 4L);
        RiskSegments risks = RiskSegmentation.withDefaults().apply(data.table());
        ValueSegments segments = ValueSegmentation.withDefaults().segment(data.column(CustomerIndicators.FEE_REVENUE),
            data.column(CustomerIndicators.CONSUMPTION_GROWTH));
        int[] grades = new int[2000];
        for (int i = 0; i < grades.length; i++) {
            grades[i] = i % 5;
        }
        ServicePolicy policy = ServicePolicy.defaults();
        ServicePlan plan = policy.plan(segments, GRADES, grades, risks);
        assertThat(plan.size()).isEqualTo(2000);
        for (int i = 0; i < 50; i++) {
            Map<String, String> labels = new java.util.HashMap<>();
            labels.put("value_segment", segments.segment(i).label());
            labels.put("credit_grade", GRADES.get(grades[i]));
            for (String topic : risks.topics()) {
                labels.put(topic, risks.label(topic, i));
            }
            assertThat(plan.measures(i)).isEqualTo(policy.measuresFor(labels));
        }
        int inspected = 0;
        for (int g : risks.groups(RiskSegmentation.INSPECTION)) {
            inspected += g == 2 ? 1 : 0;
        }
        assertThat(plan.measureCounts().get("on-site electricity inspection")).isEqualTo(inspected);
        assertThat(plan.measureCounts().get("prepayment or guarantee")).isEqualTo(400);
        assertThat(plan.toString()).contains("distinct measure sets", "prepayment or guarantee");
        int[] badGrades = grades.clone();
        badGrades[7] = 5;
        assertThatThrownBy(() -> policy.plan(segments, GRADES, badGrades, risks)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("row 7").hasMessageContaining("grade index 5");
        assertThatThrownBy(() -> policy.plan(segments, GRADES, new int[3], risks)).isInstanceOf(SegmentationException.class)
            .hasMessageContaining("must agree");
        assertThatThrownBy(() -> plan.measures(2000)).isInstanceOf(SegmentationException.class);
    }
}
