package org.powercx.satisfaction;

/**
 * The two groups a multigroup result compares: their labels and sizes, shared by {@link MgaResult} and
 * {@link MicomResult}.
 *
 * @param groupA the first group label
 * @param groupB the second group label
 * @param sizeA respondents in the first group
 * @param sizeB respondents in the second group
 */
record TwoGroups(String groupA, String groupB, int sizeA, int sizeB) {

    /** The groups and their sizes as the results' summaries start: {@code "A (n = 148) vs B (n = 102)"}. */
    String describe() {
        return groupA + " (n = " + sizeA + ") vs " + groupB + " (n = " + sizeB + ")";
    }
}
