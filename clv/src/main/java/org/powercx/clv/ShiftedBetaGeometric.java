package org.powercx.clv;

import java.util.List;
import org.apache.commons.math3.special.Beta;
import org.powercx.core.TextTable;

/**
 * The shifted-beta-geometric (sBG) model of contractual retention (Fader and Hardie 2007, How to project
 * customer retention, J. Interactive Marketing 21(1):76-90, doi:10.1002/dir.20074).
 *
 * <p>Each customer renews every period with a constant churn probability \(\theta\) and \(\theta\) varies across
 * customers as Beta(\(\alpha, \beta\)). The period \(T \ge 1\) in which a customer churns has
 * \(P(T=1) = \alpha/(\alpha+\beta)\), \(P(T=t) = P(T=t-1)\,(\beta+t-2)/(\alpha+\beta+t-1)\), survival
 * \(S(t) = B(\alpha, \beta+t)/B(\alpha, \beta)\) and retention rate
 * \(r_t = S(t)/S(t-1) = (\beta+t-1)/(\alpha+\beta+t-1)\), which rises with \(t\) as the disloyal customers leave.
 *
 * <p>The expected lifetime \(E[T] = (\alpha+\beta-1)/(\alpha-1)\) is finite only for \(\alpha > 1\); for
 * \(\alpha \le 1\) it is infinite and {@link #expectedLifetime()} returns {@link Double#POSITIVE_INFINITY}, never a
 * large finite number. Discounted expected lifetime and residual lifetime follow Fader and Hardie (2010),
 * Customer-base valuation in a contractual setting: the perils of ignoring heterogeneity, Marketing Science
 * 29(1):85-93, doi:10.1287/mksc.1080.0482.
 *
 * @param alpha \(\alpha > 0\)
 * @param beta \(\beta > 0\)
 * @serial exclude
 * @since 0.1.0
 */
public record ShiftedBetaGeometric(double alpha, double beta) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private static final int PRODUCT_LIMIT = 1000;

    /**
     * Validates the parameters.
     *
     * @param alpha \(\alpha > 0\), finite
     * @param beta \(\beta > 0\), finite
     * @throws ClvException if a parameter is not positive and finite
     */
    public ShiftedBetaGeometric {
        Checks.positive("sBG alpha", alpha);
        Checks.positive("sBG beta", beta);
    }

    /**
     * Creates a model.
     *
     * @param alpha \(\alpha > 0\)
     * @param beta \(\beta > 0\)
     * @return the model
     * @throws ClvException if a parameter is not positive and finite
     */
    public static ShiftedBetaGeometric of(double alpha, double beta) {
        return new ShiftedBetaGeometric(alpha, beta);
    }

    /**
     * Fits \(\alpha\) and \(\beta\) by maximum likelihood to the survival counts of one or several cohorts. Cohort
     * \(c\) gives the number of customers still active at \(t = 0, 1, \dots, T_c\); the log-likelihood is
     * \(\sum_c [\sum_{t=1}^{T_c} (n_{t-1}-n_t) \ln P(T=t) + n_{T_c} \ln S(T_c)]\).
     *
     * @param cohorts survival counts, each with at least two values, the first positive, none negative, none
     *     larger than the one before, all whole numbers of customers (at most 2<sup>31</sup>-1 in all cohorts at
     *     \(t = 0\)); not modified
     * @return the fit
     * @throws ClvException if a cohort is invalid (naming the cohort, period and value), the counts at \(t = 0\) add
     *     up beyond the double range, or the optimisation fails
     */
    public static ShiftedBetaGeometricFit fit(double[]... cohorts) {
        return ShiftedBetaGeometricFit.of(cohorts);
    }

    /**
     * The log-likelihood of cohort survival counts at these parameters (what {@link #fit} maximises):
     * \(\sum_c [\sum_{t=1}^{T_c} (n_{t-1}-n_t) \ln P(T=t) + n_{T_c} \ln S(T_c)]\).
     *
     * @param cohorts one array per cohort, as for {@link #fit}; not modified
     * @return the log-likelihood
     * @throws ClvException if a cohort is invalid (naming the cohort, period and value)
     */
    public double logLikelihood(double[]... cohorts) {
        ShiftedBetaGeometricFit.Counts counts = ShiftedBetaGeometricFit.counts(cohorts);
        return ShiftedBetaGeometricFit.logLikelihood(alpha, beta, counts.lost(), counts.endAlive());
    }

    /**
     * The probability of churning in period \(t\), \(P(T=t) = B(\alpha+1, \beta+t-1)/B(\alpha, \beta)\).
     *
     * @param t period, at least 1
     * @return the probability
     * @throws ClvException if {@code t < 1}
     */
    public double churnProbability(int t) {
        if (t < 1) {
            throw new ClvException("churn period must be at least 1, got %d", t);
        }
        return survival(t - 1) * alpha / (alpha + beta + t - 1);
    }

    /**
     * The survival function \(S(t) = B(\alpha, \beta+t)/B(\alpha, \beta)\), the probability of being active
     * after \(t\) renewal opportunities.
     *
     * @param t period, at least 0
     * @return the probability
     * @throws ClvException if {@code t < 0}
     */
    public double survival(int t) {
        if (t < 0) {
            throw new ClvException("survival period must be non-negative, got %d", t);
        }
        if (t > PRODUCT_LIMIT) {
            return Math.exp(Beta.logBeta(alpha, beta + t) - Beta.logBeta(alpha, beta));
        }
        double s = 1;
        for (int k = 0; k < t; k++) {
            s *= (beta + k) / (alpha + beta + k);
        }
        return s;
    }

    /**
     * The survival curve \(S(0), \dots, S(n)\).
     *
     * @param periods \(n \ge 0\)
     * @return \(n+1\) values starting with 1
     * @throws ClvException if {@code periods < 0}
     */
    public double[] survivalCurve(int periods) {
        if (periods < 0) {
            throw new ClvException("number of periods must be non-negative, got %d", periods);
        }
        double[] s = new double[periods + 1];
        s[0] = 1;
        for (int t = 1; t <= periods; t++) {
            s[t] = s[t - 1] * (beta + t - 1) / (alpha + beta + t - 1);
        }
        return s;
    }

    /**
     * The retention rate of period \(t\), \(r_t = (\beta+t-1)/(\alpha+\beta+t-1)\).
     *
     * @param t period, at least 1
     * @return the share of customers active at \(t-1\) who are still active at \(t\)
     * @throws ClvException if {@code t < 1}
     */
    public double retentionRate(int t) {
        if (t < 1) {
            throw new ClvException("retention period must be at least 1, got %d", t);
        }
        return (beta + t - 1) / (alpha + beta + t - 1);
    }

    /**
     * The retention curve \(r_1, \dots, r_n\).
     *
     * @param periods \(n \ge 1\)
     * @return \(n\) rates
     * @throws ClvException if {@code periods < 1}
     */
    public double[] retentionCurve(int periods) {
        if (periods < 1) {
            throw new ClvException("number of periods must be at least 1, got %d", periods);
        }
        double[] r = new double[periods];
        for (int t = 1; t <= periods; t++) {
            r[t - 1] = retentionRate(t);
        }
        return r;
    }

    /**
     * Whether the expected lifetime is finite, that is \(\alpha > 1\).
     *
     * @return true when \(\alpha > 1\)
     */
    public boolean hasFiniteExpectedLifetime() {
        return alpha > 1;
    }

    /**
     * The expected lifetime in periods, \(E[T] = (\alpha+\beta-1)/(\alpha-1)\) counting the first period.
     *
     * @return the expectation, or {@link Double#POSITIVE_INFINITY} when \(\alpha \le 1\) (the mean of the
     *     lifetime distribution does not exist: its tail decays like \(t^{-\alpha}\))
     */
    public double expectedLifetime() {
        return hasFiniteExpectedLifetime() ? (alpha + beta - 1) / (alpha - 1) : Double.POSITIVE_INFINITY;
    }

    /**
     * The discounted expected lifetime of a new customer, first payment at \(t = 0\) undiscounted:
     * \(\mathrm{DEL}(d) = \sum_{t \ge 0} S(t)/(1+d)^t = {}_2F_1(1, \beta; \alpha+\beta; 1/(1+d))\). Multiply by
     * the margin per period for the customer's value.
     *
     * @param discountRate \(d \ge 0\); with \(d = 0\) this is {@link #expectedLifetime()} (infinite when
     *     \(\alpha \le 1\))
     * @return DEL in periods
     * @throws ClvException if the rate is negative or not finite, or the series does not converge (a rate so
     *     close to 0 that more than ten million terms would be needed)
     */
    public double discountedExpectedLifetime(double discountRate) {
        Checks.discountRate(discountRate);
        if (discountRate == 0) {
            return expectedLifetime();
        }
        return Hypergeometric.f21(1, beta, alpha + beta, 1 / (1 + discountRate));
    }

    /**
     * The discounted expected residual lifetime of a customer who has renewed \(k\) times (is in period
     * \(n = k+1\)) and is about to make the next renewal decision:
     * \(\mathrm{DERL}(d \mid k) = \frac{\beta+n-1}{\alpha+\beta+n-1}\,{}_2F_1(1, \beta+n; \alpha+\beta+n;
     * 1/(1+d))\) (Fader and Hardie 2010, eq. 6).
     *
     * @param discountRate \(d \ge 0\); with \(d = 0\) the value is \((\beta+k)/(\alpha-1)\), infinite when
     *     \(\alpha \le 1\)
     * @param renewals \(k = n-1 \ge 0\)
     * @return DERL in periods
     * @throws ClvException if an argument is invalid or the series does not converge
     */
    public double discountedExpectedResidualLifetime(double discountRate, int renewals) {
        Checks.discountRate(discountRate);
        if (renewals < 0) {
            throw new ClvException("number of renewals must be non-negative, got %d", renewals);
        }
        if (discountRate == 0) {
            return hasFiniteExpectedLifetime() ? (beta + renewals) / (alpha - 1) : Double.POSITIVE_INFINITY;
        }
        double n = renewals + 1.0;
        return (beta + n - 1) / (alpha + beta + n - 1)
                * Hypergeometric.f21(1, beta + n, alpha + beta + n, 1 / (1 + discountRate));
    }

    /**
     * Shows the parameters, the expected lifetime (stated as infinite when \(\alpha \le 1\)) and the first
     * retention rates.
     *
     * @return an aligned table
     */
    @Override
    public String toString() {
        String lifetime = hasFiniteExpectedLifetime() ? TextTable.number(expectedLifetime())
                : "infinite (alpha <= 1)";
        return "shifted-beta-geometric\n" + TextTable.render(List.of("quantity", "value"), List.of(
                List.of("alpha", TextTable.number(alpha)),
                List.of("beta", TextTable.number(beta)),
                List.of("expected lifetime", lifetime),
                List.of("retention r1", TextTable.number(retentionRate(1))),
                List.of("retention r5", TextTable.number(retentionRate(5)))));
    }
}
