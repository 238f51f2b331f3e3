package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * Overall model fit of a PLS or PLSc solution, from {@link ModelFit}: SRMR, d_ULS and d_G for the estimated and
 * the saturated model, the two model-implied indicator correlation matrices, and, after a Bollen-Stine
 * bootstrap, the 95 % and 99 % quantiles of each measure under the hypothesis that the model holds (HI95 and
 * HI99: a value above HI95 rejects exact fit at the 5 % level). Immutable; accessors return copies.
 *
 * @since 0.2.0
 */
public final class FitIndices {
    private final PathModel model;
    private final boolean consistent;
    private final double[] values;
    private final double[] hi95;
    private final double[] hi99;
    private final double[] impliedEstimated;
    private final double[] impliedSaturated;
    private final int resamples;
    private final int failed;

    FitIndices(PathModel model, boolean consistent, double[] values, double[] impliedEstimated,
            double[] impliedSaturated, double[][] quantiles, int[] counts) {
        this.model = model;
        this.consistent = consistent;
        this.values = values.clone();
        this.impliedEstimated = impliedEstimated.clone();
        this.impliedSaturated = impliedSaturated.clone();
        this.hi95 = quantiles[0].clone();
        this.hi99 = quantiles[1].clone();
        this.resamples = counts[0];
        this.failed = counts[1];
    }

    /**
     * The model whose fit this is.
     *
     * @return the model
     */
    public PathModel model() {
        return model;
    }

    /**
     * Whether the implied matrices are those of the common factor model of a PLSc solution (true) or of the
     * composite model of a PLS solution (false).
     *
     * @return true for PLSc
     */
    public boolean consistent() {
        return consistent;
    }

    /**
     * The value of a measure.
     *
     * @param measure the measure
     * @return its value (d_G is NaN when the empirical correlation matrix is singular or an eigenvalue of
     *     \( R^{-1}\Sigma \) is not positive)
     * @throws SatisfactionException if the measure is null
     */
    public double value(FitMeasure measure) {
        return values[index(measure)];
    }

    /**
     * The 95 % Bollen-Stine bootstrap quantile of a measure (HI95).
     *
     * @param measure the measure
     * @return the quantile, NaN when no bootstrap was run
     * @throws SatisfactionException if the measure is null
     */
    public double hi95(FitMeasure measure) {
        return hi95[index(measure)];
    }

    /**
     * The 99 % Bollen-Stine bootstrap quantile of a measure (HI99).
     *
     * @param measure the measure
     * @return the quantile, NaN when no bootstrap was run
     * @throws SatisfactionException if the measure is null
     */
    public double hi99(FitMeasure measure) {
        return hi99[index(measure)];
    }

    /**
     * SRMR of the estimated model.
     *
     * @return the SRMR
     */
    public double srmr() {
        return values[0];
    }

    /**
     * d_ULS of the estimated model.
     *
     * @return the unweighted least squares discrepancy
     */
    public double dUls() {
        return values[1];
    }

    /**
     * d_G of the estimated model.
     *
     * @return the geodesic discrepancy
     */
    public double dG() {
        return values[2];
    }

    /**
     * Number of bootstrap resamples drawn (0 without bootstrap).
     *
     * @return the resample count
     */
    public int resamples() {
        return resamples;
    }

    /**
     * Number of resamples left out because estimation failed on them (non-convergence, a singular block, an
     * inadmissible correction).
     *
     * @return the failed count
     */
    public int failedResamples() {
        return failed;
    }

    /**
     * Indicator correlations implied by the estimated model.
     *
     * @return a new p x p matrix in indicator order
     */
    public double[][] impliedCorrelations() {
        int p = model.indicatorNames().size();
        return PlsResult.unflatten(impliedEstimated, p, p);
    }

    /**
     * Indicator correlations implied by the saturated model.
     *
     * @return a new p x p matrix in indicator order
     */
    public double[][] saturatedImpliedCorrelations() {
        int p = model.indicatorNames().size();
        return PlsResult.unflatten(impliedSaturated, p, p);
    }

    private static int index(FitMeasure measure) {
        if (measure == null) {
            throw new SatisfactionException("fit measure is null");
        }
        return measure.ordinal();
    }

    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        String[] names = {"SRMR", "d_ULS", "d_G"};
        for (int s = 0; s < 3; s++) {
            rows.add(List.of(names[s], TextTable.number(values[s]), TextTable.number(hi95[s]),
                TextTable.number(hi99[s]), TextTable.number(values[s + 3]), TextTable.number(hi95[s + 3]),
                TextTable.number(hi99[s + 3])));
        }
        return "Model fit (" + (consistent ? "PLSc, common factor model" : "PLS, composite model")
            + (resamples > 0 ? ", " + resamples + " Bollen-Stine resamples" : "") + ")\n"
            + TextTable.render(List.of("measure", "estimated", "HI95", "HI99", "saturated", "HI95", "HI99"), rows);
    }
}
