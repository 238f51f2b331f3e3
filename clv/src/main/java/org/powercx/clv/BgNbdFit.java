package org.powercx.clv;

import java.util.List;
import org.powercx.core.TextTable;

/**
 * A maximum-likelihood fit of the {@link BgNbd} model.
 *
 * @param model the fitted model
 * @param logLikelihood the maximised log-likelihood
 * @param customers the number of customers in the data
 * @param evaluations the number of log-likelihood evaluations the optimiser used
 * @serial exclude
 * @since 0.1.0
 */
public record BgNbdFit(BgNbd model, double logLikelihood, int customers, int evaluations)
        implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private static final String[] NAMES = {"r", "alpha", "a", "b"};

    /**
     * Validates the components.
     *
     * @param model the fitted model, not null
     * @param logLikelihood finite
     * @param customers positive
     * @param evaluations non-negative
     * @throws ClvException if a component is invalid
     */
    public BgNbdFit {
        if (model == null) {
            throw new ClvException("BG/NBD fit: model must not be null");
        }
        Checks.finite("BG/NBD fit: log-likelihood", logLikelihood);
        if (customers < 1 || evaluations < 0) {
            throw new ClvException("BG/NBD fit: customers must be positive and evaluations non-negative, got %d"
                    + " and %d", customers, evaluations);
        }
    }

    static BgNbdFit of(PurchaseHistory h) {
        double[] lgx = new double[h.maxX + 1];
        // BFGS on the analytic gradient first (a few dozen evaluations); the derivative-free search, with its
        // diagnostics, when that does not converge cleanly
        double[][] scratch = new double[4][h.maxX + 1];
        // without a repeat purchase the likelihood does not depend on a and b: left to the search that says so
        LogParameterFit.Optimum opt = h.maxX == 0 ? null : GradientFit.maximise(new double[] {1, 1, 1, 1},
                h.customers, (p, gradient) -> logLikelihood(p, h, scratch, gradient));
        if (opt == null) {
            opt = LogParameterFit.maximise("BG/NBD", NAMES, new double[] {1, 1, 1, 1},
                    p -> logLikelihood(p, h, lgx));
        }
        double[] p = opt.parameters();
        return new BgNbdFit(BgNbd.of(p[0], p[1], p[2], p[3]), opt.logLikelihood(), h.customers, opt.evaluations());
    }

    /** The sample log-likelihood; {@code perX} is scratch space for the terms that depend on x only. */
    static double logLikelihood(double[] p, PurchaseHistory h, double[] perX) {
        double r = p[0];
        double alpha = p[1];
        double a = p[2];
        double b = p[3];
        // ln Gamma(r+x)/Gamma(r) + ln B(a, b+x)/B(a, b) + r ln alpha, by the recursions in x.
        double acc = r * Math.log(alpha);
        perX[0] = acc;
        for (int x = 1; x < perX.length; x++) {
            acc += Math.log((r + x - 1) * (b + x - 1) / (a + b + x - 1));
            perX[x] = acc;
        }
        double ll = 0;
        double[] xs = h.x;
        double[] tx = h.tx;
        double[] age = h.age;
        double[] w = h.weight;
        int[] xi = h.xIndex;
        for (int i = 0; i < xs.length; i++) {
            double rx = r + xs[i];
            double logA = -rx * Math.log(alpha + age[i]);
            double term = logA;
            if (xi[i] > 0) {
                double logB = Math.log(a / (b + xs[i] - 1)) - rx * Math.log(alpha + tx[i]);
                double hi = Math.max(logA, logB);
                term = hi + Math.log1p(Math.exp(Math.min(logA, logB) - hi));
            }
            ll += w[i] * (perX[xi[i]] + term);
        }
        return ll;
    }

    /**
     * The sample log-likelihood and its gradient in (r, alpha, a, b). With \( p_B \) the share of the second
     * term in the bracket of {@link #logBracket}, \( p_A = 1 - p_B \), and \( S_c(x) = \sum_{k&lt;x} 1/(c+k) \):
     * \( \partial/\partial r = \ln\alpha + S_r(x) - p_A\ln(\alpha+T) - p_B\ln(\alpha+t_x) \),
     * \( \partial/\partial\alpha = r/\alpha - (r+x)[p_A/(\alpha+T) + p_B/(\alpha+t_x)] \),
     * \( \partial/\partial a = p_B/a - S_{a+b}(x) \), \( \partial/\partial b = S_b(x) - S_{a+b}(x)
     * - p_B/(b+x-1) \), each weighted by the customers sharing the history. {@code t} holds four scratch rows of
     * length maxX + 1.
     */
    static double logLikelihood(double[] p, PurchaseHistory h, double[][] t, double[] gradient) {
        double r = p[0];
        double alpha = p[1];
        double a = p[2];
        double b = p[3];
        double[] perX = t[0];
        double[] sr = t[1];
        double[] sb = t[2];
        double[] sab = t[3];
        double logAlpha = Math.log(alpha);
        double acc = r * logAlpha;
        perX[0] = acc;
        sr[0] = 0;
        sb[0] = 0;
        sab[0] = 0;
        for (int x = 1; x < perX.length; x++) {
            acc += Math.log((r + x - 1) * (b + x - 1) / (a + b + x - 1));
            perX[x] = acc;
            sr[x] = sr[x - 1] + 1 / (r + x - 1);
            sb[x] = sb[x - 1] + 1 / (b + x - 1);
            sab[x] = sab[x - 1] + 1 / (a + b + x - 1);
        }
        double ll = 0;
        double gr = 0;
        double galpha = 0;
        double ga = 0;
        double gb = 0;
        double[] xs = h.x;
        double[] tx = h.tx;
        double[] age = h.age;
        double[] w = h.weight;
        int[] xi = h.xIndex;
        double logA0 = Math.log(a);
        double total = 0;
        for (int i = 0; i < xs.length; i++) {
            int k = xi[i];
            double rx = r + xs[i];
            double lt = Math.log(alpha + age[i]);
            double logA = -rx * lt;
            double wi = w[i];
            total += wi;
            if (k == 0) {
                ll += wi * (perX[0] + logA);
                gr -= wi * lt;
                galpha -= wi * rx / (alpha + age[i]);
                continue;
            }
            double bx = b + xs[i] - 1;
            double ltx = Math.log(alpha + tx[i]);
            double logB = logA0 - Math.log(bx) - rx * ltx;
            double e;
            double pb;
            double term;
            if (logB >= logA) {
                e = Math.exp(logA - logB);
                pb = 1 / (1 + e);
                term = logB + Math.log1p(e);
            } else {
                e = Math.exp(logB - logA);
                pb = e / (1 + e);
                term = logA + Math.log1p(e);
            }
            double pa = 1 - pb;
            ll += wi * (perX[k] + term);
            gr += wi * (sr[k] - pa * lt - pb * ltx);
            galpha -= wi * rx * (pa / (alpha + age[i]) + pb / (alpha + tx[i]));
            ga += wi * (pb / a - sab[k]);
            gb += wi * (sb[k] - sab[k] - pb / bx);
        }
        gradient[0] = gr + total * logAlpha;
        gradient[1] = galpha + total * r / alpha;
        gradient[2] = ga;
        gradient[3] = gb;
        return ll;
    }

    /** \(\ln[(\alpha+T)^{-(r+x)} + \delta_{x>0} a/(b+x-1) (\alpha+t_x)^{-(r+x)}]\). */
    static double logBracket(BgNbd m, double x, double tx, double age) {
        double rx = m.r() + x;
        double logA = -rx * Math.log(m.alpha() + age);
        if (x == 0) {
            return logA;
        }
        double logB = Math.log(m.a() / (m.b() + x - 1)) - rx * Math.log(m.alpha() + tx);
        double hi = Math.max(logA, logB);
        return hi + Math.log1p(Math.exp(Math.min(logA, logB) - hi));
    }

    /**
     * Everything the fit holds: the fitted parameters of the {@link BgNbd} model, the maximised log-likelihood,
     * the number of customers and the optimiser's evaluations. A fit rebuilt by {@link #of(Parameters)} is equal
     * to the original and its model gives the same bits.
     *
     * @param r the fitted \(r\)
     * @param alpha the fitted \(\alpha\)
     * @param a the fitted \(a\)
     * @param b the fitted \(b\)
     * @param logLikelihood the maximised log-likelihood
     * @param customers the number of customers
     * @param evaluations the number of log-likelihood evaluations
     * @serial exclude
     * @since 0.2.0
     */
    public record Parameters(double r, double alpha, double a, double b,
            double logLikelihood, int customers, int evaluations)
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Validates the components as the fit's constructor does.
         *
         * @param r the fitted \(r\)
         * @param alpha the fitted \(\alpha\)
         * @param a the fitted \(a\)
         * @param b the fitted \(b\)
         * @param logLikelihood the maximised log-likelihood
         * @param customers the number of customers
         * @param evaluations the number of log-likelihood evaluations
         * @throws ClvException naming the offending component and value
         */
        public Parameters {
            new BgNbdFit(BgNbd.of(r, alpha, a, b), logLikelihood, customers, evaluations);
        }
    }

    /**
     * The parameters of this fit.
     *
     * @return the parameters
     * @since 0.2.0
     */
    public Parameters parameters() {
        return new Parameters(model.r(), model.alpha(), model.a(), model.b(), logLikelihood, customers, evaluations);
    }

    /**
     * Rebuilds a fit from its parameters.
     *
     * @param parameters the parameters
     * @return the fit, equal to the one the parameters came from
     * @throws ClvException if the parameters are null
     * @since 0.2.0
     */
    public static BgNbdFit of(Parameters parameters) {
        if (parameters == null) {
            throw new ClvException("BG/NBD fit parameters are null");
        }
        return new BgNbdFit(BgNbd.of(parameters.r(), parameters.alpha(), parameters.a(), parameters.b()),
                parameters.logLikelihood(), parameters.customers(),
                parameters.evaluations());
    }

    private Object writeReplace() {
        return new SerializedForm(parameters());
    }

    /** The serialized form: the parameters, validated again when read. */
    private static final class SerializedForm implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final Parameters parameters;

        SerializedForm(Parameters parameters) {
            this.parameters = parameters;
        }

        private Object readResolve() {
            return of(parameters);
        }
    }

    /**
     * Shows the estimates and the log-likelihood.
     *
     * @return an aligned table
     */
    @Override
    public String toString() {
        return "BG/NBD fit\n" + BgNbd.table(model, List.of(
                List.of("log-likelihood", TextTable.number(logLikelihood)),
                List.of("customers", Integer.toString(customers))));
    }
}
