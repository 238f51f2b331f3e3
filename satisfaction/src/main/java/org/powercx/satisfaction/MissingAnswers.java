package org.powercx.satisfaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;

/**
 * Survey answers with gaps turned into a complete {@link IndicatorTable}, with the counts of what was done.
 * Missing answers are NaN; infinite values are errors.
 *
 * @since 0.1.0
 */
public final class MissingAnswers {
    private final IndicatorTable table;
    private final int respondentsRead;
    private final int respondentsDeleted;
    private final int answersReplaced;
    private final int[] missingPerIndicator;

    /**
     * Validates and copies the components.
     *
     * @param table the complete table
     * @param respondentsRead respondents in the input
     * @param respondentsDeleted respondents removed by casewise deletion
     * @param answersReplaced answers filled with the indicator mean
     * @param missingPerIndicator missing answers per indicator in the input, in column order; copied
     * @throws SatisfactionException if the table or counts are null, or the counts are negative
     */
    MissingAnswers(IndicatorTable table, int respondentsRead, int respondentsDeleted, int answersReplaced,
            int[] missingPerIndicator) {
        if (table == null || missingPerIndicator == null) {
            throw new SatisfactionException("missing-answer result has a null component");
        }
        if (respondentsRead < 0 || respondentsDeleted < 0 || answersReplaced < 0) {
            throw new SatisfactionException("missing-answer counts must be non-negative: %d read, %d deleted, %d"
                + " replaced", respondentsRead, respondentsDeleted, answersReplaced);
        }
        missingPerIndicator = missingPerIndicator.clone();
        this.table = table;
        this.respondentsRead = respondentsRead;
        this.respondentsDeleted = respondentsDeleted;
        this.answersReplaced = answersReplaced;
        this.missingPerIndicator = missingPerIndicator;
    }

    /**
     * Returns the complete table.
     *
     * @return the complete table
     */
    public IndicatorTable table() {
        return table;
    }

    /**
     * Returns the number of respondents in the input.
     *
     * @return respondents in the input
     */
    public int respondentsRead() {
        return respondentsRead;
    }

    /**
     * Returns the number of respondents removed by casewise deletion.
     *
     * @return respondents removed by casewise deletion
     */
    public int respondentsDeleted() {
        return respondentsDeleted;
    }

    /**
     * Returns the number of answers filled with the indicator mean.
     *
     * @return answers filled with the indicator mean
     */
    public int answersReplaced() {
        return answersReplaced;
    }

    /**
     * Missing answers per indicator in the input.
     *
     * @return a new array in column order
     */
    public int[] missingPerIndicator() {
        return missingPerIndicator.clone();
    }

    /**
     * Completes survey answers.
     *
     * @param indicators the columns
     * @param ids the respondent ids, one per row
     * @param rows {@code rows[i][j]}: respondent i's answer to item j, NaN when unanswered; not modified
     * @param treatment mean replacement or casewise deletion
     * @return the complete table and the counts
     * @throws SatisfactionException if an argument is null, a row has the wrong length, an answer is infinite,
     *     an indicator has no answer at all, or casewise deletion leaves no respondent (messages name the
     *     respondent or indicator)
     */
    public static MissingAnswers treat(List<Indicator> indicators, List<String> ids, double[][] rows,
            MissingTreatment treatment) {
        if (indicators == null || ids == null || rows == null || treatment == null) {
            throw new SatisfactionException("indicators, ids, rows and treatment must not be null");
        }
        int p = indicators.size();
        if (rows.length != ids.size()) {
            throw new SatisfactionException("%d respondent ids but %d rows", ids.size(), rows.length);
        }
        int[] missing = new int[p];
        double[] sum = new double[p];
        boolean[] incomplete = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != p) {
                throw new SatisfactionException("respondent '%s' has %s answers but there are %d indicators",
                    ids.get(i), rows[i] == null ? "no" : String.valueOf(rows[i].length), p);
            }
            for (int j = 0; j < p; j++) {
                double v = rows[i][j];
                if (Double.isNaN(v)) {
                    missing[j]++;
                    incomplete[i] = true;
                } else if (Double.isInfinite(v)) {
                    throw new SatisfactionException("respondent '%s', indicator '%s': answer %s is infinite",
                        ids.get(i), indicators.get(j).name(), v);
                } else {
                    sum[j] += v;
                }
            }
        }
        for (int j = 0; j < p; j++) {
            if (missing[j] == rows.length) {
                throw new SatisfactionException("indicator '%s' has no answers", indicators.get(j).name());
            }
        }
        List<String> keptIds = new ArrayList<>();
        List<double[]> kept = new ArrayList<>();
        int replaced = 0;
        for (int i = 0; i < rows.length; i++) {
            if (incomplete[i] && treatment == MissingTreatment.CASEWISE_DELETION) {
                continue;
            }
            double[] row = rows[i].clone();
            for (int j = 0; j < p; j++) {
                if (Double.isNaN(row[j])) {
                    row[j] = sum[j] / (rows.length - missing[j]);
                    replaced++;
                }
            }
            keptIds.add(ids.get(i));
            kept.add(row);
        }
        if (kept.isEmpty()) {
            throw new SatisfactionException("casewise deletion removed all %d respondents", rows.length);
        }
        IndicatorTable table;
        try {
            table = IndicatorTable.ofRows(indicators, keptIds, kept.toArray(new double[0][]));
        } catch (IllegalArgumentException e) {
            throw new SatisfactionException("cannot build the answer table: %s", e.getMessage());
        }
        return new MissingAnswers(table, rows.length, rows.length - kept.size(), replaced, missing);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MissingAnswers o && Objects.equals(table, o.table)
            && respondentsRead == o.respondentsRead
            && respondentsDeleted == o.respondentsDeleted
            && answersReplaced == o.answersReplaced
            && Arrays.equals(missingPerIndicator, o.missingPerIndicator);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(table, respondentsRead, respondentsDeleted, answersReplaced)
            + Arrays.hashCode(missingPerIndicator);
    }

    /**
     * The components, as a record would print them.
     *
     * @return {@code MissingAnswers[name=value, ...]}
     */
    @Override
    public String toString() {
        return "MissingAnswers[" + "table=" + table + ", respondentsRead=" + respondentsRead + ", respondentsDeleted="
            + respondentsDeleted + ", answersReplaced=" + answersReplaced + ", missingPerIndicator="
            + Arrays.toString(missingPerIndicator) + "]";
    }
}
