package org.powercx.clv;

import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathRuntimeException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximises a log-likelihood over the logarithms of positive parameters with commons-math3's BOBYQA from a
 * deterministic start. Any optimiser failure, or a non-finite optimum, becomes a {@link ClvException} that
 * reports the last parameters evaluated and their log-likelihood.
 */
final class LogParameterFit {
    /** Bound on each log-parameter: parameters between about 1e-9 and 1e9. */
    static final double LOG_BOUND = 20.7;
    static final int MAX_EVALUATIONS = 5000;
    /**
     * A parameter whose logarithm ends within this distance of {@link #LOG_BOUND} (a factor e of the bound) has
     * run to the edge of the search: on a likelihood that keeps rising towards the bound the optimiser stops
     * anywhere close to it, not exactly on it.
     */
    static final double BOUND_MARGIN = 1.0;

    private LogParameterFit() {
    }

    /** The maximum: parameters (not logged), log-likelihood and the number of evaluations. */
    record Optimum(double[] parameters, double logLikelihood, int evaluations) {
    }

    static Optimum maximise(String model, String[] names, double[] start, ToDoubleFunction<double[]> logLikelihood) {
        return maximise(model, names, start, logLikelihood, MAX_EVALUATIONS);
    }

    static Optimum maximise(String model, String[] names, double[] start, ToDoubleFunction<double[]> logLikelihood,
            int maxEvaluations) {
        int n = start.length;
        double[] logStart = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            logStart[i] = Math.log(start[i]);
            lower[i] = -LOG_BOUND;
            upper[i] = LOG_BOUND;
        }
        double[] last = start.clone();
        double[] lastValue = {Double.NaN};
        double[] params = new double[n];
        ObjectiveFunction objective = new ObjectiveFunction(logParams -> {
            for (int i = 0; i < n; i++) {
                params[i] = Math.exp(logParams[i]);
            }
            System.arraycopy(params, 0, last, 0, n);
            double ll = logLikelihood.applyAsDouble(params);
            lastValue[0] = ll;
            // A non-finite log-likelihood (overflow at extreme parameters) is treated as an impossible point.
            return Double.isNaN(ll) ? Double.NEGATIVE_INFINITY : ll;
        });
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * n + 1, 0.5, 1e-10);
        PointValuePair optimum;
        try {
            optimum = optimizer.optimize(new MaxEval(maxEvaluations), objective, GoalType.MAXIMIZE,
                    new InitialGuess(logStart), new SimpleBounds(lower, upper));
        } catch (IllegalStateException | MathIllegalArgumentException | MathRuntimeException e) {
            throw new ClvException("%s fit failed after %d evaluations (%s); last state %s, log-likelihood %s",
                    model, optimizer.getEvaluations(), e.getMessage(), describe(names, last), lastValue[0]);
        }
        double[] best = new double[n];
        for (int i = 0; i < n; i++) {
            best[i] = Math.exp(optimum.getPoint()[i]);
        }
        double ll = logLikelihood.applyAsDouble(best);
        if (!Double.isFinite(ll)) {
            throw new ClvException("%s fit failed after %d evaluations: log-likelihood %s at %s",
                    model, optimizer.getEvaluations(), ll, describe(names, best));
        }
        for (int i = 0; i < n; i++) {
            if (Math.abs(optimum.getPoint()[i]) >= LOG_BOUND - BOUND_MARGIN) {
                throw new ClvException("%s fit failed after %d evaluations: %s ran to the bound of the search"
                        + " (the data do not identify it); last state %s, log-likelihood %s",
                        model, optimizer.getEvaluations(), names[i], describe(names, best), ll);
            }
        }
        return new Optimum(best, ll, optimizer.getEvaluations());
    }

    static String describe(String[] names, double[] values) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(names[i]).append('=')
                    .append(String.format(Locale.ROOT, "%.6g", values[i]));
        }
        return sb.append('}').toString();
    }
}
