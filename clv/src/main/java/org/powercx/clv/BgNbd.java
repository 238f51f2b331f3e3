package org.powercx.clv;

import java.util.List;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;
import org.powercx.core.TextTable;

/**
 * The beta-geometric/negative-binomial (BG/NBD) model of non-contractual repeat purchasing (Fader, Hardie and Lee
 * 2005, "Counting your customers" the easy way: an alternative to the Pareto/NBD model, Marketing Science
 * 24(2):275-284, doi:10.1287/mksc.1040.0098).
 *
 * <p>While alive a customer buys as a Poisson process of rate \(\lambda \sim \mathrm{Gamma}(r, \alpha)\); after
 * each purchase the customer drops out with probability \(p \sim \mathrm{Beta}(a, b)\). A customer's history is
 * summarised by the number of repeat purchases \(x\) (frequency), the time of the last one \(t_x\) (recency) and
 * the time since the first purchase \(T\) (age). The likelihood of one history is
 * \[ L = \frac{\Gamma(r+x)\alpha^r}{\Gamma(r)} \frac{B(a, b+x)}{B(a, b)} \left[(\alpha+T)^{-(r+x)}
 *    + \delta_{x>0} \frac{a}{b+x-1} (\alpha+t_x)^{-(r+x)}\right]. \]
 * Conditional expectations use the Gauss hypergeometric function \({}_2F_1\), evaluated by its power series.
 *
 * @param r shape \(r > 0\) of the purchase-rate distribution
 * @param alpha scale \(\alpha > 0\) of the purchase-rate distribution (in the time unit of the data)
 * @param a \(a > 0\) of the dropout distribution
 * @param b \(b > 0\) of the dropout distribution
 * @serial exclude
 * @since 0.1.0
 */
public record BgNbd(double r, double alpha, double a, double b) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Validates the parameters.
     *
     * @param r \(r > 0\), finite
     * @param alpha \(\alpha > 0\), finite
     * @param a \(a > 0\), finite
     * @param b \(b > 0\), finite
     * @throws ClvException if a parameter is not positive and finite
     */
    public BgNbd {
        Checks.positive("BG/NBD r", r);
        Checks.positive("BG/NBD alpha", alpha);
        Checks.positive("BG/NBD a", a);
        Checks.positive("BG/NBD b", b);
    }

    /**
     * Creates a model.
     *
     * @param r \(r > 0\)
     * @param alpha \(\alpha > 0\)
     * @param a \(a > 0\)
     * @param b \(b > 0\)
     * @return the model
     * @throws ClvException if a parameter is not positive and finite
     */
    public static BgNbd of(double r, double alpha, double a, double b) {
        return new BgNbd(r, alpha, a, b);
    }

    /**
     * Fits the model by maximum likelihood on the logarithms of \((r, \alpha, a, b)\) from the start
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
    public static BgNbdFit fit(double[] frequency, double[] recency, double[] age) {
        return BgNbdFit.of(PurchaseHistory.of(frequency, recency, age));
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
        double lgr = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha) + Beta.logBeta(a, b + x)
                - Beta.logBeta(a, b);
        return lgr + BgNbdFit.logBracket(this, x, tx, age);
    }

    /**
     * The log-likelihood of a sample of customers at these parameters, the sum of {@link #logLikelihood(double,
     * double, double)} over the customers (what {@link #fit} maximises, so that fits and nested models can be
     * compared at given parameters).
     *
     * @param frequency number of repeat purchases \(x\) per customer; not modified
     * @param recency time of the last repeat purchase \(t_x\); not modified
     * @param age time since the first purchase \(T\); not modified
     * @return \(\sum_i \ln L_i\)
     * @throws ClvException if the arrays are empty or differ in length, or a customer's values are invalid
     */
    public double logLikelihood(double[] frequency, double[] recency, double[] age) {
        PurchaseHistory h = PurchaseHistory.of(frequency, recency, age);
        return BgNbdFit.logLikelihood(new double[] {r, alpha, a, b}, h, new double[h.maxX + 1]);
    }

    /**
     * The probability that a new customer makes exactly \(x\) purchases in \((0, t]\) (Fader, Hardie and Lee
     * 2005, equation 8):
     * \[ P(X(t) = x) = \frac{B(a, b+x)}{B(a, b)} \frac{\Gamma(r+x)}{\Gamma(r)\,x!}
     *    \left(\frac{\alpha}{\alpha+t}\right)^r \left(\frac{t}{\alpha+t}\right)^x
     *    + \delta_{x>0} \frac{B(a+1, b+x-1)}{B(a, b)} \left[1 - \left(\frac{\alpha}{\alpha+t}\right)^r
     *    \sum_{j=0}^{x-1} \frac{\Gamma(r+j)}{\Gamma(r)\,j!} \left(\frac{t}{\alpha+t}\right)^j\right]. \]
     *
     * @param t length of the period, \(t \ge 0\)
     * @param x number of purchases, \(x \ge 0\)
     * @return the probability
     * @throws ClvException if {@code t} is negative or not finite, or {@code x} is negative
     */
    public double probabilityOfPurchases(double t, int x) {
        Checks.nonNegative("period length t", t);
        if (x < 0) {
            throw new ClvException("number of purchases must be non-negative, got %d", x);
        }
        double logBetaAb = Beta.logBeta(a, b);
        double logP0 = r * Math.log(alpha / (alpha + t));
        double logZ = Math.log(t / (alpha + t));
        // ln Gamma(r+x)/(Gamma(r) x!) + x ln z, the negative binomial term of x
        double logNb = x == 0 ? 0 : Gamma.logGamma(r + x) - Gamma.logGamma(r) - Gamma.logGamma(x + 1.0) + x * logZ;
        double alive = Math.exp(Beta.logBeta(a, b + x) - logBetaAb + logP0 + logNb);
        if (x == 0) {
            return alive;
        }
        // 1 - P(NB < x), the negative binomial terms summed by their recursion
        double term = Math.exp(logP0);
        double below = term;
        for (int j = 1; j < x && term > 0; j++) {
            term *= (r + j - 1) / j * (t / (alpha + t));
            below += term;
        }
        double tail = Math.max(0, 1 - below);
        return alive + Math.exp(Beta.logBeta(a + 1, b + x - 1) - logBetaAb) * tail;
    }

    /**
     * The probability that a customer with this history is still alive at \(T\):
     * \(1/(1 + \delta_{x>0}\, a/(b+x-1)\, ((\alpha+T)/(\alpha+t_x))^{r+x})\).
     *
     * @param x frequency
     * @param tx recency
     * @param age age \(T\)
     * @return the probability, 1 when \(x = 0\)
     * @throws ClvException if the history is invalid
     */
    public double probabilityAlive(double x, double tx, double age) {
        PurchaseHistory.check(0, x, tx, age);
        return 1 / (1 + oddsDead(x, tx, age));
    }

    /**
     * The probability alive of many customers, {@link #probabilityAlive(double, double, double)} for each.
     *
     * @param frequency frequencies \(x\); not modified
     * @param recency recencies \(t_x\); not modified
     * @param age ages \(T\); not modified
     * @param out receives the probabilities, at least as long as {@code frequency}; modified (may be {@code null},
     *     then a new array is returned)
     * @return {@code out}, or the new array
     * @throws ClvException if the arrays are null or differ in length, {@code out} is too short, or a customer's
     *     values are invalid (naming its index)
     */
    public double[] probabilityAlive(double[] frequency, double[] recency, double[] age, double[] out) {
        double[] result = checkColumns(frequency, recency, age, out);
        for (int i = 0; i < frequency.length; i++) {
            result[i] = 1 / (1 + oddsDead(frequency[i], recency[i], age[i]));
        }
        return result;
    }

    /**
     * The conditional expected purchases in \((T, T+t]\) of many customers,
     * {@link #conditionalExpectedTransactions(double, double, double, double)} for each.
     *
     * @param t length of the future period, \(t \ge 0\)
     * @param frequency frequencies \(x\); not modified
     * @param recency recencies \(t_x\); not modified
     * @param age ages \(T\); not modified
     * @param out receives the expectations, at least as long as {@code frequency}; modified (may be {@code null},
     *     then a new array is returned)
     * @return {@code out}, or the new array
     * @throws ClvException if an argument is invalid (a customer's values naming its index), or \(a = 1\) or
     *     \(a + b \le 1\)
     */
    public double[] conditionalExpectedTransactions(double t, double[] frequency, double[] recency, double[] age,
            double[] out) {
        Checks.nonNegative("period length t", t);
        double[] result = checkColumns(frequency, recency, age, out);
        for (int i = 0; i < frequency.length; i++) {
            double x = frequency[i];
            result[i] = expected(x, t, alpha + age[i], r + x, b + x) / (1 + oddsDead(x, recency[i], age[i]));
        }
        return result;
    }

    private static double[] checkColumns(double[] frequency, double[] recency, double[] age, double[] out) {
        if (frequency == null || recency == null || age == null) {
            throw new ClvException("frequency, recency and age must not be null");
        }
        Checks.sameLength("frequency", frequency, "recency", recency);
        Checks.sameLength("frequency", frequency, "age", age);
        double[] result = out == null ? new double[frequency.length] : out;
        if (result.length < frequency.length) {
            throw new ClvException("output array has %d places for %d customers", result.length, frequency.length);
        }
        for (int i = 0; i < frequency.length; i++) {
            PurchaseHistory.check(i, frequency[i], recency[i], age[i]);
        }
        return result;
    }

    /** \(E[Y(t)]\) times \(1 + \) the odds of being dead: the part of the expectation that does not depend on
     * \(t_x\). */
    double expectedIfAlive(double t, double x, double age) {
        return expected(x, t, alpha + age, r + x, b + x);
    }

    double oddsDead(double x, double tx, double age) {
        if (x == 0) {
            return 0;
        }
        return Math.exp(Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + age) / (alpha + tx)));
    }

    /**
     * The expected number of purchases of a new customer in \((0, t]\):
     * \(E[X(t)] = \frac{a+b-1}{a-1}[1 - (\frac{\alpha}{\alpha+t})^r {}_2F_1(r, b; a+b-1; \frac{t}{\alpha+t})]\).
     *
     * @param t length of the period, \(t \ge 0\)
     * @return the expectation
     * @throws ClvException if {@code t} is negative or not finite, or \(a = 1\) or \(a + b \le 1\) (where the
     *     closed form does not apply)
     */
    public double expectedTransactions(double t) {
        Checks.nonNegative("period length t", t);
        return expected(0, t, alpha, r, b);
    }

    /**
     * The expected number of purchases in \((T, T+t]\) of a customer with history \((x, t_x, T)\):
     * \[ E[Y(t)] = \frac{\frac{a+b+x-1}{a-1}\left[1 - \left(\frac{\alpha+T}{\alpha+T+t}\right)^{r+x}
     *    {}_2F_1\left(r+x, b+x; a+b+x-1; \frac{t}{\alpha+T+t}\right)\right]}
     *    {1 + \delta_{x>0} \frac{a}{b+x-1} \left(\frac{\alpha+T}{\alpha+t_x}\right)^{r+x}}. \]
     *
     * @param t length of the future period, \(t \ge 0\)
     * @param x frequency
     * @param tx recency
     * @param age age \(T\)
     * @return the expectation
     * @throws ClvException if an argument is invalid, or \(a = 1\) or \(a + b + x \le 1\)
     */
    public double conditionalExpectedTransactions(double t, double x, double tx, double age) {
        Checks.nonNegative("period length t", t);
        PurchaseHistory.check(0, x, tx, age);
        return expected(x, t, alpha + age, r + x, b + x) / (1 + oddsDead(x, tx, age));
    }

    /** \(\frac{a+b+x-1}{a-1}[1 - (s/(s+t))^{\rho} {}_2F_1(\rho, \beta'; a+b+x-1; t/(s+t))]\). */
    private double expected(double x, double t, double s, double rho, double bx) {
        double c = a + b + x - 1;
        if (a == 1 || !(c > 0)) {
            throw new ClvException("BG/NBD expected transactions need a != 1 and a + b + x > 1, got a=%s, b=%s, x=%s",
                    a, b, x);
        }
        double z = t / (s + t);
        double f = Hypergeometric.f21(rho, bx, c, z);
        double bracket = 1 - Math.exp(rho * Math.log(s / (s + t))) * f;
        return c / (a - 1) * bracket;
    }

    /**
     * Shows the parameters.
     *
     * @return an aligned table
     */
    @Override
    public String toString() {
        return "BG/NBD\n" + table(this, List.of());
    }

    static String table(BgNbd m, List<List<String>> extra) {
        List<List<String>> rows = new java.util.ArrayList<>(List.of(
                List.of("r", TextTable.number(m.r)),
                List.of("alpha", TextTable.number(m.alpha)),
                List.of("a", TextTable.number(m.a)),
                List.of("b", TextTable.number(m.b))));
        rows.addAll(extra);
        return TextTable.render(List.of("parameter", "value"), rows);
    }
}
