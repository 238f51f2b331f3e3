package org.powercx.grey;

import org.powercx.core.Indicator;
import org.powercx.core.IndicatorStatistics;
import org.powercx.core.IndicatorTable;
import org.powercx.core.Normalisation;
import org.powercx.core.Weights;
import org.powercx.core.internal.ParallelRanges;

/**
 * Weighted grey relational analysis (GRA) after Deng: each customer's normalised indicator sequence
 * \(x_i\) is compared with a reference sequence \(x_0\), and the weighted grey relational grade ranks the
 * customers.
 *
 * <p>With normalised values \(x_i(k)\), \(\Delta_i(k) = |x_0(k) - x_i(k)|\), the global
 * \(\Delta_{\min} = \min_i\min_k \Delta_i(k)\) and \(\Delta_{\max} = \max_i\max_k \Delta_i(k)\) over the whole
 * table, and the distinguishing coefficient \(\rho \in (0, 1]\), the grey relational coefficient and the
 * weighted grade are
 * \[ \xi_i(k) = \frac{\Delta_{\min} + \rho\Delta_{\max}}{\Delta_i(k) + \rho\Delta_{\max}}, \qquad
 *    r_i = \sum_k w_k\,\xi_i(k), \quad \sum_k w_k = 1. \]
 * When \(\Delta_{\max} = 0\) (every customer equals the reference) every coefficient is 1. Grades are capped
 * at 1, so that the rounding of the weights' sum (which core accepts within 1e-9 of 1) cannot push a customer
 * who matches the reference everywhere above 1: every grade lies in \((0, 1]\).
 *
 * <p>The calculator is immutable and thread-safe: {@code with...} methods return new instances. Defaults:
 * \(\rho = 0.5\), {@link Normalisation#MIN_MAX} (honouring each indicator's direction), the
 * {@link Reference#ideal() ideal} reference, sequential scoring.
 *
 * <p>References: J. Deng, "Control problems of grey systems", Systems &amp; Control Letters 1(5) (1982)
 * 288-294, doi:10.1016/S0167-6911(82)80025-X; J. Deng, "Introduction to grey system theory", The Journal of
 * Grey System 1(1) (1989) 1-24.
 *
 * @since 0.1.0
 */
public final class GreyRelationalAnalysis {
    private static final GreyRelationalAnalysis DEFAULTS =
        new GreyRelationalAnalysis(0.5, Normalisation.MIN_MAX, Reference.ideal(), 1);

    private final double rho;
    private final Normalisation normalisation;
    private final Reference reference;
    private final int threads;

    private GreyRelationalAnalysis(double rho, Normalisation normalisation, Reference reference, int threads) {
        this.rho = rho;
        this.normalisation = normalisation;
        this.reference = reference;
        this.threads = threads;
    }

    /**
     * The default calculator: \(\rho = 0.5\), MIN_MAX normalisation, ideal reference, one thread.
     *
     * @return the default instance
     */
    public static GreyRelationalAnalysis withDefaults() {
        return DEFAULTS;
    }

    /**
     * Sets the distinguishing coefficient \(\rho\); smaller values spread the coefficients further apart.
     *
     * @param newRho a value in (0, 1]
     * @return a new calculator
     * @throws GreyException if rho is NaN or outside (0, 1]
     */
    public GreyRelationalAnalysis withDistinguishingCoefficient(double newRho) {
        if (newRho > 0 && newRho <= 1) {
            return new GreyRelationalAnalysis(newRho, normalisation, reference, threads);
        }
        throw new GreyException("distinguishing coefficient rho must be in (0, 1] but was %s", newRho);
    }

    /**
     * Sets the normalisation that makes the indicators comparable.
     *
     * @param newNormalisation the method; MIN_MAX honours each indicator's direction
     * @return a new calculator
     * @throws GreyException if the argument is null
     */
    public GreyRelationalAnalysis with(Normalisation newNormalisation) {
        if (newNormalisation == null) {
            throw new GreyException("normalisation must not be null");
        }
        return new GreyRelationalAnalysis(rho, newNormalisation, reference, threads);
    }

    /**
     * Sets the reference sequence.
     *
     * @param newReference the reference
     * @return a new calculator
     * @throws GreyException if the argument is null
     */
    public GreyRelationalAnalysis with(Reference newReference) {
        if (newReference == null) {
            throw new GreyException("reference must not be null");
        }
        return new GreyRelationalAnalysis(rho, normalisation, newReference, threads);
    }

    /**
     * Sets the number of threads a fitted model uses to score tables. Rows are scored in fixed blocks and
     * each grade depends on its own row only, so the results are bit-identical whatever the thread count.
     *
     * @param newThreads 1 to {@value org.powercx.core.internal.ParallelRanges#MAX_THREADS}, the cap shared by
     *     every {@code withThreads} option
     * @return a new calculator
     * @throws GreyException if the count is below 1 or above the cap
     */
    public GreyRelationalAnalysis withThreads(int newThreads) {
        if (!ParallelRanges.isValidThreadCount(newThreads)) {
            throw new GreyException("thread count must be between 1 and %d but was %d", ParallelRanges.MAX_THREADS,
                newThreads);
        }
        return new GreyRelationalAnalysis(rho, normalisation, reference, newThreads);
    }

    /**
     * The distinguishing coefficient.
     *
     * @return rho
     */
    public double distinguishingCoefficient() {
        return rho;
    }

    /**
     * The normalisation.
     *
     * @return the method
     */
    public Normalisation normalisation() {
        return normalisation;
    }

    /**
     * The reference sequence.
     *
     * @return the reference
     */
    public Reference reference() {
        return reference;
    }

    /**
     * The number of scoring threads.
     *
     * @return at least 1
     */
    public int threads() {
        return threads;
    }

    /**
     * Evaluates a table with equal weights.
     *
     * @param table the customers; at least one row and one indicator
     * @return the coefficients, grades and ranking
     * @throws GreyException as {@link #evaluate(IndicatorTable, Weights)}
     */
    public GreyRelationalResult evaluate(IndicatorTable table) {
        GreyRelationalModel.checkTable(table);
        return evaluate(table, Weights.equal(table));
    }

    /**
     * Evaluates a table: fits the normalisation, reference and \(\Delta_{\min}, \Delta_{\max}\) on it and
     * scores it. Identical, bit for bit, to {@code fit(table, weights).evaluate(table)}.
     *
     * @param table the customers; at least one row and one indicator
     * @param weights one weight per indicator, matched by name (for example AHP priorities)
     * @return the coefficients, grades and ranking
     * @throws GreyException if the table is null or empty, the weights name other indicators than the table,
     *     the normalisation divides by zero or overflows, the reference does not fit the table or its distances
     *     overflow, or \(\rho\Delta_{\max}\) underflows (a subnormal rho)
     */
    public GreyRelationalResult evaluate(IndicatorTable table, Weights weights) {
        return fit(table, weights).evaluate(table);
    }

    /**
     * Fits a model on a calibration table with equal weights.
     *
     * @param calibration the calibration customers; at least one row and one indicator
     * @return the fitted model
     * @throws GreyException as {@link #fit(IndicatorTable, Weights)}
     */
    public GreyRelationalModel fit(IndicatorTable calibration) {
        GreyRelationalModel.checkTable(calibration);
        return fit(calibration, Weights.equal(calibration));
    }

    /**
     * Fits a model on a calibration table: it keeps the normalisation bounds, the normalised reference and
     * the global \(\Delta_{\min}, \Delta_{\max}\), and scores new customers against them.
     *
     * @param calibration the calibration customers; at least one row and one indicator
     * @param weights one weight per indicator, matched by name
     * @return the fitted model
     * @throws GreyException as {@link #evaluate(IndicatorTable, Weights)}
     */
    public GreyRelationalModel fit(IndicatorTable calibration, Weights weights) {
        return GreyRelationalModel.fit(calibration, weights, rho, normalisation, reference, threads);
    }

    /**
     * Fits a model on the statistics of calibration rows summarised block by block (a file or stream larger
     * than memory), with equal weights.
     *
     * @param statistics the calibration statistics; at least one row
     * @return the fitted model
     * @throws GreyException as {@link #fit(IndicatorStatistics, Weights)}
     * @since 0.2.0
     */
    public GreyRelationalModel fit(IndicatorStatistics statistics) {
        if (statistics == null) {
            throw new GreyException("statistics must not be null");
        }
        return fit(statistics, Weights.equal(statistics.indicators().stream().map(Indicator::name).toList()));
    }

    /**
     * Fits a model on the statistics of calibration rows summarised block by block, for a calibration set
     * larger than memory: {@code fit(IndicatorStatistics.of(table), weights)} equals {@code fit(table, weights)}
     * bit for bit, and so does a fit from statistics built over any split of the table into blocks added or
     * merged in order. Supported: the MIN_MAX and INITIAL_VALUE normalisations, and the ideal reference or
     * reference values at or beyond each indicator's normalised calibration range (a reference inside the range
     * needs the nearest value, hence the table).
     *
     * @param statistics the calibration statistics; at least one row
     * @param weights one weight per indicator, matched by name
     * @return the fitted model
     * @throws GreyException if an argument is null, the statistics are empty, the normalisation needs a table
     *     (MEAN, VECTOR, Z_SCORE), the reference is a customer or lies inside a range, or as
     *     {@link #fit(IndicatorTable, Weights)}
     * @since 0.2.0
     */
    public GreyRelationalModel fit(IndicatorStatistics statistics, Weights weights) {
        return GreyRelationalModel.fit(statistics, weights, rho, normalisation, reference, threads);
    }

    /**
     * Describes the configuration.
     *
     * @return a one-line summary
     */
    @Override
    public String toString() {
        return "GreyRelationalAnalysis[rho=" + rho + ", normalisation=" + normalisation + ", reference="
            + reference + ", threads=" + threads + "]";
    }
}
