package org.powercx.clv;

import java.util.List;
import org.powercx.core.TextTable;

/**
 * Customer lifetime value in a non-contractual setting from a {@link BgNbd} purchase model and a
 * {@link GammaGamma} spend model: the discounted expected margin of the purchases a customer with history
 * \((x, t_x, T)\) and mean spend \(\bar{z}\) makes over the next \(H\) periods of length \(\tau\),
 * \[ \mathrm{CLV} = g\, E[Z \mid x, \bar{z}] \sum_{i=1}^{H} \frac{E[Y(i\tau)] - E[Y((i-1)\tau)]}{(1+d)^i} \]
 * with margin fraction \(g\), discount rate \(d\) per period and \(E[Y(t)]\) the BG/NBD conditional expectation
 * (Fader, Hardie and Lee 2005, RFM and CLV: using iso-value curves for customer base analysis, J. Marketing
 * Research 42(4):415-430, doi:10.1509/jmkr.2005.42.4.415, which assumes spend independent of the purchase
 * process; the discrete discounting is the usual approximation of their continuous DET).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class PurchaseClv {
    private final BgNbd transactions;
    private final GammaGamma spend;
    private final int periods;
    private final double periodLength;
    private final double discountRate;
    private final double margin;

    private PurchaseClv(BgNbd transactions, GammaGamma spend, int periods, double periodLength, double discountRate,
            double margin) {
        this.transactions = transactions;
        this.spend = spend;
        this.periods = periods;
        this.periodLength = periodLength;
        this.discountRate = discountRate;
        this.margin = margin;
    }

    /**
     * A calculator over \(H\) periods of length \(\tau\), without discounting and with margin fraction 1 (the
     * value is then expected revenue).
     *
     * @param transactions the fitted purchase model
     * @param spend the fitted spend model
     * @param periods \(H \ge 1\)
     * @param periodLength \(\tau > 0\), in the time unit of the purchase data (for example 4.345 weeks for a month)
     * @return the calculator
     * @throws ClvException if a model is null or a number is invalid
     */
    public static PurchaseClv of(BgNbd transactions, GammaGamma spend, int periods, double periodLength) {
        if (transactions == null || spend == null) {
            throw new ClvException("purchase CLV needs a BG/NBD and a Gamma-Gamma model, got %s and %s",
                    transactions, spend);
        }
        if (periods < 1) {
            throw new ClvException("horizon must be at least 1 period, got %d", periods);
        }
        return new PurchaseClv(transactions, spend, periods, Checks.positive("period length", periodLength), 0, 1);
    }

    /**
     * Returns a calculator with a discount rate per period.
     *
     * @param rate \(d \ge 0\)
     * @return a new calculator
     * @throws ClvException if the rate is negative or not finite
     */
    public PurchaseClv withDiscountRate(double rate) {
        return new PurchaseClv(transactions, spend, periods, periodLength, Checks.discountRate(rate), margin);
    }

    /**
     * Returns a calculator with a margin fraction of spend.
     *
     * @param fraction \(g\), finite (1 for revenue)
     * @return a new calculator
     * @throws ClvException if the fraction is not finite
     */
    public PurchaseClv withMargin(double fraction) {
        return new PurchaseClv(transactions, spend, periods, periodLength, discountRate,
                Checks.finite("margin fraction", fraction));
    }

    /**
     * The CLV of one customer.
     *
     * @param x frequency (repeat purchases)
     * @param tx recency
     * @param age age \(T\)
     * @param meanSpend mean spend per repeat purchase (0 allowed when \(x = 0\))
     * @return the CLV
     * @throws ClvException if the history is invalid, or the value is not finite (it overflows the double range,
     *     or the spend model has no finite expected spend, \(px + q \le 1\))
     */
    public double value(double x, double tx, double age, double meanSpend) {
        PurchaseHistory.check(0, x, tx, age);
        GammaGammaFit.check(0, x, meanSpend);
        return clv(0, x, tx, age, meanSpend);
    }

    /**
     * The CLV of many customers.
     *
     * @param x frequencies; not modified
     * @param tx recencies; not modified
     * @param age ages; not modified
     * @param meanSpend mean spends; not modified
     * @param out receives the values, at least as long as {@code x}; modified (may be {@code null}, then a new
     *     array is returned)
     * @return {@code out}, or the new array
     * @throws ClvException if the arrays differ in length, or a customer's values are invalid or give a value that
     *     is not finite (naming its index)
     */
    public double[] values(double[] x, double[] tx, double[] age, double[] meanSpend, double[] out) {
        if (x == null || tx == null || age == null || meanSpend == null) {
            throw new ClvException("frequency, recency, age and mean spend must not be null");
        }
        Checks.sameLength("frequency", x, "recency", tx);
        Checks.sameLength("frequency", x, "age", age);
        Checks.sameLength("frequency", x, "mean spend", meanSpend);
        double[] result = out == null ? new double[x.length] : out;
        if (result.length < x.length) {
            throw new ClvException("output array has %d places for %d customers", result.length, x.length);
        }
        for (int i = 0; i < x.length; i++) {
            PurchaseHistory.check(i, x[i], tx[i], age[i]);
            GammaGammaFit.check(i, x[i], meanSpend[i]);
        }
        // The discounted expected purchases of a customer who is alive depend on (x, T) only: compute them once per
        // distinct pair (customer bases measured in days or weeks share few pairs among many customers).
        PairCache cache = new PairCache(Math.min(x.length, 1 << 16));
        for (int i = 0; i < x.length; i++) {
            double sum = cache.get(x[i], age[i]);
            if (Double.isNaN(sum)) {
                sum = discountedIfAlive(x[i], age[i]);
                cache.put(x[i], age[i], sum);
            }
            result[i] = finish(i, x[i], tx[i], age[i], meanSpend[i], sum);
        }
        return result;
    }

    private double clv(int customer, double x, double tx, double age, double meanSpend) {
        return finish(customer, x, tx, age, meanSpend, discountedIfAlive(x, age));
    }

    /** \(\sum_i (E_i - E_{i-1})/(1+d)^i\) with \(E_i\) the expected purchases in \(i\) periods if alive. */
    private double discountedIfAlive(double x, double age) {
        double previous = 0;
        double discount = 1;
        double sum = 0;
        for (int i = 1; i <= periods; i++) {
            double current = transactions.expectedIfAlive(i * periodLength, x, age);
            discount *= 1 + discountRate;
            sum += (current - previous) / discount;
            previous = current;
        }
        return sum;
    }

    private double finish(int customer, double x, double tx, double age, double meanSpend, double ifAlive) {
        double sum = ifAlive / (1 + transactions.oddsDead(x, tx, age));
        double value = margin * spend.expectedSpend(x, meanSpend) * sum;
        if (!Double.isFinite(value)) {
            throw new ClvException("customer %d: the CLV is not finite (%s): it overflows the double range or the"
                    + " spend model has no finite mean (margin fraction %s, mean spend %s, expected purchases %s)",
                    customer, value, margin, meanSpend, sum);
        }
        return value;
    }

    /** An open-addressing map from (x, T) to a double, NaN when absent; it stops adding when half full. */
    private static final class PairCache {
        private final long[] keyX;
        private final long[] keyT;
        private final double[] values;
        private final int mask;
        private int size;

        PairCache(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected)) << 2;
            keyX = new long[capacity];
            keyT = new long[capacity];
            values = new double[capacity];
            java.util.Arrays.fill(values, Double.NaN);
            mask = capacity - 1;
        }

        private int slot(long kx, long kt) {
            long h = kx * 0x9E3779B97F4A7C15L + kt;
            h ^= h >>> 29;
            h *= 0xBF58476D1CE4E5B9L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        double get(double x, double t) {
            long kx = Double.doubleToLongBits(x);
            long kt = Double.doubleToLongBits(t);
            for (int i = slot(kx, kt);; i = (i + 1) & mask) {
                if (Double.isNaN(values[i])) {
                    return Double.NaN;
                }
                if (keyX[i] == kx && keyT[i] == kt) {
                    return values[i];
                }
            }
        }

        void put(double x, double t, double value) {
            if (2 * (size + 1) > values.length || Double.isNaN(value)) {
                return;
            }
            long kx = Double.doubleToLongBits(x);
            long kt = Double.doubleToLongBits(t);
            int i = slot(kx, kt);
            while (!Double.isNaN(values[i])) {
                i = (i + 1) & mask;
            }
            keyX[i] = kx;
            keyT[i] = kt;
            values[i] = value;
            size++;
        }
    }

    /**
     * Describes the configuration.
     *
     * @return an aligned table
     */
    @Override
    public String toString() {
        return "purchase CLV (BG/NBD x Gamma-Gamma)\n" + TextTable.render(List.of("setting", "value"), List.of(
                List.of("periods", Integer.toString(periods)),
                List.of("period length", TextTable.number(periodLength)),
                List.of("discount rate", TextTable.number(discountRate)),
                List.of("margin", TextTable.number(margin))));
    }
}
