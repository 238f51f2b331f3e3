package org.powercx.grey;

/**
 * The accuracy grade of a grey forecasting model from its posterior variance ratio C and small-error
 * probability P (Liu and Lin 2010, ch. 6): the best grade whose two conditions both hold.
 *
 * @since 0.1.0
 */
public enum AccuracyGrade {
    /** \(C &lt; 0.35\) and \(P &gt; 0.95\). */
    GOOD(0.35, 0.95),
    /** \(C &lt; 0.5\) and \(P &gt; 0.8\). */
    QUALIFIED(0.5, 0.8),
    /** \(C &lt; 0.65\) and \(P &gt; 0.7\). */
    BARELY_QUALIFIED(0.65, 0.7),
    /** Any other C and P. */
    UNQUALIFIED(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);

    private final double maxC;
    private final double minP;

    AccuracyGrade(double maxC, double minP) {
        this.maxC = maxC;
        this.minP = minP;
    }

    /**
     * The grade of a model.
     *
     * @param c the posterior variance ratio
     * @param p the small-error probability
     * @return the best grade whose conditions hold; UNQUALIFIED when C or P is NaN
     */
    public static AccuracyGrade of(double c, double p) {
        for (AccuracyGrade g : values()) {
            if (c < g.maxC && p > g.minP) {
                return g;
            }
        }
        return UNQUALIFIED;
    }
}
