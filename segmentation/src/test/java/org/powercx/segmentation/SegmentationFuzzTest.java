package org.powercx.segmentation;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the service-policy reader, the only public reader of configuration text in this module: any text either
 * parses to a policy that can be shown, validated against the default labels and queried, or raises
 * {@link SegmentationException} with a message naming the source; no other exception, no hang. In a normal test
 * run it replays the committed corpus under {@code SegmentationFuzzTestInputs}; with {@code JAZZER_FUZZ=1} it
 * fuzzes for as long as {@code -Djazzer.max_duration} allows, for example
 * {@code JAZZER_FUZZ=1 ./mvnw -B -q -pl segmentation test -Dtest=SegmentationFuzzTest -Djacoco.skip=true
 * -Djazzer.max_duration=30m}; new inputs land in {@code segmentation/.cifuzz-corpus/} (not committed), and a
 * crashing input is kept there and belongs in the committed corpus once fixed.
 */
class SegmentationFuzzTest {
    private static final String SOURCE = "fuzz-policy.csv";
    private static final List<String> SEGMENTS = ServicePolicy.labelsOf(ValueSegment.values());
    private static final List<String> GRADES = CreditScoring.withDefaults().gradeNames();
    private static final Map<String, List<String>> TOPICS = RiskSegmentation.withDefaults().topicLabels();

    @FuzzTest(maxDuration = "30s")
    void anyPolicyTextParsesOrFailsWithSegmentationException(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        ServicePolicy policy;
        try {
            policy = ServicePolicy.read(new StringReader(text), SOURCE);
        } catch (SegmentationException e) {
            if (e.getMessage() == null || e.getMessage().isBlank() || !e.getMessage().contains(SOURCE)) {
                throw new AssertionError("message does not name the source: " + e.getMessage(), e);
            }
            return;
        }
        if (policy.size() < 1 || policy.allMeasures().isEmpty()
            || !policy.dimensions().containsAll(List.of(ServicePolicy.VALUE_SEGMENT, ServicePolicy.CREDIT_GRADE))
            || policy.dimensions().contains(ServicePolicy.MEASURES)) {
            throw new AssertionError("inconsistent policy accepted: " + policy);
        }
        if (policy.toString().isBlank() || !policy.equals(ServicePolicy.read(new StringReader(text), SOURCE))) {
            throw new AssertionError("a policy must show itself and read the same twice");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (String dimension : policy.dimensions()) {
            List<String> domain = dimension.equals(ServicePolicy.VALUE_SEGMENT) ? SEGMENTS
                : dimension.equals(ServicePolicy.CREDIT_GRADE) ? GRADES : TOPICS.getOrDefault(dimension, List.of("x"));
            labels.put(dimension, domain.get(0));
        }
        for (String measure : policy.measuresFor(labels)) {
            if (measure.isBlank() || !policy.allMeasures().contains(measure)) {
                throw new AssertionError("unknown or blank measure '" + measure + "'");
            }
        }
        try {
            policy.validate(SEGMENTS, GRADES, TOPICS);
        } catch (SegmentationException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("blank validation message", e);
            }
        }
    }
}
