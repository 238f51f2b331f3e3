package org.powercx.clv;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.powercx.core.TextTable;

/**
 * A maximum-likelihood fit of the {@link BgBb} model.
 *
 * @param model the fitted model
 * @param logLikelihood the maximised log-likelihood
 * @param customers the number of customers in the data
 * @param evaluations the number of log-likelihood evaluations the optimiser used
 * @serial exclude
 * @since 0.1.0
 */
public record BgBbFit(BgBb model, double logLikelihood, int customers, int evaluations)
        implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private static final String[] NAMES = {"alpha", "beta", "gamma", "delta"};

    /**
     * Validates the components.
     *
     * @param model the fitted model, not null
     * @param logLikelihood finite
     * @param customers positive
     * @param evaluations non-negative
     * @throws ClvException if a component is invalid
     */
    public BgBbFit {
        if (model == null) {
            throw new ClvException("BG/BB fit: model must not be null");
        }
        Checks.finite("BG/BB fit: log-likelihood", logLikelihood);
        if (customers < 1 || evaluations < 0) {
            throw new ClvException("BG/BB fit: customers must be positive and evaluations non-negative, got %d"
                    + " and %d", customers, evaluations);
        }
    }

    static BgBbFit of(Histories h) {
        LogParameterFit.Optimum opt = LogParameterFit.maximise("BG/BB", NAMES, new double[] {1, 1, 1, 1},
                p -> h.logLikelihood(p[0], p[1], p[2], p[3]));
        double[] p = opt.parameters();
        return new BgBbFit(BgBb.of(p[0], p[1], p[2], p[3]), opt.logLikelihood(), h.customers, opt.evaluations());
    }

    /** Checks one history: whole numbers with \(0 \le x \le t_x \le n\), \(n \ge 1\), \(t_x = 0\) iff \(x = 0\). */
    static void check(int i, double x, double tx, double n) {
        if (!(n >= 1 && n <= Integer.MAX_VALUE && n == Math.rint(n))) {
            throw new ClvException("customer %d: opportunities n must be a whole number >= 1, got %s", i, n);
        }
        if (!(x >= 0 && x <= n && x == Math.rint(x))) {
            throw new ClvException("customer %d: frequency must be a whole number in [0, n], got %s with n = %s",
                    i, x, n);
        }
        if (!(tx >= x && tx <= n && tx == Math.rint(tx))) {
            throw new ClvException("customer %d: recency must be a whole number with frequency <= recency <= n,"
                    + " got recency %s, frequency %s, n = %s", i, tx, x, n);
        }
        if (x == 0 && tx != 0) {
            throw new ClvException("customer %d: recency must be 0 when frequency is 0, got %s", i, tx);
        }
    }

    static double[] checkColumns(double[] frequency, double[] recency, double[] opportunities, double[] out) {
        if (frequency == null || recency == null || opportunities == null) {
            throw new ClvException("frequency, recency and opportunities must not be null");
        }
        Checks.sameLength("frequency", frequency, "recency", recency);
        Checks.sameLength("frequency", frequency, "opportunities", opportunities);
        double[] result = out == null ? new double[frequency.length] : out;
        if (result.length < frequency.length) {
            throw new ClvException("output array has %d places for %d customers", result.length, frequency.length);
        }
        for (int i = 0; i < frequency.length; i++) {
            check(i, frequency[i], recency[i], opportunities[i]);
        }
        return result;
    }

    /** Validates histories (and counts, when given) and merges identical histories. */
    static Histories histories(double[] frequency, double[] recency, double[] opportunities, double[] counts) {
        checkColumns(frequency, recency, opportunities, null);
        if (frequency.length == 0) {
            throw new ClvException("no customers: frequency, recency and opportunities are empty");
        }
        if (counts != null) {
            Checks.sameLength("frequency", frequency, "customer counts", counts);
        }
        Map<List<Double>, Integer> index = new HashMap<>();
        int n = frequency.length;
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] opp = new double[n];
        double[] w = new double[n];
        long customers = 0;
        int m = 0;
        for (int i = 0; i < n; i++) {
            double c = 1;
            if (counts != null) {
                c = counts[i];
                if (!(c >= 0 && c <= Integer.MAX_VALUE && c == Math.rint(c))) {
                    throw new ClvException("customer count %d must be a non-negative whole number, got %s", i, c);
                }
                if (c == 0) {
                    continue;
                }
            }
            customers += (long) c;
            Integer k = index.putIfAbsent(List.of(frequency[i], recency[i], opportunities[i]), m);
            if (k == null) {
                x[m] = frequency[i];
                tx[m] = recency[i];
                opp[m] = opportunities[i];
                w[m] = c;
                m++;
            } else {
                w[k] += c;
            }
        }
        if (customers < 1 || customers > Integer.MAX_VALUE) {
            throw new ClvException("customer counts must add up to between 1 and %d, got %d", Integer.MAX_VALUE,
                    customers);
        }
        return new Histories(Arrays.copyOf(x, m), Arrays.copyOf(tx, m), Arrays.copyOf(opp, m), Arrays.copyOf(w, m),
                (int) customers);
    }

    /** Distinct histories with the number of customers who share each. */
    record Histories(double[] x, double[] tx, double[] n, double[] weight, int customers) {
        double logLikelihood(double alpha, double beta, double gamma, double delta) {
            return logLikelihood(new BgBb(alpha, beta, gamma, delta));
        }

        double logLikelihood(BgBb m) {
            double ll = 0;
            for (int i = 0; i < x.length; i++) {
                ll += weight[i] * m.logL(x[i], tx[i], n[i]);
            }
            return ll;
        }
    }

    /**
     * Everything the fit holds: the fitted parameters of the {@link BgBb} model, the maximised log-likelihood,
     * the number of customers and the optimiser's evaluations. A fit rebuilt by {@link #of(Parameters)} is equal
     * to the original and its model gives the same bits.
     *
     * @param alpha the fitted \(\alpha\)
     * @param beta the fitted \(\beta\)
     * @param gamma the fitted \(\gamma\)
     * @param delta the fitted \(\delta\)
     * @param logLikelihood the maximised log-likelihood
     * @param customers the number of customers
     * @param evaluations the number of log-likelihood evaluations
     * @serial exclude
     * @since 0.2.0
     */
    public record Parameters(double alpha, double beta, double gamma, double delta,
            double logLikelihood, int customers, int evaluations)
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Validates the components as the fit's constructor does.
         *
         * @param alpha the fitted \(\alpha\)
         * @param beta the fitted \(\beta\)
         * @param gamma the fitted \(\gamma\)
         * @param delta the fitted \(\delta\)
         * @param logLikelihood the maximised log-likelihood
         * @param customers the number of customers
         * @param evaluations the number of log-likelihood evaluations
         * @throws ClvException naming the offending component and value
         */
        public Parameters {
            new BgBbFit(BgBb.of(alpha, beta, gamma, delta), logLikelihood, customers, evaluations);
        }
    }

    /**
     * The parameters of this fit.
     *
     * @return the parameters
     * @since 0.2.0
     */
    public Parameters parameters() {
        return new Parameters(model.alpha(), model.beta(), model.gamma(), model.delta(), logLikelihood, customers,
                evaluations);
    }

    /**
     * Rebuilds a fit from its parameters.
     *
     * @param parameters the parameters
     * @return the fit, equal to the one the parameters came from
     * @throws ClvException if the parameters are null
     * @since 0.2.0
     */
    public static BgBbFit of(Parameters parameters) {
        if (parameters == null) {
            throw new ClvException("BG/BB fit parameters are null");
        }
        return new BgBbFit(BgBb.of(parameters.alpha(), parameters.beta(), parameters.gamma(), parameters.delta()),
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
        return "BG/BB fit\n" + BgBb.table(model, List.of(
                List.of("log-likelihood", TextTable.number(logLikelihood)),
                List.of("customers", Integer.toString(customers))));
    }
}
