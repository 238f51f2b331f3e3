package org.powercx.samples;

import org.powercx.core.CustomerIndicators;

/**
 * The four customer classes of a Chinese power supply bureau's tariff catalogue, with the parameters that
 * {@link CustomerGenerator} draws each class from.
 *
 * <p>The class is stored in tables as the numeric column {@link CustomerIndicators#CUSTOMER_CLASS} holding
 * {@link #code()}. The generator's parameters (share of customers, median contract capacity, mean load factor,
 * capacity utilisation, consumption growth, tariff, mean latent credit quality, theft rate, online-service
 * propensity, outage sensitivity) are documented on each constant; they are plausible orders of magnitude
 * for a prefecture-level bureau, not estimates from a particular bureau.
 *
 * @since 0.1.0
 */
public enum CustomerClass {
    /**
     * Large industry (two-part tariff, capacity of 315 kVA and above): 2 % of customers, median capacity
     * 4,000 kVA, load factor 0.65, utilisation 0.75, growth 3 %, tariff 0.62 yuan/kWh, credit mean +0.4,
     * theft 0.5 %, online propensity -0.5, outage sensitivity 7.5 of 10.
     */
    LARGE_INDUSTRY(1, "large industry", 0.02, 4000, 0.55, 0.65, 0.75, 0.03, 0.62, 0.4, 0.005, -0.5, 7.5),
    /**
     * General commerce and industry: 18 % of customers, median capacity 160 kVA, load factor 0.45,
     * utilisation 0.6, growth 5 %, tariff 0.75 yuan/kWh, credit mean 0, theft 3 %, online propensity 0,
     * outage sensitivity 5.5 of 10.
     */
    COMMERCE_INDUSTRY(2, "general commerce and industry", 0.18, 160, 0.8, 0.45, 0.6, 0.05, 0.75, 0.0, 0.03, 0.0, 5.5),
    /**
     * Residential: 70 % of customers, median capacity 8 kVA, load factor 0.25, utilisation 0.4, growth 4 %,
     * tariff 0.56 yuan/kWh, credit mean +0.2, theft 1 %, online propensity +0.6, outage sensitivity 3 of 10.
     */
    RESIDENTIAL(3, "residential", 0.70, 8, 0.3, 0.25, 0.4, 0.04, 0.56, 0.2, 0.01, 0.6, 3.0),
    /**
     * Agriculture (irrigation and farm production): 10 % of customers, median capacity 50 kVA, load factor
     * 0.3, utilisation 0.5, growth 2 %, tariff 0.50 yuan/kWh, credit mean -0.3, theft 4 %, online propensity
     * -1, outage sensitivity 4 of 10.
     */
    AGRICULTURE(4, "agriculture", 0.10, 50, 0.7, 0.30, 0.5, 0.02, 0.50, -0.3, 0.04, -1.0, 4.0);

    private final int code;
    private final String label;
    final double share;
    final double capacityMedian;
    final double capacitySigma;
    final double loadFactor;
    final double utilisation;
    final double growth;
    final double tariff;
    final double creditMean;
    final double theftRate;
    final double onlineLogit;
    final double outageSensitivity;

    CustomerClass(int code, String label, double share, double capacityMedian, double capacitySigma,
            double loadFactor, double utilisation, double growth, double tariff, double creditMean,
            double theftRate, double onlineLogit, double outageSensitivity) {
        this.code = code;
        this.label = label;
        this.share = share;
        this.capacityMedian = capacityMedian;
        this.capacitySigma = capacitySigma;
        this.loadFactor = loadFactor;
        this.utilisation = utilisation;
        this.growth = growth;
        this.tariff = tariff;
        this.creditMean = creditMean;
        this.theftRate = theftRate;
        this.onlineLogit = onlineLogit;
        this.outageSensitivity = outageSensitivity;
    }

    /**
     * The numeric code stored in tables.
     *
     * @return 1 to 4
     */
    public int code() {
        return code;
    }

    /**
     * A readable name.
     *
     * @return for example {@code "large industry"}
     */
    public String label() {
        return label;
    }

    /**
     * The share of customers the generator gives this class.
     *
     * @return a probability
     */
    public double share() {
        return share;
    }

    /**
     * The class of a code.
     *
     * @param code 1 to 4
     * @return the class
     * @throws SamplesException if the code is not one of the classes' codes
     */
    public static CustomerClass ofCode(double code) {
        for (CustomerClass c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        throw new SamplesException("customer class code must be 1 to 4 but was %s", code);
    }
}
