package org.powercx.core;

/**
 * How raw indicator values are made comparable before they are weighted or compared with a reference.
 *
 * <p>A normalisation is {@link #fit(IndicatorTable) fitted} on a calibration table; the fitted
 * {@link Normaliser} holds the bounds, means or norms of that table and applies them unchanged to new
 * rows, so that a scored stream uses the calibration data's bounds. With column values \(x_i\):
 * <ul>
 *   <li>{@link #MIN_MAX}: benefit \((x-\min)/(\max-\min)\); cost \((\max-x)/(\max-\min)\); target
 *       \(1-|x-T|/\max_i|x_i-T|\). Every result is larger-is-better, so the normalised indicators are BENEFIT.
 *       A constant column (\(\max=\min\), or every value equal to the target) maps to 1: it ranks every
 *       customer alike.</li>
 *   <li>{@link #INITIAL_VALUE}: \(x/x_1\), with \(x_1\) the first row's value (Deng's initialing operator).</li>
 *   <li>{@link #MEAN}: \(x/\bar{x}\) (averaging operator).</li>
 *   <li>{@link #VECTOR}: \(x/\sqrt{\sum_i x_i^2}\); an all-zero column maps to 0.</li>
 *   <li>{@link #Z_SCORE}: \((x-\bar{x})/s\) with the sample standard deviation \(s\) (divisor \(n-1\));
 *       a constant column, or a single row, maps to 0.</li>
 * </ul>
 * The four scaling methods keep each indicator's direction; a TARGET indicator's target is transformed with
 * its values. A zero divisor for INITIAL_VALUE ({@code x_1 = 0}) or MEAN (mean 0) is rejected, naming the
 * indicator. No method ever yields NaN for finite input.
 *
 * @since 0.1.0
 */
public enum Normalisation {
    /** Range scaling to [0, 1] honouring each indicator's direction. */
    MIN_MAX,
    /** Division by the first value. */
    INITIAL_VALUE,
    /** Division by the mean. */
    MEAN,
    /** Division by the Euclidean norm of the column. */
    VECTOR,
    /** Standardisation to mean 0 and sample standard deviation 1. */
    Z_SCORE;

    /**
     * Fits this normalisation on a calibration table.
     *
     * @param calibration the table whose bounds, means or norms are kept; at least one row
     * @return the fitted normaliser
     * @throws CoreException if the table has no rows, or a divisor is zero (naming the indicator)
     */
    public Normaliser fit(IndicatorTable calibration) {
        return Normaliser.fit(this, calibration);
    }

    /**
     * Fits this normalisation on the statistics of a calibration table too large for memory, summarised
     * block by block. Only the methods that need bounds are supported: MIN_MAX (minimum, maximum, distance to
     * a target) and INITIAL_VALUE (the first row); MEAN, VECTOR and Z_SCORE are fitted in two passes over a
     * table. The normaliser equals, bit for bit, {@link #fit(IndicatorTable)} on the table the statistics
     * summarise.
     *
     * @param statistics the statistics of the calibration rows; at least one row
     * @return the fitted normaliser
     * @throws CoreException if the statistics are null or empty, the method needs the table, or a divisor is
     *     zero or the range overflows (naming the indicator)
     * @since 0.2.0
     */
    public Normaliser fit(IndicatorStatistics statistics) {
        return Normaliser.fit(this, statistics);
    }

    /**
     * Fits on a table and applies the result to the same table.
     *
     * @param table at least one row
     * @return the normalised table
     * @throws CoreException as {@link #fit(IndicatorTable)}
     */
    public IndicatorTable apply(IndicatorTable table) {
        return fit(table).apply(table);
    }
}
