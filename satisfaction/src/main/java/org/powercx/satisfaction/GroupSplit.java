package org.powercx.satisfaction;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.powercx.core.IndicatorTable;

/**
 * The respondents of two groups of a labelled table, pooled in row order, with each group's estimates: the
 * common first step of {@link Micom} and {@link PlsMga}.
 */
final class GroupSplit {
    final String groupA;
    final String groupB;
    /** The respondents of both groups, in row order. */
    final IndicatorTable pooled;
    /** 1 for a pooled respondent of the first group, 0 for the second. */
    final int[] inA;
    final int sizeA;
    final int sizeB;

    private GroupSplit(String groupA, String groupB, IndicatorTable pooled, int[] inA, int sizeA) {
        this.groupA = groupA;
        this.groupB = groupB;
        this.pooled = pooled;
        this.inA = inA;
        this.sizeA = sizeA;
        this.sizeB = inA.length - sizeA;
    }

    /**
     * Validates the labels and the two groups and pools their respondents.
     *
     * @throws SatisfactionException if the data or labels are null, the labels do not match the rows, a label is
     *     null or blank, the groups are null or the same, or a group has no respondents
     */
    static GroupSplit of(IndicatorTable data, List<String> labels, String groupA, String groupB) {
        if (data == null || labels == null) {
            throw new SatisfactionException("data and group labels must not be null");
        }
        if (labels.size() != data.rowCount()) {
            throw new SatisfactionException("%d group labels for %d respondents", labels.size(), data.rowCount());
        }
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i) == null || labels.get(i).isBlank()) {
                throw new SatisfactionException("respondent '%s' has no group label", data.id(i));
            }
        }
        if (groupA == null || groupB == null || groupA.equals(groupB)) {
            throw new SatisfactionException("compare two different groups, not '%s' and '%s'", groupA, groupB);
        }
        IndicatorTable pooled = data.filter(i -> labels.get(i).equals(groupA) || labels.get(i).equals(groupB));
        int n = pooled.rowCount();
        int[] inA = new int[n];
        int sizeA = 0;
        int row = 0;
        for (String label : labels) {
            if (label.equals(groupA)) {
                inA[row++] = 1;
                sizeA++;
            } else if (label.equals(groupB)) {
                row++;
            }
        }
        if (sizeA == 0 || sizeA == n) {
            throw new SatisfactionException("group '%s' has %d respondents and group '%s' has %d", groupA, sizeA,
                groupB, n - sizeA);
        }
        return new GroupSplit(groupA, groupB, pooled, inA, sizeA);
    }

    /** The labels and sizes of the two groups. */
    TwoGroups groups() {
        return new TwoGroups(groupA, groupB, sizeA, sizeB);
    }

    /** The respondents of one group (1 for the first, 0 for the second). */
    IndicatorTable group(int which) {
        return pooled.filter(i -> inA[i] == which);
    }

    /** Estimates the model in both groups; a failure names its group. */
    Map<String, PlsResult> fit(PlsPm estimator, PathModel model) {
        Map<String, PlsResult> out = new TreeMap<>();
        out.put(groupA, fitGroup(estimator, model, 1));
        out.put(groupB, fitGroup(estimator, model, 0));
        return out;
    }

    private PlsResult fitGroup(PlsPm estimator, PathModel model, int which) {
        try {
            return estimator.fit(model, group(which));
        } catch (SatisfactionException e) {
            throw new SatisfactionException("group '%s': %s", which == 1 ? groupA : groupB, e.getMessage());
        }
    }
}
