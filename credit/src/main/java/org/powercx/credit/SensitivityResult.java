package org.powercx.credit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.powercx.core.TextTable;

/**
 * Per-indicator changes of score, default probability and grade (means over the customers analysed).
 *
 * @since 0.1.0
 */
public final class SensitivityResult {
    private final List<String> indicators;
    private final double baseScore;
    private final double baseProbability;
    private final double[] scoreDown;
    private final double[] scoreUp;
    private final double[] probabilityDown;
    private final double[] probabilityUp;
    private final double[] gradeChangeShare;

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
    SensitivityResult(List<String> indicators, double baseScore, double baseProbability, double[] scoreDown,
            double[] scoreUp, double[] probabilityDown, double[] probabilityUp, double[] gradeChangeShare) {
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
        this.indicators = indicators;
        this.baseScore = baseScore;
        this.baseProbability = baseProbability;
        this.scoreDown = scoreDown;
        this.scoreUp = scoreUp;
        this.probabilityDown = probabilityDown;
        this.probabilityUp = probabilityUp;
        this.gradeChangeShare = gradeChangeShare;
    }

    /**
     * Returns the indicator names, in model order.
     *
     * @return indicator names, in model order
     */
    public List<String> indicators() {
        return indicators;
    }

    /**
     * Returns the mean decision value before any move.
     *
     * @return mean decision value before any move
     */
    public double baseScore() {
        return baseScore;
    }

    /**
     * Returns the mean default probability before any move.
     *
     * @return mean default probability before any move
     */
    public double baseProbability() {
        return baseProbability;
    }

    /**
     * Copy.
     *
     * @return mean Z change, move down
     */
    public double[] scoreDown() {
        return scoreDown.clone();
    }

    /**
     * Copy.
     *
     * @return mean Z change, move up
     */
    public double[] scoreUp() {
        return scoreUp.clone();
    }

    /**
     * Copy.
     *
     * @return mean probability change, move down
     */
    public double[] probabilityDown() {
        return probabilityDown.clone();
    }

    /**
     * Copy.
     *
     * @return mean probability change, move up
     */
    public double[] probabilityUp() {
        return probabilityUp.clone();
    }

    /**
     * Copy.
     *
     * @return share of customers changing grade
     */
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

    @Override
    public boolean equals(Object other) {
        return other instanceof SensitivityResult o && Objects.equals(indicators, o.indicators)
            && Double.compare(baseScore, o.baseScore) == 0
            && Double.compare(baseProbability, o.baseProbability) == 0
            && Arrays.equals(scoreDown, o.scoreDown)
            && Arrays.equals(scoreUp, o.scoreUp)
            && Arrays.equals(probabilityDown, o.probabilityDown)
            && Arrays.equals(probabilityUp, o.probabilityUp)
            && Arrays.equals(gradeChangeShare, o.gradeChangeShare);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(indicators, baseScore, baseProbability);
        for (double[] column : new double[][] {scoreDown, scoreUp, probabilityDown, probabilityUp, gradeChangeShare}) {
            h = 31 * h + Arrays.hashCode(column);
        }
        return h;
    }
}
