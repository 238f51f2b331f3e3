package org.powercx.segmentation;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercx.clv.ClvException;
import org.powercx.clv.DiscountedClv;
import org.powercx.core.Indicator;
import org.powercx.core.IndicatorTable;
import org.powercx.credit.CreditException;
import org.powercx.credit.CreditGrades;
import org.powercx.credit.DiscriminantModel;
import org.powercx.grey.GreyException;
import org.powercx.grey.GreyRelationalModel;

/**
 * The segmentation pipeline fitted once on calibration customers ({@link CustomerAnalysis#fit}), scoring other
 * customers without refitting: the derived columns (natural logs of the log-scale indicators, the GM(1,1)
 * consumption projection), current and potential value by the two fitted grey relational models, the combined
 * value \( V_i = g_c V^c_i + g_p V^p_i \), the value segment by the fitted cut-offs, the default probability
 * and credit grade by the fitted discriminant and grade cut-offs, the risk groups, the lifetime value
 * \( m_i \cdot f(r_i) \) of the discounted-margin model and the service measures of the policy.
 *
 * <p>{@link #apply(double[][], int, int, ScoringBuffer)} scores rows {@code [from, to)} of column arrays into
 * a caller's {@link ScoringBuffer} without allocating, so that a stream or a partition of a cluster job can
 * call it block by block; {@link #apply(IndicatorTable)} is the table convenience. On the calibration customers
 * every output equals that of {@link CustomerAnalysis#analyse(IndicatorTable)} bit for bit. Immutable and
 * thread-safe (a buffer belongs to one thread); {@link Parameters} holds everything the scores depend on, and
 * {@link #of(Parameters)} rebuilds an identical model.
 *
 * @since 0.2.0
 * @serial exclude
 */
public final class CustomerModel implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ValueSegment[] SEGMENTS = ValueSegment.values();

    /**
     * Every value the model's scores depend on.
     *
     * @param currentModel the fitted grey relational model of current value (its indicators name the columns)
     * @param potentialModel the fitted grey relational model of potential value
     * @param logScale the value indicators taken as natural logs
     * @param series the history columns of the GM(1,1) projection of
     *     {@value ConsumptionProjection#PROJECTED_CONSUMPTION}, oldest first, or empty when the table holds it
     * @param currentWeight the goal's weight \( g_c \) of current value
     * @param potentialWeight the goal's weight \( g_p \) of potential value
     * @param currentCutoff the fitted current-value cut-off
     * @param potentialCutoff the fitted potential-value cut-off
     * @param creditModel the fitted binary discriminant of the credit label (its indicators name the columns)
     * @param creditGrades the grade cut-offs on the default probability
     * @param riskRules the risk rules, one per topic
     * @param policy the service policy, valid for the segments, grades and topics
     * @param marginColumn the column of the lifetime value's margin
     * @param marginRate the margin as a share of that column, in (0, 1]
     * @param clv the discounted-margin calculator
     * @param retention the retention source
     * @param churnModel the fitted churn discriminant of a churn-model retention, else null
     * @since 0.2.0
     * @serial exclude
     */
    public record Parameters(GreyRelationalModel currentModel, GreyRelationalModel potentialModel,
            List<String> logScale, List<String> series, double currentWeight, double potentialWeight,
            double currentCutoff, double potentialCutoff, DiscriminantModel creditModel, CreditGrades creditGrades,
            List<RiskRule> riskRules, ServicePolicy policy, String marginColumn, double marginRate,
            DiscountedClv clv, Retention retention, DiscriminantModel churnModel) implements Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Validates and copies the components.
         *
         * @param currentModel the current-value model
         * @param potentialModel the potential-value model
         * @param logScale log-scale indicators
         * @param series projection history, empty or at least four columns
         * @param currentWeight \( g_c \), finite
         * @param potentialWeight \( g_p \), finite
         * @param currentCutoff finite
         * @param potentialCutoff finite
         * @param creditModel binary discriminant
         * @param creditGrades grade scale
         * @param riskRules at least one rule, distinct topics
         * @param policy the service policy
         * @param marginColumn margin column
         * @param marginRate in (0, 1]
         * @param clv CLV calculator
         * @param retention retention source
         * @param churnModel binary discriminant exactly when retention comes from a churn model
         * @throws SegmentationException naming the offending component and value
         */
        public Parameters {
            if (currentModel == null || potentialModel == null || creditModel == null || creditGrades == null
                || policy == null || clv == null || retention == null) {
                throw new SegmentationException("customer model: value models, credit model and grades, policy, CLV"
                    + " calculator and retention are required");
            }
            logScale = logScale == null ? List.of() : List.copyOf(logScale);
            series = series == null ? List.of() : List.copyOf(series);
            riskRules = riskRules == null ? List.of() : List.copyOf(riskRules);
            List<String> value = new ArrayList<>(names(currentModel.indicators()));
            value.addAll(names(potentialModel.indicators()));
            for (String name : logScale) {
                if (!value.contains(name)) {
                    throw new SegmentationException("customer model: log-scale indicator '%s' is not a value indicator %s",
                        name, value);
                }
            }
            if (!series.isEmpty() && (series.size() < 4
                || !names(potentialModel.indicators()).contains(ConsumptionProjection.PROJECTED_CONSUMPTION))) {
                throw new SegmentationException("customer model: a projection needs at least 4 history columns and"
                    + " the potential indicator '%s' but got %s", ConsumptionProjection.PROJECTED_CONSUMPTION, series);
            }
            finite("current weight", currentWeight);
            finite("potential weight", potentialWeight);
            finite("current cut-off", currentCutoff);
            finite("potential cut-off", potentialCutoff);
            if (!creditModel.isBinary()) {
                throw new SegmentationException("customer model: the credit model must be binary");
            }
            RiskSegmentation.of(riskRules);
            if (marginColumn == null || marginColumn.isBlank() || !(marginRate > 0 && marginRate <= 1)) {
                throw new SegmentationException("customer model: margin needs a column and a rate in (0, 1] but got %s and %s",
                    marginColumn, marginRate);
            }
            if ((churnModel != null) != (retention.source() == Retention.Source.CHURN_MODEL)
                || churnModel != null && !churnModel.isBinary()) {
                throw new SegmentationException("customer model: a binary churn model is required exactly when"
                    + " retention comes from a churn model (retention %s)", retention.source());
            }
        }

        private static void finite(String what, double v) {
            if (!Double.isFinite(v)) {
                throw new SegmentationException("customer model: %s must be finite but was %s", what, v);
            }
        }
    }

    private final Parameters parameters;
    private final List<String> inputs;
    /** Positions in {@link #inputs} of the current / potential value indicators (-1: the projection). */
    private final int[] currentIn;
    private final int[] potentialIn;
    private final boolean[] currentLog;
    private final boolean[] potentialLog;
    private final int[] seriesIn;
    private final int[] creditIn;
    private final int[][] ruleIn;
    private final double[][] ruleCoef;
    private final double[] ruleIntercept;
    private final RiskRule[] rules;
    private final int marginIn;
    private final int[] churnIn;
    /** The binary discriminants' coefficients and intercepts, and the grade cut-offs, for the column loops. */
    private final double[] creditCoef;
    private final double creditIntercept;
    private final double[] gradeCutoffs;
    private final double[] churnCoef;
    private final double churnIntercept;
    /** Policy dimensions: -1 value segment, -2 credit grade, else a rule index. */
    private final int[] dimension;
    private final int[] radix;
    private final int[] setOfKey;
    private final List<List<String>> measureSets;

    private CustomerModel(Parameters p) {
        this.parameters = p;
        List<String> in = new ArrayList<>();
        List<String> cur = names(p.currentModel().indicators());
        List<String> pot = names(p.potentialModel().indicators());
        currentIn = new int[cur.size()];
        currentLog = new boolean[cur.size()];
        for (int j = 0; j < cur.size(); j++) {
            currentIn[j] = position(in, cur.get(j));
            currentLog[j] = p.logScale().contains(cur.get(j));
        }
        potentialIn = new int[pot.size()];
        potentialLog = new boolean[pot.size()];
        seriesIn = new int[p.series().size()];
        for (int j = 0; j < pot.size(); j++) {
            if (!p.series().isEmpty() && pot.get(j).equals(ConsumptionProjection.PROJECTED_CONSUMPTION)) {
                potentialIn[j] = -1;
                for (int t = 0; t < seriesIn.length; t++) {
                    seriesIn[t] = position(in, p.series().get(t));
                }
            } else {
                potentialIn[j] = position(in, pot.get(j));
            }
            potentialLog[j] = p.logScale().contains(pot.get(j));
        }
        creditIn = positions(in, names(p.creditModel().indicators()));
        rules = p.riskRules().toArray(new RiskRule[0]);
        ruleIn = new int[rules.length][];
        ruleCoef = new double[rules.length][];
        ruleIntercept = new double[rules.length];
        for (int t = 0; t < rules.length; t++) {
            List<String> names = new ArrayList<>(rules[t].coefficients().keySet());
            ruleIn[t] = positions(in, names);
            ruleCoef[t] = new double[names.size()];
            for (int k = 0; k < names.size(); k++) {
                ruleCoef[t][k] = rules[t].coefficients().get(names.get(k));
            }
            ruleIntercept[t] = rules[t].intercept();
        }
        marginIn = position(in, p.marginColumn());
        churnIn = p.churnModel() == null ? new int[0] : positions(in, names(p.churnModel().indicators()));
        creditCoef = p.creditModel().coefficients()[0];
        creditIntercept = p.creditModel().intercepts()[0];
        gradeCutoffs = p.creditGrades().cutoffs();
        churnCoef = p.churnModel() == null ? new double[0] : p.churnModel().coefficients()[0];
        churnIntercept = p.churnModel() == null ? 0 : p.churnModel().intercepts()[0];
        inputs = List.copyOf(in);
        // the policy's measures for every combination of labels, looked up by a mixed-radix key when scoring
        List<String> segmentLabels = ServicePolicy.labelsOf(SEGMENTS);
        Map<String, List<String>> topics = RiskSegmentation.of(p.riskRules()).topicLabels();
        p.policy().validate(segmentLabels, p.creditGrades().names(), topics);
        List<String> dims = p.policy().dimensions();
        dimension = new int[dims.size()];
        radix = new int[dims.size()];
        List<List<String>> domains = new ArrayList<>();
        for (int d = 0; d < dims.size(); d++) {
            String dim = dims.get(d);
            if (dim.equals(ServicePolicy.VALUE_SEGMENT)) {
                dimension[d] = -1;
                domains.add(segmentLabels);
            } else if (dim.equals(ServicePolicy.CREDIT_GRADE)) {
                dimension[d] = -2;
                domains.add(p.creditGrades().names());
            } else {
                dimension[d] = new ArrayList<>(topics.keySet()).indexOf(dim);
                domains.add(topics.get(dim));
            }
            radix[d] = domains.get(d).size();
        }
        int combinations = 1;
        for (int r : radix) {
            combinations *= r;
        }
        setOfKey = new int[combinations];
        List<List<String>> sets = new ArrayList<>();
        Map<List<String>, Integer> index = new HashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (int key = 0; key < combinations; key++) {
            int rest = key;
            for (int d = dims.size() - 1; d >= 0; d--) {
                labels.put(dims.get(d), domains.get(d).get(rest % radix[d]));
                rest /= radix[d];
            }
            List<String> m = p.policy().measuresFor(labels);
            setOfKey[key] = index.computeIfAbsent(m, k -> {
                sets.add(k);
                return sets.size() - 1;
            });
        }
        measureSets = List.copyOf(sets);
    }

    private static List<String> names(List<Indicator> indicators) {
        List<String> out = new ArrayList<>();
        for (Indicator i : indicators) {
            out.add(i.name());
        }
        return out;
    }

    private static int position(List<String> inputs, String name) {
        int k = inputs.indexOf(name);
        if (k < 0) {
            inputs.add(name);
            k = inputs.size() - 1;
        }
        return k;
    }

    private static int[] positions(List<String> inputs, List<String> names) {
        int[] out = new int[names.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = position(inputs, names.get(j));
        }
        return out;
    }

    /**
     * Rebuilds a model from its parameters; it scores exactly as the model they came from.
     *
     * @param parameters the parameters
     * @return the model
     * @throws SegmentationException if the parameters are null or the policy does not fit the segments,
     *     grades and risk topics (naming the label or the gap)
     */
    public static CustomerModel of(Parameters parameters) {
        if (parameters == null) {
            throw new SegmentationException("customer model parameters are null");
        }
        return new CustomerModel(parameters);
    }

    /**
     * Everything the scores depend on.
     *
     * @return the parameters
     */
    public Parameters parameters() {
        return parameters;
    }

    /**
     * The columns the model reads, in the order {@link #apply(double[][], int, int, ScoringBuffer)} takes them:
     * value indicators (history columns in place of a projected consumption), credit indicators, risk-rule
     * indicators, the margin column and the churn indicators, each once.
     *
     * @return an unmodifiable list
     */
    public List<String> inputColumns() {
        return inputs;
    }

    /**
     * The risk topics, in rule order (the topic index of {@link ScoringBuffer#riskGroup}).
     *
     * @return an unmodifiable list
     */
    public List<String> topics() {
        List<String> out = new ArrayList<>();
        for (RiskRule r : rules) {
            out.add(r.topic());
        }
        return List.copyOf(out);
    }

    /**
     * The distinct measure lists of the policy (the set index of {@link ScoringBuffer#measureSet}).
     *
     * @return an unmodifiable list of unmodifiable lists
     */
    public List<List<String>> measureSets() {
        return measureSets;
    }

    /**
     * A buffer for {@link #apply(double[][], int, int, ScoringBuffer)} of up to {@code capacity} rows.
     *
     * @param capacity rows per call, at least 1
     * @return a new buffer; one per thread
     * @throws SegmentationException if the capacity is below 1
     */
    public ScoringBuffer newBuffer(int capacity) {
        if (capacity < 1) {
            throw new SegmentationException("buffer capacity must be at least 1 but was %d", capacity);
        }
        return new ScoringBuffer(this, capacity, currentIn.length, potentialIn.length, rules.length,
            creditIn.length, churnIn.length);
    }

    /**
     * Scores every customer of a table.
     *
     * @param customers the customers, with every column of {@link #inputColumns()}
     * @return the scores
     * @throws SegmentationException naming a missing column, or the customer and column of a value outside its
     *     domain (a log-scale or history value that is not positive)
     */
    public CustomerScores apply(IndicatorTable customers) {
        if (customers == null || customers.rowCount() == 0) {
            throw new SegmentationException("customer table is null or has no rows");
        }
        double[][] columns = new double[inputs.size()][];
        for (int k = 0; k < columns.length; k++) {
            if (!customers.contains(inputs.get(k))) {
                throw new SegmentationException("customer model: the table has no column '%s' (the model reads %s)",
                    inputs.get(k), inputs);
            }
            // the table's own column, read without a copy (tables are immutable; the kernel only reads)
            columns[k] = org.powercx.core.internal.TableColumns.view(customers, customers.indexOf(inputs.get(k)));
        }
        int n = customers.rowCount();
        ScoringBuffer b = newBuffer(n);
        run(columns, 0, n, b, customers.ids());
        List<String> gradeNames = parameters.creditGrades().names();
        return new CustomerScores(customers.ids(), new ValueSegments(CutoffMethod.GIVEN, parameters.currentCutoff(),
            parameters.potentialCutoff(), b.current, b.potential, b.segment), b.combined, b.projected,
            b.defaultProbability, b.grade, gradeNames, new RiskSegments(parameters.riskRules(), b.riskScore,
            b.riskGroup), b.retention, b.lifetime, new ServicePlan(parameters.policy().allMeasures(), measureSets,
            b.measureSet));
    }

    /**
     * Scores rows {@code [from, to)} of column arrays into a buffer (row {@code from} lands at index 0), without
     * allocating.
     *
     * @param columns one array per column of {@link #inputColumns()}, in that order, each at least {@code to}
     *     long; not modified
     * @param from first row
     * @param to one past the last row
     * @param out a buffer of this model with capacity for {@code to - from} rows; overwritten
     * @throws SegmentationException if the sizes disagree, or naming the row and column of a value that is not
     *     finite or outside its domain
     */
    public void apply(double[][] columns, int from, int to, ScoringBuffer out) {
        if (columns == null || columns.length != inputs.size()) {
            throw new SegmentationException("customer model: expected %d columns %s but got %s", inputs.size(), inputs,
                columns == null ? "null" : String.valueOf(columns.length));
        }
        for (int k = 0; k < columns.length; k++) {
            if (columns[k] == null || columns[k].length < to) {
                throw new SegmentationException("customer model: column '%s' has %s values, fewer than row %d",
                    inputs.get(k), columns[k] == null ? "no" : String.valueOf(columns[k].length), to);
            }
        }
        if (out == null || out.model != this || from < 0 || from > to || to - from > out.capacity) {
            throw new SegmentationException("customer model: rows [%d, %d) need a buffer of this model with capacity"
                + " %d", from, to, to - from);
        }
        run(columns, from, to, out, null);
    }

    private String who(List<String> ids, int row) {
        return ids == null ? "row " + row : "customer '" + ids.get(row) + "'";
    }

    private void run(double[][] columns, int from, int to, ScoringBuffer b, List<String> ids) {
        int n = to - from;
        b.size = n;
        for (int k = 0; k < columns.length; k++) {
            double[] c = columns[k];
            for (int i = from; i < to; i++) {
                if (!Double.isFinite(c[i])) {
                    throw new SegmentationException("customer model: %s, column '%s': value must be finite but was %s",
                        who(ids, i), inputs.get(k), c[i]);
                }
            }
        }
        derive(columns, from, to, currentIn, currentLog, b.currentColumns, b, ids);
        derive(columns, from, to, potentialIn, potentialLog, b.potentialColumns, b, ids);
        try {
            parameters.currentModel().grades(b.currentColumns, 0, n, b.current, 0);
            parameters.potentialModel().grades(b.potentialColumns, 0, n, b.potential, 0);
        } catch (GreyException e) {
            throw new SegmentationException(e, "value evaluation: %s", e.getMessage());
        }
        double gc = parameters.currentWeight();
        double gp = parameters.potentialWeight();
        double cc = parameters.currentCutoff();
        double pc = parameters.potentialCutoff();
        for (int i = 0; i < n; i++) {
            b.combined[i] = gc * b.current[i] + gp * b.potential[i];
            b.segment[i] = (byte) ValueSegment.of(b.current[i] >= cc, b.potential[i] >= pc).ordinal();
        }
        credit(columns, from, to, b, ids);
        // column by column (each row's sum in the rule's order, as RiskRule.score), then the groups
        for (int t = 0; t < rules.length; t++) {
            double[] score = b.riskScore[t];
            java.util.Arrays.fill(score, 0, n, ruleIntercept[t]);
            for (int k = 0; k < ruleIn[t].length; k++) {
                double c = ruleCoef[t][k];
                double[] x = columns[ruleIn[t][k]];
                for (int i = 0; i < n; i++) {
                    score[i] += c * x[from + i];
                }
            }
            byte[] group = b.riskGroup[t];
            RiskRule rule = rules[t];
            for (int i = 0; i < n; i++) {
                group[i] = (byte) rule.group(score[i]);
            }
        }
        lifetime(columns, from, to, b, ids);
        // the policy's mixed-radix key, dimension by dimension, then its measure set
        int[] key = b.measureSet;
        java.util.Arrays.fill(key, 0, n, 0);
        for (int d = 0; d < dimension.length; d++) {
            int r = radix[d];
            if (dimension[d] == -2) {
                int[] g = b.grade;
                for (int i = 0; i < n; i++) {
                    key[i] = key[i] * r + g[i];
                }
            } else {
                byte[] g = dimension[d] == -1 ? b.segment : b.riskGroup[dimension[d]];
                for (int i = 0; i < n; i++) {
                    key[i] = key[i] * r + g[i];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            key[i] = setOfKey[key[i]];
        }
    }

    private void derive(double[][] columns, int from, int to, int[] in, boolean[] log, double[][] dest, ScoringBuffer b,
            List<String> ids) {
        int n = to - from;
        for (int j = 0; j < in.length; j++) {
            double[] d = dest[j];
            if (in[j] < 0) {
                for (int t = 0; t < seriesIn.length; t++) {
                    double[] c = columns[seriesIn[t]];
                    for (int i = from; i < to; i++) {
                        if (!(c[i] > 0)) {
                            throw new SegmentationException("consumption projection: %s, indicator '%s' must be positive but was %s",
                                who(ids, i), inputs.get(seriesIn[t]), c[i]);
                        }
                    }
                    b.series[t] = c;
                }
                ConsumptionProjection.project(b.series, from, to, 1, d);
                for (int i = 0; i < n; i++) {
                    if (!Double.isFinite(d[i])) {
                        throw new SegmentationException("consumption projection: %s: the GM(1,1) projection is %s; the"
                            + " history spans magnitudes beyond double precision", who(ids, from + i), d[i]);
                    }
                }
                System.arraycopy(d, 0, b.projected, 0, n);
            } else {
                System.arraycopy(columns[in[j]], from, d, 0, n);
            }
            if (log[j]) {
                for (int i = 0; i < n; i++) {
                    if (!(d[i] > 0)) {
                        throw new SegmentationException("value index system: %s, indicator '%s' is on a log scale and must"
                            + " be positive but was %s", who(ids, from + i), in[j] < 0
                                ? ConsumptionProjection.PROJECTED_CONSUMPTION : inputs.get(in[j]), d[i]);
                    }
                    d[i] = Math.log(d[i]);
                }
            }
        }
    }

    /**
     * The decision values \( z = a_0 + \sum_j a_j x_j \) of a binary discriminant, column by column (each row's
     * sum in the model's order, as {@link DiscriminantModel#decisionValue}), into {@code z[0, to - from)}.
     *
     * @return -1, or the first row (from {@code from}) whose value overflows
     */
    private static int decisionValues(double[] coef, double intercept, int[] in, double[][] columns, int from,
            int to, double[] z) {
        int n = to - from;
        java.util.Arrays.fill(z, 0, n, intercept);
        for (int j = 0; j < coef.length; j++) {
            double c = coef[j];
            double[] x = columns[in[j]];
            for (int i = 0; i < n; i++) {
                z[i] += c * x[from + i];
            }
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(z[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Lets the model name the row whose decision value overflows. */
    private SegmentationException overflow(String what, DiscriminantModel model, int[] in, double[][] columns,
            int i, double[] row, List<String> ids) {
        for (int j = 0; j < in.length; j++) {
            row[j] = columns[in[j]][i];
        }
        try {
            model.defaultProbability(row);
        } catch (CreditException e) {
            return new SegmentationException(e, "%s: %s: %s", what, who(ids, i), e.getMessage());
        }
        return new SegmentationException("%s: %s: the decision value is not finite", what, who(ids, i));
    }

    /** The logistic function, the discriminant's posterior of the larger label. */
    private static double logistic(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private void credit(double[][] columns, int from, int to, ScoringBuffer b, List<String> ids) {
        int n = to - from;
        double[] p = b.defaultProbability;
        int bad = decisionValues(creditCoef, creditIntercept, creditIn, columns, from, to, p);
        if (bad >= 0) {
            throw overflow("credit scoring", parameters.creditModel(), creditIn, columns, from + bad, b.creditRow, ids);
        }
        double[] cut = gradeCutoffs;
        int[] grade = b.grade;
        for (int i = 0; i < n; i++) {
            double q = logistic(p[i]);
            p[i] = q;
            // the cut-offs ascend, so those below q are a prefix (CreditGrades.grade without its exit branch)
            int g = 0;
            for (double c : cut) {
                g += q > c ? 1 : 0;
            }
            grade[i] = g;
        }
    }

    private void lifetime(double[][] columns, int from, int to, ScoringBuffer b, List<String> ids) {
        int n = to - from;
        Retention.Source source = parameters.retention().source();
        double rate = parameters.retention().rate();
        double marginRate = parameters.marginRate();
        double[] margin = columns[marginIn];
        double[] r = b.retention;
        if (source == Retention.Source.CHURN_MODEL) {
            int bad = decisionValues(churnCoef, churnIntercept, churnIn, columns, from, to, r);
            if (bad >= 0) {
                throw overflow("churn model", parameters.churnModel(), churnIn, columns, from + bad, b.churnRow, ids);
            }
            for (int i = 0; i < n; i++) {
                r[i] = 1 - logistic(r[i]);
            }
        } else if (source == Retention.Source.CONSTANT) {
            java.util.Arrays.fill(r, 0, n, rate);
        } else {
            double[] p = b.defaultProbability;
            for (int i = 0; i < n; i++) {
                r[i] = rate * (1 - p[i]);
            }
        }
        DiscountedClv clv = parameters.clv();
        for (int i = 0; i < n; i++) {
            try {
                b.lifetime[i] = clv.value(margin[from + i] * marginRate, r[i]);
            } catch (ClvException e) {
                throw new SegmentationException(e, "customer lifetime value: %s: %s", who(ids, from + i),
                    e.getMessage());
            }
        }
    }

    /**
     * The fitted pieces in brief.
     *
     * @return a readable summary
     */
    @Override
    public String toString() {
        return "CustomerModel reads " + inputs + "; value cut-offs current "
            + org.powercx.core.TextTable.number(parameters.currentCutoff()) + ", potential "
            + org.powercx.core.TextTable.number(parameters.potentialCutoff()) + "; credit grades "
            + parameters.creditGrades().names() + "; topics " + topics() + "; retention "
            + parameters.retention().source().name().toLowerCase(java.util.Locale.ROOT);
    }

    private Object writeReplace() {
        return new SerializedForm(parameters);
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("use the serialization proxy");
    }

    /**
     * The serialized form: the parameters, version 1.
     *
     * @serial exclude
     */
    private static final class SerializedForm implements Serializable {
        private static final long serialVersionUID = 1L;
        /** The parameters. */
        private final Parameters parameters;

        SerializedForm(Parameters parameters) {
            this.parameters = parameters;
        }

        private Object readResolve() {
            return of(parameters);
        }
    }
}
