package org.powercx.credit;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.IndicatorTable;

/**
 * How a two-class model's credit assessment moves when each indicator changes, one at a time (immutable).
 *
 * <p>Indicator \( j \) of a customer moves down and up by \( \delta_j \): a fixed amount
 * ({@link Shift#ABSOLUTE}), a fraction of its value ({@link Shift#RELATIVE}, \( \delta_j = h\,|x_j| \)) or a
 * number of pooled within-class standard deviations ({@link Shift#STANDARD_DEVIATIONS},
 * \( \delta_j = h \sqrt{S_{p,jj}} \)). Since the score is linear, \( \Delta Z = \pm a_j \delta_j \)
 * (\( \partial Z/\partial x_j = a_j \)); the default probability \( 1/(1+e^{-Z}) \) and the grade (when a
 * {@link CreditGrades} scale over Z is given) respond non-linearly. Over a population the changes are
 * averaged, and the share of customers whose grade changes is reported; {@link SensitivityResult#tornado()}
 * orders the indicators by the width of their probability swing (a tornado diagram).
 *
 * @since 0.1.0
 */
public final class SensitivityAnalysis {

    /** How an indicator moves. */
    public enum Shift {
        /** By a fixed amount in the indicator's unit. */
        ABSOLUTE,
        /** By a fraction of the customer's own value (0.1 = 10 %). */
        RELATIVE,
        /** By a number of pooled within-class standard deviations. */
        STANDARD_DEVIATIONS
    }

    private final DiscriminantModel model;
    private final Shift shift;
    private final double amount;
    private final CreditGrades grades;

    private SensitivityAnalysis(DiscriminantModel model, Shift shift, double amount, CreditGrades grades) {
        this.model = model;
        this.shift = shift;
        this.amount = amount;
        this.grades = grades;
    }

    /**
     * Analysis of a two-class model, by default one standard deviation, without grades.
     *
     * @param model the fitted model
     * @return the analysis
     * @throws CreditException if the model is null or has more than two classes
     */
    public static SensitivityAnalysis of(DiscriminantModel model) {
        if (model == null) {
            throw new CreditException("model is null");
        }
        model.requireBinary("sensitivity analysis");
        return new SensitivityAnalysis(model, Shift.STANDARD_DEVIATIONS, 1, null);
    }

    /**
     * The size of the move.
     *
     * @param newShift the kind of move
     * @param newAmount positive and finite
     * @return a new analysis
     * @throws CreditException if the shift is null or the amount not positive and finite
     */
    public SensitivityAnalysis withShift(Shift newShift, double newAmount) {
        if (newShift == null || !(newAmount > 0 && newAmount < Double.POSITIVE_INFINITY)) {
            throw new CreditException("the shift needs a kind and a positive finite amount, got %s %s", newShift,
                newAmount);
        }
        return new SensitivityAnalysis(model, newShift, newAmount, grades);
    }

    /**
     * A grade scale over the decision value Z, to report grade changes.
     *
     * @param scale the scale
     * @return a new analysis
     * @throws CreditException if the scale is null
     */
    public SensitivityAnalysis withGrades(CreditGrades scale) {
        if (scale == null) {
            throw new CreditException("grade scale is null");
        }
        return new SensitivityAnalysis(model, shift, amount, scale);
    }

    /**
     * Sensitivity of one customer.
     *
     * @param row one value per model indicator, in model order; not modified
     * @return per-indicator changes (grade change shares are 0 or 1)
     * @throws CreditException if the row is invalid, or its score or a shifted score overflows
     */
    public SensitivityResult customer(double[] row) {
        model.checkRow(row);
        return compute(new double[][] {row});
    }

    /**
     * Average sensitivity over the customers of a table.
     *
     * @param table customers, not modified
     * @return per-indicator mean changes
     * @throws CreditException if the table lacks a model indicator or is empty, or a score or shifted score
     *     overflows
     */
    public SensitivityResult population(IndicatorTable table) {
        int[] pos = model.align(table);
        if (table.rowCount() == 0) {
            throw new CreditException("the table has no customers");
        }
        double[][] rows = new double[table.rowCount()][pos.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < pos.length; j++) {
                rows[i][j] = table.get(i, pos[j]);
            }
        }
        return compute(rows);
    }

    private SensitivityResult compute(double[][] rows) {
        double[] a = model.coef()[0];
        double[] sd = model.sd();
        int p = a.length;
        double[] dzDown = new double[p];
        double[] dzUp = new double[p];
        double[] dpDown = new double[p];
        double[] dpUp = new double[p];
        double[] gradeShare = new double[p];
        double baseZ = 0;
        double baseP = 0;
        for (double[] x : rows) {
            double z = model.decisionValue(x);
            double pd = DiscriminantModel.logistic(z);
            baseZ += z;
            baseP += pd;
            int g = grades == null ? 0 : grades.grade(z);
            for (int j = 0; j < p; j++) {
                double delta = switch (shift) {
                    case ABSOLUTE -> amount;
                    case RELATIVE -> amount * Math.abs(x[j]);
                    case STANDARD_DEVIATIONS -> amount * sd[j];
                };
                double up = a[j] * delta;
                if (!Double.isFinite(up)) {
                    throw new CreditException("moving indicator '%s' = %s by %s overflows double precision; use a "
                        + "smaller shift", model.indicators().get(j).name(), x[j], delta);
                }
                double down = -up;
                dzDown[j] += down;
                dzUp[j] += up;
                dpDown[j] += DiscriminantModel.logistic(z + down) - pd;
                dpUp[j] += DiscriminantModel.logistic(z + up) - pd;
                if (grades != null && (grades.grade(z + down) != g || grades.grade(z + up) != g)) {
                    gradeShare[j]++;
                }
            }
        }
        int n = rows.length;
        for (int j = 0; j < p; j++) {
            dzDown[j] /= n;
            dzUp[j] /= n;
            dpDown[j] /= n;
            dpUp[j] /= n;
            gradeShare[j] = grades == null ? Double.NaN : gradeShare[j] / n;
        }
        List<String> names = new ArrayList<>(model.indicatorNames());
        return new SensitivityResult(names, baseZ / n, baseP / n, dzDown, dzUp, dpDown, dpUp, gradeShare);
    }
}
