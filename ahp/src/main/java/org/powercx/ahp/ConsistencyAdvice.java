package org.powercx.ahp;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.TextTable;

/**
 * Advice from {@link ConsistencyAdvisor#advise(PairwiseMatrix)}.
 *
 * @param before the evaluation of the matrix as given
 * @param errors the consistency-error matrix \( e_{ij} = a_{ij} w_j / w_i \), row-major; copied
 * @param worstRow criterion \( i \) of the worst judgment
 * @param worstColumn criterion \( j \) of the worst judgment
 * @param currentValue its value \( a_{ij} \)
 * @param suggestedValue \( w_i / w_j \)
 * @param consistencyRatioAfter the CR once \( a_{ij} \) is replaced by the suggested value
 * @since 0.1.0
 */
public record ConsistencyAdvice(AhpResult before, double[] errors, String worstRow, String worstColumn,
        double currentValue, double suggestedValue, double consistencyRatioAfter) {

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
    public ConsistencyAdvice {
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
    }

    /**
     * The error matrix.
     *
     * @return a new row-major array
     */
    @Override
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
}
