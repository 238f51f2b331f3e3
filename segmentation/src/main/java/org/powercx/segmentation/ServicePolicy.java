package org.powercx.segmentation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A differentiated service policy: which service measures go with which value segment, credit grade and risk
 * groups, kept as data in a CSV table.
 *
 * <p><b>File format.</b> UTF-8 CSV with a header; lines starting with {@code #} are comments. The columns
 * {@value #VALUE_SEGMENT} and {@value #CREDIT_GRADE} are required, {@value #MEASURES} is required, and every
 * other column names a risk topic of {@link RiskSegmentation}. A condition cell holds one label, several
 * joined by {@code |}, or {@code *} for any; the measures cell holds measures joined by {@code ;}. A customer
 * receives the union of the measures of every row whose conditions it meets, in file order without
 * repeats. {@link #validate} checks every label against the segments, grades and topic labels in use and
 * that every combination of them is met by at least one row: a combination left without measures is a gap,
 * reported with the combination.
 *
 * <p>{@link #defaults()} reads the bundled {@code default-policy.csv}, drawn from the measures the seeds
 * name: dedicated account managers and on-site service for high-value customers, priority repair channels,
 * advance outage notice and emergency supply for outage-sensitive customers, overdue-fee rebates, prepayment
 * or guarantees, on-site collection and electricity inspection for risky ones. Immutable.
 *
 * @since 0.1.0
 * @serial exclude
 */
public final class ServicePolicy implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** Column of the value-segment condition. */
    public static final String VALUE_SEGMENT = "value_segment";
    /** Column of the credit-grade condition. */
    public static final String CREDIT_GRADE = "credit_grade";
    /** Column of the measures. */
    public static final String MEASURES = "measures";
    /** The wildcard condition. */
    public static final String ANY = "*";
    /** The most combinations {@link #validate} enumerates. */
    public static final int MAX_COMBINATIONS = 1_000_000;

    private static final String DEFAULT_RESOURCE = "default-policy.csv";

    private final String source;
    private final List<String> dimensions;
    /** {@code conditions[r][d]}: allowed labels of row r on dimension d, null for any. */
    private final List<List<Set<String>>> conditions;
    private final List<List<String>> measures;
    private final long[] lines;

    private ServicePolicy(String source, List<String> dimensions, List<List<Set<String>>> conditions,
            List<List<String>> measures, long[] lines) {
        this.source = source;
        this.dimensions = List.copyOf(dimensions);
        this.conditions = conditions;
        this.measures = measures;
        this.lines = lines;
    }

    /**
     * The bundled default policy.
     *
     * @return the policy
     */
    public static ServicePolicy defaults() {
        InputStream in = ServicePolicy.class.getResourceAsStream(DEFAULT_RESOURCE);
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(r, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a policy file.
     *
     * @param file a UTF-8 CSV file in the format above
     * @return the policy
     * @throws SegmentationException if the file is malformed (naming file, line and column)
     * @throws UncheckedIOException if the file cannot be read
     */
    public static ServicePolicy read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a policy from a character stream, which is not closed.
     *
     * @param reader the CSV text
     * @param sourceName how messages name the source
     * @return the policy
     * @throws SegmentationException if the text is malformed: no header, a missing required column, a
     *     repeated column, a row of the wrong length, a blank condition or an empty measures cell (naming
     *     source, line and column)
     */
    public static ServicePolicy read(Reader reader, String sourceName) {
        CSVFormat format = CSVFormat.RFC4180.builder().setCommentMarker('#').setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true).get();
        List<String> header = null;
        List<List<Set<String>>> conditions = new ArrayList<>();
        List<List<String>> measures = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        int measureColumn = -1;
        try {
            CSVParser parser = format.parse(reader);
            for (CSVRecord rec : parser) {
                long line = parser.getCurrentLineNumber();
                if (header == null) {
                    header = header(rec, sourceName, line);
                    measureColumn = header.indexOf(MEASURES);
                    continue;
                }
                if (rec.size() != header.size()) {
                    throw new SegmentationException("%s:%d: %d fields but the header has %d", sourceName, line,
                        rec.size(), header.size());
                }
                List<Set<String>> row = new ArrayList<>();
                for (int c = 0; c < header.size(); c++) {
                    if (c != measureColumn) {
                        row.add(condition(rec.get(c), sourceName, line, header.get(c)));
                    }
                }
                List<String> ms = new ArrayList<>();
                for (String m : rec.get(measureColumn).split(";")) {
                    if (!m.isBlank()) {
                        ms.add(m.strip());
                    }
                }
                if (ms.isEmpty()) {
                    throw new SegmentationException("%s:%d: column '%s': no measures", sourceName, line, MEASURES);
                }
                conditions.add(row);
                measures.add(List.copyOf(ms));
                lines.add(line);
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new SegmentationException(e, "%s: cannot parse the policy: %s", sourceName, e.getMessage());
        }
        if (header == null || conditions.isEmpty()) {
            throw new SegmentationException("%s: the policy has no %s", sourceName, header == null ? "header" : "rows");
        }
        List<String> dims = new ArrayList<>(header);
        dims.remove(MEASURES);
        long[] lineArray = lines.stream().mapToLong(Long::longValue).toArray();
        return new ServicePolicy(sourceName, dims, conditions, measures, lineArray);
    }

    private static List<String> header(CSVRecord rec, String sourceName, long line) {
        List<String> header = new ArrayList<>();
        for (String h : rec) {
            String name = h.strip();
            if (name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (name.isEmpty() || header.contains(name)) {
                throw new SegmentationException("%s:%d: column %d header %s", sourceName, line, header.size() + 1,
                    name.isEmpty() ? "is blank" : "'" + name + "' is repeated");
            }
            header.add(name);
        }
        for (String required : List.of(VALUE_SEGMENT, CREDIT_GRADE, MEASURES)) {
            if (!header.contains(required)) {
                throw new SegmentationException("%s:%d: the policy has no column '%s'; its columns are %s",
                    sourceName, line, required, header);
            }
        }
        return header;
    }

    private static Set<String> condition(String cell, String sourceName, long line, String column) {
        String text = cell.strip();
        if (text.equals(ANY)) {
            return null;
        }
        Set<String> labels = new LinkedHashSet<>();
        for (String part : text.split("\\|", -1)) {
            if (part.isBlank()) {
                throw new SegmentationException("%s:%d: column '%s': blank label in '%s' (use * for any)",
                    sourceName, line, column, cell);
            }
            labels.add(part.strip());
        }
        return Set.copyOf(labels);
    }

    /**
     * The condition columns: {@value #VALUE_SEGMENT}, {@value #CREDIT_GRADE} and the risk topics, in file order.
     *
     * @return an unmodifiable list
     */
    public List<String> dimensions() {
        return dimensions;
    }

    /**
     * Number of rows.
     *
     * @return at least 1
     */
    public int size() {
        return measures.size();
    }

    /**
     * Every distinct measure, in order of first appearance.
     *
     * @return an unmodifiable list
     */
    public List<String> allMeasures() {
        Set<String> all = new LinkedHashSet<>();
        measures.forEach(all::addAll);
        return List.copyOf(all);
    }

    /**
     * Checks the policy against the labels in use: every label in a condition must exist, every risk-topic
     * column must be a topic, and every combination of value segment, credit grade and risk labels must be
     * met by at least one row.
     *
     * @param valueSegments the value-segment labels, for example those of {@link ValueSegment}
     * @param creditGrades the credit grades, for example {@code AAA, AA, A, B, C}
     * @param topicLabels each risk topic's labels, as {@link RiskSegmentation#topicLabels()}
     * @return this policy
     * @throws SegmentationException naming the line, column and unknown label, or the first combination
     *     that no row meets
     */
    public ServicePolicy validate(List<String> valueSegments, List<String> creditGrades,
            Map<String, List<String>> topicLabels) {
        List<List<String>> domains = domains(valueSegments, creditGrades, topicLabels);
        for (int r = 0; r < conditions.size(); r++) {
            for (int d = 0; d < dimensions.size(); d++) {
                Set<String> allowed = conditions.get(r).get(d);
                if (allowed == null) {
                    continue;
                }
                for (String label : allowed) {
                    if (!domains.get(d).contains(label)) {
                        throw new SegmentationException("%s:%d: column '%s': unknown label '%s'; known labels are %s",
                            source, lines[r], dimensions.get(d), label, domains.get(d));
                    }
                }
            }
        }
        long combinations = 1;
        for (List<String> domain : domains) {
            combinations *= domain.size();
            if (combinations > MAX_COMBINATIONS) {
                throw new SegmentationException("%s: more than %d combinations of %s to check", source,
                    MAX_COMBINATIONS, dimensions);
            }
        }
        int[] index = new int[dimensions.size()];
        for (long c = 0; c < combinations; c++) {
            long rest = c;
            for (int d = dimensions.size() - 1; d >= 0; d--) {
                index[d] = (int) (rest % domains.get(d).size());
                rest /= domains.get(d).size();
            }
            if (matchingRows(domains, index).isEmpty()) {
                Map<String, String> gap = new LinkedHashMap<>();
                for (int d = 0; d < index.length; d++) {
                    gap.put(dimensions.get(d), domains.get(d).get(index[d]));
                }
                throw new SegmentationException("%s: the policy has a gap: no row covers %s", source, gap);
            }
        }
        return this;
    }

    private List<List<String>> domains(List<String> valueSegments, List<String> creditGrades,
            Map<String, List<String>> topicLabels) {
        if (valueSegments == null || valueSegments.isEmpty() || creditGrades == null || creditGrades.isEmpty()
            || topicLabels == null) {
            throw new SegmentationException("policy validation needs value segments, credit grades and topic labels");
        }
        List<List<String>> domains = new ArrayList<>();
        for (String dim : dimensions) {
            if (dim.equals(VALUE_SEGMENT)) {
                domains.add(List.copyOf(valueSegments));
            } else if (dim.equals(CREDIT_GRADE)) {
                domains.add(List.copyOf(creditGrades));
            } else if (topicLabels.containsKey(dim)) {
                domains.add(List.copyOf(topicLabels.get(dim)));
            } else {
                throw new SegmentationException("%s: column '%s' is not a risk topic; the topics are %s", source, dim,
                    topicLabels.keySet());
            }
        }
        return domains;
    }

    private List<Integer> matchingRows(List<List<String>> domains, int[] index) {
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < conditions.size(); r++) {
            boolean all = true;
            for (int d = 0; d < index.length && all; d++) {
                Set<String> allowed = conditions.get(r).get(d);
                all = allowed == null || allowed.contains(domains.get(d).get(index[d]));
            }
            if (all) {
                rows.add(r);
            }
        }
        return rows;
    }

    /**
     * The measures for one combination of labels: the union over the rows it meets, in file order.
     *
     * @param labels a label for every dimension of {@link #dimensions()}; extra keys are ignored
     * @return an unmodifiable list, empty when no row is met
     * @throws SegmentationException if a dimension has no label
     */
    public List<String> measuresFor(Map<String, String> labels) {
        if (labels == null) {
            throw new SegmentationException("labels are null");
        }
        List<List<String>> single = new ArrayList<>();
        int[] index = new int[dimensions.size()];
        for (String dim : dimensions) {
            String label = labels.get(dim);
            if (label == null) {
                throw new SegmentationException("no label for policy dimension '%s'; given %s", dim, labels);
            }
            single.add(List.of(label));
        }
        Set<String> union = new LinkedHashSet<>();
        for (int r : matchingRows(single, index)) {
            union.addAll(measures.get(r));
        }
        return List.copyOf(union);
    }

    /**
     * Assigns every customer its measures from its value segment, credit grade and risk groups, after
     * {@link #validate validating} the policy against the labels in use.
     *
     * @param segments the value segments
     * @param gradeNames the credit grades, best first, as {@code grades} indexes them
     * @param grades each customer's grade index into {@code gradeNames}; not modified
     * @param risks the risk groups, with every topic the policy names
     * @return the service plan
     * @throws SegmentationException if the sizes differ, a grade index is out of range (naming the row), or
     *     the policy fails validation
     */
    public ServicePlan plan(ValueSegments segments, List<String> gradeNames, int[] grades, RiskSegments risks) {
        if (segments == null || grades == null || risks == null) {
            throw new SegmentationException("a service plan needs value segments, credit grades and risk groups");
        }
        int n = segments.size();
        if (grades.length != n || risks.size() != n) {
            throw new SegmentationException("%d value segments, %d credit grades and %d risk rows must agree", n,
                grades.length, risks.size());
        }
        List<List<String>> domains = domains(labelsOf(ValueSegment.values()), gradeNames, topicLabels(risks));
        validate(labelsOf(ValueSegment.values()), gradeNames, topicLabels(risks));
        int dims = dimensions.size();
        int[] topic = new int[dims];
        int[] radix = new int[dims];
        for (int d = 0; d < dims; d++) {
            radix[d] = domains.get(d).size();
            String dim = dimensions.get(d);
            topic[d] = dim.equals(VALUE_SEGMENT) ? -1 : dim.equals(CREDIT_GRADE) ? -2 : risks.topicIndex(dim);
        }
        int combinations = 1;
        for (int r : radix) {
            combinations *= r;
        }
        int[] setOfKey = new int[combinations];
        Arrays.fill(setOfKey, -1);
        List<List<String>> sets = new ArrayList<>();
        Map<List<String>, Integer> setIndex = new java.util.HashMap<>();
        int[] assigned = new int[n];
        int[] index = new int[dims];
        for (int i = 0; i < n; i++) {
            int key = 0;
            for (int d = 0; d < dims; d++) {
                int v;
                if (topic[d] == -1) {
                    v = segments.ordinal(i);
                } else if (topic[d] == -2) {
                    v = grades[i];
                    if (v < 0 || v >= radix[d]) {
                        throw new SegmentationException("customer row %d: credit grade index %d is not within [0, %d)",
                            i, v, radix[d]);
                    }
                } else {
                    v = risks.group(topic[d], i);
                }
                key = key * radix[d] + v;
            }
            int set = setOfKey[key];
            if (set < 0) {
                int rest = key;
                for (int d = dims - 1; d >= 0; d--) {
                    index[d] = rest % radix[d];
                    rest /= radix[d];
                }
                java.util.Set<String> union = new LinkedHashSet<>();
                for (int r : matchingRows(domains, index)) {
                    union.addAll(measures.get(r));
                }
                List<String> list = List.copyOf(union);
                set = setIndex.computeIfAbsent(list, k -> {
                    sets.add(k);
                    return sets.size() - 1;
                });
                setOfKey[key] = set;
            }
            assigned[i] = set;
        }
        return new ServicePlan(allMeasures(), sets, assigned);
    }

    private static Map<String, List<String>> topicLabels(RiskSegments risks) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (RiskRule r : risks.rules()) {
            map.put(r.topic(), r.labels());
        }
        return map;
    }

    /**
     * The policy as a table: one line per row with its conditions and measures.
     *
     * @return a readable rendering
     */
    @Override
    public String toString() {
        List<String> header = new ArrayList<>(dimensions);
        header.add(MEASURES);
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < conditions.size(); r++) {
            List<String> row = new ArrayList<>();
            for (Set<String> allowed : conditions.get(r)) {
                row.add(allowed == null ? ANY : String.join("|", new java.util.TreeSet<>(allowed)));
            }
            row.add(String.join("; ", measures.get(r)));
            rows.add(row);
        }
        return "ServicePolicy " + source + "\n" + org.powercx.core.TextTable.render(header, rows);
    }

    /**
     * The policy as CSV cells, for a saved customer model: the header (the dimensions, then
     * {@value #MEASURES}) and one row per rule, labels sorted, measures joined by semicolons.
     *
     * @return the rows of cells
     */
    List<List<String>> cells() {
        List<List<String>> out = new ArrayList<>();
        List<String> header = new ArrayList<>(dimensions);
        header.add(MEASURES);
        out.add(List.copyOf(header));
        for (int r = 0; r < conditions.size(); r++) {
            List<String> row = new ArrayList<>();
            for (Set<String> allowed : conditions.get(r)) {
                row.add(allowed == null ? ANY : String.join("|", new java.util.TreeSet<>(allowed)));
            }
            row.add(String.join(";", measures.get(r)));
            out.add(List.copyOf(row));
        }
        return out;
    }

    /**
     * A policy from the cells of {@link #cells()}, read with the rules of a policy file.
     *
     * @param cells the header and the rows
     * @param sourceName how messages name the source
     * @return the policy
     * @throws SegmentationException as {@link #read(Reader, String)}
     */
    static ServicePolicy ofCells(List<List<String>> cells, String sourceName) {
        java.io.StringWriter text = new java.io.StringWriter();
        CSVFormat format = CSVFormat.RFC4180.builder().setCommentMarker('#').setRecordSeparator('\n').get();
        try (org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(text, format)) {
            for (List<String> row : cells) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read(new java.io.StringReader(text.toString()), sourceName);
    }

    static List<String> labelsOf(ValueSegment[] segments) {
        List<String> labels = new ArrayList<>();
        for (ValueSegment s : segments) {
            labels.add(s.label());
        }
        return labels;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServicePolicy p && dimensions.equals(p.dimensions) && conditions.equals(p.conditions)
            && measures.equals(p.measures);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {dimensions, conditions, measures});
    }
}
