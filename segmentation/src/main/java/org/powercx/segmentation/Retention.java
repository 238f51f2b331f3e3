package org.powercx.segmentation;

import java.io.Serializable;
import java.util.List;

/**
 * Where the yearly retention \( r_i \) of the lifetime value \( \text{CLV}_i = \sum_t m_i r_i^t / (1+d)^t \) comes
 * from: one of three documented choices.
 *
 * <ul>
 * <li>{@link Source#DEFAULT_PROBABILITY} (the pipeline's default): \( r_i = r_0 (1 - p_i) \), \( p_i \) the
 *     customer's credit default probability and \( r_0 \) a base retention (0.97 by default) &mdash; a
 *     customer who defaults on electricity fees is treated as lost;</li>
 * <li>{@link Source#CONSTANT}: \( r_i = r \) for every customer;</li>
 * <li>{@link Source#CHURN_MODEL}: a utility with observed churn fits Fisher's linear discriminant (the credit
 *     module's {@code LinearDiscriminant}) of a churn label column (1 churned within the year, 0 stayed) on
 *     chosen indicators, and \( r_i = 1 - q_i \) with \( q_i = 1/(1 + e^{-Z_i}) \) the posterior churn
 *     probability (R. A. Fisher 1936, The use of multiple measurements in taxonomic problems, Annals of
 *     Eugenics 7, 179-188).</li>
 * </ul>
 *
 * @param source the choice
 * @param rate the base retention \( r_0 \) (default probability) or the constant \( r \), in [0, 1]; NaN for a
 *     churn model
 * @param indicators the churn model's indicators, at least one; empty otherwise
 * @param churnColumn the churn label column of a churn model; null otherwise
 * @since 0.2.0
 * @serial exclude
 */
public record Retention(Source source, double rate, List<String> indicators, String churnColumn)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The three retention sources. */
    public enum Source {
        /** Base retention times one minus the credit default probability. */
        DEFAULT_PROBABILITY,
        /** One retention for every customer. */
        CONSTANT,
        /** One minus the churn probability of a discriminant fitted on a churn label. */
        CHURN_MODEL
    }

    /**
     * Validates and copies the components.
     *
     * @param source the choice
     * @param rate the base or constant retention, or NaN for a churn model
     * @param indicators the churn indicators (churn model only)
     * @param churnColumn the churn label column (churn model only)
     * @throws SegmentationException naming the offending component and value
     */
    public Retention {
        if (source == null) {
            throw new SegmentationException("retention source is null");
        }
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        if (source == Source.CHURN_MODEL) {
            if (indicators.isEmpty() || churnColumn == null || churnColumn.isBlank()) {
                throw new SegmentationException("retention from a churn model needs at least one indicator and a churn column but got %s and %s",
                    indicators, churnColumn);
            }
            if (indicators.contains(churnColumn)) {
                throw new SegmentationException("churn column '%s' cannot also be a churn indicator", churnColumn);
            }
            if (!Double.isNaN(rate)) {
                throw new SegmentationException("retention from a churn model takes no rate but got %s", rate);
            }
        } else {
            if (!(rate >= 0 && rate <= 1)) {
                throw new SegmentationException("%s retention rate must be in [0, 1] but was %s",
                    source.name().toLowerCase(java.util.Locale.ROOT), rate);
            }
            if (!indicators.isEmpty() || churnColumn != null) {
                throw new SegmentationException("only a churn-model retention has indicators and a churn column");
            }
        }
    }

    /**
     * Retention \( r_0 (1 - p_i) \) from the credit default probability.
     *
     * @param baseRetention \( r_0 \), in [0, 1]
     * @return the choice
     * @throws SegmentationException if the base is out of range
     */
    public static Retention fromDefaultProbability(double baseRetention) {
        return new Retention(Source.DEFAULT_PROBABILITY, baseRetention, List.of(), null);
    }

    /**
     * One retention for every customer.
     *
     * @param retention the yearly retention, in [0, 1]
     * @return the choice
     * @throws SegmentationException if the retention is out of range
     */
    public static Retention constant(double retention) {
        return new Retention(Source.CONSTANT, retention, List.of(), null);
    }

    /**
     * Retention from a linear discriminant of a churn label, fitted on the calibration customers.
     *
     * @param indicators the model's indicators, at least one
     * @param churnColumn the label column: 1 churned, 0 stayed
     * @return the choice
     * @throws SegmentationException if there is no indicator or column, or the column is an indicator
     */
    public static Retention fromChurnModel(List<String> indicators, String churnColumn) {
        return new Retention(Source.CHURN_MODEL, Double.NaN, indicators, churnColumn);
    }
}
