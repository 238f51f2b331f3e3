package org.powercx.segmentation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercx.core.CoreException;
import org.powercx.core.IndicatorTable;
import org.powercx.satisfaction.GroupComparison;
import org.powercx.satisfaction.PathModel;
import org.powercx.satisfaction.PlsPm;
import org.powercx.satisfaction.PlsGroups;
import org.powercx.satisfaction.PlsResult;
import org.powercx.satisfaction.SatisfactionIndex;
import org.powercx.satisfaction.SatisfactionException;

/**
 * Satisfaction segmentation: the customer satisfaction index model estimated by PLS path modeling over all
 * respondents and within each segment, with 0-100 indices per construct and segment.
 *
 * <p>The model is estimated with the satisfaction module's {@link PlsPm} (default: the power-industry CSI
 * template {@link PathModel#powerCsi()}). Construct \( j \)'s
 * index for respondent \( i \) is the satisfaction module's {@link SatisfactionIndex}, by the ACSI method (C. Fornell et al. 1996, The American Customer
 * Satisfaction Index, J. Marketing 60(4), 7-18, doi:10.1177/002224299606000403): the unstandardised outer
 * weights of the overall fit rescaled to sum one, \( \tilde w_k \), give
 * \( I_{ij} = 100\,(\sum_k \tilde w_k x_{ik} - x_{\min}) / (x_{\max} - x_{\min}) \) on an answer scale
 * \( [x_{\min}, x_{\max}] \) (default 1-10). A segment's index is the mean over its respondents. Within each
 * segment of at least {@value #DEFAULT_MINIMUM_SEGMENT} respondents the model is estimated again, so that path
 * coefficients can be compared between segments; {@link #compare} tests the differences by permutation.
 * Immutable.
 *
 * @since 0.1.0
 */
public final class SatisfactionSegmentation {
    /** Smallest segment whose own path model is estimated, by default. */
    public static final int DEFAULT_MINIMUM_SEGMENT = 50;
    /** Lowest answer of the default scale, the 1-10 scale of the ECSI and ACSI questionnaires. */
    public static final double DEFAULT_SCALE_MIN = 1;
    /** Highest answer of the default scale. */
    public static final double DEFAULT_SCALE_MAX = 10;
    private static final SatisfactionSegmentation DEFAULTS = new SatisfactionSegmentation(PathModel.powerCsi(),
        PlsPm.withDefaults(), DEFAULT_SCALE_MIN, DEFAULT_SCALE_MAX, DEFAULT_MINIMUM_SEGMENT);

    private final PathModel model;
    private final PlsPm pls;
    private final double scaleMin;
    private final double scaleMax;
    private final int minimumSegment;

    private SatisfactionSegmentation(PathModel model, PlsPm pls, double scaleMin, double scaleMax, int minimumSegment) {
        this.model = model;
        this.pls = pls;
        this.scaleMin = scaleMin;
        this.scaleMax = scaleMax;
        this.minimumSegment = minimumSegment;
    }

    /**
     * The power CSI model, default PLS-PM, a 1-10 scale and segments of at least
     * {@value #DEFAULT_MINIMUM_SEGMENT}.
     *
     * @return the calculator
     */
    public static SatisfactionSegmentation withDefaults() {
        return DEFAULTS;
    }

    /**
     * Uses another path model.
     *
     * @param newModel the model; its items must be columns of the survey
     * @return a new calculator
     * @throws SegmentationException if the model is null
     */
    public SatisfactionSegmentation with(PathModel newModel) {
        if (newModel == null) {
            throw new SegmentationException("path model is null");
        }
        return new SatisfactionSegmentation(newModel, pls, scaleMin, scaleMax, minimumSegment);
    }

    /**
     * Uses another PLS-PM estimator (inner scheme, scaling, tolerance).
     *
     * @param newPls the estimator
     * @return a new calculator
     * @throws SegmentationException if the estimator is null
     */
    public SatisfactionSegmentation with(PlsPm newPls) {
        if (newPls == null) {
            throw new SegmentationException("PLS-PM estimator is null");
        }
        return new SatisfactionSegmentation(model, newPls, scaleMin, scaleMax, minimumSegment);
    }

    /**
     * Sets the answer scale.
     *
     * @param min lowest answer
     * @param max highest answer, above {@code min}
     * @return a new calculator
     * @throws SegmentationException if the bounds are not finite or not increasing
     */
    public SatisfactionSegmentation withScale(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
            throw new SegmentationException("answer scale must be finite with min < max but was [%s, %s]", min, max);
        }
        return new SatisfactionSegmentation(model, pls, min, max, minimumSegment);
    }

    /**
     * Sets the smallest segment whose own model is estimated.
     *
     * @param respondents at least 10
     * @return a new calculator
     * @throws SegmentationException if below 10
     */
    public SatisfactionSegmentation withMinimumSegment(int respondents) {
        if (respondents < 10) {
            throw new SegmentationException("minimum segment size must be at least 10 but was %d", respondents);
        }
        return new SatisfactionSegmentation(model, pls, scaleMin, scaleMax, respondents);
    }

    /**
     * The path model.
     *
     * @return the model
     */
    public PathModel model() {
        return model;
    }

    /**
     * Checks that the survey holds every item of the model.
     *
     * @param survey the answers
     * @throws SegmentationException naming the first missing item
     */
    public void check(IndicatorTable survey) {
        if (survey == null) {
            throw new SegmentationException("survey table is null");
        }
        for (String item : model.indicatorNames()) {
            if (!survey.contains(item)) {
                throw new SegmentationException("satisfaction model: unknown indicator '%s'; the survey has %s", item,
                    survey.indicatorNames());
            }
        }
    }

    /**
     * Estimates the model overall and per segment and computes the indices.
     *
     * @param survey the answers, one row per respondent; not modified
     * @param segmentOfRespondent each respondent's segment label, in survey row order
     * @return the estimates and indices
     * @throws SegmentationException if an item is missing, the sizes differ, a label is null, an answer lies
     *     outside the scale (naming respondent and item), or the overall model cannot be estimated
     */
    public SatisfactionSegments analyse(IndicatorTable survey, List<String> segmentOfRespondent) {
        check(survey);
        if (segmentOfRespondent == null || segmentOfRespondent.size() != survey.rowCount()) {
            throw new SegmentationException("%d respondents but %s segment labels", survey.rowCount(),
                segmentOfRespondent == null ? "no" : String.valueOf(segmentOfRespondent.size()));
        }
        List<String> items = model.indicatorNames();
        for (String item : items) {
            double[] col = survey.column(item);
            for (int i = 0; i < col.length; i++) {
                if (col[i] < scaleMin || col[i] > scaleMax) {
                    throw new SegmentationException("respondent '%s', item '%s': answer %s is outside the scale [%s, %s]",
                        survey.id(i), item, col[i], scaleMin, scaleMax);
                }
            }
        }
        PlsResult overall = fit(survey, "all respondents");
        double[][] index = indices(overall);
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int i = 0; i < segmentOfRespondent.size(); i++) {
            String label = segmentOfRespondent.get(i);
            if (label == null) {
                throw new SegmentationException("respondent '%s' has no segment label", survey.id(i));
            }
            rows.computeIfAbsent(label, k -> new ArrayList<>()).add(i);
        }
        List<SatisfactionSegments.Segment> segments = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : rows.entrySet()) {
            List<Integer> members = e.getValue();
            double[] mean = new double[index.length];
            for (int j = 0; j < index.length; j++) {
                for (int i : members) {
                    mean[j] += index[j][i];
                }
                mean[j] /= members.size();
            }
            PlsResult own = null;
            String note = "";
            if (members.size() >= minimumSegment) {
                java.util.Set<Integer> set = new java.util.HashSet<>(members);
                try {
                    own = pls.fit(model, survey.filter(set::contains));
                } catch (SatisfactionException ex) {
                    note = ex.getMessage();
                }
            } else {
                note = "fewer than " + minimumSegment + " respondents";
            }
            segments.add(new SatisfactionSegments.Segment(e.getKey(), members.size(), mean, own, note));
        }
        return new SatisfactionSegments(overall, segments);
    }

    private PlsResult fit(IndicatorTable survey, String what) {
        try {
            return pls.fit(model, survey);
        } catch (SatisfactionException | CoreException e) {
            throw new SegmentationException(e, "satisfaction model on %s: %s", what, e.getMessage());
        }
    }

    /** {@code index[j][i]}: construct j's 0-100 index of respondent i, by the satisfaction module. */
    private double[][] indices(PlsResult fit) {
        try {
            SatisfactionIndex index = SatisfactionIndex.of(fit, scaleMin, scaleMax);
            List<String> constructs = model.constructNames();
            double[][] out = new double[constructs.size()][];
            for (int j = 0; j < out.length; j++) {
                out[j] = index.respondentIndices(constructs.get(j));
            }
            return out;
        } catch (SatisfactionException e) {
            throw new SegmentationException(e, "satisfaction index: %s", e.getMessage());
        }
    }

    /**
     * Tests every path's difference between two segments with the satisfaction module's seeded permutation test
     * ({@link PlsGroups#compare}).
     *
     * @param survey the answers
     * @param segmentOfRespondent each respondent's segment label, in survey row order
     * @param segmentA the first segment
     * @param segmentB the second segment
     * @param permutations how many permutations, at least 1
     * @param seed the seed; the same seed gives the same p values
     * @return the coefficients of both segments, their differences and p values
     * @throws SegmentationException if an item is missing, the labels do not match the rows, a segment is empty
     *     or the model cannot be estimated in a segment
     */
    public GroupComparison compare(IndicatorTable survey, List<String> segmentOfRespondent, String segmentA,
            String segmentB, int permutations, long seed) {
        check(survey);
        try {
            return PlsGroups.withDefaults().with(pls).withPermutations(permutations)
                .compare(model, survey, segmentOfRespondent, segmentA, segmentB, seed);
        } catch (SatisfactionException | CoreException e) {
            throw new SegmentationException(e, "segment comparison: %s", e.getMessage());
        }
    }
}
