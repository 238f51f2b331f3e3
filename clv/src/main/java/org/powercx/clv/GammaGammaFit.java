package org.powercx.clv;

import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.powercx.core.TextTable;

/**
 * A maximum-likelihood fit of the {@link GammaGamma} spend model.
 *
 * @param model the fitted model
 * @param logLikelihood the maximised log-likelihood of the mean spends
 * @param customers the number of customers with at least one repeat transaction (those used)
 * @param evaluations the number of log-likelihood evaluations the optimiser used
 * @serial exclude
 * @since 0.1.0
 */
public record GammaGammaFit(GammaGamma model, double logLikelihood, int customers, int evaluations)
        implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private static final String[] NAMES = {"p", "q", "v"};

    /**
     * Validates the components.
     *
     * @param model the fitted model, not null
     * @param logLikelihood finite
     * @param customers positive
     * @param evaluations non-negative
     * @throws ClvException if a component is invalid
     */
    public GammaGammaFit {
        if (model == null) {
            throw new ClvException("Gamma-Gamma fit: model must not be null");
        }
        Checks.finite("Gamma-Gamma fit: log-likelihood", logLikelihood);
        if (customers < 1 || evaluations < 0) {
            throw new ClvException("Gamma-Gamma fit: customers must be positive and evaluations non-negative,"
                    + " got %d and %d", customers, evaluations);
        }
    }

    static void check(int i, double x, double meanSpend) {
        if (!(x >= 0 && x <= Integer.MAX_VALUE && x == Math.rint(x))) {
            throw new ClvException("customer %d: frequency must be a non-negative whole number, got %s", i, x);
        }
        if (!(meanSpend >= 0 && meanSpend < Double.POSITIVE_INFINITY)) {
            throw new ClvException("customer %d: mean spend must be non-negative and finite, got %s", i, meanSpend);
        }
        if (x > 0 && meanSpend == 0) {
            throw new ClvException("customer %d: mean spend must be positive when frequency is %s", i, x);
        }
    }

    static GammaGammaFit of(double[] frequency, double[] meanSpend) {
        Sample sample = sample(frequency, meanSpend);
        LogParameterFit.Optimum opt = LogParameterFit.maximise("Gamma-Gamma", NAMES, new double[] {1, 1, 1},
                p -> sample.logLikelihood(p[0], p[1], p[2]));
        double[] p = opt.parameters();
        return new GammaGammaFit(GammaGamma.of(p[0], p[1], p[2]), opt.logLikelihood(), sample.x.length,
                opt.evaluations());
    }

    /** The validated customers with at least one repeat transaction, with the terms the likelihood reuses. */
    static Sample sample(double[] frequency, double[] meanSpend) {
        if (frequency == null || meanSpend == null) {
            throw new ClvException("frequency and mean spend must not be null");
        }
        Checks.sameLength("frequency", frequency, "mean spend", meanSpend);
        int n = 0;
        int maxX = 0;
        for (int i = 0; i < frequency.length; i++) {
            check(i, frequency[i], meanSpend[i]);
            if (frequency[i] > 0) {
                n++;
                maxX = Math.max(maxX, (int) frequency[i]);
            }
        }
        if (n == 0) {
            throw new ClvException("Gamma-Gamma fit needs customers with at least one repeat transaction; none of"
                    + " the %d has", frequency.length);
        }
        int[] x = new int[n];
        double[] logX = new double[n];
        double[] logZ = new double[n];
        double[] xz = new double[n];
        for (int i = 0, k = 0; i < frequency.length; i++) {
            if (frequency[i] > 0) {
                x[k] = (int) frequency[i];
                logX[k] = Math.log(frequency[i]);
                logZ[k] = Math.log(meanSpend[i]);
                xz[k] = frequency[i] * meanSpend[i];
                k++;
            }
        }
        int[] countX = new int[maxX + 1];
        for (int xi : x) {
            countX[xi]++;
        }
        return new Sample(x, logX, logZ, xz, countX, new double[maxX + 1]);
    }

    /** Customers with repeat transactions; {@code scratch} holds the per-x terms of one evaluation. */
    record Sample(int[] x, double[] logX, double[] logZ, double[] xz, int[] countX, double[] scratch) {
        double logLikelihood(double p, double q, double v) {
            return GammaGammaFit.logLikelihood(p, q, v, x, logX, logZ, xz, countX, scratch);
        }
    }

    /** The log-likelihood; {@code perX} is scratch space for the gamma-function terms, which depend on x only. */
    static double logLikelihood(double p, double q, double v, int[] x, double[] logX, double[] logZ, double[] xz,
            int[] countX, double[] perX) {
        double lgq = Gamma.logGamma(q);
        double qlv = q * Math.log(v);
        for (int k = 1; k < countX.length; k++) {
            if (countX[k] > 0) {
                perX[k] = Gamma.logGamma(p * k + q) - Gamma.logGamma(p * k) - lgq + qlv;
            }
        }
        double ll = 0;
        for (int i = 0; i < x.length; i++) {
            double px = p * x[i];
            ll += perX[x[i]] + (px - 1) * logZ[i] + px * logX[i] - (px + q) * Math.log(xz[i] + v);
        }
        return ll;
    }

    /**
     * Everything the fit holds: the fitted parameters of the {@link GammaGamma} model, the maximised log-likelihood,
     * the number of customers and the optimiser's evaluations. A fit rebuilt by {@link #of(Parameters)} is equal
     * to the original and its model gives the same bits.
     *
     * @param p the fitted \(p\)
     * @param q the fitted \(q\)
     * @param v the fitted \(v\)
     * @param logLikelihood the maximised log-likelihood
     * @param customers the number of customers
     * @param evaluations the number of log-likelihood evaluations
     * @serial exclude
     * @since 0.2.0
     */
    public record Parameters(double p, double q, double v, double logLikelihood, int customers, int evaluations)
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Validates the components as the fit's constructor does.
         *
         * @param p the fitted \(p\)
         * @param q the fitted \(q\)
         * @param v the fitted \(v\)
         * @param logLikelihood the maximised log-likelihood
         * @param customers the number of customers
         * @param evaluations the number of log-likelihood evaluations
         * @throws ClvException naming the offending component and value
         */
        public Parameters {
            new GammaGammaFit(GammaGamma.of(p, q, v), logLikelihood, customers, evaluations);
        }
    }

    /**
     * The parameters of this fit.
     *
     * @return the parameters
     * @since 0.2.0
     */
    public Parameters parameters() {
        return new Parameters(model.p(), model.q(), model.v(), logLikelihood, customers, evaluations);
    }

    /**
     * Rebuilds a fit from its parameters.
     *
     * @param parameters the parameters
     * @return the fit, equal to the one the parameters came from
     * @throws ClvException if the parameters are null
     * @since 0.2.0
     */
    public static GammaGammaFit of(Parameters parameters) {
        if (parameters == null) {
            throw new ClvException("Gamma-Gamma fit parameters are null");
        }
        return new GammaGammaFit(GammaGamma.of(parameters.p(), parameters.q(), parameters.v()),
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
        return "Gamma-Gamma fit\n" + GammaGamma.table(model, List.of(
                List.of("log-likelihood", TextTable.number(logLikelihood)),
                List.of("customers", Integer.toString(customers))));
    }
}
