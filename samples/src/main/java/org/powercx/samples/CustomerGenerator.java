package org.powercx.samples;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.powercx.core.CustomerIndicators;
import org.powercx.core.Indicator;

/**
 * Seeded generator of realistic power-customer tables with known structure, for demos, tests and benchmarks.
 *
 * <p><b>Generative model.</b> Customer {@code i} first draws its {@link CustomerClass} {@code c} from the
 * class shares, then a latent credit quality \( q_i \sim N(\mu_c, 1) \). With \( z \) a fresh standard normal
 * each time, \( \sigma(x) = 1/(1+e^{-x}) \) and \( \operatorname{logit} \) its inverse:
 * <ul>
 * <li>contract capacity \( K = K_c e^{s_c z} \) kVA; load factor \( L = \sigma(\operatorname{logit} L_c + 0.35 z) \);
 *     utilisation \( U = \sigma(\operatorname{logit} U_c + 0.5 z) \);</li>
 * <li>latent growth \( g = g_c + 0.04 z \); last year's consumption \( y_5 = 0.9\,K U L \cdot 8.76 \) MWh and
 *     earlier years \( y_t = y_5 (1+g)^{t-5} e^{0.03 z} \); observed growth \( (y_5/y_1)^{1/4} - 1 \);</li>
 * <li>tariff \( T_c + 0.02 z \) yuan/kWh, fee revenue \( y_5 T \) thousand yuan; industry prospects
 *     \( \operatorname{round}(3 + 20 (g - 0.03) + 0.7 z) \) clipped to 1..5;</li>
 * <li>payment behaviour driven by \( q \): on-time rate \( \sigma(2.2 + 1.2 q + 0.4 z) \), arrears months
 *     \( \operatorname{Poisson}(e^{-0.2 - 0.9 q}) \) capped at 12, arrears amount = months x monthly fee x
 *     U(0.2, 0.8); asset-liability ratio \( \sigma(-0.2 - 0.5 q + 0.4 z) \); current ratio
 *     \( e^{0.3 + 0.25 q + 0.25 z} \); social credit \( 70 + 9 q + 5 z \) clipped to 0..100;</li>
 * <li>default in the last year with probability \( p_i = \sigma(\alpha + \beta q_i) \), \( \alpha = -3 \),
 *     \( \beta = -1.5 \) (about 6 % overall);</li>
 * <li>electricity theft with probability \( \min(1, \theta_c e^{-0.5 q}) \); meter anomalies
 *     \( \operatorname{Poisson}(0.3 + 3.5\,\mathrm{theft}) \); line loss \( 2 e^{0.3 z} + 6\,\mathrm{theft}\,(0.5 + u) \) %;</li>
 * <li>online-service share \( \sigma(o_c + 1.2 z) \); outage sensitivity \( S_c + 1.5 z \) clipped to 0..10.</li>
 * </ul>
 * Values are rounded to the precision a billing system keeps (see {@link CustomerIndicators}). The class
 * parameters are listed on {@link CustomerClass}.
 *
 * <p><b>Reproducibility and scale.</b> Rows are produced in blocks of {@value #BLOCK_ROWS}; one
 * {@link SplittableRandom} per block is split from the seed's generator in block order before any work
 * starts, and the variates use {@link StrictMath} only, so a seed gives bit-identical columns whatever the
 * thread count, JDK or platform. Storage is {@code 24 + 4} primitive columns (about 224 bytes per customer),
 * with no per-row objects; ten million customers take about 2.2 GB.
 *
 * @since 0.1.0
 */
public final class CustomerGenerator {
    /** Rows per independently seeded block. */
    public static final int BLOCK_ROWS = 1 << 14;
    /** Intercept \( \alpha \) of the default model. */
    public static final double DEFAULT_INTERCEPT = -3.0;
    /** Slope \( \beta \) of the default model on the latent credit quality. */
    public static final double DEFAULT_SLOPE = -1.5;
    /** Largest number of customers one call generates. */
    public static final int MAX_CUSTOMERS = 50_000_000;

    static final int COLUMNS = 24;
    private static final CustomerClass[] CLASSES = CustomerClass.values();
    private static final CustomerGenerator DEFAULTS = new CustomerGenerator(true);

    private final boolean parallel;

    private CustomerGenerator(boolean parallel) {
        this.parallel = parallel;
    }

    /**
     * The generated columns in table order, with their directions and units:
     * {@link CustomerIndicators#customerTable()}.
     *
     * @return an unmodifiable list of 24 indicators
     */
    public static List<Indicator> columns() {
        return CustomerIndicators.customerTable();
    }

    /**
     * The generator with the documented model, generating blocks in parallel.
     *
     * @return the generator
     */
    public static CustomerGenerator withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy that generates blocks in parallel or on the calling thread only; the output is the same.
     *
     * @param newParallel whether to use the common fork-join pool
     * @return a new generator
     */
    public CustomerGenerator withParallel(boolean newParallel) {
        return new CustomerGenerator(newParallel);
    }

    /**
     * Generates customers.
     *
     * @param customers how many, 1 to {@value #MAX_CUSTOMERS}
     * @param seed the seed; the same seed gives the same bits
     * @return the customers, with the latent truth behind them
     * @throws SamplesException if the count is out of range
     */
    public GeneratedCustomers generate(int customers, long seed) {
        if (customers < 1 || customers > MAX_CUSTOMERS) {
            throw new SamplesException("number of customers must be 1 to %d but was %d", MAX_CUSTOMERS, customers);
        }
        int n = customers;
        double[][] cols = new double[COLUMNS][n];
        double[] quality = new double[n];
        double[] pd = new double[n];
        double[] growth = new double[n];
        boolean[] theft = new boolean[n];
        int blocks = (n + BLOCK_ROWS - 1) / BLOCK_ROWS;
        SplittableRandom master = new SplittableRandom(seed);
        SplittableRandom[] rngs = new SplittableRandom[blocks];
        for (int b = 0; b < blocks; b++) {
            rngs[b] = master.split();
        }
        IntStream range = IntStream.range(0, blocks);
        (parallel ? range.parallel() : range).forEach(b -> {
            int to = Math.min(n, (b + 1) * BLOCK_ROWS);
            for (int i = b * BLOCK_ROWS; i < to; i++) {
                row(rngs[b], i, cols, quality, pd, growth, theft);
            }
        });
        return new GeneratedCustomers(cols, quality, pd, growth, theft);
    }

    private static void row(SplittableRandom r, int i, double[][] c, double[] quality, double[] pd,
            double[] growth, boolean[] theft) {
        double u = r.nextDouble();
        CustomerClass k = CLASSES[CLASSES.length - 1];
        double cum = 0;
        for (CustomerClass cc : CLASSES) {
            cum += cc.share;
            if (u < cum) {
                k = cc;
                break;
            }
        }
        double q = k.creditMean + Rand.normal(r);
        double capacity = Rand.round(k.capacityMedian * StrictMath.exp(k.capacitySigma * Rand.normal(r)), 10);
        capacity = Math.max(capacity, 0.1);
        double load = Rand.round(Rand.logistic(Rand.logit(k.loadFactor) + 0.35 * Rand.normal(r)), 1000);
        double util = Rand.round(Rand.logistic(Rand.logit(k.utilisation) + 0.5 * Rand.normal(r)), 1000);
        load = Math.max(load, 0.001);
        util = Math.max(util, 0.001);
        double g = k.growth + 0.04 * Rand.normal(r);
        double y5 = Math.max(0.01, Rand.round(0.9 * capacity * util * load * 8.76, 100));
        double y1 = 0;
        for (int t = 1; t <= 4; t++) {
            double y = Rand.round(y5 * StrictMath.pow(1 + g, t - 5) * StrictMath.exp(0.03 * Rand.normal(r)), 100);
            y = Math.max(y, 0.01);
            c[3 + t][i] = y;
            if (t == 1) {
                y1 = y;
            }
        }
        double tariff = Rand.round(k.tariff + 0.02 * Rand.normal(r), 10_000);
        double fee = Rand.round(y5 * tariff, 100);
        double prospect = Rand.clamp(Math.round(3 + 20 * (g - 0.03) + 0.7 * Rand.normal(r)), 1, 5);
        double onTime = Rand.round(Rand.logistic(2.2 + 1.2 * q + 0.4 * Rand.normal(r)), 1000);
        int arrears = Rand.poisson(r, StrictMath.exp(-0.2 - 0.9 * q), 12);
        double arrearsAmount = Rand.round(arrears * fee / 12 * (0.2 + 0.6 * r.nextDouble()), 100);
        double alr = Rand.round(Rand.logistic(-0.2 - 0.5 * q + 0.4 * Rand.normal(r)), 1000);
        double currentRatio = Rand.round(StrictMath.exp(0.3 + 0.25 * q + 0.25 * Rand.normal(r)), 1000);
        double social = Rand.round(Rand.clamp(70 + 9 * q + 5 * Rand.normal(r), 0, 100), 10);
        double p = Rand.logistic(DEFAULT_INTERCEPT + DEFAULT_SLOPE * q);
        boolean defaulted = r.nextDouble() < p;
        boolean thief = r.nextDouble() < Math.min(1.0, k.theftRate * StrictMath.exp(-0.5 * q));
        int anomalies = Rand.poisson(r, thief ? 3.8 : 0.3, 50);
        double lineLoss = Rand.round(2 * StrictMath.exp(0.3 * Rand.normal(r))
            + (thief ? 6 * (0.5 + r.nextDouble()) : 0), 100);
        double online = Rand.round(Rand.logistic(k.onlineLogit + 1.2 * Rand.normal(r)), 1000);
        double outage = Rand.round(Rand.clamp(k.outageSensitivity + 1.5 * Rand.normal(r), 0, 10), 10);

        c[0][i] = k.code();
        c[1][i] = capacity;
        c[2][i] = load;
        c[3][i] = util;
        c[8][i] = y5;
        c[9][i] = Rand.round(StrictMath.pow(y5 / y1, 0.25) - 1, 10_000);
        c[10][i] = tariff;
        c[11][i] = fee;
        c[12][i] = prospect;
        c[13][i] = onTime;
        c[14][i] = arrears;
        c[15][i] = arrearsAmount;
        c[16][i] = alr;
        c[17][i] = currentRatio;
        c[18][i] = social;
        c[19][i] = anomalies;
        c[20][i] = lineLoss;
        c[21][i] = online;
        c[22][i] = outage;
        c[23][i] = defaulted ? 1 : 0;
        quality[i] = q;
        pd[i] = p;
        growth[i] = g;
        theft[i] = thief;
    }
}
