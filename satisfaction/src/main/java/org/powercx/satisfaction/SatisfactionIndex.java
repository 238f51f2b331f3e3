package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * Customer satisfaction indices on a 0-100 scale by the ACSI method (Fornell et al. 1996,
 * <a href="https://doi.org/10.1177/002224299606000403">doi:10.1177/002224299606000403</a>).
 *
 * <p>For construct \( j \) the unstandardised weights \( \pi_k = w_k / s_k \) (PLS weights of the standardised
 * indicators divided by the indicator standard deviations) are rescaled to sum to one,
 * \( \tilde\pi_k = \pi_k / \sum_{l \in j} \pi_l \), and applied to the answers; the weighted answer is mapped
 * from the answer scale \( [a, b] \) to \( [0, 100] \):
 * \( I_{ij} = 100\,(\sum_k \tilde\pi_k x_{ik} - a)/(b - a) \) per respondent and \( I_j \) (the same with the
 * item means) per construct. The ACSI method assumes positive weights: a construct with a negative (or zero-sum)
 * weight gets NaN indices, as ADANCO leaves them blank.
 *
 * <p>The importance-performance map pairs, for a target construct, each construct's total effect on it
 * (importance) with its index (performance). The total effect is the standardised one, or, as SmartPLS computes
 * it (Ringle and Sarstedt 2016, <a href="https://doi.org/10.1108/IMDS-10-2015-0449">
 * doi:10.1108/IMDS-10-2015-0449</a>), the unstandardised total effect of the respondents' 0-100 indices: path
 * coefficients of least-squares regressions of each index on its predecessors' indices, summed over chains.
 * Each index is an increasing affine function of the construct score, so the unstandardised total effect of
 * \( j \) on \( t \) is \( T_{jt}\, s(I_t)/s(I_j) \), the standardised total effect times the ratio of the
 * indices' standard deviations.
 *
 * @since 0.1.0
 */
public final class SatisfactionIndex {
    private final PlsResult result;
    private final double scaleMin;
    private final double scaleMax;
    private final double[] rescaled;
    private final double[] index;
    private final double[] respondent;

    private SatisfactionIndex(PlsResult result, double scaleMin, double scaleMax) {
        this.result = result;
        this.scaleMin = scaleMin;
        this.scaleMax = scaleMax;
        PlsKernel k = result.kernel();
        double[] pi = result.unstandardisedWeights();
        double[] mean = result.indicatorMeans();
        double[] x = result.dataArray();
        int n = result.sampleSize();
        List<String> names = result.model().indicatorNames();
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k.p; c++) {
                double v = x[i * k.p + c];
                if (v < scaleMin || v > scaleMax) {
                    throw new SatisfactionException("respondent '%s', indicator '%s': answer %s is outside the scale"
                        + " [%s, %s]", result.ids().get(i), names.get(c), v, scaleMin, scaleMax);
                }
            }
        }
        this.rescaled = new double[k.p];
        this.index = new double[k.m];
        this.respondent = new double[n * k.m];
        double range = scaleMax - scaleMin;
        for (int j = 0; j < k.m; j++) {
            double sum = 0;
            boolean negative = false;
            for (int c = k.start[j]; c < k.start[j + 1]; c++) {
                sum += pi[c];
                negative |= pi[c] < 0;
            }
            if (negative || !(sum > 0)) {
                for (int c = k.start[j]; c < k.start[j + 1]; c++) {
                    rescaled[c] = Double.NaN;
                }
                index[j] = Double.NaN;
                for (int i = 0; i < n; i++) {
                    respondent[i * k.m + j] = Double.NaN;
                }
                continue;
            }
            double m = 0;
            for (int c = k.start[j]; c < k.start[j + 1]; c++) {
                rescaled[c] = pi[c] / sum;
                m += rescaled[c] * mean[c];
            }
            index[j] = 100 * (m - scaleMin) / range;
            for (int i = 0; i < n; i++) {
                double v = 0;
                for (int c = k.start[j]; c < k.start[j + 1]; c++) {
                    v += rescaled[c] * x[i * k.p + c];
                }
                respondent[i * k.m + j] = 100 * (v - scaleMin) / range;
            }
        }
    }

    /**
     * Computes the indices of a fitted model.
     *
     * @param result the PLS estimates
     * @param scaleMin the lowest possible answer (for example 0 or 1)
     * @param scaleMax the highest possible answer (for example 10)
     * @return the indices
     * @throws SatisfactionException if the result is null, the bounds are not finite or not increasing, or an
     *     answer lies outside them (the message names respondent, indicator and value)
     */
    public static SatisfactionIndex of(PlsResult result, double scaleMin, double scaleMax) {
        if (result == null) {
            throw new SatisfactionException("PLS result is null");
        }
        if (!(Double.isFinite(scaleMin) && Double.isFinite(scaleMax) && scaleMin < scaleMax)) {
            throw new SatisfactionException("answer scale [%s, %s] must be finite with min < max", scaleMin,
                scaleMax);
        }
        return new SatisfactionIndex(result, scaleMin, scaleMax);
    }

    /**
     * The rescaled unstandardised weights \( \tilde\pi_k \) (summing to 1 per block; NaN for blocks without an
     * index).
     *
     * @return a new array in indicator order
     */
    public double[] rescaledWeights() {
        return rescaled.clone();
    }

    /**
     * The 0-100 index of each construct.
     *
     * @return a new array in construct order
     */
    public double[] indices() {
        return index.clone();
    }

    /**
     * The 0-100 index of one construct.
     *
     * @param construct the construct name
     * @return the index, NaN if the block has a negative weight
     * @throws SatisfactionException if the construct is unknown
     */
    public double index(String construct) {
        return index[result.model().indexOf(construct)];
    }

    /**
     * The 0-100 index of every respondent for one construct.
     *
     * @param construct the construct name
     * @return a new array in respondent order
     * @throws SatisfactionException if the construct is unknown
     */
    public double[] respondentIndices(String construct) {
        int j = result.model().indexOf(construct);
        int m = index.length;
        double[] out = new double[result.sampleSize()];
        for (int i = 0; i < out.length; i++) {
            out[i] = respondent[i * m + j];
        }
        return out;
    }

    /**
     * Importance-performance map for a target construct: every construct with a total effect on the target.
     *
     * @param target the target construct, usually satisfaction or loyalty
     * @return rows {@code [importance, performance]} keyed by construct, in model order
     * @throws SatisfactionException if the target is unknown or no construct affects it
     */
    public ImportancePerformance importancePerformance(String target) {
        int t = result.model().indexOf(target);
        boolean[][] reach = ResampleEngine.reachability(result.kernel().adj);
        List<String> names = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int j = 0; j < index.length; j++) {
            if (reach[j][t]) {
                String name = result.model().constructs().get(j).name();
                names.add(name);
                rows.add(new double[] {result.totalEffect(name, target), index[j]});
            }
        }
        if (names.isEmpty()) {
            throw new SatisfactionException("no construct has an effect on construct '%s'", target);
        }
        double[] imp = new double[rows.size()];
        double[] perf = new double[rows.size()];
        for (int r = 0; r < imp.length; r++) {
            imp[r] = rows.get(r)[0];
            perf[r] = rows.get(r)[1];
        }
        return new ImportancePerformance(target, names, imp, perf);
    }

    /**
     * Importance-performance map with unstandardised importances, as SmartPLS computes it: each construct's
     * unstandardised total effect on the target's 0-100 index, \( T_{jt}\, s(I_t)/s(I_j) \), with its index
     * as performance.
     *
     * @param target the target construct, usually satisfaction or loyalty
     * @return rows keyed by construct, in model order; NaN importance where an index is NaN (a negative weight)
     * @throws SatisfactionException if the target is unknown or no construct affects it
     * @since 0.2.0
     */
    public ImportancePerformance importancePerformanceUnstandardised(String target) {
        ImportancePerformance standardised = importancePerformance(target);
        double sdTarget = standardDeviation(result.model().indexOf(target));
        double[] imp = standardised.importance();
        for (int r = 0; r < imp.length; r++) {
            imp[r] *= sdTarget / standardDeviation(result.model().indexOf(standardised.constructs().get(r)));
        }
        return new ImportancePerformance(target, standardised.constructs(), imp, standardised.performance(), true);
    }

    /** Population standard deviation of the respondents' indices of construct j. */
    private double standardDeviation(int j) {
        int m = index.length;
        int n = result.sampleSize();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += respondent[i * m + j];
        }
        double mean = sum / n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = respondent[i * m + j] - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / n);
    }

    @Override
    public String toString() {
        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < index.length; j++) {
            rows.add(List.of(result.model().constructs().get(j).name(), TextTable.number(index[j])));
        }
        return "Satisfaction indices (0-100, answers on [" + TextTable.number(scaleMin) + ", "
            + TextTable.number(scaleMax) + "])\n" + TextTable.render(List.of("construct", "index"), rows);
    }
}
