package org.powercx.clv;

import java.util.List;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;
import org.powercx.core.TextTable;

/**
 * The beta-geometric/beta-binomial (BG/BB) model of repeat transactions in discrete time (Fader, Hardie and Shang
 * 2010, Customer-base analysis in a discrete-time noncontractual setting, Marketing Science 29(6):1086-1108,
 * doi:10.1287/mksc.1100.0580).
 *
 * <p>A customer has \(n\) transaction opportunities (a yearly donation drive, a monthly meter-reading visit). While
 * alive, the customer transacts at each opportunity with probability \(p \sim \mathrm{Beta}(\alpha, \beta)\), and
 * becomes inactive at the start of each opportunity with probability \(\theta \sim \mathrm{Beta}(\gamma,
 * \delta)\). A history is summarised by the number of repeat transactions \(x\), the opportunity of the last one
 * \(t_x\) (\(x \le t_x \le n\), 0 when \(x = 0\)) and \(n\). The likelihood of one history is
 * \[ L = \frac{B(\alpha+x, \beta+n-x)}{B(\alpha, \beta)} \frac{B(\gamma, \delta+n)}{B(\gamma, \delta)}
 *    + \sum_{i=0}^{n-t_x-1} \frac{B(\alpha+x, \beta+t_x-x+i)}{B(\alpha, \beta)}
 *    \frac{B(\gamma+1, \delta+t_x+i)}{B(\gamma, \delta)}. \]
 *
 * @param alpha \(\alpha > 0\) of the transaction-probability distribution
 * @param beta \(\beta > 0\) of the transaction-probability distribution
 * @param gamma \(\gamma > 0\) of the dropout-probability distribution
 * @param delta \(\delta > 0\) of the dropout-probability distribution
 * @serial exclude
 * @since 0.1.0
 */
public record BgBb(double alpha, double beta, double gamma, double delta) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Validates the parameters.
     *
     * @param alpha \(\alpha > 0\), finite
     * @param beta \(\beta > 0\), finite
     * @param gamma \(\gamma > 0\), finite
     * @param delta \(\delta > 0\), finite
     * @throws ClvException if a parameter is not positive and finite
     */
    public BgBb {
        Checks.positive("BG/BB alpha", alpha);
        Checks.positive("BG/BB beta", beta);
        Checks.positive("BG/BB gamma", gamma);
        Checks.positive("BG/BB delta", delta);
    }

    /**
     * Creates a model.
     *
     * @param alpha \(\alpha > 0\)
     * @param beta \(\beta > 0\)
     * @param gamma \(\gamma > 0\)
     * @param delta \(\delta > 0\)
     * @return the model
     * @throws ClvException if a parameter is not positive and finite
     */
    public static BgBb of(double alpha, double beta, double gamma, double delta) {
        return new BgBb(alpha, beta, gamma, delta);
    }

    /**
     * Fits the model by maximum likelihood, one customer per entry, on the logarithms of
     * \((\alpha, \beta, \gamma, \delta)\) from the start \((1, 1, 1, 1)\) with BOBYQA.
     *
     * @param frequency repeat transactions \(x\), whole numbers \(\ge 0\); not modified
     * @param recency opportunity of the last repeat transaction \(t_x\), a whole number with \(x \le t_x \le n\),
     *     0 when \(x = 0\); not modified
     * @param opportunities number of opportunities \(n \ge 1\), a whole number; not modified
     * @return the fit
     * @throws ClvException if the arrays are empty or differ in length, a history is invalid (naming the entry and
     *     values) or the optimisation fails (with its last state)
     */
    public static BgBbFit fit(double[] frequency, double[] recency, double[] opportunities) {
        return BgBbFit.of(BgBbFit.histories(frequency, recency, opportunities, null));
    }

    /**
     * Fits the model by maximum likelihood to histories with the number of customers who share each (the
     * aggregated form in which Fader, Hardie and Shang publish their data).
     *
     * @param frequency repeat transactions \(x\) of each history; not modified
     * @param recency opportunity of the last repeat transaction \(t_x\) of each history; not modified
     * @param opportunities number of opportunities \(n\) of each history; not modified
     * @param customers number of customers with each history, whole numbers \(\ge 0\) adding up to at least 1
     *     and at most {@link Integer#MAX_VALUE}; not modified
     * @return the fit
     * @throws ClvException if the arrays are empty or differ in length, a history or count is invalid (naming the
     *     entry and values) or the optimisation fails (with its last state)
     */
    public static BgBbFit fit(double[] frequency, double[] recency, double[] opportunities, double[] customers) {
        if (customers == null) {
            throw new ClvException("customer counts must not be null");
        }
        return BgBbFit.of(BgBbFit.histories(frequency, recency, opportunities, customers));
    }

    /**
     * The log-likelihood of one history, \(\ln L\) as in the class description.
     *
     * @param x frequency
     * @param tx recency
     * @param n opportunities
     * @return \(\ln L\)
     * @throws ClvException if the history is invalid
     */
    public double logLikelihood(double x, double tx, double n) {
        BgBbFit.check(0, x, tx, n);
        return logL(x, tx, n);
    }

    /**
     * The log-likelihood of a sample of histories with their customer counts at these parameters (what
     * {@link #fit(double[], double[], double[], double[])} maximises).
     *
     * @param frequency repeat transactions \(x\) of each history; not modified
     * @param recency opportunity of the last repeat transaction of each history; not modified
     * @param opportunities number of opportunities of each history; not modified
     * @param customers number of customers with each history; not modified
     * @return \(\sum_i c_i \ln L_i\)
     * @throws ClvException if the arrays are null, empty or differ in length, or a history or count is invalid
     */
    public double logLikelihood(double[] frequency, double[] recency, double[] opportunities, double[] customers) {
        if (customers == null) {
            throw new ClvException("customer counts must not be null");
        }
        return BgBbFit.histories(frequency, recency, opportunities, customers).logLikelihood(this);
    }

    double logL(double x, double tx, double n) {
        double logBab = Beta.logBeta(alpha, beta);
        double logBgd = Beta.logBeta(gamma, delta);
        double first = Beta.logBeta(alpha + x, beta + n - x) - logBab + Beta.logBeta(gamma, delta + n) - logBgd;
        double hi = first;
        int terms = (int) (n - tx);
        double[] logTerms = new double[terms];
        for (int i = 0; i < terms; i++) {
            logTerms[i] = Beta.logBeta(alpha + x, beta + tx - x + i) - logBab
                    + Beta.logBeta(gamma + 1, delta + tx + i) - logBgd;
            hi = Math.max(hi, logTerms[i]);
        }
        double sum = Math.exp(first - hi);
        for (double t : logTerms) {
            sum += Math.exp(t - hi);
        }
        return hi + Math.log(sum);
    }

    /**
     * The probability that a customer with history \((x, t_x, n)\) is alive at opportunity \(n+1\) (Fader, Hardie
     * and Shang 2010, equation 11):
     * \(\frac{B(\alpha+x, \beta+n-x)}{B(\alpha, \beta)} \frac{B(\gamma, \delta+n+1)}{B(\gamma, \delta)} / L\).
     *
     * @param x frequency
     * @param tx recency
     * @param n opportunities
     * @return the probability
     * @throws ClvException if the history is invalid
     */
    public double probabilityAlive(double x, double tx, double n) {
        BgBbFit.check(0, x, tx, n);
        return alive(x, tx, n);
    }

    private double alive(double x, double tx, double n) {
        return Math.exp(Beta.logBeta(alpha + x, beta + n - x) - Beta.logBeta(alpha, beta)
                + Beta.logBeta(gamma, delta + n + 1) - Beta.logBeta(gamma, delta) - logL(x, tx, n));
    }

    /**
     * The probability alive at opportunity \(n+1\) of many customers, {@link #probabilityAlive(double, double,
     * double)} for each.
     *
     * @param frequency frequencies; not modified
     * @param recency recencies; not modified
     * @param opportunities opportunities; not modified
     * @param out receives the probabilities, at least as long as {@code frequency}; modified (may be {@code null},
     *     then a new array is returned)
     * @return {@code out}, or the new array
     * @throws ClvException if the arrays are null or differ in length, {@code out} is too short, or a history is
     *     invalid (naming its index)
     */
    public double[] probabilityAlive(double[] frequency, double[] recency, double[] opportunities, double[] out) {
        double[] result = BgBbFit.checkColumns(frequency, recency, opportunities, out);
        for (int i = 0; i < frequency.length; i++) {
            result[i] = alive(frequency[i], recency[i], opportunities[i]);
        }
        return result;
    }

    /**
     * The expected number of transactions in the next \(n^*\) opportunities of a customer with history
     * \((x, t_x, n)\) (Fader, Hardie and Shang 2010, equation 13):
     * \[ \frac{1}{L} \frac{B(\alpha+x+1, \beta+n-x)}{B(\alpha, \beta)} \frac{\delta}{\gamma-1}
     *    \frac{\Gamma(\gamma+\delta)}{\Gamma(1+\delta)} \left[\frac{\Gamma(1+\delta+n)}{\Gamma(\gamma+\delta+n)}
     *    - \frac{\Gamma(1+\delta+n+n^*)}{\Gamma(\gamma+\delta+n+n^*)}\right]. \]
     *
     * @param futureOpportunities \(n^* \ge 0\)
     * @param x frequency
     * @param tx recency
     * @param n opportunities
     * @return the expectation
     * @throws ClvException if an argument is invalid, or \(\gamma = 1\) (where the closed form does not apply)
     */
    public double conditionalExpectedTransactions(int futureOpportunities, double x, double tx, double n) {
        checkFuture(futureOpportunities);
        BgBbFit.check(0, x, tx, n);
        return conditional(futureOpportunities, x, tx, n);
    }

    /**
     * The expected number of transactions in the next \(n^*\) opportunities of many customers,
     * {@link #conditionalExpectedTransactions(int, double, double, double)} for each.
     *
     * @param futureOpportunities \(n^* \ge 0\)
     * @param frequency frequencies; not modified
     * @param recency recencies; not modified
     * @param opportunities opportunities; not modified
     * @param out receives the expectations, at least as long as {@code frequency}; modified (may be {@code null},
     *     then a new array is returned)
     * @return {@code out}, or the new array
     * @throws ClvException if an argument is invalid (a history naming its index), or \(\gamma = 1\)
     */
    public double[] conditionalExpectedTransactions(int futureOpportunities, double[] frequency, double[] recency,
            double[] opportunities, double[] out) {
        checkFuture(futureOpportunities);
        double[] result = BgBbFit.checkColumns(frequency, recency, opportunities, out);
        for (int i = 0; i < frequency.length; i++) {
            result[i] = conditional(futureOpportunities, frequency[i], recency[i], opportunities[i]);
        }
        return result;
    }

    private static void checkFuture(int futureOpportunities) {
        if (futureOpportunities < 0) {
            throw new ClvException("number of future opportunities must be non-negative, got %d", futureOpportunities);
        }
    }

    private double conditional(int future, double x, double tx, double n) {
        double growth = growth(n, future);
        double logFront = Beta.logBeta(alpha + x + 1, beta + n - x) - Beta.logBeta(alpha, beta) - logL(x, tx, n);
        return Math.exp(logFront) * growth;
    }

    /**
     * \(\frac{\delta}{\gamma-1} \frac{\Gamma(\gamma+\delta)}{\Gamma(1+\delta)} [\frac{\Gamma(1+\delta+n)}{
     * \Gamma(\gamma+\delta+n)} - \frac{\Gamma(1+\delta+n+m)}{\Gamma(\gamma+\delta+n+m)}]\), in logs.
     */
    private double growth(double n, int m) {
        if (gamma == 1) {
            throw new ClvException("BG/BB expected transactions need gamma != 1, got gamma=%s", gamma);
        }
        double common = Gamma.logGamma(gamma + delta) - Gamma.logGamma(1 + delta);
        double first = Math.exp(common + Gamma.logGamma(1 + delta + n) - Gamma.logGamma(gamma + delta + n));
        double second = Math.exp(common + Gamma.logGamma(1 + delta + n + m) - Gamma.logGamma(gamma + delta + n + m));
        return delta / (gamma - 1) * (first - second);
    }

    /**
     * The expected number of transactions of a new customer in the first \(n\) opportunities,
     * \(E[X(n)] = \frac{\alpha}{\alpha+\beta} \frac{\delta}{\gamma-1} [1 - \frac{\Gamma(\gamma+\delta)}
     * {\Gamma(\gamma+\delta+n)} \frac{\Gamma(1+\delta+n)}{\Gamma(1+\delta)}]\).
     *
     * @param n opportunities, \(n \ge 0\)
     * @return the expectation
     * @throws ClvException if {@code n} is negative or \(\gamma = 1\)
     */
    public double expectedTransactions(int n) {
        if (n < 0) {
            throw new ClvException("number of opportunities must be non-negative, got %d", n);
        }
        return alpha / (alpha + beta) * growth(0, n);
    }

    /**
     * The probability that a new customer makes exactly \(x\) transactions in the first \(n\) opportunities (Fader,
     * Hardie and Shang 2010, equation 8):
     * \[ P(X(n) = x) = \binom{n}{x} \frac{B(\alpha+x, \beta+n-x)}{B(\alpha, \beta)}
     *    \frac{B(\gamma, \delta+n)}{B(\gamma, \delta)} + \sum_{i=x}^{n-1} \binom{i}{x}
     *    \frac{B(\alpha+x, \beta+i-x)}{B(\alpha, \beta)} \frac{B(\gamma+1, \delta+i)}{B(\gamma, \delta)}. \]
     *
     * @param n opportunities, \(n \ge 0\)
     * @param x transactions, \(0 \le x \le n\)
     * @return the probability
     * @throws ClvException if {@code n} is negative or {@code x} outside \([0, n]\)
     */
    public double probabilityOfPurchases(int n, int x) {
        if (n < 0 || x < 0 || x > n) {
            throw new ClvException("BG/BB needs 0 <= x <= n opportunities, got x=%d, n=%d", x, n);
        }
        double logBab = Beta.logBeta(alpha, beta);
        double logBgd = Beta.logBeta(gamma, delta);
        double p = Math.exp(logChoose(n, x) + Beta.logBeta(alpha + x, beta + n - x) - logBab
                + Beta.logBeta(gamma, delta + n) - logBgd);
        for (int i = x; i < n; i++) {
            p += Math.exp(logChoose(i, x) + Beta.logBeta(alpha + x, beta + i - x) - logBab
                    + Beta.logBeta(gamma + 1, delta + i) - logBgd);
        }
        return p;
    }

    private static double logChoose(int n, int k) {
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
    }

    /**
     * Shows the parameters.
     *
     * @return an aligned table
     */
    @Override
    public String toString() {
        return "BG/BB\n" + table(this, List.of());
    }

    static String table(BgBb m, List<List<String>> extra) {
        List<List<String>> rows = new java.util.ArrayList<>(List.of(
                List.of("alpha", TextTable.number(m.alpha)),
                List.of("beta", TextTable.number(m.beta)),
                List.of("gamma", TextTable.number(m.gamma)),
                List.of("delta", TextTable.number(m.delta))));
        rows.addAll(extra);
        return TextTable.render(List.of("parameter", "value"), rows);
    }
}
