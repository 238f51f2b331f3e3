package org.powercx.segmentation;

/** Small statistics helpers for the tests. */
final class Stats {
    private Stats() {
    }

    /** AUC by the Mann-Whitney statistic with ties counted one half; label 1 is the positive class. */
    static double auc(double[] score, int[] label) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double rankSum = 0;
        long pos = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j < order.length && score[order[j]] == score[order[i]]) {
                j++;
            }
            double rank = (i + j + 1) / 2.0;
            for (int k = i; k < j; k++) {
                if (label[order[k]] == 1) {
                    rankSum += rank;
                    pos++;
                }
            }
            i = j;
        }
        long neg = score.length - pos;
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }
}
