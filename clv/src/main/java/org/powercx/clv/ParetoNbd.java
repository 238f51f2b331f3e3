package org.powercx.clv;

import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.powercx.core.TextTable;

/**
 * The Pareto/NBD model of non-contractual repeat purchasing (Schmittlein, Morrison and Colombo 1987, Counting your
 * customers: who are they and what will they do next?, Management Science 33(1):1-24, doi:10.1287/mnsc.33.1.1;
 * likelihood and conditional expressions as in Fader, Hardie and Lee 2005, RFM and CLV: using iso-value curves
 * for customer base analysis, J. Marketing Research 42(4):415-430, doi:10.1509/jmkr.2005.42.4.415, and Fader and
 * Hardie 2005, A note on deriving the Pareto/NBD model and related expressions, brucehardie.com note 008).
 *
 * <p>While alive a customer buys as a Poisson process of rate \(\lambda \sim \mathrm{Gamma}(r, \alpha)\) and has
 * an exponential lifetime of rate \(\mu \sim \mathrm{Gamma}(s, \beta)\). For a history \((x, t_x, T)\) the
 * likelihood is
 * \[ L = \frac{\Gamma(r+x)\alpha^r\beta^s}{\Gamma(r)} \left[\frac{1}{(\alpha+T)^{r+x}(\beta+T)^s}
 *    + \frac{s}{r+s+x} A_0\right], \]
 * with, for \(\alpha \ge \beta\), \(A_0 = \frac{F(\alpha-\beta, \alpha+t_x, s+1)}{(\alpha+t_x)^{r+s+x}}
 * - \frac{F(\alpha-\beta, \alpha+T, s+1)}{(\alpha+T)^{r+s+x}}\) and, for \(\alpha &lt; \beta\), the same with
 * \(\alpha\) and \(\beta\) exchanged and \(r+x\) in place of \(s+1\), where
 * \(F(d, u, b) = {}_2F_1(r+s+x, b; r+s+x+1; d/u)\).
 *
 * @param r shape \(r > 0\) of the purchase-rate distribution
 * @param alpha scale \(\alpha > 0\) of the purchase-rate distribution (in the time unit of the data)
 * @param s shape \(s > 0\) of the dropout-rate distribution
 * @param beta scale \(\beta > 0\) of the dropout-rate distribution (in the time unit of the data)
 * @serial exclude
 * @since 0.1.0
 */
public record ParetoNbd(double r, double alpha, double s, double beta) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Validates the parameters.
     *
     * @param r \(r > 0\), finite
     * @param alpha \(\alpha > 0\), finite
     * @param s \(s > 0\), finite
     * @param beta \(\beta > 0\), finite
     * @throws ClvException if a parameter is not positive and finite
     */
    public ParetoNbd {
        Checks.positive("Pareto/NBD r", r);
        Checks.positive("Pareto/NBD alpha", alpha);
        Checks.positive("Pareto/NBD s", s);
        Checks.positive("Pareto/NBD beta", beta);
    }

    /**
     * Creates a model.
     *
     * @param r \(r > 0\)
     * @param alpha \(\alpha > 0\)
     * @param s \(s > 0\)
     * @param beta \(\beta > 0\)
     * @return the model
     * @throws ClvException if a parameter is not positive and finite
     */
    public static ParetoNbd of(double r, double alpha, double s, double beta) {
        return new ParetoNbd(r, alpha, s, beta);
    }

    /**
     * Fits the model by maximum likelihood on the logarithms of \((r, \alpha, s, \beta)\) from the start
     * \((1, 1, 1, 1)\) with BOBYQA.
     *
     * @param frequency number of repeat purchases \(x\) per customer, whole numbers \(\ge 0\); not modified
     * @param recency time of the last repeat purchase \(t_x\), \(0 \le t_x \le T\) and 0 when \(x = 0\); not
     *     modified
     * @param age time since the first purchase \(T > 0\); not modified
     * @return the fit
     * @throws ClvException if the arrays are empty or differ in length, a customer's values are invalid (naming
     *     the customer index and values) or the optimisation fails (with its last state)
     */
    public static ParetoNbdFit fit(double[] frequency, double[] recency, double[] age) {
        return ParetoNbdFit.of(PurchaseHistory.of(frequency, recency, age));
    }

    /**
     * The log-likelihood of one customer's history.
     *
     * @param x frequency
     * @param tx recency
     * @param age age \(T\)
     * @return \(\ln L\)
     * @throws ClvException if the history is invalid
     */
    public double logLikelihood(double x, double tx, double age) {
        PurchaseHistory.check(0, x, tx, age);
        return Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha) + s * Math.log(beta)
                + logBracket(x, tx, age);
    }

    /**
     * The log-likelihood of a sample of customers at these parameters (what {@link #fit} maximises).
     *
     * @param frequency number of repeat purchases \(x\) per customer; not modified
     * @param recency time of the last repeat purchase \(t_x\); not modified
     * @param age time since the first purchase \(T\); not modified
     * @return \(\sum_i \ln L_i\)
     * @throws ClvException if the arrays are empty or differ in length, or a customer's values are invalid
     */
    public double logLikelihood(double[] frequency, double[] recency, double[] age) {
        return ParetoNbdFit.logLikelihood(this, PurchaseHistory.of(frequency, recency, age));
    }

    /** \(\ln[(\alpha+T)^{-(r+x)}(\beta+T)^{-s} + s/(r+s+x) A_0]\), by log-sum-exp. */
    double logBracket(double x, double tx, double age) {
        double logFirst = -(r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
        double logA0 = logA0(x, tx, age);
        if (logA0 == Double.NEGATIVE_INFINITY) {
            return logFirst;
        }
        double logSecond = Math.log(s / (r + s + x)) + logA0;
        double hi = Math.max(logFirst, logSecond);
        return hi + Math.log1p(Math.exp(Math.min(logFirst, logSecond) - hi));
    }

    /** \(\ln A_0\), the difference of the two hypergeometric terms taken in logs. */
    private double logA0(double x, double tx, double age) {
        double rsx = r + s + x;
        double big;
        double small;
        double b;
        if (alpha >= beta) {
            big = alpha;
            small = beta;
            b = s + 1;
        } else {
            big = beta;
            small = alpha;
            b = r + x;
        }
        double d = big - small;
        double atTx = Math.log(Hypergeometric.f21(rsx, b, rsx + 1, d / (big + tx))) - rsx * Math.log(big + tx);
        double atT = Math.log(Hypergeometric.f21(rsx, b, rsx + 1, d / (big + age))) - rsx * Math.log(big + age);
        if (!(atT < atTx)) {
            return Double.NEGATIVE_INFINITY;
        }
        return atTx + Math.log1p(-Math.exp(atT - atTx));
    }

    /**
     * The probability that a customer with this history is still alive at \(T\):
     * \(1/(1 + \frac{s}{r+s+x} (\alpha+T)^{r+x} (\beta+T)^s A_0)\).
     *
     * @param x frequency
     * @param tx recency
     * @param age age \(T\)
     * @return the probability
     * @throws ClvException if the history is invalid
     */
    public double probabilityAlive(double x, double tx, double age) {
        PurchaseHistory.check(0, x, tx, age);
        return alive(x, tx, age);
    }

    private double alive(double x, double tx, double age) {
        double logFirst = -(r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
        return Math.exp(logFirst - logBracket(x, tx, age));
    }

    /**
     * The expected number of purchases of a new customer in \((0, t]\):
     * \(E[X(t)] = \frac{r\beta}{\alpha(s-1)}[1 - (\frac{\beta}{\beta+t})^{s-1}]\).
     *
     * @param t length of the period, \(t \ge 0\)
     * @return the expectation
     * @throws ClvException if {@code t} is negative or not finite, or \(s = 1\)
     */
    public double expectedTransactions(double t) {
        Checks.nonNegative("period length t", t);
        checkS();
        return r * beta / (alpha * (s - 1)) * -Math.expm1((s - 1) * Math.log(beta / (beta + t)));
    }

    /**
     * The expected number of purchases in \((T, T+t]\) of a customer with history \((x, t_x, T)\):
     * \[ E[Y(t)] = \frac{(r+x)(\beta+T)}{(\alpha+T)(s-1)}
     *    \left[1 - \left(\frac{\beta+T}{\beta+T+t}\right)^{s-1}\right] P(\text{alive}). \]
     *
     * @param t length of the future period, \(t \ge 0\)
     * @param x frequency
     * @param tx recency
     * @param age age \(T\)
     * @return the expectation
     * @throws ClvException if an argument is invalid, or \(s = 1\)
     */
    public double conditionalExpectedTransactions(double t, double x, double tx, double age) {
        Checks.nonNegative("period length t", t);
        PurchaseHistory.check(0, x, tx, age);
        checkS();
        return (r + x) * (beta + age) / ((alpha + age) * (s - 1))
                * -Math.expm1((s - 1) * Math.log((beta + age) / (beta + age + t))) * alive(x, tx, age);
    }

    private void checkS() {
        if (s == 1) {
            throw new ClvException("Pareto/NBD expected transactions need s != 1, got s=%s", s);
        }
    }

    /**
     * Shows the parameters.
     *
     * @return an aligned table
     */
    @Override
    public String toString() {
        return "Pareto/NBD\n" + table(this, List.of());
    }

    static String table(ParetoNbd m, List<List<String>> extra) {
        List<List<String>> rows = new java.util.ArrayList<>(List.of(
                List.of("r", TextTable.number(m.r)),
                List.of("alpha", TextTable.number(m.alpha)),
                List.of("s", TextTable.number(m.s)),
                List.of("beta", TextTable.number(m.beta))));
        rows.addAll(extra);
        return TextTable.render(List.of("parameter", "value"), rows);
    }
}
