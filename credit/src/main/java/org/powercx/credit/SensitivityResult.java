package org.powercx.credit;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * Per-indicator changes of score, default probability and grade (means over the customers analysed).
 *
 * @param indicators indicator names, in model order
 * @param baseScore mean decision value before any move
 * @param baseProbability mean default probability before any move
 * @param scoreDown mean change of Z when the indicator moves down
 * @param scoreUp mean change of Z when the indicator moves up
 * @param probabilityDown mean change of the default probability when the indicator moves down
 * @param probabilityUp mean change of the default probability when the indicator moves up
 * @param gradeChangeShare share of customers whose grade changes under either move (NaN without a scale)
 * @since 0.1.0
 */
public record SensitivityResult(List<String> indicators, double baseScore, double baseProbability,
        double[] scoreDown, double[] scoreUp, double[] probabilityDown, double[] probabilityUp,
        double[] gradeChangeShare) {

    /**
     * Validates and copies.
     *
     * @param indicators names
     * @param baseScore mean Z
     * @param baseProbability mean default probability
     * @param scoreDown one per indicator
     * @param scoreUp one per indicator
     * @param probabilityDown one per indicator
     * @param probabilityUp one per indicator
     * @param gradeChangeShare one per indicator
     * @throws CreditException if sizes disagree
     */
    public SensitivityResult {
        int p = indicators == null ? -1 : indicators.size();
        if (scoreDown == null || scoreUp == null || probabilityDown == null || probabilityUp == null
            || gradeChangeShare == null || scoreDown.length != p || scoreUp.length != p
            || probabilityDown.length != p || probabilityUp.length != p || gradeChangeShare.length != p) {
            throw new CreditException("a sensitivity result needs one value per indicator in every column");
        }
        indicators = List.copyOf(indicators);
        scoreDown = scoreDown.clone();
        scoreUp = scoreUp.clone();
        probabilityDown = probabilityDown.clone();
        probabilityUp = probabilityUp.clone();
        gradeChangeShare = gradeChangeShare.clone();
    }

    /**
     * Copy.
     *
     * @return mean Z change, move down
     */
    @Override
    public double[] scoreDown() {
        return scoreDown.clone();
    }

    /**
     * Copy.
     *
     * @return mean Z change, move up
     */
    @Override
    public double[] scoreUp() {
        return scoreUp.clone();
    }

    /**
     * Copy.
     *
     * @return mean probability change, move down
     */
    @Override
    public double[] probabilityDown() {
        return probabilityDown.clone();
    }

    /**
     * Copy.
     *
     * @return mean probability change, move up
     */
    @Override
    public double[] probabilityUp() {
        return probabilityUp.clone();
    }

    /**
     * Copy.
     *
     * @return share of customers changing grade
     */
    @Override
    public double[] gradeChangeShare() {
        return gradeChangeShare.clone();
    }

    /**
     * Indicator positions ordered by the width of the probability swing
     * \( |\Delta P_{up} - \Delta P_{down}| \), widest first (ties by position).
     *
     * @return indices into {@link #indicators()}
     */
    public int[] tornado() {
        int p = indicators.size();
        Integer[] order = new Integer[p];
        for (int j = 0; j < p; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(width(y), width(x)));
        int[] out = new int[p];
        for (int j = 0; j < p; j++) {
            out[j] = order[j];
        }
        return out;
    }

    private double width(int j) {
        return Math.abs(probabilityUp[j] - probabilityDown[j]);
    }

    /**
     * The tornado table: indicators by swing, with score and probability changes.
     *
     * @return the text
     */
    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        for (int j : tornado()) {
            rows.add(List.of(indicators.get(j), TextTable.number(scoreDown[j]), TextTable.number(scoreUp[j]),
                TextTable.number(probabilityDown[j]), TextTable.number(probabilityUp[j]),
                Double.isNaN(gradeChangeShare[j]) ? "-" : TextTable.number(gradeChangeShare[j])));
        }
        return "base score " + TextTable.number(baseScore) + ", base default probability "
            + TextTable.number(baseProbability) + "\n" + TextTable.render(List.of("indicator", "dZ down", "dZ up",
            "dP down", "dP up", "grade change"), rows);
    }
}
