package org.powercx.segmentation;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.TextTable;
import org.powercx.satisfaction.PlsResult;

/**
 * The result of {@link SatisfactionSegmentation#analyse}: the overall estimates and, per segment, the
 * respondents, the 0-100 index of every construct and the segment's own estimates. Immutable.
 *
 * @since 0.1.0
 */
public final class SatisfactionSegments {
    private final PlsResult overall;
    private final List<Segment> segments;

    /**
     * One segment's satisfaction.
     *
     * @param name the segment label
     * @param respondents how many respondents it has
     * @param indices mean 0-100 index of each construct, in the model's construct order
     * @param fit the segment's own estimates, or null when not estimated
     * @param note why the segment was not estimated, or the empty string
     * @since 0.1.0
     */
    public record Segment(String name, int respondents, double[] indices, PlsResult fit, String note) {
        /**
         * Copies the indices.
         *
         * @param name the segment label
         * @param respondents how many respondents it has
         * @param indices mean index of each construct
         * @param fit the segment's estimates, or null
         * @param note why it was not estimated, or the empty string
         */
        public Segment {
            indices = indices.clone();
        }

        /**
         * The indices.
         *
         * @return a new array
         */
        @Override
        public double[] indices() {
            return indices.clone();
        }

        /**
         * Whether the segment's own model was estimated.
         *
         * @return true if {@link #fit()} is not null
         */
        public boolean isEstimated() {
            return fit != null;
        }
    }

    SatisfactionSegments(PlsResult overall, List<Segment> segments) {
        this.overall = overall;
        this.segments = List.copyOf(segments);
    }

    /**
     * The estimates over all respondents.
     *
     * @return the PLS result
     */
    public PlsResult overall() {
        return overall;
    }

    /**
     * The segments, in order of their first respondent.
     *
     * @return an unmodifiable list
     */
    public List<Segment> segments() {
        return segments;
    }

    /**
     * One segment.
     *
     * @param name its label
     * @return the segment
     * @throws SegmentationException if no respondent has that label
     */
    public Segment segment(String name) {
        for (Segment s : segments) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        List<String> names = new ArrayList<>();
        segments.forEach(s -> names.add(s.name()));
        throw new SegmentationException("no respondents in segment '%s'; segments are %s", name, names);
    }

    /**
     * A segment's mean index of one construct.
     *
     * @param segment the segment label
     * @param construct a construct of the model
     * @return the index on 0-100
     * @throws SegmentationException if the segment or construct is unknown
     */
    public double index(String segment, String construct) {
        int j = overall.model().constructNames().indexOf(construct);
        if (j < 0) {
            throw new SegmentationException("unknown construct '%s'; constructs are %s", construct,
                overall.model().constructNames());
        }
        return segment(segment).indices[j];
    }

    /**
     * Per segment: respondents, each construct's index, and the segment's satisfaction-to-loyalty path where
     * estimated.
     *
     * @return a readable table
     */
    @Override
    public String toString() {
        List<String> constructs = overall.model().constructNames();
        List<String> header = new ArrayList<>();
        header.add("segment");
        header.add("respondents");
        header.addAll(constructs);
        List<List<String>> rows = new ArrayList<>();
        for (Segment s : segments) {
            List<String> row = new ArrayList<>();
            row.add(s.name());
            row.add(Integer.toString(s.respondents()));
            for (double v : s.indices) {
                row.add(String.format(java.util.Locale.ROOT, "%.1f", v));
            }
            rows.add(row);
        }
        return "SatisfactionSegments " + overall.sampleSize() + " respondents (0-100 indices)\n"
            + TextTable.render(header, rows);
    }
}
