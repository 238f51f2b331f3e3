package org.powercx.credit;

/**
 * The points scale of a scorecard: "points to double the odds" (PDO) and base points at base odds.
 *
 * <p>With good:bad odds \( o \), the score is \( s = \text{offset} + \text{factor} \ln o \), where
 * \( \text{factor} = PDO/\ln 2 \) and \( \text{offset} = \text{base} - \text{factor} \ln o_0 \): a customer at
 * the base odds \( o_0 \) scores the base points and every PDO points double the odds (Anderson 2007, The
 * Credit Scoring Toolkit, Oxford University Press, ch. 11; Siddiqi 2006, Credit Risk Scorecards, ch. 6). Since a
 * logistic model of default gives \( \ln o = -\eta \), \( s = \text{offset} - \text{factor}\,\eta \): higher
 * scores are better.
 *
 * @since 0.2.0
 */
public final class PointsScaling {
    private final double pdo;
    private final double basePoints;
    private final double baseOdds;
    private final double factor;
    private final double offset;

    private PointsScaling(double pdo, double basePoints, double baseOdds) {
        this.pdo = pdo;
        this.basePoints = basePoints;
        this.baseOdds = baseOdds;
        this.factor = pdo / Math.log(2);
        this.offset = basePoints - factor * Math.log(baseOdds);
    }

    /**
     * A scale.
     *
     * @param pdo points to double the odds, positive and finite (for example 20)
     * @param basePoints the score at the base odds, finite (for example 600)
     * @param baseOdds good:bad odds that score the base points, positive and finite (for example 50)
     * @return the scale
     * @throws CreditException if a value is out of range
     */
    public static PointsScaling of(double pdo, double basePoints, double baseOdds) {
        if (!(pdo > 0 && pdo < Double.POSITIVE_INFINITY)) {
            throw new CreditException("points to double the odds must be positive and finite, got %s", pdo);
        }
        if (!Double.isFinite(basePoints)) {
            throw new CreditException("base points must be finite, got %s", basePoints);
        }
        if (!(baseOdds > 0 && baseOdds < Double.POSITIVE_INFINITY)) {
            throw new CreditException("base odds must be positive and finite, got %s", baseOdds);
        }
        return new PointsScaling(pdo, basePoints, baseOdds);
    }

    /**
     * Returns the points to double the odds.
     *
     * @return PDO
     */
    public double pdo() {
        return pdo;
    }

    /**
     * Returns the base points.
     *
     * @return the base points
     */
    public double basePoints() {
        return basePoints;
    }

    /**
     * Returns the base good:bad odds.
     *
     * @return the base odds
     */
    public double baseOdds() {
        return baseOdds;
    }

    /**
     * Returns \( PDO/\ln 2 \).
     *
     * @return the factor
     */
    public double factor() {
        return factor;
    }

    /**
     * Returns \( \text{base} - \text{factor} \ln o_0 \).
     *
     * @return the offset
     */
    public double offset() {
        return offset;
    }

    /**
     * The score of a default log-odds \( \eta = \ln(p/(1-p)) \).
     *
     * @param logit the log-odds of default
     * @return \( \text{offset} - \text{factor}\,\eta \)
     */
    public double points(double logit) {
        return offset - factor * logit;
    }

    /**
     * The default log-odds of a score, the inverse of {@link #points(double)}.
     *
     * @param points a score
     * @return \( (\text{offset} - s)/\text{factor} \)
     */
    public double logit(double points) {
        return (offset - points) / factor;
    }

    @Override
    public String toString() {
        return "PointsScaling[PDO=" + pdo + ", base=" + basePoints + " at odds " + baseOdds + "]";
    }
}
