package org.powercx.segmentation;

import org.powercx.core.CustomerIndicators;

import java.util.ArrayList;
import java.util.List;
import org.powercx.ahp.AhpException;
import org.powercx.ahp.Hierarchy;
import org.powercx.ahp.PairwiseMatrix;

/**
 * The customer value index system of the value-evaluation seed: a two-level AHP hierarchy whose goal,
 * customer value, splits into current value and potential value, each judged over its own indicators.
 *
 * <p>Defaults (Saaty 1-9 judgments, upper triangles row by row):
 * <ul>
 * <li>goal: current value is 2 times as important as potential value;</li>
 * <li>current value over annual consumption {@code consumption_y5}, fee revenue {@code fee_revenue}, payment
 *     credit {@code on_time_payment_rate} and load factor {@code load_factor}: 1/2, 2, 3; 3, 4; 2;</li>
 * <li>potential value over consumption growth {@code consumption_growth}, contract-capacity utilisation
 *     {@code capacity_utilisation}, industry prospects {@code industry_prospect} and the GM(1,1)-projected
 *     consumption {@value ConsumptionProjection#PROJECTED_CONSUMPTION}: 2, 1, 1/2; 1/2, 1/3; 1/2.</li>
 * </ul>
 * The projected consumption is computed by {@link ConsumptionProjection} from the history columns
 * ({@link ConsumptionProjection#DEFAULT_SERIES} by default) when the table does not hold it.
 *
 * <p>Size indicators span orders of magnitude between a household and a steel works; min-max normalised
 * as they are, every household and shop would sit near zero and the ranking among them would rest on the
 * other indicators alone. Indicators named in {@link #logScale()} (by default the current-value size indicators
 * annual consumption and fee revenue) therefore enter the analysis as \( \ln x \), which must be positive.
 * The projected consumption stays on its own scale, so that potential value rests on growth, utilisation and
 * prospects for most customers and rewards only a projected consumption that is large in absolute terms.
 * Immutable.
 *
 * @since 0.1.0
 */
public final class ValueIndexSystem {
    /** The goal node. */
    public static final String GOAL = "customer value";
    /** The current-value node. */
    public static final String CURRENT = "current value";
    /** The potential-value node. */
    public static final String POTENTIAL = "potential value";

    private static final ValueIndexSystem DEFAULTS = new ValueIndexSystem(2,
        PairwiseMatrix.fromUpperTriangle(List.of(CustomerIndicators.ANNUAL_CONSUMPTION, CustomerIndicators.FEE_REVENUE,
            CustomerIndicators.ON_TIME_PAYMENT_RATE, CustomerIndicators.LOAD_FACTOR), 1.0 / 2, 2, 3, 3, 4, 2),
        PairwiseMatrix.fromUpperTriangle(List.of(CustomerIndicators.CONSUMPTION_GROWTH,
            CustomerIndicators.CAPACITY_UTILISATION, CustomerIndicators.INDUSTRY_PROSPECT,
            ConsumptionProjection.PROJECTED_CONSUMPTION), 2, 1, 1.0 / 2, 1.0 / 2, 1.0 / 3, 1.0 / 2),
        ConsumptionProjection.DEFAULT_SERIES, List.of(CustomerIndicators.ANNUAL_CONSUMPTION, CustomerIndicators.FEE_REVENUE));

    private final double currentOverPotential;
    private final PairwiseMatrix current;
    private final PairwiseMatrix potential;
    private final List<String> series;
    private final List<String> logScale;

    private ValueIndexSystem(double currentOverPotential, PairwiseMatrix current, PairwiseMatrix potential,
            List<String> series, List<String> logScale) {
        this.currentOverPotential = currentOverPotential;
        this.current = current;
        this.potential = potential;
        this.series = List.copyOf(series);
        this.logScale = List.copyOf(logScale);
    }

    /**
     * The documented default system on the columns of {@link CustomerIndicators}.
     *
     * @return the system
     */
    public static ValueIndexSystem defaults() {
        return DEFAULTS;
    }

    /**
     * A system of one's own.
     *
     * @param currentOverPotential how much more important current value is than potential value, positive
     *     and finite (1/9 to 9 on Saaty's scale)
     * @param current pairwise comparisons of the current-value indicators (named as the table's columns)
     * @param potential pairwise comparisons of the potential-value indicators
     * @return the system, with the default history columns for a projected consumption and no log scale
     * @throws SegmentationException if an argument is null or not positive, or an indicator is in both systems
     */
    public static ValueIndexSystem of(double currentOverPotential, PairwiseMatrix current, PairwiseMatrix potential) {
        if (!(currentOverPotential > 0 && currentOverPotential < Double.POSITIVE_INFINITY)) {
            throw new SegmentationException("current-over-potential judgment must be positive and finite but was %s",
                currentOverPotential);
        }
        if (current == null || potential == null) {
            throw new SegmentationException("value index system needs current- and potential-value matrices");
        }
        for (String name : current.names()) {
            if (potential.names().contains(name)) {
                throw new SegmentationException("indicator '%s' is in both the current and the potential value system",
                    name);
            }
        }
        return new ValueIndexSystem(currentOverPotential, current, potential, ConsumptionProjection.DEFAULT_SERIES,
            List.of());
    }

    /**
     * A copy that projects consumption from other history columns.
     *
     * @param historyColumns at least four columns, oldest first
     * @return a new system
     * @throws SegmentationException if fewer than four columns are given
     */
    public ValueIndexSystem withSeries(List<String> historyColumns) {
        if (historyColumns == null || historyColumns.size() < 4) {
            throw new SegmentationException("GM(1,1) projection needs at least 4 history columns but got %s",
                historyColumns);
        }
        return new ValueIndexSystem(currentOverPotential, current, potential, historyColumns, logScale);
    }

    /**
     * A copy that takes the named indicators on a log scale (and no others).
     *
     * @param indicators indicators of the system, possibly none
     * @return a new system
     * @throws SegmentationException if a name is not an indicator of the system
     */
    public ValueIndexSystem withLogScale(String... indicators) {
        List<String> names = indicators == null ? List.of() : List.of(indicators);
        for (String name : names) {
            if (!current.names().contains(name) && !potential.names().contains(name)) {
                throw new SegmentationException("log scale: '%s' is not an indicator of the value index system %s %s",
                    name, current.names(), potential.names());
            }
        }
        return new ValueIndexSystem(currentOverPotential, current, potential, series, names);
    }

    /**
     * The indicators taken on a log scale.
     *
     * @return an unmodifiable list
     */
    public List<String> logScale() {
        return logScale;
    }

    /**
     * The current-value indicators.
     *
     * @return an unmodifiable list
     */
    public List<String> currentIndicators() {
        return current.names();
    }

    /**
     * The potential-value indicators.
     *
     * @return an unmodifiable list
     */
    public List<String> potentialIndicators() {
        return potential.names();
    }

    /**
     * The history columns of the projected consumption.
     *
     * @return an unmodifiable list
     */
    public List<String> series() {
        return series;
    }

    /**
     * The AHP hierarchy: goal over current and potential value, each over its indicators.
     *
     * @return the hierarchy
     */
    public Hierarchy hierarchy() {
        try {
            return Hierarchy.builder(GOAL, PairwiseMatrix.fromUpperTriangle(List.of(CURRENT, POTENTIAL),
                currentOverPotential)).node(CURRENT, current).node(POTENTIAL, potential).build();
        } catch (AhpException e) {
            throw new SegmentationException(e, "value index system: %s", e.getMessage());
        }
    }

    /**
     * Every indicator the system reads from a table (the projected consumption replaced by its history when
     * the table does not hold it).
     *
     * @param tableHasProjection whether the table holds {@value ConsumptionProjection#PROJECTED_CONSUMPTION}
     * @return a new list
     */
    List<String> inputs(boolean tableHasProjection) {
        List<String> names = new ArrayList<>(current.names());
        for (String name : potential.names()) {
            if (name.equals(ConsumptionProjection.PROJECTED_CONSUMPTION) && !tableHasProjection) {
                names.addAll(series);
            } else {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * The hierarchy as text.
     *
     * @return the goal's judgment and both matrices
     */
    @Override
    public String toString() {
        return "ValueIndexSystem: current over potential value " + org.powercx.core.TextTable.number(currentOverPotential)
            + ", log scale " + logScale + "\ncurrent value\n" + current + "potential value\n" + potential;
    }
}
