package org.powercx.clv;

import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.powercx.core.TextTable;

/**
 * The Gamma-Gamma model of the spend per transaction (Fader, Hardie and Lee 2005, RFM and CLV: using iso-value
 * curves for customer base analysis, J. Marketing Research 42(4):415-430, doi:10.1509/jmkr.2005.42.4.415;
 * Fader and Hardie 2013, The Gamma-Gamma model of monetary value).
 *
 * <p>A customer's spends are Gamma(\(p, \nu\)) with mean \(p/\nu\); \(\nu\) varies across customers as
 * Gamma(\(q, v\)). The mean \(\bar{z}\) of \(x\) transactions has density
 * \[ f(\bar{z} \mid p, q, v, x) = \frac{\Gamma(px+q)}{\Gamma(px)\Gamma(q)}
 *    \frac{v^q \bar{z}^{px-1} x^{px}}{(v + x\bar{z})^{px+q}} \]
 * and the expected spend of a customer with \(x\) transactions of mean \(\bar{z}\) is the weighted mean
 * \[ E[Z \mid x, \bar{z}] = \frac{q-1}{px+q-1} \frac{pv}{q-1} + \frac{px}{px+q-1} \bar{z}
 *    = \frac{p(v + x\bar{z})}{px+q-1}. \]
 *
 * @param p shape \(p > 0\) of the spend distribution
 * @param q shape \(q > 0\) of the heterogeneity in \(\nu\)
 * @param v scale \(v > 0\) of the heterogeneity in \(\nu\) (in money units)
 * @serial exclude
 * @since 0.1.0
 */
public record GammaGamma(double p, double q, double v) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Validates the parameters.
     *
     * @param p \(p > 0\), finite
     * @param q \(q > 0\), finite
     * @param v \(v > 0\), finite
     * @throws ClvException if a parameter is not positive and finite
     */
    public GammaGamma {
        Checks.positive("Gamma-Gamma p", p);
        Checks.positive("Gamma-Gamma q", q);
        Checks.positive("Gamma-Gamma v", v);
    }

    /**
     * Creates a model.
     *
     * @param p \(p > 0\)
     * @param q \(q > 0\)
     * @param v \(v > 0\)
     * @return the model
     * @throws ClvException if a parameter is not positive and finite
     */
    public static GammaGamma of(double p, double q, double v) {
        return new GammaGamma(p, q, v);
    }

    /**
     * Fits the model by maximum likelihood on the logarithms of \((p, q, v)\) from the start \((1, 1, 1)\) with
     * BOBYQA, using the customers with at least one repeat transaction.
     *
     * @param frequency number of repeat transactions \(x\) per customer, whole numbers \(\ge 0\); not modified
     * @param meanSpend mean spend \(\bar{z}\) per repeat transaction, positive and finite when \(x > 0\) (ignored
     *     when \(x = 0\), but must be finite and non-negative); not modified
     * @return the fit
     * @throws ClvException if the arrays differ in length, a value is invalid (naming the customer index), no
     *     customer has a repeat transaction, or the optimisation fails
     */
    public static GammaGammaFit fit(double[] frequency, double[] meanSpend) {
        return GammaGammaFit.of(frequency, meanSpend);
    }

    /**
     * The log-likelihood of one customer's mean spend at these parameters,
     * \(\ln f(\bar{z} \mid p, q, v, x)\) as in the class description; a customer without repeat transactions
     * carries no information on spend and contributes 0.
     *
     * @param x frequency, a whole number \(\ge 0\)
     * @param meanSpend \(\bar{z}\), positive when \(x > 0\)
     * @return the log-density of \(\bar{z}\), 0 when \(x = 0\)
     * @throws ClvException if an argument is invalid
     */
    public double logLikelihood(double x, double meanSpend) {
        GammaGammaFit.check(0, x, meanSpend);
        if (x == 0) {
            return 0;
        }
        double px = p * x;
        return Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * Math.log(v)
                + (px - 1) * Math.log(meanSpend) + px * Math.log(x) - (px + q) * Math.log(v + x * meanSpend);
    }

    /**
     * The log-likelihood of a sample at these parameters, the sum of {@link #logLikelihood(double, double)} over the
     * customers with at least one repeat transaction (what {@link #fit} maximises).
     *
     * @param frequency number of repeat transactions per customer; not modified
     * @param meanSpend mean spend per repeat transaction; not modified
     * @return the log-likelihood
     * @throws ClvException if the arrays are null or differ in length, a value is invalid (naming the customer
     *     index), or no customer has a repeat transaction
     */
    public double logLikelihood(double[] frequency, double[] meanSpend) {
        return GammaGammaFit.sample(frequency, meanSpend).logLikelihood(p, q, v);
    }

    /**
     * The population mean spend per transaction, \(pv/(q-1)\).
     *
     * @return the mean, or {@link Double#POSITIVE_INFINITY} when \(q \le 1\) (the mean does not exist)
     */
    public double meanSpend() {
        return q > 1 ? p * v / (q - 1) : Double.POSITIVE_INFINITY;
    }

    /**
     * The expected spend per transaction of a customer with \(x\) transactions of mean \(\bar{z}\),
     * \(p(v + x\bar{z})/(px+q-1)\).
     *
     * @param x frequency, a whole number \(\ge 0\)
     * @param meanSpend \(\bar{z} \ge 0\), finite
     * @return the expectation, {@link Double#POSITIVE_INFINITY} when \(px + q \le 1\)
     * @throws ClvException if an argument is invalid
     */
    public double conditionalExpectedSpend(double x, double meanSpend) {
        GammaGammaFit.check(0, x, meanSpend);
        return expectedSpend(x, meanSpend);
    }

    /** {@link #conditionalExpectedSpend} without the argument checks, for validated columns. */
    double expectedSpend(double x, double meanSpend) {
        double d = p * x + q - 1;
        return d > 0 ? p * (v + x * meanSpend) / d : Double.POSITIVE_INFINITY;
    }

    /**
     * Shows the parameters and the population mean spend.
     *
     * @return an aligned table
     */
    @Override
    public String toString() {
        return "Gamma-Gamma\n" + table(this, List.of());
    }

    static String table(GammaGamma m, List<List<String>> extra) {
        List<List<String>> rows = new java.util.ArrayList<>(List.of(
                List.of("p", TextTable.number(m.p)),
                List.of("q", TextTable.number(m.q)),
                List.of("v", TextTable.number(m.v)),
                List.of("mean spend", TextTable.number(m.meanSpend()))));
        rows.addAll(extra);
        return TextTable.render(List.of("parameter", "value"), rows);
    }
}
