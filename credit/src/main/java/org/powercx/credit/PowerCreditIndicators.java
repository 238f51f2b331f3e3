package org.powercx.credit;

import java.util.List;
import org.powercx.core.Indicator;

/**
 * A catalogue of credit indicators for power customers, following the indicator system of the credit-rating
 * seed paper: financial status, electricity consumption, payment behaviour, service-quality sensitivity,
 * equipment operation and management, and social credit. Each constant carries a direction (whether a
 * larger value means better credit), a unit and a description; adopt the ones your data hold.
 *
 * @since 0.1.0
 */
public final class PowerCreditIndicators {
    /** Total liabilities over total assets; higher means more leverage and worse credit. */
    public static final Indicator ASSET_LIABILITY_RATIO = Indicator.cost("asset_liability_ratio").withUnit("%")
        .withDescription("total liabilities / total assets");
    /** Current assets over current liabilities; higher means better short-term solvency. */
    public static final Indicator CURRENT_RATIO = Indicator.benefit("current_ratio").withUnit("ratio")
        .withDescription("current assets / current liabilities");
    /** Net profit over net assets (return on equity). */
    public static final Indicator RETURN_ON_NET_ASSETS = Indicator.benefit("return_on_net_assets").withUnit("%")
        .withDescription("net profit / average net assets");
    /** Share of loan instalments repaid on schedule. */
    public static final Indicator ON_SCHEDULE_LOAN_REPAYMENT_RATE = Indicator.benefit("loan_repayment_on_schedule")
        .withUnit("%").withDescription("loan instalments repaid on schedule / instalments due");
    /** Annual electricity consumption. */
    public static final Indicator ELECTRICITY_CONSUMPTION = Indicator.benefit("electricity_consumption")
        .withUnit("MWh/year").withDescription("metered annual electricity consumption");
    /** Number of bills in arrears over the last twelve months. */
    public static final Indicator ARREARS_COUNT = Indicator.cost("arrears_count").withUnit("bills/year")
        .withDescription("electricity bills paid late or unpaid in the last 12 months");
    /** Amount of electricity fees in arrears. */
    public static final Indicator ARREARS_AMOUNT = Indicator.cost("arrears_amount").withUnit("CNY")
        .withDescription("electricity fees overdue at the assessment date");
    /** Share of bills paid on time. */
    public static final Indicator ON_TIME_PAYMENT_RATE = Indicator.benefit("on_time_payment_rate").withUnit("%")
        .withDescription("bills paid by the due date / bills issued, last 12 months");
    /** How strongly satisfaction reacts to a change in service quality; more sensitive customers are riskier. */
    public static final Indicator SERVICE_QUALITY_SENSITIVITY = Indicator.cost("service_quality_sensitivity")
        .withUnit("score 1-5").withDescription("change of satisfaction per unit change of perceived service quality");
    /** Whether a reactive power compensation device is installed (1) or not (0). */
    public static final Indicator REACTIVE_POWER_COMPENSATION = Indicator.benefit("reactive_power_compensation")
        .withUnit("0/1").withDescription("reactive power compensation device installed");
    /** Whether equipment calibration runs on schedule (1) or not (0). */
    public static final Indicator CALIBRATION_ON_SCHEDULE = Indicator.benefit("calibration_on_schedule")
        .withUnit("0/1").withDescription("equipment calibration performed on schedule");
    /** Equipment accidents affecting the grid. */
    public static final Indicator EQUIPMENT_ACCIDENTS = Indicator.cost("equipment_accidents")
        .withUnit("events/year").withDescription("customer equipment accidents affecting the power grid");
    /** External social credit rating. */
    public static final Indicator SOCIAL_CREDIT_RATING = Indicator.benefit("social_credit_rating")
        .withUnit("score 0-100").withDescription("public social credit rating of the customer");

    private PowerCreditIndicators() {
    }

    /**
     * Every indicator of the catalogue, grouped as in the seed paper.
     *
     * @return an immutable list
     */
    public static List<Indicator> all() {
        return List.of(ASSET_LIABILITY_RATIO, CURRENT_RATIO, RETURN_ON_NET_ASSETS, ON_SCHEDULE_LOAN_REPAYMENT_RATE,
            ELECTRICITY_CONSUMPTION, ARREARS_COUNT, ARREARS_AMOUNT, ON_TIME_PAYMENT_RATE, SERVICE_QUALITY_SENSITIVITY,
            REACTIVE_POWER_COMPENSATION, CALIBRATION_ON_SCHEDULE, EQUIPMENT_ACCIDENTS, SOCIAL_CREDIT_RATING);
    }
}
