package org.powercx.segmentation;

import java.util.ArrayList;
import java.util.List;
import org.powercx.ahp.Ahp;
import org.powercx.ahp.AhpException;
import org.powercx.ahp.HierarchyResult;
import org.powercx.core.CoreException;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.grey.GreyException;
import org.powercx.grey.GreyRelationalAnalysis;
import org.powercx.grey.GreyRelationalModel;

/**
 * Customer value evaluation of the value-evaluation seed: AHP weights the indicators of a
 * {@link ValueIndexSystem}, and grey relational analysis scores every customer's current and potential value.
 *
 * <p>The AHP hierarchy gives local weights \( w^{c} \) over the current-value indicators, \( w^{p} \) over the
 * potential-value indicators and the goal's weights \( (g_c, g_p) \) of current and potential value; every
 * matrix must pass the consistency test (\( CR \le 0.1 \) by default). Grey relational analysis (default
 * \( \rho = 0.5 \), min-max normalisation honouring each indicator's direction, ideal reference) gives the
 * current value \( V^c_i = \sum_k w^c_k \xi_{ik} \) and the potential value \( V^p_i \) of each customer, both
 * in \( (0, 1] \), and the combined value is \( V_i = g_c V^c_i + g_p V^p_i \) (T. L. Saaty, The Analytic
 * Hierarchy Process, McGraw-Hill 1980; J. Deng, Introduction to grey system theory, The Journal of Grey
 * System 1(1) (1989) 1-24). Immutable.
 *
 * @since 0.1.0
 */
public final class ValueEvaluation {
    private static final ValueEvaluation DEFAULTS = new ValueEvaluation(ValueIndexSystem.defaults(),
        Ahp.withDefaults(), GreyRelationalAnalysis.withDefaults());

    private final ValueIndexSystem system;
    private final Ahp ahp;
    private final GreyRelationalAnalysis gra;

    private ValueEvaluation(ValueIndexSystem system, Ahp ahp, GreyRelationalAnalysis gra) {
        this.system = system;
        this.ahp = ahp;
        this.gra = gra;
    }

    /**
     * The default index system, AHP and GRA.
     *
     * @return the calculator
     */
    public static ValueEvaluation withDefaults() {
        return DEFAULTS;
    }

    /**
     * Uses another index system.
     *
     * @param newSystem the system
     * @return a new calculator
     * @throws SegmentationException if the system is null
     */
    public ValueEvaluation with(ValueIndexSystem newSystem) {
        if (newSystem == null) {
            throw new SegmentationException("value index system is null");
        }
        return new ValueEvaluation(newSystem, ahp, gra);
    }

    /**
     * Uses another AHP calculator (priority method, random index, consistency threshold).
     *
     * @param newAhp the calculator
     * @return a new calculator
     * @throws SegmentationException if the calculator is null
     */
    public ValueEvaluation with(Ahp newAhp) {
        if (newAhp == null) {
            throw new SegmentationException("AHP calculator is null");
        }
        return new ValueEvaluation(system, newAhp, gra);
    }

    /**
     * Uses another grey relational analysis (distinguishing coefficient, normalisation, reference, threads).
     *
     * @param newGra the calculator
     * @return a new calculator
     * @throws SegmentationException if the calculator is null
     */
    public ValueEvaluation with(GreyRelationalAnalysis newGra) {
        if (newGra == null) {
            throw new SegmentationException("grey relational analysis is null");
        }
        return new ValueEvaluation(system, ahp, newGra);
    }

    /**
     * The index system.
     *
     * @return the system
     */
    public ValueIndexSystem system() {
        return system;
    }

    /**
     * The grey relational analysis that fits the current- and potential-value models.
     *
     * @return the calculator
     * @since 0.2.0
     */
    public GreyRelationalAnalysis greyRelationalAnalysis() {
        return gra;
    }

    /**
     * The columns the two grey relational models read, as {@link #evaluate} derives them from a table: the
     * current-value indicators then the potential-value indicators, the GM(1,1) projected consumption computed
     * from the history columns when the system uses it and the table does not hold it, and the log-scale
     * indicators as \( \ln x \). A table split into blocks gives, block by block, the rows of the whole table's
     * derived columns; a cluster job summarises them per partition.
     *
     * @param table the customers, with every indicator the index system reads; possibly no rows
     * @return a new table with the same ids
     * @throws SegmentationException if an indicator is unknown, a history or log-scale value is not positive or a
     *     projection is not finite (naming the customer)
     * @since 0.2.0
     */
    public IndicatorTable derivedColumns(IndicatorTable table) {
        check(table);
        return derivedTable(table, projection(table));
    }

    /**
     * Weighs the index system: evaluates the AHP hierarchy and checks every matrix's consistency.
     *
     * @return the hierarchy's result
     * @throws SegmentationException if a matrix fails the consistency test (naming the node and its CR)
     */
    public HierarchyResult weights() {
        HierarchyResult h;
        try {
            h = system.hierarchy().evaluate(ahp);
        } catch (AhpException e) {
            throw new SegmentationException(e, "value index system: %s", e.getMessage());
        }
        for (String node : h.inconsistentNodes()) {
            throw new SegmentationException("AHP judgments of '%s' fail the consistency test: CR = %s > %s; revise them",
                node, org.powercx.core.TextTable.number(h.local(node).consistencyRatio()),
                org.powercx.core.TextTable.number(ahp.consistencyThreshold()));
        }
        return h;
    }

    /**
     * Checks that a table holds every indicator the index system reads.
     *
     * @param table the customers
     * @throws SegmentationException naming the first unknown indicator
     */
    public void check(IndicatorTable table) {
        if (table == null) {
            throw new SegmentationException("customer table is null");
        }
        for (String name : system.inputs(table.contains(ConsumptionProjection.PROJECTED_CONSUMPTION))) {
            if (!table.contains(name)) {
                throw new SegmentationException("value index system: unknown indicator '%s'; the table has %s", name,
                    table.indicatorNames());
            }
        }
    }

    /**
     * Evaluates every customer's current, potential and combined value.
     *
     * @param table the customers, with every indicator of the index system
     * @return the values, weights and fitted GRA models
     * @throws SegmentationException if an indicator is unknown, a matrix fails the consistency test, the table
     *     is empty or a history value is not positive
     */
    public ValueScores evaluate(IndicatorTable table) {
        check(table);
        if (table.rowCount() == 0) {
            throw new SegmentationException("customer table has no rows");
        }
        HierarchyResult h = weights();
        IndicatorTable derived = derivedTable(table, projection(table));
        IndicatorTable currentTable = derived.select(system.currentIndicators().toArray(new String[0]));
        IndicatorTable potentialTable = derived.select(system.potentialIndicators().toArray(new String[0]));
        try {
            GreyRelationalModel currentModel = gra.fit(currentTable, h.local(ValueIndexSystem.CURRENT).weights());
            GreyRelationalModel potentialModel = gra.fit(potentialTable, h.local(ValueIndexSystem.POTENTIAL).weights());
            double[] current = currentModel.grades(currentTable);
            double[] potential = potentialModel.grades(potentialTable);
            double gc = h.globalWeight(ValueIndexSystem.CURRENT);
            double gp = h.globalWeight(ValueIndexSystem.POTENTIAL);
            double[] combined = new double[current.length];
            for (int i = 0; i < combined.length; i++) {
                combined[i] = gc * current[i] + gp * potential[i];
            }
            return new ValueScores(h, currentModel, potentialModel, currentTable, potentialTable, current, potential,
                combined);
        } catch (GreyException | CoreException e) {
            throw new SegmentationException(e, "value evaluation: %s", e.getMessage());
        }
    }

    private double[] projection(IndicatorTable table) {
        boolean project = system.potentialIndicators().contains(ConsumptionProjection.PROJECTED_CONSUMPTION)
            && !table.contains(ConsumptionProjection.PROJECTED_CONSUMPTION);
        return project ? ConsumptionProjection.project(table, system.series(), 1) : null;
    }

    /**
     * The system's columns in one table (built once: a table checks its ids on construction), the projection
     * filled in and log-scale columns transformed.
     */
    private IndicatorTable derivedTable(IndicatorTable table, double[] projected) {
        List<String> names = new ArrayList<>(system.currentIndicators());
        names.addAll(system.potentialIndicators());
        List<Indicator> indicators = new ArrayList<>();
        double[][] columns = new double[names.size()][];
        for (int j = 0; j < names.size(); j++) {
            String name = names.get(j);
            Indicator ind;
            if (projected != null && name.equals(ConsumptionProjection.PROJECTED_CONSUMPTION)) {
                ind = Indicator.benefit(name).withUnit(table.indicator(system.series().get(0)).unit())
                    .withDescription("GM(1,1) projection of next period's consumption");
                columns[j] = projected;
            } else {
                ind = table.indicator(name);
                columns[j] = table.column(name);
            }
            if (system.logScale().contains(name)) {
                double[] c = columns[j];
                for (int i = 0; i < c.length; i++) {
                    if (!(c[i] > 0)) {
                        throw new SegmentationException("value index system: customer '%s', indicator '%s' is on a log scale and must be positive but was %s",
                            table.id(i), name, c[i]);
                    }
                    c[i] = Math.log(c[i]);
                }
                ind = ind.withDescription("natural log of " + name);
            }
            indicators.add(ind);
        }
        return IndicatorTable.ofColumns(indicators, table.ids(), columns);
    }
}
