package org.powercx.clv;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.powercx.core.TextTable;

/**
 * A transaction log split by date into a calibration period, summarised per customer as frequency, recency and
 * age for fitting, and a holdout period whose repeat transactions test the fitted model, as in the validation of
 * Fader, Hardie and Lee (2005), "Counting your customers" the easy way: an alternative to the Pareto/NBD model,
 * Marketing Science 24(2):275-284, doi:10.1287/mksc.1040.0098.
 *
 * <p>Transactions on the same day count as one (a customer's day of purchases is one transaction). A customer
 * belongs to the calibration cohort if the first transaction falls on or before the calibration end; for such a
 * customer, with first transaction on day \(d_0\), calibration end \(e_c\) and one time unit of \(u\) days,
 * frequency \(x\) is the number of later transaction days up to \(e_c\), recency \(t_x\) the time from \(d_0\) to
 * the last of them (0 when \(x = 0\)), age \(T = (e_c - d_0)/u\), and the holdout count the number of transaction
 * days in \((e_c, e_o]\), whose length is \((e_o - e_c)/u\). Customers first seen after the calibration end and
 * transactions after the observation end are left out.
 *
 * @since 0.1.0
 */
public final class CalibrationHoldout {
    private final List<String> ids;
    private final double[] frequency;
    private final double[] recency;
    private final double[] age;
    private final double[] holdoutFrequency;
    private final double holdoutLength;

    private CalibrationHoldout(List<String> ids, double[] frequency, double[] recency, double[] age,
            double[] holdoutFrequency, double holdoutLength) {
        this.ids = ids;
        this.frequency = frequency;
        this.recency = recency;
        this.age = age;
        this.holdoutFrequency = holdoutFrequency;
        this.holdoutLength = holdoutLength;
    }

    /**
     * Splits a transaction log.
     *
     * @param customers the customer id of each transaction, not blank; not modified
     * @param dates the date of each transaction; not modified
     * @param calibrationEnd last day of the calibration period
     * @param observationEnd last day of the holdout period, after {@code calibrationEnd}
     * @param daysPerUnit days in one time unit of the summary (7 for weeks), positive
     * @return the split, customers in the order of their first appearance in the log
     * @throws ClvException if an array is null or the lengths differ, an id is blank or a date null (naming the
     *     transaction), {@code daysPerUnit} is not positive, or no customer's first
     *     transaction falls in the calibration period
     */
    public static CalibrationHoldout fromTransactions(String[] customers, LocalDate[] dates, LocalDate calibrationEnd,
            LocalDate observationEnd, double daysPerUnit) {
        if (customers == null || dates == null || calibrationEnd == null || observationEnd == null) {
            throw new ClvException("customers, dates, calibration end and observation end must not be null");
        }
        if (customers.length != dates.length) {
            throw new ClvException("customers has %d values but dates has %d", customers.length, dates.length);
        }
        if (!observationEnd.isAfter(calibrationEnd)) {
            throw new ClvException("observation end %s must be after the calibration end %s", observationEnd,
                    calibrationEnd);
        }
        Checks.positive("days per time unit", daysPerUnit);
        Map<String, TreeSet<LocalDate>> days = new LinkedHashMap<>();
        for (int i = 0; i < customers.length; i++) {
            if (customers[i] == null || customers[i].isBlank()) {
                throw new ClvException("transaction %d: customer id must not be blank, got '%s'", i, customers[i]);
            }
            if (dates[i] == null) {
                throw new ClvException("transaction %d: date must not be null", i);
            }
            if (!dates[i].isAfter(observationEnd)) {
                days.computeIfAbsent(customers[i], k -> new TreeSet<>()).add(dates[i]);
            }
        }
        List<String> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (Map.Entry<String, TreeSet<LocalDate>> e : days.entrySet()) {
            LocalDate first = e.getValue().first();
            if (first.isAfter(calibrationEnd)) {
                continue;
            }
            int x = -1;
            LocalDate last = first;
            int holdout = 0;
            for (LocalDate d : e.getValue()) {
                if (d.isAfter(calibrationEnd)) {
                    holdout++;
                } else {
                    x++;
                    last = d;
                }
            }
            ids.add(e.getKey());
            rows.add(new double[] {x, ChronoUnit.DAYS.between(first, last) / daysPerUnit,
                ChronoUnit.DAYS.between(first, calibrationEnd) / daysPerUnit, holdout});
        }
        if (ids.isEmpty()) {
            throw new ClvException("no customer has a first transaction on or before the calibration end %s",
                    calibrationEnd);
        }
        int n = ids.size();
        double[][] cols = new double[4][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                cols[j][i] = rows.get(i)[j];
            }
        }
        double holdoutLength = ChronoUnit.DAYS.between(calibrationEnd, observationEnd) / daysPerUnit;
        return new CalibrationHoldout(List.copyOf(ids), cols[0], cols[1], cols[2], cols[3], holdoutLength);
    }

    /**
     * The customer ids, in the order of the arrays.
     *
     * @return an unmodifiable list
     */
    public List<String> ids() {
        return ids;
    }

    /**
     * Calibration frequency \(x\) per customer.
     *
     * @return a copy
     */
    public double[] frequency() {
        return frequency.clone();
    }

    /**
     * Calibration recency \(t_x\) per customer, in time units.
     *
     * @return a copy
     */
    public double[] recency() {
        return recency.clone();
    }

    /**
     * Calibration age \(T\) per customer, in time units.
     *
     * @return a copy
     */
    public double[] age() {
        return age.clone();
    }

    /**
     * Transaction days in the holdout period per customer.
     *
     * @return a copy
     */
    public double[] holdoutFrequency() {
        return holdoutFrequency.clone();
    }

    /**
     * The length of the holdout period in time units.
     *
     * @return \((e_o - e_c)/u\)
     */
    public double holdoutLength() {
        return holdoutLength;
    }

    /**
     * Compares a model's conditional expectations of holdout transactions with the actual ones, grouped by
     * calibration frequency \(0, 1, \dots, m-1\) and \(m\) or more (the validation table of Fader, Hardie and
     * Lee 2005, figure 4).
     *
     * @param model a BG/NBD model fitted to the calibration period
     * @param maxFrequency \(m \ge 1\), the frequency from which customers are pooled
     * @return the table
     * @throws ClvException if the model is null or {@code maxFrequency < 1}
     */
    public HoldoutResult evaluate(BgNbd model, int maxFrequency) {
        if (model == null) {
            throw new ClvException("holdout comparison needs a model, got null");
        }
        return evaluate(model.conditionalExpectedTransactions(holdoutLength, frequency, recency, age, null),
                maxFrequency);
    }

    /**
     * Compares a Pareto/NBD model's conditional expectations with the actual holdout transactions, as
     * {@link #evaluate(BgNbd, int)}.
     *
     * @param model a Pareto/NBD model fitted to the calibration period
     * @param maxFrequency \(m \ge 1\)
     * @return the table
     * @throws ClvException if the model is null or {@code maxFrequency < 1}
     */
    public HoldoutResult evaluate(ParetoNbd model, int maxFrequency) {
        if (model == null) {
            throw new ClvException("holdout comparison needs a model, got null");
        }
        double[] predicted = new double[frequency.length];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = model.conditionalExpectedTransactions(holdoutLength, frequency[i], recency[i], age[i]);
        }
        return evaluate(predicted, maxFrequency);
    }

    private HoldoutResult evaluate(double[] predicted, int maxFrequency) {
        if (maxFrequency < 1) {
            throw new ClvException("maximum frequency group must be at least 1, got %d", maxFrequency);
        }
        int[] customers = new int[maxFrequency + 1];
        double[] actual = new double[maxFrequency + 1];
        double[] expected = new double[maxFrequency + 1];
        for (int i = 0; i < frequency.length; i++) {
            int g = (int) Math.min(frequency[i], maxFrequency);
            customers[g]++;
            actual[g] += holdoutFrequency[i];
            expected[g] += predicted[i];
        }
        for (int g = 0; g <= maxFrequency; g++) {
            if (customers[g] > 0) {
                actual[g] /= customers[g];
                expected[g] /= customers[g];
            } else {
                actual[g] = Double.NaN;
                expected[g] = Double.NaN;
            }
        }
        return new HoldoutResult(customers, actual, expected);
    }

    /**
     * Shows the sizes of the split.
     *
     * @return an aligned table
     */
    @Override
    public String toString() {
        double calibration = 0;
        double holdout = 0;
        for (int i = 0; i < frequency.length; i++) {
            calibration += frequency[i];
            holdout += holdoutFrequency[i];
        }
        return "calibration and holdout\n" + TextTable.render(List.of("quantity", "value"), List.of(
                List.of("customers", Integer.toString(frequency.length)),
                List.of("calibration repeat transactions", TextTable.number(calibration)),
                List.of("holdout transactions", TextTable.number(holdout)),
                List.of("holdout length", TextTable.number(holdoutLength))));
    }
}
