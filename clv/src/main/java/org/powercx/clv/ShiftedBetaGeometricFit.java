package org.powercx.clv;

import java.util.List;
import org.powercx.core.TextTable;

/**
 * A maximum-likelihood fit of the {@link ShiftedBetaGeometric} model to cohort survival counts.
 *
 * @param model the fitted model
 * @param logLikelihood the maximised log-likelihood
 * @param customers the number of customers in all cohorts (sum of the counts at \(t = 0\))
 * @param evaluations the number of log-likelihood evaluations the optimiser used
 * @serial exclude
 * @since 0.1.0
 */
public record ShiftedBetaGeometricFit(ShiftedBetaGeometric model, double logLikelihood, int customers,
        int evaluations) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private static final String[] NAMES = {"alpha", "beta"};

    /**
     * Validates the components.
     *
     * @param model the fitted model, not null
     * @param logLikelihood finite, at most 0
     * @param customers positive
     * @param evaluations non-negative
     * @throws ClvException if a component is invalid
     */
    public ShiftedBetaGeometricFit {
        if (model == null) {
            throw new ClvException("sBG fit: model must not be null");
        }
        if (!(logLikelihood <= 0 && logLikelihood > Double.NEGATIVE_INFINITY)) {
            throw new ClvException("sBG fit: log-likelihood must be finite and at most 0, got %s", logLikelihood);
        }
        if (customers < 1) {
            throw new ClvException("sBG fit: number of customers must be positive, got %d", customers);
        }
        if (evaluations < 0) {
            throw new ClvException("sBG fit: evaluations must be non-negative, got %d", evaluations);
        }
    }

    /** Churn counts per period and counts still alive at the end of each cohort, over all cohorts. */
    record Counts(double[] lost, double[] endAlive, int customers) {
    }

    static Counts counts(double[]... cohorts) {
        if (cohorts == null || cohorts.length == 0) {
            throw new ClvException("sBG fit needs at least one cohort");
        }
        int maxT = 0;
        for (int c = 0; c < cohorts.length; c++) {
            validate(c, cohorts[c]);
            maxT = Math.max(maxT, cohorts[c].length - 1);
        }
        double[] lost = new double[maxT + 1];
        double[] endAlive = new double[maxT + 1];
        long customers = 0;
        for (double[] n : cohorts) {
            customers += (long) n[0];
            if (customers > Integer.MAX_VALUE) {
                throw new ClvException("sBG fit: the cohorts hold more than %d customers at t = 0", Integer.MAX_VALUE);
            }
            for (int t = 1; t < n.length; t++) {
                lost[t] += n[t - 1] - n[t];
            }
            endAlive[n.length - 1] += n[n.length - 1];
        }
        return new Counts(lost, endAlive, (int) customers);
    }

    static ShiftedBetaGeometricFit of(double[]... cohorts) {
        Counts counts = counts(cohorts);
        double[] lost = counts.lost();
        double[] endAlive = counts.endAlive();
        int customers = counts.customers();
        int maxT = lost.length - 1;
        // The log-likelihood is proportional to the counts: maximise it per customer, so that the optimiser sees
        // the same function for a cohort of ten customers and one of a billion.
        for (int t = 0; t <= maxT; t++) {
            lost[t] /= customers;
            endAlive[t] /= customers;
        }
        LogParameterFit.Optimum opt = LogParameterFit.maximise("sBG", NAMES, new double[] {1, 1},
                p -> logLikelihood(p[0], p[1], lost, endAlive));
        double logLikelihood = opt.logLikelihood() * customers;
        return new ShiftedBetaGeometricFit(ShiftedBetaGeometric.of(opt.parameters()[0], opt.parameters()[1]),
                logLikelihood, customers, opt.evaluations());
    }

    /** \(\sum_t \mathrm{lost}_t \ln P(T=t) + \sum_t \mathrm{endAlive}_t \ln S(t)\), by the recursions. */
    static double logLikelihood(double a, double b, double[] lost, double[] endAlive) {
        double ll = 0;
        double logS = 0;
        for (int t = 1; t < lost.length; t++) {
            double logP = logS + Math.log(a / (a + b + t - 1));
            logS += Math.log((b + t - 1) / (a + b + t - 1));
            if (lost[t] > 0) {
                ll += lost[t] * logP;
            }
            if (endAlive[t] > 0) {
                ll += endAlive[t] * logS;
            }
        }
        return ll;
    }

    private static void validate(int c, double[] n) {
        if (n == null || n.length < 2) {
            throw new ClvException("cohort %d must give the count at t = 0 and at least one later count", c);
        }
        if (!(n[0] >= 1 && n[0] <= Integer.MAX_VALUE)) {
            throw new ClvException("cohort %d: count at t = 0 must be a whole number of customers in [1, %d], got %s",
                    c, Integer.MAX_VALUE, n[0]);
        }
        for (int t = 0; t < n.length; t++) {
            if (n[t] != Math.rint(n[t])) {
                throw new ClvException("cohort %d: the count at t = %d must be a whole number of customers, got %s"
                        + " (give counts, not shares)", c, t, n[t]);
            }
        }
        for (int t = 1; t < n.length; t++) {
            if (!(n[t] >= 0 && n[t] <= n[t - 1])) {
                throw new ClvException("cohort %d: counts must be non-negative and non-increasing, but the count"
                        + " at t = %d is %s after %s at t = %d", c, t, n[t], n[t - 1], t - 1);
            }
        }
    }

    /**
     * Everything the fit holds: the fitted parameters of the {@link ShiftedBetaGeometric} model,
             the maximised log-likelihood,
     * the number of customers and the optimiser's evaluations. A fit rebuilt by {@link #of(Parameters)} is equal
     * to the original and its model gives the same bits.
     *
     * @param alpha the fitted \(\alpha\)
     * @param beta the fitted \(\beta\)
     * @param logLikelihood the maximised log-likelihood
     * @param customers the number of customers
     * @param evaluations the number of log-likelihood evaluations
     * @serial exclude
     * @since 0.2.0
     */
    public record Parameters(double alpha, double beta, double logLikelihood, int customers, int evaluations)
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Validates the components as the fit's constructor does.
         *
         * @param alpha the fitted \(\alpha\)
         * @param beta the fitted \(\beta\)
         * @param logLikelihood the maximised log-likelihood
         * @param customers the number of customers
         * @param evaluations the number of log-likelihood evaluations
         * @throws ClvException naming the offending component and value
         */
        public Parameters {
            new ShiftedBetaGeometricFit(ShiftedBetaGeometric.of(alpha, beta), logLikelihood, customers, evaluations);
        }
    }

    /**
     * The parameters of this fit.
     *
     * @return the parameters
     * @since 0.2.0
     */
    public Parameters parameters() {
        return new Parameters(model.alpha(), model.beta(), logLikelihood, customers, evaluations);
    }

    /**
     * Rebuilds a fit from its parameters.
     *
     * @param parameters the parameters
     * @return the fit, equal to the one the parameters came from
     * @throws ClvException if the parameters are null
     * @since 0.2.0
     */
    public static ShiftedBetaGeometricFit of(Parameters parameters) {
        if (parameters == null) {
            throw new ClvException("sBG fit parameters are null");
        }
        return new ShiftedBetaGeometricFit(ShiftedBetaGeometric.of(parameters.alpha(), parameters.beta()),
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
        String lifetime = model.hasFiniteExpectedLifetime() ? TextTable.number(model.expectedLifetime())
                : "infinite (alpha <= 1)";
        return "shifted-beta-geometric fit\n" + TextTable.render(List.of("quantity", "value"), List.of(
                List.of("alpha", TextTable.number(model.alpha())),
                List.of("beta", TextTable.number(model.beta())),
                List.of("log-likelihood", TextTable.number(logLikelihood)),
                List.of("customers", TextTable.number(customers)),
                List.of("expected lifetime", lifetime)));
    }
}
