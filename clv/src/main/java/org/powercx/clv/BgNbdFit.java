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
        LogParameterFit.Optimum opt = LogParameterFit.maximise("BG/NBD", NAMES, new double[] {1, 1, 1, 1},
                p -> logLikelihood(p, h, lgx));
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
