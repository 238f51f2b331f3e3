package org.powercx.ahp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.powercx.core.TextTable;

/**
 * Advice from {@link ConsistencyAdvisor#advise(PairwiseMatrix)}.
 *
 * @since 0.1.0
 */
public final class ConsistencyAdvice {
    private final AhpResult before;
    private final double[] errors;
    private final String worstRow;
    private final String worstColumn;
    private final double currentValue;
    private final double suggestedValue;
    private final double consistencyRatioAfter;

    /**
     * Validates and copies the components.
     *
     * @param before the evaluation as given
     * @param errors the error matrix, \( n^2 \) entries
     * @param worstRow criterion \( i \)
     * @param worstColumn criterion \( j \)
     * @param currentValue \( a_{ij} \)
     * @param suggestedValue \( w_i / w_j \)
     * @param consistencyRatioAfter the CR after the change
     * @throws AhpException if a component is null, the error matrix has the wrong size, or a number is not
     *     positive (CR: non-negative) and finite
     */
    ConsistencyAdvice(AhpResult before, double[] errors, String worstRow, String worstColumn, double currentValue,
            double suggestedValue, double consistencyRatioAfter) {
        Check.notNull(before, "evaluation");
        Check.notNull(worstRow, "worst row");
        Check.notNull(worstColumn, "worst column");
        int n = before.weights().size();
        errors = Check.notNull(errors, "error matrix").clone();
        if (errors.length != n * n) {
            throw new AhpException("error matrix has %d entries, expected %d", errors.length, n * n);
        }
        Check.positive(currentValue, "current value");
        Check.positive(suggestedValue, "suggested value");
        Check.nonNegative(consistencyRatioAfter, "consistency ratio after");
        this.before = before;
        this.errors = errors;
        this.worstRow = worstRow;
        this.worstColumn = worstColumn;
        this.currentValue = currentValue;
        this.suggestedValue = suggestedValue;
        this.consistencyRatioAfter = consistencyRatioAfter;
    }

    /**
     * Returns the evaluation of the matrix as given.
     *
     * @return the evaluation of the matrix as given
     */
    public AhpResult before() {
        return before;
    }

    /**
     * Returns criterion \( i \) of the worst judgment.
     *
     * @return criterion \( i \) of the worst judgment
     */
    public String worstRow() {
        return worstRow;
    }

    /**
     * Returns criterion \( j \) of the worst judgment.
     *
     * @return criterion \( j \) of the worst judgment
     */
    public String worstColumn() {
        return worstColumn;
    }

    /**
     * Returns the value \( a_{ij} \) of the worst judgment.
     *
     * @return \( a_{ij} \)
     */
    public double currentValue() {
        return currentValue;
    }

    /**
     * Returns \( w_i / w_j \).
     *
     * @return \( w_i / w_j \)
     */
    public double suggestedValue() {
        return suggestedValue;
    }

    /**
     * Returns the CR once \( a_{ij} \) is replaced by the suggested value.
     *
     * @return the CR once \( a_{ij} \) is replaced by the suggested value
     */
    public double consistencyRatioAfter() {
        return consistencyRatioAfter;
    }

    /**
     * The error matrix.
     *
     * @return a new row-major array
     */
    public double[] errors() {
        return errors.clone();
    }

    /**
     * One entry of the error matrix.
     *
     * @param row criterion \( i \)
     * @param column criterion \( j \)
     * @return \( e_{ij} \)
     * @throws AhpException if a name is unknown
     */
    public double error(String row, String column) {
        List<String> names = before.weights().names();
        int i = names.indexOf(row);
        int j = names.indexOf(column);
        if (i < 0 || j < 0) {
            throw new AhpException("unknown criterion '%s'; the matrix compares %s", i < 0 ? row : column, names);
        }
        return errors[i * names.size() + j];
    }

    /**
     * The error matrix and the advice as text.
     *
     * @return a readable rendering
     */
    @Override
    public String toString() {
        List<String> names = before.weights().names();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(worstRow, worstColumn, TextTable.number(currentValue), TextTable.number(suggestedValue),
            TextTable.number(before.consistencyRatio()), TextTable.number(consistencyRatioAfter)));
        return "consistency errors e_ij = a_ij w_j / w_i\n" + PairwiseMatrix.render(names, errors) + "\n"
            + TextTable.render(List.of("row", "column", "current", "suggested", "CR before", "CR after"), rows);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConsistencyAdvice o && Objects.equals(before, o.before)
            && Arrays.equals(errors, o.errors)
            && Objects.equals(worstRow, o.worstRow)
            && Objects.equals(worstColumn, o.worstColumn)
            && Double.compare(currentValue, o.currentValue) == 0
            && Double.compare(suggestedValue, o.suggestedValue) == 0
            && Double.compare(consistencyRatioAfter, o.consistencyRatioAfter) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(before, worstRow, worstColumn, currentValue, suggestedValue, consistencyRatioAfter)
            + Arrays.hashCode(errors);
    }
}
