package org.powercx.segmentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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
     * One segment's satisfaction, built by {@link SatisfactionSegmentation}.
     *
     * @since 0.1.0
     */
    public static final class Segment {
        private final String name;
        private final int respondents;
        private final double[] indices;
        private final PlsResult fit;
        private final String note;

        /**
         * Copies the indices.
         *
         * @param name the segment label
         * @param respondents how many respondents it has
         * @param indices mean index of each construct
         * @param fit the segment's estimates, or null
         * @param note why it was not estimated, or the empty string
         */
        Segment(String name, int respondents, double[] indices, PlsResult fit, String note) {
            this.name = name;
            this.respondents = respondents;
            this.indices = indices.clone();
            this.fit = fit;
            this.note = note;
        }

        /**
         * The segment label.
         *
         * @return the label
         */
        public String name() {
            return name;
        }

        /**
         * How many respondents the segment has.
         *
         * @return the count
         */
        public int respondents() {
            return respondents;
        }

        /**
         * The mean 0-100 index of each construct, in the model's construct order.
         *
         * @return a new array
         */
        public double[] indices() {
            return indices.clone();
        }

        /**
         * The segment's own estimates.
         *
         * @return the estimates, or null when the segment was not estimated
         */
        public PlsResult fit() {
            return fit;
        }

        /**
         * Why the segment was not estimated.
         *
         * @return the reason, or the empty string
         */
        public String note() {
            return note;
        }

        /**
         * Whether the segment's own model was estimated.
         *
         * @return true if {@link #fit()} is not null
         */
        public boolean isEstimated() {
            return fit != null;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Segment o && Objects.equals(name, o.name) && respondents == o.respondents
                && Arrays.equals(indices, o.indices) && Objects.equals(fit, o.fit) && Objects.equals(note, o.note);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hash(name, respondents, fit, note) + Arrays.hashCode(indices);
        }

        /**
         * The components, as a record would print them.
         *
         * @return {@code Segment[name=..., respondents=..., ...]}
         */
        @Override
        public String toString() {
            return "Segment[name=" + name + ", respondents=" + respondents + ", indices=" + Arrays.toString(indices)
                + ", fit=" + fit + ", note=" + note + "]";
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
