package org.powercx.segmentation;

import org.powercx.core.CustomerIndicators;

import java.util.ArrayList;
import java.util.List;
import org.powercx.core.CoreException;
import org.powercx.core.IndicatorTable;
import org.powercx.clv.ClvException;
import org.powercx.clv.DiscountedClv;
import org.powercx.credit.CreditException;
import org.powercx.credit.DiscriminantModel;
import org.powercx.credit.LinearDiscriminant;

/**
 * The whole segmentation pipeline of the two seeds in one call: value evaluation (AHP-weighted grey relational
 * analysis), value segments, customer lifetime value, credit grading (Fisher discriminant), risk topics, the
 * differentiated service plan and, given a survey, satisfaction by value segment.
 *
 * <p>Every configuration is checked against the tables before any work starts: an unknown indicator, an AHP
 * matrix that fails its consistency test or a service policy with an unknown label or a gap is reported with
 * its name. Customer lifetime value uses the core's deterministic discounted-margin model with a constant
 * margin \( m_i = \mu \cdot x_i \), \( x \) the margin column (fee revenue by default, see
 * {@link #withMargin}), and a retention chosen by {@link Retention}: by default \( r_i = r_0 (1 - p_i) \),
 * \( p_i \) the customer's default probability, else a constant or one minus the churn probability of a
 * discriminant fitted on a churn label (defaults: margin rate \( \mu = 0.1 \), base retention
 * \( r_0 = 0.97 \), discount rate 8 % a year over a 10-year horizon). {@link #fit} fits the pipeline once and
 * returns a {@link CustomerModel} that scores other customers without refitting. Immutable.
 *
 * @since 0.1.0
 */
public final class CustomerAnalysis {
    /** Default margin as a share of fee revenue. */
    public static final double DEFAULT_MARGIN_RATE = 0.1;
    /** Default yearly retention of a customer who never defaults. */
    public static final double DEFAULT_BASE_RETENTION = 0.97;
    private static final DiscountedClv DEFAULT_CLV = DiscountedClv.of(0.08).withHorizon(10);
    private static final CustomerAnalysis DEFAULTS = new CustomerAnalysis(ValueEvaluation.withDefaults(),
        ValueSegmentation.withDefaults(), RiskSegmentation.withDefaults(), CreditScoring.withDefaults(),
        ServicePolicy.defaults(), SatisfactionSegmentation.withDefaults(), DEFAULT_CLV, DEFAULT_MARGIN_RATE,
        Retention.fromDefaultProbability(DEFAULT_BASE_RETENTION), CustomerIndicators.FEE_REVENUE);

    private final ValueEvaluation value;
    private final ValueSegmentation segmentation;
    private final RiskSegmentation risk;
    private final CreditScoring credit;
    private final ServicePolicy policy;
    private final SatisfactionSegmentation satisfaction;
    private final DiscountedClv clv;
    private final double marginRate;
    private final Retention retention;
    private final String marginColumn;

    private CustomerAnalysis(ValueEvaluation value, ValueSegmentation segmentation, RiskSegmentation risk,
            CreditScoring credit, ServicePolicy policy, SatisfactionSegmentation satisfaction, DiscountedClv clv,
            double marginRate, Retention retention, String marginColumn) {
        this.value = value;
        this.segmentation = segmentation;
        this.risk = risk;
        this.credit = credit;
        this.policy = policy;
        this.satisfaction = satisfaction;
        this.clv = clv;
        this.marginRate = marginRate;
        this.retention = retention;
        this.marginColumn = marginColumn;
    }

    /**
     * Every step with its documented defaults, for tables with the columns of {@link CustomerIndicators}.
     *
     * @return the pipeline
     */
    public static CustomerAnalysis withDefaults() {
        return DEFAULTS;
    }

    /**
     * Uses another value evaluation (index system, AHP, GRA).
     *
     * @param newValue the step
     * @return a new pipeline
     * @throws SegmentationException if the argument is null
     */
    public CustomerAnalysis with(ValueEvaluation newValue) {
        return new CustomerAnalysis(notNull(newValue, "value evaluation"), segmentation, risk, credit, policy,
            satisfaction, clv, marginRate, retention, marginColumn);
    }

    /**
     * Uses other value-segment cut-offs.
     *
     * @param newSegmentation the step
     * @return a new pipeline
     * @throws SegmentationException if the argument is null
     */
    public CustomerAnalysis with(ValueSegmentation newSegmentation) {
        return new CustomerAnalysis(value, notNull(newSegmentation, "value segmentation"), risk, credit, policy,
            satisfaction, clv, marginRate, retention, marginColumn);
    }

    /**
     * Uses other risk rules.
     *
     * @param newRisk the step
     * @return a new pipeline
     * @throws SegmentationException if the argument is null
     */
    public CustomerAnalysis with(RiskSegmentation newRisk) {
        return new CustomerAnalysis(value, segmentation, notNull(newRisk, "risk segmentation"), credit, policy,
            satisfaction, clv, marginRate, retention, marginColumn);
    }

    /**
     * Uses another credit scoring.
     *
     * @param newCredit the step
     * @return a new pipeline
     * @throws SegmentationException if the argument is null
     */
    public CustomerAnalysis with(CreditScoring newCredit) {
        return new CustomerAnalysis(value, segmentation, risk, notNull(newCredit, "credit scoring"), policy,
            satisfaction, clv, marginRate, retention, marginColumn);
    }

    /**
     * Uses another service policy.
     *
     * @param newPolicy the policy
     * @return a new pipeline
     * @throws SegmentationException if the argument is null
     */
    public CustomerAnalysis with(ServicePolicy newPolicy) {
        return new CustomerAnalysis(value, segmentation, risk, credit, notNull(newPolicy, "service policy"),
            satisfaction, clv, marginRate, retention, marginColumn);
    }

    /**
     * Uses another satisfaction segmentation.
     *
     * @param newSatisfaction the step
     * @return a new pipeline
     * @throws SegmentationException if the argument is null
     */
    public CustomerAnalysis with(SatisfactionSegmentation newSatisfaction) {
        return new CustomerAnalysis(value, segmentation, risk, credit, policy,
            notNull(newSatisfaction, "satisfaction segmentation"), clv, marginRate, retention, marginColumn);
    }

    /**
     * Uses another lifetime-value model.
     *
     * @param newClv the discounted-margin calculator (discount rate, horizon, timing)
     * @param newMarginRate margin as a share of fee revenue, in (0, 1]
     * @param newBaseRetention yearly retention of a customer who never defaults, in [0, 1]
     * @return a new pipeline
     * @throws SegmentationException if an argument is null or out of range
     */
    public CustomerAnalysis withClv(DiscountedClv newClv, double newMarginRate, double newBaseRetention) {
        if (!(newMarginRate > 0 && newMarginRate <= 1) || !(newBaseRetention >= 0 && newBaseRetention <= 1)) {
            throw new SegmentationException("margin rate must be in (0, 1] and base retention in [0, 1] but were %s and %s",
                newMarginRate, newBaseRetention);
        }
        return new CustomerAnalysis(value, segmentation, risk, credit, policy, satisfaction,
            notNull(newClv, "CLV calculator"), newMarginRate, Retention.fromDefaultProbability(newBaseRetention),
            marginColumn);
    }

    /**
     * Uses another source of the lifetime value's retention (see {@link Retention}).
     *
     * @param newRetention the choice: from the default probability, a constant, or a churn model
     * @return a new pipeline
     * @throws SegmentationException if the argument is null
     * @since 0.2.0
     */
    public CustomerAnalysis with(Retention newRetention) {
        return new CustomerAnalysis(value, segmentation, risk, credit, policy, satisfaction, clv, marginRate,
            notNull(newRetention, "retention"), marginColumn);
    }

    /**
     * Takes the lifetime value's margin from another column: \( m_i = \mu \cdot x_i \) with \( x \) that column.
     *
     * @param column the column, for example a net margin or a bill amount
     * @param newMarginRate \( \mu \), in (0, 1] (1 when the column already is a margin)
     * @return a new pipeline
     * @throws SegmentationException if the column is null or blank or the rate out of range
     * @since 0.2.0
     */
    public CustomerAnalysis withMargin(String column, double newMarginRate) {
        if (column == null || column.isBlank() || !(newMarginRate > 0 && newMarginRate <= 1)) {
            throw new SegmentationException("margin needs a column and a rate in (0, 1] but got %s and %s", column,
                newMarginRate);
        }
        return new CustomerAnalysis(value, segmentation, risk, credit, policy, satisfaction, clv, newMarginRate,
            retention, column);
    }

    /**
     * The value evaluation.
     *
     * @return the step
     * @since 0.2.0
     */
    public ValueEvaluation valueEvaluation() {
        return value;
    }

    /**
     * The value-segment cut-offs.
     *
     * @return the step
     * @since 0.2.0
     */
    public ValueSegmentation valueSegmentation() {
        return segmentation;
    }

    /**
     * The credit scoring.
     *
     * @return the step
     * @since 0.2.0
     */
    public CreditScoring creditScoring() {
        return credit;
    }

    /**
     * The risk rules.
     *
     * @return the step
     * @since 0.2.0
     */
    public RiskSegmentation riskSegmentation() {
        return risk;
    }

    /**
     * The service policy.
     *
     * @return the policy
     * @since 0.2.0
     */
    public ServicePolicy servicePolicy() {
        return policy;
    }

    /**
     * The retention source of the lifetime value.
     *
     * @return the choice
     * @since 0.2.0
     */
    public Retention retention() {
        return retention;
    }

    /**
     * The column the lifetime value's margin is taken from.
     *
     * @return the column name
     * @since 0.2.0
     */
    public String marginColumn() {
        return marginColumn;
    }

    /**
     * The margin as a share of the margin column.
     *
     * @return the rate
     * @since 0.2.0
     */
    public double marginRate() {
        return marginRate;
    }

    /**
     * The discounted-margin calculator.
     *
     * @return the calculator
     * @since 0.2.0
     */
    public DiscountedClv clv() {
        return clv;
    }

    private static <T> T notNull(T t, String what) {
        if (t == null) {
            throw new SegmentationException("%s is null", what);
        }
        return t;
    }

    /**
     * Checks every configuration against a customer table (and a survey, if not null) without computing.
     *
     * @param customers the customers
     * @param survey the survey answers, or null
     * @throws SegmentationException naming the unknown indicator, the inconsistent AHP matrix, or the policy's
     *     unknown label or gap
     */
    public void check(IndicatorTable customers, IndicatorTable survey) {
        value.check(customers);
        risk.check(customers);
        credit.check(customers);
        for (String name : lifetimeColumns()) {
            if (!customers.contains(name)) {
                throw new SegmentationException("customer lifetime value: unknown indicator '%s'; the table has %s",
                    name, customers.indicatorNames());
            }
        }
        value.weights();
        policy.validate(ServicePolicy.labelsOf(ValueSegment.values()), credit.gradeNames(), risk.topicLabels());
        if (survey != null) {
            satisfaction.check(survey);
        }
    }

    /**
     * Runs the pipeline on customers only.
     *
     * @param customers the customers
     * @return the report, without satisfaction
     * @throws SegmentationException as {@link #check} and the steps
     */
    public AnalysisReport analyse(IndicatorTable customers) {
        return analyse(customers, null);
    }

    /**
     * Runs the pipeline.
     *
     * @param customers the customers
     * @param survey survey answers whose ids are customer ids, or null for none
     * @return the report
     * @throws SegmentationException as {@link #check} and the steps, and if a respondent is not a customer
     */
    public AnalysisReport analyse(IndicatorTable customers, IndicatorTable survey) {
        check(customers, survey);
        ValueScores values = value.evaluate(customers);
        ValueSegments segments = segmentation.segment(values.current(), values.potential());
        CreditAssessment creditResult = credit.assess(customers);
        RiskSegments risks = risk.apply(customers);
        ServicePlan plan = policy.plan(segments, creditResult.gradeNames(), creditResult.gradesView(), risks);
        double[] lifetime = lifetimeValues(customers, creditResult);
        SatisfactionSegments sat = null;
        if (survey != null) {
            List<String> labels = new ArrayList<>(survey.rowCount());
            for (int i = 0; i < survey.rowCount(); i++) {
                int row;
                try {
                    row = customers.rowIndexOf(survey.id(i));
                } catch (CoreException e) {
                    throw new SegmentationException(e, "survey respondent '%s' is not a customer", survey.id(i));
                }
                labels.add(segments.segment(row).label());
            }
            sat = satisfaction.analyse(survey, labels);
        }
        return new AnalysisReport(customers.ids(), values, segments, creditResult, risks, plan, lifetime, sat);
    }

    /** The margin column, then the churn model's indicators and label, if any. */
    List<String> lifetimeColumns() {
        List<String> names = new ArrayList<>();
        names.add(marginColumn);
        names.addAll(retention.indicators());
        if (retention.churnColumn() != null) {
            names.add(retention.churnColumn());
        }
        return names;
    }

    /**
     * Fits the pipeline on calibration customers: the value index (AHP weights and the two fitted grey
     * relational models), the value cut-offs, the credit discriminant and grade cut-offs, and the churn model
     * when retention comes from one. The model scores other customers without refitting; on the calibration
     * customers its scores equal those of {@link #analyse(IndicatorTable)} bit for bit.
     *
     * @param customers the calibration customers
     * @return the fitted model
     * @throws SegmentationException as {@link #analyse(IndicatorTable)}
     * @since 0.2.0
     */
    public CustomerModel fit(IndicatorTable customers) {
        AnalysisReport r = analyse(customers, null);
        DiscriminantModel churn = retention.source() == Retention.Source.CHURN_MODEL ? churnModel(customers) : null;
        ValueScores v = r.values();
        ValueIndexSystem system = value.system();
        boolean project = system.potentialIndicators().contains(ConsumptionProjection.PROJECTED_CONSUMPTION)
            && !customers.contains(ConsumptionProjection.PROJECTED_CONSUMPTION);
        return CustomerModel.of(new CustomerModel.Parameters(v.currentModel(), v.potentialModel(),
            system.logScale(), project ? system.series() : List.of(),
            v.weights().globalWeight(ValueIndexSystem.CURRENT), v.weights().globalWeight(ValueIndexSystem.POTENTIAL),
            r.segments().currentCutoff(), r.segments().potentialCutoff(), r.credit().model(), r.credit().scale(),
            risk.rules(), policy, marginColumn, marginRate, clv, retention, churn));
    }

    private DiscriminantModel churnModel(IndicatorTable customers) {
        String column = retention.churnColumn();
        double[] raw = customers.column(column);
        int[] labels = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != 0 && raw[i] != 1) {
                throw new SegmentationException("churn model: customer '%s' has %s = %s; expected 0 or 1",
                    customers.id(i), column, raw[i]);
            }
            labels[i] = (int) raw[i];
        }
        try {
            return LinearDiscriminant.withDefaults().fit(customers.select(retention.indicators().toArray(new String[0])),
                labels);
        } catch (CreditException | CoreException e) {
            throw new SegmentationException(e, "churn model: %s", e.getMessage());
        }
    }

    private double[] lifetimeValues(IndicatorTable customers, CreditAssessment creditResult) {
        double[] margins = customers.column(marginColumn);
        double[] rates;
        switch (retention.source()) {
            case CONSTANT:
                rates = new double[margins.length];
                java.util.Arrays.fill(rates, retention.rate());
                break;
            case CHURN_MODEL:
                DiscriminantModel churn = churnModel(customers);
                try {
                    rates = churn.defaultProbabilities(customers);
                } catch (CreditException e) {
                    throw new SegmentationException(e, "churn model: %s", e.getMessage());
                }
                for (int i = 0; i < rates.length; i++) {
                    rates[i] = 1 - rates[i];
                }
                break;
            default:
                rates = creditResult.defaultProbabilities();
                double base = retention.rate();
                for (int i = 0; i < rates.length; i++) {
                    rates[i] = base * (1 - rates[i]);
                }
        }
        for (int i = 0; i < margins.length; i++) {
            margins[i] *= marginRate;
        }
        try {
            return clv.values(margins, rates, null);
        } catch (ClvException e) {
            throw new SegmentationException(e, "customer lifetime value: %s", e.getMessage());
        }
    }
}
