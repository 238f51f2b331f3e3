package org.powercx.ahp;

import java.util.Arrays;
import java.util.List;
import org.powercx.core.Weights;

/**
 * Group AHP: combines several experts' pairwise matrices over the same criteria into one priority vector
 * by an {@link Aggregation} method, with each expert's consistency ratio, an option to leave out the experts
 * whose judgments fail the consistency test, and the group's dispersion.
 *
 * <p>The dispersion of criterion \( i \) is the weighted standard deviation of the included experts'
 * priorities, \( s_i = \sqrt{\sum_k \lambda_k (w_i^{(k)} - \bar w_i)^2 / (1 - \sum_k \lambda_k^2)} \) with
 * \( \bar w_i = \sum_k \lambda_k w_i^{(k)} \); with equal weights it is the sample standard deviation
 * (as printed by R {@code ahpsurvey}), and 0 for a single expert.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class GroupAhp {
    private static final GroupAhp DEFAULT = new GroupAhp(Ahp.withDefaults(), Aggregation.AIJ, false);

    private final Ahp ahp;
    private final Aggregation aggregation;
    private final boolean excludeInconsistent;

    private GroupAhp(Ahp ahp, Aggregation aggregation, boolean excludeInconsistent) {
        this.ahp = ahp;
        this.aggregation = aggregation;
        this.excludeInconsistent = excludeInconsistent;
    }

    /**
     * The default: AIJ, the default {@link Ahp} calculator, every expert included.
     *
     * @return the calculator
     */
    public static GroupAhp withDefaults() {
        return DEFAULT;
    }

    /**
     * Uses another aggregation method.
     *
     * @param method the method
     * @return a new calculator
     * @throws AhpException if the method is null
     */
    public GroupAhp with(Aggregation method) {
        return new GroupAhp(ahp, Check.notNull(method, "aggregation"), excludeInconsistent);
    }

    /**
     * Uses another calculator for the individual and aggregated matrices (priority method, random index and
     * threshold).
     *
     * @param calculator the calculator
     * @return a new calculator
     * @throws AhpException if the calculator is null
     */
    public GroupAhp with(Ahp calculator) {
        return new GroupAhp(Check.notNull(calculator, "calculator"), aggregation, excludeInconsistent);
    }

    /**
     * Whether experts whose consistency ratio exceeds the calculator's threshold are left out.
     *
     * @param exclude true to leave them out
     * @return a new calculator
     */
    public GroupAhp withInconsistentExcluded(boolean exclude) {
        return new GroupAhp(ahp, aggregation, exclude);
    }

    private static boolean equalWeights(double[] lambda) {
        double first = 0;
        for (double l : lambda) {
            if (l != 0) {
                if (first == 0) {
                    first = l;
                } else if (l != first) {
                    return false;
                }
            }
        }
        return true;
    }

    /** sum_k lambda_k ln a_ij over the upper triangle, one logarithm per entry and expert. */
    private static double[] weightedLogSum(List<PairwiseMatrix> judgments, double[] lambda, int n) {
        double[] logSum = new double[n * n];
        for (int k = 0; k < lambda.length; k++) {
            if (lambda[k] == 0) {
                continue;
            }
            double[] a = judgments.get(k).data();
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    logSum[i * n + j] += lambda[k] * Math.log(a[i * n + j]);
                }
            }
        }
        return logSum;
    }

    /**
     * The same sum when every included expert has the same weight \( \lambda \): \( \lambda \ln \prod_k a_{ij} \),
     * the product kept as mantissa and binary exponent (renormalised every 64 factors) so that it cannot
     * overflow, and one logarithm per entry at the end.
     */
    private static double[] logSumOfProducts(List<PairwiseMatrix> judgments, double[] lambda, int n) {
        double[] product = new double[n * n];
        long[] exponent = new long[n * n];
        java.util.Arrays.fill(product, 1.0);
        double weight = 0;
        int factors = 0;
        for (int k = 0; k < lambda.length; k++) {
            if (lambda[k] == 0) {
                continue;
            }
            weight = lambda[k];
            double[] a = judgments.get(k).data();
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    product[i * n + j] *= a[i * n + j];
                }
            }
            if (++factors % 64 == 0) {
                renormalise(product, exponent);
            }
        }
        renormalise(product, exponent);
        double[] logSum = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int e = i * n + j;
                logSum[e] = weight * (Math.log(product[e]) + exponent[e] * LN2);
            }
        }
        return logSum;
    }

    private static final double LN2 = Math.log(2);

    private static void renormalise(double[] product, long[] exponent) {
        for (int e = 0; e < product.length; e++) {
            int x = Math.getExponent(product[e]);
            product[e] = Math.scalb(product[e], -x);
            exponent[e] += x;
        }
    }

    /**
     * Aggregates experts of equal weight.
     *
     * @param judgments one matrix per expert, all over the same criteria in the same order
     * @return the result
     * @throws AhpException as {@link #evaluate(List, double[])}
     */
    public GroupResult evaluate(List<PairwiseMatrix> judgments) {
        Check.notNull(judgments, "judgments");
        double[] equal = new double[judgments.size()];
        Arrays.fill(equal, 1.0);
        return evaluate(judgments, equal);
    }

    /**
     * Aggregates weighted experts.
     *
     * @param judgments one matrix per expert, all over the same criteria in the same order; not modified
     * @param expertWeights one non-negative weight per expert, rescaled to sum 1 over the included experts;
     *     not modified
     * @return the result
     * @throws AhpException if there are no experts, the sizes differ, a matrix is null or over other criteria
     *     (the message names the expert), a weight is negative or not finite, no expert is left, or an
     *     expert's judgments span so many orders of magnitude that the priorities leave the double range
     */
    public GroupResult evaluate(List<PairwiseMatrix> judgments, double[] expertWeights) {
        Check.notNull(judgments, "judgments");
        Check.notNull(expertWeights, "expert weights");
        int experts = judgments.size();
        if (experts == 0) {
            throw new AhpException("group aggregation needs at least one expert's judgments");
        }
        if (expertWeights.length != experts) {
            throw new AhpException("%d experts' judgments but %d expert weights", experts, expertWeights.length);
        }
        PairwiseMatrix first = Check.notNull(judgments.get(0), "judgment matrix of expert 0");
        List<String> names = first.names();
        int n = names.size();
        for (int k = 0; k < experts; k++) {
            PairwiseMatrix m = judgments.get(k);
            if (m == null) {
                throw new AhpException("judgment matrix of expert %d is null", k);
            }
            if (!m.names().equals(names)) {
                throw new AhpException("expert %d compares %s but expert 0 compares %s", k, m.names(), names);
            }
            Check.nonNegative(expertWeights[k], "weight of expert " + k);
        }
        // rescale by the largest weight so that the sum cannot overflow (1e308 + 1e308)
        double largest = 0;
        for (double v : expertWeights) {
            largest = Math.max(largest, v);
        }
        double[] cr = new double[experts];
        double[] priorities = new double[experts * n];
        boolean[] included = new boolean[experts];
        double[] w = new double[n];
        double[] scratch = Priorities.workspace(n);
        double total = 0;
        int count = 0;
        double threshold = ahp.consistencyThreshold();
        for (int k = 0; k < experts; k++) {
            cr[k] = ahp.consistencyRatio(judgments.get(k).data(), n, w, scratch);
            if (!(cr[k] >= 0)) {
                throw Check.priorityFailure("judgment matrix of expert " + k, names, judgments.get(k).data(), cr[k]);
            }
            System.arraycopy(w, 0, priorities, k * n, n);
            included[k] = !excludeInconsistent || cr[k] <= threshold;
            if (included[k] && expertWeights[k] > 0) {
                total += expertWeights[k] / largest;
                count++;
            }
        }
        if (count == 0) {
            throw new AhpException(excludeInconsistent
                ? "no expert with positive weight has a consistency ratio <= %s (smallest CR %s)"
                : "the expert weights are all zero", threshold, Check.fmt(Arrays.stream(cr).min().orElse(0)));
        }
        double[] lambda = new double[experts];
        for (int k = 0; k < experts; k++) {
            lambda[k] = included[k] && largest > 0 ? expertWeights[k] / largest / total : 0;
        }
        double[] logSum = equalWeights(lambda) ? logSumOfProducts(judgments, lambda, n)
            : weightedLogSum(judgments, lambda, n);
        double[] mean = new double[n * n];
        for (int i = 0; i < n; i++) {
            mean[i * n + i] = 1;
            for (int j = i + 1; j < n; j++) {
                double v = Math.exp(logSum[i * n + j]);
                mean[i * n + j] = v;
                mean[j * n + i] = 1 / v;
            }
        }
        PairwiseMatrix aggregated = PairwiseMatrix.trusted(names, mean);
        AhpResult groupResult = ahp.evaluate(aggregated);
        double[] arithmetic = new double[n];
        double[] logMean = new double[n];
        double sumSq = 0;
        for (int k = 0; k < experts; k++) {
            double l = lambda[k];
            if (l == 0) {
                continue;
            }
            sumSq += l * l;
            for (int i = 0; i < n; i++) {
                arithmetic[i] += l * priorities[k * n + i];
                logMean[i] += l * Math.log(priorities[k * n + i]);
            }
        }
        double[] dispersion = new double[n];
        if (sumSq < 1 - 1e-12) {
            for (int k = 0; k < experts; k++) {
                if (lambda[k] == 0) {
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    double d = priorities[k * n + i] - arithmetic[i];
                    dispersion[i] += lambda[k] * d * d;
                }
            }
            for (int i = 0; i < n; i++) {
                dispersion[i] = Math.sqrt(dispersion[i] / (1 - sumSq));
            }
        }
        Weights weights;
        switch (aggregation) {
            case AIP_ARITHMETIC:
                weights = Weights.normalized(names, arithmetic);
                break;
            case AIP_GEOMETRIC:
                for (int i = 0; i < n; i++) {
                    logMean[i] = Math.exp(logMean[i]);
                }
                weights = Weights.normalized(names, logMean);
                break;
            default:
                weights = groupResult.weights();
                break;
        }
        return new GroupResult(aggregation, weights, aggregated, groupResult, cr, included, priorities, dispersion);
    }
}
