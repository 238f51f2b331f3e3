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
 * @since 0.1.0
 */
public record ParetoNbdFit(ParetoNbd model, double logLikelihood, int customers, int evaluations) {
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
