package org.powercx.credit;

import java.util.Arrays;
import java.util.List;

/**
 * A fitted logistic regression: \( P(\text{default} \mid x) = 1/(1+e^{-\eta}) \),
 * \( \eta = \beta_0 + \sum_j \beta_j x_j \). Immutable; fitted by {@link LogisticRegression}.
 *
 * @since 0.2.0
 */
public final class LogisticModel {
    private final List<String> names;
    private final double intercept;
    private final double[] coefficients;
    private final double penalty;
    private final int iterations;
    private final int passes;

    LogisticModel(List<String> names, double intercept, double[] coefficients, double penalty, int iterations,
            int passes) {
        this.names = List.copyOf(names);
        this.intercept = intercept;
        this.coefficients = coefficients.clone();
        this.penalty = penalty;
        this.iterations = iterations;
        this.passes = passes;
    }

    /**
     * Returns the column names, one per coefficient.
     *
     * @return the column names
     */
    public List<String> names() {
        return names;
    }

    /**
     * Returns the intercept \( \beta_0 \).
     *
     * @return the intercept
     */
    public double intercept() {
        return intercept;
    }

    /**
     * Copy of the coefficients \( \beta_1..\beta_p \).
     *
     * @return one per column
     */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /**
     * Returns the L2 penalty it was fitted with.
     *
     * @return the L2 penalty
     */
    public double penalty() {
        return penalty;
    }

    /**
     * Returns the Newton iterations taken on the whole data (from 65,536 rows not counting those of the
     * warm-start fit on every 16th row).
     *
     * @return the Newton iterations taken
     */
    public int iterations() {
        return iterations;
    }

    /**
     * Returns the passes over the whole data (one to start, one per iteration but the last, whose step is taken
     * without a pass, one per step halving; from 65,536 rows the warm-start fit on every 16th row adds passes
     * over that sample, each a sixteenth of the data, not counted here; from 524,288 rows that fit starts in
     * turn at the fit on every 16th of its rows).
     *
     * @return the passes over the data
     */
    public int passes() {
        return passes;
    }

    /**
     * The linear predictors \( \eta \) of many rows, column by column without allocation.
     *
     * @param columns one finite column per coefficient, equal lengths; not modified
     * @param out receives \( \eta_i \); modified; at least as long as the columns
     * @throws CreditException if the shapes disagree
     */
    public void logits(double[][] columns, double[] out) {
        if (columns == null || columns.length != coefficients.length || out == null) {
            throw new CreditException("%s columns for %d coefficients", columns == null ? "no"
                : String.valueOf(columns.length), coefficients.length);
        }
        int n = columns.length == 0 ? out.length : columns[0].length;
        if (out.length < n) {
            throw new CreditException("output holds %d values for %d rows", out.length, n);
        }
        Arrays.fill(out, 0, n, intercept);
        for (int j = 0; j < coefficients.length; j++) {
            double[] c = columns[j];
            if (c == null || c.length != n) {
                throw new CreditException("column '%s' has %s values, expected %d", names.get(j),
                    c == null ? "no" : String.valueOf(c.length), n);
            }
            double b = coefficients[j];
            for (int i = 0; i < n; i++) {
                out[i] += b * c[i];
            }
        }
    }

    /**
     * Default probabilities of many rows.
     *
     * @param columns one column per coefficient, equal lengths; not modified
     * @return \( 1/(1+e^{-\eta_i}) \) per row
     * @throws CreditException if the shapes disagree
     */
    public double[] defaultProbabilities(double[][] columns) {
        int n = columns == null || columns.length == 0 || columns[0] == null ? 0 : columns[0].length;
        double[] out = new double[n];
        logits(columns, out);
        for (int i = 0; i < n; i++) {
            out[i] = 1 / (1 + Math.exp(-out[i]));
        }
        return out;
    }

    @Override
    public String toString() {
        return "LogisticModel[intercept=" + intercept + ", coefficients=" + Arrays.toString(coefficients)
            + ", penalty=" + penalty + ", iterations=" + iterations + "]";
    }
}
