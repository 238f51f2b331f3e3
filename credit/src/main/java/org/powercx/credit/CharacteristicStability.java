package org.powercx.credit;

/**
 * The stability of one scorecard indicator between a calibration base and a new batch: the population
 * stability index of its bins and the score shift \( \sum_b (a_b - e_b)\,\text{points}_b \), the average change
 * in points the indicator contributes (Siddiqi 2006, Credit Risk Scorecards, ch. 8). Built by
 * {@link ScorecardModel#characteristicStability}.
 *
 * @since 0.2.0
 */
public final class CharacteristicStability {
    private final String indicator;
    private final StabilityReport bins;
    private final double[] points;
    private final double scoreShift;

    CharacteristicStability(String indicator, StabilityReport bins, double[] points) {
        this.indicator = indicator;
        this.bins = bins;
        this.points = points.clone();
        double[] e = bins.expectedShares();
        double[] a = bins.actualShares();
        double s = 0;
        for (int b = 0; b < e.length; b++) {
            s += (a[b] - e[b]) * points[b];
        }
        this.scoreShift = s;
    }

    /**
     * Returns the indicator.
     *
     * @return the indicator
     */
    public String indicator() {
        return indicator;
    }

    /**
     * Returns the counts per bin and their population stability index.
     *
     * @return the counts per bin and their population stability index
     */
    public StabilityReport bins() {
        return bins;
    }

    /**
     * Returns the population stability index of the indicator's bins.
     *
     * @return the population stability index of the indicator's bins
     */
    public double index() {
        return bins.index();
    }

    /**
     * Copy of the points per bin.
     *
     * @return points per bin
     */
    public double[] points() {
        return points.clone();
    }

    /**
     * Returns the score shift \( \sum_b (a_b - e_b)\,\text{points}_b \) (shares without the epsilon rule).
     *
     * @return the score shift
     */
    public double scoreShift() {
        return scoreShift;
    }

    @Override
    public String toString() {
        return "CharacteristicStability[" + indicator + ", PSI=" + bins.index() + ", shift=" + scoreShift + "]";
    }
}
