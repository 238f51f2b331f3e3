package org.powercx.segmentation;

import java.util.List;
import org.powercx.core.Indicator;

/**
 * The customer columns that {@link CustomerGenerator} produces and the default index systems, risk rules and
 * credit model read: names, directions, units and meanings. A user's own table may use other names; the
 * configurations then name those.
 *
 * @since 0.1.0
 */
public final class CustomerColumns {
    /** Customer class code, see {@link CustomerClass#code()}. */
    public static final String CUSTOMER_CLASS = "customer_class";
    /** Contract capacity, kVA. */
    public static final String CONTRACT_CAPACITY = "contract_capacity";
    /** Load factor: average over peak load of the last year, 0 to 1. */
    public static final String LOAD_FACTOR = "load_factor";
    /** Contract-capacity utilisation: peak load over contract capacity, 0 to 1. */
    public static final String CAPACITY_UTILISATION = "capacity_utilisation";
    /** Prefix of the five yearly consumption columns {@code consumption_y1} (oldest) to {@code consumption_y5}. */
    public static final String CONSUMPTION_PREFIX = "consumption_y";
    /** Last year's consumption, MWh. */
    public static final String ANNUAL_CONSUMPTION = "consumption_y5";
    /** Average yearly consumption growth over the five years, a fraction. */
    public static final String CONSUMPTION_GROWTH = "consumption_growth";
    /** Average tariff, yuan/kWh. */
    public static final String TARIFF = "tariff";
    /** Electricity fee revenue of the last year, thousand yuan. */
    public static final String FEE_REVENUE = "fee_revenue";
    /** Industry prospects, an account manager's score from 1 (declining) to 5 (strong growth). */
    public static final String INDUSTRY_PROSPECT = "industry_prospect";
    /** Share of bills paid on time in the last year, 0 to 1. */
    public static final String ON_TIME_PAYMENT_RATE = "on_time_payment_rate";
    /** Months with arrears in the last year, 0 to 12. */
    public static final String ARREARS_COUNT = "arrears_count";
    /** Arrears outstanding, thousand yuan. */
    public static final String ARREARS_AMOUNT = "arrears_amount";
    /** Asset-liability ratio, 0 to 1 (households: debt service over income). */
    public static final String ASSET_LIABILITY_RATIO = "asset_liability_ratio";
    /** Current ratio (households: liquid savings over monthly outgoings). */
    public static final String CURRENT_RATIO = "current_ratio";
    /** Social credit rating, 0 to 100. */
    public static final String SOCIAL_CREDIT_RATING = "social_credit_rating";
    /** Metering anomaly events (tamper, reverse flow, phase loss) in the last year. */
    public static final String METER_ANOMALY_COUNT = "meter_anomaly_count";
    /** Line loss of the customer's metering point, percent. */
    public static final String LINE_LOSS_RATE = "line_loss_rate";
    /** Share of service contacts made online (app, web), 0 to 1. */
    public static final String ONLINE_SERVICE_SHARE = "online_service_share";
    /** Outage sensitivity from the load survey, 0 (none) to 10 (critical load). */
    public static final String OUTAGE_SENSITIVITY = "outage_sensitivity";
    /** 1 if the customer defaulted on electricity fees in the last year, else 0. */
    public static final String DEFAULTED = "defaulted";

    private static final List<Indicator> ALL = List.of(
        Indicator.benefit(CUSTOMER_CLASS).withDescription("1 large industry, 2 commerce and industry, 3 residential, 4 agriculture"),
        Indicator.benefit(CONTRACT_CAPACITY).withUnit("kVA"),
        Indicator.benefit(LOAD_FACTOR),
        Indicator.benefit(CAPACITY_UTILISATION),
        Indicator.benefit(CONSUMPTION_PREFIX + 1).withUnit("MWh"),
        Indicator.benefit(CONSUMPTION_PREFIX + 2).withUnit("MWh"),
        Indicator.benefit(CONSUMPTION_PREFIX + 3).withUnit("MWh"),
        Indicator.benefit(CONSUMPTION_PREFIX + 4).withUnit("MWh"),
        Indicator.benefit(CONSUMPTION_PREFIX + 5).withUnit("MWh"),
        Indicator.benefit(CONSUMPTION_GROWTH),
        Indicator.cost(TARIFF).withUnit("yuan/kWh"),
        Indicator.benefit(FEE_REVENUE).withUnit("thousand yuan"),
        Indicator.benefit(INDUSTRY_PROSPECT),
        Indicator.benefit(ON_TIME_PAYMENT_RATE),
        Indicator.cost(ARREARS_COUNT),
        Indicator.cost(ARREARS_AMOUNT).withUnit("thousand yuan"),
        Indicator.cost(ASSET_LIABILITY_RATIO),
        Indicator.benefit(CURRENT_RATIO),
        Indicator.benefit(SOCIAL_CREDIT_RATING),
        Indicator.cost(METER_ANOMALY_COUNT),
        Indicator.cost(LINE_LOSS_RATE).withUnit("%"),
        Indicator.benefit(ONLINE_SERVICE_SHARE),
        Indicator.benefit(OUTAGE_SENSITIVITY),
        Indicator.cost(DEFAULTED));

    private CustomerColumns() {
    }

    /**
     * The generated columns, in table order.
     *
     * @return an unmodifiable list of 24 indicators
     */
    public static List<Indicator> indicators() {
        return ALL;
    }
}
