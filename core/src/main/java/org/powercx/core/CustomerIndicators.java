package org.powercx.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one catalogue of power-customer indicators: column names, directions, units and meanings, following the
 * indicator systems of the value-evaluation and credit-rating source documents (financial status, electricity
 * consumption, payment behaviour, service, equipment operation and social credit). The default value index
 * system, risk rules and credit model of the segmentation module read these names, and the sample data of the
 * samples module use them; a user's own table may use other names, and the configurations then name those.
 *
 * <p>Units are the same wherever a name is used: money in thousand yuan, shares and rates as fractions from 0
 * to 1 (not percent), consumption in MWh. {@link #all()} lists every indicator, {@link #of(String)} finds one
 * by name.
 *
 * @since 0.1.0
 */
public final class CustomerIndicators {
    /** Customer class code: 1 large industry, 2 commerce and industry, 3 residential, 4 agriculture. */
    public static final String CUSTOMER_CLASS = "customer_class";
    /** Contract capacity, kVA. */
    public static final String CONTRACT_CAPACITY = "contract_capacity";
    /** Load factor: average over peak load of the last year, 0 to 1. */
    public static final String LOAD_FACTOR = "load_factor";
    /** Contract-capacity utilisation: peak load over contract capacity, 0 to 1. */
    public static final String CAPACITY_UTILISATION = "capacity_utilisation";
    /** Prefix of the five yearly consumption columns {@code consumption_y1} (oldest) to {@code consumption_y5}. */
    public static final String CONSUMPTION_PREFIX = "consumption_y";
    /** Last year's (annual) electricity consumption, MWh. */
    public static final String ANNUAL_CONSUMPTION = "consumption_y5";
    /** Average yearly consumption growth over the five years, a fraction. */
    public static final String CONSUMPTION_GROWTH = "consumption_growth";
    /** Average tariff, yuan/kWh. */
    public static final String TARIFF = "tariff";
    /** Electricity fee revenue of the last year, thousand yuan. */
    public static final String FEE_REVENUE = "fee_revenue";
    /** Industry prospects, an account manager's score from 1 (declining) to 5 (strong growth). */
    public static final String INDUSTRY_PROSPECT = "industry_prospect";
    /** Share of bills paid by the due date in the last year, 0 to 1. */
    public static final String ON_TIME_PAYMENT_RATE = "on_time_payment_rate";
    /** Months with arrears (bills paid late or unpaid) in the last year, 0 to 12. */
    public static final String ARREARS_COUNT = "arrears_count";
    /** Electricity fees overdue at the assessment date, thousand yuan. */
    public static final String ARREARS_AMOUNT = "arrears_amount";
    /** Total liabilities over total assets, 0 to 1 (households: debt service over income). */
    public static final String ASSET_LIABILITY_RATIO = "asset_liability_ratio";
    /** Current assets over current liabilities (households: liquid savings over monthly outgoings). */
    public static final String CURRENT_RATIO = "current_ratio";
    /** Net profit over average net assets (return on equity), a fraction. */
    public static final String RETURN_ON_NET_ASSETS = "return_on_net_assets";
    /** Share of loan instalments repaid on schedule, 0 to 1. */
    public static final String LOAN_REPAYMENT_ON_SCHEDULE = "loan_repayment_on_schedule";
    /** Public social credit rating, 0 to 100. */
    public static final String SOCIAL_CREDIT_RATING = "social_credit_rating";
    /** Change of satisfaction per unit change of perceived service quality, score 1 to 5. */
    public static final String SERVICE_QUALITY_SENSITIVITY = "service_quality_sensitivity";
    /** 1 if a reactive power compensation device is installed, else 0. */
    public static final String REACTIVE_POWER_COMPENSATION = "reactive_power_compensation";
    /** 1 if equipment calibration runs on schedule, else 0. */
    public static final String CALIBRATION_ON_SCHEDULE = "calibration_on_schedule";
    /** Customer equipment accidents affecting the grid in the last year. */
    public static final String EQUIPMENT_ACCIDENTS = "equipment_accidents";
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
        Indicator.benefit(CUSTOMER_CLASS)
            .withDescription("1 large industry, 2 commerce and industry, 3 residential, 4 agriculture"),
        Indicator.benefit(CONTRACT_CAPACITY).withUnit("kVA"),
        Indicator.benefit(LOAD_FACTOR).withUnit("share").withDescription("average load / peak load, last year"),
        Indicator.benefit(CAPACITY_UTILISATION).withUnit("share")
            .withDescription("peak load / contract capacity, last year"),
        consumption(1), consumption(2), consumption(3), consumption(4), consumption(5),
        Indicator.benefit(CONSUMPTION_GROWTH).withUnit("fraction/year")
            .withDescription("average yearly consumption growth over five years"),
        Indicator.cost(TARIFF).withUnit("yuan/kWh"),
        Indicator.benefit(FEE_REVENUE).withUnit("thousand yuan").withDescription("electricity fees billed, last year"),
        Indicator.benefit(INDUSTRY_PROSPECT).withUnit("score 1-5"),
        Indicator.benefit(ON_TIME_PAYMENT_RATE).withUnit("share")
            .withDescription("bills paid by the due date / bills issued, last 12 months"),
        Indicator.cost(ARREARS_COUNT).withUnit("months/year")
            .withDescription("months with bills paid late or unpaid, last 12 months"),
        Indicator.cost(ARREARS_AMOUNT).withUnit("thousand yuan")
            .withDescription("electricity fees overdue at the assessment date"),
        Indicator.cost(ASSET_LIABILITY_RATIO).withUnit("share").withDescription("total liabilities / total assets"),
        Indicator.benefit(CURRENT_RATIO).withUnit("ratio").withDescription("current assets / current liabilities"),
        Indicator.benefit(SOCIAL_CREDIT_RATING).withUnit("score 0-100")
            .withDescription("public social credit rating of the customer"),
        Indicator.cost(METER_ANOMALY_COUNT).withUnit("events/year"),
        Indicator.cost(LINE_LOSS_RATE).withUnit("%"),
        Indicator.benefit(ONLINE_SERVICE_SHARE).withUnit("share"),
        Indicator.benefit(OUTAGE_SENSITIVITY).withUnit("score 0-10"),
        Indicator.cost(DEFAULTED).withUnit("0/1"),
        Indicator.benefit(RETURN_ON_NET_ASSETS).withUnit("fraction")
            .withDescription("net profit / average net assets"),
        Indicator.benefit(LOAN_REPAYMENT_ON_SCHEDULE).withUnit("share")
            .withDescription("loan instalments repaid on schedule / instalments due"),
        Indicator.cost(SERVICE_QUALITY_SENSITIVITY).withUnit("score 1-5")
            .withDescription("change of satisfaction per unit change of perceived service quality"),
        Indicator.benefit(REACTIVE_POWER_COMPENSATION).withUnit("0/1")
            .withDescription("reactive power compensation device installed"),
        Indicator.benefit(CALIBRATION_ON_SCHEDULE).withUnit("0/1")
            .withDescription("equipment calibration performed on schedule"),
        Indicator.cost(EQUIPMENT_ACCIDENTS).withUnit("events/year")
            .withDescription("customer equipment accidents affecting the power grid"));

    private static final Map<String, Indicator> BY_NAME = index(ALL);
    private static final List<Indicator> CUSTOMER_TABLE = List.copyOf(ALL.subList(0, 24));

    private CustomerIndicators() {
    }

    private static Indicator consumption(int year) {
        return Indicator.benefit(CONSUMPTION_PREFIX + year).withUnit("MWh")
            .withDescription("electricity consumption of year " + year + " of 5 (5 = last year)");
    }

    private static Map<String, Indicator> index(List<Indicator> all) {
        Map<String, Indicator> map = new LinkedHashMap<>();
        for (Indicator i : all) {
            map.put(i.name(), i);
        }
        return Map.copyOf(map);
    }

    /**
     * Every indicator of the catalogue: first the 24 columns of the bundled sample customers, in their table
     * order, then the further credit indicators of the credit-rating source document.
     *
     * @return an unmodifiable list
     */
    public static List<Indicator> all() {
        return ALL;
    }

    /**
     * The 24 columns of a customer table as the bundled sample holds them, in its column order: the columns
     * the segmentation module's default value index system, risk rules and credit model read. Give them to a
     * CSV reader ({@code CsvTableReader.withIndicators}) to read such a table with its directions and units.
     *
     * @return an unmodifiable list of 24 indicators
     */
    public static List<Indicator> customerTable() {
        return CUSTOMER_TABLE;
    }

    /**
     * The catalogue's indicator of a name, with its direction, unit and description.
     *
     * @param name a column name of the catalogue, for example {@link #ARREARS_AMOUNT}
     * @return the indicator
     * @throws CoreException if the name is null or not in the catalogue
     */
    public static Indicator of(String name) {
        Indicator found = name == null ? null : BY_NAME.get(name);
        if (found != null) {
            return found;
        }
        throw new CoreException("indicator '%s' is not in the customer indicator catalogue", name);
    }

    /**
     * The catalogue's indicators of several names, in the order given.
     *
     * @param names column names of the catalogue
     * @return an unmodifiable list
     * @throws CoreException if a name is null or not in the catalogue
     */
    public static List<Indicator> of(String... names) {
        if (names == null) {
            throw new CoreException("indicator names are null");
        }
        Indicator[] out = new Indicator[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = of(names[i]);
        }
        return List.of(out);
    }
}
