package org.powercx.clv;

import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.powercx.core.TextTable;

/**
 * A maximum-likelihood fit of the {@link ParetoNbd} model.
 *
 * @param model the fitted model
 * @param logLikelihood the maximised log-likelihood
 * @param customers the number of customers in the data
 * @param evaluations the number of log-likelihood evaluations the optimiser used
 * @serial exclude
 * @since 0.1.0
 */
public record ParetoNbdFit(ParetoNbd model, double logLikelihood, int customers, int evaluations)
        implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private static final String[] NAMES = {"r", "alpha", "s", "beta"};

    /**
     * Validates the components.
     *
     * @param model the fitted model, not null
     * @param logLikelihood finite
     * @param customers positive
     * @param evaluations non-negative
     * @throws ClvException if a component is invalid
     */
    public ParetoNbdFit {
        if (model == null) {
            throw new ClvException("Pareto/NBD fit: model must not be null");
        }
        Checks.finite("Pareto/NBD fit: log-likelihood", logLikelihood);
        if (customers < 1 || evaluations < 0) {
            throw new ClvException("Pareto/NBD fit: customers must be positive and evaluations non-negative, got %d"
                    + " and %d", customers, evaluations);
        }
    }

    static ParetoNbdFit of(PurchaseHistory h) {
        LogParameterFit.Optimum opt = LogParameterFit.maximise("Pareto/NBD", NAMES, new double[] {1, 1, 1, 1},
                p -> logLikelihood(new ParetoNbd(p[0], p[1], p[2], p[3]), h));
        double[] p = opt.parameters();
        return new ParetoNbdFit(ParetoNbd.of(p[0], p[1], p[2], p[3]), opt.logLikelihood(), h.customers,
                opt.evaluations());
    }

    /** The sample log-likelihood over the distinct histories with their weights. */
    static double logLikelihood(ParetoNbd m, PurchaseHistory h) {
        double lgr = Gamma.logGamma(m.r());
        double front = m.r() * Math.log(m.alpha()) + m.s() * Math.log(m.beta()) - lgr;
        double ll = 0;
        for (int i = 0; i < h.x.length; i++) {
            ll += h.weight[i] * (Gamma.logGamma(m.r() + h.x[i]) + front + m.logBracket(h.x[i], h.tx[i], h.age[i]));
        }
        return ll;
    }

    /**
     * Everything the fit holds: the fitted parameters of the {@link ParetoNbd} model, the maximised log-likelihood,
     * the number of customers and the optimiser's evaluations. A fit rebuilt by {@link #of(Parameters)} is equal
     * to the original and its model gives the same bits.
     *
     * @param r the fitted \(r\)
     * @param alpha the fitted \(\alpha\)
     * @param s the fitted \(s\)
     * @param beta the fitted \(\beta\)
     * @param logLikelihood the maximised log-likelihood
     * @param customers the number of customers
     * @param evaluations the number of log-likelihood evaluations
     * @serial exclude
     * @since 0.2.0
     */
    public record Parameters(double r, double alpha, double s, double beta,
            double logLikelihood, int customers, int evaluations)
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Validates the components as the fit's constructor does.
         *
         * @param r the fitted \(r\)
         * @param alpha the fitted \(\alpha\)
         * @param s the fitted \(s\)
         * @param beta the fitted \(\beta\)
         * @param logLikelihood the maximised log-likelihood
         * @param customers the number of customers
         * @param evaluations the number of log-likelihood evaluations
         * @throws ClvException naming the offending component and value
         */
        public Parameters {
            new ParetoNbdFit(ParetoNbd.of(r, alpha, s, beta), logLikelihood, customers, evaluations);
        }
    }

    /**
     * The parameters of this fit.
     *
     * @return the parameters
     * @since 0.2.0
     */
    public Parameters parameters() {
        return new Parameters(model.r(), model.alpha(), model.s(), model.beta(), logLikelihood, customers, evaluations);
    }

    /**
     * Rebuilds a fit from its parameters.
     *
     * @param parameters the parameters
     * @return the fit, equal to the one the parameters came from
     * @throws ClvException if the parameters are null
     * @since 0.2.0
     */
    public static ParetoNbdFit of(Parameters parameters) {
        if (parameters == null) {
            throw new ClvException("Pareto/NBD fit parameters are null");
        }
        return new ParetoNbdFit(ParetoNbd.of(parameters.r(), parameters.alpha(), parameters.s(),
                parameters.beta()), parameters.logLikelihood(), parameters.customers(),
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
        return "Pareto/NBD fit\n" + ParetoNbd.table(model, List.of(
                List.of("log-likelihood", TextTable.number(logLikelihood)),
                List.of("customers", Integer.toString(customers))));
    }
}
